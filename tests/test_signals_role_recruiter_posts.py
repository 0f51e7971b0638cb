"""A person whose own posts recruit for clients is a recruiter whatever the bio (stop 33).
Hand-written accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_recruiter_posts import posts_recruit_for_clients
from staffpulse.signals.roles import load_role_model

RECRUITERS = [
    ("Jin Park", "", ["My client, a fintech in Austin, is hiring two data engineers."]),
    ("Emma Wilson", "Mom. Runner. Coffee.", ["My client has a senior product role in Leeds."]),
    ("Raj Mehta", "Dad of two. Cricket fan.", ["I have 3 open reqs for nurses in Phoenix"]),
    ("sarah_k", "", ["I'm recruiting backend devs for a startup in Lisbon"]),
    ("Lena Vogt", "Coffee and cats.", ["I just placed another candidate at a bank in Zurich"]),
    ("Nia Bell", "Tea. Books.", ["I've got 4 open positions for welders in Hull"]),
]
OTHERS = [
    ("Bob's Bakery", "Fresh bread daily in Tulsa.", ["I'm hiring bakers! DM me."]),
    ("Ann Lee", "Attorney at law.", ["My client is looking forward to the hearing."]),
    ("Kim Ho", "Hair stylist.", ["My clients love this new color!"]),
    ("Tom Ray", "Campaign volunteer.", ["My candidate won the debate tonight!"]),
    ("Ed Fox", "Foodie.", ["I just placed an order for pizza"]),
    ("Mo Diaz", "", ["RT @janerecruits: My client is hiring a CFO. Send me your CV."]),
    ("Al Kay", "Works two jobs.", ["I have two jobs and no time"]),
    # a cafe owner, a study, a team, a charity and a lab recruit too; an actor has roles
    ("Fay Lo", "Runs a small cafe.", ["We need a barista, send me your CV"]),
    (
        "Ana Ruiz",
        "Psychology PhD.",
        ["I'm recruiting participants for my sleep study, please share"],
    ),
    ("Ben Ode", "Dad. Coach of the U12s.", ["I'm recruiting players for our Sunday league side"]),
    ("Gus Pim", "Food bank organiser.", ["I'm recruiting volunteers for the Saturday shift"]),
    ("Eli Dunn", "Professor of chemistry.", ["I am recruiting two PhD students for the autumn"]),
    ("Cleo Ray", "Actor. London.", ["I have two roles in the new play this spring"]),
]


@pytest.mark.parametrize(("name", "bio", "posts"), RECRUITERS)
def test_posts_of_a_recruiters_own_work_recruit_for_clients(
    name: str, bio: str, posts: list[str]
) -> None:
    assert posts_recruit_for_clients(posts)


@pytest.mark.parametrize(("name", "bio", "posts"), OTHERS)
def test_an_owner_a_lawyer_a_study_an_actor_or_a_retweet_do_not(
    name: str, bio: str, posts: list[str]
) -> None:
    assert not posts_recruit_for_clients(posts)


def test_recruiters_known_by_their_posts_are_tagged_so_and_the_others_stay() -> None:
    model = load_role_model()
    names, bios, posts = zip(*RECRUITERS, *OTHERS, strict=True)
    with rules_off(model, "recruiter_posts"):
        before = model.predict(list(names), list(bios), list(posts)).role
    out = model.predict(list(names), list(bios), list(posts))
    assert before == ["other"] * len(names)
    assert out.role == ["recruiter"] * len(RECRUITERS) + ["other"] * len(OTHERS)
    assert set(out.kind[: len(RECRUITERS)]) == {"person"}


def test_an_account_without_posts_is_left_to_the_heads() -> None:
    out = load_role_model().predict(["Emma Wilson"], ["Mom. Runner. Coffee."], None)
    assert out.role == ["other"]
