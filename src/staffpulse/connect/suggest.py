"""Who to follow: candidates ranked by personalized PageRank, filtered, weighed and explained.

The pipeline for one account (``docs/connect.md`` explains each choice):

1. build the platform's interaction graph as of the ranking date, with recency decay
   (:mod:`staffpulse.connect.graph`): nothing after that date counts, neither edges nor, in
   the steps below, posts;
2. personalized PageRank from the account and its circle (everyone it talks with either way);
3. drop the account itself, accounts it already follows, accounts it already talks with
   (``include_contacts`` keeps them), accounts whose posts we have never seen
   (``include_unseen`` keeps them), inactive accounts (no post in the ``inactive_days``
   before the ranking date, or posts only after it),
   job-ad bots (role ``job_board`` or a job-opening share of at least ``job_bot_share``)
   and, with ``role``, every other role; without it, role ``other`` (brands, public figures:
   outside the hiring world; ``role="any"`` keeps them). ``excluded`` counts each under the first filter it
   failed; every reason is kept too (:class:`~staffpulse.connect.advice.HeldBack`), so that
   when nothing is left the advice names options that do bring accounts back;
4. weigh in the good-citizen signals: ``score = pagerank * (1 - w + w * citizen)`` where
   ``citizen`` is the mean of voice and conversation (0-1, 0.5 when unknown) and ``w`` is
   ``citizen_weight``; shown as a share of the strongest raw PageRank of *any* role (100:
   that link with a full voice and conversation), so that the role filter does not change a
   candidate's figure and a candidate that never talks with anyone never reads 100;
5. explain each suggestion in one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from staffpulse.connect.ads_advice import ads_advice

# Re-exported: the web form checks --inactive-days against the same bound
from staffpulse.connect.advice import MOST_INACTIVE_DAYS as MOST_INACTIVE_DAYS
from staffpulse.connect.advice import Ranking, Remedy, choose_advice
from staffpulse.connect.busy_stretch import busier_date, remedy_at, remedy_options
from staffpulse.connect.candidates import Candidate, CandidateWalk, PostReads, RoleFilter

# Re-exported: the options belong to the walk, callers import them from here
from staffpulse.connect.candidates import SuggestOptions as SuggestOptions
from staffpulse.connect.choices import (
    DEFAULT_SUGGESTIONS,
    find_connect_account,
    leaves_out_outsiders,
    parse_roles,
)
from staffpulse.connect.citizen import RoleModelLike, TextScorerLike, fewest_posts
from staffpulse.connect.explain import explain
from staffpulse.connect.reach_back import as_of_after
from staffpulse.connect.run_graphs import RunGraphs

# Re-exported: callers import the results from here, where they are made
from staffpulse.connect.suggestion import Suggestion as Suggestion
from staffpulse.connect.suggestion import SuggestReport as SuggestReport
from staffpulse.connect.suggestion import first_interaction_time, latest_activity_time
from staffpulse.connect.suggestion import format_score as format_score
from staffpulse.connect.suggestion import latest_post_time as latest_post_time
from staffpulse.connect.weight_note import weight_note
from staffpulse.custom_emoji import without_custom_emoji
from staffpulse.dates import format_day, require_plausible_date
from staffpulse.errors import ModelError
from staffpulse.list_limits import check_limit
from staffpulse.models import Account
from staffpulse.next_steps import NO_ROLE, USE_OPTIONS
from staffpulse.report.counts import join_and
from staffpulse.signals.text import load_text_signals_or_none
from staffpulse.store import Store
from staffpulse.terminal_controls import TERMINAL_CONTROLS_RE


def suggest_accounts(
    store: Store,
    handle: str,
    platform: str | None = None,
    role: str | None = None,
    limit: int = DEFAULT_SUGGESTIONS,
    now: datetime | None = None,
    role_model: RoleModelLike | None = None,
    scorer: TextScorerLike | None = None,
    options: SuggestOptions | None = None,
) -> list[Suggestion]:
    """The accounts ``handle`` should follow, best first (see :func:`suggest_report`)."""
    return suggest_report(
        store, handle, platform, role, limit, now, role_model, scorer, options
    ).suggestions


def suggest_report(
    store: Store,
    handle: str,
    platform: str | None = None,
    role: str | None = None,
    limit: int = DEFAULT_SUGGESTIONS,
    now: datetime | None = None,
    role_model: RoleModelLike | None = None,
    scorer: TextScorerLike | None = None,
    options: SuggestOptions | None = None,
    *,
    advise: bool = True,
    reads: PostReads | None = None,
    graphs: RunGraphs | None = None,
) -> SuggestReport:
    """Suggestions plus exclusion counts. ``now`` defaults to the newest post of the account
    or its circle (:func:`~staffpulse.connect.suggestion.latest_activity_time`), else the
    newest post on the platform. With nothing to suggest and ``advise``, the advice is checked by
    ranking again with its options (see :mod:`staffpulse.connect.advice`), each reusing the
    posts and roles this ranking read (``reads``, filled as they are read) and the graphs it
    built (``graphs``: one per ranking date, :mod:`~staffpulse.connect.run_graphs`).

    ``role_model`` and ``scorer`` default to the shipped models when they are installed.
    """
    opts = options or SuggestOptions()
    check_limit(limit, "accounts to suggest", DEFAULT_SUGGESTIONS)
    wanted = parse_roles(role)
    outsiders_out = leaves_out_outsiders(role)
    roles = RoleFilter(wanted, outsiders_out, shows_all=wanted is None and not outsiders_out)
    account = find_connect_account(store, handle, platform)
    as_of = _ranking_date(store, account, now)
    notes: list[str] = []
    model, text = _load_models(role_model, scorer, roles, notes)

    graphs = RunGraphs(store) if graphs is None else graphs
    graph = graphs.graph(account.platform, as_of, opts.half_life_days)
    report = SuggestReport(account=account, as_of=as_of, suggestions=[], circle_size=0, notes=notes)
    ranking = Ranking(
        f"@{account.handle}", account.platform, as_of, now is not None, opts.inactive_days, role
    )
    report.ranking = ranking
    if account.id not in graph.index:
        if (first := _start_after(store, report, as_of_given=now is not None)) is not None:
            _advise_a_later_date(report, first)
        else:
            notes.append(f"@{account.handle} has no interactions in the store yet")
        return report
    reads = {} if reads is None else reads
    walk = CandidateWalk(
        store, graph, account, as_of, opts, roles, model, text, report.held_back, reads
    )
    _walk_into(report, walk, limit)
    if advise and not report.suggestions:
        first = _start_after(store, report, as_of_given=now is not None)
        if first is not None and not report.held_back.groups:
            # reached through follows alone, none of them any option brings back: only a
            # later date brings conversations in (more imports would not)
            _advise_a_later_date(report, first)
        else:
            again = _Again(store, handle, opts, (model, text), report, ranking, reads, graphs)
            busy = _busier_date(store, report, opts, as_of_given=now is not None)
            # the busy date is named only with the options that bring someone back then
            if busy is not None and (remedy := remedy_at(again.rank, busy)) is not None:
                _advise_a_busier_date(report, remedy)
            elif (ads := ads_advice(report, role, again.works)) is not None:
                report.advice, report.retry = ads
            else:
                report.advice, report.retry = choose_advice(report.held_back, ranking, again.works)
            if report.retry is not None and now is not None:  # its command keeps the date given
                report.retry = replace(report.retry, as_of=report.retry.as_of or as_of)
    return report


def _walk_into(report: SuggestReport, walk: CandidateWalk, limit: int) -> None:
    """The walk's candidates, best first, into the report with what was reached, looked at
    and left out."""
    report.circle_size = len(walk.circle)
    report.reached = len(walk.order) - 1  # the account itself is among them
    candidates = walk.find_candidates(limit)
    if not candidates:
        # Nothing to suggest: what else holds the contacts back decides the advice
        walk.hold_back_unread_contacts()
    report.looked_at = report.reached - walk.unexamined
    report.suggestions = _make_suggestions(walk, candidates, limit)
    report.candidates = len(candidates)
    report.candidates_exact = walk.unexamined == 0
    report.excluded = walk.excluded
    report.left_out_names = walk.named
    half_life = walk.opts.half_life_days
    # an account with a caution is ranked last whatever its engagements: it is compared only
    # with the others ranked last, never named as below one with fewer (verifier s40, NEW-1)
    for cautioned in (False, True):
        shown = zip(report.suggestions, candidates, strict=False)
        group = [s for s, c in shown if c.cautioned is cautioned]
        if weighed := weight_note(walk.graph, walk.account.id, group, half_life):
            report.notes.append(weighed)  # why fewer engagements can rank above more
            break


def _ranking_date(store: Store, account: Account, now: datetime | None) -> datetime:
    """``now``, else the newest post of the account or its circle, else of the platform."""
    if now is None:
        store.refresh_interactions()  # its circle is read from the edges
    as_of = (
        now
        or latest_activity_time(store, account.platform, account.id)
        or latest_post_time(store, account.platform)
        or datetime.now(UTC)
    )
    if as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=UTC)
    # told as bad input here, for every caller: far from our years the date arithmetic
    # of the ranking overflows (and no platform existed to rank anything)
    require_plausible_date("--as-of", as_of)
    return as_of


def _start_after(store: Store, report: SuggestReport, *, as_of_given: bool) -> datetime | None:
    """When the account's first stored interaction is, if every one of them comes after the
    --as-of given (None otherwise): importing more would bring nothing, a later date would."""
    if not as_of_given:
        return None
    first = first_interaction_time(store, report.account.platform, report.account.id)
    return first if first is not None and first > report.as_of else None


def _busier_date(
    store: Store, report: SuggestReport, opts: SuggestOptions, *, as_of_given: bool
) -> datetime | None:
    """The end of the account's busiest stretch of conversations when the ranking date was
    not given and nearly all its conversations are more than ``--inactive-days`` older: the
    date, not the options, is then why nothing is suggested
    (:func:`~staffpulse.connect.busy_stretch.busier_date`); else None."""
    if as_of_given:
        return None
    account = report.account
    return busier_date(store, account.platform, account.id, report.as_of, opts.inactive_days)


def _advise_a_busier_date(report: SuggestReport, remedy: Remedy) -> None:
    report.retry = remedy
    report.advice = (
        f"@{report.account.handle}'s conversations are mostly older than "
        f"{format_day(report.as_of)}, the newest post of it or the people it talks with: rank "
        f"as of its busiest stretch of conversations to see its circle then: "
        f"{USE_OPTIONS.say(options=join_and(named := remedy_options(remedy)))}"
        + (" together" if len(named) > 1 else "")
    )


def _advise_a_later_date(report: SuggestReport, first: datetime) -> None:
    when, _day = as_of_after(first)
    report.notes.append(
        f"@{report.account.handle} has no interactions before {format_day(report.as_of)}: "
        f"the first stored one is from {format_day(first)}"
    )
    report.advice = (
        f"rank as of a later date: use {when} or later (its conversations start after "
        f"{format_day(report.as_of)})"
    )


def _load_models(
    role_model: RoleModelLike | None,
    scorer: TextScorerLike | None,
    roles: RoleFilter,
    notes: list[str],
) -> tuple[RoleModelLike | None, TextScorerLike | None]:
    """The role model and post scorer given, else the shipped ones; what is missing is noted
    (and refused when --role needs the role model)."""
    model = role_model if role_model is not None else load_shipped_role_model()
    text = scorer if scorer is not None else load_text_signals_or_none()
    if model is None:
        if roles.wanted:
            raise ModelError(
                "filtering by role needs the role model, which is not available",
                hint=f"{NO_ROLE.say()}, or install a staffpulse build that ships it",
            )
        notes.append("role model not available: roles are not shown")
    if text is None:
        notes.append("post-signals model not available: voice and job-ad shares are unknown")
    return model, text


@dataclass(frozen=True)
class _Again:
    """Ranking again with the options a piece of advice names, to check them before it is
    given (reusing what the first ranking read of each account, ``reads``, and its graphs)."""

    store: Store
    handle: str
    opts: SuggestOptions
    models: tuple[RoleModelLike | None, TextScorerLike | None]
    report: SuggestReport
    ranking: Ranking
    reads: PostReads
    graphs: RunGraphs
    # what each remedy tried gave: the advice asks again of a remedy an earlier step tried
    # (--role any, tried for the accounts left out for their ads), each a whole ranking
    tried: dict[Remedy, bool] = field(default_factory=dict)

    def rank(self, remedy: Remedy) -> SuggestReport:
        """The ranking with the remedy's options (no advice of its own: one level of
        checking), its first suggestion only."""
        tried = replace(
            self.opts,
            include_contacts=self.opts.include_contacts or remedy.include_contacts,
            include_unseen=self.opts.include_unseen or remedy.include_unseen,
            inactive_days=remedy.inactive_days or self.opts.inactive_days,
        )
        return suggest_report(
            self.store,
            self.handle,
            self.report.account.platform,
            self.ranking.role if remedy.role is None else (remedy.role or None),
            1,
            remedy.as_of or self.report.as_of,
            *self.models,
            tried,
            advise=False,
            reads=self.reads,
            graphs=self.graphs,
        )

    def works(self, remedy: Remedy) -> bool:
        """Whether ranking with the remedy's options suggests anyone (each remedy ranked
        once per run)."""
        if remedy not in self.tried:
            self.tried[remedy] = bool(self.rank(remedy).suggestions)
        return self.tried[remedy]


def _make_suggestions(
    walk: CandidateWalk, candidates: list[Candidate], limit: int
) -> list[Suggestion]:
    """The first ``limit`` candidates, each explained, scored as a share of the strongest
    link of any role (see :class:`~staffpulse.connect.candidates.CandidateWalk`)."""
    best = max(walk.strongest, *(walk.pagerank(c.node) for c in candidates)) if candidates else 1.0
    few = fewest_posts()  # the user's [audit] min_posts, read once for the whole list
    suggestions = []
    for rank, c in enumerate(candidates[:limit], start=1):
        reasons, via = explain(
            walk.store,
            walk.graph,
            walk.account,
            c.node,
            c.guess,
            c.citizen,
            walk.circle,
            walk.as_of,
            few,
            # a role the model left unknown, having nothing to read (citizen.guess_roles)
            role_unknown=bool(walk.model) and c.node not in walk.id_only,
        )
        acc, guess = c.account, c.guess
        suggestions.append(
            Suggestion(
                rank=rank,
                platform=walk.account.platform,
                account_id=c.node,
                handle=acc.handle,
                display_name=shown_name(acc.display_name),
                url=acc.url,
                role=guess.role if guess else None,
                role_score=guess.score if guess else None,
                score=100.0 * c.value / best if best > 0 else 0.0,
                pagerank=walk.pagerank(c.node),
                voice=c.citizen.voice,
                conversation=c.citizen.conversation,
                via=via,
                reasons=reasons,
                account=acc,
                handle_known=c.node not in walk.id_only,
                judged=c.citizen.judged,
                min_posts=few,
                talks_hiring=c.citizen.talks_hiring,
                role_given=bool(guess and guess.given),
            )
        )
    return suggestions


# the controls that turn the direction of the text after them ("\u202eevil" shows "live"):
# in a name they reverse the rest of a terminal line, a table cell or a spreadsheet row
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# a terminal's control characters (ESC, BEL, …: a CSV printed with cat would run them), and
# the tab and line break, which a one-line name does not hold either
_CONTROL_CHARACTERS = re.compile(f"{TERMINAL_CONTROLS_RE.pattern}|[\t\n]")


def shown_name(display_name: str) -> str:
    """The display name as connect shows it: without Mastodon's custom emoji ("Brenwick
    :glowypaws:": the shortcode of a picture Mastodon shows, not a name), without the
    controls that turn the direction of the text after them and without control characters
    (read as spaces)."""
    name = _CONTROL_CHARACTERS.sub(" ", _DIRECTION_CONTROLS.sub("", display_name))
    return without_custom_emoji(name)


def load_shipped_role_model() -> RoleModelLike | None:
    """The shipped role model, or None (told once) when it cannot be loaded; ``connect`` and
    ``add-handles`` both tag accounts with it."""
    # Imported on use: the role model loads scipy, its cues and its weights, which only
    # tagging needs (no scikit-learn since stop 34: signals/role_hashing.py).
    from staffpulse.signals.roles import load_role_model_or_none

    return load_role_model_or_none()
