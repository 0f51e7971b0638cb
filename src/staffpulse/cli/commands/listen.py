"""``listen bluesky`` and ``inbox``: gather conversations worth joining, then show them."""

from __future__ import annotations

import shlex
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from staffpulse.cli.consoles import make_console, make_status, print_written
from staffpulse.cli.inbox_firm import find_inbox_firm, foreign_firm_note
from staffpulse.cli.inbox_left_out import (
    InboxGroup,
    LeftOutOption,
    check_left_out,
    show_left_out,
)
from staffpulse.cli.inbox_marks import (
    add_mark_commands,
    check_firm_given,
    refuse_inbox_only_options,
)
from staffpulse.cli.json_output import print_json
from staffpulse.cli.listen_file import check_file_options, listen_filter, listen_to_file
from staffpulse.cli.new_store import open_store_saying_new
from staffpulse.cli.options import DbOption, JsonOption, OnlyPlatformOption
from staffpulse.cli.platform_commands import PlatformCommandsGroup
from staffpulse.cli.program import on_store
from staffpulse.config import load_config
from staffpulse.errors import InputError, NotFoundError
from staffpulse.models import platform_choice
from staffpulse.output_files import check_output
from staffpulse.store import open_store

if TYPE_CHECKING:
    from staffpulse.listen.listener import ListenStats
    from staffpulse.listen.listening import ListenResult

# The listen package (scikit-learn, websockets) is imported inside the commands, so other
# commands start fast.

console = make_console()
err_console = make_console(stderr=True)

listen_app = typer.Typer(
    cls=PlatformCommandsGroup,
    help="Listen to live streams and keep the work conversations worth joining.",
    no_args_is_help=True,
)
inbox_app = typer.Typer(
    cls=InboxGroup,
    help="The conversations to join today, by topic, with reasons and angles.",
    invoke_without_command=True,
)


