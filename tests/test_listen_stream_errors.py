"""What listen bluesky says when Bluesky's live stream cannot be reached or is lost: plain
words and what to do, never the stream's protocol or Python's error names (QA, offline: "could
not reach Jetstream at wss://...: (last error: gaierror: [Errno -2] Name or service not known)",
"the saved cursor is unchanged")."""

from __future__ import annotations

import socket

from staffpulse.config import DEFAULT_JETSTREAM_URL
from staffpulse.listen.stream_errors import lost_error, plain_cause, unreachable_error

JARGON = ("Jetstream", "gaierror", "Errno", "cursor", "wss://")


def _offline() -> OSError:
    """What the name lookup raises offline, wrapped as the WebSocket library wraps it."""
    lookup = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    wrapped = OSError("could not connect")
    wrapped.__cause__ = lookup
    return wrapped


def test_offline_on_the_usual_stream_says_to_check_the_connection_and_run_again() -> None:
    error = unreachable_error(DEFAULT_JETSTREAM_URL, 4, 5.2, plain_cause(_offline()))
    said = f"{error.message} {error.hint}"
    assert error.message == (
        "could not reach Bluesky's live stream (no internet connection, or a wrong address):"
        " 4 tries in 5s, nothing received"
    )
    assert error.hint == (
        "check your connection (does a website open?), then run the same command again;"
        " nothing stored was changed"
    )
    assert not [word for word in JARGON if word in said] and error.exit_code == 75


def test_an_address_of_ones_own_is_named_as_the_one_to_check() -> None:
    url = "wss://stream.example.org/subscribe"
    error = unreachable_error(url, 1, 0.4, plain_cause(ConnectionRefusedError(111, "refused")))
    assert error.message.startswith(
        f"could not reach Bluesky's live stream at {url} (the server refused the connection):"
        " 1 try in 0s"
    )
    assert "if it works, check the stream's address (--url, or jetstream_url" in str(error.hint)


def test_a_stream_lost_for_good_says_what_came_in_is_saved() -> None:
    error = lost_error(DEFAULT_JETSTREAM_URL, 10, plain_cause(TimeoutError()))
    assert error.message == (
        "lost Bluesky's live stream: 10 tries in a row to connect again failed (no answer in time)"
    )
    assert str(error.hint).startswith("what came in is saved; check your connection")
    assert "carries on where this run stopped" in str(error.hint)
    assert not [w for w in JARGON if w in f"{error.message} {error.hint}"]
