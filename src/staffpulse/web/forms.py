"""Reading a submitted form safely: size-capped, CSRF-checked, never logged."""

from __future__ import annotations

import re

from starlette.requests import Request

from staffpulse.errors import InputError
from staffpulse.sources.base import decode_bytes
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


# Control characters never occur in a list people write: NUL above all marks a binary file, or
# UTF-16 saved without its mark (the rule of staffpulse.sources.base.read_user_text)
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def binary_kind(data: bytes, text: str) -> str | None:
    """What an attached file is when it is not text (None for text, whatever its encoding);
    ``text`` is the file decoded as the importers decode one (``decode_bytes``: UTF-8, UTF-16
    with its mark as Excel's “Unicode text” is saved, else Windows-1252)."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if _NOT_TEXT.search(text[:4096]):
        return "binary data (or UTF-16 text saved without its byte order mark)"
    return None


async def verified_form(request: Request) -> dict[str, str]:
    """The form's text fields after the double-submit CSRF check (raises :class:`CsrfError`)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise InputError("the form is too large", hint="dashboard forms are small; reload the page")
    form = await request.form(max_files=1, max_fields=50)
    try:
        submitted = form.get(CSRF_FIELD)
        token = submitted if isinstance(submitted, str) else request.headers.get(CSRF_HEADER)
        request.app.state.web.csrf.check(request.cookies.get(CSRF_COOKIE), token)
        fields = {k: v for k, v in form.items() if isinstance(v, str) and k != CSRF_FIELD}
        upload = next((v for v in form.values() if not isinstance(v, str)), None)
        if upload is not None:
            data = await upload.read(MAX_FORM_BYTES + 1)
            if len(data) > MAX_FORM_BYTES:
                raise InputError(
                    "the attached file is too large for this form (2 MB at most)",
                    hint="a cohort file lists handles only; check you picked the right file",
                )
            text, note = decode_bytes(data)
            fields["__file__"] = text
            fields["__filename__"] = getattr(upload, "filename", None) or ""
            kind = binary_kind(data, text)
            if kind:
                fields["__not_text__"] = kind
            elif note:  # read, but the user should check how
                fields["__encoding_note__"] = note
    finally:
        await form.close()
    return fields
