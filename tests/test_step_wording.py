"""An audience's words for the library's steps, applied the same way for the dashboard and the
client report."""

from __future__ import annotations

from staffpulse.next_steps import HANDLE, Step
from staffpulse.step_wording import StepWording, left_out_with_its_joint, say_in_words

FETCH = Step("run staffpulse fetch x {handle}", (("handle", HANDLE),))
IMPORT = Step("import its posts first (staffpulse import FILE)")
IMPORT_OR_LIST = Step("import its posts first (staffpulse import FILE), or list them")


def _dropped(step: Step) -> str:
    return r"(?:[.;,]? )?" + step.pattern_text()


def test_a_text_that_is_one_step_is_said_from_the_step_and_its_values() -> None:
    wording = StepWording({FETCH: "fetch {handle} on the Import page"}, left_out=_dropped)
    assert wording.say(FETCH.say(handle="acme")) == "fetch acme on the Import page"


def test_a_step_inside_a_longer_text_is_found_by_its_words_and_the_rest_is_kept() -> None:
    wording = StepWording(
        {FETCH: lambda handle: f"fetch {handle} on the Import page"}, left_out=_dropped
    )
    said = f"acme.json, line 3: no picture; {FETCH.say(handle='acme')}."
    assert wording.say(said) == "acme.json, line 3: no picture; fetch acme on the Import page."


def test_a_step_the_audience_leaves_out_goes_with_what_joined_it() -> None:
    wording = StepWording({IMPORT: None}, left_out=_dropped)
    assert wording.say(f"Acme has no posts; {IMPORT.say()}") == "Acme has no posts"
    assert say_in_words(None, {}) == ""


def test_a_step_holding_another_is_replaced_whole_before_its_part() -> None:
    wording = StepWording(
        {IMPORT: "import its posts", IMPORT_OR_LIST: "import or list them"}, left_out=_dropped
    )
    assert wording.say(f"not ranked: {IMPORT_OR_LIST.say()}") == "not ranked: import or list them"
    assert wording.say(f"not ranked: {IMPORT.say()}") == "not ranked: import its posts"


def test_text_without_a_known_step_passes_through_unchanged() -> None:
    wording = StepWording({FETCH: "fetch it on the Import page"}, left_out=_dropped)
    assert wording.say("3 posts skipped (file.csv, line 4)") == "3 posts skipped (file.csv, line 4)"


def test_a_left_out_step_in_brackets_goes_with_its_brackets() -> None:
    wording = StepWording({IMPORT: None}, left_out=left_out_with_its_joint)
    assert wording.say(f"Acme was not ranked ({IMPORT.say()}).") == "Acme was not ranked."
    assert wording.say(f"Acme has no posts; {IMPORT.say()}") == "Acme has no posts"
