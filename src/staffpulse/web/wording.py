"""Browser wording for the library's messages.

The library speaks to the terminal: its hints name commands and options ("staffpulse import
FILE", "--max-age"). A dashboard user has no terminal open, so every message shown on a page
goes through :func:`web_text`, which swaps the known terminal advice for what to do on the
page. Unknown text passes through unchanged: a terminal hint is better than no hint.

The library gives its advice as steps (:class:`~staffpulse.next_steps.Step`), and this module
says each step its own way (:data:`PAGE_STEPS`). A text that is one step whole, as the library
said it (a :class:`~staffpulse.next_steps.Said`: most errors' hints), carries its step and
values, and is said from them. A step inside a longer text is found by its pattern, made from
the same words the library says, so a reworded step is still found, and a step without page
words fails test_web_wording_steps.py. No hand-written pattern is left: a message's own words
outside its steps (a count, a file name, a server's answer) pass through as they are.
"""

from __future__ import annotations

from collections.abc import Mapping

from staffpulse import next_steps as steps
from staffpulse.config_secrets import hide_secrets
from staffpulse.import_formats import PLAIN_FORMATS
from staffpulse.models import platform_name
from staffpulse.next_steps import Said, Step
from staffpulse.step_wording import StepWording, StepWords
from staffpulse.web.wording_controls import (
    REMOVE_DELETED,
    connect_controls,
    example_line,
    export_buttons,
    segment_names,
)

FORMATS_DOC = "docs/formats.md"
# where the library's import errors send a terminal user for the formats (next_steps.py)
FORMATS_HELP = "staffpulse import --help"

_IMPORT_POSTS = "import its posts on the Import page first"
_RESUME = "start the same fetch again on the Import page to resume"
_ONLINE = "check that this computer is online"
# the exceptions the Bluesky and Mastodon client libraries raise when no answer came at all
_OFFLINE_ERRORS = frozenset({"NetworkError", "MastodonNetworkError"})
# a setting in the config file, which a marketer may never have seen: marked as whose it is
_APPVIEW = (
    "the Bluesky address staffpulse uses (whoever set up staffpulse can check it: the setting"
    " appview_url, in the bluesky section of the config file)"
)

