"""What a message tells the user to do next, as data: one :class:`~staffpulse.advice_step.Step`
per piece of advice.

The library's errors, hints and notes speak to the terminal ("import its posts first
(staffpulse import FILE)"). Other front ends say the same step their own way: the dashboard
names its pages and controls (:data:`staffpulse.web.wording.PAGE_STEPS`). So the words of each
step live here once: the library builds its text with :meth:`Step.say`, whose :class:`Said`
text keeps the step and its values. A front end given that text as it is (an error's hint that
is one step) reads the step from it; a step said inside a longer message is text like any
other, which the front end finds with :meth:`Step.pattern`, made from the same words, and says
its own way. Rewording a step here changes the terminal and what the pages recognise together,
and a step the dashboard has no wording for fails its tests instead of leaking a command to a page.

Steps are grouped by the messages that give them; :data:`STEPS` lists every one. A few are
not advice but the terminal's words for what happened ("truncated by X (v1.1 without
extended_tweet)"): a page says them its own way too, so they are kept here the same way. Some
are parts of others, never said alone: connect's options (:data:`CONNECT_OPTIONS`), listed by
the advice in a sentence of its own, and where a secret was found (``SECRET_IN_*``).
"""

from __future__ import annotations

import os
from pathlib import Path

# the steps' own kind, named here too, where every caller looks for them
from staffpulse.advice_step import HANDLE as HANDLE
from staffpulse.advice_step import Said as Said
from staffpulse.advice_step import Step as Step

# -- an account or its posts not in the store (store/reads.py, account_refs.py, audit) ------

IMPORT_OR_LIST_ACCOUNTS = Step(
    "import its posts first (staffpulse import FILE), or run: staffpulse accounts"
)
CHECK_SPELLING = Step(
    "check the spelling (staffpulse accounts lists every stored account), or import its posts "
    "first (staffpulse import FILE)"
)
ACCOUNTS_LISTED = Step("staffpulse accounts lists every stored account")
IMPORT_TIMELINE = Step("import its timeline first: staffpulse import FILE")
IMPORT_OR_FETCH_TIMELINE = Step(
    "import its timeline first: staffpulse import FILE, or fetch it: staffpulse fetch "
    "{platform} @{handle}",
    (("platform", r"\w+"), ("handle", HANDLE)),
)
# the audit's Face advice on a picture known only by its address (audit/face.py)
FETCH_AND_CHECK_PICTURE = Step(
    "Run `staffpulse fetch {platform} {handle}` to fetch and check it, so the score counts it "
    "(`staffpulse avatar picture.jpg` on a saved copy only says what it shows: the audit does "
    "not read it)",
    (("platform", r"\w+"), ("handle", "@?" + HANDLE)),
)
# X's free way to that picture, as fetching from X needs a paid API token: the consultant's
IMPORT_PICTURE_FILE = Step(
    "Without a paid X API token, import the picture itself: a staffpulse CSV or JSON Lines "
    "file whose account row names the image in an avatar_file column (staffpulse import --help "
    "lists the columns)"
)
EARLIER_SINCE = Step("choose an earlier --since, or import or fetch the account's newer posts")
IMPORT_COHORT_POSTS = Step(
    "import the accounts' posts first (staffpulse import FILE), or fix the cohort file"
)
# a cohort account left out of the benchmark for its few posts (benchmark/members.py)
FEWER_THAN_MIN_POSTS = Step("fewer than --min-posts {min_posts}", (("min_posts", r"\d+"),))

# -- the inbox's age window and its replays (listen/window.py) --------------------------------

