"""The twelve fictional accounts of the sample cohort and what each is designed to show."""

from __future__ import annotations

from dataclasses import dataclass, field

from samplegen import firms, harborline, people, vendors
from samplegen.firms import Voice

X_DEFAULT_AVATAR = "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"


@dataclass(frozen=True)
class Spec:
    handle: str
    platform: str
    display_name: str
    bio: str
    segment: str
    avatar: str  # "logo", "person", "default" or "none"
    voice: Voice
    originals: int
    replies: int = 0  # banter replies to the circle
    reposts: int = 0
    quotes: int = 0
    followers: int = 100
    following: int = 100
    post_count: int = 1000
    created_at: str = "2015-01-01T00:00:00Z"
    likes: float = 1.0  # typical likes on an original post
    schedule: str = "human"  # "human", "scheduler" (posts on the hour) or "bot" (any time)
    pattern: str = ""
    expected: str = ""
    follows: list[str] = field(default_factory=list)


SPECS: list[Spec] = [
    Spec(
        "brightpathstaff",
        "x",
        "BrightPath Staffing",
        "Staffing services.",
        "staffing_firm",
        "logo",
        firms.BRIGHTPATH,
        originals=224,
        followers=412,
        following=38,
        post_count=6120,
        created_at="2011-09-14T15:02:00Z",
        likes=0.4,
        schedule="scheduler",
        pattern="Logo-only firm posting nothing but near-duplicate templated job ads; never replies; "
        "minimal bio; company display name.",
        expected="Face: logo, weak. Mix: ~100% job ads. Voice: very templated, no humor. "
        "Conversation: zero replies, answers none of its mentions. Lowest staffing firm.",
        follows=["jobwire_dayton"],
    ),
    Spec(
        "meridianwork",
        "x",
        "Meridian Workforce Solutions",
        "Meridian Workforce Solutions is a leading provider of workforce solutions across North "
        "America. News, insights and announcements.",
        "staffing_firm",
        "logo",
        firms.MERIDIAN,
        originals=152,
        followers=3810,
        following=121,
        post_count=9874,
        created_at="2010-03-02T18:40:00Z",
        likes=1.6,
        schedule="scheduler",
        pattern="Broadcast-only firm: press releases, industry headlines and links, a few job ads, "
        "no replies; wordmark logo.",
        expected="Face: logo. Mix: low job share (~8%), but all broadcast. Voice: press-release "
        "tone, low personality, no humor. Conversation: zero replies, never answers mentions.",
        follows=["hireloop"],
    ),
    Spec(
        "harborline",
        "x",
        "Rosa Tamlin | Harborline Talent",
        "Founder of Harborline Talent 🌊 Light-industrial & office staffing in the Pacific "
        "Northwest. I answer my own DMs. Ask me about pay rates, resumes or tacos in Tacoma.",
        "staffing_firm",
        "person",
        harborline.HARBORLINE,
        originals=82,
        replies=26,
        reposts=11,
        quotes=5,
        followers=2240,
        following=610,
        post_count=5310,
        created_at="2019-06-11T16:20:00Z",
        likes=7,
        pattern="Staffing firm doing it well: founder's face, ~30% job ads, advice, team stories, "
        "humor, replies; answers nearly every mention within hours.",
        expected="Face: person, human name. Mix: ~30% job ads. Voice: good. Conversation: good, "
        "answers 15 of 16 direct questions and ~3/4 of all mentions, median under 2 h. Best "
        "staffing firm; suggested follows include priya_hrlife and recruitcraft.",
        follows=["mia_recruits", "hireloop"],
    ),
    Spec(
        "mia_recruits",
        "x",
        "Mia Castellano",
        "Tech & ops recruiter. Professional candidate-whisperer, amateur baker. Opinions mine, "
        "typos too. she/her",
        "recruiter",
        "person",
        people.MIA,
        originals=88,
        replies=40,
        reposts=16,
        quotes=12,
        followers=8900,
        following=2310,
        post_count=31200,
        created_at="2013-01-20T21:05:00Z",
        likes=16,
        pattern="Chatty recruiter: humor, hot takes, questions, stories, lots of replies and banter, "
        "few job ads; starts many question threads.",
        expected="Face: person. Mix: ~10% job ads. Voice and humor: highest. Conversation: "
        "highest reply share and reach. Top of the cohort.",
        follows=["priya_hrlife", "hireloop", "recruitcraft", "harborline", "northgatestaff"],
    ),
    Spec(
        "hireloop",
        "x",
        "HireLoop",
        "The ATS that recruiters actually like 🔁 Tips, product news and the occasional recruiting "
        "meme. Support: help.hireloop.example",
        "vendor",
        "logo",
        vendors.HIRELOOP,
        originals=100,
        replies=40,
        reposts=14,
        quotes=15,
        followers=12600,
        following=1480,
        post_count=14800,
        created_at="2016-08-30T13:00:00Z",
        likes=10,
        pattern="ATS vendor that converses: replies, quotes, questions, tips, humor; a few posts "
        "contain raw HTML (<script>, <b>) to prove escaping.",
        expected="Face: logo (a vendor, so less of a problem). Mix: no job ads. Voice: lively, "
        "some humor. Conversation: high. Beats every staffing firm but Harborline.",
        follows=[
            "mia_recruits",
            "priya_hrlife",
            "recruitcraft",
            "harborline",
            "northgatestaff",
            "keystonetemps",
        ],
    ),
    Spec(
        "recruitcraft",
        "x",
        "RecruitCraft Academy",
        "Recruiter training that sticks. Sourcing drills, interview labs and live workshops. Run "
        "by trainers who still pick up the phone.",
        "vendor",
        "logo",
        vendors.RECRUITCRAFT,
        originals=76,
        replies=36,
        reposts=12,
        quotes=8,
        followers=5400,
        following=900,
        post_count=8700,
        created_at="2017-02-14T10:00:00Z",
        likes=8,
        pattern="Recruiter-training vendor that is lively: Boolean drills, lessons, workshops, "
        "jokes, questions and replies.",
        expected="Face: logo. Mix: no job ads. Voice: lively. Conversation: good.",
        follows=["mia_recruits", "hireloop", "priya_hrlife", "harborline"],
    ),
    Spec(
        "adabrightwell.bsky.social",
        "bluesky",
        "Ada Brightwell",
        "Partner at Lanternfield Ventures. Investing in HR tech & the future of work. Ask me "
        "about pitch decks, not about crypto.",
        "vendor",
        "none",
        vendors.ADA,
        originals=72,
        replies=26,
        reposts=8,
        quotes=6,
        followers=3100,
        following=410,
        post_count=1900,
        created_at="2023-05-02T12:00:00Z",
        likes=9,
        pattern="HR-tech investor on Bluesky: market takes, questions, threads with the Bluesky "
        "recruiter. No avatar on record.",
        expected="Face: no avatar known. Mix: no job ads. Voice: good. Conversation: moderate "
        "(one partner on its platform).",
        follows=["owenpark.bsky.social"],
    ),
    Spec(
        "owenpark.bsky.social",
        "bluesky",
        "Owen Park",
        "Healthcare recruiter. Nurses, techs, therapists. Moved here from the bird site.",
        "recruiter",
        "none",
        people.OWEN,
        originals=80,
        replies=34,
        reposts=9,
        quotes=4,
        followers=640,
        following=520,
        post_count=2400,
        created_at="2023-09-18T12:00:00Z",
        likes=3,
        pattern="Second recruiter, moderate, on Bluesky: some job ads (~25%), opinions, a few "
        "replies. No avatar on record.",
        expected="Face: no avatar known. Mix: ~25% job ads. Voice: moderate. Conversation: "
        "moderate.",
        follows=["adabrightwell.bsky.social"],
    ),
    Spec(
        "priya_hrlife",
        "x",
        "Priya Nair",
        "HR director at a 400-person manufacturer. Workplace culture, leave policies and the "
        "occasional rant about job descriptions. Views mine.",
        "hr",
        "person",
        people.PRIYA,
        originals=82,
        replies=52,
        reposts=12,
        quotes=8,
        followers=4300,
        following=980,
        post_count=11900,
        created_at="2014-04-07T19:30:00Z",
        likes=10,
        pattern="HR professional: workplace topics, many questions and threads; talks with the "
        "recruiter, the ATS vendor and the trainer, never with the staffing firms.",
        expected="Face: person. Mix: no job ads. Voice: high (questions, stories). "
        "Conversation: high. The HR pro 'connect' suggests to Harborline.",
        follows=["mia_recruits", "hireloop", "recruitcraft"],
    ),
    Spec(
        "jobwire_dayton",
        "x",
        "JobWire Dayton Jobs",
        "Automated feed of job postings in the Dayton area. Not monitored.",
        "job_board",
        "default",
        firms.JOBWIRE,
        originals=262,
        followers=1900,
        following=3,
        post_count=48200,
        created_at="2012-07-01T00:00:00Z",
        likes=0.15,
        schedule="bot",
        pattern="tmj_-style job-ad bot: 100% templated job ads, any hour, default avatar, no "
        "replies.",
        expected="Face: platform default. Mix: 100% job ads. Voice: most templated. "
        "Conversation: none. Bottom of the cohort.",
    ),
    Spec(
        "keystonetemps",
        "x",
        "Keystone Temps",
        "",
        "staffing_firm",
        "default",
        firms.KEYSTONE,
        originals=108,
        followers=151,
        following=44,
        post_count=1320,
        created_at="2020-02-03T14:00:00Z",
        likes=0.5,
        pattern="Small staffing firm: default avatar, empty bio, mostly job ads plus greetings; "
        "answers few mentions, days late.",
        expected="Face: default avatar and empty bio. Mix: ~80% job ads. Voice: low. "
        "Conversation: very low and slow.",
        follows=["brightpathstaff", "northgatestaff", "jobwire_dayton"],
    ),
    Spec(
        "northgatestaff",
        "x",
        "Northgate Staffing Group",
        "Connecting great people with great companies since 1998. Industrial, clerical and IT "
        "staffing.",
        "staffing_firm",
        "logo",
        firms.NORTHGATE,
        originals=150,
        reposts=12,
        followers=1450,
        following=300,
        post_count=7300,
        created_at="2012-10-10T15:00:00Z",
        likes=1.3,
        pattern="Middling staffing firm: about half job ads, tips and company news, reposts the "
        "ATS vendor, answers some mentions a day or two late; logo.",
        expected="Face: logo. Mix: ~55% job ads. Voice: low-moderate. Conversation: low, slow. "
        "Middle of the staffing firms.",
        follows=["hireloop", "meridianwork"],
    ),
]

