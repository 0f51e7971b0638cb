"""Optional parts loaded on demand: a missing one names the package and the pip command that
installs it; an installed one is simply returned."""

from __future__ import annotations

import json

import pytest

from staffpulse.errors import MissingExtraError
from staffpulse.extras import require


def test_a_missing_submodule_names_its_top_level_package_and_the_extra() -> None:
    with pytest.raises(MissingExtraError) as caught:
        require("pyarrow_not_installed_here.parquet", extra="dask", feature="Reading Parquet")
    assert str(caught.value).startswith(
        "Reading Parquet needs the optional package 'pyarrow_not_installed_here', "
        "which is not installed."
    )
    assert caught.value.hint == "run: pip install 'staffpulse[dask]'"
    assert caught.value.exit_code == 69


def test_an_installed_module_is_returned() -> None:
    assert require("json", extra="none", feature="Reading JSON") is json
