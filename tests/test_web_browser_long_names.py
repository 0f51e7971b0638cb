"""Real handles and names are long: in real headless Chromium (Debian's), the Benchmark's top
five keep each handle whole on one line (cut with "…" only where the column is too narrow,
the whole handle then in its tooltip), and an account card breaks a name of joined words
between them ("Recruiting|Support"), never inside one."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from staffpulse.ingest import import_paths  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import LiveServer, make_settings  # noqa: E402

pytestmark = NEEDS_CHROMIUM

FITS = "shiftdesk@staffing.social"  # as long as real Mastodon handles: fits a laptop's column
NEVER_FITS = "averyveryverylongrecruitername@a-really-long-instance-name.example"
JOINED = "RecruitingSupport"  # a display name of two words written as one
ACCOUNTS = [
    ("mastodon", FITS, "Shift Desk"),
    ("mastodon", NEVER_FITS, "Long Instance"),
    ("x", "helpdeskteam", JOINED),
    ("x", "plainfirm", "Plain Firm"),
]

# each handle of the top five: its text, whether its cell cuts it, how many lines it takes
TOP_FIVE = """() => [...document.querySelectorAll('#summary td.handle a')].map(a => {
  const range = document.createRange(); range.selectNodeContents(a);
  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
    .map(r => Math.round(r.top))).size;
  const cell = a.closest('td');
  return [a.textContent, cell.scrollWidth > cell.clientWidth, lines, a.title];
})"""


def _jsonl() -> bytes:
    lines: list[dict[str, object]] = []
    for platform, handle, name in ACCOUNTS:
        lines.append(
            {"type": "account", "platform": platform, "handle": handle, "display_name": name}
        )
        lines += [
            {
                "type": "post",
                "platform": platform,
                "id": f"{handle}-{n}",
                "author": handle,
                "text": f"Shift {n}: which questions do your night crews ask at handover?",
                "created_at": f"2026-03-{1 + n:02d}T10:00:00Z",
            }
            for n in range(12)
        ]
    return "\n".join(json.dumps(line) for line in lines).encode()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    folder = tmp_path_factory.mktemp("long-names")
    db: Path = folder / "s.db"
    (folder / "posts.jsonl").write_bytes(_jsonl())
    with open_store(db) as store:
        import_paths(store, [folder / "posts.jsonl"])
    from staffpulse.web import create_app

    with LiveServer(create_app(make_settings(db, allowed_hosts=[]))) as live:
        yield live.url


@pytest.mark.parametrize("width", [390, 1300])
def test_the_top_five_show_each_handle_whole_on_one_line(site: str, width: int) -> None:
    # "@shiftde|sk@staffing|.social" beside its score, with room to spare (QA s35)
    with opened_page(site + "/benchmark", width, 900) as page:
        handles = {text: (cut, lines) for text, cut, lines, _title in page.evaluate(TOP_FIVE)}
    assert handles[f"@{FITS}"] == (False, 1)
    assert handles["@helpdeskteam"] == (False, 1)
    assert all(lines == 1 for _cut, lines in handles.values()), handles


def test_a_handle_too_long_for_the_top_five_is_cut_and_named_in_its_tooltip(site: str) -> None:
    with opened_page(site + "/benchmark", 1300, 900) as page:
        handles = {text: (cut, lines, title) for text, cut, lines, title in page.evaluate(TOP_FIVE)}
    assert handles[f"@{NEVER_FITS}"] == (True, 1, f"@{NEVER_FITS}")


@pytest.mark.parametrize("width", [390, 1024, 1300])
def test_a_cards_name_of_joined_words_breaks_between_them(site: str, width: int) -> None:
    # "RecruitingSuppor|t" on a laptop's three cards a row (QA s35)
    with opened_page(site + "/", width, 900) as page:
        name = page.locator(".acct .name", has_text=JOINED)
        lines = name.evaluate(
            """el => { const words = [];
              for (const node of el.childNodes) {
                if (node.nodeType !== Node.TEXT_NODE) continue;
                const range = document.createRange(); range.selectNodeContents(node);
                const tops = [...range.getClientRects()].map(r => Math.round(r.top));
                words.push([node.textContent, new Set(tops).size]); }
              return words; }"""
        )
    # each word of it on one line: if the name wraps, it is between "Recruiting" and "Support"
    assert "".join(word for word, _lines in lines) == JOINED
    assert all(count == 1 for _word, count in lines), lines
