"""Usage errors in a person's words (cli/usage_errors.py): the root's --debug or --version
typed after the command is told where it goes, in the terminal and in --json."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from staffpulse.cli.app import app

runner = CliRunner()


def _said(output: str) -> str:
    return " ".join(output.replace("│", " ").split())


def test_debug_after_the_command_is_told_to_go_before_it() -> None:
    """QA: "staffpulse audit acme --debug" said "No such option: --debug (Possible options:
    --db)", which sent people to --db; the hints of an unexpected error put --debug first."""
    result = runner.invoke(app, ["audit", "acme", "--debug"])
    assert result.exit_code == 2
    said = _said(result.output)
    assert "--debug is not an option of staffpulse audit: it goes before the command" in said
    assert "e.g. staffpulse --debug audit ..." in said and "Possible options" not in said
    nested = runner.invoke(app, ["inbox", "dismiss", "12", "--debug", "--json"])
    error = json.loads(nested.stdout)["error"]
    assert error["exit_code"] == 2
    assert error["message"].endswith("e.g. staffpulse --debug inbox dismiss ...")


def test_version_after_a_command_names_the_root_option() -> None:
    for typed in ("--version", "-v"):
        result = runner.invoke(app, ["stats", typed])
        assert result.exit_code == 2
        said = _said(result.output)
        assert f"{typed} is not an option of staffpulse stats: the version is shown by" in said
        assert "staffpulse --version" in said and "Possible options" not in said


def test_v_alone_names_the_version_option() -> None:
    """QA: "staffpulse -v" with no command said only "No such option: -v"."""
    result = runner.invoke(app, ["-v"])
    assert result.exit_code == 2
    assert "No such option: -v. The version is shown by staffpulse --version" in _said(
        result.output
    )


def test_other_unknown_options_are_offered_the_nearest_name_alone() -> None:
    result = runner.invoke(app, ["stats", "--jsn"])
    assert result.exit_code == 2 and "No such option: --jsn. Did you mean --json?" in result.output
    # "(Possible options: --cohort, --html)" offered a name nothing like the one typed
    html = runner.invoke(app, ["audit", "acme", "--htm", "report.html"])
    assert "No such option: --htm. Did you mean --html?" in _said(html.output)
    assert "Possible options" not in html.output and "--cohort" not in html.output


def test_an_option_with_no_value_after_it_names_its_command() -> None:
    """QA: "audit acme --html" printed "Option '--html' requires an argument." alone, with
    no usage line, and its --json hint sent people to "staffpulse --help", which lists no
    options of audit."""
    result = runner.invoke(app, ["audit", "acme", "--html"])
    assert result.exit_code == 2
    assert "--html needs a value after it: staffpulse audit --help says what it takes" in _said(
        result.output
    )
    nested = runner.invoke(app, ["inbox", "snooze", "12", "--json", "--days"])
    error = json.loads(nested.stdout)["error"]
    assert error["message"].startswith("--days needs a value after it: staffpulse inbox snooze")
    assert error["hint"] == "see staffpulse inbox snooze --help" and error["exit_code"] == 2
    alias = runner.invoke(app, ["web", "--port"])  # the alias runs serve, and says so
    assert "staffpulse serve --help says what it takes" in _said(alias.output)
    root = runner.invoke(app, ["--db"])
    assert "--db needs a value after it: staffpulse --help" in _said(root.output)


def test_json_on_a_command_that_writes_json_lines_says_to_leave_it_out(tmp_path: Path) -> None:
    """QA: "classify posts.csv --json" said "No such option: --json" alone, as if classify
    wrote no JSON; it writes JSON Lines whatever is asked."""
    posts = tmp_path / "posts.csv"
    posts.write_text("id,text\n1,Our new office dog is called Biscuit\n", encoding="utf-8")
    result = runner.invoke(app, ["classify", str(posts), "--json"])
    assert result.exit_code == 2
    assert (
        "staffpulse classify writes JSON Lines already (one line a post): leave out --json;"
        " --output FILE writes them to a file"
    ) in _said(result.output)
    roles = json.loads(runner.invoke(app, ["roles", str(posts), "--json"]).stdout)["error"]
    assert roles["message"].startswith("staffpulse roles writes JSON Lines already (one line an")
    typo = runner.invoke(app, ["stats", "--jsn"])  # another command's unknown option: as it was
    assert "No such option: --jsn" in _said(typo.output)


