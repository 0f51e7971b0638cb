"""Reading a submitted form safely: size-capped, CSRF-checked, never logged."""

from __future__ import annotations

from starlette.requests import Request

from staffpulse.errors import InputError
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


def binary_kind(data: bytes) -> str | None:
    """What an attached file is when it is not text (None for text, whatever its encoding:
    a Latin-1 CSV still reads, with its odd letters replaced)."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text (Excel's “Unicode text”)"
    if b"\x00" in data[:4096]:
        return "not a text file"
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
            fields["__file__"] = data.decode("utf-8", "replace")
            fields["__filename__"] = getattr(upload, "filename", None) or ""
            kind = binary_kind(data)
            if kind:
                fields["__not_text__"] = kind
    finally:
        await form.close()
    return fields
