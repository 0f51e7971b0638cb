"""The words that make a post partisan: parties, their labels and politicians. Read by the
inbox's moderation (a post that takes sides is left out) and by the audit (never a post to
imitate, :mod:`staffpulse.audit.politics` reads :func:`names_politics` through it).

"Trump" is also a verb ("Skills trump degrees", "Culture Trumps Strategy", "Attitude will
always trump experience") and a card ("play your trump card"): a verb between a subject and
its object, in a post with no other word of politics, names no politician. Anything else
("Donald Trump", "Trump's tariffs", "Trump says", "vote Trump", "#Trump2024", "the Trumps")
does.
"""

from __future__ import annotations

import re

from staffpulse.listen.partisan_trump import SENTENCE_END_RE, TRUMP_RE, names_trump, words_of

# "woke" the label, not the verb ("I woke at 5 for my shift", "the baby woke twice", "Woke,
# showered, commuted", "my alarm woke the whole house"): a tag or a quote ("#woke", "\"woke\""),
# a word that rates or sets it before it ("so woke", "stay woke", "went woke", "is woke", "the
# woke mob", "anti-woke") or a noun it labels after it ("woke hiring rules", "woke culture");
# never before what a waking wakes ("was woke up", "got woke by the alarm")
_WOKE_CUES = (
    "so too very more most less extra stay stayed staying go goes going went gone get gets got getting "
    "is are was were be been being am re the a an this that these those their his our your its "
    "how all not super overly of against anti non"
)
_WOKE_LABELS = (
    r"culture|mob|agenda|left|lefties|ideology|nonsense|capitalism|corporat\w*|brands?|compan"
    r"(?:y|ies)|ceos?|hiring|hr|polic(?:y|ies)|politics|crowd|warriors?|madness|garbage|crap|bs|"
    r"idiots?|liberals?|activists?|elites?|media|people|folks|things?|stuff|rules|training|"
    r"hollywood|schools?|teachers?|universit(?:y|ies)|twitter|snowflakes?|brigade|employers?|"
    r"propaganda|bae"
)
_WOKE = (
    # the word first, so the cues are read only where it stands
    '(?=woke)(?:(?<=#)|(?<=anti-)|(?<=["\u201c])|'
    + "|".join(rf"(?<=\b{cue} )" for cue in _WOKE_CUES.split())
    + rf")woke(?!\s+(?:up|me|us|him|her|them|everyone|everybody|by)\b)|woke(?=\s+(?:{_WOKE_LABELS})\b)"
)
# Parties, politicians ("@VP", "Biden's"); "resist" only as a movement ("#Resist", "the
# Resistance"). "Trump" is read apart, by TRUMP_RE, as it is a verb too.
PARTISAN_RE = re.compile(
    r"(?<![\w'])#?(democrats?|dems|democratic party|republicans?|gop|rnc|dnc|maga|libs|liberals|"
    r"leftists?|lefties|the left|far[- ]left|far[- ]right|right[- ]?wingers?|left[- ]?wingers?|"
    r"right[- ]wing|left[- ]wing|conservatives|tory|tories|labour (party|mps?)|ukip|antifa|"
    # the party by its handle or as a side taken: "@UKLabour", "vote Labour", "Labour
    # government", "Labour's amendment", "a Labour whip" (not "General Labour staff")
    r"uklabour\w*|vote labour|(?-i:Labour)(?:['\u2019]s)?(?= (?:hypocrisy|government|leader\w*|"
    r"voters|members|manifesto|conference|councils?|MPs?|proposals?|motions?|amendments?|"
    r"peers?|pledges?|whips?|frontbench\w*|backbench\w*|"
    # the party as a plural subject, as British usage has it: "Labour want cuts", "Labour
    # said", "Labour plan to ..."; not "Labour costs", "Labour is our biggest cost", nor the
    # nouns a warehouse plans by, "Labour plan for peak", "Labour need for the harvest",
    # "Labour claim on that invoice", "Labour need to be booked early"
    r"want|say|propose|refuse|insist|said|pledged|promised|vowed|proposed|claimed|refused|"
    r"insisted|voted|(?:plan|promise|vow|claim) to|need to(?! be\b))\b)|"
    rf"{_WOKE}|realdonaldtrump|biden\w*|joebiden|obama\w*|barackobama|"
    r"hillary|clinton|pelosi|speakerpelosi|mcconnell|desantis|kamala\w*|(?:jeremy)?corbyn\w*|"
    r"(?:justin)?trudeau|"
    r"farage|boris johnson|borisjohnson|starmer|sunak|potus|@vp|amtrak joe|palin|#resist(ance|"
    r"ers?)?|#theresistance|(?-i:[Tt]he Resistance)(?! [Tt]o\b)|(part of|join(ed|"
    r"ing)?) the resistance(?! to\b)|votebluenomatterwho|peoplesvote|"
    r"brexit\w*)(?:['\u2019]s)?(?![\w'])",
    re.IGNORECASE,
)
# The side of a road or a page is no side in politics: "the Help link on the left", "park on
# the left side", "the left and right arrow keys", "the far right corner", "the left wing of
# the hospital", a comedian's "ad libs". A direction word names politics unless a place or a
# part comes after it, or it ends a clause after a word of place ("a step to the left.") and
# no people are put there ("critics on the left", "none for the left" and "the Left thinks"
# take sides).
_DIRECTION_RE = re.compile(r"(?:the |far[- ])(?:left|right)|(?:left|right)[- ]?wing", re.I)
_PLACE_AFTER_RE = re.compile(
    r"(?:\s*(?:/|and|or|&)\s*(?:left|right))?[\s-]*(?:hand\w*|sides?|corners?|columns?|panels?|"
    r"panes?|menus?|bars?|sidebars?|arrows?|lanes?|turns?|eyes?|ears?|arms?|legs?|foot|feet|"
    r"knees?|hips?|shoulders?|hemispheres?|brain|half|edges?|margins?|images?|photos?|"
    r"pictures?|buttons?|tabs?|fields?|walls?|doors?|seats?|one|(?:wings? )?of\b(?! (?:the |"
    r"his |her |their |its |our )?(?:party|parties|movement|caucus|labour|democrat\w*|"
    r"tor(?:y|ies)|gop|republican\w*)))\b",
    re.I,
)
_PLACE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:to|on|at|from|in|into|toward|towards)\s+(?:the\s+)?$", re.I
)
_PEOPLE_THERE_RE = re.compile(
    r"(?<!\w)(?:people|those|folks|critics|many|most|some|others|voices|friends|anyone|everyone|"
    r"someone|nobody|voters|members|activists|politicians|commentators|both)\s+\w+\s+(?:the\s+)?$",
    re.I,
)
_AD_LIBS_RE = re.compile(r"(?<!\w)ad[- ]$", re.I)
_CLAUSE_END_RE = re.compile(r"\s*(?:$|[^\w\s]|(?:and|but|or|so|then)\b)")


