"""Settings: API tokens, stored in the config file with mode 600 and never shown again."""

from __future__ import annotations

import os
import re
import stat
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from staffpulse.config import SECRET_ENV, config_path, get_secret, load_config, save_secret
from staffpulse.errors import InputError
from staffpulse.web.app import form_problem, form_value, web
from staffpulse.web.forms import verified_form
from staffpulse.web.uploads import human_bytes

router = APIRouter()
# what a bearer token is written with (RFC 6750's b64token; X's tokens are URL-encoded, so "%"
# too): anything else, "<script>" or a quote copied with it, is not a token
TOKEN_TEXT = re.compile(r"[A-Za-z0-9%\-_.~+/=]+")
TOKENS = {
    "x_bearer_token": (
        "X API bearer token",
        "Lets staffpulse fetch posts from X live (pay-per-use: every fetch shows what it "
        "could cost at most, and starts only when you confirm). Create it in the X developer "
        "portal.",
    ),
    "mastodon_access_token": (
        "Mastodon access token",
        "Optional: public Mastodon data needs no token. Add one to read data your "
        "instance only shows to signed-in users.",
    ),
}


def _mask(value: str | None) -> str:
    """Whether a token is set, and at most its last four characters (never more)."""
    if not value:
        return "not set"
    return "••••••••" + (value[-4:] if len(value) >= 16 else "")


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
                "masked": _mask(value),
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
    return ctx.renderer.page(
        request,
        "settings.html",
        active="settings",
        tokens=_token_rows(),
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
            return RedirectResponse("/settings?notice=cleared", status_code=303)
        value = form_value(form, "value")
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
        return form_problem(request, "/settings", exc, "The token was not saved:")
    web(request).mask.add(value)
    save_secret(name, value)
    return RedirectResponse("/settings?notice=saved", status_code=303)