LISTEN_OR_IMPORT = Step(
    "Listen first (staffpulse listen bluesky) or import posts (staffpulse import FILE)."
)
# a store whose posts were all read and none is about work: where work talk is found
LISTEN_FOR_WORK_TALK = Step(
    "Listen where people talk about work (staffpulse listen bluesky) or import such posts "
    "(staffpulse import FILE)."
)
# a store of the firm's own posts only (an X archive): where other people's conversations are
FIND_CONVERSATIONS = Step(
    "To find some: listen on Bluesky (staffpulse listen bluesky), search X (staffpulse fetch "
    'x --search "QUERY", with an X API token) or import posts by others, such as a saved '
    "search (staffpulse import FILE)."
)
WIDEN_MAX_AGE = Step("--max-age to change")
SHOW_UNDATED = Step("--max-age 0 shows them")
WIDEN_OR_REPLAY = Step(
    "widen --max-age, or replay the store as of its newest activity with --as-of newest"
)
SHOW_LIVE = Step("--as-of now shows the live view")
AS_OF_NEWEST = Step("--as-of newest")

# -- a live fetch stopped halfway, or refused for its token (fetch/) ---------------------------

RESUME = Step("run the same command again to resume")
RESUME_LATER = Step("run the same command later to resume")
RESUME_AFTER = Step("run the same command to resume")
RAISE_BUDGET = Step("raise --budget")


def shown_config_path() -> str:
    """The config file staffpulse reads, as a user finds it: "config.toml" alone left a
    marketer asking where that file is. The home folder is written ``~`` (the path is long and
    names the user); a path elsewhere (``STAFFPULSE_CONFIG``) is written whole."""
    from staffpulse.config import config_path  # config's own imports lead back here

    path = config_path()
    try:
        inside = path.relative_to(Path.home())
    except ValueError:
        return str(path)
    return str(path) if os.name == "nt" else f"~/{inside.as_posix()}"


# a path whose folders may hold spaces ("my stores"), ending in a file name that holds none
# (nor ends with the full stop of the sentence it ends)
_CONFIG_FILE = r"(?:[^;(),\n]*[\\/])?[^\s;(),\\/]*[^\s;(),\\/.]"
IN_CONFIG_FILE = ((("config", _CONFIG_FILE),), (("config", shown_config_path),))

# where a secret was found (config_secrets.secret_origin): parts of the steps about the X token
SECRET_IN_ENV = Step("{env} in the environment", (("env", r"[A-Z][A-Z0-9_]*"),))
SECRET_IN_CONFIG = Step("[secrets] {name} in {path}", (("name", r"\w+"), ("path", r".+?")))
_ORIGIN = "|".join(part.pattern_text(named=False) for part in (SECRET_IN_ENV, SECRET_IN_CONFIG))
X_TOKEN_REFUSED = Step(
    "X refused the bearer token from {origin} (HTTP {status})",
    (("origin", _ORIGIN), ("status", r"\d+")),
)
CHECK_X_TOKEN = Step("check {origin} and the app's access level", (("origin", _ORIGIN),))
SET_X_TOKEN = Step(
    "set X_BEARER_TOKEN in the environment or [secrets] x_bearer_token in {config}",
    *IN_CONFIG_FILE,
)

# -- a refresh's X budget, and what it does not refresh (fetch/refresh.py, refresh_targets.py) --

NOT_PAID_WITHOUT_BUDGET = Step("not paid for without --budget")
FETCHED_ONLY_WITH_BUDGET = Step("fetched only with --budget")
BUDGET_FOR_GUESSED_X = Step("give --budget to pay for X accounts read from a bare handle")
BUDGET_SPENT = Step("the --budget of {amount} is spent", (("amount", r"\$[\d,]+\.\d\d"),))
STOPPED_AT_BUDGET = Step("stopped at the --budget")
RAISE_BUDGET_FOR_REST = Step("raise --budget to refresh the X accounts left")
REFRESH_WITH_COHORT = Step(
    "list the accounts to refresh in a cohort file (staffpulse refresh cohort.csv)"
)
FETCH_SEARCHES_AGAIN = Step("run those staffpulse fetch commands again")
X_RATES_SET = Step("Rates are set in [x] of {config}.", *IN_CONFIG_FILE)

# -- a file of no format staffpulse imports (sources/, ingest.py) -----------------------------

