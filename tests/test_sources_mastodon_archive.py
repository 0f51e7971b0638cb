"""The rows a Mastodon account archive gives (staffpulse.sources.mastodon_archive): posts,
replies, boosts and the account, a status the API also gave stored once, a direct message never
imported, and followers-only posts counted but never quoted."""

from __future__ import annotations

import json
from pathlib import Path

from mastodon_archive_helpers import (
    AVATAR,
    HOME,
    ME,
    archive_members,
    create_activity,
    rosa_actor,
    rosa_outbox,
    rosa_posts,
    run_import,
    runner,
    write_tar_gz,
)
from staffpulse.cli.app import app
from staffpulse.sources import detect
from staffpulse.sources.mastodon_archive import account_from_actor
from staffpulse.store import open_store


def test_the_tar_gz_imports_posts_replies_boosts_and_the_account(tmp_path: Path) -> None:
    archive = write_tar_gz(tmp_path / "archive-20261101-abc123.tar.gz", archive_members())
    assert detect(archive).label == "Mastodon archive"
    result = run_import(tmp_path / "db.sqlite", archive)
    assert result.exit_code == 0, result.output
    assert "archive-20261101-abc123.tar.gz as Mastodon archive" in result.output
    assert "1 direct message (to named people only) left out" in " ".join(result.output.split())
    posts = rosa_posts(tmp_path / "db.sqlite")
    assert set(posts) == {
        "mastodon.example:1001",
        "mastodon.example:1002",
        "mastodon.example:1003",
        "mastodon.example:1004",
    }  # the direct message is not among them
    first = posts["mastodon.example:1001"]
    assert first.kind == "original"
    assert first.text == "We are hiring nurses! apply #Hiring\n\nSecond line"
    assert first.hashtags == ("Hiring",) and first.urls == ("https://jobs.example/n",)
    assert first.lang == "en" and first.created_at is not None
    reply = posts["mastodon.example:1002"]
    assert reply.kind == "reply"
    assert reply.reply_to_post_id == "other.example:777"
    assert reply.reply_to_account_id == "https://other.example/@dana"
    assert reply.mentions == ("dana@other.example",)
    assert posts["mastodon.example:1003"].reply_to_account_id == f"{HOME}/@rosa"
    boost = posts["mastodon.example:1004"]
    assert boost.kind == "repost" and boost.reposted_post_id == "other.example:778"
    with open_store(tmp_path / "db.sqlite") as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None
    assert rosa.handle == "rosa@mastodon.example"
    assert rosa.display_name == "Rosa at Harbor Staffing"
    assert rosa.bio == "Recruiter for nurses & carers.\n\nAsk me anything"
    assert rosa.avatar_path and Path(rosa.avatar_path).read_bytes() == AVATAR


def test_importing_the_archive_twice_adds_nothing(tmp_path: Path) -> None:
    archive = write_tar_gz(tmp_path / "archive.tar.gz", archive_members())
    run_import(tmp_path / "db.sqlite", archive)
    again = runner.invoke(
        app, ["import", str(archive), "--db", str(tmp_path / "db.sqlite"), "--json"]
    )
    report = json.loads(again.stdout)
    assert report["new"] == {"accounts": 0, "posts": 0, "follows": 0}
    assert report["imported"]["posts"] == 4


def test_a_status_fetched_from_the_api_and_read_from_the_archive_is_stored_once(
    tmp_path: Path,
) -> None:
    status = {  # the API's view of status 1001, as `fetch mastodon` or a saved response has it
        "id": "1001",
        "uri": f"{ME}/statuses/1001",
        "url": f"{HOME}/@rosa/1001",
        "created_at": "2026-10-01T09:00:00.000Z",
        "content": "<p>We are hiring nurses!</p>",
        "account": {
            "id": "1",
            "acct": "rosa",
            "username": "rosa",
            "url": f"{HOME}/@rosa",
            "display_name": "Rosa",
            "note": "",
        },
    }
    saved = tmp_path / "statuses.json"
    saved.write_text(json.dumps([status]))
    run_import(tmp_path / "db.sqlite", saved)
    run_import(tmp_path / "db.sqlite", write_tar_gz(tmp_path / "archive.tar.gz", archive_members()))
    assert len(rosa_posts(tmp_path / "db.sqlite")) == 4
    with open_store(tmp_path / "db.sqlite") as store:
        assert [s.account.handle for s in store.list_accounts("mastodon")] == [
            "rosa@mastodon.example"
        ]


