"""How the suite spreads over the cores (tests/conftest.py): on every core with pytest-xdist
(the dev extra), and still runnable by a pytest without it, which stopped on "unrecognized
arguments: -n" while pyproject's addopts held it."""

from __future__ import annotations

import tomllib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from conftest import pytest_cmdline_main

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _config(*, xdist: bool, numprocesses: Any = None, worker: bool = False) -> Any:
    plugins = SimpleNamespace(hasplugin=lambda name: xdist and name == "xdist")
    config = SimpleNamespace(
        pluginmanager=plugins, option=SimpleNamespace(numprocesses=numprocesses, dist="no")
    )
    if worker:
        config.workerinput = {"workerid": "gw0"}
    return config


def test_the_options_every_pytest_reads_name_no_option_of_xdist() -> None:
    addopts = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["pytest"]["ini_options"]
    words = addopts["addopts"].split()
    assert not {"-n", "--numprocesses", "--dist"}.intersection(words), words


def test_with_xdist_a_run_goes_on_every_core_taking_whole_files() -> None:
    plain = _config(xdist=True)
    pytest_cmdline_main(plain)
    assert (plain.option.numprocesses, plain.option.dist) == ("auto", "loadfile")
    typed = _config(xdist=True, numprocesses=0)  # -n 0: this process alone, as typed
    pytest_cmdline_main(typed)
    assert (typed.option.numprocesses, typed.option.dist) == (0, "no")


def test_without_xdist_or_in_a_worker_nothing_is_asked_of_it() -> None:
    for config in (_config(xdist=False), _config(xdist=True, worker=True)):
        pytest_cmdline_main(config)
        assert (config.option.numprocesses, config.option.dist) == (None, "no")
