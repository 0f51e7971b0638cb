"""The literal cues of the staffing-ad rules: the merged scan picks the posts each cue would."""

from __future__ import annotations

import re

from staffpulse.signals.batch_scan import posts_matching
from staffpulse.signals.job_ad_triggers import TRIGGER_SOURCES, TRIGGERS


def test_the_merged_cue_scan_reads_the_posts_each_cue_would() -> None:
    # the scan that picks the posts worth reading runs merged cues (faster): it must pick the
    # posts the cues pick one by one, whatever the cue and wherever it falls in the batch
    cues = [
        "Résumé tips",
        "cv",
        "OUR CLIENT",
        "walk in",
        "immediate hire",
        "accepting apps",
        "opening at",
        "looking for",
        "seeking",
        "need 3",
        "hiring a",
        "nurses wanted",
        "welders needed",
        "calling all",
        "opportunity:",
        "exciting job opp",
        "temp job",
        "permanent role",
        "full-time position",
        "part-time job",
        "role based",
        "vacancy in",
        "$ 18 per hr",
        "$65k",
        "$20–",
        "weekly pay",
        "competitive",
        "per diem",
        "DOE.",
        "sign-on",
        "referral",
        "benefits package",
        "now hiring",
        "we’re hiring",
        "open req",
        "DM me",
        "PM ME",
        "message me",
        "inbox me",
        "ping me",
        "text me",
        "slide into",
        "send us a",
        "hit me up",
        "dms are open",
        "know a",
        "know someone",
        "on-the-spot",
        "On the spot",
        "work?",
        "jobs ?",
        "shifts?",
        "hours?",
        "We have",
        "we've got",
        "call us",
        "text us",
        "and 2",
        "& 3",
        "Join our",
        "join the",
        "Interested in working",
        "want to work for",
        "like to work with",
        "thought about a career",
        "thinking of working",
        "considered working",
        "(m/w/d)",
        "(H/F)",
        "bewerben",
        "wir suchen",
        "suchen wir",
        "Stelle",
        "Jobangebot",
        "gesucht",
        "se busca",
        "necesita",
        "precisamos",
        "solicitamos",
        "contratando",
        "interesados",
        "curriculum",
        "currículo",
        "hoja de vida",
        "vacante",
        "oferta de",
        "recrutons",
        "recherchons",
        "envoyez",
        "offre d'emploi",
    ]
    posts = [
        "We\u2019re hiring! Forklift operators wanted",
        "lol hiring is broken",
        "",
        "x" * 5000,
        "doe\u00e9 doeskin nothing",
    ]
    posts += [f"{cue} at the start" for cue in cues] + [f"at the end: {cue}" for cue in cues]
    plain = [re.compile(source) for source in TRIGGER_SOURCES]
    for n in (0, 1, len(posts) // 2):
        batch = posts[n:] + posts[:n]
        found = posts_matching(batch, TRIGGERS, lower=True)
        assert found == posts_matching(batch, plain, lower=True)
    assert len(found) > 2 * len(cues)  # each cue is one of the triggers
