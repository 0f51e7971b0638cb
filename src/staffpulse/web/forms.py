"""Reading a submitted form safely: size-capped, CSRF-checked, never logged."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request

from staffpulse.errors import InputError
from staffpulse.sources.base import decode_bytes, looks_binary
from staffpulse.web.security import CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER

MAX_FORM_BYTES = 2 * 1024 * 1024
# How the files people pick by mistake begin (an Excel workbook is a ZIP)
SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Excel workbook (.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Excel or Word file"),
)


def binary_kind(data: bytes, text: str) -> str | None:
    """What an attached file is when it is not text (None for text, whatever its encoding);
    ``text`` is the file decoded as the importers decode one (``decode_bytes``: UTF-8, UTF-16
    with its mark as Excel's “Unicode text” is saved, else Windows-1252)."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if looks_binary(text[:4096]):
        return "binary data (or UTF-16 text saved without its byte order mark)"
    return None


@dataclass(frozen=True)
class Upload:
    """The one file a form may carry, decoded as the importers decode one."""

    text: str
    filename: str
    not_text: str | None = None  # what the file is instead, when it is no text (binary_kind)
    encoding_note: str | None = None  # how it was read, when the encoding was a guess


@dataclass(frozen=True)
class SubmittedForm:
    """A form's text fields and its upload, kept apart: a field the client names like the
    upload's parts cannot pass for the file."""

    fields: dict[str, str] = field(default_factory=dict)
    upload: Upload | None = None


async def verified_form(request: Request) -> dict[str, str]:
    """The form's text fields after the double-submit CSRF check (raises :class:`CsrfError`)."""
    return (await verified_submission(request)).fields


async def verified_submission(request: Request) -> SubmittedForm:
    """The form's text fields and its attached file (if any), after the double-submit CSRF
    check (raises :class:`CsrfError`); a file over :data:`MAX_FORM_BYTES` is an InputError."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise InputError("the form is too large", hint="dashboard forms are small; reload the page")
    form = await request.form(max_files=1, max_fields=50)
    try:
        submitted = form.get(CSRF_FIELD)
        token = submitted if isinstance(submitted, str) else request.headers.get(CSRF_HEADER)
        request.app.state.web.csrf.check(request.cookies.get(CSRF_COOKIE), token)
        fields = {k: v for k, v in form.items() if isinstance(v, str) and k != CSRF_FIELD}
        attached = next((v for v in form.values() if not isinstance(v, str)), None)
        if attached is None:
            return SubmittedForm(fields)
        data = await attached.read(MAX_FORM_BYTES + 1)
        if len(data) > MAX_FORM_BYTES:
            raise InputError(
                "the attached file is too large for this form (2 MB at most)",
                hint="a cohort file lists handles only; check you picked the right file",
            )
        text, note = decode_bytes(data)
        kind = binary_kind(data, text)
        upload = Upload(
            text=text,
            filename=getattr(attached, "filename", None) or "",
            not_text=kind,
            encoding_note=None if kind else note,  # read, but the user should check how
        )
        return SubmittedForm(fields, upload)
    finally:
        await form.close()


def bounded_int(raw: str, default: int, low: int, high: int) -> int:
    """A whole number typed in a form or an address (``?page=2``), kept within ``low`` and
    ``high`` (``default`` if none). "²" passes ``str.isdigit`` yet ``int`` refuses it, and so
    does a number of 5,000 digits: either was a 500 page ("Something went wrong")."""
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()):
        return default
    return high if len(raw) > 18 else max(low, min(high, int(raw)))
