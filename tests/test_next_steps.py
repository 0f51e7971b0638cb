"""Steps a message tells the user to take (staffpulse.next_steps): said in the terminal's words,
and found back, with their values, in the text of a longer message."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse import next_steps as steps
from staffpulse.next_steps import IMPORT_OR_FETCH_TIMELINE, STEPS, Step

# a value of each field a step names, as the library fills it in
VALUES = {
    "platform": "bluesky",
    "handle": "acme.bsky.social",
    "them": "them",
    "verb": "may be",
    "file": "people.csv",
    "names": "X archive, twarc2",
    "host": "api.x.com",
    "name": "Bluesky",
    "roles": "recruiter, hr_pro, any",
    "formats": "x-list or csv",
    "segments": "staffing_firm, vendor",
    "line": "3",
    "encoding": "cp1252",
    "example": "you.bsky.social",
    "fields": "author_id&expansions=author_id",
    # a config file in a folder whose name has spaces, as on a Mac
    "origin": "[secrets] x_bearer_token in /Users/rosa/Application Support/config.toml",
    # the config file staffpulse reads, named by its path (next_steps.shown_config_path)
    "config": "/Users/rosa/Library/Application Support/staffpulse/config.toml",
    "status": "401",
    "reason": "no connection",
    "options": "--include-contacts and --role any",
    "article": "an",
    "kind": "app.bsky.feed.like",
    "error": "InternalServerError, HTTP 500",
    "cohort_line": "acmestaffing,x,staffing_firm",
    "amount": "$1,250.00",
    "min_posts": "5",
}


def test_a_step_is_said_with_its_values() -> None:
    said = IMPORT_OR_FETCH_TIMELINE.say(platform="mastodon", handle="acme@staffing.example")
    assert said.endswith("staffpulse fetch mastodon @acme@staffing.example")


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.terminal[:40])
def test_every_step_is_found_in_a_message_that_says_it(step: Step) -> None:
    values = {field: VALUES[field] for field, _ in step.fields}
    message = f"no posts of @acme in the store ({step.say(**values)}); nothing else to do"
    found = step.pattern().search(message)
    assert found is not None and found.group(0) == step.say(**values)
    assert found.groupdict() == values


def test_a_value_named_twice_must_be_the_same_both_times() -> None:
    step = Step("fetch {handle}, then audit {handle}")
    assert step.pattern().fullmatch(step.say(handle="acme"))
    assert not step.pattern().fullmatch("fetch acme, then audit brightpath")


def test_the_words_around_a_value_are_matched_as_written_not_as_a_pattern() -> None:
    step = Step("(see the guide.) {page}", (("page", r"\w+"),))
    assert step.pattern().search("x (see the guide.) formats")
    assert not step.pattern().search("x (see the guideX) formats")


def test_a_step_said_knows_its_step_until_it_is_made_part_of_a_sentence() -> None:
    from staffpulse.next_steps import Said

    said = IMPORT_OR_FETCH_TIMELINE.say(platform="x", handle="acme")
    assert isinstance(said, Said) and said.step is IMPORT_OR_FETCH_TIMELINE
    assert said.values == {"platform": "x", "handle": "acme"}
    assert not isinstance(f"no posts ({said})", Said)
    assert not isinstance(said + ".", Said)


def test_an_error_with_a_step_for_hint_crosses_to_another_process_as_its_text() -> None:
    """Dask pickles an error raised in a worker: its hint arrives as the text it says."""
    import pickle

    from staffpulse.errors import InputError

    said = IMPORT_OR_FETCH_TIMELINE.say(platform="x", handle="acme")
    back = pickle.loads(pickle.dumps(InputError("no posts of @acme", hint=said)))
    assert back.hint == str(said) and type(back.hint) is str


def test_advice_about_the_config_file_names_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: "set ... x_bearer_token in config.toml" left a marketer asking where that file is."""
    monkeypatch.delenv("STAFFPULSE_CONFIG", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path / ".config" / "staffpulse"))
    said = steps.SET_X_TOKEN.say()
    assert said.endswith("x_bearer_token in ~/.config/staffpulse/config.toml")
    assert said.values == {"config": "~/.config/staffpulse/config.toml"}
    elsewhere = tmp_path.parent / "team settings" / "staffpulse.toml"
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(elsewhere))
    assert steps.CHECK_APPVIEW_CONFIG.say() == f"check [bluesky] appview_url in {elsewhere}"
    said = steps.SET_X_TOKEN.say()
    # found again in a longer hint, the whole path and nothing after it
    for hint in (f"{steps.RAISE_MAX_WAIT.say()}; nothing was fetched", f"{said}. Then again"):
        step = steps.RAISE_MAX_WAIT if hint.startswith("or") else steps.SET_X_TOKEN
        found = step.pattern().search(hint)
        assert found is not None and found.group("config") == said.values["config"], hint
