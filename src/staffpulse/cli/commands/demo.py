"""``staffpulse demo``: run the product on the bundled sample cohort."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.rule import Rule

from staffpulse.cli.consoles import make_console, make_status
from staffpulse.cli.options import check_port_number, given_on_command_line
from staffpulse.cli.program import command_name, db_option, on_store
from staffpulse.dates import format_day
from staffpulse.report.counts import count_of

console = make_console()
err_console = make_console(stderr=True)


def demo_command(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        # --output and -o as score, classify and connect spell it: "No such option: --output"
        typer.Option("--out", "--output", "-o", help="Folder for the demo store and reports."),
    ] = None,
    serve: Annotated[
        bool, typer.Option("--serve", help="Then open the web dashboard on the demo store.")
    ] = False,
    port: Annotated[int, typer.Option(help="Port of the dashboard (with --serve).")] = 8000,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Write the demo store to this file (new, or an earlier demo store; reports go "
            "beside it unless --out). STAFFPULSE_DB is not used: the demo starts afresh.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Run staffpulse end to end on the bundled, fictional sample cohort."""
    check_port_number(port)
    # a port taken or closed to this user ("--port 80") is said before the demo is built,
    # not after the minute that takes
    if serve:
        from staffpulse.web.server import check_port

        check_port("127.0.0.1", port)
    # the port is the dashboard's: a run without --serve opens none, and "demo --port 8080"
    # alone looked as if the dashboard ran there
    port_unused = not serve and given_on_command_line(ctx, "port")
    if port_unused:
        err_console.print(
            f"[yellow]note[/] --port {port} does nothing without --serve: the demo opens the "
            "dashboard only with --serve, and its last lines name that command.",
            highlight=False,
            soft_wrap=True,
        )
    from staffpulse.demo import DEMO_AUDIT_HANDLE, DEMO_FIRM_HANDLE, DEMO_FIRM_NOTE, run_demo
    from staffpulse.report.terminal import render_stats
    from staffpulse.report.terminal_audit import render_audit
    from staffpulse.report.terminal_benchmark import render_benchmark
    from staffpulse.report.terminal_connect import render_suggestions
    from staffpulse.report.terminal_inbox import render_inbox

    console.print(
        Panel.fit(
            "[bold]staffpulse demo[/]: SAMPLE DATA: 16 fictional staffing firms, vendors, "
            "recruiters and HR people, written by the staffpulse project.",
            border_style="cyan",
        )
    )
    # on stderr: stdout is the demo's report, which may go to a file
    with make_status(err_console, "Working...") as status:
        result = run_demo(
            out,
            step=lambda message: status.update(message + "..."),
            db_path=db or (Path(ctx.obj["db"]) if ctx.obj and ctx.obj.get("db") else None),
        )
    console.print(
        f"Imported {count_of(result.imported.posts, 'post')} and "
        f"{count_of(result.imported.accounts, 'account')} "
        f"into {escape(str(result.db_path))}",
        highlight=False,
        soft_wrap=True,  # the path whole on one line: Rich's wrap broke it where copied from
    )
    render_stats(console, result.stats)
    if result.benchmark is not None:
        console.print(_section("Benchmark: the cohort ranked on the four pillars", "Benchmark"))
        render_benchmark(console, result.benchmark)
    if result.audit is not None:
        console.print(Rule(f"Audit of @{DEMO_AUDIT_HANDLE}"))
        render_audit(console, result.audit, examples=False)
    if result.inbox is not None:
        # the sample's dates are fixed: "today" would be false, and its newest conversations
        # are days old by its own last day (a job-ad stream is the newest activity)
        as_of = format_day(result.inbox.ranked_as_of)
        console.print(
            _section(
                f"Open conversations for @{DEMO_FIRM_HANDLE}, {as_of} (the sample's last day)",
                f"Open conversations for @{DEMO_FIRM_HANDLE}",  # the replay line says the day
            )
        )
        console.print(DEMO_FIRM_NOTE, highlight=False)
        # its hints name the demo store and firm: "staffpulse inbox dismiss ID" alone found no
        # store, and a mark for no firm is counted by no audit; the demo takes no --limit nor
        # --json: the lines name the inbox command that shows more
        inbox = on_store(result.db_path, f"inbox --as {DEMO_FIRM_HANDLE}")
        render_inbox(console, result.inbox, command=inbox, more=inbox)
    if result.suggestions is not None:
        console.print(Rule(f"Who @{DEMO_FIRM_HANDLE} should follow"))
        # the demo takes no --limit: the line names the connect run that shows the rest
        again = on_store(result.db_path, f"connect {DEMO_FIRM_HANDLE}")
        render_suggestions(console, result.suggestions, command=again)
    console.print(Rule("Reports"))
    for label, path in result.outputs.items():
        console.print(
            f"[green]{escape(label)}:[/] {escape(str(path))}", highlight=False, soft_wrap=True
        )
    # commands to copy: never wrapped (a long --db path broke across two lines), and named as
    # the user can run them (.venv/bin/staffpulse when staffpulse is not on the PATH)
    console.print(
        next_steps(
            escape(command_name()), result.db_path, serve, port=port if port_unused else None
        ),
        highlight=False,
        soft_wrap=True,
    )
    if serve:
        from staffpulse.demo import SAMPLE_DIR
        from staffpulse.web import serve_app

        serve_app(result.db_path, "127.0.0.1", port, True, cohort_file=SAMPLE_DIR / "cohort.csv")


def _section(title: str, short: str) -> Rule:
    """A section's rule, with its ``short`` title when the whole one does not fit: at 60
    columns the inbox's was cut to "…19 Nov 2026 (the sa…"."""
    return Rule(title if len(title) + 4 <= console.width else short)


def next_steps(program: str, db_path: Path, serving: bool, *, port: int | None = None) -> str:
    """What to do after the demo: the audit report, exploring the demo store, and the
    dashboard (on ``port`` when the user gave one); with ``--serve`` the dashboard starts right
    below, so its command is not offered again. Then how the user's own posts get in."""
    explore = f"  {program} audit mia_recruits{escape(db_option(db_path))}"
    # the demo showed what staffpulse does, but not how a marketer's own posts get in, nor
    # where the commands it did not run are listed
    own = (
        f"\nYour own posts: {program} import FILE (an export from X, Bluesky or Mastodon, or a"
        f" CSV) keeps them in your own store, apart from the demo's; {program} --help lists"
        " every command."
    )
    if serving:
        return (
            "\nNext: open the audit report or the dashboard below in your browser; later, "
            f"explore the demo store:\n{explore}{own}"
        )
    return (
        "\nNext: open the audit report in your browser, or explore the demo store:\n"
        f"{explore}\n  {serve_command(program, db_path, port)}   (the web dashboard){own}"
    )


def serve_command(program: str, db_path: Path, port: int | None = None) -> str:
    """The command that serves this demo store: ``demo --serve`` rebuilds the demo in its own
    folder, so a store put elsewhere (``--db``, ``--out``) is named, or the dashboard would show
    another store than the one the hint above it explores; on ``port``, when the user gave one
    without ``--serve``."""
    from staffpulse.config import DEMO_DB_NAME, default_demo_dir

    on_port = "" if port is None else f" --port {port}"
    if db_path.expanduser().resolve() == (default_demo_dir() / DEMO_DB_NAME).expanduser().resolve():
        return f"{program} demo --serve{on_port}"
    return f"{program} demo --serve{on_port}{escape(db_option(db_path))}"


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)
