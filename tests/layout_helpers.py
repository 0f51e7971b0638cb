"""What the dashboard's layout tests in Chromium share: a live dashboard holding names, handles
and file names too long to break, and the script that finds what makes a page scroll sideways."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest

from staffpulse.demo import SAMPLE_DIR
from staffpulse.ingest import import_paths
from staffpulse.store import open_store
from web_helpers import (
    LiveServer,
    finished_job,
    make_client,
    make_settings,
    native_jsonl,
    upload_files,
)

LONG_HANDLE = "averyveryverylongrecruitername@a-really-long-instance-name.example"
LONG_FILE = "twitter-archive-of-our-very-long-company-name-" + "x" * 40 + ".zip"
# a display name with no place to break (a formula someone typed as their name)
LONG_NAME = '=HYPERLINK("http://evil.example","Click")' + "x" * 60
BLUESKY_CONNECT = "/connect?account=@firm.bsky.social&role=any"


def bluesky_circle() -> bytes:
    """A Bluesky firm that talks with two people, who talk with others: Connect suggests
    those, one with :data:`LONG_NAME`, and offers the Bluesky exports."""
    names = {"firm": "Our Firm", "ann": "Ann", "bob": "Bob", "cara": LONG_NAME, "dan": "Dan"}
    lines: list[dict[str, object]] = [
        {"type": "account", "platform": "bluesky", "handle": f"{h}.bsky.social", "display_name": n}
        for h, n in names.items()
    ]
    talks = [("firm", "ann"), ("firm", "bob"), ("ann", "cara"), ("bob", "cara"), ("ann", "dan")]
    talks += [("cara", "ann"), ("dan", "bob")]
    k = 0
    for who, to in talks:
        for n in range(3):
            k += 2
            author, other = f"{who}.bsky.social", f"{to}.bsky.social"
            when = f"2026-03-{1 + k % 27:02d}T10:00:00Z"
            lines.append(
                {
                    "type": "post",
                    "platform": "bluesky",
                    "id": f"p{k}",
                    "author": other,
                    "text": f"What do you ask candidates in interviews, {n}?",
                    "created_at": when,
                }
            )
            lines.append(
                {
                    "type": "post",
                    "platform": "bluesky",
                    "id": f"p{k + 1}",
                    "author": author,
                    "reply_to_id": f"p{k}",
                    "reply_to_author": other,
                    "mentions": [other],
                    "text": f"@{other} we ask about their last project {n}",
                    "created_at": when,
                }
            )
    return "\n".join(json.dumps(line) for line in lines).encode()


# The widest element that is not inside a box that scrolls by itself, when the page is wider
# than the window: what a QA report needs to find the culprit.
CULPRIT = """() => {
  const W = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll('body *')) {
    if (el.getBoundingClientRect().right <= W + 1) continue;
    let p = el.parentElement, inside = false;
    while (p) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) { inside = true; break; }
      p = p.parentElement;
    }
    if (!inside) return el.tagName + '.' + el.className + ': ' + (el.innerText || '').slice(0, 60);
  }
  return '';
}"""


def layout_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The dashboard served live on the sample store, the Bluesky circle, a long Mastodon handle
    and a job with a long file name; yields its URL and the job's id. A module's tests share it:
    ``site = pytest.fixture(layout_site, scope="module", name="site")``."""
    pytest.importorskip("uvicorn")
    folder = tmp_path_factory.mktemp("layout")
    db = folder / "sample.db"
    (folder / "circle.jsonl").write_bytes(bluesky_circle())
    with open_store(db) as store:
        import_paths(store, [SAMPLE_DIR / "cohort.jsonl", folder / "circle.jsonl"])
    shutil.copy(SAMPLE_DIR / "cohort.csv", folder / "cohort.csv")
    with make_client(db) as client:  # a long Mastodon handle, and a job with a long file name
        data = native_jsonl([("mastodon", LONG_HANDLE, 3)])
        finished_job(client, upload_files(client, [("long.jsonl", data)]))
    app_settings = make_settings(db, allowed_hosts=[], cohort_file=folder / "cohort.csv")
    from staffpulse.web import create_app

    app = create_app(app_settings)
    with LiveServer(app) as live:
        job = app.state.web.jobs.submit("import", f"Import of {LONG_FILE}", lambda _job: {})
        app.state.web.jobs.wait(job.id)
        yield live.url, job.id
