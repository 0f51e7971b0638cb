"""`staffpulse inbox` end to end: replay a few thousand Jetstream events through
`staffpulse listen`, then read, filter, triage and render the inbox; and the inbox of imported
posts, whose first post may not be stored. The firm's inbox (--as) and its marks are in
test_cli_commands_listen_inbox_firm."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from listen_helpers import REPLAY, fake_post_models, replayed_store, runner
from staffpulse.cli.app import app
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store
from staffpulse.store.codec import format_time

fake_models = pytest.fixture(fake_post_models, autouse=True, name="fake_models")
replayed = pytest.fixture(replayed_store, scope="module", name="replayed")


def test_replay_yields_an_inbox_of_open_work_questions(replayed: Any) -> None:
    db, truth, _ = replayed
    result = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json", "--limit", "10"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    items = data["items"]
    assert len(items) == 10
    ids = [i["conversation_id"] for i in items]
    assert set(ids) <= truth.work_questions  # relevant, open questions: no ads, no chatter
    for item in items:
        assert "asks a question" in item["reasons"] and item["angle"]
        assert item["url"].startswith("https://bsky.app/profile/")
        assert item["topic"]["label"]
    assert data["counts"]["topics"] >= 3


def test_topic_filter_and_terminal_and_html(replayed: Any, tmp_path: Path) -> None:
    db, _, _ = replayed
    data = json.loads(runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json"]).stdout)
    label = data["items"][0]["topic"]["label"]
    word = label.split(" / ")[0]
    filtered = json.loads(
        runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json", "--topic", word]).stdout
    )
    assert filtered["items"] and all(word in i["topic"]["label"] for i in filtered["items"])
    html = tmp_path / "inbox.html"
    shown = runner.invoke(
        app, ["inbox", *REPLAY, "--db", str(db), "--html", str(html), "--limit", "3"]
    )
    assert shown.exit_code == 0 and "Topic:" in shown.stdout and "Angle:" in shown.stdout
    # named after the inbox, as audit and benchmark name their reports (it came first, on
    # stderr, scrolled away above the inbox); beside --json's document, on stderr
    assert shown.stdout.rstrip().endswith(f"HTML inbox: {html}")
    beside = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--html", str(html), "--json"])
    assert json.loads(beside.stdout)["items"] and f"HTML inbox: {html}" in beside.stderr
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "Angle:" in page
    assert "<script" not in page and "https://" in page


def test_live_inbox_of_an_old_stream_offers_nothing_and_says_how_to_replay(replayed: Any) -> None:
    db, _, _ = replayed
    auto = json.loads(runner.invoke(app, ["inbox", "--db", str(db), "--json"]).stdout)
    assert auto["items"] and auto["replay"]  # nothing live: the store as of its newest post
    now = ["--as-of", "now"]
    data = json.loads(runner.invoke(app, ["inbox", "--db", str(db), "--json", *now]).stdout)
    assert data["items"] == [] and not data["replay"] and data["counts"]["older"] > 0
    shown = runner.invoke(app, ["inbox", "--db", str(db), *now])
    assert shown.exit_code == 0
    assert "Nothing to join now: no open conversation was active in the last 30 days" in (
        shown.stdout
    )
    assert "--as-of newest" in shown.stdout and "days ago" not in shown.stdout


def test_max_age_option_and_setting(replayed: Any, tmp_path: Path) -> None:
    db, _, _ = replayed
    no_limit = runner.invoke(app, ["inbox", "--db", str(db), "--json", "--max-age", "0"])
    items = json.loads(no_limit.stdout)["items"]
    assert items and all(any(c.startswith("quiet for ") for c in i["cautions"]) for i in items)
    config = tmp_path / "config.toml"
    config.write_text('[listen]\nmax_age = "0"\n', encoding="utf-8")
    by_setting = runner.invoke(
        app, ["inbox", "--db", str(db), "--json"], env={"STAFFPULSE_CONFIG": str(config)}
    )
    assert json.loads(by_setting.stdout)["items"] == items
    bad = runner.invoke(app, ["inbox", "--db", str(db), "--max-age", "soon"])
    assert bad.exit_code == 65 and "cannot read the age" in bad.output
    worse = runner.invoke(app, ["inbox", "--db", str(db), "--as-of", "yesterday"])
    assert worse.exit_code == 65 and "--as-of" in worse.output


def test_a_bad_max_age_setting_names_the_config_file(replayed: Any, tmp_path: Path) -> None:
    db, _, _ = replayed
    config = tmp_path / "config.toml"
    env = {"STAFFPULSE_CONFIG": str(config)}
    config.write_text('[listen]\nmax_age = "soon"\n', encoding="utf-8")
    bad = runner.invoke(app, ["inbox", "--db", str(db)], env=env)
    said = " ".join(bad.output.split())
    assert bad.exit_code == 78  # a bad setting, like every other one: not a bad option (65)
    assert f'{config}: [listen] max_age = "soon" is not an age' in said
    assert 'max_age = "30d"' in said and "cannot read the age" not in said
    # the option, when given, is what is read: the setting cannot stop it
    assert runner.invoke(app, ["inbox", "--db", str(db), "--max-age", "7d"], env=env).exit_code == 0
    config.write_text("listen = 5\n", encoding="utf-8")  # no [listen] table: said, not a crash
    table = runner.invoke(app, ["inbox", "--db", str(db)], env=env)
    assert table.exit_code == 78 and "expected a table [listen]" in " ".join(table.output.split())


def test_unknown_topic_is_named_with_the_topics_to_pick(replayed: Any) -> None:
    db, _, _ = replayed
    data = json.loads(runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json"]).stdout)
    result = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--topic", "zzzz"])
    assert result.exit_code == 66
    assert "no topic matches 'zzzz'" in result.output and "Listen first" not in result.output
    assert data["items"][0]["topic"]["label"] in " ".join(result.output.split())


def test_the_topics_to_pick_count_what_the_inbox_shows_of_them(replayed: Any) -> None:
    db, _, _ = replayed
    everything = ["inbox", *REPLAY, "--db", str(db), "--json", "--limit", "1000"]
    data = json.loads(runner.invoke(app, everything).stdout)
    shown: dict[str, int] = {}
    for item in data["items"]:
        shown[item["topic"]["label"]] = shown.get(item["topic"]["label"], 0) + 1
    result = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--topic", "zzzz", "--json"])
    assert result.exit_code == 66
    choices = json.loads(result.stdout)["topic_choices"]
    assert {c["label"]: c["open"] for c in choices} == shown
    hint = " ".join(result.stderr.split())
    first = choices[0]
    assert f"{first['label']} ({first['open']})" in hint
    # choosing it shows as many conversations as it said
    word = first["label"].split(" / ")[0].split()[0]
    picked = runner.invoke(app, [*everything, "--topic", word])
    by_topic = [i for i in json.loads(picked.stdout)["items"] if i["topic"]["id"] == first["id"]]
    assert len(by_topic) == first["open"]


def test_unknown_topic_still_answers_in_json(replayed: Any) -> None:
    db, _, _ = replayed
    result = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--topic", "nurses", "--json"])
    assert result.exit_code == 66
    data = json.loads(result.stdout)
    assert data["topic_matched"] is False and data["topic_choices"]
    assert data["items"] == []


def test_inbox_rejects_an_unknown_platform_and_reads_any_case(replayed: Any) -> None:
    db, _, _ = replayed
    bad = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--platform", "myspace"])
    assert bad.exit_code == 65 and "x, bluesky, mastodon" in bad.output
    assert "Listen first" not in bad.output
    upper = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--platform", "Bluesky"])
    assert upper.exit_code == 0 and "id: at://" in upper.stdout


def test_a_platform_with_no_conversations_names_the_others(replayed: Any) -> None:
    db, _, _ = replayed
    both = json.loads(runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json"]).stdout)
    result = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--platform", "mastodon"])
    assert result.exit_code == 66
    said = " ".join(result.output.split())
    assert "no Mastodon conversations in the store" in said
    assert f"{both['counts']['conversations']:,} conversations on Bluesky" in said
    assert "leave out --platform" in said and "Listen first" not in said
    as_json = runner.invoke(
        app, ["inbox", *REPLAY, "--db", str(db), "--platform", "mastodon", "--json"]
    )
    assert as_json.exit_code == 66 and json.loads(as_json.stdout)["items"] == []
    # a --topic takes the same path: no topic can match where the store has nothing
    for topic in ("pay", "no-such-topic"):
        with_topic = runner.invoke(
            app, ["inbox", *REPLAY, "--db", str(db), "--platform", "mastodon", "--topic", topic]
        )
        assert with_topic.exit_code == 66
        told = " ".join(with_topic.output.split())
        assert "no Mastodon conversations in the store" in told and "leave out --platform" in told
        assert "Listen first" not in told and "No conversations to join" not in told
    # a platform with conversations, all after the date asked: said as before, not "none"
    before = runner.invoke(
        app, ["inbox", "--as-of", "2000-01-01", "--db", str(db), "--platform", "bluesky"]
    )
    assert before.exit_code == 0 and "no Bluesky conversations" not in before.output


def test_a_limit_under_one_says_what_to_give(replayed: Any) -> None:
    db, _, _ = replayed
    bad = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--limit", "0"])
    assert bad.exit_code == 65 and "Traceback" not in bad.output
    assert "--limit must be at least 1 (got 0)" in bad.output
    assert "e.g. 20 (the default)" in bad.output


def test_terminal_items_carry_the_id_dismiss_takes(replayed: Any) -> None:
    db, _, _ = replayed
    data = json.loads(runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json"]).stdout)
    shown = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--limit", "3"])
    first = data["items"][0]["conversation_id"]
    assert first.startswith("at://") and f"id: {first}" in shown.stdout
    # the hint names the store given: "staffpulse inbox dismiss ID" alone found no store
    hint = f"staffpulse --db {db} inbox dismiss ID"
    assert hint in shown.stdout
    done = runner.invoke(app, hint.replace("ID", first).split()[1:])
    assert done.exit_code == 0, done.output


def test_dismiss_takes_the_id_shown_when_the_first_post_is_not_stored(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    reply = Post(platform="x", id="501", author_id="u1", kind="reply",
                 text="@tessmarlowe How do you keep candidates warm after an offer?",
                 reply_to_post_id="500", reply_to_handle="tessmarlowe",
                 created_at=datetime.now(UTC) - timedelta(hours=1))  # fmt: skip
    with open_store(db) as store:
        store.upsert([reply], provenance("test", "fixture"))
    shown = runner.invoke(app, ["inbox", "--db", str(db)])
    assert "id: 500" in shown.stdout and "at least 1 reply" in shown.stdout
    wrong = runner.invoke(app, ["inbox", "dismiss", "501", "--db", str(db)])
    assert wrong.exit_code == 66
    assert "'501' is a post in x conversation '500', not a conversation id" in wrong.output
    assert f"staffpulse --db {db} inbox dismiss 500" in " ".join(wrong.output.split())
    done = runner.invoke(app, ["inbox", "dismiss", "500", "--db", str(db)])
    assert done.exit_code == 0 and "Dismissed the X conversation 500." in done.stdout
    data = json.loads(runner.invoke(app, ["inbox", "--db", str(db), "--json"]).stdout)
    assert data["items"] == [] and data["counts"]["dismissed"] == 1


def test_the_quiet_for_longer_note_is_what_max_age_0_then_adds(tmp_path: Path) -> None:
    import re

    from staffpulse.demo import sample_cohort_file
    from staffpulse.ingest import import_paths

    db = tmp_path / "sample.db"
    with open_store(db) as store:
        import_paths(store, [sample_cohort_file()])
    shown = runner.invoke(app, ["inbox", "--db", str(db), "--max-age", "30d"])
    assert shown.exit_code == 0
    note = re.search(r"([\d,]+) open conversations quiet for more than 30 days", shown.stdout)
    assert note, shown.stdout
    promised = int(note.group(1).replace(",", ""))
    window, everything = (
        json.loads(runner.invoke(app, ["inbox", "--db", str(db), "--json", *age]).stdout)
        for age in (["--max-age", "30d"], ["--max-age", "0"])
    )
    assert everything["counts"]["open"] - window["counts"]["open"] == promised > 0


def test_the_terminal_and_the_page_move_the_new_mark_and_json_and_keep_new_do_not(
    tmp_path: Path,
) -> None:
    db = tmp_path / "looks.db"
    now = datetime.now(UTC)
    first = Post(platform="x", id="800", author_id="u1", author_handle="ana",
                 text="HR folks: how do you run onboarding for remote hires?",
                 created_at=now - timedelta(hours=5))  # fmt: skip
    second = Post(platform="x", id="900", author_id="u2", author_handle="ben",
                  text="Recruiters, how do you handle counteroffers from candidates?",
                  created_at=now - timedelta(hours=1))  # fmt: skip

    def looks() -> list[tuple[str, str | None]]:
        with open_store(db) as store:
            return [
                tuple(r)
                for r in store.conn.execute("SELECT looked_at, since FROM listen_inbox_looks")
            ]

    with open_store(db) as store:
        store.upsert([first], provenance("test", "fixture"))
    for peek in (["--json"], ["--keep-new"], ["--topic", "onboarding"], ["--platform", "x"]):
        assert runner.invoke(app, ["inbox", "--db", str(db), *peek]).exit_code == 0
        assert looks() == []
    shown = runner.invoke(app, ["inbox", "--db", str(db)])
    assert "From your next look, conversations that come in after this one" in shown.stdout
    (looked,) = looks()
    yesterday = format_time(now - timedelta(days=1))
    with open_store(db) as store:  # that look was yesterday's; a post came in since
        store.conn.execute("UPDATE listen_inbox_looks SET looked_at = ?", (yesterday,))
        store.conn.execute("UPDATE posts SET first_seen = ?", (yesterday,))
        store.upsert([second], provenance("test", "fixture"))
    data = json.loads(runner.invoke(app, ["inbox", "--db", str(db), "--json"]).stdout)
    assert {i["conversation_id"]: i["new"] for i in data["items"]} == {"800": False, "900": True}
    assert data["new_since"] == yesterday and looks() == [(yesterday, looked[1])]
    page = tmp_path / "inbox.html"
    shown = runner.invoke(app, ["inbox", "--db", str(db), "--html", str(page), "--json"])
    assert ">new</span>" in page.read_text(encoding="utf-8")
    assert looks()[0][1] == yesterday  # the page is a look: the mark moved
    again = runner.invoke(app, ["inbox", "--db", str(db)])  # the same sitting: same marks
    assert (
        "1 new conversation since you last looked" in again.stdout and "new · score" in again.stdout
    )