def test_db_on_a_command_that_reads_only_files_says_to_leave_it_out(tmp_path: Path) -> None:
    """QA: "classify posts.csv --db my.db" said "No such option: --db" alone, read by someone
    who gives every command its store as a misspelt option."""
    posts = tmp_path / "posts.csv"
    posts.write_text("id,text\n1,Our new office dog is called Biscuit\n", encoding="utf-8")
    result = runner.invoke(app, ["classify", str(posts), "--db", "my.db"])
    assert result.exit_code == 2
    assert (
        "staffpulse classify reads the file of posts it is given, not a store: leave out --db"
    ) in _said(result.output)
    scripted = runner.invoke(app, ["avatar", str(posts), "--db", "my.db", "--json"])
    error = json.loads(scripted.stdout)["error"]["message"]
    assert error == "staffpulse avatar reads the images it is given, not a store: leave out --db"
    assert not (tmp_path / "my.db").exists()


def test_db_before_a_command_that_reads_only_files_is_told_as_after_it(tmp_path: Path) -> None:
    """Review: "staffpulse --db my.db classify posts.csv" ran with the store silently ignored,
    while the same --db after the command was told; said alike now, terminal and --json."""
    posts = tmp_path / "posts.csv"
    posts.write_text("id,text\n1,Our team lunch ran long again\n", encoding="utf-8")
    store = str(tmp_path / "my.db")
    result = runner.invoke(app, ["--db", store, "roles", str(posts)])
    assert result.exit_code == 2
    said = _said(result.output)
    assert "staffpulse roles reads the file of accounts it is given, not a store" in said
    assert "Usage: staffpulse roles" in said
    scripted = runner.invoke(app, [f"--db={store}", "classify", str(posts), "--json"])
    assert scripted.exit_code == 2
    error = json.loads(scripted.stdout)["error"]
    assert error["message"] == (
        "staffpulse classify reads the file of posts it is given, not a store: leave out --db"
    )
    assert error["hint"] == "see staffpulse classify --help"
    assert runner.invoke(app, ["--db", store, "classify", "--help"]).exit_code == 0
    assert not (tmp_path / "my.db").exists()


def test_json_on_the_demo_says_which_commands_give_json() -> None:
    # "No such option: --json" alone left a script writer guessing whether any command had it
    result = runner.invoke(app, ["demo", "--json"])
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["message"].startswith("staffpulse demo has no --json: ")
    assert (
        "take --json on the store it prints (audit, benchmark, inbox, connect)" in error["message"]
    )
    assert "No such option" not in _said(result.output)
    served = runner.invoke(app, ["serve", "--port", "8123", "--json"])  # refused, not started
    assert served.exit_code == 2
    assert json.loads(served.stdout)["error"]["message"].startswith(
        "staffpulse serve has no --json: it starts the dashboard; the commands that report"
    )


def test_a_missing_argument_says_what_to_give() -> None:
    """QA: "inbox snooze" alone said "Missing argument 'CONVERSATION_ID'." and no more: the
    argument's own help now follows, in the terminal and in --json."""
    result = runner.invoke(app, ["inbox", "snooze"])
    assert result.exit_code == 2
    assert (
        "Missing argument 'CONVERSATION_ID'. Conversation id (shown after 'id:' by inbox)"
        in _said(result.output)
    )
    error = json.loads(runner.invoke(app, ["audit", "--json"]).stdout)["error"]
    assert error["message"].startswith("Missing argument 'HANDLE'. The account to audit:")


def test_an_unknown_command_of_a_group_lists_the_groups_commands() -> None:
    """QA: "listen mastodon" said "No such command 'mastodon'." and no more: a name near
    none of the group's commands now hears which there are; a near one keeps its suggestion."""
    result = runner.invoke(app, ["listen", "mastodon"])
    assert result.exit_code == 2
    assert "No such command 'mastodon'. The commands of staffpulse listen: bluesky." in _said(
        result.output
    )
    # and the command that gets Mastodon's (or X's) posts, as listen has no stream for them
    assert "staffpulse fetch mastodon --hashtag TAG --instance HOST" in _said(result.output)
    x = json.loads(runner.invoke(app, ["listen", "X", "--json"]).stdout)["error"]["message"]
    assert x.endswith('For X, search its recent posts instead: staffpulse fetch x --search "QUERY"'
                      " (with an X API token).")  # fmt: skip
    marks = json.loads(runner.invoke(app, ["inbox", "hide", "12", "--json"]).stdout)["error"]
    assert marks["message"].endswith("staffpulse inbox: dismiss, mark-joined, reopen, snooze.")
    near = runner.invoke(app, ["inbox", "dismis", "12"])
    assert "Did you mean 'dismiss'?" in _said(near.output) and "The commands" not in near.output