BY_HANDLE = {spec.handle: spec for spec in SPECS}

# Mentions of firms: (asker, firm, how many). Answer rate and delay are set in the engine.
MENTIONS: list[tuple[str, str, int]] = [
    ("mia_recruits", "harborline", 9),
    ("hireloop", "harborline", 7),
    ("mia_recruits", "brightpathstaff", 4),
    ("priya_hrlife", "brightpathstaff", 3),
    ("hireloop", "brightpathstaff", 3),
    ("priya_hrlife", "meridianwork", 3),
    ("hireloop", "meridianwork", 2),
    ("mia_recruits", "northgatestaff", 4),
    ("hireloop", "northgatestaff", 4),
    ("mia_recruits", "keystonetemps", 3),
    ("priya_hrlife", "keystonetemps", 3),
    ("priya_hrlife", "jobwire_dayton", 2),
]

# How each firm answers: (share answered, min delay hours, max delay hours).
RESPONSIVENESS: dict[str, tuple[float, float, float]] = {
    "harborline": (0.92, 0.15, 3.0),
    "northgatestaff": (0.45, 18.0, 60.0),
    "keystonetemps": (0.3, 48.0, 100.0),
    "brightpathstaff": (0.0, 0.0, 0.0),
    "meridianwork": (0.0, 0.0, 0.0),
    "jobwire_dayton": (0.0, 0.0, 0.0),
}
