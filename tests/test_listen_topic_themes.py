"""Topics a marketer can read (QA16 #3, web #8): a handful of workplace themes with several
conversations each, readable names, no filler words; small topics merged, lone posts together."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from _listen_fakes import FakeScorer
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.threads import Conversation
from staffpulse.listen.topic_match import match_topics
from staffpulse.listen.topic_members import assign_topics
from staffpulse.listen.topic_theme_scores import theme_of
from staffpulse.listen.topic_themes import OTHER_LABEL, THEME_LABELS
from staffpulse.listen.topic_words import FILLER_WORDS, LABEL_STOP_WORDS, choose_label, is_adverb
from staffpulse.listen.topics import TopicModel
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

# Posts of the kind QA16 wrote by hand (our own wording), each with the theme a marketer would
# file it under.
POSTS = [
    ("interviews", "What's the weirdest question you've been asked in an interview?"),
    ("interviews", "What's the best interview question you've ever been asked? I'll start."),
    ("interviews", "Unpopular opinion: a 5-round interview process for a clerk is a hostage "
                   "situation."),
    ("interviews", "HR and recruiting folks: how are you handling candidates who use AI to "
                   "write every interview answer? One read ChatGPT output off a second screen."),
    ("pay", "How do you answer 'what are your salary expectations' without lowballing yourself?"),
    ("pay", "Reminder: salary transparency isn't scary. Post the range."),
    ("pay", "Also: 'competitive pay' means nothing. Give me a number."),
    ("ghosting", "Got ghosted after the final round. Again. Is this normal now?"),
    ("staffing", "Staffing agencies: why do your temps not show up on day one 30% of the time?"),
    ("job_search", "Is it worth paying for a resume writer? Budget is tight after the layoff."),
    ("job_search", "Day 112 of job hunting and I'm running out of ideas."),
    # a search told by its count, or the experience every opening asks of a beginner
    ("job_search", "Applied to 40 positions since March and heard back from two."),
    ("job_search", "Every entry level job wants experience, so how do I gain experience first?"),
    # a job got is a career move, good news, not a search (they were Layoffs & job search,
    # Offers & onboarding or "Other conversations")
    ("careers", "Guess who just got the job?! Starting at the bakery next week"),
    ("careers", "After six months of volunteering there they offered me a job."),
    ("careers", "so happy, got a new job at the garden centre!!"),
    ("careers", "Cleared my desk today: my last day at the council after nine years."),
    ("careers", "New job at the garden centre starts Monday, so happy!!"),
    # a career chosen, not a job lost (they were Employer brand and Layoffs & job search)
    ("careers", "Demo day for our summer interns: their project cut rota planning in half. "
                "See the post on LinkedIn!"),
    ("careers", "Twelve years in accounting, then a career change to teaching. Zero regrets."),
    ("job_search", "Laid off in May, so now I'm weighing a career change into sales."),
    ("resumes", "Recruiters, what's the strangest thing you've found in a resume?"),
    ("resumes", "Honest question for recruiters: do you still require a cover letter?"),
    ("trades", "Is the electrician job in Denver union or open shop? Is there per diem?"),
    ("trades", "Welders: how do you get through 10-hour night shifts in August?"),
    ("job_ads", "Now hiring CNA in Tampa $18/hr apply: https://example.com/j/1000 #hiring"),
    ("job_ads", "Forklift operators needed for 2nd shift in Memphis, TN. $19.50/hr. Apply today!"),
    ("tools", "Recruiters: which tool did you quietly stop using this year, and why?"),
    ("tools", "I asked ChatGPT to write a job ad and it used the word 'rockstar' three times."),
    ("workplace", "What's your best advice for a first-time manager who has to let someone go?"),
    ("workplace", "Hot take: 'culture fit' is usually 'people like me' in a nicer outfit."),
    # an exit or stay interview is about people leaving, not hiring (it was filed "Interviews")
    ("workplace", "What is the one question you always ask in an exit interview?"),
    ("workplace", "Our exit-interview notes all say the same thing this year"),
    ("workplace", "Do stay interviews actually keep anyone from leaving?"),
    ("remote", "Did every tech company rediscover 'return to office' at the same time?"),
    # once "Other conversations", and a topic labelled by a keyword pair
    ("hr", "Starting treatment next month. Do I have to disclose it to my employer?"),
    ("hr", "How many days of bereavement leave does your company give?"),
    ("staffing", "Is anyone else seeing fewer contract-to-hire conversions this quarter?"),
]  # fmt: skip
FILLER_SEEN_IN_QA = {"asking", "friend", "half", "obviously", "throw", "stop", "live", "ask"}


@pytest.mark.parametrize(("theme", "text"), POSTS)
def test_a_post_is_filed_under_the_theme_a_marketer_would_name(theme: str, text: str) -> None:
    assert theme_of(text) == theme


def test_one_pay_figure_or_one_hiring_word_is_not_a_job_ad() -> None:
    assert theme_of("Is $18/hr fair for a forklift driver in Ohio?") != "job_ads"
    assert theme_of("Hiring managers: how do you prefer to give feedback?") != "job_ads"
    # a hiring manager is not a manager: recruiting, not the workplace
    assert theme_of("Hiring managers who give feedback in 24h fill roles faster") == "recruiting"
    assert theme_of("Our credit union closed its branch") != "trades"  # not a union


def test_a_store_of_work_posts_makes_a_handful_of_named_themes() -> None:
    texts = [text for _, text in POSTS]
    model = TopicModel()
    out = model.assign(texts, [str(i) for i in range(len(texts))])
    topics = {a.topic_id for a in out}
    labels = {model.topics_[t].label for t in topics}
    # before: nearly a topic a post, named by words such as "asking / friend / staffing"
    assert len(topics) <= len(set(theme for theme, _ in POSTS))
    assert labels <= set(THEME_LABELS.values())
    assert {"Interviews", "Pay & salary", "Trades & shifts"} <= labels
    words = {w.lower().strip("&") for label in labels for w in label.split()}
    assert not words & FILLER_SEEN_IN_QA


def test_the_ai_interview_question_is_found_by_topic_interviews(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    posts = [
        Post(platform="x", id=str(i), author_id=f"u{i}", text=text, created_at=now - timedelta(hours=1))
        for i, (_, text) in enumerate(POSTS)
    ]  # fmt: skip
    with open_store(tmp_path / "t.db") as store:
        store.upsert(posts, provenance("twarc2", tmp_path / "search.jsonl"))
        result = build_inbox(store, topic="interviews", text_model=FakeScorer(), role_model=None)
    texts = [item.opening_text for item in result.items]
    assert any("AI to write every interview answer" in t for t in texts)
    assert {item.topic_label for item in result.items} == {"Interviews"}
    assert result.counts["topics"] < len(POSTS) // 2


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("interviews", "Interviews"),
        ("interview questions", "Interviews"),
        ("resignations", "Workplace & managers"),
        ("ai", "Recruiting tools & AI"),
        ("chatgpt", "Recruiting tools & AI"),
        ("layoffs", "Layoffs & job search"),
        ("internships", "Career moves & new jobs"),
        ("career change", "Career moves & new jobs"),
        ("new job", "Career moves & new jobs"),
        ("promotion", "Career moves & new jobs"),
        ("résumé", "Resumes & cover letters"),
        ("cv", "Resumes & cover letters"),
        ("nurses", "Healthcare & nursing"),
        ("rto", "Remote & flexible work"),
        ("other", OTHER_LABEL),
    ],
)
def test_a_theme_is_found_by_its_name_or_the_words_people_use(query: str, label: str) -> None:
    labels = dict(enumerate(THEME_LABELS.values()))
    assert match_topics(query, labels)[0].label == label


def test_a_query_naming_no_topic_falls_back_on_the_words_topics_use() -> None:
    labels = {1: "Trades & shifts", 2: "Pay & salary"}
    words = {1: "forklift / welders / shift", 2: "salary / range"}
    assert match_topics("forklift", labels) == []
    assert [m.label for m in match_topics("forklift", labels, words=words)] == ["Trades & shifts"]
    # a query that names a topic does not spread to the topics that merely use the word
    both = {1: "salary / forklift", 2: "salary"}
    assert [m.id for m in match_topics("salary", labels, words=both)] == [2]


def test_filler_never_names_a_topic() -> None:
    assert FILLER_SEEN_IN_QA <= FILLER_WORDS <= LABEL_STOP_WORDS
    assert is_adverb("obviously") and is_adverb("plainly") and not is_adverb("weekly")
    from collections import Counter

    terms = Counter({"plainly": 5, "forklift": 2, "certification": 2})
    label = choose_label(terms, list(terms), dict.fromkeys(terms, 1.0), 3)
    assert "plainly" not in label and label[0] in {"forklift", "certification"}


def test_lone_posts_go_together_and_a_small_topic_is_merged_into_the_nearest() -> None:
    model = TopicModel()
    texts = [
        "Pickleball league standings for the spring season are posted",
        "Pickleball league standings and the spring season schedule",
        # alone in its batch, but like the pair above (two words in common): merged into it
        "Spring season pickleball courts reopen downtown next week",
        "Ping-pong table in the break room: vibrant, apparently",  # like nothing: other
    ]
    out = model.assign(texts, ["a", "b", "c", "d"])
    assert out[0].topic_id == out[1].topic_id == out[2].topic_id
    assert model.topics_[out[0].topic_id].label.lower().startswith(("pickleball", "spring"))
    assert model.topics_[out[3].topic_id].label == OTHER_LABEL


def test_an_other_post_starts_a_topic_with_a_later_one_like_it(tmp_path: Path) -> None:
    import staffpulse.listen  # noqa: F401

    def conv(cid: str, text: str) -> Conversation:
        return Conversation("x", cid, (Post(platform="x", id=cid, author_id="a", text=text),))

    with open_store(tmp_path / "t.db") as store:
        first = conv("1", "Our pickleball league needs a volunteer scorekeeper this spring")
        _, topic_of = assign_topics(store, [first])
        model = TopicModel.load(store)
        assert model.topics_[topic_of[("x", "1")]].label == OTHER_LABEL
        assert model.seeds_.keys == ["x|1"]  # remembered across runs
        later = conv("2", "Volunteer scorekeeper wanted for the pickleball league in spring")
        model, topic_of = assign_topics(store, [first, later])
        assert topic_of[("x", "1")] == topic_of[("x", "2")]  # the first left "other"
        topic = model.topics_[topic_of[("x", "1")]]
        assert topic.size == 2 and topic.label != OTHER_LABEL and topic.theme is None
        stored = store.conn.execute(
            "SELECT topic_id FROM listen_topic_members WHERE conversation_id = '1'"
        ).fetchone()[0]
        assert stored == topic.id and TopicModel.load(store).seeds_.keys == []


@pytest.mark.parametrize(
    ("text", "not_theme"),
    [
        ("Should our team switch to a new package manager for the monorepo? Any thoughts?",
         "workplace"),
        ("Shipping a Database in a Weekend: An Interview with Its Lone Developer", "interviews"),
        ("He said so in an interview with the BBC last night", "interviews"),
        ("The radio station's weather guy has the best job title: Chief Cloud Whisperer",
         "resumes"),
        ("Comparing client-side and server-side form validation for a signup page", "staffing"),
        # "study" the verb is no research, a life's "15 years of" no firm's anniversary
        ("Changing roles made me slow down and study the long road of my career", "trends"),
        ("After 15 years of doing this I still learn something every week", "news"),
        ("Recruiter with 5 years of experience, open to a new role", "news"),
        # a task done, the day's first task, a new job's ad and a search string's "NOT intern"
        # are no career move
        ("We got the job done before the deadline, proud of this crew", "careers"),
        ("We've got a job to do this quarter and not enough hands", "careers"),
        ("First job of the day: unblock the drain at the depot", "careers"),
        ("Fun fact: the word synergy appears in none of our new job descriptions", "careers"),
        ("Sourcing drill (java): (java OR kotlin) AND spring NOT intern. What would you add?",
         "careers"),
    ],
)  # fmt: skip
def test_theme_words_out_of_their_work_sense_file_nothing_under_that_theme(
    text: str, not_theme: str
) -> None:
    assert theme_of(text) != not_theme


def test_the_work_sense_of_the_same_words_still_finds_its_theme() -> None:
    assert theme_of("I have an interview with a bank tomorrow, any tips?") == "interviews"
    assert theme_of("My manager micromanages every email I send") == "workplace"
    assert theme_of("A new study: 4 in 10 staff plan to look elsewhere next year") == "trends"
    assert theme_of("Celebrating 10 years of Harbor Point this week") == "news"


@pytest.mark.parametrize(
    "text",
    [
        "How the state college's football recruiting haul stacks up after spring practice",
        "The five-star QB recruit commits to the Buckeyes on signing day",
        "Basketball: the coach lands a 4-star point guard recruit",
    ],
)
def test_sports_recruiting_is_not_recruiting_and_sourcing(text: str) -> None:
    assert theme_of(text) != "recruiting"


def test_staff_recruiting_stays_recruiting_and_sourcing() -> None:
    assert theme_of("College recruiting season: how do you source interns?") == "recruiting"
    assert theme_of("How do you close candidates who hold two offers?") == "recruiting"
    # a bank closing its lobbies is not a recruiter closing a candidate
    assert theme_of("Why won't the bank close its lobbies to protect the tellers?") is None


def test_a_curly_apostrophe_files_a_post_as_a_straight_one_does() -> None:
    text = "What's the weirdest question you've been asked in an interview?"
    assert theme_of(text.replace("'", "’")) == theme_of(text.replace("'", "‘")) == theme_of(text)
