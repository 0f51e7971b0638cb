"""The firm's own account on the dashboard (routes_settings, POST /settings/account; QA16 #10):
Settings saves it in the store shown (one firm per client's store, which ``staffpulse inbox``
reads too), the config file left as it was, and the Inbox opens with it; "Save as my account"
saves a typed one from the Inbox and comes back; what is no handle is refused; a handle the
store lacks is saved with a warning and can be removed; config.toml's ``[listen] account``
names the firm of a store that holds it and saved none."""

from __future__ import annotations

import html
import stat
import tomllib
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from staffpulse.config import config_path  # noqa: E402
from staffpulse.config_writes import save_secret  # noqa: E402
from staffpulse.store import open_store  # noqa: E402
from staffpulse.store.store_settings import FIRM_ACCOUNT, read_store_setting  # noqa: E402
from web_helpers import (  # noqa: E402
    csrf_token,
    make_client,
    private_copy,
    reader_words,
    sample_store,
)

MIA = "@mia_recruits (x)"  # an account of the bundled sample, as the pickers write it


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store(tmp_path_factory.mktemp("firm"))


@pytest.fixture
def client(sample_db: Path, tmp_path: Path) -> Iterator[Any]:
    db = private_copy(sample_db, tmp_path)
    with make_client(db) as c:
        c.db = db  # the store the dashboard shows, whose firm Settings saves
        yield c


def _saved(client: Any) -> str | None:
    """The firm's account saved in the store ``client`` shows."""
    with open_store(client.db) as store:
        return read_store_setting(store, FIRM_ACCOUNT)


def _in_config() -> Any:
    path = config_path()
    if not path.exists():
        return None
    return tomllib.loads(path.read_text()).get("listen", {}).get("account")


def _save(client: Any, account: str, back: str = "/settings", action: str = "save") -> Any:
    token = csrf_token(client, "/settings")
    response = client.post(
        "/settings/account",
        data={"csrf_token": token, "account": account, "back": back, "action": action},
    )
    assert response.status_code == 303
    return response


def test_settings_saves_the_firms_account_and_the_inbox_opens_with_it(client: Any) -> None:
    save_secret("x_bearer_token", "tok-1234567890abcdef")  # kept when the account is saved
    config_path().write_text(
        config_path().read_text() + "\n[audit.weights]\nconversation = 2.0\n", encoding="utf-8"
    )
    settings = client.get("/settings").text
    assert "Your firm's account" in settings and 'name="account"' in settings
    response = _save(client, "https://x.com/mia_recruits")  # a profile address is read
    assert response.headers["location"].startswith("/settings?flash=")
    shown = reader_words(client.get(response.headers["location"]).text)
    # the platform by its name, not the key "x" the setting keeps for the pickers
    assert "Saved: the Inbox of this store now opens as @mia_recruits on X." in shown
    assert _saved(client) == MIA and _in_config() is None  # not for every store on the computer
    config = tomllib.loads(config_path().read_text())
    assert config["secrets"]["x_bearer_token"] == "tok-1234567890abcdef"
    assert config["audit"]["weights"] == {"conversation": 2.0}  # a table, not a string
    assert stat.S_IMODE(config_path().stat().st_mode) == 0o600
    assert f'value="{MIA}"' in client.get("/settings").text
    inbox = client.get("/inbox").text  # as the menu opens it: no "as" in the address
    assert f'id="as" name="as" list="as-list" value="{MIA}"' in inbox
    assert "Choose your account above" not in inbox and "as my account" not in inbox


def test_the_inbox_offers_to_save_a_typed_account_and_comes_back(client: Any) -> None:
    back = "/inbox?as=" + quote(MIA)
    page = client.get(back).text
    # the platform by its name, as a sentence says it; the form sends the pickers' form
    assert "Save @mia_recruits on X as my account" in html.unescape(page)
    form = page.split('action="/settings/account"', 1)[1].split("</form>")[0]
    assert 'name="csrf_token"' in form and f'name="account" value="{MIA}"' in form
    response = _save(
        client, MIA, back=html.unescape(form.split('name="back" value="')[1].split('"')[0])
    )
    target = response.headers["location"]
    assert target.startswith("/inbox?as=%40mia_recruits+%28x%29&flash=")  # back where it was
    after = client.get(target).text
    assert "Saved:" in after and "as my account" not in after
    assert _saved(client) == MIA
    # the same account written another way is not offered again; another one is
    assert "as my account" not in client.get("/inbox?as=https://x.com/mia_recruits").text
    assert "(instead of @mia_recruits on X)" in html.unescape(
        client.get("/inbox?as=" + quote("@hireloop (x)")).text
    )


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("nobody zz", "is not a handle"),
        ("acme (facebook)", "unknown platform"),
        ("https://x.com/home", "is not a profile URL"),
        ("", "the field was empty"),
    ],
)
def test_what_is_no_handle_is_refused_and_nothing_is_saved(
    client: Any, typed: str, reason: str
) -> None:
    response = _save(client, typed)
    shown = reader_words(client.get(response.headers["location"]).text)
    assert "Your firm's account was not saved:" in shown and reason in shown
    assert _saved(client) is None


