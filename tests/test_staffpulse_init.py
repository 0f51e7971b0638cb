"""The package itself loads nothing slow: Ctrl-C the moment a run starts is one plain line,
and the version is still there when asked for."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import staffpulse

# Ctrl-C (a real SIGINT) lands the moment a staffpulse module first loads a module not yet
# loaded: before the fix that was importlib.metadata, loaded by the package itself before the
# command line's guard was in place, and the user saw a traceback. The child takes Ctrl-C as a
# terminal's shell gives it: a test process may hold SIGINT ignored for a moment (the Dask
# runner does while it starts workers), and a child inherits an ignored signal
_PRESS_AT_FIRST_LOAD = """
import builtins, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.argv = ["staffpulse", "stats"]
load = builtins.__import__
def pressed(name, globals=None, *args, **kwargs):
    by = (globals or {}).get("__name__", "")
    if by.startswith("staffpulse") and name not in sys.modules:
        builtins.__import__ = load
        signal.raise_signal(signal.SIGINT)
    return load(name, globals, *args, **kwargs)
builtins.__import__ = pressed
from staffpulse.cli import main
main()
"""


def test_ctrl_c_as_the_package_loads_is_one_plain_line() -> None:
    ran = subprocess.run(
        [sys.executable, "-c", _PRESS_AT_FIRST_LOAD],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in ran.stderr
    assert ran.stderr.splitlines() == [
        "Interrupted before the command started: nothing was saved. Run it again."
    ]
    assert ran.returncode == 130


def test_the_version_is_the_installed_one() -> None:
    assert staffpulse.__version__ == version("staffpulse")
