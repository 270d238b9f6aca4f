"""Limits and masking, unit-level: the walk over fragments and variables, the
switches for introspection and GraphiQL, and what an unexpected error looks like."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
import strawberry
from graphql import GraphQLError, parse

import graph_api.store
from graph_api.config import Settings
from graph_api.context import RequestContext
from graph_api.embedded import Connection
from graph_api.errors import LimitExceeded
from graph_api.limits import Limits, check_operation
from graph_api.schema import CACHED_QUERY_CHARS, DocumentCache, schema
from graph_api.security import MaskUnexpected
from graph_api.store import Store
from tests.support.security import SecureServer, auth, secure_server

LIMITS = Limits(max_depth=8, max_aliases=2, max_tokens=100, max_cost=500)


def _limit(query: str, variables: dict[str, Any] | None = None) -> str | None:
    try:
        check_operation(schema._schema, parse(query), None, variables, LIMITS)
    except LimitExceeded as exc:
        return str((exc.extensions or {})["limit"])
    return None


def test_the_walk_follows_fragments_variables_and_defaults() -> None:
    assert _limit("{ partners { totalCount } }") is None
    # Page sizes hidden in a fragment, a variable or a variable's default.
    assert _limit("{ ...F } fragment F on Query { partners(first: 500) { totalCount } }") == (
        "page_size"
    )
    assert _limit("query($n: Int!) { deals(first: $n) { totalCount } }", {"n": 101}) == (
        "page_size"
    )
    assert _limit("query($n: Int = 101) { deals(first: $n) { totalCount } }") == "page_size"
    # Cost multiplies through nested lists: 20 partners x 20 partnerships x fields.
    nested = "{ partners { edges { node { partnerships { edges { node { id status } } } } } } }"
    assert _limit(nested) == "cost"
    assert _limit(nested.replace("partners {", "partners(first: 2) {")) is None
    # Aliases, in fragments too; depth counts fields, not fragments.
    assert _limit("{ a: __typename b: __typename ...F } fragment F on Query { c: __typename }") == (
        "aliases"
    )
    deep = '{ partner(id: "x") { ' + "distributor { " * 7 + "id" + " }" * 9
    assert _limit(deep) == "depth"
    assert _limit('{ connectionPath(fromId: "a", toId: "b", maxHops: 7) { __typename } }') == (
        "max_hops"
    )


def test_negative_pages_are_refused_before_execution() -> None:
    with pytest.raises(GraphQLError) as caught:
        check_operation(
            schema._schema, parse("{ partners(first: -1) { totalCount } }"), None, {}, LIMITS
        )
    assert (caught.value.extensions or {})["code"] == "BAD_USER_INPUT"


@pytest.fixture(scope="module")
def production(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated, introspection=False, graphiql=False) as server:
        yield server


def test_introspection_and_graphiql_are_switched_off(production: SecureServer) -> None:
    body = production.gql("{ __schema { types { name } } }", headers=auth("admin")).json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "introspection" in body["errors"][0]["message"].lower()
    page = production.client.get(production.graphql_url, headers={"Accept": "text/html"})
    assert page.status_code == 401  # no IDE page to load without a token
    with_token = production.client.get(
        production.graphql_url, headers={"Accept": "text/html", **auth("admin")}
    )
    assert "graphiql" not in with_token.text.lower()


def test_cached_documents_still_meet_every_check(production: SecureServer) -> None:
    # The same text parses and validates once; the limits still see each request's variables.
    text = "query($n: Int!) { deals(first: $n) { totalCount } }"
    for n, limit in ((1, None), (101, "page_size"), (2, None), (101, "page_size")):
        body = production.gql(text, {"n": n}, headers=auth("admin")).json()
        errors = body.get("errors") or []
        assert [e["extensions"].get("limit") for e in errors] == ([limit] if limit else [])
    # Rejected texts stay rejected, the same way, every time.
    for _ in range(2):
        body = production.gql("{ __schema { types { name } } }", headers=auth("admin")).json()
        assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
        body = production.gql("{ deals(first: 1) {", headers=auth("admin")).json()
        assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"


def test_the_document_cache_is_bounded() -> None:
    cache = DocumentCache(maxsize=2)
    for text in ("{ a }", "{ b }", "{ c }"):
        key = cache.key(text, {"max_tokens": 5})
        assert key is not None
        cache.put(key, parse(text))
    assert [k[0] for k in cache.entries] == ["{ b }", "{ c }"]
    assert cache.key("{ a }", {"max_tokens": 5}) != cache.key("{ a }", {"max_tokens": 6})
    assert cache.key("{ " + "a " * CACHED_QUERY_CHARS + "}", {}) is None


async def test_unexpected_errors_are_masked_and_logged_with_the_request_id(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    @strawberry.type
    class Query:
        @strawberry.field(description="Always fails in an unexpected way.")
        def boom(self) -> str:
            raise RuntimeError("secret detail: bolt://internal-host:7687")

        @strawberry.field(description="Fails with a typed client error.")
        def limited(self) -> str:
            raise LimitExceeded("page_size", "too big", maximum=100)

    masked = strawberry.Schema(query=Query, extensions=[MaskUnexpected])
    ctx = RequestContext(store=store, request_id="req-123")
    with caplog.at_level(logging.ERROR, logger="graph_api.security"):
        result = await masked.execute("{ boom }", context_value=ctx)
    assert result.errors is not None
    [error] = [e.formatted for e in result.errors]
    assert error["message"] == "Internal server error"
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR", "requestId": "req-123"}
    assert "bolt://internal-host" not in str(error)
    assert any("req-123" in r.getMessage() for r in caplog.records)
    typed = await masked.execute("{ limited }", context_value=ctx)
    assert typed.errors is not None
    assert typed.errors[0].formatted["extensions"] == {
        "code": "LIMIT_EXCEEDED",
        "limit": "page_size",
        "maximum": 100,
    }


def test_production_profile_switches_introspection_and_graphiql_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("GRAPH_API_INTROSPECTION", "GRAPH_API_GRAPHIQL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GRAPH_API_PROFILE", "production")
    production = Settings.from_env()
    assert (production.introspection, production.graphiql) == (False, False)
    monkeypatch.setenv("GRAPH_API_INTROSPECTION", "true")
    assert Settings.from_env().introspection is True  # an explicit switch wins
    monkeypatch.setenv("GRAPH_API_PROFILE", "development")
    monkeypatch.delenv("GRAPH_API_INTROSPECTION")
    development = Settings.from_env()
    assert (development.introspection, development.graphiql) == (True, True)


async def test_every_store_transaction_has_the_configured_timeout(
    migrated: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reads send the timeout with the query, writes with their unit of work."""
    timeouts: list[float | None] = []
    unit_of_work = neo4j.unit_of_work

    def recording_unit_of_work(**kwargs: Any) -> Any:
        timeouts.append(kwargs.get("timeout"))
        return unit_of_work(**kwargs)

    monkeypatch.setattr(graph_api.store.neo4j, "unit_of_work", recording_unit_of_work)
    with secure_server(migrated, query_timeout=7.5) as server:
        assert server.store.timeout == 7.5
        read = server.store.driver.execute_query

        async def recording_read(query: Any, *args: Any, **kwargs: Any) -> Any:
            timeouts.append(getattr(query, "timeout", None))
            return await read(query, *args, **kwargs)

        monkeypatch.setattr(server.store.driver, "execute_query", recording_read)
        admin = auth("admin")
        assert server.gql("{ partners { totalCount } }", headers=admin).status_code == 200
        written = server.gql(
            'mutation { upsertProgram(input: {id: "t-prog", name: "Timed", '
            "commissionType: PER_LEAD, flatAmount: 10}) { __typename } }",
            headers=admin,
        )
        assert written.json()["data"] == {"upsertProgram": {"__typename": "ProgramPayload"}}
    assert timeouts and set(timeouts) == {7.5}, timeouts
    assert len(timeouts) >= 2


