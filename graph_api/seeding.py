"""Demo data and synthetic datasets, both loaded through the import path.

``seed/demo.jsonl`` is a curated dataset (made by ``seed/make_demo.py``).
:func:`synthetic_records` makes datasets of any size, deterministic per seed,
in the import format and in dependency order so they stream in batches.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from graph_api.cypher import named
from graph_api.datafiles import data_dir
from graph_api.ingest import ImportReport, import_records
from graph_api.ingest.relationships import rel_id
from graph_api.ingest.spec import SPECS
from graph_api.store import Store

SEED_DIR = data_dir("seed")
DEMO_FILE = SEED_DIR / "demo.jsonl"
SEED_ACTOR = "seed"

ANY_PARTNER = named("queries/ingest_any_partner")
EDITED = named("queries/seed_edited_records")
EDITED_BATCH = 1000


def demo_rows(path: Path = DEMO_FILE) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, json.loads(line)


async def load_demo(
    store: Store, progress: Callable[[int], None] | None = None, path: Path = DEMO_FILE
) -> ImportReport:
    """Load the demo dataset idempotently (a second load changes nothing)."""
    return await import_records(store, demo_rows(path), SEED_ACTOR, progress=progress)


async def seed_demo_if_empty(store: Store) -> str | None:
    """Load the demo dataset when the graph holds no partners; return a summary or None."""
    if await store.read_one(ANY_PARTNER) is not None or not DEMO_FILE.exists():
        return None
    report = await load_demo(store)
    return report.summary()


async def edited_records(
    store: Store, rows: Iterable[tuple[int, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Records among ``rows`` that someone other than the seed changed (or deleted)
    after they were loaded, so seeding them again would revert that change.

    Read from the change log: a record whose latest entry is the seed's own is
    as the seed left it. An empty graph has no entries, so nothing is in the way.
    """
    if await store.read_one(ANY_PARTNER) is None:
        return []
    edited: list[dict[str, Any]] = []
    batch: list[str] = []
    for _, record in rows:
        spec = SPECS.get(str(record.get("type")))
        if spec is None:
            continue
        if spec.is_node:
            if record.get("id"):
                batch.append(str(record["id"]))
        elif all(record.get(end) for end in spec.endpoints):
            batch.append(rel_id(spec, record))
        if len(batch) >= EDITED_BATCH:
            edited += await store.read(EDITED, ids=batch, seedActor=SEED_ACTOR)
            batch = []
    if batch:
        edited += await store.read(EDITED, ids=batch, seedActor=SEED_ACTOR)
    return edited


# -- synthetic datasets -------------------------------------------------------------------

