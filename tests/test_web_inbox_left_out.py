"""The dashboard's list of the conversations the Inbox left out (``staffpulse inbox
--left-out``): the count note links to it, each is listed with its reason, one reason can be
chosen, marks work on them, and an Inbox left with nothing names only the kinds it left out."""

from __future__ import annotations

import html
import re
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.models import Account, Post  # noqa: E402
from test_web_data_inbox import judged_store  # noqa: E402
from web_helpers import make_client, mark_conversation  # noqa: E402

NOW = datetime.now(UTC) - timedelta(hours=1)
QUESTION = "Which onboarding checklist keeps your new temps past week one?"
JOB_AD = "Now hiring night-shift pickers near the river depot, apply now #hiring"
HOSTILE = "Shut up, you idiots <b>never</b> pay on time"


def _post(pid: str, handle: str, text: str) -> Post:
    return Post(platform="x", id=pid, author_id=f"u{pid}", author_handle=handle, text=text,
                created_at=NOW)  # fmt: skip


def store_of(tmp_path: Path, *posts: Post) -> Path:
    accounts = [Account(platform="x", id=p.author_id, handle=p.author_handle) for p in posts]
    return judged_store(tmp_path / "s.db", [*accounts, *posts], *(p.id for p in posts))


@pytest.fixture
def client(tmp_path: Path) -> Any:
    db = store_of(
        tmp_path,
        _post("801", "ana", QUESTION),
        _post("802", "depotjobs", JOB_AD),
        _post("803", "rantybob", HOSTILE),
    )
    with make_client(db) as c:
        yield c


def _section(page: str) -> str:
    return page.split('id="left-out"', 1)[1].split("</section>", 1)[0]


def _words(part: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part)).split())


def test_the_count_note_links_to_the_list_of_what_was_left_out(client: Any) -> None:
    page = client.get("/inbox").text
    note = next(line for line in page.split("\n") if "Left out 1 hostile post and 1 job ad" in line)
    href = html.unescape(re.search(r'<a href="([^"]+)">See which</a>', note).group(1))  # type: ignore[union-attr]
    assert href.endswith("#left-out") and "left_out=all" in href
    assert "<details>" in _section(page)  # folded until asked for
    listed = client.get(href).text
    section = _section(listed)
    assert "<details open>" in section
    words = _words(section)
    assert "Left out 2" in words
    # each with its reason, in the note's order, the post's words as text, never as markup
    assert words.index("hostile @rantybob") < words.index("a job ad @depotjobs")
    assert "&lt;b&gt;never&lt;/b&gt;" in section and "<b>never</b>" not in section
    assert QUESTION not in words  # the open one is not listed
    assert "Show: All (2) · hostile (1) · a job ad (1)" in words


def test_one_reason_can_be_chosen(client: Any) -> None:
    section = _section(client.get("/inbox?left_out=job-ad").text)
    words = _words(section)
    assert "Left out as a job ad 1" in words
    assert "@depotjobs" in words and "@rantybob" not in words


def test_an_unknown_reason_is_said_in_the_pages_words(client: Any) -> None:
    response = client.get("/inbox?left_out=memes")
    assert response.status_code == 400
    words = _words(response.text)
    assert "unknown reason 'memes' for the conversations the inbox left out" in words
    assert "choose a reason under “Left out” on the Inbox page" in words
    assert "--left-out" not in words


def test_a_left_out_conversation_dismissed_leaves_the_list_and_its_count(client: Any) -> None:
    client.get("/inbox")  # ranked and kept: the mark must not leave a stale list behind
    assert mark_conversation(client, "802", "x", "dismissed").status_code == 303
    page = client.get("/inbox?left_out=all").text
    assert "@depotjobs" not in _section(page)
    assert "Left out 1 hostile post: not a conversation to join" in html.unescape(page)


def test_an_empty_inbox_names_only_the_kinds_it_left_out(tmp_path: Path) -> None:
    with make_client(store_of(tmp_path, _post("802", "depotjobs", JOB_AD))) as c:
        page = c.get("/inbox").text
    hero = _words(page.split('class="card hero"', 1)[1].split("</section>", 1)[0])
    assert "Every open conversation left is a job ad." in hero
    assert "not public" not in hero and "possible crisis" not in hero
    assert "See the ones left out, and why" in hero


def test_a_topic_link_or_show_more_folds_the_left_out_list_again(tmp_path: Path) -> None:
    # "?left_out=" kept in these links opened the list at the foot of every page after
    subjects = ["payroll", "onboarding", "overtime", "interviews"]
    questions = [
        _post(f"9{n:02d}", f"asker{n}", f"How do you handle {subjects[n % 4]} for team {n}?")
        for n in range(40)
    ]
    with make_client(store_of(tmp_path, *questions, _post("802", "depotjobs", JOB_AD))) as c:
        page = c.get("/inbox?left_out=all").text
        assert "<details open>" in _section(page)
        more = re.search(r'<a class="btn ghost" href="([^"]+)">Show \d+ more</a>', page)
        topics = re.search(r'aria-label="Topics">(.*?)</nav>', page, re.S)
        assert more is not None and topics is not None
        links = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', topics.group(1))]
        links.append(html.unescape(more.group(1)))
        for link in links:
            assert "left_out" not in link, link
            after = c.get(link).text  # a topic's page may leave out none of its own
            assert 'id="left-out"' not in after or "<details>" in _section(after)
        assert "<details>" in _section(c.get(links[-1]).text)  # folded, as on a first look


def test_the_note_on_posts_in_other_languages_points_to_no_docs_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "(docs/listen.md, 'Posts in other languages')": a path in a source tree a marketer
    # reading the page has never seen
    from staffpulse.listen import inbox as listen_inbox
    from staffpulse.listen.inbox import build_inbox
    from staffpulse.report.inbox_html import render_inbox_html
    from staffpulse.store import open_store

    # which posts count as in another language is the listening package's to test
    monkeypatch.setattr(listen_inbox, "count_turned_down", lambda *_args: {"de": 2})
    db = store_of(tmp_path, _post("801", "ana", QUESTION))
    with open_store(db) as store:
        page = render_inbox_html(build_inbox(store, as_of=NOW + timedelta(hours=1)))
    with make_client(db) as c:
        dashboard = c.get("/inbox").text
    for text in (dashboard, page):
        words = _words(text)
        assert "2 posts in German were read but not offered: listening reads English only" in words
        assert "docs/" not in words


def test_a_left_out_conversation_reopened_is_said_to_be_back_in_its_list(client: Any) -> None:
    client.get("/inbox")
    mark_conversation(client, "802", "x", "dismissed")
    reopened = mark_conversation(client, "802", "x", "open")
    page = html.unescape(client.get(reopened.headers["location"]).text)
    # not "Back in the inbox": it is not among the open conversations but in the left-out list
    assert "or, if it is of a kind the inbox leaves out (a job ad, a joke), in the list" in page
    assert "@depotjobs" in _section(page)


def test_the_last_of_a_reason_dismissed_says_none_is_left_of_it(client: Any) -> None:
    client.get("/inbox")
    mark_conversation(client, "802", "x", "dismissed")  # from the list of job ads
    words = _words(_section(client.get("/inbox?left_out=job_ad").text))
    # ("see every one left out" is the link to the whole list)
    assert "None left out as a job ad now: see every one left out ." in words