def _partisan_words(text: str) -> tuple[re.Match[str], ...]:
    """The matches of :data:`PARTISAN_RE` in ``text`` that name politics: a direction said
    of a place ("the Help link on the left") and an "ad libs" are left out."""
    return tuple(
        match
        for match in PARTISAN_RE.finditer(text)
        if not _names_a_place(match) and not _AD_LIBS_RE.search(text, 0, match.start())
    )


def _names_a_place(match: re.Match[str]) -> bool:
    """``match`` is a direction word said of a place or a part, not of a side in politics."""
    word = match.group(1) or match.group()
    if not _DIRECTION_RE.fullmatch(word):
        return False
    text, start, end = match.string, match.start(), match.end()
    if _PLACE_AFTER_RE.match(text, end):
        return True
    before = text[:start]
    if word[:4].lower() == "the " and word[4].isupper():
        return False  # "the Left sees that as brilliance"
    return (
        _PLACE_BEFORE_RE.search(before) is not None
        and _PEOPLE_THERE_RE.search(before) is None
        and _CLAUSE_END_RE.match(text, end) is not None
    )


# A candidate for office, not for a job: a campaign launched or backed ("come launch our
# Riverton candidate", "vote for the Green candidate") or an office or election named ("the
# candidates for mayor", "a candidate in the by-election"); "launch our candidate portal"
# and "a candidate for the nursing role" are a staffing firm's
ELECTION_CANDIDATE_RE = re.compile(
    r"\b(launch\w*|endors\w*|re-?elect\w*|elect|vote for|campaign\w* for|volunteer\w* for|"
    r"door-?knock\w* for) (our|the|a|their|his|her|your) ([\w'-]+ ){0,2}candidates?\b"
    r"(?!\s+(portal|experience|pool|database|app|search|journey|profiles?|care|referral\w*|"
    r"program\w*))|"
    r"\bcandidates? (for|in) (the )?(mayor\w*|council\w*|senate|congress\w*|parliament|"
    r"governor|president\w*|office|ward \d+|district \d+|the (seat|electorate|riding) of|"
    r"(state|federal|local|general|upcoming|next|presidential) elections?|by-?elections?|"
    r"elections?)\b",
    re.IGNORECASE,
)


