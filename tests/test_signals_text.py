"""Post signals: API contract, artifact loading, clear cases per signal, features."""

from __future__ import annotations

import json
import logging
import multiprocessing
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from staffpulse.errors import InputError, ModelError
from staffpulse.signals.features import Featurizer, tokenize
from staffpulse.signals.text import (
    ARTIFACT_JSON,
    ARTIFACT_NPZ,
    SIGNAL_NAMES,
    TextSignals,
    load_text_signals,
    load_text_signals_or_none,
)
from staffpulse.signals.thin_evidence import HUMOR_MIN_WORDS

ARTIFACTS = Path(__file__).resolve().parent.parent / "src" / "staffpulse" / "signals" / "artifacts"

JOB_ADS = [
    "We're hiring a forklift operator in Dayton, apply now: https://t.co/abc123",
    "Harbor Lane Grocers is growing! View our new #Retail #job opening and apply: https://t.co/x1",
    "#Job #Tulsa Registered Nurse: BrightPath Health is looking for a Registered Nurse https://t.co/q",
]
NOT_JOBS = [
    "Good job team! What a game tonight",
    "Steve Jobs was a genius, rewatching his keynote today",
    "5 tips to ace your next job interview https://t.co/tips",
]
HUMAN = [
    "honestly I can't believe how tired I am today, send coffee please",
    "@sam omg yes!! I loved that episode so much, we should watch it together",
]
BROADCAST = [
    "Route 9 traffic update from the County Roads desk. 07:12:44",
    "Flash sale: two soy candles for the price of one until midnight! https://t.co/deal",
]
FUNNY = [
    "I'm not saying I'm lazy but my couch has a permanent outline of me lol",
    "my boss said dress for the job you want so I came as a retired millionaire lmao",
]
WORK = [
    "Ugh my manager scheduled another meeting at 5pm on a Friday",
    "Finally got the job!! First day at the new office on Monday",
]
NOT_WORK = [
    "Good job team! What a game tonight",
    "The sunset at the beach tonight was unreal",
]


@pytest.fixture(scope="module")
def model() -> TextSignals:
    return load_text_signals()


def test_contract(model: TextSignals) -> None:
    assert SIGNAL_NAMES == ("job_opening", "personality", "humor", "work_topic")
    texts = [*JOB_ADS, *NOT_JOBS, "", "x" * 5000, "\x1e weird separator \x1e"]
    scores = model.score(texts)
    assert set(scores) == set(SIGNAL_NAMES)
    for p in scores.values():
        assert p.shape == (len(texts),)
        assert p.dtype == np.float64
        assert np.all((p >= 0) & (p <= 1))
    assert set(model.thresholds_) == set(SIGNAL_NAMES)
    assert all(0 < t < 1 for t in model.thresholds_.values())
    assert model.score([])["humor"].shape == (0,)


def test_subset_and_cached_loader(model: TextSignals) -> None:
    assert load_text_signals() is model
    sub = model.score(JOB_ADS, signals=("job_opening",))
    assert list(sub) == ["job_opening"]
    np.testing.assert_allclose(sub["job_opening"], model.score(JOB_ADS)["job_opening"], rtol=1e-6)
    with pytest.raises(InputError):
        model.score(JOB_ADS, signals=("sarcasm",))


def test_order_independent_of_batch(model: TextSignals) -> None:
    texts = [*JOB_ADS, *HUMAN, *BROADCAST]
    full = model.score(texts)["personality"]
    single = np.array([model.score([t])["personality"][0] for t in texts])
    np.testing.assert_allclose(full, single, rtol=1e-5)


def test_parallel_path_matches(model: TextSignals) -> None:
    texts = [*JOB_ADS, *HUMAN, *BROADCAST, *FUNNY] * 5
    clone = TextSignals.load(ARTIFACTS)
    clone.parallel_min = 10
    np.testing.assert_allclose(clone.score(texts)["humor"], model.score(texts)["humor"], rtol=1e-5)


def _score_in_daemon(texts: list[str], out: Any) -> None:
    clone = TextSignals.load(ARTIFACTS)
    clone.parallel_min = 10  # a batch that would take the process pool elsewhere
    out.put(clone.score(texts)["job_opening"].tolist())


def test_a_daemonic_worker_scores_a_large_batch_in_process(model: TextSignals) -> None:
    """A Dask worker is a daemonic process, which may not start a pool of its own: `score
    --engine dask` crashed on shards of 20,000 posts, the size docs/scale.md suggests."""
    texts = [*JOB_ADS, *HUMAN] * 3
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    worker = ctx.Process(target=_score_in_daemon, args=(texts, out), daemon=True)
    worker.start()
    got = out.get(timeout=120)
    worker.join(timeout=30)
    assert worker.exitcode == 0
    np.testing.assert_allclose(got, model.score(texts)["job_opening"], rtol=1e-5)


