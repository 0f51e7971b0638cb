"""How every screen and export writes an account's role for people: "HR pro", "job board".

One table, read by Connect (terminal, web, CSV export) and the inbox (terminal, HTML file,
dashboard), so that a role reads the same wherever it is shown. The role names themselves
(``hr_pro``, ``job_board``...) are :data:`staffpulse.models.ROLES`.
"""

from __future__ import annotations

ROLE_LABELS: dict[str, str] = {
    "staffing_firm": "staffing firm",
    "recruiter": "recruiter",
    "hr_pro": "HR pro",
    "vendor": "vendor",
    "job_board": "job board",
    "employer": "employer",
    "job_seeker": "job seeker",
    "other": "other",
}


def role_label(role: str) -> str:
    """``role`` as people write it ("hr_pro" -> "HR pro"); an unlisted name with spaces."""
    return ROLE_LABELS.get(role, role.replace("_", " "))
