"""The image libraries of avatar classification (staffpulse.signals.avatar_extra): loaded when
installed, else one message naming the feature and the install command, whichever is missing."""

from __future__ import annotations

import sys

import pytest

from staffpulse.errors import MissingExtraError
from staffpulse.signals.avatar_extra import image_module


@pytest.mark.parametrize("module", ["cv2", "PIL.Image"])
def test_a_missing_image_library_names_the_feature_and_the_install_command(
    module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # as if `pip install staffpulse` had no [image]
    with pytest.raises(MissingExtraError) as caught:
        image_module(module)
    assert caught.value.message == (
        f"Avatar classification needs the optional package '{module.split('.')[0]}',"
        " which is not installed."
    )
    assert caught.value.hint == "run: pip install 'staffpulse[image]'"


def test_an_installed_image_library_is_the_module_itself() -> None:
    image = pytest.importorskip("PIL.Image")
    assert image_module("PIL.Image") is image
