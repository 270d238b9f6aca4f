"""Synthetic datasets of any size, deterministic per seed, in the import format and in
dependency order so they stream in batches (``graph-api seed --scale``, the benchmarks
and the tests)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from graph_api.synthetic import words
from graph_api.synthetic.channel import enablement_and_channel


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
        kind = words.pick(rng, words.KINDS)
        kinds.append(kind)
        name = f"{rng.choice(words.WORDS_A)} {rng.choice(words.WORDS_B)} {i}"
        yield {
            "type": "Partner",
            "id": f"{tag}-partner-{i}",
            "name": name,
            "domain": f"partner{i}-{tag}.example.com",
            "kind": kind,
            "tier": rng.choice(("registered", "silver", "gold", "platinum")),
            "region": rng.choice(words.REGIONS),
        }

    for i in range(n_customers):
        yield {
            "type": "Customer",
            "id": f"{tag}-customer-{i}",
            "name": f"{rng.choice(words.WORDS_A)} {rng.choice(words.WORDS_B)} {i}",
            "domain": f"customer{i}-{tag}.example.org",
            "industry": rng.choice(words.INDUSTRIES),
            "region": rng.choice(words.REGIONS),
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
                "startDate": words.day(-rng.randint(30, 900)),
            }

    for i in range(n_customers):
        for c in range(rng.choice((0, 1, 1, 2))):
            first, last = rng.choice(words.FIRST), rng.choice(words.LAST)
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
        stage = words.pick(rng, words.STAGES)
        created = rng.randint(-700, 0)
        amount = round(rng.lognormvariate(10, 1.0), -2) or 100.0
        record = {
            "type": "Deal",
            "id": f"{tag}-deal-{d}",
            "name": f"Deal {d}",
            "amount": amount,
            "currency": "USD",
            "stage": stage,
            "createdDate": words.day(created),
            "customerId": f"{tag}-customer-{rng.randrange(max(1, n_customers))}",
        }
        if stage in ("won", "lost"):
            record["closeDate"] = words.day(created + rng.randint(10, 180))
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
                "company": f"{rng.choice(words.WORDS_A)} {rng.choice(words.WORDS_B)}",
                "status": "converted",
                "partnershipId": rng.choice(referrals)[0],
                "convertedDealId": f"{tag}-deal-{d}",
                "createdDate": words.day(rng.randint(-800, -10)),
            }
    for k in range(n_partners * 3 if referrals else 0):
        yield {
            "type": "Lead",
            "id": f"{tag}-lead-open-{k}",
            "name": f"Open lead {k}",
            "email": f"open{k}@prospect-{tag}.example.net",
            "company": f"{rng.choice(words.WORDS_A)} {rng.choice(words.WORDS_B)}",
            "status": rng.choice(("new", "qualified", "disqualified")),
            "partnershipId": rng.choice(referrals)[0],
            "createdDate": words.day(rng.randint(-300, 0)),
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
                "at": f"{words.day(rng.randint(-700, 0))}T12:00:00Z",
            }
        if credits and rng.random() < 0.3:
            yield {
                "type": "Registration",
                "dealId": f"{tag}-deal-{d}",
                "partnershipId": credits[0][0],
                "at": f"{words.day(rng.randint(-700, 0))}T09:00:00Z",
                "status": rng.choice(("pending", "approved", "approved", "rejected")),
            }

    for i in range(n_partners):
        served: set[int] = set()
        for _ in range(rng.randint(1, 4) if n_customers else 0):
            customer, since = rng.randrange(n_customers), words.day(-rng.randint(0, 1500))
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

    yield from enablement_and_channel(rng, tag, kinds, n_customers)


def synthetic_rows(
    partners: int, seed: int, customers: int | None = None, deals: int | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """:func:`synthetic_records` numbered like lines of a file, for import_records."""
    yield from enumerate(synthetic_records(partners, seed, customers, deals), start=1)
