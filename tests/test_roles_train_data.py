"""The role tagger's training data (``scripts/roles_train_data.py``): the org head never sees an
account the role CV evaluates on or that we labeled ourselves, the weak "other" negatives are
sure, non-recruiting accounts kept out of the org head, and our own labels join their
CrowdFlower accounts by id. A small hand-written CrowdFlower-shaped file stands in for the
real one."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

CF_FIELDS = ["_unit_id", "gender", "gender:confidence", "name", "description", "text"]
CF_ROWS = [
    ["1", "brand", "1", "AcmeStaffing", "Staffing agency in Ohio", "Now hiring"],
    ["2", "male", "1", "joe_runs", "Dad and runner", "Long run today"],
    ["3", "female", "1", "ann_bakes", "I bake bread", "Sourdough day"],
    ["4", "brand", "1", "PizzaPlace", "Best pizza in town", "Two for one"],
    ["5", "female", "0.6", "kim_reads", "Books and tea", "Reading"],
    ["6", "unknown", "1", "who_knows", "?", "?"],
    ["7", "male", "1", "HRwithBob", "HR manager", "Policies"],
    ["8", "female", "1", "Tess_Recruits", "Senior recruiter", "Open roles"],
    ["9", "male", "1", "golf_guy", "Golf and more golf", "Birdie"],
]


@pytest.fixture
def data_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    try:
        import roles_train_data

        synthetic = tmp_path / "synthetic_accounts.jsonl"
        synthetic.write_text(
            json.dumps(
                {
                    "name": "PeakStaffingCo",
                    "description": "Staffing in Dayton",
                    "kind": "org",
                    "role": "staffing_firm",
                }
            )
            + "\n",
            encoding="utf-8",
        )
        extra = tmp_path / "extra_labels.csv"
        extra.write_text("cf_unit_id,kind,role\n7,person,hr_pro\n999,org,other\n", encoding="utf-8")
        monkeypatch.setattr(roles_train_data, "SYNTHETIC", synthetic)
        monkeypatch.setattr(roles_train_data, "EXTRA_LABELS", extra)
        yield roles_train_data
    finally:
        sys.path.pop(0)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    accounts = tmp_path / "data" / "accounts"
    accounts.mkdir(parents=True)
    with (accounts / "crowdflower_twitter_users.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(CF_FIELDS)
        writer.writerows(CF_ROWS)
    dev = {"id": "8", "name": "tess_recruits", "description": "Senior recruiter", "text": ""}
    (accounts / "roles_labeled_dev.jsonl").write_text(
        json.dumps({**dev, "kind": "person", "role": "recruiter"}) + "\n", encoding="utf-8"
    )
    return tmp_path / "data"


def test_the_org_head_never_sees_evaluated_or_own_labeled_accounts(
    data_module: ModuleType, data_dir: Path
) -> None:
    ds = data_module.build_datasets(data_dir, n_weak=0, seed=0)
    org_names = set(ds["org"].names)
    assert "Tess_Recruits" not in org_names  # role-labeled, matched whatever the case
    assert "HRwithBob" not in org_names  # labeled by us
    assert "who_knows" not in org_names  # CrowdFlower could not tell
    assert org_names == {
        "AcmeStaffing",
        "joe_runs",
        "ann_bakes",
        "PizzaPlace",
        "kim_reads",
        "golf_guy",
    }
    assert ds["counts"]["org_head_rows"] == 6
    assert ds["dev_cf_gender"] == ["female"]


def test_own_labels_join_their_crowdflower_account_by_id(
    data_module: ModuleType, data_dir: Path
) -> None:
    ds = data_module.build_datasets(data_dir, n_weak=0, seed=0)
    extra = ds["extra"]
    assert extra.names == ["HRwithBob"] and extra.roles == ["hr_pro"]  # id 999 is no account
    assert extra.bios == ["HR manager"] and not extra.is_org[0]
    assert ds["synthetic"].roles == ["staffing_firm"]


def test_weak_negatives_are_sure_non_recruiting_accounts_kept_from_the_org_head(
    data_module: ModuleType, data_dir: Path
) -> None:
    ds = data_module.build_datasets(data_dir, n_weak=3, seed=0)
    weak = ds["weak"]
    # AcmeStaffing names staffing, kim_reads is not sure (confidence 0.6): never weak negatives
    assert len(weak) == 3
    assert set(weak.names) <= {"joe_runs", "ann_bakes", "PizzaPlace", "golf_guy"}
    assert set(weak.roles) == {"other"}
    assert not set(weak.names) & set(ds["org"].names)
    assert ds["counts"]["org_head_rows"] + ds["counts"]["weak_negative_rows"] == 6
    again = data_module.build_datasets(data_dir, n_weak=3, seed=0)
    assert again["weak"].names == weak.names  # the seed fixes the sample
    everything = data_module.build_datasets(data_dir, n_weak=50, seed=0)
    assert len(everything["weak"]) == 4  # no more than there are candidates
