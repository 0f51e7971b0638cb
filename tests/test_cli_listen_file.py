"""The relevance filter a listen uses, as the terminal tells it: without the classifier it
says which keywords it falls back on; and ``--from`` refuses every connection option given
with it, naming them all; an empty recording, or a file that is none, is refused, not read as
zero events."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import staffpulse.signals.text as text_signals
from staffpulse.cli import listen_file
from staffpulse.cli.app import app
from staffpulse.errors import InputError


@pytest.fixture
def no_classifier(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The classifier missing; what the terminal's error stream was told."""
    told: list[str] = []
    monkeypatch.setattr(text_signals, "load_text_signals_or_none", lambda: None)
    monkeypatch.setattr(listen_file.err_console, "print", lambda text, **_: told.append(text))
    return told


def test_without_the_classifier_the_builtin_keywords_are_named(no_classifier: list[str]) -> None:
    relevance = listen_file.listen_filter(None, classifier=True)
    assert relevance.scorer is None
    assert no_classifier == [
        "[yellow]The work_topic classifier is not available; filtering by the built-in "
        "keyword list.[/]"
    ]


def test_without_the_classifier_your_keywords_are_named(
    no_classifier: list[str], tmp_path: Path
) -> None:
    words = tmp_path / "keywords.txt"
    words.write_text("# our terms\nnurse staffing\n-nursery\n", encoding="utf-8")
    relevance = listen_file.listen_filter(words, classifier=True)
    assert "filtering by your keywords" in no_classifier[0]
    assert relevance.description == "1 keyword + 1 exclusion"


def test_the_classifier_turned_off_is_not_reported_missing(no_classifier: list[str]) -> None:
    listen_file.listen_filter(None, classifier=False)
    assert no_classifier == []


def test_every_connection_option_given_with_from_is_named() -> None:
    with pytest.raises(InputError) as raised:
        listen_file.check_file_options("wss://jet.example", 5, 30.0)
    assert str(raised.value.message).startswith(
        "--url and --cursor and --idle-timeout with --from: a recorded stream is read whole"
    )
    assert raised.value.hint == (
        "leave out --url and --cursor and --idle-timeout (--max-events still stops early)"
    )
    listen_file.check_file_options(None, None, None)  # none given: nothing to refuse


@pytest.mark.parametrize(
    ("content", "told"),
    [
        ("", "the file is empty"),
        ("\n\n  \n", "the file is empty"),
        (  # JSON of posts, then a line of text: no Jetstream event among the first lines
            '{"text": "a post", "author": "ana"}\nnot json\n',
            "not a recorded Jetstream stream: no event in 2 lines read (line 1: JSON",
        ),
    ],
)
def test_an_empty_file_or_one_that_is_no_recording_is_refused_before_a_store_is_made(
    tmp_path: Path, content: str, told: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    recording = tmp_path / "stream.jsonl"
    recording.write_text(content, encoding="utf-8")

    def load_no_filter() -> None:
        raise AssertionError("the classifier loaded (seconds) for a file that is no recording")

    monkeypatch.setattr(text_signals, "load_text_signals_or_none", load_no_filter)
    store = tmp_path / "s.db"
    args = ["listen", "bluesky", "--from", str(recording), "--db", str(store)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 65, result.output
    assert told in " ".join(result.output.split())
    assert "Next: staffpulse inbox" not in result.output  # not read as zero events
    assert not store.exists()  # a mistyped --db is left without an empty store
