"""Settings: the firm's own account (which "You post as" on the Inbox starts from, as
``staffpulse inbox`` does), kept in the store shown, one firm per client's store
(:mod:`staffpulse.config_firm`); and API tokens, stored in the config file with mode 600 and
never shown again.

The page speaks to a marketer; the config file's sections, commands and start-up options are
for whoever set staffpulse up, so they are folded under "For whoever set up staffpulse"."""

from __future__ import annotations

import os
import re
import stat
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from staffpulse.account_refs import read_account_ref
from staffpulse.config import (
    SECRET_ENV,
    config_path,
    get_secret,
    load_config,
    mask_secret,
)
from staffpulse.config_firm import save_store_firm
from staffpulse.config_writes import save_secret
from staffpulse.errors import AmbiguousAccountError, InputError, NotFoundError, StoreError
from staffpulse.handles import PLATFORMS, parse_handle
from staffpulse.web.app import flash_redirect, form_problem, form_value, web
from staffpulse.web.flash import Flash
from staffpulse.web.forms import verified_form
from staffpulse.web.pickers import account_choices, find_account
from staffpulse.web.render import account_words
from staffpulse.web.uploads import human_bytes

router = APIRouter()
# what a bearer token is written with (RFC 6750's b64token; X's tokens are URL-encoded, so "%"
# too): anything else, "<script>" or a quote copied with it, is not a token
TOKEN_TEXT = re.compile(r"[A-Za-z0-9%\-_.~+/=]+")
BEARER = re.compile(r"^(?:authorization:\s*)?bearer\s+", re.IGNORECASE)
# how every X app-only bearer token begins (twenty-odd A's): the API Key, its Secret or an
# Access Token, which sit beside it in "Keys and tokens", do not, and X would refuse them
X_BEARER_START = "AAAA"
# where a token is made, linked under its help (a marketer has no address to type)
WHERE = {
    "x_bearer_token": ("https://developer.x.com/en/portal/dashboard", "Open the X developer portal")
}
TOKENS = {
    "x_bearer_token": (
        "X API bearer token",
        "Lets staffpulse fetch posts from X live (pay-per-use: every fetch shows what it "
        "could cost at most, and starts only when you confirm). Create it in the X developer "
        "portal: in your app's “Keys and tokens”, generate the Bearer Token and copy it.",
    ),
    "mastodon_access_token": (
        "Mastodon access token",
        "Optional: public Mastodon data needs no token. Add one from your own Mastodon "
        "server to read what it only shows to signed-in users. It is sent to that server "
        "alone (mastodon.social, unless whoever set up staffpulse chose another).",
    ),
}


def _token_rows() -> list[dict[str, Any]]:
    config = load_config()
    stored = config.get("secrets", {}) if isinstance(config.get("secrets"), dict) else {}
    rows = []
    for name, (label, help_text) in TOKENS.items():
        env_name = SECRET_ENV.get(name, name.upper())
        from_env = bool(os.environ.get(env_name))
        value = get_secret(name, config)
        rows.append(
            {
                "name": name,
                "label": label,
                "help": help_text,
                "where": WHERE.get(name),
                "masked": mask_secret(value),
                "set": bool(value),
                "source": f"environment variable {env_name}"
                if from_env
                else ("config file" if stored.get(name) else None),
                "env_name": env_name,
                "from_env": from_env,
            }
        )
    return rows


def _file_mode() -> str | None:
    path = config_path()
    if not path.exists():
        return None
    return oct(stat.S_IMODE(path.stat().st_mode))[2:]


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request) -> HTMLResponse:
    ctx = web(request)
    firm = ctx.backend.store_firm()
    sample = firm.source == "sample"
    saved = "" if sample else firm.value or ""
    return ctx.renderer.page(
        request,
        "settings.html",
        active="settings",
        tokens=_token_rows(),
        # what was typed, when the form could not save it: not the saved account again
        account=request.query_params.get("account", saved)[:300],
        saved_account=saved,
        # from config.toml's [listen] account, which every store holding it reads
        account_from_config=firm.source == "config",
        sample_firm=firm.value if sample else "",
        accounts=account_choices(ctx.backend),
        config_file=str(config_path()),
        file_mode=_file_mode(),
        db_path=str(ctx.settings.db_path),
        max_upload=human_bytes(ctx.settings.max_upload_bytes),
        host=ctx.settings.host,
        port=str(ctx.settings.port),  # an address, not a quantity: no separators
    )


