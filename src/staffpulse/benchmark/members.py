"""Who a benchmark ranks: the stored accounts a cohort file names, or the default cohort.

A store holds many accounts seen only in passing: the authors of retweeted, quoted or
included posts, one post each, which would outrank the clients on a grade from one post.
Without a cohort file the benchmark ranks the accounts with at least ``DEFAULT_MIN_POSTS``
posts of their own (those whose timelines were imported or fetched) and says how many it
left out; ``min_posts`` (``staffpulse benchmark --min-posts N``) sets another threshold.
"Posts of its own" are counted as the audit counts them: originals, replies and quotes, not
bare reposts, so an account that mostly reposts is not ranked on a handful of its own posts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from staffpulse.account_names import StoredHandles
from staffpulse.account_refs import find_account_ref
from staffpulse.benchmark.cohort import (
    CohortEntry,
    CohortProblem,
    merge_duplicate,
    name_not_handle,
    parse_cohort,
    refuse_import_data,
)
from staffpulse.benchmark.cohort_problems import without_moot_notes
from staffpulse.errors import (
    AmbiguousAccountError,
    EmptyInputError,
    InputError,
    NotFoundError,
    SharedNameError,
)
from staffpulse.models import Account
from staffpulse.next_steps import COHORT_LINES, FEWER_THAN_MIN_POSTS, IMPORT_COHORT_POSTS
from staffpulse.report.counts import count_of
from staffpulse.store import Store

if TYPE_CHECKING:
    from staffpulse.audit.types import AuditResult

# A grade from fewer posts says little: the leaderboard flags such rows, and the default
# cohort leaves such accounts out.
FEW_POSTS = 10
# cohort lines naming no stored account that are offered the closest stored handles ("did you
# mean @ApexStaffingOH?"); the later ones say only that the account is not in the store
SUGGESTED_LINES = 50
DEFAULT_MIN_POSTS = FEW_POSTS


def own_posts(audit: AuditResult) -> int:
    """The posts the account wrote (reposts are others' words), as a rough grade counts them
    against :data:`FEW_POSTS`."""
    return int(audit.counts["posts"] - audit.counts["repost"])


@dataclass(slots=True)
class CohortAccounts:
    """The stored accounts a cohort file names, and why the other lines name none."""

    accounts: list[tuple[Account, str]]  # with the segment ("unknown" when none was given)
    problems: list[CohortProblem]
    missing: int = 0  # lines whose handle is not in the store
    # the lines whose handle is on several platforms, each with its error
    ambiguous: list[tuple[CohortEntry, AmbiguousAccountError]] = field(default_factory=list)
    delimiter: str = ","  # the cohort file's, for the lines suggested to write in it
    # (platform, id) of the accounts whose segment a league CSV marks as the role model's guess
    guessed: set[tuple[str, str]] = field(default_factory=set)

    def platform_step(self) -> str | None:
        """What to write on lines whose handle is on several platforms, if there are any."""
        if not self.ambiguous:
            return None
        entry, exc = self.ambiguous[0]
        if entry.needs_platform_column:
            return entry.platform_fix(
                exc.platforms, "on each line whose handle is on several platforms"
            )
        lines = " or ".join(entry.line_with(p) for p in exc.platforms)
        return f"write the platform on each line whose handle is on several platforms, e.g. {lines}"

    def fix(self) -> str:
        """What to do when no line named a usable account, for the reasons found."""
        steps = [step] if (step := self.platform_step()) else []
        if self.missing or not self.ambiguous:
            steps.append(IMPORT_COHORT_POSTS.say())
        return "; ".join(steps)

    def headline(self, cohort: str = "the cohort") -> str:
        """What is wrong when no line named a usable account."""
        if self.ambiguous and not self.missing:
            return f"no line of {cohort} names a single account in the store"
        return f"{cohort} has no account with posts in the store"


def _write_platform(entry: CohortEntry) -> Callable[[str], str]:
    # a cohort has no --platform: the line itself says which platform
    return lambda platform: entry.platform_fix([platform])


def resolve_cohort(store: Store, entries: list[CohortEntry], source: str) -> CohortAccounts:
    """The accounts of a cohort's lines as the store holds them (each once); a line naming no
    account, or several, is a problem with its line and what to write instead."""
    found = CohortAccounts([], [], delimiter=entries[0].delimiter if entries else ",")
    seen: dict[tuple[str, str], tuple[int, CohortEntry]] = {}  # -> index in found, its line
    stored = StoredHandles(store)  # read once, for every line naming no stored account
    # each hint once: on three lines of unknown handles it was said three times, the error
    # as long as the file
    hinted: set[str] = set()
    for entry in entries:
        try:  # read as audit reads it: a typo or a wrong platform is said as such
            account = find_account_ref(
                store,
                entry.written or entry.handle,
                entry.platform,
                _write_platform(entry),
                stored=stored,
                # thousands of handles not imported are no typos: past the first few,
                # no "did you mean", which compares each with every stored handle
                suggest=found.missing < SUGGESTED_LINES,
            )
        except AmbiguousAccountError as exc:
            found.ambiguous.append((entry, exc))
            fix = entry.platform_fix(exc.platforms)
            found.problems.append(CohortProblem(source, entry.line, f"{exc.message}: {fix}"))
            continue
        except NotFoundError as exc:
            if " " in entry.written and not isinstance(exc, SharedNameError):  # no such name
                found.problems.append(CohortProblem(source, entry.line, name_not_handle(entry)))
                continue  # not a handle to import: what to write instead, as before
            found.missing += 1
            said = f"{entry.shown}: " if entry.shown.lower() != "@" + entry.handle else ""
            hint = f" ({exc.hint})" if exc.hint and exc.hint not in hinted else ""
            hinted.add(exc.hint or "")
            found.problems.append(CohortProblem(source, entry.line, f"{said}{exc.message}{hint}"))
            continue
        key = (account.platform, account.id)
        if key in seen:  # one account written two ways (a URL and user@instance): said
            index, first = seen[key]
            segment, problem = merge_duplicate(source, first, entry, "is the same account as line")
            guessed = first.guessed if segment == first.segment else entry.guessed
            seen[key] = (index, replace(first, segment=segment, guessed=guessed))
            found.accounts[index] = (account, segment or "unknown")
            found.problems.append(problem)
            continue
        seen[key] = (len(found.accounts), entry)
        found.accounts.append((account, entry.segment or "unknown"))
    found.guessed = {key for key, (_index, entry) in seen.items() if entry.guessed}
    return found


@dataclass(frozen=True)
class CohortCheck:
    """What an uploaded cohort file holds: its accounts with posts, the lines that could not
    be used as written (line number, why), whether it names segments."""

    accounts: int
    problems: list[tuple[int | None, str]]
    has_segments: bool


def check_cohort(
    store: Store, text: str, name: str, graded: set[tuple[str, str]] | None = None
) -> CohortCheck:
    """Refuse a cohort file (``text``, called ``name``) that would leave the benchmark empty,
    before it is saved: raises :class:`InputError` when it lists no usable line, or no account
    with posts in the store (``graded``: the (platform, id) of those accounts, read from
    ``store`` when not given). Otherwise what to tell the user: the lines that could not be
    used as written (the benchmark lists them too) and whether the file names segments."""
    if (refused := refuse_import_data(text, name)) is not None:  # a JSON export: data to import
        raise refused
    entries, problems = parse_cohort(text, name)
    if not entries:
        detail = "; ".join(f"line {p.line}: {p.message}" for p in problems[:3] if p.line)
        raise InputError(
            f"{name} lists no usable account{': ' + detail if detail else ''}",
            hint=COHORT_LINES.say(cohort_line="acmestaffing,x,staffing_firm"),
        )
    if graded is None:
        graded = {(s.account.platform, s.account.id) for s in store.list_accounts() if s.posts}
    resolved = resolve_cohort(store, entries, name)  # as the benchmark will resolve them
    problems += resolved.problems
    found = sum((account.platform, account.id) in graded for account, _ in resolved.accounts)
    if not found and resolved.ambiguous and not resolved.missing:
        # the accounts are there, on several platforms each: importing would not help
        raise InputError(resolved.headline(name), hint=resolved.fix())
    if not found:
        shown = ", ".join(f"'{e.shown.lstrip('@')}' (line {e.line})" for e in entries[:4])
        more = f" and {len(entries) - 4} more" if len(entries) > 4 else ""
        raise InputError(
            f"none of the accounts in {name} has posts in this store: {shown}{more}",
            hint="each line needs the handle of an account listed on the Accounts page "
            "(handle,platform,segment); import the accounts' posts first on the Import page"
            + (f"; {step}" if (step := resolved.platform_step()) else ""),
        )
    problems = without_moot_notes(sorted(problems, key=lambda p: p.line or 0))
    return CohortCheck(
        found, [(p.line, p.message) for p in problems], any(e.segment for e in entries)
    )


@dataclass(slots=True)
class DefaultCohort:
    """The accounts ranked without a cohort file, and the rule that chose them."""

    accounts: list[tuple[Account, str]]
    min_posts: int  # the fewest posts of its own an account needed
    left_out: int  # accounts with posts, but fewer than min_posts
    source: str  # how the report names the cohort
    without_posts: int = 0  # stored accounts without a post (authors of nothing imported)


def own_post_counts(store: Store) -> dict[tuple[str, str], int]:
    """Each author's posts of its own by (platform, id): all but bare reposts, as the audit and
    the leaderboard's "(2 posts of its own)" count them."""
    rows = store.conn.execute(
        "SELECT platform, author_id, COUNT(*) FROM posts WHERE kind != 'repost'"
        " GROUP BY platform, author_id"
    )
    return {(platform, author): count for platform, author, count in rows}


def _reposts_aside(store: Store, account: Account) -> str:
    """ " (its 28 reposts do not count)" when the account reposted, else "": `accounts` lists
    its posts with its reposts, 30 where the benchmark counts 2 of its own."""
    # "+kind" keeps SQLite on the author's posts: by the index of kinds it read every repost
    # of the store for each account left out
    (reposts,) = store.conn.execute(
        "SELECT COUNT(*) FROM posts WHERE platform = ? AND author_id = ? AND +kind = 'repost'",
        (account.platform, account.id),
    ).fetchone()
    if not reposts:
        return ""
    its = "its repost does" if reposts == 1 else f"its {reposts:,} reposts do"
    return f" ({its} not count)"


def check_min_posts(min_posts: int | None) -> None:
    """Raises :class:`InputError` for a threshold under 1 (None is the default)."""
    if min_posts is not None and min_posts < 1:
        raise InputError(
            f"--min-posts must be 1 or more, got {min_posts}",
            hint="--min-posts 1 ranks every account with a post of its own",
        )


def default_cohort(store: Store, platform: str | None, min_posts: int | None) -> DefaultCohort:
    """Every account with at least ``min_posts`` posts of its own (``DEFAULT_MIN_POSTS`` when
    None). When no account has that many and the threshold was not asked for, every account
    with posts: a store of small accounts still gets its table. Raises
    :class:`EmptyInputError` when an asked threshold leaves nobody."""
    check_min_posts(min_posts)
    stored = store.list_accounts(platform)
    counts = own_post_counts(store)
    # busiest first by posts of its own: an account of 28 reposts is not the busiest
    own = sorted(
        ((counts.get((s.account.platform, s.account.id), 0), s.account) for s in stored),
        key=lambda pair: -pair[0],
    )
    # an account that only reposts has posts, but none of its own: one "with fewer"
    silent = sum(1 for s in stored if s.posts == 0)
    with_own = [(n, account) for n, account in own if n > 0]
    wanted = DEFAULT_MIN_POSTS if min_posts is None else min_posts
    ranked = [account for n, account in with_own if n >= wanted]
    fallback = not ranked and min_posts is None and bool(with_own)
    if fallback:
        ranked, wanted = [account for _, account in with_own], 1
    elif not with_own and len(stored) > silent:
        raise EmptyInputError(
            "no account in the store has a post of its own to grade"
            f" ({count_of(len(stored) - silent, 'account')} with reposts only)",
            hint="import or fetch the accounts' own timelines (their posts, replies and "
            "quotes), e.g. staffpulse fetch bluesky HANDLE",
        )
    elif not ranked and with_own:
        most, busiest = with_own[0]
        raise EmptyInputError(
            f"no account has {wanted} posts of its own in the store (the busiest,"
            f" @{busiest.handle}, has {most})",
            hint=f"lower --min-posts (--min-posts {most} ranks the busiest), or give a cohort file",
        )
    left_out = len(stored) - silent - len(ranked)
    source = (
        "every account with posts of its own in the store"
        if wanted == 1
        else f"every account with at least {wanted} posts of its own in the store"
    )
    if fallback:  # not in brackets: the title puts the source in brackets already
        source += f", as none has {DEFAULT_MIN_POSTS} posts yet"
    # under --min-posts 1 the accounts left out have reposts only: "with fewer" than one post
    # read as a bar they could pass
    fewer = "with reposts only" if wanted == 1 else "with fewer"
    notes = [f"{left_out:,} {fewer}"] if left_out else []
    notes += [f"{silent:,} without posts"] if silent else []
    if notes:
        source += f"; {' and '.join(notes)} left out"
    return DefaultCohort(
        [(account, "unknown") for account in ranked], wanted, left_out, source, without_posts=silent
    )


def with_min_posts(
    store: Store,
    accounts: list[tuple[Account, str]],
    min_posts: int,
    source: str,
    entries: list[CohortEntry],
    counts: Mapping[tuple[str, str], int] | None = None,
) -> tuple[list[tuple[Account, str]], list[CohortProblem]]:
    """A cohort file's accounts with at least ``min_posts`` posts, and a note on each other;
    ``counts``: the store's :func:`own_post_counts`, when the caller has them already."""
    check_min_posts(min_posts)
    counts = own_post_counts(store) if counts is None else counts
    lines = handle_lines(entries)
    kept: list[tuple[Account, str]] = []
    notes: list[CohortProblem] = []
    for account, segment in accounts:
        posts = counts.get((account.platform, account.id), 0)
        if posts >= min_posts or posts == 0:  # no posts at all: told as such further on
            kept.append((account, segment))
            continue
        message = (
            f"@{account.handle} has {count_of(posts, 'post')} of its own"
            f"{_reposts_aside(store, account)}, {FEWER_THAN_MIN_POSTS.say(min_posts=min_posts)}:"
            " left out"
        )
        notes.append(CohortProblem(source, lines.get(account.handle.lower()), message))
    return kept, notes


def handle_lines(entries: list[CohortEntry]) -> dict[str, int | None]:
    """The first line of the cohort naming each handle (lower case, no "@"), to report on it."""
    lines: dict[str, int | None] = {}
    for entry in entries:
        lines.setdefault(entry.handle.lstrip("@").lower(), entry.line)
    return lines
