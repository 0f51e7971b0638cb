"""The dashboard's cache (staffpulse.web.data.Backend): a page drawn from data read just before
an import ended is shown, but not kept as the new data's; drawn from the data as it is, it is
kept, and drawn once."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from web_helpers import make_settings


def test_a_drawing_from_data_changed_meanwhile_is_not_kept(tmp_path: Path) -> None:
    from staffpulse.web.data import Backend

    backend = Backend(make_settings(tmp_path / "s.db"))
    reading = backend.reading()  # the page reads the ranking of the data as it was
    backend.invalidate()  # an import ends
    assert reading.cached("page", lambda: "old ranking's page") == "old ranking's page"
    # the next visit draws from the new data, not the old page
    assert backend.reading().cached("page", lambda: "new page") == "new page"
    assert backend.reading().cached("page", lambda: "drawn again") == "new page"
