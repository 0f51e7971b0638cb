"""Posts in other languages: the inbox says how many it read and did not offer, and an item in
another language warns that its angle is for an English reply."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from _listen_fakes import FakeScorer
from staffpulse.listen import language_words
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.jetstream import POST_COLLECTION
from staffpulse.listen.jetstream_file import replay_file
from staffpulse.listen.language_words import language_by_words
from staffpulse.listen.languages import other_language, other_languages_note
from staffpulse.listen.relevance import Keywords, RelevanceFilter
from staffpulse.listen.replay import frames_of
from staffpulse.models import Post
from staffpulse.report.terminal_inbox import render_file_summary, render_inbox
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store

NOW = datetime.now(UTC)


def post(pid: str, text: str, lang: str | None, days: float = 0.05) -> Post:
    return Post(platform="bluesky", id=pid, author_id=f"did:plc:{pid}", text=text, lang=lang,
                created_at=NOW - timedelta(days=days))  # fmt: skip


def add(store: Store, tmp_path: Path, *posts: Post) -> None:
    store.upsert(list(posts), provenance("bluesky_json", tmp_path / "feed.json"))


@pytest.mark.parametrize(
    ("lang", "code"),
    [("es", "es"), ("es-MX", "es"), ("pt_BR", "pt"), ("en", None), ("en-GB", None),
     ("und", None), ("zxx", None), ("", None), (None, None), ("in", "id"), ("nb", "no")],
)  # fmt: skip
def test_a_language_other_than_english_is_named_and_no_language_is_none(
    lang: str | None, code: str | None
) -> None:
    assert other_language(lang) == code


def test_the_inbox_counts_the_posts_in_other_languages_it_did_not_offer(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        add(
            store, tmp_path,
            post("q", "How many interviews is too many for a junior role?", "en"),
            post("es1", "¿Cuántas entrevistas son demasiadas para un puesto junior?", "es"),
            post("es2", "Buscamos enfermeras para el turno de noche en Madrid", "es-ES"),
            post("ko", "면접은 몇 번이 적당할까요?", "ko"),
            post("old", "¿Alguien sabe cuánto cobra una agencia?", "es", days=90),
            post("none", "Que tal?", "und"),
        )  # fmt: skip
        scorer: Any = FakeScorer()
        result = build_inbox(store, text_model=scorer, role_model=None)
        assert [i.conversation_id for i in result.items] == ["q"]
        # the one from 90 days ago is outside the 30-day window, as any open conversation
        assert result.other_languages == {"es": 2, "ko": 1}
        assert result.as_dict()["other_languages"] == {"es": 2, "ko": 1}
        note = next(n for n in result.notes if "other languages" in n)
        assert note.startswith("3 posts in other languages (2 in Spanish and 1 in Korean)")
        assert "listening reads English only" in note
        # a marketer running `staffpulse inbox` has no source tree to open a docs file in
        console = Console(record=True, width=300)
        render_inbox(console, result)
        shown = console.export_text()
        assert "were read but not offered: listening reads English only" in shown
        assert "docs/" not in shown
        every_age = build_inbox(store, text_model=scorer, role_model=None, max_age=None)
        assert every_age.other_languages == {"es": 3, "ko": 1}


def test_a_language_two_platforms_code_differently_is_counted_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        add(store, tmp_path, post("id1", "Kami sedang mencari perawat untuk shift malam ini", "id"))
        # X still writes Indonesian "in", as ISO did before 1989
        x_post = Post(platform="x", id="in1", author_id="u1", lang="in",
                      text="Ada yang tahu berapa gaji perawat di Jakarta sekarang",
                      created_at=NOW - timedelta(days=0.05))  # fmt: skip
        store.upsert([x_post], provenance("x_archive", tmp_path / "tweets.js"))
        scorer: Any = FakeScorer()
        result = build_inbox(store, text_model=scorer, role_model=None)
    assert result.other_languages == {"id": 2}
    assert any(n.startswith("2 posts in Indonesian were read") for n in result.notes)


def test_a_reply_in_another_language_shown_with_its_conversation_is_not_counted(
    tmp_path: Path,
) -> None:
    question = post("q", "How many interviews is too many for a junior role?", "en")
    reply = Post(platform="bluesky", id="r", author_id="did:plc:r", lang="es",
                 text="Aquí hacemos dos entrevistas como mucho, y basta.", reply_to_post_id="q",
                 conversation_id="q", created_at=NOW - timedelta(days=0.04))  # fmt: skip
    with open_store(tmp_path / "s.db") as store:
        add(store, tmp_path, question, reply, post("es", "Buscamos enfermeras en Madrid", "es"))
        scorer: Any = FakeScorer()
        result = build_inbox(store, text_model=scorer, role_model=None)
    (item,) = result.items
    assert item.conversation_id == "q"
    # the reply is offered with its question: only the post nobody was offered is counted
    assert result.other_languages == {"es": 1}


def test_an_english_only_inbox_says_nothing_of_other_languages(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        add(store, tmp_path, post("q", "How many interviews is too many?", "en"))
        scorer: Any = FakeScorer()
        result = build_inbox(store, text_model=scorer, role_model=None)
    assert result.other_languages == {}
    assert not any("other languages" in n for n in result.notes)


def test_an_item_in_another_language_warns_the_angle_is_for_an_english_reply(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "s.db") as store:
        # the classifier keeps it on its English borrowings ("job", "interview")
        add(store, tmp_path, post("fr", "Mon premier job interview demain, des conseils ?", "fr"))
        scorer: Any = FakeScorer()
        result = build_inbox(store, text_model=scorer, role_model=None)
    (item,) = result.items
    assert any(c.startswith("written in French: the angle is for a reply in English")
               for c in item.cautions)  # fmt: skip


def test_an_english_link_title_the_platform_called_another_language_is_english(
    tmp_path: Path,
) -> None:
    """X tags a link's few English title words as any language: such a post is neither
    counted among other languages nor told to be skipped as one."""

    def x_post(pid: str, text: str, lang: str) -> Post:
        return Post(platform="x", id=pid, author_id=f"u{pid}", text=text, lang=lang,
                    created_at=NOW - timedelta(days=0.05))  # fmt: skip

    with open_store(tmp_path / "s.db") as store:
        posts = [
            x_post("t1", "Five interview questions every recruiter should drop - https://example.com/a", "ro"),
            x_post("t2", "Harbour lights at dusk - https://example.com/b", "tl"),
            x_post("es", "¿Alguien sabe cuánto cobra una agencia por cada contrato?", "es"),
        ]  # fmt: skip
        store.upsert(posts, provenance("x_archive", tmp_path / "tweets.js"))
        scorer: Any = FakeScorer()
        result = build_inbox(store, text_model=scorer, role_model=None)
    (item,) = result.items
    assert item.conversation_id == "t1"
    assert not any(c.startswith("written in") for c in item.cautions)
    assert result.other_languages == {"es": 1}


def test_the_note_names_three_languages_then_counts_the_rest() -> None:
    note = other_languages_note({"es": 5, "de": 2, "fr": 1, "sw": 1, "ja": 1})
    assert note is not None
    assert note.startswith(
        "10 posts in other languages (5 in Spanish, 2 in German, 1 in French and 2 more languages)"
    )
    assert other_languages_note({}) is None


def _frame(n: int, text: str, langs: list[str]) -> dict[str, Any]:
    return {
        "did": f"did:plc:p{n}", "time_us": 1_767_225_600_000_000 + n, "kind": "commit",
        "commit": {"operation": "create", "collection": POST_COLLECTION, "rkey": f"r{n}",
                   "record": {"text": text, "langs": langs,
                              "createdAt": "2026-01-01T00:00:00Z"}},
    }  # fmt: skip


def test_a_listen_run_counts_the_posts_in_other_languages_it_did_not_keep(
    tmp_path: Path,
) -> None:
    path = tmp_path / "day.jsonl"
    events = [
        _frame(1, "Recruiters: how fast do you reply to applicants?", ["en"]),
        _frame(2, "¿Cuántas entrevistas son demasiadas para un puesto junior?", ["es"]),
        _frame(3, "Buscamos enfermeras para el turno de noche en Madrid", ["es"]),
        _frame(4, "Sunset at the beach tonight", ["en"]),
        # a Spanish post the keywords keep is not among those not kept
        _frame(5, "Reclutadores: ¿cuánto tardan en responder?", ["es"]),
    ]
    path.write_text("\n".join(frames_of(events)) + "\n", encoding="utf-8")
    keywords = RelevanceFilter(keywords=Keywords.of(["recruiters", "reclutadores"]))
    with open_store(tmp_path / "s.db") as store:
        replay = replay_file(store, keywords, path)
    assert replay.stats.kept == 2
    assert replay.stats.other_languages == {"es": 2}
    assert replay.stats.as_dict()["other_languages"] == {"es": 2}  # listen --json
    console = Console(record=True, width=200)
    render_file_summary(console, path, replay)
    said = console.export_text()
    assert "2 posts in Spanish were not kept: listening reads English only" in said
    assert "in a keywords file (--keywords)" in said and "docs/" not in said


def test_a_csv_in_spanish_is_counted_by_its_words_as_posts_from_a_platform_are(
    tmp_path: Path,
) -> None:
    def row(pid: str, text: str) -> Post:  # a staffpulse CSV: platform csv, no language
        return Post(platform="csv", id=pid, author_id=f"u{pid}", text=text,
                    created_at=NOW - timedelta(days=0.05))  # fmt: skip

    with open_store(tmp_path / "s.db") as store:
        store.upsert(
            [
                row("1", "How many interviews is too many for a junior role?"),
                row("2", "Mi jefe no me paga las horas extra. ¿Es legal?"),
                row("3", "Los reclutadores nunca responden después de la entrevista."),
                row("4", "Wir suchen eine Pflegekraft in Berlin, bitte bewerben"),
                row("5", "Que tal?"),  # too few words to tell: not counted
            ],
            provenance("staffpulse_csv", tmp_path / "posts.csv"),
        )
        scorer: Any = FakeScorer()
        result = build_inbox(store, text_model=scorer, role_model=None)
    assert [i.conversation_id for i in result.items] == ["1"]
    assert result.other_languages == {"es": 2, "de": 1}
    assert any(
        n.startswith("3 posts in other languages (2 in Spanish and 1 in German) were read")
        for n in result.notes
    )


def test_a_kept_post_with_no_language_is_cautioned_in_the_language_its_words_show(
    tmp_path: Path,
) -> None:
    spanish = Post(platform="csv", id="1", author_id="u1", created_at=NOW - timedelta(hours=1),
                   text="¿Alguien tiene tips para una job interview en una agencia? Es mañana")  # fmt: skip
    with open_store(tmp_path / "s.db") as store:
        store.upsert([spanish], provenance("staffpulse_csv", tmp_path / "posts.csv"))
        scorer: Any = FakeScorer()
        (item,) = build_inbox(store, text_model=scorer, role_model=None).items
    assert any(c.startswith("written in Spanish: the angle is for a reply in English")
               for c in item.cautions)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "code"),
    [("Estou procurando trabalho em São Paulo, alguém sabe de vagas?", "pt"),
     ("Nous recrutons un développeur à Paris, c'est pour vous", "fr"),
     ("Ik zoek werk in Amsterdam, wat raden jullie aan?", "nl"),
     ("Cerchiamo un cuoco per il ristorante, è un lavoro full time", "it"),
     ("面接は何回が普通ですか", "other"),
     ("Bɪɢ Tᴀɢ | 👑 https://t.co/x", None),  # small capitals: English dressed up
     ("How do you handle counteroffers?", None),
     ("Great job team!", None),
     ("No no no no, NO!", None)],  # one word said again is no Portuguese
)  # fmt: skip
def test_the_words_of_a_post_with_no_language_name_it_and_english_is_none(
    text: str, code: str | None
) -> None:
    assert language_by_words(text) == code


@pytest.mark.parametrize(
    "text",
    ["Hiring a nurse, $25 per hour, no weekends. Who’s in? 🙌",  # "per", "no": Italian, Portuguese
     "C'est la vie: nous recrutons à Paris", "c’est la vie", "Estamos buscando un chef y más",
     "Die Stelle ist weg, leider", "Mi jefe no me paga. Se puede?", "We are hiring in Köln",
     "Café staff wanted near the plaza", "GESUCHT: Lagerhelfer, Vollzeit",
     "El Paso team lunch at the Los Angeles office", "#trabajo @empleo https://ex.com/el-de-la",
     "Great job team, see you Monday"],
)  # fmt: skip
def test_the_shortcut_for_plain_english_never_changes_what_the_words_say(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = language_by_words(text)
    monkeypatch.setattr(language_words, "_no_foreign_word", lambda _text: False)
    assert language_by_words(text) == quick