@router.post("/settings/tokens")
async def save_token(request: Request) -> Response:
    form = await verified_form(request)
    name = form_value(form, "name")
    try:
        if name not in TOKENS:
            raise InputError("unknown setting", hint="reload the Settings page and try again")
        if form_value(form, "action") == "clear":
            save_secret(name, "")
            removed = Flash("ok", f"Removed the {TOKENS[name][0]}.")
            return flash_redirect(request, "/settings", removed)
        # a token copied with the header around it ("Bearer AAAA...", from an example request
        # in the X developer docs): the token is the last word, and saved as such
        value = BEARER.sub("", form_value(form, "value"))
        if not value:
            raise InputError(
                f"the {TOKENS[name][0]} field was empty, so nothing was changed",
                hint="paste the token into the field, then press Save",
            )
        if len(value) > 4096 or any(c.isspace() or ord(c) < 32 for c in value):
            raise InputError(
                "that does not look like a token (it contains spaces or is far too long)",
                hint="copy the token again from the platform's developer settings",
            )
        if not TOKEN_TEXT.fullmatch(value):
            raise InputError(
                "that does not look like a token: a token holds only letters, digits and "
                "the signs % - _ . ~ + / =",
                hint="copy the token again from the platform's developer settings (only the "
                "token, without quotes or other text around it)",
            )
    except InputError as exc:  # back to the page (no resubmission on reload), which says why
        # which token: the page has a form for each, and the refusal names the one refused
        which = f"The {TOKENS[name][0]}" if name in TOKENS else "The token"
        return form_problem(request, "/settings", exc, f"{which} was not saved:")
    web(request).mask.add(value)
    save_secret(name, value)
    if name == "x_bearer_token" and not value.startswith(X_BEARER_START):
        # saved all the same (X could change its tokens), but said now rather than as a
        # refusal at the first fetch, after the cost was confirmed
        return flash_redirect(request, "/settings", _unlike_x_bearer(len(value)))
    # which token: "Saved." alone leaves the user to guess which of the forms it was
    return flash_redirect(request, "/settings", Flash("ok", f"Saved the {TOKENS[name][0]}."))


def _unlike_x_bearer(length: int) -> Flash:
    return Flash(
        "warn",
        "Saved the X API bearer token, but it does not look like one:",
        f"X's bearer tokens begin with {X_BEARER_START} and are about 110 characters long; "
        f"this one is {length} characters long and begins otherwise.",
        "in the X developer portal, open your app's “Keys and tokens”, copy the Bearer Token "
        "(not the API Key, its Secret or the Access Token) and save it here instead",
    )


