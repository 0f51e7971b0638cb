"""A topic's heading on the Inbox counts as the line of topics above it does, in real headless
Chromium at phone and desktop widths: the page shows the top 30 conversations, so a heading
holding 6 of a topic's 12 read "Recruiting & sourcing 6" under "Recruiting & sourcing (12)",
two counts of one topic. It now reads "6 of 12"; a topic shown whole keeps its one number."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from web_helpers import LiveServer, make_settings, sample_store  # noqa: E402

pytestmark = NEEDS_CHROMIUM
LINK = re.compile(r"^(.+) \(([\d,]+)\)$")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    db = sample_store(tmp_path_factory.mktemp("inbox-counts"))
    with LiveServer(create_app(make_settings(db, allowed_hosts=[]))) as live:
        yield live.url


@pytest.mark.parametrize("width", [390, 1280])
def test_each_topic_heading_counts_as_the_line_of_topics(site: str, width: int) -> None:
    with opened_page(site + "/inbox", width, 900) as tab:
        links = tab.locator("nav.topic-links a").all_inner_texts()
        sizes = tab.locator("nav.topic-links .faint").all_inner_texts()
        headings = [
            (h.locator(".count").inner_text(), h.inner_text())
            for h in tab.locator("section.topic h2").all()
        ]
        cards = [s.locator("article.conv").count() for s in tab.locator("section.topic").all()]
        overflow = tab.evaluate("document.documentElement.scrollWidth - innerWidth")
    listed = {
        label: size.strip("()") for label, size in zip(links, sizes, strict=False) if "(" in size
    }
    assert listed, "the sample's inbox links no topic"
    parted = 0
    for (count, heading), shown in zip(headings, cards, strict=True):
        label = heading.removesuffix(count).strip()
        total = listed.get(label)
        if total is None:  # a topic past the links shown, or "Other conversations"
            assert count == str(shown) or re.fullmatch(rf"{shown} of [\d,]+", count), heading
        elif int(total.replace(",", "")) > shown:
            assert count == f"{shown} of {total}", heading
            parted += 1
        else:
            assert count == total == str(shown), heading
    assert parted, "the sample's top 30 hold every conversation of every topic"
    assert overflow <= 0