def test_a_handle_not_in_the_store_is_saved_with_a_warning_and_can_be_removed(
    client: Any,
) -> None:
    response = _save(client, "GhostFirm")
    shown = reader_words(client.get(response.headers["location"]).text)
    assert "Saved @ghostfirm, but it is not in the store yet:" in shown
    assert "What to do: check the handle" in shown
    assert _saved(client) == "@ghostfirm"
    inbox = reader_words(client.get("/inbox").text)  # a note, as for an account of another store
    assert "account saved in Settings, @ghostfirm, is not in this store" in inbox
    response = _save(client, "", action="clear")
    assert "Removed:" in reader_words(client.get(response.headers["location"]).text)
    assert _saved(client) is None
    assert "Choose your account above" in client.get("/inbox").text


def test_a_profile_address_is_confirmed_with_the_platforms_name(client: Any) -> None:
    response = _save(client, "https://bsky.app/profile/ghostfirm.bsky.social")
    shown = reader_words(client.get(response.headers["location"]).text)
    assert "Saved @ghostfirm.bsky.social on Bluesky, but it is not in the store yet:" in shown
    assert _saved(client) == "@ghostfirm.bsky.social (bluesky)"  # the pickers' form, as before
    inbox = reader_words(client.get("/inbox").text)
    assert "account saved in Settings, @ghostfirm.bsky.social on Bluesky, is not in" in inbox


def test_a_firm_saved_for_one_store_is_not_the_firm_of_another(
    client: Any, sample_db: Path, tmp_path: Path
) -> None:
    """QA s39: saved in config.toml, one client's firm followed the user into every other
    client's store (and the demo), whose Inbox then opened as it."""
    _save(client, MIA)
    other = tmp_path / "other"
    other.mkdir()
    with make_client(private_copy(sample_db, other, "client-b.db")) as second:
        settings = reader_words(second.get("/settings").text)
        assert "Not set: the Inbox asks for it each time." in settings
        assert "saved with this store's posts alone" in settings
        assert "Choose your account above" in second.get("/inbox").text


def test_config_names_the_firm_of_a_store_that_holds_it_and_says_so(client: Any) -> None:
    """A [listen] account written in config.toml (before, or by hand) still opens the store
    holding that account, and Settings says where it comes from; a store's own save wins."""
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('[listen]\naccount = "@mia_recruits"\n', encoding="utf-8")
    settings = reader_words(client.get("/settings").text)
    assert "Now @mia_recruits, as set up on this computer for every store that holds" in settings
    assert 'value="clear"' not in client.get("/settings").text  # nothing of this store to remove
    assert f'list="as-list" value="{MIA}"' in client.get("/inbox").text
    _save(client, "@hireloop (x)")
    assert 'list="as-list" value="@hireloop (x)"' in client.get("/inbox").text
    removed = _save(client, "", action="clear")  # the computer's account again, said plainly
    said = reader_words(client.get(removed.headers["location"]).text)
    flash = said.split("Removed: ")[1].split(". ")[0]  # not the config file's keys
    assert flash.startswith("the Inbox opens as @mia_recruits, as set up on this computer")
    assert "[listen]" not in flash and "config.toml" not in flash
    config_path().write_text('[listen]\naccount = "@ghostfirm"\n', encoding="utf-8")
    response = _save(client, "", action="clear")  # another client's firm: not this store's
    assert "the Inbox opens with no account chosen" in reader_words(
        client.get(response.headers["location"]).text
    )
    assert "Not set: the Inbox asks for it each time." in reader_words(client.get("/settings").text)
