"""Features for the account-role tagger: cleaned text, hashed n-grams and hand-made cues.

Everything here is stateless (no vocabulary is learned), so a trained model only has to ship
its linear weights plus the parameters below. The three inputs of an account are its screen
name, its bio and a sample of its posts:

* the **name** is split on case changes, digits and underscores (``TCGJobs`` -> ``tcg jobs``)
  and hashed as character n-grams, which also catches first names of people;
* the **bio** and the **posts** are hashed as word uni/bi-grams (separate namespaces), and the
  bio also as character n-grams;
* **cues** are regular expressions written for this domain (``tmj_`` prefix, "jobs" in the
  name, "staffing", "talent acquisition", "HR", "ATS", first-person words ...), counted per
  field and squashed with ``log1p``.

Texts are reduced to ASCII after Unicode decomposition, so that the mojibake of the 2015
training data and the emoji of live data both vanish in the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

_URL_RE = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_MENTION_RE = re.compile(r"@\w+")
_CAMEL_RE = re.compile(
    r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])"
)
_NON_WORD_RE = re.compile(r"[_\W]+")
_MAX_TEXT_CHARS = 4000


def to_ascii(value: str) -> str:
    """Decompose accents, drop what is still not ASCII (mojibake, emoji), squeeze spaces."""
    text = unicodedata.normalize("NFKD", value)
    text = text.encode("ascii", "ignore").decode("ascii")
    return " ".join(text.split())


def clean_text(value: str) -> str:
    """URLs and @mentions become placeholder words; the rest is ASCII-folded."""
    text = _URL_RE.sub(" xurlx ", value)
    text = _MENTION_RE.sub(" xmentionx ", text)
    return to_ascii(text)


def split_name(name: str) -> str:
    """``TCGJobs`` -> ``tcg jobs``; ``tmj_phl_retail`` -> ``tmj phl retail``."""
    text = to_ascii(name).lstrip("@")
    text = _CAMEL_RE.sub(" ", text)
    return " ".join(_NON_WORD_RE.sub(" ", text).lower().split())


def join_posts(text: str | Sequence[str] | None) -> str:
    """One string from zero, one or many posts (kept short: cues need a sample, not all)."""
    return sample_posts(text)[0]


def sample_posts(text: str | Sequence[str] | None) -> tuple[str, int]:
    """The posts joined by newlines (at most ~4,000 characters) and how many were kept."""
    if text is None:
        return "", 0
    if isinstance(text, str):  # one post: its own line breaks are just spaces
        return " ".join(text.split())[:_MAX_TEXT_CHARS], 1 if text.strip() else 0
    out: list[str] = []
    size = 0
    for post in text:
        if not isinstance(post, str) or not post.strip():
            continue
        out.append(" ".join(post.split()))  # one line per post
        size += len(out[-1]) + 1
        if size >= _MAX_TEXT_CHARS:
            break
    return "\n".join(out)[:_MAX_TEXT_CHARS], len(out)


# --- cues -----------------------------------------------------------------------------------
# Each cue is (name, field, pattern). field: "n" name (split, lower-case), "N" raw name,
# "b" bio, "t" posts. Patterns are case-insensitive unless they start with (?-i).

_I = re.IGNORECASE
CUES: tuple[tuple[str, str, str], ...] = (
    # job boards and job-ad bots
    ("tmj_prefix", "N", r"^tmj_"),
    ("name_jobs", "n", r"\bjobs?\b|jobs|job\b"),
    ("name_careers", "n", r"career"),
    ("name_hiring", "n", r"\bhir(e|ing)\b|hire"),
    ("name_recruit", "n", r"recruit|headhunt|talent"),
    ("name_staff", "n", r"staff|personnel|temps?\b|\bagency\b"),
    ("name_hr", "N", r"(?-i:HR(?![a-z]))|human_?resource|(?-i:People(?=[A-Z_]|$))"),
    (
        "bio_job_feed",
        "b",
        r"job (tweets|alerts|feed|listings?|postings?|leads|openings)"
        r"|latest (#?\w+ )?#?jobs|new (#?\w+ )?#?jobs|#jobs\b|jobs? (in|near|across) "
        r"|geo-?targeted|tweetmyjobs|from employer websites|find (a|the latest|your next) #?job|(sharing|tweeting|posting) (#?\w+ )?#?jobs"
        r"|jobs (in|around) the \w+ area|(latest|new|hottest) .{0,30}jobs?\b|freelance (\w+ )?jobs?",
    ),
    (
        "bio_job_board",
        "b",
        r"job ?board|job ?site|job search (engine|site)|all jobs|jobs? portal|vacancies|"
        r"job ?seekers?",
    ),
    ("bio_follow_jobs", "b", r"follow (us|this account|me)? ?(for|to get)? ?.{0,20}\bjobs?\b"),
    # staffing firms
    (
        "bio_staffing",
        "b",
        r"staffing|employment agency|recruitment agency|recruiting (firm|agency|company)"
        r"|placement (agency|firm|services?)|temp(orary)? (staff|work|agency|to perm)|temp-to-hire|\blocums?\b"
        r"|travel nurs|contract (staff|labou?r)|workforce solutions|we (place|match)|placing (people|candidates)",
    ),
    (
        "bio_recruiting_org",
        "b",
        r"\b(specialis\w*|speciali[sz]e|leader|experts?) (in|at) recruit|recruitment (specialists?|solutions|services|consultancy)"
        r"|recruit(ing|ment) (for|of) (the )?[A-Z]?\w+ (firms|companies|institutions|industry|sector|professionals)",
    ),
    (
        "bio_staffing_explicit",
        "b",
        r"staffing (firm|agency|company|corporation|services|solutions|group)|(employment|recruitment|recruiting"
        r"|placement|temp|temporary|personnel|nursing) agency|executive search|search firm|labou?r hire",
    ),
    # recruiters (people)
    (
        "bio_recruiter",
        "b",
        r"recruiter|recruiting|recruitment consultant|talent acquisition|\bsourcer\b|sourcing"
        r"|head ?hunt|talent (partner|scout|manager|advisor|specialist)|\bTA\b (lead|manager|partner)",
    ),
    ("bio_recruit_any", "b", r"recruit"),
    # hr professionals
    (
        "bio_hr",
        "b",
        r"(?-i:\bHR\b|\bHRBP\b|\bSHRM|\bSPHR\b|\bPHR\b|\bCIPD\b|\bHRD\b|\bHRM\b)|human resources?"
        r"|people (operations|ops|partner|team|and culture|& culture)|employee (relations|engagement|experience)"
        r"|employment (law|relations)|payroll|compensation|benefits (manager|specialist|consultant)|\bL&D\b"
        r"|learning (and|&) development|organi[sz]ational (development|effectiveness)|\bOD\b|workplace",
    ),
    (
        "bio_hr_title",
        "b",
        r"(?-i:\bHR\b) (manager|director|professional|pro|consultant|generalist|business partner"
        r"|leader|expert|blogger|advisor|specialist)|(chief people|head of people|vp,? (of )?(people|talent|hr))",
    ),
    # vendors
    (
        "bio_vendor_tech",
        "b",
        r"(?-i:\bATS\b)|applicant tracking|recruit(ing|ment) (software|platform|crm|technology|tech)"
        r"|hr ?(tech|software|platform|solutions?|services|cloud|company)|cloud-based hr|\bHCM\b|\bHRIS\b|payroll (software|services)"
        r"|background (checks?|screening)|video interview|assessment (tools?|platform)|talent (management|platform)",
    ),
    (
        "bio_vendor_train",
        "b",
        r"training|trainer|facilitat|workshops?|coach(ing)?\b|consult(ant|ancy|ing)"
        r"|management consult|leadership development|speaker|keynote",
    ),
    (
        "bio_vendor_combo",
        "b",
        r"(training|trainer|consult\w*|coach\w*|software|platform|solutions|services|technology|tools?|crm|company)"
        r"\W+(\w+\W+){0,5}(hr|hiring|recruit\w*|talent|employees|employers|managers|people management|workplace|leadership|staffing)\b"
        r"|(hr|hiring|recruit\w*|talent|employee|people|management|leadership|staffing|workforce)\W+(\w+\W+){0,2}(training|software|platform|"
        r"solutions|technology|crm|consult\w*|development|coaching|services|company)",
    ),
    (
        "bio_vendor_biz",
        "b",
        r"for (your )?(business|employers|recruiters|hr|companies|teams|small business)"
        r"|helping (companies|employers|businesses|organi[sz]ations|managers|recruiters)|our (platform|software|clients)",
    ),
    # employers and careers accounts
    (
        "bio_careers_page",
        "b",
        r"careers? (at|with|page|site|opportunities)|join (our|the) team|work (with|for) us"
        r"|we'?re hiring|now hiring|official (careers|jobs)|career services|career (development|centre|center)",
    ),
    (
        "bio_company",
        "b",
        r"\b(inc|llc|ltd|corp|corporation|plc|gmbh|co)\b\.?|company|firm\b|official|brand|shop|store"
        r"|restaurant|services|solutions|agency|association|university|college|school|we |our ",
    ),
    (
        "bio_sports_recruit",
        "b",
        r"(football|basketball|soccer|baseball|athlet\w*|hoops|sports|volleyball|prospects?|commits?)"
        r"\W+(\w+\W+){0,4}recruit|recruit\w*\W+(\w+\W+){0,4}(football|basketball|athlet\w*|hoops|coach|prospects?)",
    ),
    (
        "bio_media_fun",
        "b",
        r"music|hip ?hop|beats|songs?|fans?\b|celebrity|entertainment|gossip|gist|news\b|movies?|videos?"
        r"|games?|gaming|sports?|football|soccer|nfl|nba",
    ),
    # job seekers
    (
        "bio_job_seeker",
        "b",
        r"looking for (a |new )?(work|job|position|role|opportunit)|seeking (a |new )?(job|position|role|employment|opportunit)"
        r"|job ?seeker|open to (work|new opportunities|opportunities)|unemployed|my (resume|cv)|\bresume\b|available for (hire|work)",
    ),
    # people
    ("bio_first_person", "b", r"\b(i|i'm|im|my|me|mine|i've|i'll)\b"),
    (
        "bio_family",
        "b",
        r"\b(mom|mum|mother|dad|father|husband|wife|son|daughter|grandma|grandpa|parent|married|kids)\b",
    ),
    (
        "bio_views_own",
        "b",
        r"views?( expressed)? (are )?(my|mine|own)|opinions? (are )?(my|mine)|tweets? (are )?my own|rt.{0,4}(not|!=|=/=)",
    ),
    (
        "bio_personal_title",
        "b",
        r"\b(at|@) ?\w+|\b(senior|sr\.?|junior|lead|head|vp|director|manager|specialist|partner|executive|exec)\b",
    ),
    ("bio_org_we", "b", r"\b(we|our|us|we're|we are)\b"),
    # posts
    (
        "text_job_ad",
        "t",
        r"#?hiring\b|#jobs?\b|job opening|click to apply|apply (now|here|today|online)"
        r"|we'?re hiring|see our latest|could be a great fit|can you recommend anyone|now hiring|\bvacanc|#careers?\b"
        r"|job:|jobs? (in|at) #?\w+",
    ),
    (
        "text_hr_topic",
        "t",
        r"(?-i:\bHR\b)|human resources|recruit|talent|hiring|employee|workplace|candidates?|interview"
        r"|resume|onboarding|retention|engagement|payroll|#?leadership",
    ),
    ("text_first_person", "t", r"\b(i|i'm|im|my|me|lol|omg|lmao|u|ur)\b"),
    ("text_reply", "t", r"(?m)^\s*xmentionx"),
    ("text_url", "t", r"https?://|xurlx"),
    ("text_hashtags", "t", r"#\w+"),
)

_COMPILED: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (name, field, re.compile(pattern, 0 if pattern.startswith("(?-i") else _I))
    for name, field, pattern in CUES
)
CUE_NAMES: tuple[str, ...] = (
    *(name for name, _, _ in CUES),
    "bio_empty",
    "bio_length",
    "text_empty",
    "name_has_digits",
    "name_has_underscore",
    "name_words",
)


@dataclass(frozen=True)
class AccountText:
    """The three inputs of one account after cleaning."""

    raw_name: str
    name: str
    bio: str
    text: str
    n_posts: int = 1


def prepare(
    names: Sequence[str],
    bios: Sequence[str],
    texts: Sequence[str],
    n_posts: Sequence[int] | None = None,
) -> list[AccountText]:
    """Clean and align the three inputs (``None`` is read as an empty string).

    ``texts`` items are posts joined by newlines; ``n_posts`` says how many posts each holds
    (default 1), so that post cues are rates per post whatever the sample size.
    """
    counts = [1] * len(names) if n_posts is None else list(n_posts)
    out: list[AccountText] = []
    for name, bio, text, count in zip(names, bios, texts, counts, strict=True):
        raw = to_ascii(name or "")
        cleaned = "\n".join(clean_text(line) for line in (text or "").split("\n"))
        out.append(
            AccountText(
                raw_name=raw.lstrip("@"),
                name=split_name(name or ""),
                bio=clean_text(bio or ""),
                text=cleaned.strip(),
                n_posts=max(1, count),
            )
        )
    return out


def cue_matrix(accounts: Sequence[AccountText]) -> np.ndarray:
    """Dense ``[n, len(CUE_NAMES)]`` float32 matrix of log-scaled cue counts."""
    out = np.zeros((len(accounts), len(CUE_NAMES)), dtype=np.float32)
    fields = {"n": "name", "N": "raw_name", "b": "bio", "t": "text"}
    for i, acc in enumerate(accounts):
        for j, (_, field, pattern) in enumerate(_COMPILED):
            value = getattr(acc, fields[field])
            if value:
                hits = len(pattern.findall(value))
                out[i, j] = hits / acc.n_posts if field == "t" else hits
        k = len(_COMPILED)
        out[i, k] = 0.0 if acc.bio else 1.0
        out[i, k + 1] = len(acc.bio) / 160.0
        out[i, k + 2] = 0.0 if acc.text else 1.0
        out[i, k + 3] = 1.0 if any(c.isdigit() for c in acc.raw_name) else 0.0
        out[i, k + 4] = 1.0 if "_" in acc.raw_name else 0.0
        out[i, k + 5] = len(acc.name.split())
    return np.log1p(out)


@dataclass(frozen=True)
class HashingParams:
    """Sizes of the hashed blocks (powers of two); part of every artifact."""

    name_bits: int = 16
    word_bits: int = 18
    char_bits: int = 18


class AccountFeaturizer:
    """Stateless featurizer: hashed name chars + bio/post words + bio chars + cues.

    ``cue_weight`` scales the cue block (a larger scale means a weaker L2 penalty on cues);
    ``text_weight`` scales the post words, which are noisier than the bio.
    """

    def __init__(
        self,
        params: HashingParams | None = None,
        *,
        cue_weight: float = 1.0,
        text_weight: float = 0.5,
    ) -> None:
        self.params = params or HashingParams()
        self.cue_weight = cue_weight
        self.text_weight = text_weight
        p = self.params
        common = {"alternate_sign": False, "norm": "l2", "dtype": np.float32}
        self._name = HashingVectorizer(
            analyzer="char_wb", ngram_range=(2, 4), n_features=2**p.name_bits, **common
        )
        self._bio_words = HashingVectorizer(
            analyzer="word",
            ngram_range=(1, 2),
            n_features=2**p.word_bits,
            token_pattern=r"(?u)#?\b\w+\b",
            lowercase=True,
            **common,
        )
        self._bio_chars = HashingVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), n_features=2**p.char_bits, **common
        )

    @property
    def n_features(self) -> int:
        p = self.params
        return int(2**p.name_bits + 2 * 2**p.word_bits + 2**p.char_bits + len(CUE_NAMES))

    def transform(self, accounts: Sequence[AccountText]) -> sp.csr_matrix:
        names = [a.name for a in accounts]
        bios = [a.bio for a in accounts]
        texts = [a.text for a in accounts]
        blocks = [
            self._name.transform(names),
            self._bio_words.transform(bios),
            self._bio_words.transform(texts) * self.text_weight,
            self._bio_chars.transform(bios),
            sp.csr_matrix(cue_matrix(accounts) * self.cue_weight),
        ]
        return sp.hstack(blocks, format="csr", dtype=np.float32)
