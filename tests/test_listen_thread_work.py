"""Which post makes a thread about work, and when one reply is not enough to offer it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from staffpulse.listen.thread_work import (
    asks_for_work,
    firm_reply_ids,
    focus_reason,
    quote,
    thread_work,
)
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
PROMO = "My partners are donating $200k to the Riverside Youth League. Tag them to spread the word"


def thread(opening: str, *replies: str, root: bool = True) -> Conversation:
    first = Post(platform="x", id="c", author_id="star", author_handle="star", text=opening,
                 created_at=NOW)  # fmt: skip
    posts = [
        Post(platform="x", id=f"r{i}", author_id=f"u{i}", author_handle=f"fan{i}", text=text,
             kind="reply", reply_to_post_id="c", conversation_id="c",
             created_at=NOW + timedelta(minutes=i + 1))
        for i, text in enumerate(replies)
    ]  # fmt: skip
    return Conversation("x", "c", tuple([first, *posts] if root else posts))


def verdicts(conv: Conversation, relevant: dict[str, float]) -> dict[str, tuple[float, bool]]:
    """Every post judged: those in ``relevant`` about work with that score, the rest not."""
    return {p.id: (relevant.get(p.id, 0.05), p.id in relevant) for p in conv.posts}


def test_one_work_reply_does_not_carry_a_thread_whose_opening_is_not_about_work() -> None:
    promo = thread(PROMO, "@star I lost my job, can't pay my bill", "@fan0 They will help you")
    work = thread_work(promo, verdicts(promo, {"r0": 0.88}))
    assert work.off_work and work.focus is not None and work.focus.id == "r0"
    assert focus_reason(work.focus) == (
        "the work talk is in a reply by @fan0: 'I lost my job, can't pay my bill'"
    )


def test_a_thread_stays_when_half_its_posts_are_about_work() -> None:
    pair = thread(PROMO, "@star Would this help laid-off workers find a job?")
    work = thread_work(pair, verdicts(pair, {"r0": 0.7}))
    assert not work.off_work and work.focus is not None and work.focus.id == "r0"


def test_the_most_relevant_reply_is_named() -> None:
    conv = thread(PROMO, "@star my job", "@star our recruiters", "@star our hiring freeze")
    work = thread_work(conv, verdicts(conv, {"r0": 0.6, "r1": 0.9, "r2": 0.9}))
    assert work.focus is not None and work.focus.id == "r1"  # the earliest of the best
    assert not work.off_work  # three of four posts


def test_an_opening_about_work_carries_the_thread_and_names_no_reply() -> None:
    question = thread("How do you keep candidates warm?", "@star lol", "@star same")
    work = thread_work(question, verdicts(question, {"c": 0.9}))
    assert not work.off_work and work.focus is None
    # a clear work word is enough: the classifier misses some work posts
    missed = thread("How fast do you reply to a new applicant?", "@star within the hour", "@x ok")
    work = thread_work(missed, verdicts(missed, {"r0": 0.8}))
    assert not work.off_work and work.focus is None


def test_an_opening_never_judged_is_not_clearly_off_work() -> None:
    image = thread("", "@star where do I apply for this job?", "@fan0 nice", "@fan0 cool")
    work = thread_work(image, {"r0": (0.9, True), "r1": (0.1, False), "r2": (0.1, False)})
    assert work.opening_work is None and not work.off_work
    assert work.focus is not None and work.focus.id == "r0"


def test_without_the_first_post_the_earliest_stored_one_is_the_opening() -> None:
    chain = thread(PROMO, "@star Thank you", "@star can I install it on the laptop my employer gave me",
                   "@star nice", root=False)  # fmt: skip
    work = thread_work(chain, verdicts(chain, {"r1": 0.6}))
    assert work.off_work and work.focus is not None and work.focus.id == "r1"


def test_the_quote_drops_leading_handles_and_is_cut() -> None:
    assert quote("@a @b.bsky.social, I lost my job") == "I lost my job"
    assert quote("@only") == "@only"
    long = quote("word " * 40)
    assert len(long) == 80 and long.endswith("…")


def test_a_care_desks_stock_reply_does_not_carry_an_off_work_thread() -> None:
    gouging = thread(
        "Stop letting sellers charge $80 for toilet paper!",
        "Rest assured our team is working to have these removed!",
    )
    # the text alone gives the desk away (a "fan" handle)
    work = thread_work(gouging, verdicts(gouging, {"r0": 0.9}))
    assert work.focus is None and work.off_work  # left out, not "reply to the care desk"
    for handle in ("AskShopCo", "ShopCoSupport", "TeamTube", "PhotoAppCare"):
        conv = thread("My photos upload at half size", "@star please share feedback with us")
        conv = Conversation("x", "c", (conv.posts[0], replace(conv.posts[1], author_handle=handle)))
        work = thread_work(conv, verdicts(conv, {"r0": 0.9}))
        assert work.focus is None and work.off_work, handle
    # a healthcare staffing desk is no care desk: its reply still carries the thread
    nurse = thread("Long shifts this winter", "@star our nurses are hiring for night shifts")
    desk = replace(nurse.posts[1], author_handle="AcmeHealthcare")
    nurse = Conversation("x", "c", (nurse.posts[0], desk))
    work = thread_work(nurse, verdicts(nurse, {"r0": 0.9}))
    assert work.focus is not None and not work.off_work


def test_the_authors_own_reply_is_not_work_talk_from_someone_else() -> None:
    trip = thread("Feels weird to be home after such a long vacation", "back to work now.")
    own = replace(trip.posts[1], author_id="star", author_handle="star")
    trip = Conversation("x", "c", (trip.posts[0], own))
    work = thread_work(trip, verdicts(trip, {"r0": 0.8}))
    assert work.focus is None and work.off_work


def test_the_classifiers_yes_on_ambiguous_words_alone_is_not_work() -> None:
    # the classifier says yes to "working", "client", "office": no work matter is named
    for text in (
        "Working on a big repo? These shell aliases will save you hours",
        "Client-side rendering versus server templates: a shootout",
        "Last day in the office this year, off to the mountains!",
    ):
        post = thread(text)
        work = thread_work(post, verdicts(post, {"c": 0.95}))
        assert work.opening_work is False and work.off_work, text
    # nor does such a post count as work talk that carries a thread
    tips = thread("Our new album drops Friday", "@star working through it now, love track 3")
    assert thread_work(tips, verdicts(tips, {"r0": 0.9})).off_work


def test_a_keyword_of_the_users_own_list_is_trusted() -> None:
    gig = thread("Is the gig economy here to stay?")
    assert thread_work(gig, verdicts(gig, {"c": 1.0})).off_work  # no work word of ours
    assert not thread_work(gig, verdicts(gig, {"c": 1.0}), keyword_hits={"c"}).off_work


def test_a_workplace_question_the_classifier_misses_is_not_left_out() -> None:
    # harassment at work, a union vote, a cut shift: the opening names a work matter, so the
    # thread is about work although the classifier said no to every post
    for opening in (
        "Where do I report harassment at work if the owner is the problem?",
        "Our union vote is Friday and they keep calling mandatory meetings. Legal?",
        "my shift got cut again with one day's notice",
    ):
        conv = thread(opening, "@star that is rough", "@star same at my place")
        work = thread_work(conv, verdicts(conv, {}))
        assert work.opening_work and not work.off_work, opening


def test_the_writers_workday_is_no_work_matter_even_beside_the_classifiers_yes() -> None:
    # "at work" is where the writer is, not what the post is about: a firm has no line to add
    commute = thread("Stuck at work till nine again, the printer jammed twice")
    assert thread_work(commute, verdicts(commute, {"c": 0.8})).off_work
    review = thread("At work all day prepping for my performance review tomorrow")
    assert not thread_work(review, verdicts(review, {"c": 0.8})).off_work  # a work matter


def test_a_job_as_a_figure_of_speech_makes_no_thread_about_work() -> None:
    # "a full time job" said of a love life was offered to join with a recruiter's angle: its
    # one "job" is a figure, and the classifier's yes on it is no work talked of
    quip = thread("Owning a husky is a full time job. Do not apply if you like clean floors.")
    assert thread_work(quip, verdicts(quip, {"c": 0.95})).off_work
    # a real work word beside the figure, or a second job, still makes it about work
    for text in (
        "Being a recruiter is a full time job. How do you switch off in the evening?",
        "My garden is a full time job, and my actual job pays for the seeds",
    ):
        told = thread(text)
        assert thread_work(told, verdicts(told, {"c": 0.95})).opening_work, text


def test_a_plan_made_with_a_friend_around_one_shift_makes_no_thread_about_work() -> None:
    # offered before with "agree or push back with a data point from your recruiters"
    plan = thread(
        "@jo_b swapping my late shift with Tom, then maybe we can grab a bite if you come"
    )
    assert thread_work(plan, verdicts(plan, {"c": 0.9})).off_work
    # a shift talked of as work, or a plan beside a second work matter, still is
    for text in (
        "Can anyone cover my late shift Saturday? My manager says I must find someone myself",
        "Let's grab coffee after my shift, I need advice on asking my manager for a raise",
        # a plan whose one work word is its subject, not its hours
        "Wanna come to our hiring event Thursday? We're taking walk-ins",
        "If you are free Tuesday, the interview slot at 3 is yours",
        "We could hang out at the career fair booth together",
    ):
        told = thread(text)
        assert thread_work(told, verdicts(told, {"c": 0.9})).opening_work, text


def test_a_reply_asking_for_a_job_carries_the_thread_whatever_its_share() -> None:
    # a founder's team photo, a seeker asking what is open, a care desk's stock answer: one
    # post of three is about work, and it is a candidate asking in public
    team = "Our new crew had pizza on the roof tonight. More soon, new friends!"
    asked = thread(team, "@star I'd love to join the team! Five years in retail. What jobs do you"
                   " have open?", "@fan0 Thanks for the love! Check our site for openings ^DM")  # fmt: skip
    work = thread_work(asked, verdicts(asked, {"r0": 0.85}))
    assert not work.off_work and work.focus is not None and work.focus.id == "r0"
    # a customer's lost job told under a promo is still no thread about work
    promo = thread(PROMO, "@star I lost my job, can't pay my bill", "@fan0 They will help you")
    assert thread_work(promo, verdicts(promo, {"r0": 0.88})).off_work


def test_asking_for_work_is_a_question_for_a_job_not_any_joining() -> None:
    assert asks_for_work("@bakery are you guys still hiring for the weekend?")
    assert asks_for_work("How do I apply? I have two years on a forklift")
    assert not asks_for_work("I want to join the climbing club this spring")
    assert not asks_for_work("Which jobs do you hate doing around the house?")


def test_the_firms_own_reply_neither_carries_a_thread_nor_thins_one_out() -> None:
    # u0 is the firm: its banter would be half a two-post thread, and the reasons would
    # send it to answer itself; the classifier says yes to "boss" as the real one may
    climb = thread(
        "Sent my first 7a today, arms like noodles", "@star absolute boss, see you at the wall"
    )
    firm = firm_reply_ids(climb, {"u0"})
    assert not thread_work(climb, verdicts(climb, {"r0": 0.7})).off_work
    banter = thread_work(climb, verdicts(climb, {"r0": 0.7}), firm_replies=firm)
    assert banter.off_work and banter.focus is None and banter.judged == 1
    # someone else's work talk carries the thread as it did before the firm answered it
    lost = thread("Sent my first 7a today, arms like noodles", "@star wish I could, laid off on Friday",
                  "@fan0 so sorry to hear that, send us a DM")  # fmt: skip
    said = verdicts(lost, {"r0": 0.8})
    assert thread_work(lost, said).off_work  # one post of three, the firm's counted
    answered = thread_work(lost, said, firm_replies=firm_reply_ids(lost, {"u1"}))
    assert not answered.off_work and answered.focus is not None and answered.focus.id == "r0"
    # shown as the opening when the post it answered is not stored, it is all the thread there is
    alone = thread("", "@star total boss move", root=False)
    assert firm_reply_ids(alone, {"u0"}) == frozenset()
    # under an opening never judged (a photo), its banter alone is no thread about work either
    photo = thread("", "@star absolute boss, see you at the wall")
    alone_said = {"r0": (0.7, True)}
    assert not thread_work(photo, alone_said).off_work
    assert thread_work(photo, alone_said, firm_replies=firm_reply_ids(photo, {"u0"})).off_work


def test_pride_in_ones_own_workplace_keeps_a_thread_about_work() -> None:
    # the model scored the opening low; its pride in the clinic is still about the workplace
    clinic = thread(
        "So proud of our clinic: twenty years of early mornings and Friday cake today",
        "@star Congrats, well earned",
        "@star Lovely news",
    )
    assert not thread_work(clinic, verdicts(clinic, {})).off_work
    # pride in a side or a child names no workplace
    match = thread("Proud of our team tonight, what a comeback in the second half", "@star yes!")
    assert thread_work(match, verdicts(match, {})).off_work
