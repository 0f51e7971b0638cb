from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.audit.config import DEFAULTS, REASONS, audit_settings, grade_for
from staffpulse.config import load_config
from staffpulse.errors import ConfigError

DOCS = Path(__file__).resolve().parent.parent / "docs" / "audit.md"


def test_every_default_has_a_reason() -> None:
    assert set(DEFAULTS) == set(REASONS)
    assert all(len(reason) > 20 for reason in REASONS.values())


def test_overrides_merge_key_by_key() -> None:
    settings = audit_settings({"audit": {"job_share_ok": 0.2, "weights": {"face": 0.5}}})
    assert settings["job_share_ok"] == 0.2
    assert settings["weights"]["face"] == 0.5
    assert settings["weights"]["mix"] == DEFAULTS["weights"]["mix"]
    assert DEFAULTS["job_share_ok"] == 0.30  # defaults untouched


def test_reads_the_users_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[audit]\nmin_posts = 3\n[audit.grades]\nA = 90\n")
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(path))
    settings = audit_settings(load_config())
    assert settings["min_posts"] == 3 and settings["grades"]["A"] == 90
    assert audit_settings()["grades"]["A"] == 90


@pytest.mark.parametrize(
    "bad",
    [
        {"audit": {"nope": 1}},
        {"audit": {"weights": 3}},
        {"audit": {"min_posts": "x"}},
        {"audit": 5},
    ],
)
def test_bad_settings_are_config_errors(bad: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        audit_settings(bad)


def test_a_bad_setting_names_the_file_and_says_what_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "audit setting 'audit.weights' must be a table" alone, and "see docs/audit.md" (a file
    # a pip install does not have), left people guessing what to write
    path = tmp_path / "config.toml"
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(path))
    with pytest.raises(ConfigError) as table:
        audit_settings({"audit": {"weights": 3}})
    assert table.value.message == f"audit setting 'audit.weights' in {path} must be a table"
    assert table.value.hint == (
        "write [audit.weights] on a line of its own, then its settings one a line:"
        " conversation, face, mix, voice"
    )
    with pytest.raises(ConfigError) as unknown:
        audit_settings({"audit": {"min_post": 3}})
    assert unknown.value.hint is not None
    assert unknown.value.hint.startswith("did you mean min_posts? the settings of [audit]:")
    assert "docs/" not in unknown.value.hint
    with pytest.raises(ConfigError) as number:
        audit_settings({"audit": {"min_posts": "ten"}})
    assert number.value.hint == "write a number without quotes, e.g. min_posts = 10"


def test_grade_scale() -> None:
    grades = DEFAULTS["grades"]
    assert [grade_for(s, grades) for s in (100, 85, 84, 70, 55, 40, 39, 0)] == list("AABBCDFF")


def test_docs_list_every_setting() -> None:
    if not DOCS.exists():
        pytest.skip("docs/audit.md not written yet")
    text = DOCS.read_text()
    missing = [name for name in DEFAULTS if f"`{name}`" not in text]
    assert not missing, f"docs/audit.md does not document {missing}"
