"""``listen bluesky --from FILE`` (a recorded Jetstream stream read like the live one), and
the relevance filter every listen uses."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from staffpulse.cli.consoles import make_console, make_status
from staffpulse.cli.inbox_marks import print_note
from staffpulse.cli.json_output import print_json
from staffpulse.cli.new_store import open_store_saying_new
from staffpulse.cli.program import on_store
from staffpulse.errors import InputError

if TYPE_CHECKING:
    from staffpulse.listen.relevance import RelevanceFilter

# The listen package (scikit-learn, websockets) is imported inside the functions, so other
# commands start fast.

err_console = make_console(stderr=True)


def listen_filter(keywords: Path | None, classifier: bool) -> RelevanceFilter:
    """The filter a listen uses: the classifier (unless turned off) and the keywords file."""
    from staffpulse.listen import relevance as rel
    from staffpulse.signals.text import load_text_signals_or_none

    words = rel.load_keywords(keywords, on_note=print_note) if keywords else None
    scorer = load_text_signals_or_none() if classifier else None
    if classifier and scorer is None:
        err_console.print(
            "[yellow]The work_topic classifier is not available; filtering by "
            + ("your keywords" if words else "the built-in keyword list")
            + ".[/]"
        )
    return rel.RelevanceFilter(scorer=scorer, keywords=words)


def check_file_options(url: str | None, cursor: int | None, idle: float | None) -> None:
    """--from reads a file: the options of a connection have nothing to act on."""
    given = [
        name
        for name, value in (("--url", url), ("--cursor", cursor), ("--idle-timeout", idle))
        if value is not None
    ]
    if given:
        raise InputError(
            f"{' and '.join(given)} with --from: a recorded stream is read whole, from its"
            " first line, without connecting",
            hint="leave out " + " and ".join(given) + " (--max-events still stops early)",
        )


def listen_to_file(
    path: Path,
    keywords: Path | None,
    classifier: bool,
    max_events: int | None,
    db: Path | None,
    as_json: bool,
) -> None:
    """``listen bluesky --from FILE``: the recording's events through the same filter."""
    from staffpulse.listen.jetstream_file import check_recording, replay_file
    from staffpulse.report.terminal_inbox import render_file_summary

    # a typo in the path, or an empty file, before the classifier takes seconds to load
    check_recording(path)
    relevance = listen_filter(keywords, classifier)
    with open_store_saying_new(db, err_console) as store:  # "--db clinet.db" said
        if not as_json:
            err_console.print(f"Filtering with: {escape(relevance.description)}", highlight=False)
        with make_status(err_console, f"Reading {escape(path.name)}…"):
            replay = replay_file(store, relevance, path, max_events)
    if as_json:
        data: dict[str, object] = replay.stats.as_dict()
        data["outcome"] = "ok"
        data["file"] = str(path)
        data["problems"] = [{"line": p.line, "what": p.what} for p in replay.problems]
        print_json(data)
        return
    render_file_summary(err_console, path, replay)
    err_console.print(
        f"Next: [bold]{escape(on_store(db, 'inbox'))}[/]", highlight=False, soft_wrap=True
    )
