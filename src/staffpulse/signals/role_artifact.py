"""Save and load the role tagger as ``<stem>.npz`` (weights) + ``<stem>.json`` (everything else).

No pickles: the npz holds plain numeric arrays (loaded with ``allow_pickle=False``) and the json
holds the parameters, the role list, the cue names the weights were trained with, a checksum of
the npz and the training summary written by ``scripts/train_roles.py``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from staffpulse.errors import ModelError
from staffpulse.signals.role_features import CUE_NAMES
from staffpulse.signals.role_linear import LinearHead
from staffpulse.signals.roles import ROLES, RoleTagger

FORMAT_VERSION = 1
_HEADS = ("org", "kind", "role")
_HINT = (
    "reinstall staffpulse, or rebuild it with: python scripts/train_roles.py --data ../shared/data"
)


def artifact_paths(directory: Path, stem: str) -> tuple[Path, Path]:
    return directory / f"{stem}.npz", directory / f"{stem}.json"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_tagger(
    tagger: RoleTagger, directory: Path, stem: str, metadata: dict[str, Any] | None = None
) -> tuple[Path, Path]:
    """Write the fitted tagger; returns the (npz, json) paths."""
    tagger._check_fitted()
    directory.mkdir(parents=True, exist_ok=True)
    npz_path, json_path = artifact_paths(directory, stem)
    arrays: dict[str, np.ndarray] = {}
    for name in _HEADS:
        head: LinearHead = getattr(tagger, f"{name}_head_")
        arrays.update(head.to_arrays(name))
    np.savez_compressed(npz_path, **arrays)  # type: ignore[arg-type]
    meta = {
        "format_version": FORMAT_VERSION,
        "model": "staffpulse.signals.roles.RoleTagger",
        "roles": list(ROLES),
        "params": tagger.get_params(),
        "cue_names": list(CUE_NAMES),
        "n_features": tagger.n_features_in_,
        "weights_file": npz_path.name,
        "weights_sha256": _sha256(npz_path),
        "training": metadata or {},
    }
    json_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return npz_path, json_path


def read_metadata(directory: Path, stem: str) -> dict[str, Any]:
    """The json half of an artifact (raises ModelError when missing or unreadable)."""
    _, json_path = artifact_paths(directory, stem)
    if not json_path.is_file():
        raise ModelError(f"role model metadata {json_path} is missing", hint=_HINT)
    try:
        meta = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(
            f"role model metadata {json_path} is unreadable: {exc}", hint=_HINT
        ) from None
    if not isinstance(meta, dict):
        raise ModelError(f"role model metadata {json_path} is not a JSON object", hint=_HINT)
    return meta


def load_tagger(directory: Path, stem: str) -> RoleTagger:
    """Rebuild a fitted RoleTagger from disk, checking every part; raises ModelError."""
    npz_path, json_path = artifact_paths(directory, stem)
    meta = read_metadata(directory, stem)
    if meta.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            f"role model {json_path} has format {meta.get('format_version')!r}, "
            f"this staffpulse reads format {FORMAT_VERSION}",
            hint=_HINT,
        )
    if meta.get("roles") != list(ROLES) or meta.get("cue_names") != list(CUE_NAMES):
        raise ModelError(
            f"role model {json_path} was built for different roles or feature code", hint=_HINT
        )
    if not npz_path.is_file():
        raise ModelError(f"role model weights {npz_path} are missing", hint=_HINT)
    if meta.get("weights_sha256") != _sha256(npz_path):
        raise ModelError(f"role model weights {npz_path} do not match their checksum", hint=_HINT)
    try:
        tagger = RoleTagger(**meta["params"])
        with np.load(npz_path, allow_pickle=False) as npz:
            arrays = {key: npz[key] for key in npz.files}
        heads = {name: LinearHead.from_arrays(arrays, name) for name in _HEADS}
    except (KeyError, TypeError, ValueError, OSError) as exc:
        raise ModelError(f"role model {npz_path} is corrupt: {exc}", hint=_HINT) from None
    n_base = tagger._featurizer.n_features
    expected = {"org": (1, n_base), "kind": (1, n_base + 2), "role": (len(ROLES), n_base + 2)}
    for name, head in heads.items():
        if head.coef.shape != expected[name]:
            raise ModelError(
                f"role model {npz_path}: head {name!r} has shape {head.coef.shape}, "
                f"expected {expected[name]}",
                hint=_HINT,
            )
    tagger.org_head_ = heads["org"]
    tagger.kind_head_ = heads["kind"]
    tagger.role_head_ = heads["role"]
    tagger.classes_ = np.array(ROLES)
    tagger.n_features_in_ = n_base + 2
    return tagger
