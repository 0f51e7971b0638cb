"""The dashboard's template environment (staffpulse.web.render): a count is shown with
thousands separators only where a template asks for it (``|number``), so a number a form sends
back stays one a browser can send; and in the tests a misspelt variable fails the page."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from jinja2 import UndefinedError

from staffpulse.web.render import STRICT_TEMPLATES_ENV, build_environment


def test_a_form_value_of_1000_or_more_stays_a_number_the_browser_can_send() -> None:
    template = build_environment().from_string(
        '<input name="days" value="{{ days }}"> {{ posts|number }} posts, {{ n|plural("post") }}'
    )
    html = template.render(days=1365, posts=1986, n=12345)
    assert 'value="1365"' in html
    assert "1,986 posts, 12,345 posts" in html


def test_a_misspelt_variable_fails_in_strict_mode_and_is_empty_otherwise() -> None:
    source = "Hello {{ acount }}!"
    with pytest.raises(UndefinedError, match="'acount' is undefined"):
        build_environment(strict=True).from_string(source).render(account="acme")
    assert build_environment(strict=False).from_string(source).render(account="acme") == "Hello !"


def test_the_test_suite_renders_strictly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STRICT_TEMPLATES_ENV, "1")
    with pytest.raises(UndefinedError):
        build_environment().from_string("{% if missing %}x{% endif %}").render()
    monkeypatch.delenv(STRICT_TEMPLATES_ENV)
    assert build_environment().from_string("{% if missing %}x{% endif %}").render() == ""
