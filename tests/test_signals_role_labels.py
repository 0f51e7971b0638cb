"""How every screen writes an account's role: the same words in Connect and the inbox, and
a role a newer model adds, not yet in the table, still written in words, not as a key."""

from __future__ import annotations

from staffpulse.models import ROLES
from staffpulse.signals.role_labels import ROLE_LABELS, role_label


def test_every_role_the_models_give_has_its_words() -> None:
    assert set(ROLES) <= set(ROLE_LABELS)
    assert [role_label(r) for r in ("hr_pro", "job_board", "staffing_firm")] == [
        "HR pro",
        "job board",
        "staffing firm",
    ]


def test_a_role_not_in_the_table_is_written_with_spaces() -> None:
    assert role_label("talent_marketplace") == "talent marketplace"
