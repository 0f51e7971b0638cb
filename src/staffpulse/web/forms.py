"""Reading a submitted form safely: size-capped, CSRF-checked, never logged."""

from __future__ import annotations

from starlette.requests import Request

from staffpulse.errors import InputError
from staffpulse.web.security import CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER

MAX_FORM_BYTES = 2 * 1024 * 1024


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
    finally:
        await form.close()
    return fields
