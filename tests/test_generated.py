"""Generated operations from our own schema (hypothesis-graphql), over real HTTP.

1. Queries for every root field under a partner token: no id outside the
   partner's slice appears anywhere in a response.
2. Queries and mutations at large, under admin, analyst and partner tokens:
   never a 5xx, never a masked internal error, every error typed.

Generation is derandomized (the same operations every run) and the root fields
are read from the schema, so fields added later are generated too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import graphql
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries

from graph_api.embedded import Connection
from graph_api.schema import schema
from graph_api.store import Store
from tests.support import isolation as fx
from tests.support.hostile import INJECTIONS
from tests.support.isolation import strings
from tests.support.security import SecureServer, auth, secure_server

# Per root field; a few generated operations repeat, and each test asserts that at
# least 1,000 distinct ones were sent.
QUERIES_PER_FIELD = 36
OPERATIONS_PER_FIELD = 18
PARTNER = "pr1"
TYPED = {
    "BAD_USER_INPUT",
    "FORBIDDEN",
    "NOT_FOUND",
    "LIMIT_EXCEEDED",
    "GRAPHQL_VALIDATION_FAILED",
    "GRAPHQL_PARSE_FAILED",
    "UNAUTHENTICATED",
}


@pytest.fixture(scope="module")
def secured(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated) as server:
        yield server


def _scalars(ids: list[str], small_ints: bool) -> dict[str, st.SearchStrategy[Any]]:
    text = st.one_of(st.sampled_from(INJECTIONS), st.text(max_size=12))
    scalars: dict[str, st.SearchStrategy[Any]] = {
        "ID": st.one_of(st.sampled_from(ids), st.text(max_size=8)).map(nodes.String),
        "String": text.map(nodes.String),
        "Date": st.dates(date(2020, 1, 1), date(2027, 12, 31)).map(nodes.String),
        "DateTime": st.datetimes(datetime(2020, 1, 1), datetime(2027, 12, 31))
        .map(lambda d: d.replace(tzinfo=UTC).isoformat())
        .map(nodes.String),
        "JSON": text.map(nodes.String),
    }
    if small_ints:
        scalars["Int"] = st.integers(0, 25).map(nodes.Int)
    return scalars


SETTINGS = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "suppress_health_check": list(HealthCheck),
}


def _run(strategy: Any, examples: int, check: Callable[[str], None]) -> None:
    """Run ``check`` on ``examples`` generated operations (the same ones every run)."""

    @settings(max_examples=examples, **SETTINGS)  # type: ignore[arg-type]
    @given(strategy)
    def run(operation: str) -> None:
        check(operation)

    run()


def _root_fields(kind: graphql.GraphQLObjectType | None) -> list[str]:
    return sorted(kind.fields) if kind is not None else []


def _check_typed(body: dict[str, Any], where: str) -> None:
    for error in body.get("errors") or []:
        code = error.get("extensions", {}).get("code")
        assert code in TYPED, (where, error)


async def test_generated_queries_stay_inside_the_partner_slice(
    secured: SecureServer, store: Store
) -> None:
    await fx.build(store)
    forbidden = fx.universe() - fx.visible(PARTNER).allowed
    headers = auth("partner", PARTNER)
    scalars = _scalars(sorted(fx.universe()), small_ints=True)
    fields = _root_fields(schema._schema.query_type)
    sent = 0
    answered = 0
    distinct: set[str] = set()

    def send(field: str, query: str) -> None:
        nonlocal sent, answered
        response = secured.gql(query, headers=headers)
        sent += 1
        distinct.add(query)
        assert response.status_code == 200, (field, query, response.text[:300])
        body = response.json()
        _check_typed(body, query)
        leaked = set(strings(body.get("data"))) & forbidden
        assert not leaked, f"{query} leaked {sorted(leaked)}"
        if body.get("data"):
            answered += 1

    for field in fields:
        strategy = queries(schema._schema, fields=[field], custom_scalars=scalars, allow_x00=False)
        _run(strategy, QUERIES_PER_FIELD, functools.partial(send, field))
    assert len(distinct) >= 1000, (len(distinct), sent)
    assert answered >= sent // 2, (answered, sent)


async def test_generated_operations_never_fail_the_server(
    secured: SecureServer, store: Store
) -> None:
    await fx.build(store)
    scalars = _scalars(sorted(fx.universe()), small_ints=False)
    tokens = {
        "admin": auth("admin"),
        "analyst": auth("analyst"),
        "partner": auth("partner", "pa"),
    }
    plan: list[tuple[str, Any]] = []
    for field in _root_fields(schema._schema.mutation_type):
        plan.append((field, mutations(schema._schema, fields=[field], custom_scalars=scalars)))
    for field in _root_fields(schema._schema.query_type):
        plan.append((field, queries(schema._schema, fields=[field], custom_scalars=scalars)))
    sent = 0
    distinct: set[str] = set()
    statuses: dict[int, int] = {}

    def send(field: str, role: str, operation: str) -> None:
        nonlocal sent
        response = secured.gql(operation, headers=tokens[role])
        sent += 1
        distinct.add(operation)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        assert response.status_code < 500, (field, operation, response.text[:300])
        _check_typed(response.json(), operation)

    for index, (field, strategy) in enumerate(plan):
        role = ("admin", "partner", "analyst")[index % 3]
        _run(
            strategy,
            OPERATIONS_PER_FIELD,
            functools.partial(send, field, role),
        )
    assert len(distinct) >= 1000, (len(distinct), sent)
    assert set(statuses) <= {200, 400}, statuses