@router.post("/settings/account")
async def save_account(request: Request) -> Response:
    """Save (or remove) the firm's own account, from Settings or the Inbox's "Save as my
    account", and go back to the page the form was on."""
    form = await verified_form(request)
    back = _without_flash(form_value(form, "back", "/settings"))
    if not back.startswith(("/settings", "/inbox")):  # only a page of this dashboard
        back = "/settings"
    ctx = web(request)
    if ctx.backend.sample_shown():  # the saved account is the user's firm, not the sample's
        return flash_redirect(
            request,
            back,
            Flash(
                "warn",
                "Not saved:",
                f"the sample is shown, and the Inbox uses its own firm, {ctx.backend.saved_firm()}."
                " Your firm's account is saved while your own data is shown.",
            ),
        )
    if form_value(form, "action") == "clear":
        _save_firm(request, None)
        left = ctx.backend.saved_firm()  # config.toml's [listen] account, when this store holds it
        # said as the page says it: a marketer is not shown the config file's keys
        after = (
            f"the Inbox opens as {account_words(left)}, as set up on this computer for every"
            " store that holds that account."
        )
        return flash_redirect(
            request,
            back,
            Flash("ok", "Removed:", after if left else "the Inbox opens with no account chosen."),
        )
    try:
        handle, platform, missing = _account_setting(request, form_value(form, "account"))
    except InputError as exc:  # back to the page, which says why (and keeps what was typed)
        if back.startswith("/settings"):
            back = "/settings?" + urlencode({"account": form_value(form, "account")[:300]})
        return form_problem(request, back, exc, "Your firm's account was not saved:")
    value = _written(handle, platform)
    _save_firm(request, value)
    shown = account_words(value)  # "@acme on X", not the key "x" the setting keeps
    if not missing:
        done = f"the Inbox of this store now opens as {shown}."
        return flash_redirect(request, back, Flash("ok", "Saved:", done))
    return flash_redirect(
        request,
        back,
        Flash(
            "warn",
            f"Saved {shown}, but it is not in the store yet:",
            "no account and no post of it is stored, so its replies cannot mark conversations"
            " joined until its posts are imported or fetched.",
            hint="check the handle, or import or fetch the firm's own posts on the Import page",
        ),
    )


def _save_firm(request: Request, value: str | None) -> None:
    """Keep ``value`` as the firm of the store shown (None: remove it); a store this user may
    only read is refused with what to do."""
    with web(request).backend.store() as store:
        if save_store_firm(store, value):
            return
    raise StoreError(
        "this store cannot be changed (it is read-only, or another program holds it)",
        hint="check that you may write the store file, then save again",
    )


def _account_setting(request: Request, text: str) -> tuple[str, str | None, bool]:
    """The handle to save for the account typed, its platform when one was named (also by a
    profile address), and whether the store holds neither an account nor a post of it. Read as every picker reads an account
    (:mod:`staffpulse.account_refs`); one the store does not hold must at least be a handle of
    its platform (:func:`staffpulse.handles.parse_handle`), so a typo of another kind is
    refused, not saved."""
    text = " ".join(text.split())
    if not text:
        raise InputError(
            "the field was empty, so nothing was changed",
            hint="type your firm's handle (e.g. @acme or a profile address), or press Remove",
        )
    if len(text) > 300:
        raise InputError("that is far too long for a handle", hint="type only the handle")
    handle, platform = read_account_ref(text)  # an address of no profile: InputError
    try:
        account = find_account(web(request).backend, text)
    except AmbiguousAccountError:  # one handle on several platforms: all are the firm's
        return handle, platform, False
    except NotFoundError:
        try:
            _guess, handle = parse_handle(handle, platform if platform in PLATFORMS else None)
        except ValueError:
            # said with the text as typed (the check's own message trims quotes and <>), and
            # with the forms a handle takes on every platform, not X's rule alone
            raise InputError(
                f"“{text}” is not a handle",
                hint="type the handle as its profile shows it: @acme on X, acme.bsky.social"
                " on Bluesky or @acme@mastodon.social on Mastodon (or paste the profile's"
                " address)",
            ) from None
        return handle, platform, not _inbox_finds(request, _written(handle, platform))
    return account.handle, platform, False


def _inbox_finds(request: Request, value: str) -> bool:
    """Whether the Inbox, reading the account as saved, finds the firm in the store: stored
    posts signed with the handle count, though no account row holds it. Decided by
    listen.firm.resolve_firm, as for "You post as" and inbox --as, so the warning on saving
    and the Inbox never disagree."""
    from staffpulse.listen.firm import resolve_firm  # the listening package: loaded late

    with web(request).backend.store() as store:
        firm = resolve_firm(store, value)
    return firm is not None and firm.found


def _without_flash(address: str) -> str:
    """The page a form came from, less the message it was showing (the redirect adds its own)."""
    parts = urlsplit(address)
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "flash"]
    )
    return urlunsplit(("", "", parts.path, query, ""))


def _written(handle: str, platform: str | None) -> str:
    """The account as a picker writes it (``@handle``, or ``@handle (platform)``)."""
    return f"@{handle}" + (f" ({platform})" if platform else "")
