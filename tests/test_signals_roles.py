"""Role tagger: kind-aware role scores, the scikit-learn contract, the artifact format and the
shipped model (features: test_signals_role_features.py; evaluation: test_signals_role_eval.py)."""

from __future__ import annotations

import copy
import json
import logging
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from staffpulse.errors import ModelError
from staffpulse.signals import roles as roles_mod
from staffpulse.signals.role_artifact import load_tagger, save_tagger
from staffpulse.signals.roles import (
    INDUSTRY_ROLES,
    ROLES,
    LabeledAccounts,
    RolePredictions,
    RoleTagger,
    harmonize_roles,
    load_role_model,
    load_role_model_or_none,
)

# Hand-written accounts (our own, not from any dataset).
ORG_ROWS = [
    (
        "AcmeBakery",
        "Fresh bread daily. Order online, we deliver.",
        "Our sourdough is back! Visit our shop",
        1,
    ),
    (
        "CityNewsDaily",
        "Breaking news and weather for the metro area.",
        "Road closures this weekend: https://x.y",
        1,
    ),
    (
        "GreenGardenShop",
        "Plants, pots and advice. Official store account.",
        "Spring sale starts Friday!",
        1,
    ),
    (
        "FastFixPlumbing",
        "Plumbing services for homes and businesses since 1990.",
        "Call us for a free quote",
        1,
    ),
    (
        "jenny_runs",
        "Mom of two, runner, coffee lover.",
        "Ran 10k this morning, legs are jelly lol",
        0,
    ),
    (
        "mike_b_22",
        "Dad. Steelers fan. I tweet about football and BBQ.",
        "my brisket is better than yours",
        0,
    ),
    ("sara_reads", "Bookworm and cat person. She/her.", "Finished my book in one sitting omg", 0),
    ("tom_the_dev", "I write code and complain about it.", "why is my build broken again lol", 0),
]
ROLE_ROWS = [
    (
        "PeakStaffing",
        "Staffing agency placing warehouse temps in Ohio.",
        "Now hiring forklift drivers! #jobs",
        "org",
        "staffing_firm",
    ),
    (
        "TempForceCo",
        "Temp and temp-to-hire staffing for offices.",
        "Receptionist needed Monday #hiring",
        "org",
        "staffing_firm",
    ),
    (
        "ann_recruits",
        "Technical recruiter at a software company.",
        "Anyone looking for a backend role? DM me",
        "person",
        "recruiter",
    ),
    (
        "bob_sourcer",
        "Sourcer and talent acquisition partner.",
        "Boolean search tip of the day",
        "person",
        "recruiter",
    ),
    (
        "hr_hannah",
        "HR manager. Employee relations and benefits.",
        "Open enrollment starts today, HR folks!",
        "person",
        "hr_pro",
    ),
    (
        "people_pat",
        "Human resources director at a hospital.",
        "Culture eats strategy for breakfast",
        "person",
        "hr_pro",
    ),
    (
        "HireSoftATS",
        "Applicant tracking system for growing teams.",
        "New: post to 20 job boards at once",
        "org",
        "vendor",
    ),
    (
        "PayWiseHR",
        "Cloud HR and payroll software for small business.",
        "Payroll tips for owners",
        "org",
        "vendor",
    ),
    (
        "tmj_bos_it",
        "IT job openings in Boston, tweeted automatically.",
        "Sysadmin wanted in Boston https://x.y #jobs",
        "org",
        "job_board",
    ),
    (
        "DenverJobsNow",
        "The latest jobs in Denver, updated hourly.",
        "Barista job in Denver https://x.y #jobs",
        "org",
        "job_board",
    ),
    ("AcmeFoods", "Official account of Acme Foods.", "Try our new cereal!", "org", "employer"),
    (
        "BrewCafe",
        "Independent coffee shop in Portland.",
        "Pumpkin spice is back",
        "org",
        "employer",
    ),
    (
        "grad_seeking",
        "Recent graduate looking for a job in marketing.",
        "Any entry-level roles in NYC?",
        "person",
        "job_seeker",
    ),
    ("jenny_runs", "Mom of two, runner, coffee lover.", "Ran 10k this morning", "person", "other"),
    ("mike_b_22", "Dad. Steelers fan.", "my brisket is better than yours", "person", "other"),
    ("CityNewsDaily", "Breaking news and weather.", "Road closures this weekend", "org", "other"),
]
SMALL: dict[str, Any] = {"name_bits": 10, "word_bits": 12, "char_bits": 12}


def _org_data() -> LabeledAccounts:
    return LabeledAccounts(
        names=[r[0] for r in ORG_ROWS],
        bios=[r[1] for r in ORG_ROWS],
        texts=[r[2] for r in ORG_ROWS],
        is_org=np.array([bool(r[3]) for r in ORG_ROWS]),
    )


