"""The download of every record an import skipped (routes_import's /jobs/{id}/skipped.csv):
every one past the first 50 the job page lists, in order; not sent with each poll of the
job's status; past the number kept, a last line says how many more there were; asked while
the import still runs, it says so, not that the list is no longer known."""

from __future__ import annotations

import csv
import io
import json
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.web import import_summary  # noqa: E402
from web_helpers import finished_job, make_client, upload_files  # noqa: E402


def _bad_rows(n: int) -> bytes:
    """A CSV of ``n`` posts without an author (each one skipped) and one good post."""
    rows = "".join(f"r{i},,x,=HYPERLINK(1) post {i}\n" for i in range(n))
    return ("id,author,platform,text\n" + rows + "ok1,acme,x,fine\n").encode()


def _sheet(response: Any) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_every_skipped_record_past_the_first_50_can_be_downloaded(tmp_path: Path) -> None:
    # 60 rows without an author: the page lists 50; the marketer correcting the file needs
    # the other 10 too, each with its line ("and 10 more" named none of them)
    with make_client(tmp_path / "skips.db") as client:
        status = finished_job(client, upload_files(client, [("posts.csv", _bad_rows(60))]))
        page = client.get(f"/jobs/{status['id']}").text
        link = f"/jobs/{status['id']}/skipped.csv"
        sheet = client.get(link)
        gone = client.get("/jobs/bb90b549b602/skipped.csv")
    assert "and 10 more" in page and f'href="{link}"' in page
    assert sheet.status_code == 200 and "attachment" in sheet.headers["content-disposition"]
    lines = _sheet(sheet)
    assert lines[0] == ["file", "line", "what to change"]
    assert [row[1] for row in lines[1:]] == [str(n) for n in range(2, 62)]  # every one, in order
    assert all(row[0] == "posts.csv" and "author" in row[2] for row in lines[1:])
    assert all(not row[2].startswith("=") for row in lines[1:])  # no formula in a spreadsheet
    assert gone.status_code == 404 and "Import page" in gone.text


def test_the_status_poll_leaves_the_list_out(tmp_path: Path) -> None:
    # the page's script reads only the state of each poll: 300 skipped records sent whole
    # in the last one were thrown away (40 MB kept and sent for a file of 100,000 bad rows)
    with make_client(tmp_path / "poll.db") as client:
        status = finished_job(client, upload_files(client, [("posts.csv", _bad_rows(300))]))
        sheet = client.get(f"/jobs/{status['id']}/skipped.csv")
    assert status["result"]["skipped"] == 300 and status["result"]["more_problems"] == 250
    assert "every_problem" not in status["result"] and len(json.dumps(status)) < 30_000
    assert len(_sheet(sheet)) == 301  # the heading and every one of them


def test_past_the_records_kept_a_last_line_says_how_many_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_summary, "MAX_PROBLEMS_KEPT", 100)
    with make_client(tmp_path / "cap.db") as client:
        status = finished_job(client, upload_files(client, [("posts.csv", _bad_rows(300))]))
        lines = _sheet(client.get(f"/jobs/{status['id']}/skipped.csv"))
    assert [row[1] for row in lines[1:101]] == [str(n) for n in range(2, 102)]
    assert len(lines) == 102 and "200 more skipped records, not listed" in lines[-1][2]
    assert "first 100 are kept" in lines[-1][2]


def test_the_download_of_an_import_still_running_says_so(tmp_path: Path) -> None:
    go = threading.Event()

    def slow(_job: Any) -> dict[str, Any]:
        go.wait(10)
        return {}

    with make_client(tmp_path / "running.db") as client:
        job = client.app.state.web.jobs.submit("import", "Import of posts.csv", slow)
        try:
            early = client.get(f"/jobs/{job.id}/skipped.csv")
        finally:
            go.set()
            client.app.state.web.jobs.wait(job.id)
    assert early.status_code == 409 and "still running" in early.text
    assert "no longer known" not in early.text
