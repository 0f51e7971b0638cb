"""How the dashboard says each step the library's messages give (staffpulse.web.wording's
PAGE_STEPS): every step has the page's words, and a message that gives a step reaches the page
without its terminal words, whatever those words are now."""

from __future__ import annotations

import pytest

from staffpulse.next_steps import STEPS, Step
from staffpulse.step_wording import StepWording
from staffpulse.web.wording import PAGE_STEPS, web_text
from test_next_steps import VALUES
from test_web_wording_sources import terminal_wording


def test_every_step_has_the_pages_words() -> None:
    assert [step.terminal for step in STEPS if step not in PAGE_STEPS] == []


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.terminal[:40])
def test_a_step_reaches_the_page_in_the_pages_words(step: Step) -> None:
    said = step.say(**{field: VALUES[field] for field, _ in step.fields})
    shown = web_text(f"@acme has nothing to show: {said}")
    assert shown.startswith("@acme has nothing to show:")
    assert said not in shown and terminal_wording(shown) == []


def test_a_step_only_the_terminal_can_take_leaves_the_page_with_its_joint() -> None:
    from staffpulse.next_steps import SCORE_TEXTS

    said = f"its records are texts (see the guide). {SCORE_TEXTS.say(file='posts.csv')}"
    assert PAGE_STEPS[SCORE_TEXTS] is None
    assert web_text(said) == "its records are texts (see the guide)"


def test_tagging_a_file_of_accounts_by_role_is_said_as_whoever_runs_staffpulse_can() -> None:
    """The terminal's "staffpulse roles people.csv" was left out of the page whole: a firm
    that uploaded a file of accounts with bios heard nothing of what can be done with it."""
    from staffpulse.next_steps import TAG_ACCOUNTS

    said = f"its records are accounts. {TAG_ACCOUNTS.say(file='people.csv')}"
    assert web_text(said) == (
        "its records are accounts. Whoever set up staffpulse can tag these accounts by role "
        "(staffing firm, recruiter, HR and the like) as the file is, with its roles command"
    )


def test_a_reworded_step_is_still_said_the_pages_way() -> None:
    """The page finds a step by its own words: were they to change, so would what it finds."""
    from staffpulse.web.wording import _left_out

    reworded = Step("run staffpulse import FILE first")
    wording = StepWording({reworded: "import on the Import page first"}, left_out=_left_out)
    assert wording.say(f"nothing here; {reworded.say()}") == (
        "nothing here; import on the Import page first"
    )


def test_a_bluesky_record_that_is_no_post_is_named_by_what_it_is_for_a_person() -> None:
    from staffpulse.next_steps import NOT_A_POST

    feed = NOT_A_POST.say(article="an", kind="app.bsky.feed.generator")
    like = NOT_A_POST.say(article="an", kind="app.bsky.feed.like")
    assert (
        web_text(f"gen.json: {feed}") == "gen.json: a Bluesky custom feed's description, not a post"
    )
    assert web_text(like) == "a Bluesky record of another kind (app.bsky.feed.like), not a post"


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.terminal[:40])
def test_a_hint_that_is_one_step_reads_the_same_from_the_step_as_from_its_words(
    step: Step,
) -> None:
    """An error's hint said by a step (``hint=STEP.say()``) carries the step: the page says
    it from the step, in the very words the pattern once found in the text."""
    said = step.say(**{field: VALUES[field] for field, _ in step.fields})
    assert web_text(said) == web_text(str(said))


def test_a_hint_that_is_one_step_reaches_the_page_whatever_its_values_look_like() -> None:
    """A value the step's pattern does not expect (a handle with a space, as a CSV cell may
    hold) left its end dangling after the page's words when found by pattern ("...Fetch an
    account live) staffing"); the step carried whole is said the page's way, and only that."""
    from staffpulse.next_steps import IMPORT_OR_FETCH_TIMELINE

    said = IMPORT_OR_FETCH_TIMELINE.say(platform="bluesky", handle="acme staffing")
    assert web_text(str(said)).endswith(") staffing")  # found by pattern
    assert web_text(said) == PAGE_STEPS[IMPORT_OR_FETCH_TIMELINE]


def test_a_mastodon_handle_on_a_port_is_advised_whole_the_pages_way() -> None:
    """Seen on a real audit (an account of a Mastodon server on port 3000): the picture advice
    was found only up to the colon, and the page said half of it with the command around it:
    "Run `on the Import page, ... fetch acme@localhost:3000` (with your --db, if you use one)"."""
    from staffpulse.next_steps import FETCH_AND_CHECK_PICTURE

    said = FETCH_AND_CHECK_PICTURE.say(platform="mastodon", handle="acme@social.example:3000")
    shown = web_text(f"We could not check your picture. {said}. A photo scores best.")
    assert "--db" not in shown and "staffpulse" not in shown and "`" not in shown
    assert shown == web_text(
        f"We could not check your picture. {FETCH_AND_CHECK_PICTURE.say(platform='mastodon', handle='acme')}. A photo scores best."
    )  # as for a handle without a port