# the formats are listed by the import's help, which a pip install has (docs/ it has not)
SEE_FORMATS = Step("(staffpulse import --help lists the formats)")
SUPPORTED_FORMATS = Step(
    "supported formats: {names} (staffpulse import --help says what each is)",
    (("names", ".*?"),),
)
FORMATS_LISTED = Step("staffpulse import --help lists the formats staffpulse reads")
FORMATS_JSONL = Step("(staffpulse import --help lists the staffpulse JSONL fields)")
# what the terminal alone can do with a file of accounts, or of posts of no account
_FILE = ".+?"
TAG_ACCOUNTS = Step(
    "Accounts can be tagged as they are: staffpulse roles {file} --output roles.jsonl",
    (("file", _FILE),),
)
SCORE_TEXTS = Step(
    "Posts of no account can be scored as they are: staffpulse classify {file} --output "
    "scores.jsonl",
    (("file", _FILE),),
)
# posts one a line with no header (notes, sources/prose_files.py): classify reads them once
# a first line names their column, so the command is said after that line, never "as they are"
SCORE_LINES = Step(
    "If each line is a post of no account, add a first line that reads text; then staffpulse"
    " classify {file} --output scores.jsonl scores them",
    (("file", _FILE),),
)
# a cohort file given to import (sources/cohorts.py): where it is of use; the dashboard names
# its own pages, not the command on the copy of the upload it read
USE_COHORT_FILE = Step(
    "use it with staffpulse benchmark {file}, or upload it on the Benchmark page",
    (("file", _FILE),),
)
COMPARE_WITH_COHORT = Step(
    "import the posts of its accounts (their exports, or a live fetch), then compare them with"
    " staffpulse benchmark {file}",
    # a path that ends the step: matched whole, not lazily, in the shell's quotes if it has any
    (("file", rf"'[^'\n]*'|{_CONFIG_FILE}"),),
)

# -- what an import says of a file it read in part (sources/) --------------------------------

WHOLE_ARCHIVE_OR_FOLDER = Step(
    "import the whole archive ZIP as X sent it, or its data folder (with account.js beside "
    "this file)"
)
ARCHIVE_AGAIN = Step(
    "import the whole archive ZIP again, as X sent it (this folder was unzipped or copied only "
    "in part)"
)
NOT_IN_FOLDER = Step("but not in the folder")
# a Bluesky record of another kind than a post: its kind is the $type the file names
NOT_A_POST = Step("{article} {kind} record, not a post", (("article", "an?"), ("kind", r"[\w.-]+")))
NAME_IT_AUTHOR = Step("If that column holds handles, name it author and import the file again")
SAVE_AS_UTF8 = Step(
    "not UTF-8 (first at line {line}), so it was read as {encoding}: check accented names, or "
    "save the file as UTF-8 and try again",
    (("line", r"\d+"), ("encoding", r"[\w-]+")),
)
GIVE_DATE_ORDER = Step(
    "or give the order: import it again with --date-order dmy if its dates are day first "
    "(27/11/2026) or --date-order mdy if month first (11/27/2026)"
)
FETCH_REPO_HANDLE = Step(
    "until you run `staffpulse fetch bluesky HANDLE` once with the account's handle ({example})",
    (("example", r"[^)]*"),),
)
# posts saved from X's API without some fields, or cut short: the request's words
_FIELDS = r"author_id(?:&expansions=author_id)?|created_at"
LACKED_FIELD = Step("(the request lacked tweet.fields={fields})", (("fields", _FIELDS),))
REFETCH_WITH_FIELDS = Step("fetch with tweet.fields={fields}", (("fields", _FIELDS),))
TRUNCATED_V1 = Step("truncated by X (v1.1 without extended_tweet)")
EXTENDED_MODE = Step(
    "fetch {them} in extended mode (tweet_mode=extended) for the full text",
    (("them", "it|them"),),
)

# -- posts an account's export no longer holds (store/export_gaps.py, ingest_report.py) --------

