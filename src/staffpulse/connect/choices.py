"""What connect was asked for: the account (as typed) and the roles (as spelled).

* The account: a handle, an id, or a profile URL in any form ``add-handles`` reads
  (``https://bsky.app/profile/jane.bsky.social``, ``x.com/acme``,
  ``https://mastodon.social/@jane``), so a URL copied from a browser finds the account.
* The roles: ``recruiter``, ``hr_pro`` or as people write them (``HR pro``, ``hr-pro``,
  ``staffing firm``, ``Job boards``), a comma-separated list, ``industry`` (staffing
  firms, recruiters, HR pros and vendors) or ``any``. Without a role every role but ``other``
  is kept: brands and public figures are not who a staffing firm follows (``any`` keeps them).
"""

from __future__ import annotations

import difflib
import re

from staffpulse.account_refs import find_account_ref
from staffpulse.errors import InputError
from staffpulse.models import INDUSTRY_ROLES, ROLES, Account
from staffpulse.store import Store

ROLE_GROUPS: dict[str, tuple[str, ...]] = {"industry": INDUSTRY_ROLES}
ANY_ROLE = "any"
# Spellings people use that are not a role's name with spaces for underscores
ROLE_ALIASES = {"hr": "hr_pro", "hrpro": "hr_pro", "staffing": "staffing_firm"}


def role_key(text: str) -> str:
    """``"HR pro"``, ``"hr-pro"`` -> ``hr_pro``; a plural reads as its singular."""
    key = re.sub(r"[\s_-]+", "_", text.strip().lower()).strip("_")
    key = ROLE_ALIASES.get(key, key)
    if key not in ROLES and key not in ROLE_GROUPS and key.endswith("s"):
        key = ROLE_ALIASES.get(key[:-1], key[:-1])
    return key


def parse_roles(role: str | None) -> set[str] | None:
    """``"recruiter"``, ``"recruiter, HR pro"`` or ``"industry"`` -> a set of role names;
    None (every role) for ``"any"`` or no role."""
    if not role:
        return None
    wanted: set[str] = set()
    for part in role.split(","):
        name = role_key(part)
        if name == ANY_ROLE:
            return None
        if name in ROLE_GROUPS:
            wanted.update(ROLE_GROUPS[name])
        elif name in ROLES:
            wanted.add(name)
        elif name:
            known = (*ROLES, *ROLE_GROUPS, ANY_ROLE)
            choices = ", ".join(known)
            close = difflib.get_close_matches(name, known, n=1)
            guess = f": did you mean {close[0]}?" if close else ""
            raise InputError(
                f"unknown role '{part.strip()}'{guess}",
                hint=f"choose one of: {choices} (spaces for underscores are fine: 'HR pro')",
            )
    return wanted or None


def leaves_out_outsiders(role: str | None) -> bool:
    """Whether accounts of role ``other`` are left out: by default (no role given), not when a
    role (``other`` itself, or ``any``) is asked for."""
    return not (role and role.strip(" ,"))


def find_connect_account(store: Store, text: str, platform: str | None = None) -> Account:
    """The stored account ``text`` names: a handle, an id or a profile URL, read as every
    command reads one (:func:`staffpulse.account_refs.find_account_ref`)."""
    return find_account_ref(store, text, platform)
