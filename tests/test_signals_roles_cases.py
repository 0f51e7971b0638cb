"""The shipped role model on clear cases (QA16 #8): an HR title, a staffing founder, a job
seeker's words, industry media and staffing words in other languages are read, and accounts
without those words keep their role. The rows are hand-written, none from any dataset."""

from __future__ import annotations

from staffpulse.signals.roles import load_role_model

# QA16 #8 (a consultant's hand-written cohort) and our own variants: each bio is read by
# the cue it carries (an HR title, a staffing founder, a job seeker's words, industry media,
# staffing words in other languages), and accounts without those words keep their role.
_FIXED = [
    (
        "Maya Okafor | Brightside Talent",
        "Founder @ Brightside Talent. Admin & accounting staffing in Columbus OH. I answer my own DMs. Coffee snob.",
        {"staffing_firm", "recruiter"},
    ),
    (
        "Jordan Kelso",
        "VP People at a 600-person manufacturer. Writing about hiring, pay equity and why your onboarding is too long.",
        {"hr_pro"},
    ),
    (
        "Jen Alvarez",
        "Laid off in July. Looking for ops / project management roles in Columbus. Open to referrals!",
        {"job_seeker"},
    ),
    (
        "Staffing Industry News",
        "News for the staffing industry.",
        {"vendor", "other"},
    ),  # guidelines: HR media = vendor
    (
        "Personalwerk Berlin",
        "Zeitarbeit & Personalvermittlung in Berlin. Jobs, Tipps, Teamleben.",
        {"staffing_firm"},
    ),
    ("Ravi S", "People Ops manager. Benefits, payroll and onboarding.", {"hr_pro"}),
    ("Leo Brandt", "Chief Human Resources Officer (CHRO) at a retailer.", {"hr_pro"}),
    (
        "Amy Liu",
        "Open to work! Former bank teller looking for customer service jobs. #opentowork",
        {"job_seeker"},
    ),
    (
        "Recruiting Today Podcast",
        "A podcast for recruiters and talent acquisition leaders.",
        {"vendor"},
    ),
    ("Interim Sud", "Agence d'intérim et recrutement à Marseille.", {"staffing_firm"}),
    ("TempoJob ETT", "Empresa de trabajo temporal en Madrid.", {"staffing_firm"}),
    # stop 39: job placement, an employment agency and HR in German and French
    ("Nordlicht", "Arbeitsvermittlung für Pflegekräfte in Hamburg", {"staffing_firm"}),
    ("Nordlicht Montréal", "Agence d'emploi à Montréal depuis 1995", {"staffing_firm"}),
    ("Nordlicht Weber", "Leiterin Personalwesen bei einem Mittelständler", {"hr_pro"}),
    # QA of 2026-11-27: "hiring software" is a vendor's word, like "recruiting software"
    ("Lanternly", "Hiring software that helps companies become great at hiring.", {"vendor"}),
]
_KEPT = [
    ("Sunbelt Care Staffing", "Healthcare staffing.", "staffing_firm"),
    (
        "Ridgeway Staffing",
        "Skilled trades and construction staffing in Denver. Questions about a job? Reply and we'll answer.",
        "staffing_firm",
    ),
    (
        "Dana Whitfield",
        "Tech recruiter at Brightside Talent. Mom of 2, marathon runner. I'll tell you the salary range upfront.",
        "recruiter",
    ),
    (
        "HireWire ATS",
        "The applicant tracking system recruiters don't hate. Tips, memes and the occasional product update.",
        "vendor",
    ),
    (
        "Tamara Greene, SHRM-CP",
        "HR generalist at a mid-size construction firm. Opinions are mine.",
        "hr_pro",
    ),
    ("Carlos Mendez", "Electrician. Dad. Broncos fan. Looking for my next project.", "other"),
    ("Sara B", "Founder of a vegan bakery. Cupcakes and kindness.", "other"),
    ("Tom Reyes", "VP Sales at a software company.", "other"),
    ("City Gazette", "Local news, sports and weather.", "other"),
    ("layoff_tracker", "Tracking tech layoffs: who laid off whom, every day.", "other"),
    # QA of 2026-11-27: fans' "od" is no HR word, a search engine no search firm
    ("kai_x", "16 // od about pop punk // gigs every weekend", "other"),
    ("Ben Ortiz", "Managing Partner, Search Engine Gazette. Dad.", "other"),
]


def test_shipped_model_reads_titles_founders_seekers_media_and_other_languages() -> None:
    out = load_role_model().predict([r[0] for r in _FIXED], [r[1] for r in _FIXED], None)
    got = {row[0]: (role, kind) for row, role, kind in zip(_FIXED, out.role, out.kind, strict=True)}
    assert {r[0]: got[r[0]][0] in r[2] for r in _FIXED} == {r[0]: True for r in _FIXED}, got
    assert got["Personalwerk Berlin"][1] == "org" and got["Staffing Industry News"][1] == "org"


def test_shipped_model_keeps_accounts_without_those_cues() -> None:
    out = load_role_model().predict([r[0] for r in _KEPT], [r[1] for r in _KEPT], None)
    assert dict(zip([r[0] for r in _KEPT], out.role, strict=True)) == {r[0]: r[2] for r in _KEPT}
