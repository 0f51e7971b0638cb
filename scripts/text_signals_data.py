"""Training data of the post signals, read in place from ``../shared/data`` (never copied).

* :func:`load_dev`: the 498 labelled dev posts (the CV evaluation set).
* :func:`load_extra`: our own labels (``scripts/data/text_signals_extra_labels.csv``: a
  reference and four 0/1 labels a row, no text) joined to the texts they refer to, plus the
  ``tmj_*`` job-bot tweets of the CrowdFlower CSV as weak job openings. A reference is
  ``source:key``; the sources are below (:data:`SOURCES`).
* :func:`synthetic`: templated job ads and hard negatives.
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
EXTRA_LABELS = REPO / "scripts" / "data" / "text_signals_extra_labels.csv"
SIGNALS = ("job_opening", "personality", "humor", "work_topic")
csv.field_size_limit(10**8)


def load_dev(data: Path) -> list[dict[str, object]]:
    path = data / "posts_labeled" / "posts_labeled_dev.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@functools.cache
def _crowdflower_rows(data: Path) -> list[dict[str, str]]:
    """The CrowdFlower CSV, read once for the texts and the tmj_* job bots."""
    with (data / "accounts" / "crowdflower_twitter_users.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _crowdflower(data: Path) -> dict[str, str]:
    return {r["_unit_id"]: r["text"] for r in _crowdflower_rows(data)}


def _tweeteval_irony(data: Path) -> dict[str, str]:
    base = data / "humor" / "tweeteval_irony"
    return {
        f"{split}:{i}": text
        for split in ("train", "val")
        for i, text in enumerate((base / f"{split}_text.txt").read_text("utf-8").splitlines())
    }


def _isarcasmeval(data: Path) -> dict[str, str]:
    with (data / "humor" / "isarcasmeval" / "train.En.csv").open(encoding="utf-8") as fh:
        return {str(i): r["tweet"] for i, r in enumerate(csv.DictReader(fh))}


def _ibm_customer_care(data: Path) -> dict[str, str]:
    base = data / "conversations" / "ibm_twitter_customer_care_dialogs"
    out: dict[str, str] = {}
    for name in ("dev.json", "test.json"):
        for dialog in json.loads((base / name).read_text(encoding="utf-8")):
            for turn in dialog["dialogContent"]:
                out[turn["tweet_ID"]] = turn["message"]
    return out


def _hahackathon(data: Path) -> dict[str, str]:
    with (data / "humor" / "hahackathon_train_dev.csv").open(encoding="utf-8") as fh:
        return {r["id"]: r["text"] for r in csv.DictReader(fh)}


def _hashtagwars(data: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in (data / "humor" / "hashtagwars" / "extracted" / "gold_data").glob("*.tsv"):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            cells = line.split("\t")
            if len(cells) > 1:
                out[f"{path.stem}:{i}"] = cells[1]
    return out


#: reference prefix -> reader of {key: text}
SOURCES: dict[str, Callable[[Path], dict[str, str]]] = {
    "cf": _crowdflower,  # CrowdFlower Twitter User Gender Classification tweets (CC0)
    "te": _tweeteval_irony,  # TweetEval irony train/val lines
    "is": _isarcasmeval,  # iSarcasmEval train rows
    "ibm": _ibm_customer_care,  # IBM customer-care dialog turns, by tweet id
    "haha": _hahackathon,  # HaHackathon texts, by id
    "hw": _hashtagwars,  # #HashtagWars gold tweets, file stem and line
}


def load_extra(
    data: Path, dev_ids: set[str]
) -> tuple[list[str], dict[str, np.ndarray], int, dict[str, int]]:
    """Our extra labels joined to their texts, then ``tmj_*`` weak job positives.

    Returns texts, labels per signal, how many rows are our own labels (they come first),
    and the count of own labels per source. References that do not resolve are reported.
    """
    texts: list[str] = []
    y: dict[str, list[int]] = {s: [] for s in SIGNALS}
    readers: dict[str, dict[str, str]] = {}
    per_source: dict[str, int] = {}
    missing = 0
    with EXTRA_LABELS.open(encoding="utf-8") as fh:
        for lab in csv.DictReader(fh):
            prefix, key = lab["ref"].split(":", 1)
            if prefix not in readers:
                try:
                    readers[prefix] = SOURCES[prefix](data)
                except (OSError, KeyError, ValueError) as exc:  # a source folder is absent
                    print(f"warning: cannot read the '{prefix}' texts in {data} ({exc})")
                    readers[prefix] = {}
            text = readers[prefix].get(key)
            if text is None:
                missing += 1
                continue
            if prefix == "cf" and key in dev_ids:
                continue
            texts.append(text)
            per_source[prefix] = per_source.get(prefix, 0) + 1
            for s in SIGNALS:
                y[s].append(int(lab[s]))
    if missing:
        print(f"warning: {missing} extra labels refer to texts not in {data}; skipped")
    n_own = len(texts)
    for row in _crowdflower_rows(data):
        if row["name"].lower().startswith("tmj_") and row["_unit_id"] not in dev_ids:
            texts.append(row["text"])
            for s, v in zip(SIGNALS, (1, 0, 0, 1), strict=True):
                y[s].append(v)
    return texts, {s: np.array(v) for s, v in y.items()}, n_own, per_source


# ---- synthetic job ads and hard negatives (written for this script, not from any dataset) ----
_COMPANIES = [
    "Acme Logistics",
    "Northwind",
    "BrightPath Health",
    "Summit Staffing",
    "Riverside Bank",
    "Copperleaf Foods",
    "Bluewater Hotels",
    "Granite Manufacturing",
    "Lakeside Clinic",
    "Orion Software",
    "Maple Retail",
    "Harbor Transit",
]
_TITLES = [
    "Forklift Operator",
    "Registered Nurse",
    "Assistant Store Manager",
    "Line Cook",
    "Warehouse Associate",
    "Java Developer",
    "Customer Service Rep",
    "CDL Truck Driver",
    "Medical Assistant",
    "Payroll Specialist",
    "Sales Associate",
    "Data Analyst",
    "Physical Therapist",
    "Electrician",
    "Barista",
    "Project Manager",
]
_CATS = [
    "Retail",
    "Healthcare",
    "Transportation",
    "Hospitality",
    "IT",
    "Manufacturing",
    "Nursing",
    "BusinessMgmt",
    "Finance",
    "Sales",
]
_CITIES = [
    "Dayton, OH",
    "Tulsa, OK",
    "Boise, ID",
    "Fresno, CA",
    "Raleigh, NC",
    "Leeds",
    "Toronto, ON",
    "Austin, TX",
    "Newark, NJ",
    "Spokane, WA",
    "Lagos",
    "Manchester",
]
_AD = [
    "Join the {co} team! See our latest #{cat} #job opening here: {url} #{city} #Hiring",
    "We're #hiring! Read about our latest #job opening here: {title} - {url} #{cat}",
    "See our latest #{city} #job and click to apply: {title} - {url} #{cat} #Jobs",
    "Want to work at {co}? We're #hiring in #{city}! Click for details: {url} #Job #{cat}",
    "#Job #{city} {title}: {co} is looking for a {title} ({city})... {url}",
    "{co} is hiring a {title} in {city}. Apply now: {url}",
    "Job Vacancies at {co}, {month} 2015: {title} and more... {url}",
    "Interested in a #{cat} #job near #{city}? This could be a great fit: {url} #Hiring",
    "Can you recommend anyone for this #{cat} #job? {url} #{city} #Hiring #CareerArc",
    "Now hiring: {title}s in {city}! Full time, benefits, weekly pay. Apply today {url}",
    "Looking for {cat} work in {city}? We have openings for {title}s. Call us or apply {url}",
    "{title} needed in {city} - immediate start, apply here {url} #jobs",
    "Job Alert! {co} is looking for a {title} in {city}. Apply by Friday: {url}",
    "We are recruiting! {title} ({city}) - send your CV today {url} #vacancy",
    "{title} - {co} - {city} {url} #{cat} #Job #Jobs #Hiring",
    "Hiring now for a {title} at our {city} location. DM us or apply online {url}",
]
_NEG = [  # (template, work_topic)
    ("5 tips to ace your next job interview {url} #careers", 1),
    ("Why {co} plans to hire 500 people next year {url} #jobs #economy", 1),
    ("The jobs report is out: unemployment fell to 5% in {month} {url}", 1),
    ("Recruiters: post your first job for free and reach thousands of candidates {url}", 1),
    ("How to write a resume that gets noticed by recruiters {url} #jobsearch", 1),
    ("Good job team, what a win tonight!", 0),
    ("Great job on the presentation today, proud of you", 0),
    ("Steve Jobs biopic opens this weekend in {city} {url}", 0),
    ("Apply now for a chance to win $10,000! Deadline {month} 31 {url}", 0),
    ("Apply today for a home loan with {co} - low rates {url}", 0),
    ("Finally got the job!! so happy", 1),
    ("Ugh, Monday again. Work is killing me", 1),
    ("Register today for our networking night in {city} {url}", 0),
    ("New blog: what makes a great place to work? {url} #HR #culture", 1),
    ("{co} named one of the best places to work in {city} {url}", 1),
]
# a question to peers about pay or hiring practice asks for opinions, offers no job (0)
_PEER_QUESTIONS = [
    "Is it fair to ask applicants for references before the first interview?",
    "Should recruiters tell candidates the client's name up front?",
    "How many interview rounds is reasonable for a {title} role?",
    "Would you accept a {title} offer with zero remote days?",
    "What's a fair hourly rate for a {title} in {city} right now?",
    "Do cover letters still matter to you when you hire?",
    "Be honest: do you reply to every candidate after the final round?",
    "Is it time to drop degree requirements from job postings?",
    "Should salary history questions be banned everywhere?",
    "How do you tell a candidate they didn't get the job?",
    "Do referral bonuses actually bring you better hires?",
    "Job seekers, what's the most frustrating part of applying online?",
    "Does listing the pay range in a posting bring more applicants, in your experience?",
    "Should a job posting say whether the role is already filled internally?",
]
_PEER_ASKS = [
    "What's your take?",
    "Curious what others think.",
    "Sound off below.",
    "Recruiters, weigh in!",
    "What do you think?",
    "Thoughts?",
    "Agree or disagree?",
]
_PEER_TAGS = ["", "", "#hiring", "#hiring #jobs", "#recruiting #HR", "#staffing", "{url}"]


def synthetic(
    n_ads: int, n_neg: int, seed: int, n_peer: int = 0
) -> tuple[list[str], dict[str, np.ndarray]]:
    """Templated job ads, hard negatives and ``n_peer`` questions to peers about pay or hiring
    practice (also hard negatives); personality and humor left unlabelled (-1)."""
    rng = np.random.default_rng(seed)
    months = ["October", "November", "March", "June"]
    texts: list[str] = []
    job, work = [], []

    def fill(tpl: str) -> str:
        city = str(rng.choice(_CITIES))
        return tpl.format(
            co=rng.choice(_COMPANIES),
            title=rng.choice(_TITLES),
            cat=rng.choice(_CATS),
            city=city.split(",")[0].replace(" ", "") if "#{city}" in tpl else city,
            url=f"https://t.co/{rng.integers(10**9):x}",
            month=rng.choice(months),
        )

    for _ in range(n_ads):
        texts.append(fill(str(rng.choice(_AD))))
        job.append(1)
        work.append(1)
    for _ in range(n_neg):
        tpl, w = _NEG[int(rng.integers(len(_NEG)))]
        texts.append(fill(tpl))
        job.append(0)
        work.append(w)
    # drawn after the others, so adding them leaves the ads and negatives above unchanged
    for _ in range(n_peer):
        parts = (rng.choice(_PEER_QUESTIONS), rng.choice(_PEER_ASKS), rng.choice(_PEER_TAGS))
        texts.append(fill(" ".join(str(p) for p in parts if p)))
        job.append(0)
        work.append(1)
    n = len(texts)
    return texts, {
        "job_opening": np.array(job),
        "personality": np.full(n, -1),
        "humor": np.full(n, -1),
        "work_topic": np.array(work),
    }