def test_an_option_of_the_group_after_its_command_says_whose_it_is() -> None:
    # "inbox dismiss 12 --limit 5" said "No such option: --limit", as if inbox had none
    result = runner.invoke(app, ["inbox", "dismiss", "12", "--limit", "5", "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["message"] == (
        "--limit is an option of 'staffpulse inbox', not of 'staffpulse inbox dismiss':"
        " leave it out"
    )
    # staffpulse's own options keep their own words, and a typo its nearest name
    debug = runner.invoke(app, ["stats", "--debug"])
    assert "it goes before the command" in _said(debug.output)
    typo = runner.invoke(app, ["inbox", "snooze", "12", "--day", "3"])
    assert "No such option: --day. Did you mean --days?" in _said(typo.output)


def test_an_option_a_sibling_command_has_names_the_form_this_one_takes() -> None:
    """QA: audit takes --cohort FILE and benchmark --csv FILE, so "benchmark --cohort FILE"
    and "connect --csv FILE" were typed, and met a bare "No such option"."""
    cohort = runner.invoke(app, ["benchmark", "--cohort", "cohort.csv"])
    assert cohort.exit_code == 2
    assert (
        "No such option: --cohort. benchmark takes the cohort file as its argument: staffpulse"
        " benchmark FILE" in _said(cohort.output)
    )
    csv = runner.invoke(app, ["connect", "@acme", "--csv", "out.csv", "--json"])
    assert csv.exit_code == 2
    assert json.loads(csv.stdout)["error"]["message"].startswith(
        "No such option: --csv. connect writes CSV with --export csv -o FILE: staffpulse"
        " connect HANDLE --export csv -o FILE"
    )


def test_an_unknown_option_of_staffpulse_under_json_is_a_json_error() -> None:
    """QA: "staffpulse --bogus --json" printed Typer's boxed usage error: a script that asked
    for JSON got none, though the commands' own usage errors came as JSON."""
    for args in (["--bogus", "--json"], ["--bogus", "stats", "--json"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        error = json.loads(result.stdout)["error"]  # the one document on stdout
        assert error == {
            "message": "No such option: --bogus",
            "hint": "see staffpulse --help",
            "exit_code": 2,
        }
        assert result.stderr == "Error: No such option: --bogus\n"  # not the box as well
    command = runner.invoke(app, ["audti", "acme", "--json"])
    assert command.exit_code == 2
    assert json.loads(command.stdout)["error"]["message"] == (
        "No such command 'audti'. Did you mean 'audit'?"
    )
    plain = runner.invoke(app, ["--bogus"])  # without --json: for people, as before
    assert plain.exit_code == 2 and plain.stdout == ""
    assert "No such option: --bogus" in _said(plain.stderr)


def test_json_before_the_command_says_where_it_goes() -> None:
    # "No such option: --json. Did you mean --version?" offered the one option unlike it
    result = runner.invoke(app, ["--json", "--db", "client.db", "audit", "acme"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["message"] == (
        "--json goes after the command, e.g. staffpulse --db client.db audit acme --json"
    )
    alone = runner.invoke(app, ["--json"])
    assert json.loads(alone.stdout)["error"]["message"] == (
        "--json goes after the command, e.g. staffpulse stats --json"
        " (staffpulse --help lists the commands)"
    )
    # no command typed: the example keeps the store named, not the default store's stats
    no_command = runner.invoke(app, ["--db", "client.db", "--json"])
    assert json.loads(no_command.stdout)["error"]["message"] == (
        "--json goes after the command, e.g. staffpulse --db client.db stats --json"
        " (staffpulse --help lists the commands)"
    )


def test_no_command_after_the_options_names_one() -> None:
    # "Missing command." alone named neither what a command is nor where they are listed
    result = runner.invoke(app, ["--db", "client.db"])
    assert result.exit_code == 2
    assert (
        "No command after staffpulse --db client.db: e.g. staffpulse --db client.db stats"
        " (staffpulse --help lists the commands)" in _said(result.stderr)
    )


def test_a_word_people_use_for_a_command_is_offered_the_command_it_means() -> None:
    """QA: "staffpulse report" was offered 'import', the name nearest in letters; a typo of
    the dashboard's alias and a name in capitals got no suggestion at all."""
    cases = {
        "report": "Did you mean 'audit' (an account's report card)?",
        "follow": "Did you mean 'connect' (who to follow)?",
        "dashbaord": "Did you mean 'serve' (the web dashboard)?",
        "IMPORT": "Did you mean 'import'?",
    }
    for typed, offered in cases.items():
        result = runner.invoke(app, [typed])
        assert result.exit_code == 2
        assert f"No such command '{typed}'. {offered}" in _said(result.output)
    help_of = runner.invoke(app, ["help", "audit", "--json"])
    assert json.loads(help_of.stdout)["error"]["message"] == (
        "No such command 'help'. Did you mean staffpulse audit --help?"
    )
    capitals = runner.invoke(app, ["HELP", "Audit"])  # in capitals, as the commands are
    assert "No such command 'HELP'. Did you mean staffpulse audit --help?" in _said(capitals.output)


def test_an_option_of_a_groups_commands_before_them_says_where_it_goes() -> None:
    """QA: "fetch --json x acme" said "No such option: --json" alone, as if fetching gave no
    JSON; "fetch --db FILE x acme" the same of --db, which goes before or after a command."""
    result = runner.invoke(app, ["fetch", "--json", "x", "acme"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["message"] == (
        "--json goes after the command it is an option of, e.g. staffpulse fetch x acme --json"
    )
    db = runner.invoke(app, ["fetch", "--db", "client.db", "bluesky", "acme.bsky.social"])
    assert db.exit_code == 2
    assert (
        "--db goes after the command it is an option of, e.g. staffpulse fetch bluesky"
        " acme.bsky.social --db client.db" in _said(db.stderr)
    )
    # every option typed before the command moves, and one typed after it as well stays once
    both = runner.invoke(app, ["fetch", "--max-posts", "5", "--json", "x", "acme", "--json"])
    assert json.loads(both.stdout)["error"]["message"] == (
        "--max-posts goes after the command it is an option of, e.g. staffpulse fetch x acme"
        " --json --max-posts 5"
    )
    alias = runner.invoke(app, ["fetch", "--json", "twitter", "acme"])  # fetch x, as typed
    assert json.loads(alias.stdout)["error"]["message"].endswith("fetch twitter acme --json")
    alone = runner.invoke(app, ["listen", "--json"])  # no command typed: one is named
    assert "e.g. staffpulse listen bluesky ... --json" in _said(alone.stderr)
    other = runner.invoke(app, ["fetch", "--bogus", "x"])  # no command of it has one
    assert "No such option: --bogus" in _said(other.stderr)


def test_a_replay_option_is_sent_to_from_not_to_a_name_nothing_like_it() -> None:
    """QA: "listen bluesky --replay" said "Did you mean --url?", a live stream's address; a
    recorded stream is read with --from FILE, and so is it said under "listen" alone."""
    for typed in (["listen", "bluesky", "--replay", "s.jsonl"], ["listen", "--replay", "s.jsonl"]):
        result = runner.invoke(app, typed)
        assert result.exit_code == 2
        said = _said(result.output)
        assert "No such option: --replay. A recorded stream is read with --from" in said
        assert "staffpulse listen bluesky --from FILE" in said and "--url" not in said


def test_an_unknown_option_like_none_is_offered_none() -> None:
    # "--out" was offered --cohort, and "--all" --as: names that only share the dashes
    for typed in (["audit", "acme", "--out", "r.html"], ["inbox", "--all"]):
        result = runner.invoke(app, typed)
        assert result.exit_code == 2
        said = _said(result.output)
        assert f"No such option: {typed[-2 if typed[0] == 'audit' else -1]}" in said
        assert "Did you mean" not in said and "help" in said
    near = runner.invoke(app, ["serve", "--host-name", "x"])  # one it is like: still offered
    assert "No such option: --host-name. Did you mean --host?" in _said(near.output)


def test_every_file_command_says_it_reads_no_store() -> None:
    """``--db`` before any command that reads only its files is refused under its usage line,
    naming what it reads: a command added to the list without its words was silently run."""
    from staffpulse.cli.registry import FILE_COMMANDS

    for command in sorted(FILE_COMMANDS):
        result = runner.invoke(app, ["--db", "my.db", command, "in.csv"])
        assert result.exit_code == 2, command
        assert f"staffpulse {command} reads the" in _said(result.output)
