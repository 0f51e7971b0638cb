"""The workplace theme each angle subject belongs to, so a card in a named topic speaks to it.

An angle names the first work matter its post names (:func:`~.work_terms.work_subject`, most
specific first). In ``inbox --topic interviews`` a post that names pay and an interview was
filed under Interviews, yet its angle said "add a perspective on pay": the card named another
subject than its topic. With the topic's theme known, the angle names the first subject of that
theme the post names, and only when it names none the first subject as before.
"""

from __future__ import annotations

from staffpulse.listen.topic_themes import THEMES
from staffpulse.listen.work_terms import work_subjects

# subject (as an angle says it) -> the key of its theme (:data:`.topic_themes.THEMES`); a
# subject with no theme of its own ("degrees and skills") is in none
SUBJECT_THEMES: dict[str, str] = {
    "workers' rights": "hr",
    "discipline at work": "hr",
    "leave and time off": "hr",
    "performance reviews": "hr",
    "exit interviews": "hr",
    "stay interviews": "hr",
    "HR": "hr",
    "pay": "pay",
    "workplace safety": "workplace",
    "burnout": "workplace",
    "the workplace": "workplace",
    "managers": "workplace",
    "unions": "workplace",
    "the work week": "workplace",
    "bill rates and markups": "staffing",
    "placement fees": "staffing",
    "temporary staff": "staffing",
    "contract work": "staffing",
    "staffing": "staffing",
    "layoffs": "job_search",
    "the job search": "job_search",
    "return to office": "remote",
    "remote work": "remote",
    "counteroffers": "offers",
    "job offers": "offers",
    "onboarding": "offers",
    "ghosting": "ghosting",
    "interviews": "interviews",
    "résumés": "resumes",
    "cover letters": "resumes",
    "resignations": "careers",
    "internships": "careers",
    "careers": "careers",
    "the job market": "trends",
    "opening a branch": "news",
    "shifts": "trades",
    "referrals": "recruiting",
    "candidates": "recruiting",
    "talent acquisition": "recruiting",
    "recruiting": "recruiting",
    "hiring": "recruiting",
}


def subject_in_theme(text: str, theme: str) -> str | None:
    """The first work matter ``text`` names that belongs to ``theme`` (a theme's key,
    "interviews"), or None when it names none of that theme."""
    return next((s for s in work_subjects(text) if SUBJECT_THEMES.get(s) == theme), None)


_THEME_OF_LABEL = {theme.label: theme.key for theme in THEMES}


def theme_of_label(label: str) -> str | None:
    """The key of the theme a topic label names ("Interviews" -> "interviews"), if any."""
    return _THEME_OF_LABEL.get(label)
