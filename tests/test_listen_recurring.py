"""A wrong that keeps coming is a complaint; a joke's "every time" is not one."""

from __future__ import annotations

from staffpulse.listen.jokes import reads_as_joke
from staffpulse.listen.recurring import happens_again


def test_a_wrong_again_or_every_time_to_the_writer_keeps_coming() -> None:
    for text in (
        "Payroll shorted my check again.",
        "Every time I ask for a day off, the rota is suddenly full.",
        "They move my shift every time without asking.",
        # the clause "every time" leads into lands the wrong on the writer
        "Every time someone quits, their caseload lands on me with no extra pay.",
        "Every time a new director starts, the rota is torn up and we lose our regular shifts.",
    ):
        assert happens_again(text), text
        assert not reads_as_joke(text, 0.95), text


def test_every_time_in_a_jokes_world_is_no_wrong_to_the_writer() -> None:
    # the clause of "every time" is the joke's world, not the teller's lot
    joke = "I took a job at a clock shop, but every time the boss walks past, the cuckoos hide."
    assert not happens_again(joke)
    # ... and the clause it leads into is the joke's scene, even beside the teller
    scene = "I took a job at a zoo. Every time the keeper yawns, the lion yawns next to me!"
    assert not happens_again(scene)
    assert reads_as_joke(joke, 0.95) and not reads_as_joke(joke, 0.3)