# Typos whose errors would name schema members; (query, variables, names a suggestion gives).
TYPOS: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [
    ("{ partnr { id } }", {}, ("'partner'",)),
    ("{ partners(frist: 1) { totalCount } }", {}, ("'first'",)),
    ("{ partners { nodes { nme } } }", {}, ("'name'",)),
    ("query($s: PartnerSrt) { partners(sort: $s) { totalCount } }", {}, ("'PartnerSort'",)),
    ("{ partners { ...F } } fragment F on PartnerConection { totalCount }", {}, ("Connection'",)),
    ("{ partners(sort: NAM) { totalCount } }", {}, ("'NAME'",)),
    ("query($s: PartnerSort) { partners(sort: $s) { totalCount } }", {"s": "NAM"}, ("'NAME'",)),
    (
        'mutation { upsertProgram(input: {id: "x", nme: "y", commissionType: PER_LEAD}) '
        "{ __typename } }",
        {},
        ("'name'",),
    ),
    (
        "mutation($i: ProgramInput!) { upsertProgram(input: $i) { __typename } }",
        {"i": {"id": "x", "nme": "y", "commissionType": "PER_LEAD"}},
        ("'name'",),
    ),
]


def test_production_errors_suggest_no_schema_names(production: SecureServer) -> None:
    for query, variables, names in TYPOS:
        # By default graphql-core suggests what the caller may have meant.
        development = schema.execute_sync(query, variables)
        assert development.errors is not None
        assert any("Did you mean" in e.message for e in development.errors), query
        trips = production.store.total_round_trips
        body = production.gql(query, variables, headers=auth("admin")).json()
        assert body["data"] is None and body["errors"], body
        assert production.store.total_round_trips == trips
        for error in body["errors"]:
            assert error["extensions"]["code"] in (
                "GRAPHQL_VALIDATION_FAILED",
                "BAD_USER_INPUT",
            ), error
            assert "Did you mean" not in error["message"], error
            for name in names:
                assert name not in error["message"], error