def _labels(model: TextSignals, texts: list[str], signal: str) -> np.ndarray:
    return model.score(texts, signals=(signal,))[signal] >= model.thresholds_[signal]


def test_clear_job_openings(model: TextSignals) -> None:
    assert _labels(model, JOB_ADS, "job_opening").all()
    assert not _labels(model, NOT_JOBS, "job_opening").any()


def test_code_snippets_are_no_job_openings(model: TextSignals) -> None:
    """A developer's "arr.join(', ')" or "{position: sticky}" scored as a job ad (the words
    "join" and "position" are in the @apply group); ads that name code still are ads."""
    code = [
        "list.join(', ') at scale https://t.co/a1",
        "df.apply(fn) vs df.join(other) at a glance https://t.co/b2",
        "Notes on `apply` and `join` in pandas https://t.co/c3",
        "Why does `Function.prototype.apply()` still exist? https://t.co/d4",
        "{display: contents} at last - https://t.co/e5",
    ]
    ads = ["We're hiring a React developer who loves `useEffect`! Apply now: https://t.co/f6"]
    assert not _labels(model, code, "job_opening").any()
    assert _labels(model, [*ads, *JOB_ADS], "job_opening").all()


def test_a_blank_post_has_no_signal(model: TextSignals) -> None:
    scores = model.score(["", "   ", "We're hiring a nurse! Apply now"])
    for signal, p in scores.items():
        assert p[0] == p[1] == 0.0, signal  # not the prior: a blank post is not "human"
    assert _labels(model, ["We're hiring a nurse! Apply now"], "job_opening").all()


def test_staffing_style_ads_count_as_job_openings(model: TextSignals) -> None:
    ads = [
        "Looking for a Registered Nurse in Dallas, 3x12 nights, $55/hr. DM me your resume!",
        "Forklift operators wanted! 1st and 2nd shift, $19/hr, start Monday.",
    ]
    assert _labels(model, ads, "job_opening").all()  # the patterns back up the model
    assert _labels(model, ads, "work_topic").all()  # an ad is about work ...
    assert not _labels(model, ads, "personality").any()  # ... and no human voice (guidelines)
    clone = TextSignals.load(ARTIFACTS)
    clone.job_ad_patterns = False
    raw = clone.score(ads, signals=("job_opening",))["job_opening"]
    assert (raw < clone.thresholds_["job_opening"]).all()  # the words alone miss them
    # the patterns only ever raise a score, and in the parallel path too
    texts = [*ads, *NOT_JOBS, *HUMAN] * 5
    clone.job_ad_patterns, clone.parallel_min = True, 10
    np.testing.assert_allclose(clone.score(texts)["job_opening"], model.score(texts)["job_opening"])


def test_questions_to_peers_about_hiring_are_no_job_openings(model: TextSignals) -> None:
    talk = [
        "Should companies post salary ranges in job ads? Recruiters, what do you think? #hiring",
        "Recruiters: do job postings with salary ranges get more applicants? #jobs",
        "List your first opening free and meet qualified applicants by Friday #hiring",
    ]
    # the #hiring tags make the words alone read as ads ...
    clone = TextSignals.load(ARTIFACTS)
    clone.job_ad_patterns = False
    raw = clone.score(talk, signals=("job_opening",))["job_opening"]
    assert (raw[:2] >= clone.thresholds_["job_opening"]).all()
    # ... so an audit counted a firm's questions to its peers as job ads; they are talk, and
    # an ad that asks first and ends with what to do is still an ad, alone or in a batch
    assert not _labels(model, talk, "job_opening").any()
    hook = "Looking for your next role? We're hiring forklift operators in Dayton, apply today"
    assert _labels(model, [hook], "job_opening").all()
    batch = [*talk, hook, *JOB_ADS] * 10
    np.testing.assert_allclose(
        model.score(batch)["job_opening"],
        np.concatenate([model.score([t])["job_opening"] for t in batch]),
        rtol=1e-6,
    )


def test_clear_personality(model: TextSignals) -> None:
    assert _labels(model, HUMAN, "personality").all()
    assert not _labels(model, BROADCAST, "personality").any()


def test_clear_humor(model: TextSignals) -> None:
    assert _labels(model, FUNNY, "humor").all()
    assert not _labels(model, BROADCAST + JOB_ADS[:1], "humor").any()