_WORDS_A = [
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
_WORDS_B = [
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
_INDUSTRIES = [
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
_FIRST = [
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
_LAST = [
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
_REGIONS = ("NA", "EMEA", "APAC", "LATAM")
_KINDS = (
    ("reseller", 40),
    ("referral", 20),
    ("technology", 10),
    ("integrator", 10),
    ("msp", 8),
    ("distributor", 5),
    ("dealer", 4),
    ("service", 3),
)
_STAGES = (
    ("won", 30),
    ("lost", 15),
    ("prospect", 15),
    ("qualified", 15),
    ("proposal", 15),
    ("negotiation", 10),
)
_BASE = date(2024, 1, 1)


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    values = [v for v, _ in weighted]
    weights = [w for _, w in weighted]
    return rng.choices(values, weights)[0]


def _day(offset: int) -> str:
    return (_BASE + timedelta(days=offset)).isoformat()


def synthetic_records(
    partners: int, seed: int, customers: int | None = None, deals: int | None = None
) -> Iterator[dict[str, Any]]:
    """A deterministic synthetic ecosystem: ``partners`` partners, ~20x customers and
    ~50x deals by default, with programs, partnerships, a distribution hierarchy,
    consents, leads, contacts, attributions, registrations and goals, plus enablement
    (courses, requirements, staff, completions, certifications) and the channel
    (products, orders, stock levels, warranty claims).

    The same arguments always yield the same records, referenced records first.
    """
    rng = random.Random(seed)
    n_partners = max(1, partners)
    n_customers = customers if customers is not None else 20 * n_partners
    n_deals = deals if deals is not None else 50 * n_partners
    tag = f"s{seed}"

    programs = [
        ("reseller", "Reseller Program", "reseller", "percent_of_deal", 0.2),
        ("referral", "Referral Program", "referral", "per_lead", 1000.0),
        ("alliance", "Technology Alliance", "technology", "percent_of_deal", 0.05),
        ("distribution", "Distribution Program", "distribution", "percent_of_deal", 0.1),
    ]
    for key, name, program_kind, kind, terms in programs:
        record: dict[str, Any] = {
            "type": "Program",
            "id": f"{tag}-prog-{key}",
            "name": name,
            "kind": program_kind,
            "commissionType": kind,
            "currency": "USD",
        }
        record["commissionRate" if kind == "percent_of_deal" else "flatAmount"] = terms
        yield record

    kinds: list[str] = []
    for i in range(n_partners):
        kind = _pick(rng, _KINDS)
        kinds.append(kind)
        name = f"{rng.choice(_WORDS_A)} {rng.choice(_WORDS_B)} {i}"
        yield {
            "type": "Partner",
            "id": f"{tag}-partner-{i}",
            "name": name,
            "domain": f"partner{i}-{tag}.example.com",
            "kind": kind,
            "tier": rng.choice(("registered", "silver", "gold", "platinum")),
            "region": rng.choice(_REGIONS),
        }

    for i in range(n_customers):
        yield {
            "type": "Customer",
            "id": f"{tag}-customer-{i}",
            "name": f"{rng.choice(_WORDS_A)} {rng.choice(_WORDS_B)} {i}",
            "domain": f"customer{i}-{tag}.example.org",
            "industry": rng.choice(_INDUSTRIES),
            "region": rng.choice(_REGIONS),
            "size": rng.choice(("small", "mid", "enterprise")),
        }

    program_for = {
        "referral": "referral",
        "technology": "alliance",
        "distributor": "distribution",
    }
    partnerships: list[tuple[str, int]] = []  # (partnership id, partner index)
    for i, kind in enumerate(kinds):
        programs_held = [program_for.get(kind, "reseller")]
        if kind in ("reseller", "integrator", "msp") and rng.random() < 0.3:
            programs_held.append("referral")
        for key in programs_held:
            ps_id = f"{tag}-ps-{i}-{key}"
            partnerships.append((ps_id, i))
            yield {
                "type": "Partnership",
                "id": ps_id,
                "partnerId": f"{tag}-partner-{i}",
                "programId": f"{tag}-prog-{key}",
                "status": rng.choice(("active", "active", "active", "pending", "suspended")),
                "level": rng.choice(("standard", "premier")),
                "startDate": _day(-rng.randint(30, 900)),
            }

    for i in range(n_customers):
        for c in range(rng.choice((0, 1, 1, 2))):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            yield {
                "type": "Contact",
                "id": f"{tag}-contact-{i}-{c}",
                "name": f"{first} {last}",
                "email": f"{first}.{last}{c}@customer{i}-{tag}.example.org".lower(),
                "title": rng.choice(("CIO", "IT Manager", "Buyer", "CFO", "Engineer")),
                "customerId": f"{tag}-customer-{i}",
            }

    deal_credit: list[list[tuple[str, str, float]]] = []
    for d in range(n_deals):
        stage = _pick(rng, _STAGES)
        created = rng.randint(-700, 0)
        amount = round(rng.lognormvariate(10, 1.0), -2) or 100.0
        record = {
            "type": "Deal",
            "id": f"{tag}-deal-{d}",
            "name": f"Deal {d}",
            "amount": amount,
            "currency": "USD",
            "stage": stage,
            "createdDate": _day(created),
            "customerId": f"{tag}-customer-{rng.randrange(max(1, n_customers))}",
        }
        if stage in ("won", "lost"):
            record["closeDate"] = _day(created + rng.randint(10, 180))
        if n_customers == 0:
            del record["customerId"]
        yield record
        credited = rng.sample(partnerships, k=min(len(partnerships), rng.choice((1, 1, 1, 2, 3))))
        shares = [round(1 / len(credited), 2)] * len(credited)
        roles = ["sourced", "influenced", "delivered"]
        deal_credit.append([(ps_id, roles[k], shares[k]) for k, (ps_id, _) in enumerate(credited)])

    # Referred leads: about a fifth of the deals came from one, plus open leads.
    referrals = [ps for ps in partnerships if ps[0].endswith("-referral")] or partnerships
    for d in range(n_deals):
        if referrals and rng.random() < 0.2:
            yield {
                "type": "Lead",
                "id": f"{tag}-lead-{d}",
                "name": f"Lead for deal {d}",
                "email": f"lead{d}@prospect-{tag}.example.net",
                "company": f"{rng.choice(_WORDS_A)} {rng.choice(_WORDS_B)}",
                "status": "converted",
                "partnershipId": rng.choice(referrals)[0],
                "convertedDealId": f"{tag}-deal-{d}",
                "createdDate": _day(rng.randint(-800, -10)),
            }
    for k in range(n_partners * 3 if referrals else 0):
        yield {
            "type": "Lead",
            "id": f"{tag}-lead-open-{k}",
            "name": f"Open lead {k}",
            "email": f"open{k}@prospect-{tag}.example.net",
            "company": f"{rng.choice(_WORDS_A)} {rng.choice(_WORDS_B)}",
            "status": rng.choice(("new", "qualified", "disqualified")),
            "partnershipId": rng.choice(referrals)[0],
            "createdDate": _day(rng.randint(-300, 0)),
        }

    for i in range(n_partners):
        yield {
            "type": "Goal",
            "id": f"{tag}-goal-{i}",
            "partnerId": f"{tag}-partner-{i}",
            "metric": rng.choice(("won_value", "deals_won", "pipeline_value")),
            "target": float(rng.randint(5, 200) * 10_000),
            "periodStart": "2025-01-01",
            "periodEnd": "2025-12-31",
        }

    for d, credits in enumerate(deal_credit):
        for ps_id, role, share in credits:
            yield {
                "type": "Attribution",
                "dealId": f"{tag}-deal-{d}",
                "partnershipId": ps_id,
                "role": role,
                "share": share,
                "at": f"{_day(rng.randint(-700, 0))}T12:00:00Z",
            }
        if credits and rng.random() < 0.3:
            yield {
                "type": "Registration",
                "dealId": f"{tag}-deal-{d}",
                "partnershipId": credits[0][0],
                "at": f"{_day(rng.randint(-700, 0))}T09:00:00Z",
                "status": rng.choice(("pending", "approved", "approved", "rejected")),
            }

    for i in range(n_partners):
        served: set[int] = set()
        for _ in range(rng.randint(1, 4) if n_customers else 0):
            customer, since = rng.randrange(n_customers), _day(-rng.randint(0, 1500))
            if customer in served:  # a repeat would be refused by the importer
                continue
            served.add(customer)
            yield {
                "type": "Serves",
                "partnerId": f"{tag}-partner-{i}",
                "customerId": f"{tag}-customer-{customer}",
                "since": since,
            }

    # Distribution: every distributor below index-order earlier distributors at most,
    # so the hierarchy has several tiers and never a cycle.
    distributors = [i for i, kind in enumerate(kinds) if kind == "distributor"]
    for position, i in enumerate(distributors[1:], start=1):
        if rng.random() < 0.5:
            yield {
                "type": "ResellsFor",
                "partnerId": f"{tag}-partner-{i}",
                "distributorId": f"{tag}-partner-{distributors[rng.randrange(position)]}",
            }
    if distributors:
        for i, kind in enumerate(kinds):
            if kind in ("reseller", "dealer", "msp") and rng.random() < 0.6:
                yield {
                    "type": "ResellsFor",
                    "partnerId": f"{tag}-partner-{i}",
                    "distributorId": f"{tag}-partner-{rng.choice(distributors)}",
                }

    for i in range(n_partners):
        if n_partners > 1 and rng.random() < 0.3:
            other = rng.randrange(n_partners)
            if other != i:
                yield {
                    "type": "SharesWith",
                    "partnerId": f"{tag}-partner-{i}",
                    "withPartnerId": f"{tag}-partner-{other}",
                    "level": rng.choice(("counts", "overlaps", "full")),
                }

    yield from _enablement_and_channel(rng, tag, kinds, n_customers)


_FAMILIES = ("pumps", "valves", "compressors", "spares")


def _enablement_and_channel(
    rng: random.Random, tag: str, kinds: list[str], n_customers: int
) -> Iterator[dict[str, Any]]:
    """Courses and the reseller program's requirements; each partner's staff with their
    completions and certifications; products, and the orders, stock and warranty claims
    of the partners that sell them. Drawn after everything else from the same generator,
    so the records before them are those of a run without them."""
    courses = (("training", None), ("certification", 730), ("certification", 365))
    for k, (kind, validity) in enumerate(courses):
        record: dict[str, Any] = {
            "type": "Course",
            "id": f"{tag}-course-{k}",
            "name": f"{kind.title()} course {k}",
            "kind": kind,
        }
        if validity is not None:
            record["validityDays"] = validity
        yield record
    for tier, course, contacts in (("silver", 0, 1), ("gold", 1, 2), ("platinum", 1, 3)):
        yield {
            "type": "Requirement",
            "id": f"{tag}-req-{tier}-{course}",
            "programId": f"{tag}-prog-reseller",
            "courseId": f"{tag}-course-{course}",
            "tier": tier,
            "contacts": contacts,
        }
    for i in range(len(kinds)):
        for k in range(rng.randint(1, 2)):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            staff = f"{tag}-staff-{i}-{k}"
            yield {
                "type": "Contact",
                "id": staff,
                "name": f"{first} {last}",
                "email": f"{first}.{last}{k}@partner{i}-{tag}.example.com".lower(),
            }
            yield {"type": "WorksFor", "contactId": staff, "partnerId": f"{tag}-partner-{i}"}
            if rng.random() < 0.7:
                yield {
                    "type": "Completion",
                    "contactId": staff,
                    "courseId": f"{tag}-course-0",
                    "completedDate": _day(rng.randint(-600, 0)),
                    "score": rng.randint(55, 100),
                }
            if rng.random() < 0.5:
                yield {
                    "type": "Certification",
                    "contactId": staff,
                    "courseId": f"{tag}-course-{rng.choice((1, 2))}",
                    "issuedDate": _day(rng.randint(-900, 0)),
                }
    n_products = 8
    prices = [float(rng.randint(2, 120) * 50) for _ in range(n_products)]
    for k in range(n_products):
        yield {
            "type": "Product",
            "id": f"{tag}-product-{k}",
            "sku": f"{tag.upper()}-SKU-{k:03d}",
            "name": f"{rng.choice(_WORDS_A)} {_FAMILIES[k % len(_FAMILIES)]} {k}",
            "family": _FAMILIES[k % len(_FAMILIES)],
        }
    for i, kind in enumerate(kinds):
        if kind not in ("dealer", "distributor", "reseller"):
            continue
        partner = f"{tag}-partner-{i}"
        for o in range(rng.randint(1, 3)):
            order = f"{tag}-order-{i}-{o}"
            ordered = rng.randint(-400, 0)
            yield {
                "type": "Order",
                "id": order,
                "partnerId": partner,
                "orderedDate": _day(ordered),
                "status": rng.choice(("placed", "shipped", "delivered", "delivered")),
            }
            for product in rng.sample(range(n_products), rng.randint(1, 2)):
                yield {
                    "type": "OrderLine",
                    "orderId": order,
                    "productId": f"{tag}-product-{product}",
                    "quantity": rng.randint(1, 20),
                    "unitPrice": prices[product],
                }
        for product in rng.sample(range(n_products), rng.randint(1, 3)):
            point = rng.randint(2, 10)
            yield {
                "type": "StockLevel",
                "partnerId": partner,
                "productId": f"{tag}-product-{product}",
                "quantity": rng.randint(0, 3 * point),
                "reorderPoint": point,
                "countedAt": f"{_day(rng.randint(-30, 0))}T06:00:00Z",
            }
        if n_customers and rng.random() < 0.4:
            product = rng.randrange(n_products)
            yield {
                "type": "WarrantyClaim",
                "id": f"{tag}-claim-{i}",
                "partnerId": partner,
                "productId": f"{tag}-product-{product}",
                "customerId": f"{tag}-customer-{rng.randrange(n_customers)}",
                "status": rng.choice(("filed", "approved", "rejected", "paid")),
                "amount": round(prices[product] * rng.uniform(0.1, 0.5), 2),
                "filedDate": _day(rng.randint(-300, 0)),
            }


def synthetic_rows(
    partners: int, seed: int, customers: int | None = None, deals: int | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """:func:`synthetic_records` numbered like lines of a file, for import_records."""
    yield from enumerate(synthetic_records(partners, seed, customers, deals), start=1)