# Each step as the page says it: words, formatted with the step's values, or a function of
# them; None for a step the page leaves out of its text (only the terminal can take it, or the
# page offers it another way). Every step of next_steps.STEPS is here (test_web_wording_steps.py
# checks it).
PAGE_STEPS: Mapping[Step, StepWords] = {
    steps.IMPORT_OR_LIST_ACCOUNTS: f"{_IMPORT_POSTS}, or check the handle on the Accounts page",
    steps.CHECK_SPELLING: f"check the spelling on the Accounts page, or {_IMPORT_POSTS}",
    steps.ACCOUNTS_LISTED: "the Accounts page lists every stored account",
    steps.IMPORT_TIMELINE: f"{_IMPORT_POSTS} (a file, or Fetch an account live)",
    steps.IMPORT_OR_FETCH_TIMELINE: f"{_IMPORT_POSTS} (a file, or Fetch an account live)",
    steps.EARLIER_SINCE: "import or fetch the account's newer posts on the Import page",
    # the Import page's live fetch downloads and checks the picture, as the command does
    steps.FETCH_AND_CHECK_PICTURE: (
        "Fetch the account live on the Import page (Fetch an account live) to download and check it"
    ),
    # the free way for X: the page links its own formats, not the docs' file
    steps.IMPORT_PICTURE_FILE: (
        "Without a paid X API token, import the picture itself: a staffpulse CSV or JSON Lines "
        "file whose account row names the image in an avatar_file column (see “Supported "
        "formats”)"
    ),
    steps.IMPORT_COHORT_POSTS: (
        "import the accounts' posts on the Import page first, or fix the cohort file"
    ),
    # the page has no --min-posts to lower: it says the threshold, as its toolbar does
    steps.FEWER_THAN_MIN_POSTS: "fewer than the {min_posts} a ranked account needs",
    steps.LISTEN_OR_IMPORT: (
        "Import posts by others on the Import page (a twarc2 search, saved Bluesky or Mastodon "
        "posts); whoever set up staffpulse can also let it listen to Bluesky."
    ),
    steps.LISTEN_FOR_WORK_TALK: (
        "Import posts where people talk about work on the Import page (a twarc2 search, saved"
        " Bluesky or Mastodon posts); whoever set up staffpulse can also let it listen to Bluesky."
    ),
    # a store of the firm's own posts only: the Inbox page says where others' posts come from
    # after the reason, as for any empty inbox
    steps.FIND_CONVERSATIONS: None,
    steps.WIDEN_MAX_AGE: "choose a longer age with “Quiet for at most” above",
    steps.SHOW_UNDATED: "choose “No limit” in “Quiet for at most” to see them",
    steps.WIDEN_OR_REPLAY: (
        "choose a longer “Quiet for at most”, or “As of the newest post” in “Rank as of”"
    ),
    steps.SHOW_LIVE: "choose “Now” in “Rank as of” for the live view",
    steps.AS_OF_NEWEST: "“As of the newest post”",
    steps.RESUME: _RESUME,
    steps.RESUME_LATER: _RESUME,
    steps.RESUME_AFTER: _RESUME,
    steps.RAISE_BUDGET: "raise the budget on the Import page",
    # a refresh's budget is the Refresh page's own field
    steps.NOT_PAID_WITHOUT_BUDGET: "not paid for without a budget",
    steps.FETCHED_ONLY_WITH_BUDGET: "fetched only with a budget",
    steps.BUDGET_FOR_GUESSED_X: "set a budget to pay for X accounts read from a bare handle",
    steps.BUDGET_SPENT: "the budget of {amount} is spent",
    steps.STOPPED_AT_BUDGET: "stopped at the budget",
    steps.RAISE_BUDGET_FOR_REST: "raise the budget to refresh the X accounts left",
    steps.REFRESH_WITH_COHORT: (
        "list the accounts to refresh in a cohort file and upload it on the Benchmark page"
    ),
    # the dashboard fetches accounts only: searches and hashtags are fetched from the terminal
    steps.X_RATES_SET: (
        "The prices per read are set in staffpulse's configuration (whoever set up staffpulse"
        " can change them): check them against your X developer plan."
    ),
    steps.FETCH_SEARCHES_AGAIN: "the dashboard fetches accounts only, not searches or hashtags",
    # only X needs a token, and only X's advice leads to Settings
    steps.SET_X_TOKEN: "add the X token on the Settings page, then start again",
    # wherever the token came from (environment or config file), the page's is in Settings
    steps.X_TOKEN_REFUSED: "X refused the X token saved in Settings (HTTP {status})",
    steps.CHECK_X_TOKEN: (
        "check the X token on the Settings page and the app's access level in the X developer "
        "console"
    ),
    # the unknown-format hint lists every reader by its internal name (TWCS, IBM dialogs, X
    # API v1.1 JSONL...): the page says what a marketer has, and links the formats page
    steps.SUPPORTED_FORMATS: f"staffpulse reads {PLAIN_FORMATS}: see “Supported formats”",
    # the page links its own “Supported formats” under such a hint (mentions_formats)
    steps.SEE_FORMATS: None,
    steps.FORMATS_LISTED: "see “Supported formats”",
    steps.FORMATS_JSONL: "(see “Supported formats”)",
    # a cohort file given to import: the page names its own Benchmark page, not the command
    steps.USE_COHORT_FILE: "upload it on the Benchmark page",
    steps.COMPARE_WITH_COHORT: (
        f"{_IMPORT_POSTS.replace('its posts', 'the posts of its accounts')} (their exports, or"
        " Fetch an account live), then upload this file on the Benchmark page"
    ),
    # the page cannot tag a file of accounts by role: whoever runs staffpulse can (QA s35)
    steps.TAG_ACCOUNTS: (
        "Whoever set up staffpulse can tag these accounts by role (staffing firm, recruiter, HR"
        " and the like) as the file is, with its roles command"
    ),
    # the command that scores posts without a store: the page has none
    steps.SCORE_TEXTS: None,
    steps.SCORE_LINES: None,
    # only the terminal's advice on a lone archive file is the page's; what was not read
    # ("its 70 posts") stays, the page's only count of it when nothing was imported
    steps.WHOLE_ARCHIVE_OR_FOLDER: (
        "choose it together with account.js (you can select several files at once), or upload "
        "the whole archive ZIP as X sent it"
    ),
    # an X archive's files chosen together are read as a folder (routes_import): one the
    # manifest lists and the user did not choose is chosen too, or the whole ZIP sent
    steps.ARCHIVE_AGAIN: (
        "choose it too, from the data folder of the unzipped archive, or upload the whole "
        "archive ZIP as X sent it"
    ),
    steps.NOT_IN_FOLDER: "but not among the files you chose",
    steps.NOT_A_POST: lambda article, kind: _record_kind(kind) + ", not a post",
    steps.NAME_IT_AUTHOR: (
        "If that column holds handles (such as acmestaffing), rename its header to author and "
        "upload the file again"
    ),
    steps.SAVE_AS_UTF8: (
        "the file is not saved as UTF-8 (first at line {line}), so it was read as {encoding}: "
        "check that accented names look right, or save it as “CSV UTF-8” (in Excel: File › "
        "Save As) and upload it again"
    ),
    # the Import page has no --date-order, so it says only the other fix, year first (of a
    # column whose order is not known, or was taken from the stored posts' dates)
    steps.GIVE_DATE_ORDER: None,
    # the Import page's live fetch learns a Bluesky repo's handle, as the command does
    steps.FETCH_REPO_HANDLE: (
        "until you fetch it once on the Import page (Fetch an account live, choose Bluesky and "
        "give the account's handle, such as {example})"
    ),
    # the request's parameters mean something only to whoever saved the file
    steps.LACKED_FIELD: lambda fields: f"(the file was saved without {_field_words(fields)})",
    steps.REFETCH_WITH_FIELDS: lambda fields: (
        f"whoever saved the file can save it again with the {_field_words(fields)} included"
    ),
    steps.TRUNCATED_V1: "cut short by X",
    steps.EXTENDED_MODE: (
        "whoever saved the file can fetch {them} again in X's extended mode for the full text"
    ),
    # import --remove-deleted: the Import page's tick box does the same
    steps.REMOVE_AGAIN: f"upload it again with {REMOVE_DELETED} ticked",
    steps.REMOVE_WHOLE_ARCHIVE: f"upload the whole archive ZIP with {REMOVE_DELETED} ticked",
    steps.REMOVE_AS_SAID: f"upload the whole archive, as said there, with {REMOVE_DELETED} ticked",
    steps.REMOVE_FROM_ZIP: f"upload the archive's ZIP as X sent it with {REMOVE_DELETED} ticked",
    steps.REMOVED_AS_ASKED: f"removed from the store (as {REMOVE_DELETED} asked)",
    steps.REMOVAL_ASKED: f"although {REMOVE_DELETED} was ticked",
    steps.REMOVES_ONLY: f"{REMOVE_DELETED} removes only",
    # the records skipped and files missing are listed below the page's notes
    steps.NAMED_ABOVE: "(listed below), so it {verb} partial",
    steps.CHOOSE_PLATFORM: "choose the account with its platform",
    # the account is on another platform than the one chosen (account_refs)
    steps.USE_PLATFORM: lambda platform: (
        f"choose the account on {platform_name(platform)} in the list (the platform in brackets)"
    ),
    steps.USE_CSV_PLATFORM: "choose the account from a CSV (no platform) in the list",
    steps.LEAVE_PLATFORM_OUT: "leave out the platform in brackets, or give the {name} handle",
    steps.PLATFORM_SPELLINGS: (
        "choose X, Bluesky or Mastodon (Twitter is X), or leave the platform out to look on "
        "every platform"
    ),
    steps.LIMIT_AT_LEAST_ONE: "“How many” must be at least 1",
    steps.CHOOSE_ROLE: "choose a role in the “Role” list, or “Any role”",
    steps.NO_ROLE: "choose “Any role”",
    # Connect's export buttons instead of --export
    steps.USE_EXPORT: export_buttons,
    steps.CSV_KEEPS_ALL: "the “Spreadsheet (CSV)” export keeps every",
    steps.CSV_GIVES_LINKS: "the “Spreadsheet (CSV)” export gives the links",
    # an id the inbox does not know: the page's buttons carry the ids
    steps.FIND_CONVERSATION_ID: "reload the inbox page",
    # cohort segments as the Benchmark form spells them, not as the code does
    steps.SEGMENT_CHOICES: segment_names,
    steps.COHORT_LINES: lambda cohort_line: (
        "one line per account: handle,platform,segment (a header line is optional), e.g. "
        + example_line(cohort_line)
    ),
    # a file of data uploaded as the cohort
    steps.IMPORT_THEN_BENCHMARK: (
        "import it on the Import page first, then upload a cohort file of handles "
        "(handle,platform,segment) here; without one the page ranks the store's accounts"
    ),
    # X says where it failed and why in words (fetch/x_requests.py); the page what to check
    steps.X_UNREACHABLE: f"X could not be reached: {_ONLINE}",
    steps.REQUEST_FAILED: lambda name, host, error: (
        f"{name} could not be reached: {_ONLINE}"
        if error in _OFFLINE_ERRORS
        else f"{name} did not answer properly ({error})"
    ),
    # Bluesky's and Mastodon's hint, which web_hint then leaves out as the message says it
    steps.CHECK_CONNECTION: _ONLINE,
    steps.CHECK_CONNECTION_X: _ONLINE,
    # config settings named the way config.toml spells them: "[x] base_url" reads as markup on
    # a page, so the setting is named in words (only an admin changes these)
    steps.CHECK_X_ADDRESS: (
        "check the X address ({host}; the setting base_url, in the x section of the config file)"
    ),
    steps.CHECK_HANDLE_APPVIEW: f"check the handle and {_APPVIEW}",
    steps.CHECK_APPVIEW: f"check {_APPVIEW}",
    steps.CHECK_APPVIEW_CONFIG: f"check {_APPVIEW}",
    # a rate limit longer than allowed: the wait is an admin's setting
    steps.RAISE_MAX_WAIT: (
        "or raise the setting max_wait_seconds, in the fetch section of the config file"
    ),
    steps.CHECK_X_QUERY: "check the handle",
    steps.CHECK_MASTODON_QUERY: "check the handle",
    steps.INSTANCE_PART: "the part after the second @",
    steps.FETCH_ON_PLATFORM: lambda name, platform, handle: (
        f"choose {name} as the platform and fetch {handle.removeprefix('@')}"
    ),
    steps.FETCH_MOVED_MASTODON: lambda handle: (
        f"on the Import page, choose Mastodon as the platform and fetch {handle.removeprefix('@')}"
    ),
    steps.ANY_CONNECT_OPTION: "any setting of this page",
    steps.SHOW_WITH: lambda them, options: connect_controls(options, them),
    steps.USE_OPTIONS: lambda options: connect_controls(options),
    steps.CONTACTS_SHOWN: "tick “Include people you already talk with” to see {them}",
    steps.EVEN_WITH_CONTACTS: "even with “Include people you already talk with”",
    steps.INCLUDE_UNSEEN_ANYWAY: "or tick “Include accounts never seen”",
    steps.FETCH_A_LIST: "Import › Fetch an account live",
    steps.OTHER_CONNECT_OPTIONS: "the other settings of this page may bring them back",
}