# Tags that file a post under a legislature's or a country's politics ("#cdnpoli", "#MNleg",
# "#auspol", "#TOpoli") or a partisan movement ("#tcot", "#UniteBlue"): a place or country code
# before "poli", "pol", "leg" or "lege", never "#college"
_PLACES = (
    "al|ak|az|ar|ca|co|ct|de|fl|fla|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|"
    "nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|dc|ab|bc|mb|nb|nl|ns|on|pe|"
    "qc|sk|cdn|can|us|uk|aus|nz|eu|ire|scot|to|ott|nsw|vic|qld"
)
_POLITICS_TAG_RE = re.compile(
    rf"(?<![\w#])#(?:(?:{_PLACES})(?:poli|pol|leg|lege)|tcot|ccot|pjnet|teaparty|uniteblue|"
    r"gopdebate|demdebate)(?!\w)",
    re.IGNORECASE,
)
# Politicians' and governments' accounts: a head of government or a lawmaker by the prefix of
# the office ("@SenSanders", "@Sen_Whitfield", "@RepSmith", "@GovHale": a capital after it, so not
# "@Senseless", "@Replit"); not before a whole word of a government's or a firm's service
# ("@GovTech", "@GovNotify", "@GovCareers", "@RepStaffing", "@SenSoftware"), while a name that only
# starts like one is a lawmaker's ("@RepPayne", "@RepConaway")
_SERVICE_WORD = (
    r"(?:Tech|UK|Data|Info|Jobs?|Digital|Docs|Pay|Payments?|Hub|Notify|Cloud|Web|Ops|Delivery|"
    r"Loop|Con|Connect|Exec|Insider|Careers?|HR|Talent|Recruit|Recruiting|Recruitment|"
    r"Recruiters?|Staff|Staffing|Hire|Hiring|Work|Works|Workforce|Soft|Software|Solutions?|Services?|Systems?|Group|Agency|News|Lab|Labs)(?![a-z])"
)
_OFFICE_PREFIX = (
    r"(?:Sen|Senator|Senate|Rep|Governor|Gov|Mayor|Cllr|Councillor|Congressman|Congresswoman|"
    rf"Assemblymember|Assemblyman|Assemblywoman)_?(?!{_SERVICE_WORD})[A-Z]\w*"
)
# ... or a lawmaker by the letters of the seat after a name: "@JaneHollisMP", "@ali_khan_MLA",
# "@johnsmithmp" is typed "@johnsmithMP" too; not after a common word alone ("@teamMP",
# "@army_MP": a team, the military police) nor MSP or MEP, which in staffing name a managed
# service provider ("@NorthCloudMSP") and a mechanical, electrical and plumbing contractor
# ("@BrightwellMEP"), nor "at" joined to it ("@LibrariesAtMLA", "@ward_at_MP": a
# group at the Medical Library Association, a team at a meeting place)
_SEAT_SUFFIX = (
    r"(?!(?i:team|army|navy|military|police|group|project|media|news|club|shop|store|official|"
    r"sales|tech|print|studio|music|radio|games?|sports?|brand|design|digital|the|my|our)_?"
    r"(?:MP|MLA|MPP)(?!\w))\w*[a-z_](?<!At)(?<![A-Z]{2}at)(?<!_at_)(?:MP|MLA|MPP)(?!\w)"
)
_POLITICIAN_HANDLE = (
    r"@(?:(?i:realdonaldtrump|potus|flotus|vp|whitehouse|joebiden|barackobama|hillaryclinton|"
    r"berniesanders|kamalaharris|speakerpelosi|aoc|borisjohnson|keir_starmer|rishisunak|"
    r"justintrudeau|pmharper|10downingstreet|scottmorrisonmp|albomp|narendramodi|"
    rf"emmanuelmacron)(?!\w)|{_OFFICE_PREFIX}|{_SEAT_SUFFIX})"
)
_POLITICIAN_HANDLE_RE = re.compile(rf"(?<![\w@]){_POLITICIAN_HANDLE}")
# the post opens addressed to one (its first mentions, as a reply's are)
_TO_A_POLITICIAN_RE = re.compile(rf"^\W*(?:@\w+[\s,]+)*{_POLITICIAN_HANDLE}")
# A jab right after a party or a politician ("Tory hypocrisy!", "Tories out!", "Dems lied
# again"), or a call against one right before ("shame on the Tories", "down with the GOP");
# "lies" only as a noun ("GOP lies!", "Tory lies again"), not the verb ("where the challenge
# after Brexit lies is hiring")
_JAB_AFTER_RE = re.compile(
    r"[\s,:-]*(?:hypocrisy|hypocrites?|hypocritical|lies(?=\s*(?:[!.?,#\n]|again\b|about\b|$))|"
    r"liars?|lied|lying|shame|disgrace\w*|"
    r"scum|clowns|cronies|betray\w*|out(?=\s*(?:[!#\n]|now\b|$))|must go\b)(?!\w)",
    re.IGNORECASE,
)
# "lies" the verb at a clause's end: "voters will judge where the blame for the Tories lies."
# ("which is why nobody believes Tory lies about ...", "got Tory lies again" are jabs)
_LIES_AS_VERB_RE = re.compile(r"\b(?:where|wherever)\b", re.IGNORECASE)
_SENTENCE_ENDS_RE = re.compile(r"\s*(?:[.!?\n]|$)")
# a politician told to go: "@JaneHollisMP do your job or step down", whatever work it names
# (not "#resignation", a worker's notice handed in)
_RESIGN_CALL_RE = re.compile(
    r"\bdo (?:your|ur) (?:damn |bloody |effing )?job or (?:resign|step down|quit|get out)\b|"
    r"\b(?:resign|step down) now\b|\b(?:must|should|needs? to) (?:resign|step down)\b|"
    r"(?<![\w#])#resign(?!ation|ed|ing)\w*",
    re.IGNORECASE,
)
# a sentence and what ends it: the call to go and the name it is said to are read together
_SENTENCE_RE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
# a verdict on a party or a politician, in the sentence that names them: "Trump's tariffs are a
# disaster", "the Tories have been a catastrophe for nurses", "Biden is clueless on jobs"
_VERDICT_RE = re.compile(
    r"\b(?:(?:is|are|was|were|been|be|'s)\s+(?:(?:an?|such an?)\s+)?(?:(?:absolute|total|"
    r"complete|utter|unmitigated|huge|massive)\s+)?(?:disasters?|catastrophes?|joke|failures?|"
    r"mess|fraud|embarrassment|train ?wreck|clown show|shit ?show)|disastrous|incompetent|"
    r"clueless|reckless|idiotic|moronic|is destroying|are destroying|ruined|wrecking)\b",
    re.IGNORECASE,
)
# ... a verdict another passes, reported ("critics say", "economists warn"): news
_VERDICT_REPORTED_RE = re.compile(
    r"\b(?:says?|said|claims?|claimed|warns?|warned|critics|according to|calls?|called|"
    r"argues?|argued|accuses?|accused|insists?|insisted)\b",
    re.IGNORECASE,
)
_JAB_BEFORE_RE = re.compile(
    r"(?<!\w)(?:shame on|down with|hypocrisy of|lies of|get rid of)\s+(?:the\s+|this\s+)?$",
    re.IGNORECASE,
)
# a tag calling for a party or a leader to go: "#SunakOut", "#GOPMustGo", "#ToryOut"
_OUT_TAG_RE = re.compile(r"(?<![\w#])#(?P<name>\w+?)(?:out|mustgo)(?!\w)", re.IGNORECASE)
# the mentions a post opens with (a reply's addressees)
_LEADING_MENTIONS_RE = re.compile(r"^\W*(?:@\w+[\s,]*)+")
# parties' accounts that no word of PARTISAN_RE spells whole
_PARTY_HANDLES = words_of(
    "libdems thesnp snp thedemocrats housedemocrats senatedems housegop senategop "
    "greenparty_uk thegreenparty scottories welshlabour scottishlabour"
)
# A head of government by surname, beside the government's spending or jobs ("payrolls
# trimmed the way Harper did"): the surname alone is too common
_LEADER_RE = re.compile(r"\b(?:Harper|Morrison|Albanese|Ardern|Merkel|Macron|Modi|Sanders)\b")
# ... unless another first name comes before it inside a sentence ("please welcome Emma
# Morrison, our public sector recruiter"); at a sentence's start the word may be a verb
# ("Thanks Harper for ..."), and the leaders' own first names and titles are theirs
_NAME_BEFORE_RE = re.compile(r"(?P<start>^|[.!?]\s+)?\b(?P<name>[A-Z][a-z]+)\s+$")
_LEADERS_OWN_TEXT = (
    "Stephen Scott Anthony Jacinda Angela Emmanuel Narendra Bernie Senator Prime Minister "
    "President Premier Chancellor Mr Mrs Ms Dr"
)
_LEADERS_OWN = frozenset(_LEADERS_OWN_TEXT.split())
_GOVERNMENT_WORDS_RE = re.compile(
    r"\b(?:gov'?t|govt|government|public sector|parliament|taxpayers?|ministers?)\b",
    re.IGNORECASE,
)