@listen_app.command("bluesky")
def listen_bluesky(
    duration: Annotated[
        str, typer.Option(help="How long to listen: 90s, 10m, 1h30m; 0 = until Ctrl-C.")
    ] = "10m",
    keywords: Annotated[
        Path | None,
        typer.Option(
            help="Keywords file: one term or phrase a line; '-term' excludes, 'recruit*' matches"
            " every word it begins, '#tag' the hashtag; a line starting '# ' is a comment."
        ),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(
            help="Jetstream URL (default: the jetstream_url setting of the bluesky section)."
        ),
    ] = None,
    cursor: Annotated[
        int | None,
        typer.Option(
            help="Start at this moment instead of where the last run stopped: Jetstream's"
            " time_us, in microseconds since 1970 (Jetstream keeps about a day); 0 = now,"
            " the live tail.",
            show_default=False,
        ),
    ] = None,
    classifier: Annotated[
        bool, typer.Option(help="Use the work_topic classifier (else keywords only).")
    ] = True,
    max_events: Annotated[
        int | None, typer.Option(help="Stop after this many events.", show_default=False)
    ] = None,
    idle_timeout: Annotated[
        float | None,
        typer.Option(
            help="Stop after this many seconds without events (replays).", show_default=False
        ),
    ] = None,
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Read a recorded Jetstream stream (one JSON event a line) instead of the"
            " live one.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Listen to Bluesky's live stream and keep the posts about work; the next run resumes.

    Reads Jetstream, Bluesky's public stream of new posts, for the work, HR and hiring ones.

    A run starts where the last one stopped (--cursor starts elsewhere).
    """
    # (one line a paragraph: --help keeps the line breaks of paragraphs after the first)
    from staffpulse.durations import parse_duration

    # Typos first: the classifier takes seconds to load.
    _check_unit(duration)
    seconds = parse_duration(duration)
    _check_limits(cursor, max_events, idle_timeout)
    if from_file is not None:
        check_file_options(url, cursor, idle_timeout)
        listen_to_file(from_file, keywords, classifier, max_events, db, as_json)
        return
    from staffpulse.listen.jetstream import jetstream_url

    target = jetstream_url(load_config(), url)

    from staffpulse.listen.left_out import as_sentence
    from staffpulse.listen.listen_run import missed_note
    from staffpulse.listen.listener import ListenOptions
    from staffpulse.listen.listening import listen
    from staffpulse.report.terminal_inbox import render_listen_summary, status_line

    relevance = listen_filter(keywords, classifier)
    options = ListenOptions(
        url=target,
        duration=seconds,
        max_events=max_events,
        cursor=cursor,
        idle_timeout=idle_timeout,
    )
    with open_store_saying_new(db, err_console) as store:  # "--db clinet.db" said
        if not as_json:
            err_console.print(f"Filtering with: {escape(relevance.description)}", highlight=False)
        # the spinner on a terminal's stderr with --json too: listening takes minutes
        status = make_status(err_console, "Connecting…")

        def on_status(stats: ListenStats, message: str) -> None:
            status.update(status_line(stats, message))

        with status:
            result = listen(store, relevance, options, on_status=on_status)
    if as_json:
        print_json(_json_result(result))
    elif result.failure is None or result.stats.frames:
        # Only a run that received something has a summary worth reading before the error.
        render_listen_summary(err_console, result.stats)
        if (missed := missed_note(result.stats)) is not None:
            err_console.print(f"[yellow]{escape(as_sentence(missed))}.[/]", highlight=False)
        if result.interrupted:
            err_console.print(
                "[yellow]Stopped with Ctrl-C.[/] What came in is saved; the next run carries"
                " on where this one stopped.",
                highlight=False,
            )
        err_console.print(
            f"Next: [bold]{escape(on_store(db, 'inbox'))}[/]", highlight=False, soft_wrap=True
        )
    if result.failure is not None:
        raise result.failure
    if result.interrupted:
        raise typer.Exit(130)  # as any command stopped with Ctrl-C (README, exit codes)


def _check_unit(duration: str) -> None:
    """``--duration 30`` refused: read as 30 seconds, it stopped before the first post, while
    ``inbox --max-age 30`` means 30 days and a person typing it here means minutes."""
    value = duration.strip()
    if value.replace(".", "", 1).isdigit() and float(value) > 0:
        raise InputError(
            f"--duration {value}: say the unit",
            hint=f"e.g. --duration {value}m for {value} minutes ({value}s seconds, {value}h"
            " hours); 0 listens until Ctrl-C",
        )


def _check_limits(cursor: int | None, max_events: int | None, idle: float | None) -> None:
    """Numbers that would stop the run before its first event (it then said "ok", having
    listened to nothing), or start it before 1970 or after now (all skipped), refused."""
    from staffpulse.listen.listen_run import check_cursor

    check_cursor(cursor)
    if max_events is not None and max_events < 1:
        raise InputError(
            f"--max-events {max_events}: must be 1 or more",
            hint="e.g. --max-events 1000; leave it out to listen for --duration",
        )
    if idle is not None and not idle > 0:  # NaN too
        raise InputError(
            f"--idle-timeout {idle:g}: must be more than 0 seconds",
            hint="e.g. --idle-timeout 30; leave it out to wait for events until --duration",
        )


def _json_result(result: ListenResult) -> dict[str, object]:
    """The final counters, and whether listening worked (``outcome``): ``ok``;
    ``interrupted`` (Ctrl-C); ``unreachable`` (Jetstream never answered); ``disconnected``
    (lost for good after events)."""
    data: dict[str, object] = result.stats.as_dict()
    data["outcome"] = result.outcome
    if result.failure is not None:
        data["error"] = {
            "message": result.failure.message,
            "hint": result.failure.hint,
            "exit_code": result.failure.exit_code,
        }
    return data


@inbox_app.callback()
def inbox(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Option(
            help="Only this topic: its id or words of its label, in any form "
            "(interview, interviews); the best match first."
        ),
    ] = None,
    as_handle: Annotated[
        str | None,
        typer.Option(
            "--as",
            help="Your firm's account (@handle or profile URL): its replies mark "
            "conversations joined.",
        ),
    ] = None,
    limit: Annotated[int, typer.Option(help="How many open conversations to show.")] = 20,
    platform: OnlyPlatformOption = None,
    max_age: Annotated[
        str | None,
        typer.Option(
            help="Leave out conversations quiet for longer than this: 30d, 2w, 7d, 12h; a bare "
            "number is days; 0 = no limit. Default: the max_age setting of the listen "
            "section, else 30d.",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str,
        typer.Option(
            "--as-of",
            help="Measure ages from: now (the real time), newest (an hour after the newest "
            "conversation to join in the store: a replay of an archive), auto (now, but newest when nothing in the store "
            "was active within --max-age of now, or for the bundled sample), or a date "
            "YYYY-MM-DD (its midnight UTC) or YYYY-MM-DDTHH:MM: nothing posted later is read.",
        ),
    ] = "auto",
    html: Annotated[
        Path | None, typer.Option(help="Also write a self-contained HTML inbox here.")
    ] = None,
    keep_new: Annotated[
        bool,
        typer.Option(
            "--keep-new",
            help="Look without moving the 'new' mark: what is marked new now is still new "
            "at your next look (--json never moves it).",
        ),
    ] = False,
    left_out: LeftOutOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show the top conversations to join, by topic (subcommands change their state)."""
    if ctx.invoked_subcommand is not None:
        refuse_inbox_only_options(ctx)
        return
    from staffpulse.listen.inbox import build_inbox
    from staffpulse.listen.looks import record_look
    from staffpulse.listen.window import configured_window, parse_as_of, parse_max_age, topic_list
    from staffpulse.report.inbox_html import write_inbox_html
    from staffpulse.report.terminal_inbox import render_inbox

    check_firm_given(as_handle)
    check_output(html, "--html")  # before the inbox is built, not after
    reason = check_left_out(left_out)
    config = load_config()
    window = parse_max_age(max_age) if max_age is not None else configured_window(config)
    reference = parse_as_of(as_of)
    platform = platform_choice(platform)
    with open_store(db, create=False) as store:
        found = find_inbox_firm(store, as_handle, config, db)
        firm = found.firm
        result = build_inbox(
            store,
            platform=platform,
            topic=topic,
            as_handle=None if firm is None else firm.inbox_handle,
            as_platform=None if firm is None else firm.inbox_platform,
            limit=limit,
            max_age=window,
            as_of=reference,
            count_never_work=left_out is not None and reason is None and not as_json,
        )
    if as_json and left_out is None:  # first: a --topic matching nothing still answers
        data = result.as_dict()
        if found.foreign is not None:  # said on stderr once a store: a script reads this
            data["notes"] = [foreign_firm_note(found.foreign, config), *data["notes"]]
        print_json(data)
    # an empty inbox only for the platform asked: said before the topic, as no topic can
    # match where there is nothing, and "leave out --topic" would not help
    problem = result.platform_problem()
    if problem is not None:
        raise problem
    if topic is not None and not result.topic_matched:
        raise NotFoundError(
            f"no topic matches '{topic}'",
            hint="use a word of one of these topics (open conversations): "
            + topic_list(result.topic_choices)
            if result.topic_choices
            else "no topic has conversations to join now; leave out --topic",
        )
    # its hints mark for the firm shown: "inbox dismiss ID" alone marks for no firm
    firm_given = f" --as {shlex.quote(as_handle)}" if as_handle else ""
    if left_out is not None:  # the open ones not shown: "new" not looked at, nor moved
        show_left_out(result, reason, limit, as_json, on_store(db, f"inbox{firm_given}"))
        if html is not None:  # the page with its list of them open at its foot
            write_inbox_html(result, html, left_out_asked=True, reason=reason)
            print_written("HTML inbox", html, as_json=as_json)
        return
    if html is not None:
        write_inbox_html(result, html)
    if not as_json:
        render_inbox(console, result, command=on_store(db, f"inbox{firm_given}"))
    if html is not None:
        # after the inbox, as audit and benchmark name their report ("Wrote inbox.html" came
        # first, on stderr, scrolled away above a long inbox)
        print_written("HTML inbox", html, as_json=as_json)
    # a person saw the whole inbox: "new" is measured from now next time (docs/listen.md)
    whole = topic is None and platform is None and not isinstance(reference, datetime)
    if whole and not keep_new and result.look is not None and (html is not None or not as_json):
        with open_store(db, create=False) as store:
            record_look(store, result.look)


add_mark_commands(inbox_app)  # mark-joined, dismiss, snooze, reopen


def register(app: typer.Typer) -> None:
    app.add_typer(listen_app, name="listen")
    app.add_typer(inbox_app, name="inbox")