def _record_kind(kind: str) -> str:
    """A Bluesky record's $type in words ("app.bsky.feed.generator": a custom feed)."""
    if kind == "app.bsky.feed.generator":
        return "a Bluesky custom feed's description"
    if kind.startswith("app.bsky."):
        return f"a Bluesky record of another kind ({kind})"
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind} record"


def _field_words(fields: str) -> str:
    return "authors" if fields.startswith("author_id") else "dates"


def _left_out(step: Step) -> str:
    """The step with what joined it to the sentence before."""
    return r"(?:[.;,]? )?" + step.pattern_text()


_PAGE_WORDING = StepWording(PAGE_STEPS, left_out=_left_out)


def web_text(text: str | None) -> str:
    """``text`` with terminal advice replaced by what to do in the dashboard, and any
    configured token masked: the fetchers mask theirs, this is the last line of defence for
    a message that quotes a server's answer."""
    if not text:
        return ""
    if isinstance(text, Said) and text.step in PAGE_STEPS:  # the step itself, not its words
        return hide_secrets(_PAGE_WORDING.say(text))
    return _PAGE_WORDING.say(hide_secrets(text))


def web_hint(message: str | None, hint: str | None) -> str:
    """The hint as :func:`web_text` words it, without the advice the message already gives.

    An offline X fetch says "X could not be reached: check that this computer is online", and
    its hint, "check your connection and [x] base_url; everything fetched so far is stored;
    ...", begins with the same advice once worded for the page: that clause is left out."""
    said = _plain(web_text(message))
    kept = [part for part in web_text(hint).split("; ") if _plain(part) not in said]
    return "; ".join(part for part in kept if part.strip())


def _plain(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".")


def mentions_formats(*texts: str | None) -> bool:
    """Whether a message pointed to the formats guide (the page then links to its own copy)."""
    return any(text and (FORMATS_DOC in text or FORMATS_HELP in text) for text in texts)
