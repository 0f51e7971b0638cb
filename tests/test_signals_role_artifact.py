"""A role model artifact from another version refused with what to do: built for other cues
or roles (the feature code changed since), or metadata that is no JSON object; each message
names the file and the command that rebuilds it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from staffpulse.errors import ModelError
from staffpulse.signals.role_artifact import FORMAT_VERSION, load_tagger, read_metadata
from staffpulse.signals.role_features import CUE_NAMES
from staffpulse.signals.roles import ROLES

REBUILD = "python scripts/train_roles.py --data ../shared/data"


def _metadata(folder: Path, **meta: object) -> Path:
    path = folder / "roles.json"
    path.write_text(json.dumps(meta), encoding="utf-8")
    return path


def test_a_model_built_for_other_cues_is_refused_before_its_weights_are_read(
    tmp_path: Path,
) -> None:
    path = _metadata(
        tmp_path, format_version=FORMAT_VERSION, roles=list(ROLES), cue_names=[*CUE_NAMES, "new"]
    )
    with pytest.raises(ModelError) as raised:
        load_tagger(tmp_path, "roles")  # no weights file: the cue names are checked first
    assert str(raised.value.message) == (
        f"role model {path} was built for different roles or feature code"
    )
    assert REBUILD in str(raised.value.hint)


def test_a_model_for_other_roles_is_refused(tmp_path: Path) -> None:
    _metadata(
        tmp_path, format_version=FORMAT_VERSION, roles=[*ROLES, "wizard"], cue_names=list(CUE_NAMES)
    )
    with pytest.raises(ModelError, match="different roles or feature code"):
        load_tagger(tmp_path, "roles")


def test_metadata_that_is_no_json_object_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "roles.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ModelError) as raised:
        read_metadata(tmp_path, "roles")
    assert str(raised.value.message) == f"role model metadata {path} is not a JSON object"
