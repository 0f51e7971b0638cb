"""What the inbox offers when a post names work only in passing, and when the post model takes
a peer's question for a job ad: which conversation is offered, which is left out, and why."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _listen_fakes import SureScorer
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.inbox_model import Inbox, InboxItem
from staffpulse.listen.rank_reasons import POLITICS
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

NOW = datetime.now(UTC)


def post(pid: str, text: str) -> Post:
    return Post(
        platform="mastodon", id=pid, author_id=f"u{pid}", text=text,
        created_at=NOW - timedelta(hours=1),
    )  # fmt: skip


def inbox_of(tmp_path: Path, *posts: Post, job: dict[str, float] | None = None) -> Inbox:
    with open_store(tmp_path / "inbox.db") as store:
        store.upsert(list(posts), provenance("twarc2", tmp_path / "search.jsonl"))
        scorer: Any = SureScorer(job)
        return build_inbox(store, text_model=scorer, role_model=None)


def offered(result: Inbox) -> dict[str, InboxItem]:
    return {i.conversation_id: i for i in result.items}


def test_a_caption_over_a_quoted_post_is_left_out_as_not_about_work(tmp_path: Path) -> None:
    result = inbox_of(
        tmp_path,
        post("meme", "Acme employees today:\n\nRE: https://example.social/@dana/1"),
        post("monday", "Recruiters on a Monday morning:\n\nRE: https://example.social/@dana/2"),
        post("q", "How do you keep candidates warm during a long interview loop?"),
    )
    assert set(offered(result)) == {"monday", "q"}
    assert result.left_out == {"off_work": 1}
    assert "left out 1 conversation not about work: not a conversation to join" in result.notes


def test_party_politics_naming_a_job_in_passing_is_left_out_not_brexit_hiring(
    tmp_path: Path,
) -> None:
    result = inbox_of(
        tmp_path,
        post(
            "aide",
            "Watching the #Brexit debate again: the minister's aide has the oddest job title"
            " I've heard. Who invents these?",
        ),
        post("nurses", "Brexit made it much harder to hire nurses from the EU. How do you cope?"),
    )
    assert set(offered(result)) == {"nurses"}
    assert result.left_out == {"partisan": 1}
    assert "left out 1 partisan politics post: not a conversation to join" in result.notes
    nurses = offered(result)["nurses"]
    assert "asks a question" in nurses.reasons
    assert POLITICS in nurses.cautions


PEER_QUESTION = "Recruiters: do job postings with salary ranges get more applicants?"
HOOK_AD = "Looking for your next nursing role? Join our Denver team: https://jobs.example/1"
PATTERN_AD = "Now hiring line cooks, $18/hr. Apply now at https://jobs.example/2. Questions?"


def test_a_peer_question_about_pay_is_offered_though_the_model_calls_it_an_ad(
    tmp_path: Path,
) -> None:
    # the post model scores each as a job opening (the real one gives the peer question 0.69)
    job = {PEER_QUESTION: 0.69, HOOK_AD: 0.9, PATTERN_AD: 0.9}
    result = inbox_of(
        tmp_path, post("pay", PEER_QUESTION), post("hook", HOOK_AD), post("ad", PATTERN_AD), job=job
    )
    assert set(offered(result)) == {"pay"}
    pay = offered(result)["pay"]
    assert "asks a question" in pay.reasons
    assert not any("job ad" in c for c in pay.cautions)
    assert result.left_out == {"job_ad": 2}  # a hook question, and an ad by its wording


def test_a_hook_sending_readers_to_a_link_is_no_question_to_answer(tmp_path: Path) -> None:
    result = inbox_of(
        tmp_path,
        post(
            "guide", "Struggling to fill night shifts? Our new guide shows how: https://b.example/1"
        ),
        post("peers", "Anyone else seeing fewer applicants this month? Ours are down 30%."),
    )
    assert [i.conversation_id for i in result.items] == ["peers", "guide"]
    guide, peers = offered(result)["guide"], offered(result)["peers"]
    assert "asks a question" in peers.reasons
    assert "no replies yet: be the first to answer" in peers.reasons
    assert "asks a question" not in guide.reasons
    assert "no replies yet" in guide.reasons


def test_a_question_on_a_new_branch_is_offered_and_one_on_a_git_branch_is_not(
    tmp_path: Path,
) -> None:
    result = inbox_of(
        tmp_path,
        post(
            "office", "We're opening a new branch in Tulsa next quarter. What should we get right?"
        ),
        post("git", "Should I open a new branch for every fix before the pull request?"),
    )
    assert set(offered(result)) == {"office"}
    office = offered(result)["office"]
    assert "asks a question" in office.reasons
    assert "opening a branch" in office.angle
    assert result.left_out == {"off_work": 1}


GENUINE = {
    "fee": "Is a 20% placement fee fair for a permanent hire, or are agencies overcharging?",
    "branch": "Opening our second branch office in Boise. How did you hire the first team there?",
    "advice": "Any advice for a candidate with a panel interview on Thursday?",
    "pay": PEER_QUESTION,
    "layoffs": "Our company announced layoffs today. How do you start a job search after 10 years?",
    "remote": "Is remote work over for junior developers, or just harder to land?",
    "policy": "HR folks: does your PTO policy let people carry days over the new year?",
}


def test_genuine_work_questions_all_stay_in_beside_what_is_left_out(tmp_path: Path) -> None:
    distractors = [
        post("meme", "Acme employees today:\n\nRE: https://example.social/@dana/1"),
        post("aside", "#Brexit again on the news, and a reporter with the oddest job title. More?"),
    ]
    result = inbox_of(
        tmp_path,
        *(post(key, text) for key, text in GENUINE.items()),
        *distractors,
        job={PEER_QUESTION: 0.69},
    )
    assert set(offered(result)) == set(GENUINE)
    assert all("asks a question" in item.reasons for item in result.items)
    assert result.left_out == {"off_work": 1, "partisan": 1}
