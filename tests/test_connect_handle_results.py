"""What an add-handles run hands back (staffpulse.connect.handle_results): new and already
listed handles told apart, those waiting for a token, and the --json shape."""

from __future__ import annotations

from staffpulse.connect.handle_files import HandlesRead
from staffpulse.connect.handle_results import AddReport, HandleOutcome, HandlesRun, PendingHandle
from staffpulse.errors import AuthError


def _row(handle: str, status: str) -> PendingHandle:
    return PendingHandle("x", handle, status, None, None, "f.txt:1", None, "2026-11-01T00:00:00Z")


def test_a_run_tells_new_handles_from_listed_ones_and_those_waiting_for_a_token() -> None:
    token = AuthError("no X credentials", hint="set X_BEARER_TOKEN")
    report = AddReport(
        [
            HandleOutcome(_row("ann", "pending"), new=True, tried=False, missing_credentials=token),
            HandleOutcome(_row("bo", "known"), new=False, tried=False),
        ],
        [],
    )
    assert [h.handle for h in report.added] == ["ann"]
    assert [h.handle for h in report.already_listed] == ["bo"]
    assert [o.handle.handle for o in report.waiting_for_credentials] == ["ann"]
    said = HandlesRun(HandlesRead([], [], 2, []), report).as_dict()
    assert said["added"][0]["handle"] == "ann" and said["duplicates"] == 2
    assert said["waiting_for_credentials"][0]["handle"] == "ann"
    assert said["pending"] is None  # not asked for: not an empty list
