"""Self-contained HTML reports (one file, no network): an audit and a cohort benchmark.

Templates live in ``report/templates`` and are rendered by Jinja2 with autoescaping on, so
every post text, bio and handle is escaped. Charts are Vega-Lite specs drawn to inline SVG
by ``report.charts`` and ``report.chart_strips``, so a report is one file with no script.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from staffpulse import __version__
from staffpulse.audit.types import PILLAR_NOT_SCORED, PILLAR_TITLES, AuditResult
from staffpulse.authors import describe_partner
from staffpulse.benchmark.segments import segments_in_words
from staffpulse.benchmark.stats import (
    graded_label,
    median_label,
    part_median_note,
    rank_label,
    standing_words,
)
from staffpulse.benchmark.tiers import order_rule, tier_openings
from staffpulse.dates import format_day, format_when
from staffpulse.handles import display_address
from staffpulse.models import on_platform, platform_label
from staffpulse.output_files import write_output
from staffpulse.report import charts
from staffpulse.report.audit_view import (
    GRADE_COLORS,
    action_points,
    actions_summary,
    band,
    example_kind,
    pillar_rows,
    posts_and_span,
    posts_counted,
    read_as_line,
)
from staffpulse.report.cohort_place import cohort_legend, cohort_strips, place_in_cohort
from staffpulse.report.counts import count_of, join_and, posts_of_its_own
from staffpulse.report.links import safe_link
from staffpulse.report.project_links import documentation_url
from staffpulse.report.rounding import pct, whole
from staffpulse.report.segment_guess_words import segment_label, segment_notes
from staffpulse.report.wording import advice_as_html, report_text

if TYPE_CHECKING:
    from staffpulse.benchmark.engine import BenchmarkResult

_ENV: Environment | None = None


def environment() -> Environment:
    global _ENV
    if _ENV is None:
        _ENV = Environment(
            loader=PackageLoader("staffpulse.report", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        _ENV.filters["pct"] = pct
        _ENV.filters["when"] = format_when
        _ENV.filters["day"] = format_day  # "5 Mar 2026" on every page, never "2026-03-05"
        _ENV.filters["first_sentence"] = first_sentence
        _ENV.filters["breakable"] = breakable_handle
        _ENV.filters["address"] = display_address  # an instance in Unicode, not xn--
        _ENV.filters["count"] = count_of
        _ENV.filters["posts_of_its_own"] = posts_of_its_own  # as the terminal's table says it
        _ENV.filters["median_label"] = median_label  # "100 (2 of 15)": a median of some
        _ENV.filters["partner"] = name_partner  # "@twcs:N" would pass an id off as a handle
        _ENV.filters["platform"] = platform_label  # "CSV (no platform)", never a network "csv"
        _ENV.filters["on_platform"] = on_platform
        _ENV.filters["action_points"] = action_points  # "+6 points" after each action
        _ENV.filters["advice"] = advice_as_html  # in a client's words, never a command
        _ENV.filters["report_words"] = report_text
        _ENV.filters["safe_link"] = safe_link  # a post's URL comes from the imported file
        _ENV.filters["example_kind"] = example_kind  # "their post", not a mention's "original"
        _ENV.filters["rank"] = rank_label  # "=2": tied accounts share a rank
        _ENV.filters["graded"] = graded_label  # "graded on 2 of 4 pillars", else ""
        _ENV.filters["standing"] = standing_words  # "beats 8%, tied with 17", "tied for best"
        _ENV.filters["file_line"] = file_line  # "cohort.csv:7" never broken mid-name
        _ENV.filters["segment_words"] = segments_in_words  # "staffing firm", not staffing_firm
        _ENV.filters["segment_label"] = segment_label  # "Staffing firms (3 guessed)"
        _ENV.filters["whole"] = whole  # halves up: Jinja's round makes a median of 40.5 "40"
        _ENV.globals.update(
            grade_colors=GRADE_COLORS,
            band=band,
            version=__version__,
            actions_summary=actions_summary,  # the line under "Do this next"
            posts_counted=posts_counted,  # what the header's post total holds
            read_as_line=read_as_line,  # "Read as a job board: ...", as benchmark segments it
            posts_and_span=posts_and_span,  # "8 posts (6 dated from ...)": the span's base
            tier_openings=tier_openings,  # the lines the leaderboard's tiers open with
            order_rule=order_rule,  # the order those lines follow, said once under the table
        )
    return _ENV


_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)[.;] ")


def first_sentence(text: str) -> str:
    """The first sentence of a piece of advice (the leaderboard has room for one); an
    abbreviation such as "e.g." does not end it."""
    for end in _SENTENCE_END.finditer(text):
        if end.start() >= 20:
            return text[: end.start()] + "."
    return text


def name_partner(target: str) -> str:
    """An account the audit counted as engaged, named as people read it: ``@jose@café.example``
    (never ``xn--caf-dma``), ``anonymized customer twcs:1`` for an id that is no handle."""
    return display_address(describe_partner(target))


_HANDLE_BREAKS = re.compile(r"(?=[.@])|(?<=_)")


def breakable_handle(handle: str) -> Markup:
    """A handle with line-break chances before its dots and inner @ and after an underscore
    (``ridgewaystaffing`` / ``.bsky.social``), so a narrow column breaks it where a reader
    expects rather than before its last letter. Escaped: handles come from imported files."""
    shown = display_address(handle)  # an internationalized instance in Unicode, not xn--
    return Markup("<wbr>").join(escape(part) for part in _HANDLE_BREAKS.split(shown))


# where a file's name may break: after the _ or - between the words of a long name; never
# inside a word, nor before ".csv:7"
_PATH_BREAKS = re.compile(r"(?<=[_-])")
_FOLDERS = re.compile(r"[/\\]")  # a path typed on Linux, macOS or Windows


def file_line(file: str, line: int | None = None) -> Markup:
    """``cohort.csv:7`` for the cohort problems table: the file's name only, as a client reads
    the report and the consultant's folders are none of theirs, with line-break chances only
    between words (``cohort.c`` / ``sv:7`` read as two names). Escaped: the name is the
    user's."""
    name = _FOLDERS.split(file)[-1] or file
    where = f"{name}:{line}" if line else name
    parts = Markup("<wbr>").join(escape(part) for part in _PATH_BREAKS.split(where))
    return Markup('<span class="file-line">{}</span>').format(parts)


_IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
MAX_AVATAR_BYTES = 400_000


def avatar_data_uri(path: str | None) -> str | None:
    """The local avatar image inlined as a data URI (so the report stays one offline file)."""
    if not path:
        return None
    file = Path(path)
    kind = _IMAGE_TYPES.get(file.suffix.lower())
    try:
        if kind is None or not file.is_file() or file.stat().st_size > MAX_AVATAR_BYTES:
            return None
        data = file.read_bytes()
    except OSError:
        return None
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def render_audit_html(
    result: AuditResult, benchmark: BenchmarkResult | None = None, *, sample: bool = False
) -> str:
    """The audit as one HTML page. With ``benchmark``, percentile strips place the account in
    it; ``sample`` adds the "Sample data" badge (see :func:`staffpulse.bundled.is_bundled_sample`)."""
    context = audit_context(result, benchmark, sample=sample)
    return environment().get_template("audit.html.j2").render(**context)


def audit_context(
    result: AuditResult, benchmark: BenchmarkResult | None = None, *, sample: bool = False
) -> dict[str, Any]:
    """What ``audit.html.j2`` renders (the dashboard's audit page shows the same)."""
    rows = pillar_rows(result)
    return {
        "r": result,
        "account": result.account,
        "rows": rows,
        "grade_color": GRADE_COLORS.get(result.grade, "#1f2a3d"),
        # a pillar not scored has no bar: a 50 drawn there would be a made-up figure
        "bars": charts.pillar_bars([(row["title"], row["score"]) for row in rows if row["scored"]]),
        "timeline": charts.mix_timeline(result.timeline),
        **place_in_cohort(result, benchmark),
        # the cohort file's lines left out or noted, listed at the end as the benchmark does
        "cohort_problems": benchmark.problems if benchmark else [],
        **_when_made(result, sample),
        "sample": sample,
        "avatar": avatar_data_uri(result.account.avatar_path),
        "models": models_in_words(result.signals, documentation_url()),
        "weighting": grade_weighting(rows),
    }


def grade_weighting(rows: list[dict[str, Any]]) -> str:
    """How the pillars make the grade, under the pillars' questions. A help desk's replies have
    no Face or Mix to judge, and "each pillar counts for a quarter" read as if those counted 0."""
    default = "Each pillar counts for a quarter by default."
    left_out = [str(row["title"]) for row in rows if not row["scored"]]
    graded = [str(row["title"]) for row in rows if row["scored"]]
    if not left_out or not graded:
        return default
    verb = "was" if len(left_out) == 1 else "were"
    return (
        f"{default[:-1]}; {join_and(left_out)} {verb} not scored, so the grade averages "
        f"{join_and(graded)} only."
    )


