"""The workplace's own matters in the work vocabulary of :mod:`staffpulse.listen.work_terms`:
harassment at work and the staff party, a union's vote, the writer's own shift or supervisor,
discipline, unpaid hours, and pride in the writer's own workplace. Kept apart because each is
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
UNIONS = (
    r"(?<!european )(?<!soviet )(?<!student )(?<!credit )union (votes?|reps?|representatives?|"
    r"dues|drives?|busting|stewards?)|union-busting|"
    r"unioni[sz](e|es|ing|ation)|(join|joined|joining|form|formed|forming|start|starting) a union|"
    r"(trade|labou?r) unions?"
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
    (HARASSMENT, STAFF_PARTY, UNIONS, SUPERVISORS, OWN_SHIFTS, DISCIPLINE, UNPAID, PRIDE)
)