def test_clear_work_topic(model: TextSignals) -> None:
    assert _labels(model, WORK + JOB_ADS, "work_topic").all()
    assert not _labels(model, NOT_WORK, "work_topic").any()


def test_missing_and_corrupt_artifact(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        TextSignals.load(tmp_path)
    shutil.copy(ARTIFACTS / ARTIFACT_NPZ, tmp_path / ARTIFACT_NPZ)
    (tmp_path / ARTIFACT_JSON).write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError):
        TextSignals.load(tmp_path)
    doc = json.loads((ARTIFACTS / ARTIFACT_JSON).read_text(encoding="utf-8"))
    doc["feature_sets"]["full"]["vocabulary"] = doc["feature_sets"]["full"]["vocabulary"][:10]
    (tmp_path / ARTIFACT_JSON).write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ModelError, match="shape"):
        TextSignals.load(tmp_path)


def test_a_truncated_weights_file_is_a_model_error(tmp_path: Path) -> None:
    shutil.copy(ARTIFACTS / ARTIFACT_JSON, tmp_path / ARTIFACT_JSON)
    weights = (ARTIFACTS / ARTIFACT_NPZ).read_bytes()
    (tmp_path / ARTIFACT_NPZ).write_bytes(weights[: len(weights) // 2])
    with pytest.raises(ModelError, match="cannot be read"):
        TextSignals.load(tmp_path)


def test_the_optional_loader_says_why_it_has_no_model(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / ARTIFACT_JSON).write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="staffpulse.signals.text"):
        assert load_text_signals_or_none(tmp_path) is None
        assert load_text_signals_or_none(tmp_path) is None  # cached: told once
    assert len(caplog.records) == 1
    assert "post-signals model unavailable" in caplog.text and "cannot be read" in caplog.text
    assert load_text_signals_or_none() is load_text_signals()  # the shipped one, shared


def test_fit_save_load_roundtrip(tmp_path: Path) -> None:
    texts = [*JOB_ADS, *NOT_JOBS, *HUMAN, *BROADCAST]
    y = {
        "job_opening": [1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
        "personality": [0, 0, 0, 1, 1, 0, 1, 1, 0, 0],
    }
    model = TextSignals(C={"job_opening": 4.0}).fit(texts, y, thresholds={"job_opening": 0.4})
    assert model.signals_ == ("job_opening", "personality")
    assert model.set_signals_ == {"light": ("job_opening",), "full": ("personality",)}
    assert model.C == {"job_opening": 4.0}  # params stored untouched
    model.save(tmp_path)
    again = TextSignals.load(tmp_path)
    np.testing.assert_allclose(
        again.score(texts, signals=model.signals_)["job_opening"],
        model.score(texts, signals=model.signals_)["job_opening"],
    )
    assert again.thresholds_ == {"job_opening": 0.4, "personality": 0.5}


def test_tokenize_cues() -> None:
    toks = tokenize(
        ["@bob We're HIRING! apply: https://x.co/1 #jobs _Ù÷â 15.5k", "Good job, Steve Jobs"]
    )
    assert toks[:3] == ["\x1e", "xreply", "xment"]
    for cue in ("xcaps", "xurl", "#jobs", "xjoy", "xnum", "!"):
        assert cue in toks
    assert toks.count("\x1e") == 2  # one before each post


def test_lexicon_groups_carry_words_training_never_saw() -> None:
    # Trained on "good/great/nice job" as praise only, the model still reads "brilliant job"
    # and "solid job" (words it never saw) as no job opening, through the @notemployment group.
    texts = [
        "job opening for drivers, apply today",
        "job opening in sales, apply now",
        "new job opening at the plant, apply",
        "good job everyone, proud of you",
        "great job team, what a launch",
        "nice job on the keynote",
    ]
    y = {"job_opening": [1, 1, 1, 0, 0, 0], "personality": [0, 0, 0, 1, 1, 1]}
    model = TextSignals(C={"job_opening": 10.0}).fit(texts, y)
    probe = ["brilliant job, welders", "solid job, welders", "a job for welders"]
    praise_1, praise_2, employment = model.score(probe, signals=("job_opening",))["job_opening"]
    assert max(praise_1, praise_2) < 0.5 < employment


def test_work_that_means_function_is_not_the_word_work() -> None:
    feat = Featurizer.from_texts(["I work nights", "my printer doesn't work"])
    work = feat.vocabulary.index("work")
    broken, job = feat.transform(["the app still doesn't work", "I don't work Fridays"])
    assert work not in broken.indices  # "doesn't work": its own token, not "work" ...
    assert feat.vocabulary.index("xworkfunction") in broken.indices
    assert work in job.indices  # ... while "I don't work Fridays" is still about work


def test_recruiting_talk_is_work_and_broken_gadgets_are_not(model: TextSignals) -> None:
    talk = [
        "How do you handle counteroffers when a candidate resigns?",
        "Onboarding new hires remotely is so much harder than in person.",
    ]
    gadgets = [
        "My printer does not work. pls help",
        "The new update broke everything, nothing works",
    ]
    assert _labels(model, talk, "work_topic").all()
    assert not _labels(model, gadgets, "work_topic").any()


def test_featurizer_rows_are_unit_norm() -> None:
    feat = Featurizer.from_texts(["we are hiring now", "good morning all"])
    X = feat.transform(["we are hiring", "", "unseen words only zzz"])
    norms = np.asarray(X.multiply(X).sum(axis=1)).ravel()
    np.testing.assert_allclose(norms, [1.0, 0.0, 0.0], atol=1e-6)
    assert X.shape == (3, feat.n_features)


def test_how_a_thing_works_and_praise_are_not_the_word_work() -> None:
    feat = Featurizer.from_texts(["I work nights", "how it works", "nice work"])
    work = feat.vocabulary.index("work")
    function, praise = feat.vocabulary.index("xworkfunction"), feat.vocabulary.index("xjobpraise")
    rows = feat.transform(
        [
            "How Dishwashers Work: inside the spray arm",  # how a thing functions
            "How does this plugin work?",
            "honestly, go with whatever works for your kitchen",
            "Great work everyone!",  # praise of a task, as "good job"
            "How recruiting works at a small firm",  # work itself: a word of @work between
            "Great work culture starts with managers",  # praise word, then a noun: still work
            "How do you make remote work work?",
        ]
    )
    assert function in rows[0].indices and work not in rows[0].indices
    assert function in rows[1].indices and function in rows[2].indices
    assert praise in rows[3].indices and work not in rows[3].indices
    assert function not in rows[4].indices
    assert work in rows[5].indices and praise not in rows[5].indices
    assert work in rows[6].indices


def test_gadgets_and_praise_are_not_work_talk(model: TextSignals) -> None:
    off_work = [
        "How Dishwashers Work: Inside the Spray Arm, the Pump and the Filter",
        "How does this plugin work?",
        "Great work everyone, what a game last night",
    ]
    work = [
        "How recruiting works at a 50-person startup, a thread",
        "Great work culture is built by managers who listen",
        "Back to work after two weeks off, the inbox is terrifying",
    ]
    assert not _labels(model, off_work, "work_topic").any()
    assert _labels(model, work, "work_topic").all()


# Jokes without a laughter word: their humor rests on the words alone.
DEADPAN_JOKES = [
    "Why did the recruiter bring a ladder? To reach the top candidates.",
    "Monday again. My coffee has filed for a restraining order.",
]


def test_a_word_or_two_is_no_joke(model: TextSignals) -> None:
    # with one known word, that word's weight was the whole score ("ok" read as a joke)
    short = ["ok", "hello", "yes", "wow", "cool", "ok thanks", "Good morning"]
    assert not _labels(model, short, "humor").any()


def test_laughter_alone_still_reads_as_humor(model: TextSignals) -> None:
    assert _labels(model, ["lol", "\U0001f602\U0001f602", "haha"], "humor").all()


def test_posts_of_enough_words_score_as_the_plain_model_does(model: TextSignals) -> None:
    # the discount touches only thin posts: a joke of several words keeps its score
    feat = model.featurizers_["full"]
    column = model.set_signals_["full"].index("humor")
    X = feat.transform(DEADPAN_JOKES)
    assert (feat.count_words(X) >= HUMOR_MIN_WORDS).all()
    logits = np.asarray(X @ model.coef_["full"][:, column]) + model.intercept_["full"][column]
    plain = 1.0 / (1.0 + np.exp(-logits))
    scores = model.score(DEADPAN_JOKES, signals=("humor",))["humor"]
    np.testing.assert_allclose(scores, plain, rtol=1e-6)
    assert (scores >= model.thresholds_["humor"]).all()


def test_count_words_leaves_out_cues_and_bigrams() -> None:
    feat = Featurizer.from_texts(["good morning team", "see https://t.co/x now!", "ok"])
    X = feat.transform(["good morning team", "see https://t.co/x now!", "ok", ""])
    assert feat.count_words(X).tolist() == [3, 2, 1, 0]
