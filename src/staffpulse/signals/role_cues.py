"""Hand-written cues of the role tagger: regular expressions for the hiring world.

Each cue is ``(name, field, pattern)``. field: ``"n"`` the name (split, lower-case), ``"N"``
the raw name, ``"b"`` the bio, ``"t"`` the posts. Every pattern is compiled case-insensitive;
a scoped group ``(?-i:...)`` inside one is case-sensitive ("HR", "ATS"). (Until the model of
2026-11-26, a pattern *starting* with such a group was compiled case-sensitive as a whole, so
"VP People" or "Human Resources" missed their cue.) Texts reach the patterns folded to ASCII, so
the words of other languages are written without accents (``interim``, ``seleccion``).

The order of ``CUES`` is part of every trained artifact (``cue_names`` in its JSON): adding,
removing or renaming a cue needs a retrained model.
"""

from __future__ import annotations

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
        "name_media",
        "n",
        r"\b(news|magazine|mag|podcast|radio|journal|times|weekly|daily|digest|insider|report"
        r"|review|gazette|tribune|herald|post|media|press|blog|newsletter|tv)\b",
    ),
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
        r"job ?seekers?"
        # openings, a board of them, in German, French, Spanish, Dutch, Italian and Portuguese
        r"|stellenangebote|stellenanzeigen|jobborse|offres d'emploi|ofertas de (empleo|trabajo)"
        r"|bolsa de (empleo|trabajo)|vacatures|offerte di lavoro|vagas de emprego",
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
        r"|placement|temp|temporary|personnel|nursing) agency|executive search|search firm|labou?r hire"
        # the same in German, French, Spanish, Dutch, Italian, Portuguese and Polish
        r"|zeitarbeit|personalvermittlung|personaldienstleist\w*|arbeitnehmeruberlassung|personalleasing"
        r"|personalberatung|arbeitsvermittlung|travail temporaire"
        r"|(agence|cabinet|societe|entreprise|missions?) (d'|de |en )?"
        r"(interim|recrutement|placement|emploi)|\binterim (et|&) (recrutement|cdi)|empresa de trabajo temporal"
        r"|(agencia|empresa|consultora) de (empleo|colocacion|reclutamiento|seleccion)"
        r"|(empleo|trabajo) temporal|seleccion de personal|uitzend\w*|werving (en|&) selectie|detachering"
        r"|agenzia (per il|di) lavoro|lavoro (interinale|somministrato)|somministrazione|ricerca e selezione"
        r"|trabalho temporario|agencia de recrutamento|agencja pracy|praca tymczasowa",
    ),
    (
        "bio_staffing_founder",
        "b",
        r"\b(co-?founder|founder|owner|ceo|president|managing (director|partner)|principal)\b"
        # not "Managing Partner, Search Engine Gazette": a search engine is no search firm
        r"\W+(\w+\W+){0,4}(staffing|talent|recruit\w*|search(?!\W+engine)|personnel|temps?|workforce|placement"
        r"|head ?hunt\w*)\b|\b(staffing|recruiting|recruitment|search|placement) (firm|agency|company)"
        r"\W+(\w+\W+){0,2}(founder|owner|ceo|president)\b|\b(i|we) (own|run|founded|started) "
        r"(a|an|my|our) (\w+ ){0,3}(staffing|recruiting|recruitment|search|placement) (firm|agency|company)",
    ),
    # recruiters (people)
    (
        "bio_recruiter",
        "b",
        r"recruiter|recruiting|recruitment consultant|talent acquisition|\bsourcer\b|sourcing"
        r"|head ?hunt|talent (partner|scout|manager|advisor|specialist)|\bTA\b (lead|manager|partner)"
        r"|recruteu(r|se)|reclutador\w*|recrutador\w*|personalberater\w*|recruiterin",
    ),
    # "recruitment" in French, Portuguese, Spanish, Italian, German and Dutch; the noun only:
    # "je recrute des bénévoles" (volunteers) is no recruiter's
    (
        "bio_recruit_any",
        "b",
        r"recruit|recrutement|recrutamento|reclutamiento|reclutamento|rekrutierung|\bwerving\b",
    ),
    # hr professionals
    (
        "bio_hr",
        "b",
        # "PHR" before pocketbooks, books or novels is Precious Hearts Romances, the Filipino
        # romance imprint, not the HR certificate: a reader's bio was hr_pro (QA on real bios)
        r"(?-i:\bHR\b|\bHRBP\b|\bSHRM|\bSPHR\b|\bPHR\b(?!\s+(?i:pocket|books?\b|novels?\b))"
        r"|\bCIPD\b|\bHRD\b|\bHRM\b)|human resources?"
        r"|people (operations|ops|partner|team|and culture|& culture)|employee (relations|engagement|experience)"
        r"|employment (law|relations)|payroll|compensation|benefits (manager|specialist|consultant)|\bL&D\b"
        # "OD" (organisational development) upper-case only: "od" is fans' slang ("od about pop punk")
        r"|learning (and|&) development|organi[sz]ational (development|effectiveness)|(?-i:\bOD\b)"
        r"|workplace"
        r"|ressources humaines|recursos humanos|risorse umane|personalabteilung|personalleit\w*"
        r"|personalreferent\w*|personalwesen|personalmanagement|(?-i:\bDRH\b|\bRRHH\b)|personeelszaken",
    ),
    (
        "bio_hr_title",
        "b",
        r"(?-i:\bHR\b) (manager|director|professional|pro|consultant|generalist|business partner"
        r"|leader|expert|blogger|advisor|specialist)|(chief people|head of people|vp,? (of )?(people|talent|hr))"
        r"|\b(s?vp|evp|vice president|director|head|chief|lead|manager|officer)\W+(of\W+)?"
        r"(people|talent|hr|human resources|people (and|&) culture|people ops|people operations)\b(?! (search|acquisition))"
        r"|(?-i:\bCHRO\b|\bHRBP\b)|hr business partner|people (ops|operations|partner|business partner)"
        r"|talent (and|&) culture",
    ),
    (
        "bio_hr_topic",
        "b",
        r"onboarding|pay (equity|transparency)|retention|performance (reviews?|management)|employee (wellbeing"
        r"|well-being|handbooks?|experience)|hiring (process|practices|managers?)|(writing|tweets?|posts?) about "
        r"(\w+ ){0,2}(hiring|hr|people|workplace|culture|leadership)|company culture|people strategy",
    ),
    # vendors
    (
        "bio_vendor_tech",
        "b",
        r"(?-i:\bATS\b)|applicant tracking|(recruit(ing|ment)|hiring) (software|platform|crm|technology|tech)"
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
    (
        "bio_industry_media",
        "b",
        r"(news|magazine|podcast|newsletter|journal|publication|media|blog|insights|analysis|reporting|coverage"
        r"|radio|show|digest|trade press)\W+(\w+\W+){0,4}(staffing|recruit\w*|hr|human resources|hiring"
        r"|talent acquisition|workforce|employment) ?(industry|professionals|leaders|world|pros|community|sector)?"
        r"|\b(staffing|recruiting|recruitment|hr|human resources|talent acquisition|workforce) (industry )?"
        r"(news|magazine|podcast|newsletter|journal|publication|media|blog|radio|show|digest)",
    ),
    # job seekers
    (
        "bio_job_seeker",
        "b",
        r"looking for (a |new )?(work|job|position|role|opportunit)|seeking (a |new )?(job|position|role|employment|opportunit)"
        r"|job ?seeker|open to (work|new opportunities|opportunities)|unemployed|my (resume|cv)|\bresume\b|available for (hire|work)"
        r"|laid off (in|from|after|last|this|on|by|at)\b|\b(i was|i got|i've been|i'm|just got|recently|got|was|been)"
        r" (just )?laid off|got let go|(was|were|been) let go|made redundant|between jobs|job ?hunt(ing)?\b|#?open ?to ?work"
        r"|open to (referrals|roles|offers|new roles|intros)|actively (looking|seeking)|in (my|the) job search"
        r"|looking for (my |a |the )?(next |new |first )?(\w+\W+){0,4}(roles?|jobs?|positions?|opportunit\w*)\b"
        r"|seeking (my |a |the )?(next |new |first )?(\w+\W+){0,4}(roles?|jobs?|positions?|employment|opportunit\w*)\b"
        r"|available (immediately|now) for|sucht? (eine )?(neue )?(stelle|job|arbeit)|busco (trabajo|empleo)"
        r"|(en )?recherche d'emploi|cherche (un )?(emploi|poste|travail)|werkzoekend|cerco lavoro",
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

# The bio cues of staffing, recruiting and HR as one pattern (their words in seven other
# languages too: "Agence d'interim", "Zeitarbeit", "ressources humaines"), which the rules
# read to tell a bio of the trade from one that only names a title or nothing of it
TRADE_CUES = "|".join(
    f"(?:{pattern})"
    for cue, field, pattern in CUES
    if field == "b" and cue.startswith(("bio_staffing", "bio_recruit", "bio_hr"))
)