def _role_data() -> LabeledAccounts:
    return LabeledAccounts(
        names=[r[0] for r in ROLE_ROWS],
        bios=[r[1] for r in ROLE_ROWS],
        texts=[r[2] for r in ROLE_ROWS],
        is_org=np.array([r[3] == "org" for r in ROLE_ROWS]),
        roles=[r[4] for r in ROLE_ROWS],
    )


@pytest.fixture(scope="module")
def small_tagger() -> RoleTagger:
    return RoleTagger(C_role=10.0, **SMALL).fit(_org_data(), _role_data())


# -- scores -----------------------------------------------------------------------------------
def test_harmonize_roles_respects_kind() -> None:
    scores = np.full((2, len(ROLES)), 1.0 / len(ROLES))
    scores[0, ROLES.index("recruiter")] = 0.5
    scores[1, ROLES.index("job_board")] = 0.5
    out = harmonize_roles(scores, np.array([1.0, 0.0]))
    np.testing.assert_allclose(out.sum(axis=1), 1.0)
    assert out[0, ROLES.index("recruiter")] == 0.0 and out[1, ROLES.index("job_board")] == 0.0
    assert out[0, ROLES.index("vendor")] > 0 and out[1, ROLES.index("vendor")] > 0
    unsure = harmonize_roles(scores, np.array([0.5, 0.5]))
    assert unsure[0].argmax() == ROLES.index("recruiter")  # an unsure kind changes little


# -- contract ---------------------------------------------------------------------------------
def test_init_stores_params_and_fit_returns_self() -> None:
    tagger = RoleTagger(C_role=3.0, **SMALL)
    assert tagger.get_params()["C_role"] == 3.0
    assert not hasattr(tagger, "role_head_")
    assert tagger.fit(_org_data(), _role_data()) is tagger
    for attr in ("org_head_", "kind_head_", "role_head_", "classes_", "n_features_in_"):
        assert hasattr(tagger, attr)
    assert list(tagger.classes_) == list(ROLES)
    with pytest.raises(ValueError):
        tagger.set_params(nope=1)
    twin = clone(tagger)
    assert twin.get_params() == tagger.get_params() and not hasattr(twin, "role_head_")


def test_set_params_changes_the_features_of_the_next_fit() -> None:
    tagger = RoleTagger(**SMALL)
    width = tagger.features(["a"], ["b"], [None]).shape[1]
    assert tagger.set_params(name_bits=11) is tagger
    assert tagger.features(["a"], ["b"], [None]).shape[1] == width + 2**11 - 2**10


def test_predict_shapes_and_consistency(small_tagger: RoleTagger) -> None:
    names = ["jenny_runs", "HireSoftATS", "tmj_bos_it"]
    out = small_tagger.predict(names, ["Mom of two", "Applicant tracking system", "IT jobs"], None)
    assert isinstance(out, RolePredictions) and len(out) == 3
    assert out.role_scores.shape == (3, len(ROLES))
    np.testing.assert_allclose(out.role_scores.sum(axis=1), 1.0, atol=1e-9)
    assert all(r in ROLES for r in out.role)
    assert out.kind == ["org" if p >= 0.5 else "person" for p in out.p_org]
    rec = out.record(0)
    assert set(rec) == {"kind", "p_org", "role", "role_scores"}
    assert list(rec["role_scores"]) == list(ROLES)
    assert small_tagger.predict([], [], []).role_scores.shape == (0, len(ROLES))


def test_unfitted_and_bad_inputs_raise() -> None:
    with pytest.raises(NotFittedError):  # scikit-learn's own, as check_is_fitted raises
        RoleTagger().predict(["a"], ["b"], ["c"])
    with pytest.raises(ValueError):
        LabeledAccounts(["a"], ["b"], ["c"], np.array([True]), roles=["wizard"])
    with pytest.raises(ValueError):
        LabeledAccounts(["a"], ["b"], [], np.array([True]))


def test_postless_copies_teach_accounts_given_without_posts() -> None:
    data = _role_data()
    doubled = data.with_postless_copies(0.5)
    assert len(doubled) == 2 * len(data) and doubled.texts[len(data) :] == [""] * len(data)
    assert doubled.roles == data.roles + data.roles
    np.testing.assert_allclose(doubled.weight[len(data) :], 0.5 * np.asarray(data.weight))
    assert data.with_postless_copies(0) is data


# -- artifact ---------------------------------------------------------------------------------
def test_artifact_roundtrip(small_tagger: RoleTagger, tmp_path: Path) -> None:
    npz, js = save_tagger(small_tagger, tmp_path, "m", {"note": "test"})
    assert npz.suffix == ".npz" and js.suffix == ".json"
    loaded = load_tagger(tmp_path, "m")
    names = [r[0] for r in ROLE_ROWS]
    bios = [r[1] for r in ROLE_ROWS]
    texts = [r[2] for r in ROLE_ROWS]
    a, b = small_tagger.predict(names, bios, texts), loaded.predict(names, bios, texts)
    np.testing.assert_allclose(a.role_scores, b.role_scores, atol=0.02)
    np.testing.assert_allclose(a.p_org, b.p_org, atol=0.02)
    assert json.loads(js.read_text())["training"] == {"note": "test"}