def _when_made(result: AuditResult, sample: bool) -> dict[str, str | None]:
    """The report's "Generated" time, and the "as of" time when the audit read the account
    at a fixed time rather than now (the bundled sample, whose dates are fixed, is read as of
    its newest post): "Generated" is when the report was made, never a clock the audit set."""
    # a fixed clock is both the audit's time and its reference; without one the reference is
    # the account's last post, read at the real time
    fixed = result.reference_time == result.generated_at
    if not fixed:
        return {"generated": format_when(result.generated_at), "as_of": None}
    as_of = format_when(result.generated_at)
    return {
        "generated": format_when(datetime.now(UTC)),
        "as_of": f"{as_of}, the sample's last day" if sample else as_of,
    }


# What the audit records as its signals' sources, as the report names them: the names of the
# model cards (docs/models/), not the Python classes that produced them. The report says where
# the cards are in words a client can follow (the staffpulse documentation, at the address the
# package declares), never the repository path a client cannot open.
_TEXT_MODEL = "staffpulse.signals.text.TextSignals"
_POST_SIGNALS = "job opening, personality, humor, work topic"
# why the avatar model did not judge the picture, by the source the audit recorded
_NO_AVATAR = {
    "image model": "the picture could not be read",
    "profile metadata": "the profile says it is the platform's default picture",
    "none": "the data had no picture",
    "skipped": "it was not checked",
}
_AVATAR_MODEL = "image model (on this machine)"


def models_in_words(signals: Mapping[str, str], docs_url: str | None = None) -> str:
    """The models behind an audit, by their model cards' names, and where a reader finds the
    cards: ``Models: job opening, personality, humor, work topic, templating, avatar. These
    models ship with staffpulse; each is described in its model card in the staffpulse
    documentation (...)``, with ``docs_url`` (:func:`documentation_url`) when there is one."""
    text, _, templates = signals.get("text", "").partition("; templates: ")
    scorer = text.rsplit(".", 1)[-1]
    own = text != _TEXT_MODEL
    names = [f"a text scorer of your own ({scorer})" if own else _POST_SIGNALS]
    if templates and templates != "none":
        names.append("templating")
    avatar = signals.get("avatar", "none")
    if avatar == _AVATAR_MODEL:
        names.append("avatar")
    said = f"Models: {', '.join(names)}"
    if avatar != _AVATAR_MODEL:
        said += f"; the avatar model was not used: {_NO_AVATAR.get(avatar, avatar)}"
    if own and len(names) == 1:  # nothing shipped with staffpulse to point to
        return said + "."
    where = "the staffpulse documentation" + (f" at {docs_url}" if docs_url else "")
    which = (
        "Those that ship with staffpulse are each described in a model card"
        if own
        else "These models ship with staffpulse; each is described in its model card"
    )
    return f"{said}. {which} in {where} (what it learned from, how well it does, where it fails)."


def render_benchmark_html(result: BenchmarkResult) -> str:
    return environment().get_template("benchmark.html.j2").render(**benchmark_context(result))


def benchmark_context(result: BenchmarkResult) -> dict[str, Any]:
    """What ``benchmark.html.j2`` renders (the dashboard shows the same page)."""
    from staffpulse.benchmark.claims import MIN_GROUP, VERDICT_WORDS
    from staffpulse.benchmark.cohort import SEGMENT_WORDS

    return {
        "b": result,
        "rows": result.leaderboard,
        "strips": cohort_strips(result, None),
        "legend": cohort_legend(result),
        "segments": result.segment_stats,
        "part_median_note": part_median_note(result.segment_stats),
        # which file set the segments kept in the store, then the role model's guesses
        "guessed_note": " ".join(segment_notes(result)) or None,
        "claims": result.claims,
        "pillars": [("overall", "Overall"), *PILLAR_TITLES.items()],
        "not_scored_why": PILLAR_NOT_SCORED,
        "generated": format_when(result.generated_at),
        "grade_counts": _grade_counts(result),
        # the verdicts and segments in words; the JSON keeps the keys scripts read
        "verdict_words": VERDICT_WORDS,
        "segment_words": SEGMENT_WORDS,
        "min_group": MIN_GROUP,
    }


def _grade_counts(result: BenchmarkResult) -> list[tuple[str, int]]:
    counts = dict.fromkeys("ABCDF", 0)
    for row in result.leaderboard:
        counts[row["grade"]] = counts.get(row["grade"], 0) + 1
    return list(counts.items())


def _write(path: Path | str, html: str) -> Path:
    return write_output(path, html, "--html")


def write_audit_html(
    result: AuditResult,
    path: Path | str,
    benchmark: BenchmarkResult | None = None,
    *,
    sample: bool = False,
) -> Path:
    """Write the audit report (arguments as :func:`render_audit_html`); returns the path."""
    return _write(path, render_audit_html(result, benchmark, sample=sample))


def write_benchmark_html(result: BenchmarkResult, path: Path | str) -> Path:
    """Write the benchmark report; returns the path written."""
    return _write(path, render_benchmark_html(result))