REMOVE_AGAIN = Step("import it again with --remove-deleted")
REMOVE_WHOLE_ARCHIVE = Step(
    "import the whole archive (its ZIP, or its folder) with --remove-deleted"
)
REMOVE_AS_SAID = Step("import the whole archive, as said there, with --remove-deleted")
REMOVE_FROM_ZIP = Step("import the archive's ZIP as X sent it with --remove-deleted")
REMOVED_AS_ASKED = Step("removed from the store (--remove-deleted)")
REMOVAL_ASKED = Step("although --remove-deleted was given")
REMOVES_ONLY = Step("--remove-deleted removes only")
# what could not be read is listed before this note in the terminal
NAMED_ABOVE = Step("(named above), so it {verb} partial", (("verb", "is|may be"),))

# -- connect's advice when it has nothing to suggest (connect/advice.py, left_out.py) ---------

ANY_CONNECT_OPTION = Step("any of connect's options")
CONTACTS_SHOWN = Step("--include-contacts shows {them}", (("them", "them|it"),))
EVEN_WITH_CONTACTS = Step("even with --include-contacts")
INCLUDE_UNSEEN_ANYWAY = Step("or include them anyway with --include-unseen")
FETCH_A_LIST = Step("staffpulse add-handles FILE fetches a list")
# after the one option that brings back the most: the rest would be a wall of option lists
OTHER_CONNECT_OPTIONS = Step("staffpulse connect --help lists the other options")

# The options themselves, which the advice names in a list ("show them with --include-contacts,
# --include-unseen and a wider --role (or none)", "use --role any"): a front end says the whole
# list its own way (staffpulse.web.wording_controls), so these are not in STEPS.
_DAY = r"\d{4}-\d\d-\d\d"
INCLUDE_CONTACTS = Step("--include-contacts")
INCLUDE_UNSEEN = Step("--include-unseen")
AS_OF_DAY = Step("--as-of {day}", (("day", _DAY),))
REACH_BACK = Step("--as-of {day} (or --inactive-days {days})", (("day", _DAY), ("days", r"\d+")))
INACTIVE_DAYS = Step("--inactive-days {days}", (("days", r"\d+"),))
LARGER_INACTIVE_DAYS = Step("a larger --inactive-days")
WIDER_ROLE = Step("a wider --role (or none)")
WIDER_ROLE_OR_ANY = Step("a wider --role (or --role any)")
ROLE_ANY = Step("--role any")
CONNECT_OPTIONS: tuple[Step, ...] = (
    INCLUDE_CONTACTS,
    INCLUDE_UNSEEN,
    AS_OF_DAY,
    REACH_BACK,
    INACTIVE_DAYS,
    LARGER_INACTIVE_DAYS,
    WIDER_ROLE,
    WIDER_ROLE_OR_ANY,
    ROLE_ANY,
)
# one option as a regular expression, the longest first so that "--as-of D (or
# --inactive-days N)" is found whole; and a list of them as join_and writes it ("A, B and C")
CONNECT_OPTION = "|".join(
    step.pattern_text(named=False)
    for step in sorted(CONNECT_OPTIONS, key=lambda step: -len(step.terminal))
)
_OPTION_LIST = f"(?:{CONNECT_OPTION})(?:(?:, | and )(?:{CONNECT_OPTION}))*"
SHOW_WITH = Step("show {them} with {options}", (("them", "them|it"), ("options", _OPTION_LIST)))
USE_OPTIONS = Step("use {options}", (("options", _OPTION_LIST),))

# -- which account: on several platforms, or another (store/reads.py, models.py, account_refs.py)

CHOOSE_PLATFORM = Step("add --platform to choose one")
USE_PLATFORM = Step("use --platform {platform}, or leave --platform out", (("platform", r"\w+"),))
_CSV_ROWS = "the accounts imported from a CSV with no platform column"  # "csv" is no network
USE_CSV_PLATFORM = Step(f"use --platform csv ({_CSV_ROWS}), or leave --platform out")
LEAVE_PLATFORM_OUT = Step("leave out --platform, or give the {name} handle", (("name", r"\w+"),))
PLATFORM_SPELLINGS = Step(
    "twitter is read as x and bsky as bluesky (csv names accounts from a CSV without a "
    "platform column); leave the platform out to look on every platform"
)

# -- connect's and the inbox's choices (connect/choices.py, suggest.py, export.py, listen/) ---