def test_missing_or_corrupt_artifact_raises_model_error(
    small_tagger: RoleTagger, tmp_path: Path
) -> None:
    with pytest.raises(ModelError):
        load_tagger(tmp_path, "absent")
    npz, js = save_tagger(small_tagger, tmp_path, "m")
    npz.write_bytes(npz.read_bytes()[:100])
    with pytest.raises(ModelError, match="checksum"):
        load_tagger(tmp_path, "m")
    npz.unlink()
    with pytest.raises(ModelError, match="missing"):
        load_tagger(tmp_path, "m")
    js.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="unreadable"):
        load_tagger(tmp_path, "m")
    js.write_text(json.dumps({"format_version": 99}), encoding="utf-8")
    with pytest.raises(ModelError, match="format"):
        load_tagger(tmp_path, "m")


def test_load_role_model_missing_dir_raises(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as info:
        load_role_model(tmp_path / "nowhere")
    assert info.value.hint


def test_the_optional_loader_says_why_it_has_no_model(
    small_tagger: RoleTagger, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    npz, _ = save_tagger(small_tagger, tmp_path, "m")
    npz.write_bytes(npz.read_bytes()[:100])  # a corrupt artifact is told, not hidden
    with caplog.at_level(logging.WARNING, logger="staffpulse.signals.roles"):
        assert load_role_model_or_none(tmp_path, "m") is None
        assert load_role_model_or_none(tmp_path, "m") is None  # cached: told once
    assert len(caplog.records) == 1
    assert "role model unavailable" in caplog.text and "checksum" in caplog.text
    assert load_role_model_or_none() is load_role_model()  # the shipped one, shared


def test_the_optional_loader_hands_out_the_cached_model_after_a_reload() -> None:
    # a test (or a long run) that empties the loader's cache must not leave the two loaders
    # holding two different taggers: listen and connect would then disagree with roles
    from staffpulse.signals import roles as roles_mod

    first = load_role_model_or_none()
    roles_mod._load_cached.cache_clear()
    assert load_role_model_or_none() is load_role_model()
    assert first is not None


# -- the shipped model ------------------------------------------------------------------------
def test_shipped_model_clear_cases() -> None:
    model = load_role_model()
    out = model.predict(
        ["tmj_chi_jobs", "Jane Doe", "jdoe_talent", "BlueRiverStaffing", "HRwithKim"],
        [
            "Follow us for Chicago jobs",
            "Mom of two, runner",
            "Senior Technical Recruiter at Acme",
            "Staffing agency placing light industrial temps across Ohio",
            "HR Manager at a regional bank. Employee relations, benefits, policies.",
        ],
        [None, None, None, None, None],
    )
    assert out.role[0] == "job_board" and out.kind[0] == "org"
    assert out.role[1] == "other" and out.kind[1] == "person"
    assert out.role[2] == "recruiter" and out.kind[2] == "person"
    assert out.role[3] == "staffing_firm" and out.kind[3] == "org"
    assert out.role[4] == "hr_pro"
    assert load_role_model() is model  # cached


def test_a_product_with_a_one_word_name_and_no_we_is_an_organization() -> None:
    """The learned heads read "Workvault" with a product's bio and no posts as a person; the
    product-bio cue makes it an organization, and no person's role (an HR professional)."""
    model = load_role_model()
    names, bios = (
        ["Workvault", "Dana"],
        [
            "Enterprise cloud applications for finance and HR.",
            "Software engineer at Acme. Views my own.",
        ],
    )
    out = model.predict(names, bios, None)
    assert out.kind == ["org", "person"]
    assert out.role[0] not in roles_mod.PERSON_ONLY_ROLES
    plain = copy.copy(model)
    plain.product_bios = False
    without = plain.predict(names, bios, None)
    assert without.kind[0] == "person" and without.p_org[0] < out.p_org[0]
    assert without.p_org[1] == out.p_org[1]  # a person's bio is left alone


def test_shipped_model_on_dev_labels(shared_data: Path) -> None:
    """Regression guard on the real labeled accounts (in sample: a floor, not a metric)."""
    path = shared_data / "accounts" / "roles_labeled_dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    out = load_role_model().predict(
        [r["name"] for r in rows], [r["description"] for r in rows], [r["text"] for r in rows]
    )
    kind_acc = np.mean([k == r["kind"] for k, r in zip(out.kind, rows, strict=True)])
    jb = [i for i, r in enumerate(rows) if r["role"] == "job_board"]
    assert kind_acc >= 0.9
    assert np.mean([out.role[i] == "job_board" for i in jb]) >= 0.8


def test_roles_module_constants() -> None:
    assert len(ROLES) == 8 and ROLES[-1] == "other"
    assert set(INDUSTRY_ROLES) < set(ROLES) and "job_board" not in INDUSTRY_ROLES
    assert roles_mod.ARTIFACT_STEM == "roles_model"
