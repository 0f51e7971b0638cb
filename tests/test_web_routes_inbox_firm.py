"""Which firm the Inbox opens as (routes_inbox, with routes_sample and routes_settings): the
firm's account saved in Settings belongs to the user's own data, so the sample loaded from an
empty store's page neither reads nor changes it (its Inbox opens as the sample's firm), and a
saved account that the store shown does not hold opens the Inbox for no firm with a note, not
with a warning the user did nothing to cause; config.toml's account of another client's store is
not this store's at all."""

from __future__ import annotations

import tomllib
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.config import config_path  # noqa: E402
from staffpulse.config_firm import save_store_firm  # noqa: E402
from staffpulse.config_writes import save_setting  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from web_helpers import (  # noqa: E402
    csrf_token,
    finished_job,
    make_client,
    reader_words,
    upload_files,
    x_archive_bytes,
)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    with make_client(tmp_path / "mine.db") as c:
        status = finished_job(c, upload_files(c, [("archive.zip", x_archive_bytes())]))
        assert status["state"] == "done"
        yield c


def _saved() -> Any:
    return tomllib.loads(config_path().read_text()).get("listen", {}).get("account")


def test_the_sample_opens_as_its_own_firm_and_leaves_the_saved_account_alone(
    client: Any,
) -> None:
    save_setting("listen", "account", "@acmestaffing")
    client.post("/sample/load", data={"csrf_token": csrf_token(client, "/settings")})
    inbox = reader_words(client.get("/inbox").text)
    assert "is not in the store" not in inbox and "is not in this store" not in inbox
    assert "as my account" not in inbox  # nothing offers to overwrite the user's firm
    assert 'value="@harborline' in client.get("/inbox").text
    settings = reader_words(client.get("/settings").text)
    assert "its Inbox opens as @harborline, the sample's firm" in settings
    token = csrf_token(client, "/settings")
    refused = client.post(
        "/settings/account",
        data={"csrf_token": token, "account": "@harborline", "back": "/settings"},
    )
    assert refused.status_code == 303
    assert "Not saved:" in reader_words(client.get(refused.headers["location"]).text)
    assert _saved() == "@acmestaffing"
    client.post("/sample/leave", data={"csrf_token": token})
    own = client.get("/inbox").text
    assert 'value="@acmestaffing' in own and "is not in the store" not in own


def test_a_saved_account_this_store_lacks_opens_the_inbox_for_no_firm_with_a_note(
    client: Any, tmp_path: Path
) -> None:
    save_setting("listen", "account", "@hireloop")  # config.toml: another client's firm
    page = client.get("/inbox").text
    assert "Choose your account above" in page and "@hireloop" not in page  # not this store's
    with open_store(tmp_path / "mine.db") as store:  # saved here before its posts came
        save_store_firm(store, "@hireloop")
    page = client.get("/inbox").text
    words = reader_words(page)
    assert 'class="flash warn"' not in page
    assert (
        "Your firm's account saved in Settings, @hireloop, is not in this store, so the Inbox"
        " opens with no account chosen." in words
    )
    typed = reader_words(client.get("/inbox?as=hireloop").text)  # typed on purpose: still a warning
    assert "“You post as” @hireloop is not in the store" in typed
