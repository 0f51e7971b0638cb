"""The listen package loads its names on first use, so checking a Jetstream URL does not
wait seconds for scikit-learn."""

from __future__ import annotations

import subprocess
import sys

import pytest

import staffpulse.listen as listen_package


def test_the_url_check_loads_no_scikit_learn() -> None:
    code = (
        "import sys; from staffpulse.listen.jetstream import jetstream_url; "
        "jetstream_url({}, 'wss://x/subscribe'); print('sklearn' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_every_public_name_resolves_to_its_module_s_object() -> None:
    from staffpulse.listen.inbox import build_inbox
    from staffpulse.listen.listener import ListenOptions

    assert listen_package.build_inbox is build_inbox
    assert listen_package.ListenOptions is ListenOptions
    assert all(getattr(listen_package, name) is not None for name in listen_package.__all__)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = listen_package.nope