# a president's economics by his name, a label his side or the other coins to praise or blame
# it: "Bidenomics" takes a side however much the post says of jobs or benefits
_POLICY_LABEL_RE = re.compile(
    r"(?<![\w'])#?(?:obama|biden|trump|reagan|clinton|bush)(?:o?n)?omics\b", re.I
)


def read_politics(text: str) -> tuple[bool, bool]:
    """(filed under politics, names politics at all) of ``text``, in one reading, the words of
    parties found once (moderation asks both of every post, the audit of every post that
    sounds human). Filed under politics whatever it says of work: tagged with a legislature's
    or a partisan movement's tag ("#cdnpoli", "#MNleg", "#tcot"), addressed to a politician's
    or a party's account ("@SenWhitfield do you take interns in your office?": an answer lands
    in the politician's replies), naming a president's economics ("Bidenomics: ..."), or
    taking a side against a party or a politician ("... on wages. Tory hypocrisy!")."""
    words = _partisan_words(text)
    filed = _files_under(text, words)
    return filed, filed or _names_beside_tags(text, words)


def _files_under(text: str, words: tuple[re.Match[str], ...]) -> bool:
    return (
        _POLITICS_TAG_RE.search(text) is not None
        or _TO_A_POLITICIAN_RE.search(text) is not None
        or _POLICY_LABEL_RE.search(text) is not None
        or _to_a_party(text)
        or _takes_a_side(text, words)
    )


