"""Every traversal and intelligence field answers on entities with no relationships at
all: a fresh deal, an isolated partner, a customer with nothing. No errors, and every
list is empty and every figure zero, except what the anchor itself carries (the deal's
own amount, which is then wholly unattributed; the root of a view or path).

The queries are generated from the schema: each relationship-intelligence root field
with every anchor in its id arguments (and every value of its enum arguments), and
each anchor entity's own nested fields, so fields added later are covered.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLNonNull,
    get_named_type,
)
from graphql.pyutils import Undefined

from graph_api.intelligence.queries import IntelligenceQuery
from graph_api.schema import schema
from graph_api.store import Store
from tests.support.graphs import load, record
from tests.support.selections import needs_arguments
from tests.support.selections import selection as generated_selection
from tests.support.servers import LiveServer

AMOUNT = 1250.0
# Each anchor alone: no relationship at all.
RECORDS = [
    record(
        "Deal",
        id="d-fresh",
        name="Fresh deal",
        amount=AMOUNT,
        currency="USD",
        stage="prospect",
        createdDate="2024-03-01",
        closeDate="2024-06-30",
    ),
    record("Partner", id="p-alone", name="Alone", kind="reseller", tier="gold", region="NA"),
    record("Partner", id="p-other", name="Other", kind="referral", tier="silver", region="EMEA"),
    record("Customer", id="c-alone", name="Nobody Inc", region="NA", size="small"),
]
ANCHORS = {"Partner": "p-alone", "Deal": "d-fresh", "Customer": "c-alone"}
PERIOD = {"from": '"2024-01-01"', "to": '"2024-12-31"'}
DEPTH = 3
# What an anchor legitimately carries about itself: root field -> path suffixes.
# The deal's own amount may show wherever the deal does.
EVERYWHERE = {"deal.amount"}
OWN: dict[str, set[str]] = {
    # A deal with no credits: its whole amount is unattributed.
    "dealCredit": {"dealCredit.amount", "unattributedAmount"},
    # The root itself and its key properties.
    "relationshipView": {"depth", "nodes", "properties"},
}
# ecosystemHealth describes the whole graph, and the isolated partners and customer
# are part of it: they count as partners and customers (and the customer, served by
# no active partner, as a coverage gap); the neutral growth score is 0.5. Everything
# that needs a relationship (active partners, won value, co-selling) stays zero.
OWN["ecosystemHealth"] = {
    "partners",
    "score",
    "growthScore",
    "byRegion",
    "byTier",
    "coverageGaps",
    "customers",
}


def intelligence_fields() -> list[str]:
    definition = IntelligenceQuery.__strawberry_definition__  # type: ignore[attr-defined]
    names = [schema.config.name_converter.get_graphql_name(f) for f in definition.fields]
    assert len(names) >= 12
    return names


def id_values(arg: str) -> list[str]:
    """The anchors an id argument can take: its entity by name, else any of them."""
    if arg == "otherPartnerId":
        return ["p-other"]
    for label, anchor in ANCHORS.items():
        if arg.lower().startswith(label.lower()):
            return [anchor]
    return list(ANCHORS.values())


def argument_sets(field: GraphQLField) -> Iterator[str]:
    """Every combination of anchors and enum values for the field's required arguments."""
    choices: list[list[str]] = []
    names: list[str] = []
    for name, arg in field.args.items():
        named = get_named_type(arg.type)
        required = isinstance(arg.type, GraphQLNonNull) and arg.default_value is Undefined
        if named.name == "ID" and (required or name == "partnerId"):
            choices.append([f'"{v}"' for v in id_values(name)])
        elif named.name == "Date" and required:
            choices.append([PERIOD[name]])
        elif isinstance(named, GraphQLEnumType) and required:
            choices.append(list(named.values))
        elif required:
            raise AssertionError(f"no value for required argument {name}: {arg.type}")
        else:
            continue
        names.append(name)
    for combo in itertools.product(*choices):
        ids = [v for n, v in zip(names, combo, strict=True) if n.endswith("Id")]
        if len(set(ids)) < len(ids):
            continue  # a path or overlap from an entity to itself says nothing here
        args = ", ".join(f"{n}: {v}" for n, v in zip(names, combo, strict=True))
        yield f"({args})" if args else ""


def selection(type_: Any, depth: int) -> str:
    def arguments(field: GraphQLField, leaf: bool) -> str | None:
        return None if needs_arguments(field) else ""

    return generated_selection(type_, depth, arguments, leaf_unions=True)


def queries() -> Iterator[tuple[str, str]]:
    query_type = schema._schema.query_type
    assert query_type is not None
    for name in intelligence_fields():
        field = query_type.fields[name]
        body = selection(field.type, DEPTH)
        for args in argument_sets(field):
            yield f"{name}{args}", f"{{ {name}{args} {body} }}"
    # Each anchor's own traversals: every nested field of the entity itself.
    for label, anchor in ANCHORS.items():
        root = label[0].lower() + label[1:]
        body = selection(query_type.fields[root].type, 2)
        yield f"{root}({anchor})", f'{{ {root}(id: "{anchor}") {body} }}'


def leftovers(value: Any, path: str, allowed: set[str]) -> Iterator[str]:
    """Non-empty lists and non-zero figures, except the ``allowed`` ones (path suffixes)."""
    tail = re.sub(r"\[\d+\]", "", path)
    own = any(tail.endswith(f".{key}") for key in allowed | EVERYWHERE)
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leftovers(item, f"{path}.{key}", allowed)
    elif isinstance(value, list):
        if value and not own:
            yield f"{path}: {value!r}"
        for index, item in enumerate(value):
            yield from leftovers(item, f"{path}[{index}]", allowed)
    elif _figure(value) and value != 0 and not own:
        yield f"{path}: {value!r}"


def _figure(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


async def test_every_traversal_answers_on_entities_with_no_relationships(
    server: LiveServer, store: Store
) -> None:
    await load(store, [RECORDS])
    asked = set()
    problems: list[str] = []
    for label, query in queries():
        asked.add(label.split("(")[0])
        body = server.gql(query)
        if body.get("errors"):
            problems.append(f"{label}: {body['errors']}")
            continue
        field = label.split("(")[0]
        problems.extend(leftovers(body["data"], label, OWN.get(field, set())))
    assert set(intelligence_fields()) <= asked
    assert problems == [], "\n".join(problems)


async def test_deal_credit_of_a_deal_without_credits_is_all_unattributed(
    server: LiveServer, store: Store
) -> None:
    await load(store, [RECORDS])
    for model in ("EVEN", "ROLE_WEIGHTED", "FIRST_TOUCH", "LAST_TOUCH", "DECLARED", "TIME_DECAY"):
        body = server.gql(
            f'{{ dealCredit(dealId: "d-fresh", model: {model}) {{ amount unattributedAmount '
            "otherCreditAmount lines { partnershipId } } }"
        )
        assert "errors" not in body, (model, body)
        assert body["data"]["dealCredit"] == {
            "amount": AMOUNT,
            "unattributedAmount": AMOUNT,
            "otherCreditAmount": 0.0,
            "lines": [],
        }
