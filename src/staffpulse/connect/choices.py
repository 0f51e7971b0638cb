"""What connect was asked for: the account (as typed) and the roles (as spelled).

* The account: a handle, an id, or a profile URL in any form ``add-handles`` reads
  (``https://bsky.app/profile/jane.bsky.social``, ``x.com/acme``,
  ``https://mastodon.social/@jane``), so a URL copied from a browser finds the account.
* The roles: ``recruiter``, ``hr_pro`` or as people write them (``HR pro``, ``hr-pro``,
  ``staffing firm``, ``Job boards``), a comma-separated list, ``industry`` (staffing
  firms, recruiters, HR pros and vendors) or ``any`` (``all`` too). Without a role every role but ``other``
  is kept: brands and public figures are not who a staffing firm follows (``any`` keeps them).
"""

from __future__ import annotations

import difflib
import re

from staffpulse.account_refs import find_account_ref, refuse_blank_account
from staffpulse.errors import InputError
from staffpulse.models import INDUSTRY_ROLES, ROLES, Account
from staffpulse.next_steps import CHOOSE_ROLE
from staffpulse.store import Store

ROLE_GROUPS: dict[str, tuple[str, ...]] = {"industry": INDUSTRY_ROLES}
ANY_ROLE = "any"
# How many accounts connect suggests unless asked for more or fewer (--limit, "How many")
DEFAULT_SUGGESTIONS = 20
# Spellings people use that are not a role's name with spaces for underscores
ROLE_ALIASES = {
    "hr": "hr_pro",
    "hrpro": "hr_pro",
    "hr_professional": "hr_pro",
    "staffing": "staffing_firm",
    "staffing_agency": "staffing_firm",
    "recruitment_agency": "staffing_firm",
    "recruiting_agency": "staffing_firm",
    "agency": "staffing_firm",
    "brand": "other",  # role other is brands and public figures
    "all": ANY_ROLE,
}
# Roles typed as a list: commas, as the help says, but a semicolon or slash means the same
ROLE_SEPARATORS = re.compile(r"[,;/|]")


def role_key(text: str) -> str:
    """``"HR pro"``, ``"hr-pro"`` -> ``hr_pro``; a plural reads as its singular."""
    key = re.sub(r"[\s_-]+", "_", text.strip().lower()).strip("_")
    key = ROLE_ALIASES.get(key, key)
    if key not in ROLES and key not in ROLE_GROUPS and key.endswith("s"):
        singular = key[:-3] + "y" if key.endswith("ies") else key[:-1]  # agencies
        key = ROLE_ALIASES.get(singular, singular)
    return key


def parse_roles(role: str | None) -> set[str] | None:
    """``"recruiter"``, ``"recruiter, HR pro"`` or ``"industry"`` -> a set of role names;
    None (every role) for ``"any"`` or no role."""
    if not role:
        return None
    wanted: set[str] = set()
    for part in ROLE_SEPARATORS.split(role):
        name = role_key(part)
        if name == ANY_ROLE:
            return None
        if name in ROLE_GROUPS:
            wanted.update(ROLE_GROUPS[name])
        elif name in ROLES:
            wanted.add(name)
        elif name:
            choices = ", ".join((*ROLES, *ROLE_GROUPS, ANY_ROLE))
            raise InputError(
                f"unknown role '{part.strip()}'{_guess_role(part)}",
                hint=CHOOSE_ROLE.say(roles=choices),
            )
    return wanted or None


def _guess_role(typed: str) -> str:
    """``: did you mean recruiter?``, or ``'recruiter,vendor'`` for roles listed with spaces;
    nothing when no role is close. ``any`` is never guessed: three letters are close to many
    words ("company"), and it shows every account, brands too."""
    words = typed.split()
    if len(words) > 1 and all(role_key(w) in ROLES or role_key(w) in ROLE_GROUPS for w in words):
        return f": did you mean '{','.join(words)}' (several roles go comma-separated)?"
    close = difflib.get_close_matches(role_key(typed), (*ROLES, *ROLE_GROUPS), n=1)
    return f": did you mean {close[0]}?" if close else ""


def leaves_out_outsiders(role: str | None) -> bool:
    """Whether accounts of role ``other`` are left out: by default (no role given), not when a
    role (``other`` itself, or ``any``) is asked for."""
    return not (role and role.strip(" ,"))


def find_connect_account(store: Store, text: str, platform: str | None = None) -> Account:
    """The stored account ``text`` names: a handle, an id or a profile URL, read as every
    command reads one (:func:`staffpulse.account_refs.find_account_ref`)."""
    refuse_blank_account(text, "connect ranks who to follow for one account")
    return find_account_ref(store, text, platform)