def test_an_account_without_a_picture_is_told_apart_from_one_never_seen() -> None:
    bare = {k: v for k, v in rosa_actor().items() if k != "icon"}
    assert account_from_actor(bare).avatar_url == ""  # no picture
    assert account_from_actor(rosa_actor()).avatar_url is None  # one, saved from the archive


def test_followers_only_posts_are_told_counted_and_never_quoted(tmp_path: Path) -> None:
    """A followers-only status is imported and counted, the import says so, and the audit
    (whose reports are shared) never quotes it as an example."""
    from audit_helpers import PERSON, FakeScorer
    from staffpulse.audit import audit_account

    stories = (
        "My honest take on night shifts: I love the calm before the first call",
        "Proud of Dana, who placed her first nurse today. Any tips for a new recruiter?",
        "Why do I still print resumes? Honest answer: my eyes like paper lol",
        "My story of the week: a candidate brought her dog to the interview",
        "I love a Monday when every shift is covered before nine",
        "Honest question: what made you stay with your last agency?",
        "My favourite part of the job is the call that starts with good news",
        "Proud moment: our carers team finished the winter rota early",
    )
    activities = []
    for i, story in enumerate(stories):
        post = create_activity(f"20{i:02d}", f"<p>{story}</p>")
        if i < 4:  # shared with the followers only: the ones the picker would pick first
            post["to"] = post["object"]["to"] = [f"{ME}/followers"]
            post["cc"] = post["object"]["cc"] = []
        post["published"] = post["object"]["published"] = f"2026-10-0{i + 1}T09:00:00Z"
        activities.append(post)
    outbox = {**rosa_outbox(), "orderedItems": activities, "totalItems": len(activities)}
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "outbox.json").write_text(json.dumps(outbox))
    (folder / "actor.json").write_text(json.dumps(rosa_actor()))
    result = run_import(tmp_path / "db.sqlite", folder)
    said = " ".join(result.output.split())
    assert "4 followers-only posts imported: they are counted but never quoted in reports" in said
    with open_store(tmp_path / "db.sqlite") as store:
        audit = audit_account(
            store, "rosa@mastodon.example", scorer=FakeScorer(), avatar=PERSON, save=False
        )
    assert audit.counts["posts"] == 8
    quoted = [ex.text for p in audit.pillars.values() for ex in (*p.best, *p.worst)]
    assert quoted  # the public ones are quoted
    assert not set(quoted) & set(stories[:4]), quoted


def test_boosts_of_deleted_posts_polls_and_articles_import(tmp_path: Path) -> None:
    """What outboxes hold besides Notes: a boost whose object is a bare address (Mastodon's
    own way) or a Tombstone (the boosted post deleted), a poll (Question), an Article."""
    public = ["https://www.w3.org/ns/activitystreams#Public"]

    def boost(number: str, obj: object) -> dict[str, object]:
        uri = f"{ME}/statuses/{number}"
        return {
            "id": f"{uri}/activity",
            "type": "Announce",
            "actor": ME,
            "to": public,
            "published": "2026-10-02T09:00:00Z",
            "object": obj,
        }

    poll = create_activity("1101", "<p>Day or night shifts?</p>")
    poll["object"] = poll["object"] | {"type": "Question", "oneOf": [{"name": "Day"}]}
    article = create_activity("1102", "<p>Ten tips for your CV</p>")
    article["object"] = article["object"] | {"type": "Article", "name": "CV tips"}
    gone = {"id": "https://gone.example/users/dana/statuses/9", "type": "Tombstone"}
    items = [
        boost("1103", "https://other.example/users/dana/statuses/1"),
        boost("1104", gone),
        poll,
        article,
    ]
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "outbox.json").write_text(json.dumps(rosa_outbox() | {"orderedItems": items}))
    (folder / "actor.json").write_text(json.dumps(rosa_actor()))
    result = run_import(tmp_path / "db.sqlite", folder)
    assert result.exit_code == 0, result.output
    posts = rosa_posts(tmp_path / "db.sqlite")
    kinds = sorted(post.kind for post in posts.values())
    assert kinds == ["original", "original", "repost", "repost"]
    reposted = {post.reposted_post_id for post in posts.values() if post.kind == "repost"}
    assert reposted == {"other.example:1", "gone.example:9"}
    texts = {post.text for post in posts.values() if post.kind == "original"}
    assert texts == {"Day or night shifts?", "Ten tips for your CV"}
