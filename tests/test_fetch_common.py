"""What every fetcher shares: the [fetch] settings (typed and checked) and count limits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from staffpulse.config import load_config
from staffpulse.errors import ConfigError, InputError
from staffpulse.fetch.common import FetchSettings, check_count


def test_settings_defaults_and_fallback_to_x_wait() -> None:
    settings = FetchSettings.from_config({})
    assert (settings.timeout, settings.avatar_max, settings.max_wait) == (20.0, 2_000_000, 900.0)
    assert FetchSettings.from_config({"x": {"max_wait_seconds": 5}}).max_wait == 5.0
    both = {"x": {"max_wait_seconds": 5}, "fetch": {"max_wait_seconds": 7}}
    assert FetchSettings.from_config(both).max_wait == 7.0
    assert FetchSettings.from_config({"fetch": {"avatar_max_bytes": 2e6}}).avatar_max == 2_000_000


@pytest.mark.parametrize(
    ("toml", "expected"),
    [('timeout_seconds = "twenty"', '[fetch] timeout_seconds = "twenty" is text; expected a number'),
     ("timeout_seconds = 0", "[fetch] timeout_seconds = 0 must be more than 0"),
     ("avatar_max_bytes = 1.5", "[fetch] avatar_max_bytes = 1.5 is a number; expected a whole number"),
     ("avatar_max_bytes = true", "[fetch] avatar_max_bytes = true is true/false; expected a whole"),
     ("max_wait_seconds = [1]", "[fetch] max_wait_seconds = [1] is a list; expected a number")],
)  # fmt: skip
def test_wrong_settings_name_the_file_and_key(tmp_path: Path, toml: str, expected: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[fetch]\n{toml}\n")
    with pytest.raises(ConfigError, match=re.escape(expected)) as caught:
        FetchSettings.from_config(load_config(path))
    assert caught.value.message.startswith(f"{path}: ") and caught.value.exit_code == 78
    assert str(path) in (caught.value.hint or "")


def test_counts() -> None:
    check_count("max_posts", 1, 1)
    check_count("max_follows", 0, 0)
    with pytest.raises(InputError, match="--max-posts -3: must be 1 or more"):
        check_count("max_posts", -3, 1)
    with pytest.raises(InputError) as caught:
        check_count("max_follows", -1, 0)
    assert "--max-follows 0: none" in (caught.value.hint or "")
