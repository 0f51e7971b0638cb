"""Files of TikTok's data download (user_data.json, the text download's Videos.txt, Studio's
analytics) are told they are TikTok's and that staffpulse does not import it, not "a JSON file
holding one object" or "text a person wrote"."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.errors import UnknownFormatError
from staffpulse.sources import detect
from staffpulse.sources.tiktok_exports import why_tiktok_export

runner = CliRunner()

NOT_IMPORTED = "staffpulse coaches X, Bluesky and Mastodon accounts and does not import TikTok"
# user_data.json as TikTok's "Download your data" (JSON) writes it, cut to a few entries
USER_DATA = {
    "Activity": {
        "Favorite Effects": {"FavoriteEffectsList": []},
        "Video Browsing History": {
            "VideoList": [
                {"Date": "2026-10-02 10:00:00", "Link": "https://www.tiktokv.com/share/video/71/"}
            ]
        },
    },
    "Profile": {"Profile Information": {"ProfileMap": {"userName": "brightside_temps"}}},
    "Video": {
        "Videos": {
            "VideoList": [
                {
                    "Date": "2026-10-03 09:00:00",
                    "Link": "https://www.tiktokv.com/share/video/72/",
                    "Likes": "4",
                }
            ]
        }
    },
}
# Videos.txt of the same download asked for as text
VIDEOS_TXT = (
    "Date: 2026-10-03 09:00:00\nLink: https://www.tiktokv.com/share/video/72/\nLikes: 4\n\n"
    "Date: 2026-10-05 17:30:00\nLink: https://www.tiktokv.com/share/video/73/\nLikes: 0\n\n"
)


@pytest.mark.parametrize("name", ["user_data.json", "user_data_tiktok.json"])
def test_user_data_json_is_told_it_is_tiktoks(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(json.dumps(USER_DATA, indent=2), encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    said = str(refused.value)
    assert "this is a file of TikTok's data download" in said and NOT_IMPORTED in said
    assert "holding one object" not in said


def test_the_text_download_is_told_it_is_tiktoks_not_notes(tmp_path: Path) -> None:
    path = tmp_path / "Videos.txt"
    path.write_text(VIDEOS_TXT, encoding="utf-8")
    said = why_tiktok_export(path, path.read_bytes())
    assert said is not None and "saved as text" in said and NOT_IMPORTED in said


def test_a_tiktok_zip_is_refused_saying_what_it_holds(tmp_path: Path) -> None:
    data = tmp_path / "user_data.json"
    data.write_text(json.dumps(USER_DATA), encoding="utf-8")
    archive = tmp_path / "tiktok.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(data, "user_data.json")
    result = runner.invoke(app, ["import", str(archive), "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())
    assert result.exit_code != 0 and "Traceback" not in said
    assert "user_data.json is a file of TikTok's data download" in said
    assert "does not import TikTok" in said


def test_a_studio_analytics_sheet_is_told_it_is_tiktoks(tmp_path: Path) -> None:
    path = tmp_path / "Overview.csv"
    path.write_text("Date,Video Views,Profile Views,Likes,Comments,Shares\n1 Oct,40,3,5,0,1\n")
    said = why_tiktok_export(path, path.read_bytes())
    assert said is not None and "TikTok Studio's analytics" in said


def test_other_files_are_not_tiktoks(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Date: 2026-10-03 we met the Leeds branch.\nLink: see the shared drive\n")
    other = tmp_path / "profile.json"
    other.write_text(json.dumps({"Profile": {"name": "Acme"}, "Video": "none"}))
    assert why_tiktok_export(notes, notes.read_bytes()) is None
    assert why_tiktok_export(other, other.read_bytes()) is None