def _takes_a_side(text: str, words: tuple[re.Match[str], ...]) -> bool:
    """A party or a politician named with a jab or a call against them ("Tory hypocrisy!",
    "shame on the Tories", "#GOPMustGo", "@JaneHollisMP resign now"): whatever the post says
    of wages before it, an answer stands in a quarrel between parties."""
    for match in words:
        jab = _JAB_AFTER_RE.match(text, match.end())
        if (jab and not _lies_said_as_verb(jab, match.start())) or _JAB_BEFORE_RE.search(
            text, 0, match.start()
        ):
            return True
    if _RESIGN_CALL_RE.search(text) and _told_to_go(text, words):
        return True
    if _VERDICT_RE.search(text) and _judges(text, words):
        return True
    return any(
        PARTISAN_RE.fullmatch(tag["name"]) or TRUMP_RE.fullmatch(tag["name"])
        for tag in _OUT_TAG_RE.finditer(text)
    )


def _told_to_go(text: str, words: tuple[re.Match[str], ...]) -> bool:
    """A sentence tells a politician or a party to go beside their name ("Do ur job or quit,
    @PeteOrrMLA."), not a boss in one sentence after a party's word in another ("Woke at 5
    again. Our manager needs to resign")."""
    for sentence in _SENTENCE_RE.finditer(text):
        said = sentence.group()
        if _RESIGN_CALL_RE.search(said) and (
            _POLITICIAN_HANDLE_RE.search(said)
            or any(sentence.start() <= word.start() < sentence.end() for word in words)
        ):
            return True
    return False


