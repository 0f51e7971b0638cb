"""The audit report's footer: the models named as their cards name them, and where a reader
who only has the report finds those cards."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_html_helpers import two_account_results
from staffpulse.report.html import render_audit_html


def test_the_footer_names_the_models_as_their_cards_do(tmp_path: Path) -> None:
    from staffpulse.report.html import models_in_words

    audit, _bench = two_account_results(tmp_path)
    page = render_audit_html(audit)
    assert "staffpulse.signals" not in page and "TextSignals" not in page
    shipped = {
        "text": "staffpulse.signals.text.TextSignals; templates: staffpulse.signals.templating",
        "avatar": "image model (on this machine)",
    }
    assert models_in_words(shipped).startswith(
        "Models: job opening, personality, humor, work topic, templating, avatar. "
    )
    no_picture = {"text": "staffpulse.signals.text.TextSignals", "avatar": "none"}
    assert models_in_words(no_picture).startswith(
        "Models: job opening, personality, humor, work topic; the avatar model was not used: "
        "the data had no picture. "
    )


def test_the_footer_says_where_a_reader_finds_the_model_cards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA s21: the footer pointed to "docs/models", a path of the source a client who gets
    the report cannot open. It says in words where the cards are, with the project's address
    when the package declares a real one (tests/test_report_project_links.py)."""
    from staffpulse.report import html

    audit, _bench = two_account_results(tmp_path)
    monkeypatch.setattr(html, "documentation_url", lambda: None)  # a placeholder address
    footer = render_audit_html(audit).split("<footer>")[1].split("</footer>")[0]
    assert "docs/models" not in footer and "example.invalid" not in footer
    assert "ship with staffpulse" in footer
    assert "model card in the staffpulse documentation (" in footer
    monkeypatch.setattr(html, "documentation_url", lambda: "https://staffpulse.dev/docs")
    footer = render_audit_html(audit).split("<footer>")[1]
    assert "in the staffpulse documentation at https://staffpulse.dev/docs (" in footer
    custom = html.models_in_words({"text": "acme.Scorer; templates: none", "avatar": "none"})
    assert custom == (  # a scorer of the user's own has no card of ours to point to
        "Models: a text scorer of your own (Scorer); the avatar model was not used: the data "
        "had no picture."
    )
