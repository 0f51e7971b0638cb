"""The config file as Windows editors save it: Notepad's UTF-8 byte-order mark and the UTF-16
of PowerShell 5's ``echo ... > config.toml`` are read as the settings they hold; any other
encoding stops the command with the line to fix (exit 78), never a traceback."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.config import load_config
from staffpulse.config_writes import save_setting
from staffpulse.errors import ConfigError

SETTINGS = '[listen]\naccount = "@acme"\n[fetch]\ntimeout_seconds = 7\n'


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_a_file_with_a_byte_order_mark_is_read_as_its_settings(
    tmp_path: Path, bom: bytes, encoding: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(bom + SETTINGS.replace("\n", "\r\n").encode(encoding))
    config = load_config(path)
    assert config["listen"]["account"] == "@acme"
    assert config["fetch"]["timeout_seconds"] == 7


def test_the_dashboard_saves_into_a_utf16_file_keeping_its_settings(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(codecs.BOM_UTF16_LE + SETTINGS.encode("utf-16-le"))
    save_setting("listen", "account", "@acme_staffing", path)
    config = load_config(path)
    assert config["listen"]["account"] == "@acme_staffing"
    assert config["fetch"]["timeout_seconds"] == 7
    assert path.read_bytes().startswith(b"[listen]")  # written back as plain UTF-8


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        ('[listen]\n# Caf\xe9 Staffing\naccount = "@acme"\n'.encode("cp1252"), 2),
        ("[listen]\n".encode("utf-16-le"), 1),  # UTF-16 without its mark
    ],
)
def test_another_encoding_names_the_line_and_says_to_save_as_utf8(
    tmp_path: Path, raw: bytes, line: int
) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(raw)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.message.startswith(f"{path}: line {line} is not UTF-8 text")
    assert "save the file as UTF-8" in (caught.value.hint or "")


def test_a_command_reading_a_latin1_config_exits_78_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_bytes('[listen]\naccount = "@caf\xe9"\n'.encode("cp1252"))
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path))
    result = CliRunner().invoke(app, ["inbox", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 78, result.output
    assert "Traceback" not in result.output
    assert "line 2 is not UTF-8 text" in result.output


def test_text_written_without_quotes_names_the_line_and_the_key_not_the_value(
    tmp_path: Path,
) -> None:
    # tomllib said "Expected newline or end of document after a statement (at line 3,
    # column 13)": no word of the quotes the value lacked
    path = tmp_path / "config.toml"
    path.write_text('[listen]\naccount = "acme"\nmax_age = 45d\n[secrets]\n')
    with pytest.raises(ConfigError) as bad:
        load_config(path)
    assert bad.value.message == f"{path}, line 3: not valid TOML (something after the value)"
    assert bad.value.hint == 'put text values in quotes: max_age = "..." on line 3'
    path.write_text("[secrets]\nx_bearer_token = Zq9WfakeTokenValue\n")
    with pytest.raises(ConfigError) as token:
        load_config(path)
    said = f"{token.value.message} {token.value.hint}"
    assert 'x_bearer_token = "..." on line 2' in said
    assert "Zq9WfakeTokenValue" not in said  # a secret pasted bare is never printed


def test_other_mistakes_name_their_line_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[listen]\naccount = "acme\n')
    with pytest.raises(ConfigError) as open_quote:
        load_config(path)
    assert open_quote.value.message.endswith(
        "line 2: not valid TOML (a quote opened and not closed on its line)"
    )
    assert (
        open_quote.value.hint == "fix line 2, or delete the file (staffpulse needs no config file)"
    )


def test_a_token_pasted_alone_is_never_named_even_where_it_reads_as_a_key(tmp_path: Path) -> None:
    # a token holding "=" read as "key = value": its first part was offered as the key
    path = tmp_path / "config.toml"
    path.write_text("[secrets]\nQm7fakeTokenHead1x=Zq9fakeTokenTail\n")
    with pytest.raises(ConfigError) as bad:
        load_config(path)
    said = f"{bad.value.message} {bad.value.hint}"
    assert bad.value.hint == 'put text values in quotes: key = "..." on line 2'
    assert "Qm7fakeTokenHead1x" not in said and "Zq9fakeTokenTail" not in said
    path.write_text("[secrets]\nQm7fakeTokenHead%2Fwhole\n")  # no "=" at all
    with pytest.raises(ConfigError) as alone:
        load_config(path)
    assert alone.value.message.endswith("line 2: not valid TOML (a line that is not key = value)")
    assert alone.value.hint.startswith('write line 2 as key = "value" (a token after its key')
    assert "Qm7fakeTokenHead" not in f"{alone.value.message} {alone.value.hint}"


def test_a_quote_left_open_on_the_last_line_and_a_windows_path_name_their_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[secrets]\nx_bearer_token = "Qm7fakeTokenHead')  # no end of line
    with pytest.raises(ConfigError) as open_quote:
        load_config(path)
    assert open_quote.value.message == (
        f"{path}, line 2: not valid TOML (a quote opened and not closed)"
    )
    assert "Qm7fakeTokenHead" not in f"{open_quote.value.message} {open_quote.value.hint}"
    for folder in ("C:\\Users\\me\\avatars", "C:\\Temp\\avatars"):
        path.write_text(f'[x]\nbase_url = "{folder}"\n')
        with pytest.raises(ConfigError) as windows:
            load_config(path)
        assert windows.value.message.endswith("line 2: not valid TOML (a \\ inside double quotes)")
        assert windows.value.hint.startswith("put the text of line 2 in single quotes")
