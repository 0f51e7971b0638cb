"""Keyboard and screen-reader basics of the dashboard, in real headless Chromium (Debian's):
every stop of the Tab key shows where it is (the date field's calendar button showed nothing),
and a table tells a screen reader what each cell is: the key-value tables by row headers that
still look like the plain first column, the Inbox's lists by column names only it reads."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from web_helpers import live_sample_cohort  # noqa: E402

pytestmark = NEEDS_CHROMIUM

# what has the keyboard now, and whether it shows: an outline or a ring drawn by a shadow
FOCUSED = """() => { const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  return [e.tagName + (e.name ? '[' + e.name + ']' : '') + ' ' + (e.innerText || '').trim().slice(0, 30), ring]; }"""
# each table of the page: whether it says what its cells are (column names, or a row header
# in every row)
TABLES = """() => [...document.querySelectorAll('main table')].map(t => t.tHead !== null
  ? t.tHead.querySelectorAll('th').length > 0 : [...t.rows].every(r => r.querySelector('th')))"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from live_sample_cohort(tmp_path_factory.mktemp("keyboard"))


@pytest.mark.parametrize("path", ["/connect", "/import", "/settings"])
def test_every_tab_stop_shows_where_the_keyboard_is(site: str, path: str) -> None:
    with opened_page(site + path, 1280, 900) as page:
        stops: list[tuple[str, bool]] = []
        for _ in range(80):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is None:  # past the last control
                break
            stops.append((focused[0], focused[1]))
    assert len(stops) > 5, stops  # the page's controls were reached, not just the menu
    unseen = [name for name, ring in stops if not ring]
    assert not unseen, unseen


def test_the_key_value_tables_name_each_value_by_its_key_in_plain_looks(site: str) -> None:
    with opened_page(site + "/settings", 390, 844) as page:
        keys = page.locator("#setup table.kv th[scope=row]")
        assert "Largest file you can upload" in keys.all_inner_texts()
        looks = keys.first.evaluate(
            "k => { const s = getComputedStyle(k), v = getComputedStyle(k.nextElementSibling);"
            " return [s.textTransform, s.fontSize === v.fontSize, s.fontWeight]; }"
        )
        assert looks == ["none", True, "400"]  # not the small capitals of a column header
        assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("width", [390, 1280])
def test_the_inbox_lists_have_column_names_that_take_no_room(site: str, width: int) -> None:
    with opened_page(site + "/inbox?left_out=all#left-out", width, 900) as page:
        page.wait_for_selector("#left-out table", timeout=120_000)
        tables = page.evaluate(TABLES)
        head = page.locator("#left-out thead")
        names = head.locator("th").all_text_contents()
        height = page.evaluate(
            "() => document.querySelector('#left-out thead tr').getBoundingClientRect().height"
        )
    assert tables and all(tables), tables
    assert names == ["Conversation", "What to do"]
    assert height == 0  # seen, the cards say what they are


@pytest.mark.parametrize(
    ("path", "table"),
    # any role: the sample's first account is left only a broadcast-only firm by default
    [("/connect?role=any", "suggestions"), ("/benchmark", "leaderboard")],
)
def test_a_table_stacked_on_a_phone_keeps_its_column_names_for_screen_readers(
    site: str, path: str, table: str
) -> None:
    # stacked, its column names were display:none: a screen reader heard bare cells
    with opened_page(site + path, 390, 844) as page:
        shown = page.locator(f"table.{table}")
        heard = shown.aria_snapshot()
        head = shown.locator("thead").evaluate("h => h.getBoundingClientRect().height")
        first = shown.locator("tbody tr").first.bounding_box()
        box = shown.bounding_box()
    assert 'columnheader "Account' in heard, heard[:300]
    assert head == 0  # seen by no one: each stacked cell shows its own label
    assert first is not None and box is not None and first["y"] - box["y"] < 2
