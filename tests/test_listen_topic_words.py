"""What a post is reduced to before it is grouped into topics, and which words name one."""

from __future__ import annotations

from collections import Counter

from staffpulse.listen.topic_words import (
    LABEL_STOP_WORDS,
    STOP_WORDS,
    choose_label,
    label_terms_of,
    preprocess,
)


def test_links_mentions_and_contractions_go_possessives_keep_their_word() -> None:
    text = preprocess("Why doesn’t the recruiter's team reply? We've asked @bob https://x.co/1 #HR")
    words = text.split()
    assert "recruiter" in words and "hr" in words and "team" in words
    assert not any("'" in w or "’" in w or w.startswith(("@", "http")) for w in words)


def test_label_stop_words_extend_the_grouping_ones() -> None:
    assert STOP_WORDS < LABEL_STOP_WORDS
    assert "month" in LABEL_STOP_WORDS and "month" not in STOP_WORDS


def test_a_label_prefers_distinctive_phrases_and_never_repeats_a_word() -> None:
    terms = Counter(label_terms_of()("salary transparency laws and salary transparency rules"))
    terms.update({"hiring": 1})
    idf = dict.fromkeys(terms, 1.0) | {"laws": 3.0}
    # the phrase seen twice; its words are taken; the one-offs ("laws", "hiring") are the words
    # of one post, not of the topic, so one names it only when nothing is seen twice
    assert choose_label(terms, list(terms), idf, 3) == ["salary transparency"]
    once = Counter({"laws": 1, "hiring": 1, "rules": 1})
    idf = {"laws": 3.0, "rules": 2.0, "hiring": 0.5}
    # one of them only: two words of one post read as a name of two unrelated things
    assert choose_label(once, list(once), idf, 3) == ["laws"]


def test_names_and_acronyms_inside_a_sentence_are_left_out_of_labels() -> None:
    from staffpulse.listen.topic_words import drop_names

    terms = label_terms_of()("Chris from the BBC says Brexit talks are stalling our hiring plans")
    assert "chris" in terms  # a sentence's first word cannot be told from a name
    assert not {"bbc", "brexit"} & set(terms)
    assert "hiring" not in terms  # a word of every work post names no topic
    assert drop_names("Our HR team loves it. Remote work rocks") == (
        "Our HR team loves it. Remote work rocks"  # a work acronym, a sentence start
    )
    headline = "Why Remote Work Is Here To Stay"  # title case: every word capitalised
    assert drop_names(headline) == headline


def test_a_pair_of_words_seen_once_is_not_a_phrase() -> None:
    terms = Counter(label_terms_of()("Mass shootings only occur when democrats hold office"))
    idf = dict.fromkeys(terms, 1.0)
    label = choose_label(terms, list(terms), idf, 3)
    assert label and not any(" " in w for w in label)


def test_work_terms_come_first_in_a_label() -> None:
    terms = Counter({"salary": 2, "sandwich": 2, "lunch": 2})
    assert choose_label(terms, list(terms), dict.fromkeys(terms, 1.0), 1) == ["salary"]


def test_the_medium_and_client_side_code_never_name_a_topic() -> None:
    analyze = label_terms_of()
    texts = [
        "Client-side MVC's major bug",
        "Responsive images: Client Hints explained",
        "Was nice meeting you at the meetup",
        "Email me the link to the slides",
    ]
    terms = {t for text in texts for t in analyze(text)}
    assert not terms & {"client", "clients", "meeting", "email", "link", "side"}
    assert "slides" in terms and "mvc" in terms  # the words that say what it is about stay
    assert "interview" not in analyze("Twenty Years of Jazz: An Interview with a drummer")
    assert "interview" in analyze("I have an interview with a bank tomorrow")


def test_a_contraction_typed_without_its_apostrophe_never_names_a_topic() -> None:
    analyze = label_terms_of()
    terms = set(analyze("you cant hire profs that arent any good and theyre not paid, whats up"))
    assert not terms & {"cant", "arent", "theyre", "whats"}
    assert "profs" in terms and "paid" in terms


def test_a_curly_apostrophe_or_opening_quote_reads_as_a_straight_one() -> None:
    """Phones type ’ and some keyboards ‘ where a straight ' is meant: the same words either way."""
    typed = "We're hiring: 'interview' tips for recruiter's clients, it's client-side"
    for curly in ("’", "‘"):
        assert preprocess(typed.replace("'", curly)) == preprocess(typed)


def test_slang_and_dropped_g_verbs_never_name_a_topic() -> None:
    analyze = label_terms_of()
    terms = set(analyze("smh im goin to the dream gig interview tryna land it lmao, idk tho"))
    assert not terms & {"goin", "tryna", "smh", "lmao", "idk"}
    assert "dream" in terms and "interview" in terms
