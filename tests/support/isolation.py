"""A partner graph for isolation tests, and an oracle of what each partner may see.

Distributor ``pd`` has reseller ``pr1``, which has reseller ``pr2`` (two
tiers). Independent partners ``pa``, ``pb``, ``pc`` grant ``pd`` each consent
level (counts, overlaps, full); ``pd`` grants ``pa`` full; ``pz`` shares with
nobody. Deals are co-sold across partners, registered, converted from leads;
customers are shared by node and by domain. The oracle computes the visible
ids from these declarations with the rules the issue states, independently of
the app's queries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graph_api.store import Store
from tests.support.graphs import Record, load, record

PARTNERS = {
    "pd": "distributor",
    "pr1": "reseller",
    "pr2": "reseller",
    "pa": "reseller",
    "pb": "referral",
    "pc": "technology",
    "pz": "integrator",
}
RESELLS_FOR = [("pr1", "pd"), ("pr2", "pr1")]
SHARES_WITH = [
    ("pa", "pd", "counts"),
    ("pb", "pd", "overlaps"),
    ("pc", "pd", "full"),
    ("pd", "pa", "full"),
]
PROGRAMS = ["prog-resell", "prog-ref", "prog-secret"]
# partnership -> (partner, program)
PARTNERSHIPS = {
    "s-pd": ("pd", "prog-resell"),
    "s-pr1": ("pr1", "prog-resell"),
    "s-pr2": ("pr2", "prog-ref"),
    "s-pa": ("pa", "prog-resell"),
    "s-pb": ("pb", "prog-ref"),
    "s-pc": ("pc", "prog-resell"),
    "s-pz": ("pz", "prog-secret"),
}
# customer -> domain
CUSTOMERS = {
    "cu-shared": "shared.example",
    "cu-pr2": "pr2only.example",
    "cu-pa": "aonly.example",
    "cu-pb": "bonly.example",
    "cu-pb-twin": "shared.example",  # same domain as cu-shared: a domain match
    "cu-pc-twin": "shared.example",
    "cu-pz": "zonly.example",
}
SERVES = [
    ("pd", "cu-shared"),
    ("pr2", "cu-pr2"),
    ("pa", "cu-shared"),
    ("pa", "cu-pa"),
    ("pb", "cu-pb"),
    ("pb", "cu-pb-twin"),
    ("pc", "cu-pc-twin"),
    ("pz", "cu-pz"),
]
CONTACTS = {
    "ct-shared": "cu-shared",
    "ct-pr2": "cu-pr2",
    "ct-pa": "cu-pa",
    "ct-pb": "cu-pb",
    "ct-pc": "cu-pc-twin",
    "ct-pz": "cu-pz",
}
# deal -> (customer, stage, amount)
DEALS = {
    "dl-cosell": ("cu-shared", "won", 50000.0),
    "dl-pr2": ("cu-pr2", "proposal", 12000.0),
    "dl-pa": ("cu-pa", "negotiation", 8000.0),
    "dl-pb": ("cu-pb", "qualified", 7000.0),
    "dl-pc-open": ("cu-pc-twin", "proposal", 9000.0),
    "dl-pz": ("cu-pz", "won", 99000.0),
    "dl-reg": ("cu-pa", "prospect", 3000.0),
}
ATTRIBUTED = [
    ("s-pd", "dl-cosell", "sourced", 0.5),
    ("s-pa", "dl-cosell", "influenced", 0.5),
    ("s-pr2", "dl-pr2", "referred", 1.0),
    ("s-pa", "dl-pa", "sourced", 1.0),
    ("s-pb", "dl-pb", "referred", 1.0),
    ("s-pc", "dl-pc-open", "sourced", 1.0),
    ("s-pz", "dl-pz", "sourced", 1.0),
    ("s-pa", "dl-reg", "sourced", 1.0),
]
REGISTERED = [("s-pr1", "dl-reg", "pending"), ("s-pz", "dl-pz", "approved")]
# lead -> (partnership, converted deal)
LEADS = {
    "ld-pr1": ("s-pr1", None),
    "ld-pa": ("s-pa", "dl-cosell"),
    "ld-pz": ("s-pz", "dl-pz"),
}
GOALS = {"g-pd": "pd", "g-pr2": "pr2", "g-pa": "pa", "g-pz": "pz"}


def universe() -> set[str]:
    return {
        *PARTNERS,
        *PROGRAMS,
        *PARTNERSHIPS,
        *CUSTOMERS,
        *CONTACTS,
        *DEALS,
        *LEADS,
        *GOALS,
    }


def records() -> list[Record]:
    """The declarations above as import records."""
    out: list[Record] = []
    for pid, kind in PARTNERS.items():
        out.append(record("Partner", id=pid, name=f"Partner {pid}", kind=kind))
    for prog in PROGRAMS:
        out.append(
            record(
                "Program",
                id=prog,
                name=f"Program {prog}",
                commissionType="percent_of_deal",
                commissionRate=0.1,
            )
        )
    for sid, (pid, prog) in PARTNERSHIPS.items():
        out.append(
            record(
                "Partnership",
                id=sid,
                partnerId=pid,
                programId=prog,
                status="active",
                startDate="2024-01-01",
            )
        )
    for cid, domain in CUSTOMERS.items():
        out.append(record("Customer", id=cid, name=f"Customer {cid}", domain=domain))
    for pid, cid in SERVES:
        out.append(record("Serves", partnerId=pid, customerId=cid, since="2023-01-01"))
    for ct, cid in CONTACTS.items():
        out.append(record("Contact", id=ct, name=f"Contact {ct}", customerId=cid))
    for did, (cid, stage, amount) in DEALS.items():
        out.append(
            record(
                "Deal",
                id=did,
                name=f"Deal {did}",
                amount=amount,
                currency="USD",
                stage=stage,
                closeDate="2024-06-01",
                customerId=cid,
            )
        )
    for sid, did, role, share in ATTRIBUTED:
        out.append(
            record(
                "Attribution",
                partnershipId=sid,
                dealId=did,
                role=role,
                share=share,
                at="2024-05-01T00:00:00Z",
            )
        )
    for sid, did, status in REGISTERED:
        out.append(
            record(
                "Registration",
                partnershipId=sid,
                dealId=did,
                status=status,
                at="2024-02-01T00:00:00Z",
                expiresAt="2024-12-01T00:00:00Z",
            )
        )
    for lid, (sid, converted) in LEADS.items():
        out.append(
            record(
                "Lead",
                id=lid,
                name=f"Lead {lid}",
                status="converted" if converted else "new",
                createdDate="2024-01-02",
                partnershipId=sid,
                convertedDealId=converted,
            )
        )
    for gid, pid in GOALS.items():
        out.append(
            record(
                "Goal",
                id=gid,
                partnerId=pid,
                metric="won_value",
                target=1000.0,
                periodStart="2024-01-01",
                periodEnd="2024-12-31",
            )
        )
    for child, parent in RESELLS_FOR:
        out.append(record("ResellsFor", partnerId=child, distributorId=parent))
    for giver, receiver, level in SHARES_WITH:
        out.append(record("SharesWith", partnerId=giver, withPartnerId=receiver, level=level))
    return out


def change_bound(partner: str) -> int:
    """At most how many change entries of the build ``partner`` may see: each record was
    logged once, and an entry it may see names only ids it may see (a record's own id, or
    a relationship's two ends)."""
    allowed = visible(partner).allowed
    named = [
        {r["id"]} if "id" in r else {v for k, v in r.items() if k.endswith("Id")} for r in records()
    ]
    return sum(1 for ids in named if ids <= allowed)


async def build(store: Store) -> None:
    await load(store, [records()])


@dataclass(frozen=True)
class Visible:
    scope: frozenset[str]
    partners: frozenset[str]  # the `partners` list: the scope itself
    partnerships: frozenset[str]
    programs: frozenset[str]  # the programs its scope's partnerships are in
    deals: frozenset[str]
    customers: frozenset[str]
    contacts: frozenset[str]
    leads: frozenset[str]
    goals: frozenset[str]
    allowed: frozenset[str]  # every fixture id that may appear anywhere in a response


def scope_of(partner: str) -> set[str]:
    scope = {partner}
    grew = True
    while grew:
        below = {c for c, p in RESELLS_FOR if p in scope}
        grew = not below <= scope
        scope |= below
    return scope


def visible(partner: str) -> Visible:
    scope = scope_of(partner)
    partnerships = {s for s, (p, _) in PARTNERSHIPS.items() if p in scope}
    programs = {PARTNERSHIPS[s][1] for s in partnerships}
    deals = {d for s, d, _, _ in ATTRIBUTED if s in partnerships}
    deals |= {d for s, d, _ in REGISTERED if s in partnerships}
    customers = {c for p, c in SERVES if p in scope} | {DEALS[d][0] for d in deals}
    contacts = {ct for ct, c in CONTACTS.items() if c in customers}
    leads = {lead for lead, (s, _) in LEADS.items() if s in partnerships}
    goals = {g for g, p in GOALS.items() if p in scope}
    # Consent: partners who share with the scope, and those it shares with, are named;
    # at overlaps and above their accounts matching ours are visible; at full, their open
    # deals there too.
    grantors = {g: level for g, r, level in SHARES_WITH if r in scope}
    recipients = {r for g, r, _ in SHARES_WITH if g in scope}
    served = {c for p, c in SERVES if p in scope}
    domains = {CUSTOMERS[c] for c in served}
    overlap_customers: set[str] = set()
    overlap_deals: set[str] = set()
    open_stages = {"prospect", "qualified", "proposal", "negotiation"}
    for grantor, level in grantors.items():
        if level == "counts":
            continue
        theirs = {c for p, c in SERVES if p == grantor and (c in served or CUSTOMERS[c] in domains)}
        overlap_customers |= theirs
        if level == "full":
            their_ships = {s for s, (p, _) in PARTNERSHIPS.items() if p == grantor}
            credited = {d for s, d, _, _ in ATTRIBUTED if s in their_ships}
            credited |= {d for s, d, _ in REGISTERED if s in their_ships}
            overlap_deals |= {
                d for d in credited if DEALS[d][0] in theirs and DEALS[d][1] in open_stages
            }
    allowed = (
        scope
        | set(grantors)
        | recipients
        | programs
        | partnerships
        | deals
        | customers
        | contacts
        | leads
        | goals
        | overlap_customers
        | overlap_deals
    )
    return Visible(
        scope=frozenset(scope),
        partners=frozenset(scope),
        partnerships=frozenset(partnerships),
        programs=frozenset(programs),
        deals=frozenset(deals),
        customers=frozenset(customers),
        contacts=frozenset(contacts),
        leads=frozenset(leads),
        goals=frozenset(goals),
        allowed=frozenset(allowed),
    )


_TOKEN = re.compile(r"[A-Za-z0-9_-]+")


def strings(value: Any) -> Iterator[str]:
    """Every string in a response, and the id-like tokens inside each."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, str):
        yield value
        yield from _TOKEN.findall(value)
