"""The inbox as one self-contained HTML page (Jinja2, autoescaped, no external assets)."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, select_autoescape

from staffpulse import __version__
from staffpulse.dates import format_when
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.window import empty_reason
from staffpulse.report.links import safe_link

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conversations to join - staffpulse</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#1d3557;color:#fff;padding:20px 28px}header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;opacity:.85}main{max-width:920px;margin:0 auto;padding:20px}
section{margin-bottom:28px}h2{font-size:17px;border-bottom:2px solid #d9dee7;padding-bottom:4px}
.card{background:#fff;border:1px solid #e1e5ec;border-radius:8px;padding:14px 16px;margin:10px 0}
.meta{color:#5b6474;font-size:13px}.text{white-space:pre-wrap;margin:8px 0;font-size:15px}
.reasons li{color:#1b6b3a}.cautions li{color:#9a4b00}ul{margin:4px 0;padding-left:20px}
.angle{background:#eef4ff;border-left:3px solid #3d6fd9;padding:6px 10px;margin-top:8px}
.score{float:right;font-weight:600;color:#1d3557}.note{color:#5b6474;font-size:13px}
a{color:#2457c5}
</style></head><body>
<header><h1>Conversations to join</h1>
<p>{% if items|length < inbox.open_total %}Showing the top {{ items|length }} of {{ inbox.open_total }} open conversations
{%- else %}{{ inbox.open_total }} open conversation{{ '' if inbox.open_total == 1 else 's' }}{% endif %}
{%- if inbox.account %} for {{ inbox.account }}{% endif %}, ranked as of {{ as_of }}.
{{ inbox.joined|length }} already joined.</p></header>
<main>
{% for note in notes %}<p class="note">{{ note }}</p>{% endfor %}
{% if not items %}<p>{{ empty }}</p>{% endif %}
{% for label, group in groups %}
<section><h2>Topic: {{ label }}</h2>
{% for item in group %}
<div class="card"><span class="score">{{ '%.2f'|format(item.score) }}</span>
<div class="meta">{{ item.platform }} &middot; {{ item.author_label }}
{%- if item.role_label %} ({{ item.role_label }}){% endif %} &middot; {{ item.replies_label }}
{%- if item.url|web_link %} &middot; <a href="{{ item.url|web_link }}" rel="noopener noreferrer">open</a>{% endif %}</div>
{% if item.missing_root_note %}<div class="meta">{{ item.missing_root_note }}:</div>{% endif %}
<div class="text">{{ item.opening_text }}</div>
{% if item.reasons %}<ul class="reasons">{% for r in item.reasons %}<li>{{ r }}</li>{% endfor %}</ul>{% endif %}
{% if item.cautions %}<ul class="cautions">{% for c in item.cautions %}<li>{{ c }}</li>{% endfor %}</ul>{% endif %}
<div class="angle"><strong>Angle:</strong> {{ item.angle }}</div>
<div class="meta">id: {{ item.conversation_id }}</div></div>
{% endfor %}</section>
{% endfor %}
{% if inbox.joined %}<section><h2>Already joined</h2>
{% for item in inbox.joined %}<div class="card"><div class="meta">{{ item.platform }} &middot;
{{ item.author_label }}{% if item.url|web_link %} &middot;
<a href="{{ item.url|web_link }}" rel="noopener noreferrer">open</a>{% endif %}</div>
<div class="text">{{ item.opening_text }}</div></div>{% endfor %}</section>{% endif %}
<p class="note">Made by staffpulse {{ version }} on your machine.</p>
</main></body></html>
"""


# A report is read by people who may never run a command: the terminal's hints ("--max-age to
# change") become what to ask for, in words.
_PLAIN_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        (r" left out \(--max-age to change\)", " are not in this report: an inbox made with a"
            " longer age limit (staffpulse inbox --max-age 90d) lists them"),
        (r" \(--max-age to change\)", "; an inbox made with a longer age limit"
            " (staffpulse inbox --max-age 90d) would go further back"),
        (r" \(--max-age 0 shows them\)", "; an inbox made with no age limit"
            " (staffpulse inbox --max-age 0) lists them"),
        (r"; --as-of now shows the live view", ""),
        (r"Listen or fetch fresh posts, widen --max-age, or replay the store as of its newest"
            r" activity with --as-of newest", "Fresh posts (listened to or fetched), a longer"
            " age limit, or a replay of the store as of its newest activity would give some"),
    )
)  # fmt: skip


def report_notes(inbox: Inbox) -> list[str]:
    """The inbox's notes as a report says them: in words rather than command options, and
    without what the run itself did ("read 2,073 stored posts for the first time")."""
    out: list[str] = []
    for note in inbox.notes:
        if note == inbox.work_note:
            continue
        for pattern, words in _PLAIN_WORDS:
            note = pattern.sub(words, note)
        out.append(note)
    return out


def render_inbox_html(inbox: Inbox) -> str:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["web_link"] = safe_link
    template = env.from_string(_TEMPLATE)
    return template.render(
        inbox=inbox,
        items=inbox.items,
        groups=inbox.by_topic(),
        notes=report_notes(inbox),
        as_of=format_when(inbox.ranked_as_of),
        empty=empty_reason(inbox.topic_query, inbox.topic_matched, inbox.max_age, inbox.counts),
        version=__version__,
    )


def write_inbox_html(inbox: Inbox, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_inbox_html(inbox), encoding="utf-8")
    return path
