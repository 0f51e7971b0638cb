"""Training data of the role tagger, read in place from ``../shared/data`` (never copied).

:func:`build_datasets` returns the org head's CrowdFlower rows, the 500 role-labeled accounts,
our synthetic accounts and own labels (``scripts/roles_data/``) and the weak "other"
negatives, as ``LabeledAccounts`` plus the groups the cross-validation splits by
(``scripts/train_roles.py`` says which head sees which rows).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import numpy as np

from staffpulse.signals.roles import LabeledAccounts

REPO = Path(__file__).resolve().parent.parent
SYNTHETIC = REPO / "scripts" / "roles_data" / "synthetic_accounts.jsonl"
EXTRA_LABELS = REPO / "scripts" / "roles_data" / "extra_labels.csv"
WEAK_EXCLUDE = re.compile(
    r"recruit|staff|talent|headhunt|human resource|\bHR\b|job|hiring|career|placement|employ|payroll"
    r"|workforce|train|consult|coach|hire|resume|vacanc|\bATS\b|personnel|temp",
    re.IGNORECASE,
)


def load_crowdflower(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def to_labeled(rows: list[dict[str, Any]], *, weight: float = 1.0) -> LabeledAccounts:
    return LabeledAccounts(
        names=[r["name"] for r in rows],
        bios=[r.get("description") or "" for r in rows],
        texts=[r.get("text") or "" for r in rows],
        is_org=np.array([r["kind"] == "org" for r in rows]),
        roles=[r["role"] for r in rows],
        weight=np.full(len(rows), weight),
    )


def load_extra_labels(cf: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Our own kind + role labels joined to their CrowdFlower accounts (empty if absent)."""
    if not EXTRA_LABELS.is_file():
        return []
    by_id = {r["_unit_id"]: r for r in cf}
    rows: list[dict[str, Any]] = []
    with EXTRA_LABELS.open(encoding="utf-8") as f:
        for lab in csv.DictReader(f):
            account = by_id.get(lab["cf_unit_id"])
            if account is not None:
                rows.append({**account, "kind": lab["kind"], "role": lab["role"]})
    return rows


def build_datasets(data: Path, n_weak: int, seed: int) -> dict[str, Any]:
    accounts = data / "accounts"
    cf = load_crowdflower(accounts / "crowdflower_twitter_users.csv")
    dev = load_jsonl(accounts / "roles_labeled_dev.jsonl")
    synthetic = load_jsonl(SYNTHETIC)
    extra = load_extra_labels(cf)
    dev_names = {r["name"].lower() for r in dev} | {r["name"].lower() for r in extra}
    labeled = [
        r
        for r in cf
        if r["gender"] in ("brand", "male", "female") and r["name"].lower() not in dev_names
    ]
    candidates = [
        i
        for i, r in enumerate(labeled)
        if r["gender:confidence"] == "1"
        and not WEAK_EXCLUDE.search(f"{r['name']} {r['description']}")
    ]
    rng = np.random.default_rng(seed)
    weak_idx = set(
        rng.choice(candidates, size=min(n_weak, len(candidates)), replace=False).tolist()
    )
    org_rows = [r for i, r in enumerate(labeled) if i not in weak_idx]
    weak_rows = [
        {
            "name": labeled[i]["name"],
            "description": labeled[i]["description"],
            "text": labeled[i]["text"],
            "kind": "org" if labeled[i]["gender"] == "brand" else "person",
            "role": "other",
        }
        for i in sorted(weak_idx)
    ]
    org = LabeledAccounts(
        names=[r["name"] for r in org_rows],
        bios=[r["description"] for r in org_rows],
        texts=[r["text"] for r in org_rows],
        is_org=np.array([r["gender"] == "brand" for r in org_rows]),
        weight=np.array([float(r["gender:confidence"] or 0.5) for r in org_rows]),
    )
    cf_by_id = {r["_unit_id"]: r for r in cf}
    return {
        "org": org,
        "org_groups": np.array([r["name"].lower() for r in org_rows]),
        "dev": to_labeled(dev),
        "dev_rows": dev,
        "dev_groups": np.array([r["name"].lower() for r in dev]),
        "dev_cf_gender": [cf_by_id.get(r["id"], {}).get("gender", "") for r in dev],
        "synthetic": to_labeled(synthetic),
        "extra": to_labeled(extra),
        "weak": to_labeled(weak_rows),
        "counts": {
            "crowdflower_rows": len(cf),
            "org_head_rows": len(org_rows),
            "role_labeled_rows": len(dev),
            "synthetic_rows": len(synthetic),
            "own_labeled_rows": len(extra),
            "weak_negative_rows": len(weak_rows),
        },
    }
