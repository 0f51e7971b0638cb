"""The workplace's own matters in the work vocabulary of :mod:`staffpulse.listen.work_terms`:
harassment at work and the staff party, a union's vote, a labour dispute, lockout/tagout, the
writer's own shift or supervisor, discipline, unpaid hours, and pride in the writer's own
workplace. Kept apart because each is
several words read together, with its near misses spelled out beside it.
"""

from __future__ import annotations

# The workplace's own matters, named in so many words: harassment at work and its staff party,
# a union's vote or drive, the writer's own shift or supervisor, being written up or called in,
# unpaid hours. Not a bare "harassment" (online, or a film star's memoir), "union" (the European
# Union, a credit union), "unionized" (an acid, in chemistry), "day off" (a holiday), "wrote me up"
# (a police ticket) nor a music joke's "why did the staff party end early".
HARASSMENT = (
    r"harass\w* (at|in) (work|the office|the workplace|my job)|"
    r"(report\w*|file\w*|filing) (a |an )?(sexual )?harass\w*( complaints?)?|"
    r"sexual harassment (trainings?|polic(y|ies)|complaints?|reports?)"
)
STAFF_PARTY = (
    r"(at|to|from|after|before|since) (the|our|my|a|this year's|last year's) "
    r"(staff|office|work|company|works) ((christmas|xmas|holiday|summer) )?(party|outing)"
)
# a union organised or fought: a labour dispute (:mod:`staffpulse.listen.sensitive`) as much as
# a matter of the workplace
_NOT_A_TRADE_UNION = r"(?<!european )(?<!soviet )(?<!student )(?<!credit )"
UNION_DRIVE = (
    rf"union[- ]busting|{_NOT_A_TRADE_UNION}union (?:campaign|drives?|votes?|organi[sz]\w*)|"
    r"unioni[sz](?:e|es|ing|ation)|"
    r"(?:join|joined|joining|form|formed|forming|start|starting) a union"
)
UNIONS = (
    rf"{UNION_DRIVE}|{_NOT_A_TRADE_UNION}union (?:reps?|representatives?|dues|stewards?)|"
    r"(?:trade|labou?r) unions?"
)
# A labour dispute in words said of nothing else: a picket line, strike action, a staff walkout,
# scabs, a union drive. Not a picket fence, a scab on a hand, a restaurant's walk-outs who did
# not pay, "unionized" in chemistry
DISPUTE_AT_WORK = (
    r"strike action|strik(?:e|ing) (?:workers|drivers|nurses|teachers|staff)|"
    r"picket(?:s|ing|ed)? lines?|on the picket(?! lines?)|"
    r"(?:staff|workers?['\u2019]?|nurses['\u2019]?|teachers['\u2019]?) (?:an? |the )?walk-?outs?|"
    r"scab (?:labou?r|workers?|staff)|"
    r"(?:hir\w*|bus\w*|brought in|bring\w* in|cross\w*) (?:in )?scabs|strikebreak\w*|"
    rf"{UNION_DRIVE}|unioni[sz]ed(?!\s+(?:acids?|ammonia|forms?|species|molecules?|compounds?))|"
    r"collective bargaining"
)
# ... and in words a sport, a country or a protest shares ("the NBA lockout", "a country that
# goes on strike", "protesters picketed the car park", "fans staging a walkout"): a dispute to
# join with care (:mod:`staffpulse.listen.sensitive`) when the post is about work, but no work
# matter in themselves. Not lightning or a bowling strike, "strike a balance", strikes counted
# against someone, lockout/tagout on a machine (:data:`SAFETY`)
LABOUR_DISPUTE = (
    rf"{DISPUTE_AT_WORK}|on strike|(?:go|goes|going|went|gone) (?:out )?on strike|"
    r"(?<!lightning )(?<!bowling )(?<!air )(?<!one )(?<!two )(?<!three )(?<!\d )"
    r"(?:strikes?|striking) (?:over|for|against|at)\b(?! the win)|lock-?outs?(?![\s/-]*tag)|"
    r"picketing|picketed|(?:stag\w*|held|hold\w*|organi[sz]\w*|plann\w*|join\w*|mass) "
    r"(?:an? |the )?walk-?outs?"
)
# A machine made safe before work on it ("lockout/tagout", "lock out tag out", "LOTO training"):
# safety training, work in so many words; a bare "LOTO" is as often a lottery
SAFETY = (
    r"lock[- ]?out[\s/-]*tag[- ]?out|(?-i:LOTO)(?=[\s-]+(?:training|refresher|procedures?|"
    r"programs?|programmes?|polic(?:y|ies)|locks?|tags?|audits?|kits?|boxe?s?|stations?|points?|"
    r"devices?|permits?|steps?|checks?|compliance|rules?|course)\b)"
)
SUPERVISORS = (
    r"(my|our|your|his|her|their) (supervisors?|team leads?|team leaders?|foreman|foremen)|"
    r"(line|shift|direct) supervisors?"
)
OWN_SHIFTS = (
    r"(my|our|your|his|her|their) shift|split ?shifts?|"
    r"shifts? (got |was |were |ha(s|ve) been |been |keeps? getting )?(cut|cancell?ed|reduced)|"
    r"(my|our|their|his|her) hours (got |were |have been |are being |keep getting )?"
    r"(cut|reduced|slashed)|cut (my|our|their|his|her) hours|"
    r"(got|get|gets|getting|was|were|been|being) called in|called (in)?to work|"
    r"called in (to work|sick)"
)
DISCIPLINE = (
    r"(got|get|gets|getting|was|were|been|being) written up|write (me|us) up|"
    r"disciplinary (hearings?|meetings?|warnings?|procedures?|process)|"
    r"performance improvement plans?"
)
UNPAID = r"unpaid (hours|shifts?|breaks?)|not (getting|being) paid|(work|worked|working) for free"
# pride in the writer's own workplace or its people ("So proud of our clinic", "hats off to
# my kitchen crew"), not in a side or a child ("proud of our team tonight", "proud of my son");
# a bare "practice", "lab" or "crew" is a yoga practice, a dog or friends, and gratitude for
# a hospital a patient's, so they count only as a team's place ("our team at the lab") or a
# crew at work ("the night crew")
_PRIDE_OF = r"(proud of|shout[- ]?outs? to|hats off to|grateful for) (all )?(our|my) "
_PRIDE_HOW = r"(whole |amazing |wonderful |hard-?working )?"
PRIDE = (
    rf"{_PRIDE_OF}{_PRIDE_HOW}(staff|nurses|(kitchen|night|day|shift|floor|warehouse|site|"
    r"cleaning|delivery|install) crew|team (at|in) (the|our) (clinic|practice|store|shop|bakery|"
    r"salon|restaurant|office|hospital|lab|plant|warehouse))|"
    rf"(?!grateful){_PRIDE_OF}{_PRIDE_HOW}(clinic|store|shop|bakery|salon|restaurant|"
    r"caf[e\u00e9]|firm|agency)"
)
WORKPLACE = "|".join(
    (
        HARASSMENT,
        STAFF_PARTY,
        UNIONS,
        DISPUTE_AT_WORK,
        SAFETY,
        SUPERVISORS,
        OWN_SHIFTS,
        DISCIPLINE,
        UNPAID,
        PRIDE,
    )
)
