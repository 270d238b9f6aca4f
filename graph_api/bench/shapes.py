"""The entity-API shapes: what a frontend asks for, and a single statement that answers it.

Each shape is one GraphQL document, a variable maker, and a hand-written
reference statement under ``cypher/bench/`` that returns the same answer in
the response's own shape (enum values upper-cased, nested connections as
``{nodes: [...]}``), so the two compare after :func:`canonical`.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph_api.cypher import NamedQuery, named

PERIOD_DAYS = 91  # the portal header's period, ending at the last close date
WON_SPAN_DAYS = 3650  # partnerWon: ten years, every close date of the generator


@dataclass
class Call:
    variables: dict[str, Any]
    params: dict[str, Any]  # the reference statement's parameters
    partner: str | None = None  # sent with this partner's token, else an admin one


@dataclass
class Shape:
    name: str
    description: str
    query: str
    reference: NamedQuery
    make: Callable[[random.Random], Call]


NESTED = """{ partners(first: 20) { nodes { id name deals(first: 10) { nodes {
  id name amount stage customer { id name }
  attributions { nodes { role share partner { id name } } } } } } } }"""

BIG_WINS = """{ deals(stage: WON, minAmount: 50000, sort: AMOUNT, direction: DESC, first: 50) {
  nodes { id name amount closeDate customer { id name }
    attributions { nodes { partnershipId role share partner { id name } } } } } }"""

PARTNERSHIPS = """{ partners(first: 50) { nodes { id name
  partnerships { nodes { id status program { id name } } } } } }"""

PARTNER_WON = """query ($p: ID!, $from: Date!, $to: Date!) {
  partnerDashboard(partnerId: $p, from: $from, to: $to) { wonDeals wonValue } }"""

DEAL_BY_ID = """query ($d: ID!) { deal(id: $d) {
  id name amount stage closeDate customer { id name }
  attributions { nodes { partnershipId role share partner { id name } } } } }"""

PARTNER_BY_ID = """query ($p: ID!) { partner(id: $p) { id name tier region
  partnerships { nodes { id status program { id name } } } } }"""

# The point reads: the concurrency section sends these (the other shapes take
# seconds at the larger sizes, which would measure the statements, not serving).
LOOKUPS = ("dealById", "partnerById")

# Registrations take no status argument: the portal shows the open ones
# (PENDING, APPROVED) of this list itself.
PORTAL = """query ($p: ID!, $from: Date!, $to: Date!) {
  partner(id: $p) { id name tier region }
  partnerDashboard(partnerId: $p, from: $from, to: $to) {
    registeredDeals wonDeals wonValue winRate }
  deals(partnerId: $p, sort: CREATED_AT, direction: DESC, first: 20) { totalCount nodes {
    id name amount stage customer { id name }
    attributions { nodes { partnershipId role share } } } }
  partnerships(partnerId: $p) { nodes { id program { name }
    registrations { nodes { dealId status } } } } }"""


def shapes(samples: dict[str, Any]) -> list[Shape]:
    """The shapes, with arguments spread over the sampled partners and deals."""
    partners: list[str] = samples["partners"] or ["none"]
    deals: list[str] = samples.get("deals") or ["none"]
    last = samples["lastClose"]
    last_day: dt.date = last.to_native() if last is not None else dt.date.today()
    won_from = last_day - dt.timedelta(days=WON_SPAN_DAYS - 1)
    period_from = last_day - dt.timedelta(days=PERIOD_DAYS - 1)

    def fixed(params: dict[str, Any]) -> Callable[[random.Random], Call]:
        return lambda rng: Call({}, dict(params))

    def partner_won(rng: random.Random) -> Call:
        p = partners[rng.randrange(len(partners))]
        variables = {"p": p, "from": won_from.isoformat(), "to": last_day.isoformat()}
        return Call(variables, {"partnerId": p, "from": won_from, "to": last_day})

    def portal(rng: random.Random) -> Call:
        p = partners[rng.randrange(len(partners))]
        variables = {"p": p, "from": period_from.isoformat(), "to": last_day.isoformat()}
        params = {
            "partnerId": p,
            "from": period_from,
            "to": last_day,
            "deals": 20,
            "credits": 20,
            "partnerships": 20,
            "registrations": 20,
        }
        return Call(variables, params, partner=p)

    def deal_by_id(rng: random.Random) -> Call:
        d = deals[rng.randrange(len(deals))]
        return Call({"d": d}, {"dealId": d, "credits": 20})

    def partner_by_id(rng: random.Random) -> Call:
        p = partners[rng.randrange(len(partners))]
        return Call({"p": p}, {"partnerId": p, "partnerships": 20})

    return [
        Shape(
            "dealById",
            "one deal by id > customer, attributions > partner",
            DEAL_BY_ID,
            named("bench/entity_deal_by_id"),
            deal_by_id,
        ),
        Shape(
            "partnerById",
            "one partner by id > partnerships > program",
            PARTNER_BY_ID,
            named("bench/entity_partner_by_id"),
            partner_by_id,
        ),
        Shape(
            "nested",
            "20 partners > first 10 deals > customer, attributions > partner",
            NESTED,
            named("bench/entity_nested"),
            fixed({"partners": 20, "deals": 10, "credits": 20}),
        ),
        Shape(
            "bigWins",
            "won deals >= 50k by amount desc, first 50, with attributions",
            BIG_WINS,
            named("bench/entity_big_wins"),
            fixed({"minAmount": 50000.0, "first": 50, "credits": 20}),
        ),
        Shape(
            "partnerships",
            "first 50 partners > partnerships > program",
            PARTNERSHIPS,
            named("bench/entity_partnerships"),
            fixed({"first": 50, "partnerships": 20}),
        ),
        Shape(
            "partnerWon",
            "one partner's won deal count and value (aggregate)",
            PARTNER_WON,
            named("bench/entity_partner_won"),
            partner_won,
        ),
        Shape(
            "portal",
            "partner portal first page with the partner's token",
            PORTAL,
            named("bench/entity_portal"),
            portal,
        ),
    ]


def canonical(value: Any) -> Any:
    """A comparable form of an answer: dates as ISO text, numbers as rounded floats."""
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return round(float(value), 6)
    native = getattr(value, "to_native", None)
    if callable(native):
        value = native()
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


class AnswerMismatch(Exception):
    """The endpoint and the reference statement disagree: the bench must not report."""


def check_same(shape: str, endpoint: Any, reference: Any) -> None:
    left, right = canonical(endpoint), canonical(reference)
    if left != right:
        raise AnswerMismatch(
            f"{shape}: the endpoint's answer differs from the reference statement's at "
            f"{_first_difference(left, right)}"
        )


def _first_difference(left: Any, right: Any, path: str = "data") -> str:
    if isinstance(left, dict) and isinstance(right, dict):
        for key in sorted(set(left) | set(right)):
            if key not in left or key not in right:
                return f"{path}.{key} (only in {'reference' if key in right else 'endpoint'})"
            if left[key] != right[key]:
                return _first_difference(left[key], right[key], f"{path}.{key}")
    if isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            return f"{path}: {len(left)} items from the endpoint, {len(right)} from the reference"
        for i, (a, b) in enumerate(zip(left, right, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{path}[{i}]")
    shown = [json.dumps(v, default=str)[:200] for v in (left, right)]
    return f"{path}: endpoint {shown[0]} != reference {shown[1]}"
