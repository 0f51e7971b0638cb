"""Write the given names and surnames of other countries that the solo-recruiter rule reads.

    pip install faker==40.54.0   # MIT; needed by this script only, not by staffpulse
    apt-get install wamerican     # /usr/share/dict/words (SCOWL), to leave English words out
    python scripts/roles_intl_names.py

The US Census lists of ``scripts/roles_person_names.py`` miss most names from elsewhere
("Priya Patel", "Siobhan Murphy", "Oluwaseun Adeyemi"), so a solo recruiter with such a name
read as a staffing firm. The PyPI package Faker (MIT licence) ships lists of given names and
surnames for some 80 locales in its ``faker/providers/person/<locale>`` modules. This script
reads every locale but ``en`` and ``en_US`` (the Census covers the US, and Faker's ``en`` list
is a baby-name book full of English words such as "Summit") and writes
``src/staffpulse/signals/artifacts/person_names_intl.json``:

* ``first`` and ``last``: Latin-script names, folded to ASCII like screen names
  (:func:`staffpulse.signals.role_features.to_ascii`), lower case, one word each, 3 letters or
  more, not already in ``person_names.json``; particles such as "van" or "del" are left out,
  and so is every name that the English word list holds in lower case ("job", "love", "jade",
  "nova": Faker's lists hold them as names, screen names as words);
* ``first_native`` and ``last_native``: names in other scripts (Cyrillic, Greek, Devanagari,
  Arabic, CJK, ...), lower case (NFKC, casefold), which ASCII folding would erase; 2 letters or
  more, or one Chinese, Japanese or Korean sign;
* ``surname_first``: the surnames of the countries that say the surname first (Vietnam,
  China and Taiwan in their romanized forms, Japan, Hungary: "Nguyen Thi Mai", "Zhang Wei"),
  in the same form, English words left out (not "long" or "fan");
* ``middle``: the Vietnamese middle names ("Thi", "Van"), for "Nguyen Thi Mai".

Only the role tagger's placement rule reads this file
(``role_person_name.reads_as_a_persons_name``),
not the features of the trained heads, so a new list needs no retraining.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import unicodedata
from pathlib import Path

from staffpulse.signals.role_text import to_ascii

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "src" / "staffpulse" / "signals" / "artifacts"
OUT = ARTIFACTS / "person_names_intl.json"
SKIPPED_LOCALES = frozenset({"en", "en_US"})
# where the surname comes first, and the attribute holding it in Latin letters
SURNAME_FIRST = {
    "vi_VN": "last_names",
    "zh_CN": "last_romanized_names",
    "zh_TW": "last_romanized_names",
    "ja_JP": "last_romanized_names",
    "hu_HU": "last_names",
}
# surname particles, and words that are names in one language and everyday words in another
PARTICLES = frozenset(
    {"van", "von", "der", "den", "del", "della", "dos", "das", "ter", "ten", "bin", "ibn", "abu",
     "ben", "mac", "mc", "tsithigh"}
)  # fmt: skip


def fold(value: str) -> str:
    """As staffpulse folds a screen name: accents decomposed, what is not ASCII dropped."""
    return to_ascii(value).lower()


def is_latin(word: str) -> bool:
    """Every letter of the word is Latin (accented or not)."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in word)


def is_cjk(word: str) -> bool:
    """Chinese, Japanese or Korean signs, written without spaces between surname and name."""
    return all(
        unicodedata.name(ch, "").startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA"))
        for ch in word
    )


def values(provider: type, wanted: str) -> list[str]:
    """Every string of the provider's class attributes whose name holds ``wanted`` and "name"."""
    out: list[str] = []
    for attr in dir(provider):
        if attr.startswith("_") or wanted not in attr or "name" not in attr or "kana" in attr:
            continue
        value = getattr(provider, attr)
        if isinstance(value, dict):
            value = list(value)
        if isinstance(value, list | tuple | set | frozenset):
            out.extend(v for v in value if isinstance(v, str))
    return out


def add(words: list[str], latin: set[str], native: set[str]) -> None:
    for entry in words:
        for word in entry.replace("-", " ").split():
            if is_latin(word):
                folded = fold(word)
                if len(folded) >= 3 and folded.isalpha() and folded not in PARTICLES:
                    latin.add(folded)
            else:
                lowered = unicodedata.normalize("NFKC", word).casefold()
                # a Chinese, Japanese or Korean name may be one sign ("王", "伟")
                if lowered.isalpha() and (len(lowered) >= 2 or is_cjk(lowered)):
                    native.add(lowered)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--words", type=Path, default=Path("/usr/share/dict/words"))
    args = ap.parse_args(argv)
    try:  # a tool of this script only, not a dependency of staffpulse
        import faker
        import faker.providers.person as person
    except ImportError:
        raise SystemExit("this script needs Faker: pip install faker==40.54.0") from None
    if not args.words.is_file():
        raise SystemExit(f"{args.words} not found: apt-get install wamerican, or pass --words")
    english = {
        w for w in args.words.read_text(encoding="utf-8").split() if w.isalpha() and w.islower()
    }
    census = json.loads((ARTIFACTS / "person_names.json").read_text(encoding="utf-8"))
    first: set[str] = set()
    last: set[str] = set()
    first_native: set[str] = set()
    last_native: set[str] = set()
    locales = sorted(m.name for m in pkgutil.iter_modules(person.__path__) if m.ispkg)
    used = [loc for loc in locales if loc not in SKIPPED_LOCALES]
    for loc in used:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        add(values(provider, "first"), first, first_native)
        add(values(provider, "last"), last, last_native)
    surname_first: set[str] = set()
    for loc, attr in SURNAME_FIRST.items():
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        add(list(getattr(provider, attr)), surname_first, set())
    vi = importlib.import_module("faker.providers.person.vi_VN").Provider
    middle = {fold(m) for m in vi.middle_names if " " not in m}
    data = {
        "source": f"the person providers of the PyPI package Faker {faker.VERSION} (MIT "
        f"licence), {len(used)} locales, all but {', '.join(sorted(SKIPPED_LOCALES))}; given "
        "names and surnames not already in person_names.json (US Census 1990); Latin-script "
        "names folded to ASCII, lower case, 3 letters or more, less the lower-case words of "
        f"{args.words.resolve()} (Debian's wamerican, SCOWL); other scripts casefolded; "
        "written by scripts/roles_intl_names.py",
        "first": sorted(first - set(census["first"]) - english),
        "last": sorted(last - set(census["last"]) - english),
        "first_native": sorted(first_native),
        "last_native": sorted(last_native),
        "surname_first": sorted(surname_first - english),
        "middle": sorted(middle),
    }
    args.out.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    sizes = ", ".join(f"{len(v)} {k}" for k, v in data.items() if isinstance(v, list))
    print(f"wrote {args.out}: {sizes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
