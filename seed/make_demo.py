"""Write seed/demo.jsonl, the curated demo dataset, deterministically.

Two stories in one graph:

* Nimbus Cloud, an IT vendor, and its partner program: resellers, referral
  partners, technology partners, MSPs and integrators, and a distributor
  with resellers beneath it, three tiers deep (Northstar Distribution <-
  Cascade Solutions <- Pinewood IT). Deals are registered and co-sold.
* Helix Industrial, a manufacturer of pumps and compressors, and its channel:
  distributors, dealers and service partners, in EUR.

Run ``python seed/make_demo.py`` after changing it; the output is committed.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "demo.jsonl"
TODAY = date(2025, 6, 30)  # the dataset's "now"; fixed so the file never changes by itself

records: list[dict[str, Any]] = []


def emit(record_type: str, **fields: Any) -> None:
    records.append({"type": record_type, **{k: v for k, v in fields.items() if v is not None}})


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


def slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-").replace("--", "-")


rng = random.Random(20250630)

# -- programs ----------------------------------------------------------------------------------
# fmt: off
PROGRAMS = [
    # id, name, program kind, commission type, rate or flat amount, currency
    ("prog-nimbus-reseller", "Nimbus Reseller Program", "reseller", "percent_of_deal", 0.20, "USD"),
    ("prog-nimbus-referral", "Nimbus Referral Program", "referral", "per_lead", 1000.0, "USD"),
    ("prog-nimbus-alliance", "Nimbus Technology Alliance", "technology", "percent_of_deal", 0.05,
     "USD"),
    ("prog-nimbus-distribution", "Nimbus Distribution Program", "distribution",
     "percent_of_deal", 0.08, "USD"),
    ("prog-nimbus-msp", "Nimbus Managed Service Provider Program", "msp", "percent_of_deal",
     0.15, "USD"),
    ("prog-helix-dealer", "Helix Authorized Dealer Program", "dealer", "percent_of_deal", 0.12,
     "EUR"),
    ("prog-helix-distribution", "Helix Distribution Agreement", "distribution",
     "percent_of_deal", 0.06, "EUR"),
    ("prog-helix-service", "Helix Certified Service Network", "service", "per_lead", 250.0, "EUR"),
]
# fmt: on
for pid, name, program_kind, kind, terms, currency in PROGRAMS:
    emit(
        "Program",
        id=pid,
        name=name,
        kind=program_kind,
        commissionType=kind,
        commissionRate=terms if kind == "percent_of_deal" else None,
        flatAmount=terms if kind == "per_lead" else None,
        currency=currency,
        sourceSystem="prm",
        externalId=pid.upper(),
    )

# -- partners ----------------------------------------------------------------------------------
# name, domain, kind, tier, region, programs, distributor (name) or None
# fmt: off
NIMBUS = [
    ("Northstar Distribution", "northstar-dist.com", "distributor", "platinum", "NA",
     ["distribution"], None),
    ("Cascade Solutions", "cascade-solutions.com", "distributor", "gold", "NA",
     ["distribution", "reseller"], "Northstar Distribution"),
    ("Pinewood IT", "pinewood-it.com", "reseller", "silver", "NA", ["reseller"],
     "Cascade Solutions"),
    ("Harborview Systems", "harborview.io", "reseller", "gold", "NA", ["reseller"],
     "Cascade Solutions"),
    ("Redline Computing", "redlinecomputing.com", "reseller", "registered", "NA",
     ["reseller"], "Northstar Distribution"),
    ("Summit Data Partners", "summitdata.com", "reseller", "platinum", "NA",
     ["reseller", "referral"], "Northstar Distribution"),
    ("Bluegate Networks", "bluegate.net", "reseller", "gold", "EMEA", ["reseller"],
     "EuroLink Distribution"),
    ("Kestrel Tech", "kestrel-tech.de", "reseller", "silver", "EMEA", ["reseller"],
     "EuroLink Distribution"),
    ("EuroLink Distribution", "eurolink-dist.eu", "distributor", "platinum", "EMEA",
     ["distribution"], None),
    ("Lighthouse Consulting", "lighthouse-consulting.com", "referral", "silver", "NA",
     ["referral"], None),
    ("Fernbrook Advisors", "fernbrook.co", "referral", "registered", "NA", ["referral"], None),
    ("Quillon Partners", "quillon.io", "referral", "gold", "EMEA", ["referral"], None),
    ("Marigold Ventures", "marigoldventures.com", "referral", "registered", "APAC",
     ["referral"], None),
    ("Stackwise", "stackwise.dev", "technology", "gold", "NA", ["alliance"], None),
    ("Datapulse Analytics", "datapulse.ai", "technology", "platinum", "NA", ["alliance"], None),
    ("Sentra Security", "sentrasec.com", "technology", "gold", "EMEA", ["alliance"], None),
    ("Orbitware", "orbitware.io", "technology", "silver", "APAC", ["alliance"], None),
    ("Tidal Managed Services", "tidalms.com", "msp", "gold", "NA", ["msp", "reseller"],
     "Northstar Distribution"),
    ("Coralbay Cloud Ops", "coralbay.cloud", "msp", "silver", "APAC", ["msp"], None),
    ("Ironclad Integrators", "ironclad-si.com", "integrator", "platinum", "NA",
     ["reseller", "referral"], None),
    ("Meridian Systems Integration", "meridian-si.co.uk", "integrator", "gold", "EMEA",
     ["reseller"], "EuroLink Distribution"),
    ("Sakura Digital", "sakura-digital.jp", "reseller", "gold", "APAC", ["reseller"], None),
    ("Andes Tecnologia", "andestec.com.br", "reseller", "silver", "LATAM", ["reseller"], None),
    ("Pampas Software", "pampas-software.com.ar", "referral", "registered", "LATAM",
     ["referral"], None),
    ("Granite Peak IT", "granitepeak-it.com", "reseller", "registered", "NA", ["reseller"],
     "Harborview Systems"),
]
HELIX = [
    ("Continental Industrial Supply", "continental-supply.eu", "distributor", "platinum",
     "EMEA", ["helix-distribution"], None),
    ("Atlantic Pump & Valve", "atlantic-pv.com", "distributor", "gold", "NA",
     ["helix-distribution"], None),
    ("Rheinland Technik", "rheinland-technik.de", "dealer", "gold", "EMEA", ["helix-dealer"],
     "Continental Industrial Supply"),
    ("Nordic Flow Solutions", "nordicflow.se", "dealer", "silver", "EMEA", ["helix-dealer"],
     "Continental Industrial Supply"),
    ("Iberia Fluidos", "iberiafluidos.es", "dealer", "registered", "EMEA", ["helix-dealer"],
     "Continental Industrial Supply"),
    ("Alpine Compressors", "alpine-compressors.at", "dealer", "gold", "EMEA",
     ["helix-dealer", "helix-service"], "Continental Industrial Supply"),
    ("Great Lakes Equipment", "greatlakes-equip.com", "dealer", "gold", "NA", ["helix-dealer"],
     "Atlantic Pump & Valve"),
    ("Gulf Coast Machinery", "gulfcoastmachinery.com", "dealer", "silver", "NA",
     ["helix-dealer"], "Atlantic Pump & Valve"),
    ("Prairie Industrial", "prairie-industrial.ca", "dealer", "registered", "NA",
     ["helix-dealer"], "Atlantic Pump & Valve"),
    ("ServicePro Mechanical", "servicepro-mech.com", "service", "gold", "NA",
     ["helix-service"], None),
    ("Adriatic Service Group", "adriatic-service.hr", "service", "silver", "EMEA",
     ["helix-service"], None),
    ("Benelux Maintenance", "benelux-maintenance.nl", "service", "silver", "EMEA",
     ["helix-service"], None),
    ("Pacific Rotating Equipment", "pacific-rotating.com.au", "dealer", "silver", "APAC",
     ["helix-dealer", "helix-service"], None),
    ("Monterrey Industrial", "mty-industrial.mx", "dealer", "registered", "LATAM",
     ["helix-dealer"], "Atlantic Pump & Valve"),
]
# fmt: on

partner_ids: dict[str, str] = {}
partner_story: dict[str, str] = {}
partnerships: dict[str, list[tuple[str, str]]] = {}  # partner id -> [(partnership id, program)]
distribution: list[tuple[str, str]] = []
for story, rows in (("nimbus", NIMBUS), ("helix", HELIX)):
    for index, (name, domain, kind, tier, region, programs, above) in enumerate(rows):
        pid = f"partner-{slug(name)}"
        partner_ids[name] = pid
        partner_story[pid] = story
        emit(
            "Partner",
            id=pid,
            name=name,
            domain=domain,
            kind=kind,
            tier=tier,
            region=region,
            sourceSystem="prm",
            externalId=f"{story.upper()}-P{index + 1:03d}",
        )
        if above:
            distribution.append((name, above))
        for program in programs:
            program_id = (
                f"prog-{program}" if program.startswith("helix") else (f"prog-nimbus-{program}")
            )
            ps_id = f"ps-{slug(name)}-{program.replace('helix-', '')}"
            partnerships.setdefault(pid, []).append((ps_id, program_id))

# -- customers ---------------------------------------------------------------------------------
FIRST = [
    "Blue",
    "North",
    "Silver",
    "Green",
    "Bright",
    "Red",
    "Oak",
    "River",
    "Stone",
    "Sun",
    "Iron",
    "Clear",
    "Lake",
    "Pine",
    "Star",
    "Swift",
    "Crown",
    "Eagle",
    "Golden",
    "Harbor",
]
SECOND = ["ridge", "field", "point", "brook", "wood", "gate", "haven", "crest", "view", "line"]
SUFFIX = {
    "healthcare": ["Health", "Medical Center", "Clinics"],
    "finance": ["Bank", "Capital", "Insurance"],
    "retail": ["Retail Group", "Outfitters", "Markets"],
    "logistics": ["Logistics", "Freight", "Shipping"],
    "manufacturing": ["Manufacturing", "Industries", "Works"],
    "education": ["University", "Schools", "Academy"],
    "software": ["Software", "Labs", "Digital"],
    "energy": ["Energy", "Power", "Utilities"],
    "food": ["Foods", "Brewing", "Dairy"],
    "chemicals": ["Chemicals", "Polymers", "Coatings"],
    "water": ["Water Authority", "Water Works", "Wastewater"],
    "mining": ["Mining", "Minerals", "Aggregates"],
}
NIMBUS_INDUSTRIES = [
    "healthcare",
    "finance",
    "retail",
    "logistics",
    "education",
    "software",
    "manufacturing",
    "energy",
]
HELIX_INDUSTRIES = ["manufacturing", "food", "chemicals", "water", "mining", "energy"]
REGIONS = ["NA", "NA", "NA", "EMEA", "EMEA", "APAC", "LATAM"]

customers: list[tuple[str, str, str]] = []  # (id, story, region)
used_names: set[str] = set()
for n in range(150):
    story = "nimbus" if n < 100 else "helix"
    while True:
        industry = rng.choice(NIMBUS_INDUSTRIES if story == "nimbus" else HELIX_INDUSTRIES)
        stem = rng.choice(FIRST) + rng.choice(SECOND)
        name = f"{stem} {rng.choice(SUFFIX[industry])}"
        if name not in used_names:
            used_names.add(name)
            break
    cid = f"cust-{n + 1:03d}"
    region = rng.choice(REGIONS)
    size = rng.choices(["small", "mid", "enterprise"], [4, 4, 2])[0]
    tld = {"NA": ".com", "EMEA": ".eu", "APAC": ".com.au", "LATAM": ".com.br"}[region]
    emit(
        "Customer",
        id=cid,
        name=name,
        domain=f"{slug(name)}{tld}",
        industry=industry,
        region=region,
        size=size,
        sourceSystem="crm",
        externalId=f"ACC-{10000 + n * 7}",
    )
    customers.append((cid, story, region))

# -- partnerships ------------------------------------------------------------------------------
for pid, held in partnerships.items():
    for ps_id, program_id in held:
        start = -rng.randint(120, 1400)
        status = rng.choices(["active", "pending", "suspended", "ended"], [16, 2, 1, 1])[0]
        emit(
            "Partnership",
            id=ps_id,
            partnerId=pid,
            programId=program_id,
            status=status,
            level=rng.choice(["standard", "standard", "premier", "elite"]),
            startDate=day(start),
            endDate=day(rng.randint(-100, -1)) if status == "ended" else None,
        )

# -- contacts ----------------------------------------------------------------------------------
GIVEN = [
    "Alice",
    "Bruno",
    "Chen",
    "Dana",
    "Emeka",
    "Fatima",
    "Gustav",
    "Hana",
    "Ivan",
    "Julia",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
    "Oscar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sven",
    "Tomas",
]
FAMILY = [
    "Anders",
    "Baker",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fujita",
    "Gomez",
    "Hoffmann",
    "Ivanova",
    "Jones",
    "Kim",
    "Larsen",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Patel",
]
TITLES = [
    "CIO",
    "IT Director",
    "Head of Procurement",
    "Plant Manager",
    "CTO",
    "Buyer",
    "Maintenance Lead",
    "VP Operations",
]
contact_no = 0
for cid, _story, _ in customers:
    for _ in range(rng.choice([1, 1, 1, 2])):
        contact_no += 1
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        domain = next(r["domain"] for r in records if r.get("id") == cid)
        emit(
            "Contact",
            id=f"contact-{contact_no:03d}",
            name=f"{given} {family}",
            email=f"{given}.{family}@{domain}".lower(),
            title=rng.choice(TITLES),
            customerId=cid,
        )

# -- deals, credits, registrations, leads ------------------------------------------------------
NIMBUS_PRODUCTS = [
    "Platform subscription",
    "Data Cloud expansion",
    "Security add-on",
    "Backup & DR",
    "Analytics suite",
    "Enterprise license renewal",
    "Migration services",
    "Edge nodes",
]
HELIX_PRODUCTS = [
    "HX-400 pump line",
    "Compressor retrofit",
    "Valve package",
    "Service contract",
    "Spare parts framework",
    "Booster station",
    "Dosing skid",
]
STAGES = ["won", "won", "won", "lost", "prospect", "qualified", "proposal", "negotiation"]


def partners_of(story: str, kinds: tuple[str, ...] | None = None) -> list[str]:
    rows = NIMBUS if story == "nimbus" else HELIX
    return [partner_ids[r[0]] for r in rows if kinds is None or r[2] in kinds]


def partnership_in(pid: str, programs: tuple[str, ...]) -> str | None:
    for ps_id, program_id in partnerships.get(pid, []):
        if any(program_id.endswith(p) for p in programs):
            return ps_id
    return None


deal_rows: list[dict[str, Any]] = []
credits: list[dict[str, Any]] = []
registrations: list[dict[str, Any]] = []
leads: list[dict[str, Any]] = []
serves: set[tuple[str, str]] = set()
for n in range(300):
    story = "nimbus" if n < 210 else "helix"
    cid, _, region = rng.choice([c for c in customers if c[1] == story])
    stage = rng.choice(STAGES)
    created = -rng.randint(20, 720)
    if story == "nimbus":
        amount = round(rng.lognormvariate(10.6, 0.9), -2)
        product = rng.choice(NIMBUS_PRODUCTS)
        currency = "USD"
    else:
        amount = round(rng.lognormvariate(11.2, 0.8), -3)
        product = rng.choice(HELIX_PRODUCTS)
        currency = "EUR"
    deal_id = f"deal-{n + 1:03d}"
    customer_name = next(r["name"] for r in records if r.get("id") == cid)
    close = created + rng.randint(15, 150)
    deal_rows.append(
        {
            "id": deal_id,
            "name": f"{customer_name} - {product}",
            "amount": max(amount, 1500.0),
            "currency": currency,
            "stage": stage,
            "createdDate": day(created),
            "closeDate": day(min(close, 0)) if stage in ("won", "lost") else day(abs(close) % 90),
            "customerId": cid,
        }
    )
    # Who gets credit: the selling partner (sourced), often a second or third partner
    # co-selling (influenced: a technology partner; delivered: an MSP or service partner).
    if story == "nimbus":
        seller = rng.choice(partners_of("nimbus", ("reseller", "integrator", "distributor", "msp")))
        seller_ps = partnership_in(seller, ("reseller", "distribution", "msp"))
    else:
        seller = rng.choice(partners_of("helix", ("dealer", "distributor")))
        seller_ps = partnership_in(seller, ("dealer", "distribution"))
    assert seller_ps is not None
    shares = [(seller_ps, "sourced", 1.0)]
    if story == "nimbus" and rng.random() < 0.35:
        tech = partnership_in(rng.choice(partners_of("nimbus", ("technology",))), ("alliance",))
        assert tech is not None
        shares = [(seller_ps, "sourced", 0.7), (tech, "influenced", 0.3)]
        # A managed-service partner delivers some of them (never the seller itself:
        # a partnership holds one credit per deal).
        msp = rng.choice(partners_of("nimbus", ("msp",)))
        msp_ps = partnership_in(msp, ("msp",))
        assert msp_ps is not None
        if rng.random() < 0.4 and msp_ps != seller_ps:
            shares = [
                (seller_ps, "sourced", 0.6),
                (tech, "influenced", 0.2),
                (msp_ps, "delivered", 0.2),
            ]
    if story == "helix" and rng.random() < 0.3:
        svc = rng.choice(partners_of("helix", ("service",)))
        svc_ps = partnership_in(svc, ("service",))
        assert svc_ps is not None
        shares = [(seller_ps, "sourced", 0.85), (svc_ps, "delivered", 0.15)]
    if stage != "prospect" or rng.random() < 0.5:
        for ps_id, role, share in shares:
            credits.append(
                {
                    "dealId": deal_id,
                    "partnershipId": ps_id,
                    "role": role,
                    "share": share,
                    "at": f"{day(created + rng.randint(0, 10))}T{rng.randint(8, 18):02d}:00:00Z",
                }
            )
    serves.add((seller, cid))
    if rng.random() < 0.45:
        registered = created + rng.randint(0, 5)
        status = (
            "approved"
            if stage in ("won", "negotiation", "proposal")
            else rng.choice(["pending", "approved", "rejected", "expired"])
        )
        deal_rows[-1]["registeredDate"] = day(registered)
        registrations.append(
            {
                "dealId": deal_id,
                "partnershipId": seller_ps,
                "at": f"{day(registered)}T10:30:00Z",
                "status": status,
                "expiresAt": f"{day(registered + 90)}T23:59:59Z",
            }
        )
    # Referral partners bring leads; some become these deals.
    if rng.random() < 0.22:
        referrer = rng.choice(partners_of(story, ("referral", "service", "integrator")))
        ref_ps = partnership_in(referrer, ("referral", "service"))
        if ref_ps:
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            leads.append(
                {
                    "id": f"lead-{len(leads) + 1:03d}",
                    "name": f"{given} {family}",
                    "email": f"{given}.{family}@example.com".lower(),
                    "company": customer_name,
                    "status": "converted",
                    "partnershipId": ref_ps,
                    "convertedDealId": deal_id,
                    "customerId": cid,
                    "createdDate": day(created - rng.randint(5, 40)),
                    "convertedDate": day(created),
                }
            )
            if ref_ps not in [c["partnershipId"] for c in credits if c["dealId"] == deal_id]:
                # the referral earns its flat fee; a token share keeps the sum at most 1
                for c in credits:
                    if c["dealId"] == deal_id and c["role"] == "sourced":
                        c["share"] = round(c["share"] - 0.1, 2)
                if any(c["dealId"] == deal_id for c in credits):
                    credits.append(
                        {
                            "dealId": deal_id,
                            "partnershipId": ref_ps,
                            "role": "referred",
                            "share": 0.1,
                            "at": f"{day(created)}T09:00:00Z",
                        }
                    )

# Open and lost leads from referral partners.
for n in range(45):
    story = "nimbus" if n < 32 else "helix"
    referrer = rng.choice(partners_of(story, ("referral", "service")))
    ref_ps = partnership_in(referrer, ("referral", "service"))
    if not ref_ps:
        continue
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    company = f"{rng.choice(FIRST)}{rng.choice(SECOND)} {rng.choice(['Group', 'Holdings', 'Co'])}"
    leads.append(
        {
            "id": f"lead-{len(leads) + 1:03d}",
            "name": f"{given} {family}",
            "email": f"{given}.{family}@{slug(company)}.com".lower(),
            "company": company,
            "status": rng.choice(["new", "new", "qualified", "disqualified"]),
            "partnershipId": ref_ps,
            "createdDate": day(-rng.randint(1, 200)),
        }
    )

# Expansion leads: referrals for more business at customers that already bought. Their
# own random stream, so every record above stays as it was.
expansion = random.Random(20251202)
won = [row for row in deal_rows if row["stage"] == "won"]
for _ in range(12):
    deal = expansion.choice(won)
    story = "nimbus" if deal["currency"] == "USD" else "helix"
    referrer = expansion.choice(partners_of(story, ("referral", "service")))
    ref_ps = partnership_in(referrer, ("referral", "service"))
    if not ref_ps:
        continue
    given, family = expansion.choice(GIVEN), expansion.choice(FAMILY)
    company = deal["name"].split(" - ")[0]
    leads.append(
        {
            "id": f"lead-{len(leads) + 1:03d}",
            "name": f"{given} {family}",
            "email": f"{given}.{family}@{slug(company)}.com".lower(),
            "company": company,
            "status": expansion.choice(["new", "qualified"]),
            "partnershipId": ref_ps,
            "customerId": deal["customerId"],
            "createdDate": day(-expansion.randint(1, 60)),
        }
    )

for row in deal_rows:
    emit("Deal", **row)
for row in leads:
    emit("Lead", **row)
for row in credits:
    emit("Attribution", **row)
for row in registrations:
    emit("Registration", **row)

# Each partner's own book of accounts: the customers it sold to, plus a few more.
for pid, story in partner_story.items():
    pool = [c[0] for c in customers if c[1] == story]
    for cid in rng.sample(pool, rng.randint(1, 3)):
        serves.add((pid, cid))
for pid, cid in sorted(serves):
    emit("Serves", partnerId=pid, customerId=cid, since=day(-rng.randint(60, 2000)))

# Distribution tiers (Northstar <- Cascade <- Pinewood / Harborview <- Granite Peak).
for name, above in distribution:
    emit("ResellsFor", partnerId=partner_ids[name], distributorId=partner_ids[above])

# Data-sharing consent at every level: resellers share with their distributor,
# co-selling partners share overlaps, a few share everything.
for name, above in distribution:
    emit(
        "SharesWith",
        partnerId=partner_ids[name],
        withPartnerId=partner_ids[above],
        level="full" if rng.random() < 0.5 else "overlaps",
    )
CONSENTS = [
    ("Stackwise", "Summit Data Partners", "overlaps"),
    ("Datapulse Analytics", "Ironclad Integrators", "overlaps"),
    ("Datapulse Analytics", "Harborview Systems", "counts"),
    ("Sentra Security", "Bluegate Networks", "counts"),
    ("Tidal Managed Services", "Summit Data Partners", "full"),
    ("Lighthouse Consulting", "Ironclad Integrators", "counts"),
    ("Quillon Partners", "Meridian Systems Integration", "overlaps"),
    ("Orbitware", "Sakura Digital", "counts"),
    ("ServicePro Mechanical", "Great Lakes Equipment", "full"),
    ("Adriatic Service Group", "Rheinland Technik", "overlaps"),
    ("Benelux Maintenance", "Continental Industrial Supply", "counts"),
    ("Atlantic Pump & Valve", "Continental Industrial Supply", "counts"),
]
for a, b, level in CONSENTS:
    emit("SharesWith", partnerId=partner_ids[a], withPartnerId=partner_ids[b], level=level)

# Goals for the current year, one or two per partner.
METRICS = ["won_value", "deals_won", "pipeline_value", "leads_converted", "registrations"]
for pid in partner_story:
    for k, metric in enumerate(rng.sample(METRICS, rng.choice([1, 2]))):
        target = {
            "won_value": rng.randint(5, 60) * 25_000,
            "pipeline_value": rng.randint(10, 100) * 25_000,
            "deals_won": rng.randint(3, 25),
            "leads_converted": rng.randint(2, 15),
            "registrations": rng.randint(4, 30),
        }[metric]
        emit(
            "Goal",
            id=f"goal-{pid.removeprefix('partner-')}-{k + 1}",
            partnerId=pid,
            metric=metric,
            target=target,
            periodStart="2025-01-01",
            periodEnd="2025-12-31",
        )

# -- enablement ----------------------------------------------------------------------------------
# Courses per story, what the programs require per tier, the partners' own staff
# (WORKS_FOR) and what they completed and hold. Drawn from a generator of its own so
# the records above never change when this section does.
er = random.Random(20250701)
# fmt: off
COURSES = [
    # id, name, kind, validity in days (certifications)
    ("course-nimbus-sales-fundamentals", "Nimbus Sales Fundamentals", "training", None),
    ("course-nimbus-certified-architect", "Nimbus Certified Architect", "certification", 730),
    ("course-nimbus-security-specialist", "Nimbus Security Specialist", "certification", 365),
    ("course-helix-pump-basics", "Helix Pump Basics", "training", None),
    ("course-helix-install", "Helix Certified Installer", "certification", 730),
    ("course-helix-service-tech", "Helix Service Technician", "certification", 365),
]
REQUIREMENTS = [
    # program, tier, course, contacts
    ("prog-nimbus-reseller", "silver", "course-nimbus-sales-fundamentals", 1),
    ("prog-nimbus-reseller", "gold", "course-nimbus-certified-architect", 2),
    ("prog-nimbus-reseller", "gold", "course-nimbus-sales-fundamentals", 2),
    ("prog-nimbus-reseller", "platinum", "course-nimbus-certified-architect", 4),
    ("prog-nimbus-reseller", "platinum", "course-nimbus-security-specialist", 1),
    ("prog-helix-dealer", "silver", "course-helix-pump-basics", 1),
    ("prog-helix-dealer", "gold", "course-helix-install", 2),
    ("prog-helix-dealer", "platinum", "course-helix-install", 3),
    ("prog-helix-service", "registered", "course-helix-service-tech", 1),
    ("prog-helix-service", "gold", "course-helix-service-tech", 3),
]
# fmt: on
for cid, name, kind, validity in COURSES:
    emit("Course", id=cid, name=name, kind=kind, validityDays=validity)
for program, tier, course, contacts in REQUIREMENTS:
    rid = f"req-{program.removeprefix('prog-')}-{tier}-{course.removeprefix('course-')}"
    emit("Requirement", id=rid, programId=program, courseId=course, tier=tier, contacts=contacts)
STAFF_TITLES = ["Sales Engineer", "Solutions Architect", "Service Technician", "Account Manager"]
domains = {name: domain for rows in (NIMBUS, HELIX) for name, domain, *_ in rows}
required_programs = {program for program, *_ in REQUIREMENTS}
for name, pid in partner_ids.items():
    held = {program for _, program in partnerships.get(pid, [])}
    if not held & required_programs:
        continue
    story = partner_story[pid]
    courses = [c for c in COURSES if c[0].startswith(f"course-{story}-")]
    for k in range(1, er.randint(2, 4) + 1):
        given, family = er.choice(GIVEN), er.choice(FAMILY)
        staff = f"staff-{pid.removeprefix('partner-')}-{k}"
        emit(
            "Contact",
            id=staff,
            name=f"{given} {family}",
            email=f"{given}.{family}{k}@{domains[name]}".lower(),
            title=er.choice(STAFF_TITLES),
        )
        emit("WorksFor", contactId=staff, partnerId=pid, since=day(-er.randint(200, 2500)))
        for course, _, kind, validity in courses:
            if kind == "training" and er.random() < 0.75:
                emit(
                    "Completion",
                    contactId=staff,
                    courseId=course,
                    completedDate=day(-er.randint(10, 900)),
                    score=er.randint(62, 100),
                )
            elif kind == "certification" and er.random() < 0.5:
                # Issued up to two validity periods ago: some lapsed, some expire soon.
                assert validity is not None
                emit(
                    "Certification",
                    contactId=staff,
                    courseId=course,
                    issuedDate=day(-er.randint(30, validity + 200)),
                )

# -- the manufacturer's channel -------------------------------------------------------------------
# Helix's products; its distributors and dealers order them, keep stock, and file warranty
# claims for their customers' failures (service partners file claims too).
# fmt: off
PRODUCTS = [
    # id suffix, sku, name, family, unit price (EUR), claim weight
    ("cp-100", "HX-CP-100", "Centrifugal pump CP-100", "centrifugal pumps", 1850, 3),
    ("cp-250", "HX-CP-250", "Centrifugal pump CP-250", "centrifugal pumps", 3200, 2),
    ("dp-10", "HX-DP-10", "Dosing pump DP-10", "dosing pumps", 940, 4),
    ("dp-40", "HX-DP-40", "Dosing pump DP-40", "dosing pumps", 1420, 2),
    ("ac-75", "HX-AC-75", "Air compressor AC-75", "compressors", 6800, 2),
    ("ac-150", "HX-AC-150", "Air compressor AC-150", "compressors", 11900, 1),
    ("bv-50", "HX-BV-50", "Ball valve BV-50", "valves", 210, 1),
    ("cv-80", "HX-CV-80", "Control valve CV-80", "valves", 780, 2),
    ("ms-kit", "HX-MS-KIT", "Mechanical seal kit", "seals and spares", 95, 1),
    ("bearing-set", "HX-BRG-SET", "Bearing set", "seals and spares", 160, 1),
]
# fmt: on
for suffix, sku, name, family, _, _ in PRODUCTS:
    emit("Product", id=f"prod-hx-{suffix}", sku=sku, name=name, family=family)
sellers = [
    pid
    for name, pid in partner_ids.items()
    if partner_story[pid] == "helix"
    and any(row[0] == name and row[2] in ("dealer", "distributor") for row in HELIX)
]
for pid in sellers:
    short = pid.removeprefix("partner-")
    for k in range(1, er.randint(4, 7) + 1):
        ordered = -er.randint(5, 360)
        status = (
            "cancelled"
            if er.random() < 0.07
            else "delivered"
            if ordered < -20
            else er.choice(["placed", "shipped"])
        )
        oid = f"order-{short}-{k:03d}"
        emit(
            "Order",
            id=oid,
            partnerId=pid,
            orderedDate=day(ordered),
            status=status,
            deliveredDate=day(ordered + er.randint(4, 15)) if status == "delivered" else None,
            currency="EUR",
        )
        for suffix, _, _, _, price, _ in er.sample(PRODUCTS, er.randint(1, 3)):
            emit(
                "OrderLine",
                orderId=oid,
                productId=f"prod-hx-{suffix}",
                quantity=er.randint(1, 12) * (10 if price < 300 else 1),
                unitPrice=price,
            )
    for suffix, _, _, _, price, _ in er.sample(PRODUCTS, er.randint(3, 5)):
        point = er.randint(2, 8) * (10 if price < 300 else 1)
        emit(
            "StockLevel",
            partnerId=pid,
            productId=f"prod-hx-{suffix}",
            quantity=max(0, point + er.randint(-point, 2 * point)),
            reorderPoint=point,
            countedAt=f"{day(-er.randint(0, 6))}T07:00:00Z",
        )
claimants = sellers + [partner_ids[name] for name, _, kind, *_ in HELIX if kind == "service"]
helix_customers = [c[0] for c in customers if c[1] == "helix"]
claim_counts: dict[str, int] = {}
for _ in range(36):
    pid = er.choice(claimants)
    claim_counts[pid] = claim_counts.get(pid, 0) + 1
    suffix, _, _, _, price, _ = er.choices(PRODUCTS, [p[5] for p in PRODUCTS])[0]
    filed = -er.randint(1, 330)
    status = er.choices(["filed", "approved", "rejected", "paid"], [3, 2, 1, 4])[0]
    emit(
        "WarrantyClaim",
        id=f"claim-{pid.removeprefix('partner-')}-{claim_counts[pid]:03d}",
        partnerId=pid,
        productId=f"prod-hx-{suffix}",
        customerId=er.choice(helix_customers),
        status=status,
        amount=round(price * er.uniform(0.1, 0.6), 2),
        currency="EUR",
        filedDate=day(filed),
        resolvedDate=(
            day(min(-1, filed + er.randint(3, 40))) if status != "filed" and filed < -3 else None
        ),
        reason=er.choice(
            [
                "seal leak",
                "bearing noise",
                "motor failure",
                "cracked housing",
                "pressure loss",
                "valve seat wear",
            ]
        ),
    )

# -- campaigns ------------------------------------------------------------------------------------
# Marketing campaigns run through referral and reseller partnerships; some of those
# partnerships' leads and deals are SOURCED_FROM them. A generator of its own, so the
# records above stay as they were.
cr = random.Random(15)
# fmt: off
CAMPAIGNS = [
    # id, name, channel, start offset, days, budget
    ("cmp-spring-webinars", "Spring webinar series", "webinar", -460, 90, 24000),
    ("cmp-partner-summit", "Partner summit", "event", -300, 3, 60000),
    ("cmp-q1-email", "Q1 email nurture", "email", -180, 90, 8000),
]
# fmt: on
lead_rows = [r for r in records if r["type"] == "Lead" and r.get("partnershipId")]
deal_ids = {r["id"] for r in records if r["type"] == "Deal"}
credited: dict[str, list[str]] = {}
for r in records:
    if r["type"] == "Attribution" and r["dealId"] in deal_ids:
        credited.setdefault(r["partnershipId"], []).append(r["dealId"])
running = sorted({r["partnershipId"] for r in lead_rows} | set(credited))
deals_by_id = {r["id"]: r for r in records if r["type"] == "Deal"}
for cid, name, channel, start, length, budget in CAMPAIGNS:
    emit("Campaign", id=cid, name=name, channel=channel, startDate=day(start),
         endDate=day(start + length), budget=budget, currency="USD")  # fmt: skip
    for ps in cr.sample(running, 4):
        emit("CampaignRun", partnershipId=ps, campaignId=cid)
        for lead in [r for r in lead_rows if r["partnershipId"] == ps][:3]:
            lead.setdefault("campaignId", cid)
        for deal_id in credited.get(ps, [])[:2]:
            deals_by_id[deal_id].setdefault("campaignId", cid)

# Partnerships go after customers in the file, but any order would do: the import
# writes referenced records first.
with OUT.open("w", encoding="utf-8") as handle:
    for record in records:
        handle.write(json.dumps(record, separators=(",", ":"), ensure_ascii=False) + "\n")
print(f"wrote {len(records)} records to {OUT}")
