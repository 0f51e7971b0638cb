"""The role tagger's own hashing (staffpulse.signals.role_hashing) gives scikit-learn's
``HashingVectorizer`` matrices bit for bit, so the shipped weights read the same columns, and
tagging accounts no longer imports scikit-learn (about a second of every roles/connect run)."""

from __future__ import annotations

import json
import random
import string
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32 as sklearn_murmurhash

from staffpulse.signals.role_features import AccountFeaturizer, prepare, sample_posts
from staffpulse.signals.role_hashing import hash_char_wb, hash_words, murmurhash3_32
from staffpulse.signals.roles import RoleTagger

TOKENS = r"(?u)#?\b\w+\b"
COMMON = {"alternate_sign": False, "norm": "l2", "dtype": np.float32}
BIOS = [
    "",
    " ",
    "a",
    "ab",
    "Recruiter @ Northwind Health | nurses & allied pros | DM me",
    "We place warehouse and forklift talent across the Tri-County area since 2004.",
    "#hiring #nursing   #jobs\tRN needed, nights, apply via xurlx",
    "Mom of 3. Runner. Coffee first, then spreadsheets.",
    "Café owner in São Paulo. Ünïcödé, İstanbul, straße, 東京, emoji 😀🎉",
    "x" * 150 + " short",
]


def _random_texts(count: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    alphabet = string.ascii_letters + string.digits + "    #_-.,!?@\n\t" + "éÅİßü中😀"
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 240))) for _ in range(count)]


def _assert_same(ours: sp.csr_matrix, theirs: sp.csr_matrix) -> None:
    ours, theirs = sp.csr_matrix(ours), sp.csr_matrix(theirs)
    ours.sort_indices()
    theirs.sort_indices()
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype == np.float32
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)  # bit for bit, not approximately


def test_murmurhash_matches_scikit_learn_for_every_tail_length() -> None:
    words = [("abcdefghijklm"[:n]) for n in range(14)] + ["é", "中文", "😀x", "#hiring now"]
    raw = [w.encode("utf-8") for w in words]
    buf = np.frombuffer(b"".join(raw) + b"\0\0\0", dtype=np.uint8)
    lengths = np.array([len(r) for r in raw])
    starts = np.cumsum(lengths) - lengths
    expected = [sklearn_murmurhash(r, seed=0) for r in raw]
    assert murmurhash3_32(buf, starts, lengths).tolist() == expected


@pytest.mark.parametrize(("ngrams", "bits"), [((2, 4), 16), ((3, 5), 18), ((3, 5), 10)])
def test_char_ngrams_are_scikit_learns(ngrams: tuple[int, int], bits: int) -> None:
    docs = BIOS + _random_texts(400)
    vectorizer = HashingVectorizer(
        analyzer="char_wb", ngram_range=ngrams, n_features=2**bits, **COMMON
    )
    _assert_same(hash_char_wb(docs, ngrams, 2**bits), vectorizer.transform(docs))


@pytest.mark.parametrize("bits", [18, 8])
def test_word_ngrams_are_scikit_learns(bits: int) -> None:
    docs = BIOS + _random_texts(400, seed=11)
    vectorizer = HashingVectorizer(
        analyzer="word", ngram_range=(1, 2), n_features=2**bits, token_pattern=TOKENS, **COMMON
    )
    _assert_same(hash_words(docs, (1, 2), 2**bits, TOKENS), vectorizer.transform(docs))


def test_batches_of_empty_texts_give_empty_rows() -> None:
    assert hash_words(["", "  "], (1, 2), 2**8, TOKENS).nnz == 0
    assert hash_char_wb([""], (2, 4), 2**8).shape == (1, 2**8)
    assert hash_words([], (1, 2), 2**8, TOKENS).shape == (0, 2**8)


def test_tagging_accounts_does_not_import_scikit_learn() -> None:
    """A user's `staffpulse roles` or `connect` run tags with the shipped weights only."""
    code = (
        "import sys\n"
        "from staffpulse.signals.roles import load_role_model\n"
        "out = load_role_model().predict(['AcmeStaffing'], ['We place nurses.'], [['Hiring RNs']])\n"
        "print(out.role[0], sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split(" ", 1)[1].strip() == "[]"


def test_the_tagger_keeps_scikit_learns_estimator_contract() -> None:
    tagger = RoleTagger(C_role=2.0, name_bits=10)
    twin = clone(tagger)
    assert twin is not tagger and twin.get_params() == tagger.get_params()
    assert repr(tagger) == "RoleTagger(C_role=2.0, name_bits=10)"
    with pytest.raises(ValueError, match="Invalid parameter 'nope'"):
        tagger.set_params(nope=1)


@pytest.mark.shared_data
def test_dev_accounts_get_the_features_the_model_was_trained_on(shared_data: Path) -> None:
    """The 500 labeled dev accounts: every hashed block equals scikit-learn's."""
    names, bios, texts = [], [], []
    for line in (shared_data / "accounts" / "roles_labeled_dev.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        names.append(record.get("name") or "")
        bios.append(record.get("description") or "")
        texts.append(record.get("text"))
    samples = [sample_posts(t if isinstance(t, str | list) else None) for t in texts]
    accounts = prepare(names, bios, [s for s, _ in samples], [k for _, k in samples])
    params = AccountFeaturizer().params
    words = HashingVectorizer(
        analyzer="word", ngram_range=(1, 2), n_features=2**params.word_bits,
        token_pattern=TOKENS, **COMMON,
    )  # fmt: skip
    name_chars = HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 4), n_features=2**params.name_bits, **COMMON
    )
    bio_chars = HashingVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), n_features=2**params.char_bits, **COMMON
    )
    ours = AccountFeaturizer(text_weight=0.5).transform(accounts)
    cut = np.cumsum([0, 2**params.name_bits, 2**params.word_bits, 2**params.word_bits])
    _assert_same(ours[:, : cut[1]], name_chars.transform([a.name for a in accounts]))
    _assert_same(ours[:, cut[1] : cut[2]], words.transform([a.bio for a in accounts]))
    _assert_same(ours[:, cut[2] : cut[3]], words.transform([a.text for a in accounts]) * 0.5)
    bio_block = ours[:, cut[3] : cut[3] + 2**params.char_bits]
    _assert_same(bio_block, bio_chars.transform([a.bio for a in accounts]))