def _judges(text: str, words: tuple[re.Match[str], ...]) -> bool:
    """A sentence passes a verdict on the party or the politician it names ("Trump's tariffs
    are a disaster and he knows it."), not one that reports or asks another's verdict
    ("Critics say Labour's plan is a mess", "Is the GOP's bill a disaster for temps?")."""
    for sentence in _SENTENCE_RE.finditer(text):
        said = sentence.group()
        named = [w for w in words if sentence.start() <= w.start() < sentence.end()]
        if named or names_trump(said):
            start = named[0].end() - sentence.start() if named else 0
            if (
                _VERDICT_RE.search(said, start)
                and _VERDICT_REPORTED_RE.search(said) is None
                and not said.rstrip().endswith("?")
            ):
                return True
    return False


def _lies_said_as_verb(jab: re.Match[str], start: int) -> bool:
    """The jab is "lies" ending a sentence that asks where ("... where the blame for the
    Tories lies."): the verb, in neutral reporting, not "Tory lies." nor "which is why nobody
    believes Tory lies about ..."."""
    if jab.group().strip(" \t,:-").lower() != "lies":
        return False
    if _SENTENCE_ENDS_RE.match(jab.string, jab.end()) is None:
        return False
    sentence = SENTENCE_END_RE.split(jab.string[:start])[-1]
    return _LIES_AS_VERB_RE.search(sentence) is not None


def _to_a_party(text: str) -> bool:
    """The post opens addressed to a party's or a politician's account by name ("@HouseGOP",
    "@HouseDemocrats"): an answer lands in the party's replies."""
    lead = _LEADING_MENTIONS_RE.match(text)
    if lead is None:
        return False
    return any(
        handle.lower() in _PARTY_HANDLES or PARTISAN_RE.fullmatch(handle)
        for handle in re.findall(r"@(\w+)", lead.group())
    )


def names_politics(text: str) -> bool:
    """The text names a party, a partisan label or a politician."""
    return read_politics(text)[1]


def _names_beside_tags(text: str, words: tuple[re.Match[str], ...]) -> bool:
    """:func:`names_politics` but for what :func:`read_politics` files under politics (a
    legislature's tag, a politician addressed)."""
    if words or ELECTION_CANDIDATE_RE.search(text):
        return True
    if _POLITICIAN_HANDLE_RE.search(text) or (
        _names_a_leader(text) and _GOVERNMENT_WORDS_RE.search(text)
    ):
        return True
    return names_trump(text)


def _names_a_leader(text: str) -> bool:
    """A head of government's surname that is not another person's ("Emma Morrison")."""
    for match in _LEADER_RE.finditer(text):
        before = _NAME_BEFORE_RE.search(text, 0, match.start())
        if before is None or before["start"] is not None or before["name"] in _LEADERS_OWN:
            return True
    return False
