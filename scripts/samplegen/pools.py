"""Shared slot values for the sample texts: job titles, cities, pay, perks, names."""

from __future__ import annotations

import random
from collections.abc import Callable

TITLES = [
    "forklift operator",
    "CNC machinist",
    "warehouse associate",
    "medical assistant",
    "registered nurse",
    "LPN",
    "payroll specialist",
    "accounts payable clerk",
    "customer service rep",
    "help desk technician",
    "Java developer",
    "data analyst",
    "MIG welder",
    "industrial electrician",
    "HVAC technician",
    "administrative assistant",
    "receptionist",
    "bookkeeper",
    "CDL-A truck driver",
    "machine operator",
    "quality inspector",
    "logistics coordinator",
    "call center agent",
    "pharmacy technician",
    "dental hygienist",
    "line cook",
    "maintenance technician",
    "project coordinator",
    "executive assistant",
    "QA tester",
    "network engineer",
    "HR generalist",
    "picker/packer",
    "assembler",
    "shipping clerk",
    "inventory specialist",
    "phlebotomist",
    "mechanical engineer",
    "staff accountant",
    "office manager",
    "security officer",
    "production supervisor",
    "sales development rep",
    "electronics technician",
    "claims processor",
    "dispatcher",
]

CITIES = [
    ("Dayton", "OH"),
    ("Columbus", "OH"),
    ("Tacoma", "WA"),
    ("Boise", "ID"),
    ("Tulsa", "OK"),
    ("Raleigh", "NC"),
    ("Omaha", "NE"),
    ("Des Moines", "IA"),
    ("Spokane", "WA"),
    ("Fresno", "CA"),
    ("Akron", "OH"),
    ("Knoxville", "TN"),
    ("Madison", "WI"),
    ("Reno", "NV"),
    ("Allentown", "PA"),
    ("Grand Rapids", "MI"),
    ("Chattanooga", "TN"),
    ("Lexington", "KY"),
    ("Wichita", "KS"),
    ("Albuquerque", "NM"),
    ("Fort Wayne", "IN"),
    ("Toledo", "OH"),
    ("Syracuse", "NY"),
    ("Savannah", "GA"),
]

PNW_CITIES = [
    ("Tacoma", "WA"),
    ("Olympia", "WA"),
    ("Everett", "WA"),
    ("Kent", "WA"),
    ("Spokane", "WA"),
    ("Vancouver", "WA"),
    ("Salem", "OR"),
    ("Portland", "OR"),
]

DAYTON_AREA = [
    "Dayton",
    "Kettering",
    "Beavercreek",
    "Fairborn",
    "Huber Heights",
    "Miamisburg",
    "Centerville",
    "Vandalia",
    "Xenia",
    "Springboro",
]

SHIFTS = [
    "1st shift",
    "2nd shift",
    "3rd shift",
    "days",
    "nights",
    "weekends",
    "4x10s",
    "Mon-Fri 8-5",
    "rotating shifts",
    "hybrid, 3 days on site",
    "fully remote",
]

PERKS = [
    "weekly pay",
    "paid training",
    "benefits from day one",
    "free parking",
    "temp-to-hire after 90 days",
    "overtime available",
    "tuition help",
    "a shift differential",
    "a manager people actually like",
    "on-site gym",
    "401(k) match",
    "a real lunch break",
]

FIRST_NAMES = [
    "Luis",
    "Keisha",
    "Tom",
    "Anika",
    "Marco",
    "Jen",
    "Dev",
    "Hannah",
    "Omar",
    "Becca",
    "Tariq",
    "Lena",
    "Chris",
    "Maya",
    "Jordan",
    "Sam",
    "Nia",
    "Ravi",
]

FICTIONAL_EMPLOYERS = [
    "Acorn Logistics",
    "Redfield Manufacturing",
    "Bluestem Health",
    "Copperline Foods",
    "Gable Street Dental",
    "Ironleaf Tool & Die",
    "Northbank Credit Union",
    "Pinecrest Senior Living",
    "Quarry Hill Labs",
    "Riverbend Distribution",
    "Silverlake Plastics",
    "Tidewater Freight",
    "Maple Row Clinic",
    "Brightwater Insurance",
    "Cedar Post Printing",
]


def article(noun: str) -> str:
    """'a' or 'an' for a job title, by how it is said ('an HVAC tech', 'a CNC machinist')."""
    spelled = ("HVAC", "HR ", "LPN", "MIG", "RN", "MRI", "SDR")
    if noun.startswith(spelled) or noun[:1].lower() in "aeio":
        return "an"
    return "a"


def pay(rng: random.Random, title: str) -> str:
    salaried = (
        "developer",
        "engineer",
        "analyst",
        "accountant",
        "manager",
        "nurse",
        "supervisor",
        "HR generalist",
        "hygienist",
    )
    if any(word in title for word in salaried):
        low = rng.randrange(52, 118, 4)
        return f"${low}k-{low + rng.choice([8, 10, 12, 15])}k"
    low = rng.randrange(16, 31)
    if rng.random() < 0.5:
        return f"${low}/hr"
    return f"${low}-{low + rng.choice([2, 3, 4])}/hr"


def title_case(title: str) -> str:
    """'HVAC technician' -> 'HVAC Technician' (keeps acronyms, unlike str.title)."""
    return " ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in title.split())


def city(rng: random.Random, pool: list[tuple[str, str]] | None = None) -> str:
    name, state = rng.choice(pool or CITIES)
    return f"{name}, {state}"


def maybe(rng: random.Random, text: str, p: float = 0.5) -> str:
    return text if rng.random() < p else ""


def join(*parts: str) -> str:
    """Join non-empty parts with single spaces."""
    return " ".join(part.strip() for part in parts if part and part.strip())


def fixed(templates: list[str], slot: str, values: list[str]) -> list[str]:
    """Fill one slot of each template with its own value, so no story repeats with a new name."""
    return [
        t.replace("{" + slot + "}", values[(i * 7) % len(values)]) for i, t in enumerate(templates)
    ]


def pick(pool: list[str]) -> Callable[[random.Random], str]:
    """A maker that returns one line of ``pool``."""

    def make(rng: random.Random) -> str:
        return rng.choice(pool)

    return make
