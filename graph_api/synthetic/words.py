"""The vocabulary synthetic datasets draw names, places and dates from."""

from __future__ import annotations

import random
from datetime import date, timedelta

WORDS_A = [
    "Apex",
    "Blue",
    "Bright",
    "Cedar",
    "Cobalt",
    "Crest",
    "Delta",
    "Ember",
    "Falcon",
    "Granite",
    "Harbor",
    "Iron",
    "Juniper",
    "Keystone",
    "Lumen",
    "Maple",
    "Meridian",
    "Nova",
    "Oak",
    "Orbit",
    "Pioneer",
    "Quartz",
    "Redwood",
    "Sierra",
    "Summit",
    "Terra",
    "Vector",
    "Willow",
    "Zenith",
    "Atlas",
    "Beacon",
    "Canyon",
    "Drift",
    "Echo",
    "Fjord",
    "Glacier",
    "Horizon",
]
WORDS_B = [
    "Systems",
    "Solutions",
    "Networks",
    "Logistics",
    "Foods",
    "Health",
    "Energy",
    "Bank",
    "Retail",
    "Labs",
    "Media",
    "Works",
    "Motors",
    "Pharma",
    "Textiles",
    "Capital",
    "Insurance",
    "Robotics",
    "Analytics",
    "Foundry",
    "Telecom",
]
INDUSTRIES = [
    "software",
    "manufacturing",
    "healthcare",
    "retail",
    "finance",
    "logistics",
    "energy",
    "education",
    "telecom",
    "government",
    "hospitality",
    "media",
]
FIRST = [
    "Ana",
    "Ben",
    "Carla",
    "Dev",
    "Elif",
    "Finn",
    "Grace",
    "Hugo",
    "Ines",
    "Jon",
    "Kira",
    "Liam",
    "Maya",
    "Noah",
    "Omar",
    "Pia",
]
LAST = [
    "Adler",
    "Brooks",
    "Costa",
    "Dietz",
    "Evans",
    "Fischer",
    "Garcia",
    "Huber",
    "Ito",
    "Jensen",
    "Kowalski",
    "Lund",
]
REGIONS = ("NA", "EMEA", "APAC", "LATAM")
KINDS = (
    ("reseller", 40),
    ("referral", 20),
    ("technology", 10),
    ("integrator", 10),
    ("msp", 8),
    ("distributor", 5),
    ("dealer", 4),
    ("service", 3),
)
STAGES = (
    ("won", 30),
    ("lost", 15),
    ("prospect", 15),
    ("qualified", 15),
    ("proposal", 15),
    ("negotiation", 10),
)
BASE = date(2024, 1, 1)


def pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    values = [v for v, _ in weighted]
    weights = [w for _, w in weighted]
    return rng.choices(values, weights)[0]


def day(offset: int) -> str:
    return (BASE + timedelta(days=offset)).isoformat()