LIMIT_AT_LEAST_ONE = Step("--limit must be at least 1")
CHOOSE_ROLE = Step(
    "choose one of: {roles} (spaces for underscores are fine: 'HR pro')", (("roles", r"[\w, ]+"),)
)
NO_ROLE = Step("run without --role")
USE_EXPORT = Step("use --export {formats}", (("formats", r"[\w-]+(?: or [\w-]+)*"),))
CSV_KEEPS_ALL = Step("--export csv keeps every")
# where the links are of the tied id-only accounts a table counts in one row (connect/id_only.py)
CSV_GIVES_LINKS = Step("--export csv gives the links")
FIND_CONVERSATION_ID = Step(
    "copy the id shown after 'id:' in: staffpulse inbox (conversation_id in --json)"
)

# -- a cohort file the benchmark cannot use (benchmark/cohort.py) -----------------------------

SEGMENT_CHOICES = Step("(use one of: {segments})", (("segments", r"(?:[a-z_]+, )*[a-z_]+"),))
COHORT_LINES = Step(
    "one line per account: handle,platform,segment (a header line is optional), e.g. {cohort_line}",
    (("cohort_line", r"[\w.@-]+,[a-z]+,[a-z_]+"),),
)
IMPORT_THEN_BENCHMARK = Step(
    "import it first (staffpulse import {file}), then run staffpulse benchmark with a cohort "
    "file of handles (handle,platform,segment), or without one to rank the store's accounts",
    (("file", _FILE),),
)

# -- a fetch that failed on the network or on a platform's answer (fetch/) -------------------

# what failed, said as the step to take on a page (the host and the reason are the terminal's)
X_UNREACHABLE = Step(
    "X could not be reached at {host} ({reason})", (("host", r"\S+"), ("reason", r"[^)]*"))
)
# the error is the client library's exception class, and the answer's status when there is one
REQUEST_FAILED = Step(
    "{name} request to {host} failed ({error})",
    (("name", "Bluesky|Mastodon"), ("host", r"\S+"), ("error", r"\w+(?:, HTTP \d+)?")),
)
CHECK_CONNECTION = Step("check your connection")
CHECK_CONNECTION_X = Step("check your connection and [x] base_url")
CHECK_X_ADDRESS = Step(
    "check [x] base_url in {config} ({host})",
    (IN_CONFIG_FILE[0][0], ("host", r"[^)]*")),
    IN_CONFIG_FILE[1],
)
CHECK_HANDLE_APPVIEW = Step("check the handle and [bluesky] appview_url")
CHECK_APPVIEW = Step("check [bluesky] appview_url")
CHECK_APPVIEW_CONFIG = Step("check [bluesky] appview_url in {config}", *IN_CONFIG_FILE)
RAISE_MAX_WAIT = Step("or raise [fetch] max_wait_seconds in {config}", *IN_CONFIG_FILE)
CHECK_X_QUERY = Step("check the handle, --search query and --since date")
CHECK_MASTODON_QUERY = Step("check the handle, the hashtag and --instance")
INSTANCE_PART = Step("--instance, or the part after the second @")
# a handle typed for one platform that looks like another's (fetch/handles.py)
FETCH_ON_PLATFORM = Step(
    "for {name}, run: staffpulse fetch {platform} {handle}",
    (("name", r"\w+"), ("platform", r"\w+"), ("handle", "@?" + HANDLE)),
)
# where a Mastodon account that moved posts now (fetch/mastodon.py's account notes)
FETCH_MOVED_MASTODON = Step("staffpulse fetch mastodon {handle}", (("handle", "@?" + HANDLE),))

# Parts of steps, never said alone: a front end words them inside the steps that hold them
_PARTS = frozenset({*CONNECT_OPTIONS, SECRET_IN_ENV, SECRET_IN_CONFIG})
STEPS: tuple[Step, ...] = tuple(
    value for value in list(globals().values()) if isinstance(value, Step) and value not in _PARTS
)
"""Every step defined above but the parts, for a front end to check that it words each one:
collected, not listed, so that a new step cannot be left out of that check."""
