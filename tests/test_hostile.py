"""A hostile corpus through the real HTTP endpoint.

Every request gets a 4xx or a typed error, never a 5xx or a masked internal
error; a rejected request runs zero Cypher (the app's store counter does not
move, not even for the partner scope lookup) and the graph is unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
)

from graph_api.embedded import Connection
from graph_api.schema import schema
from graph_api.store import Store
from tests.support.hostile import INJECTIONS
from tests.support.security import SecureServer, auth, graph_counts, secure_server

PARTNER = auth("partner", "p1")
ADMIN = auth("admin")


@pytest.fixture(scope="module")
def secured(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated, cors_origins=("https://portal.example",)) as server:
        yield server


@pytest.fixture
async def graph(secured: SecureServer, domain_graph: Store) -> Store:
    return domain_graph


def _errors(response: Any) -> list[dict[str, Any]]:
    body = response.json()
    return list(body.get("errors") or [])


def _codes(response: Any) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in _errors(response)]


async def _rejected_without_cypher(
    server: SecureServer, store: Store, send: Any, status: int, code: str, limit: str | None
) -> dict[str, Any]:
    before = await graph_counts(store)
    trips = server.store.total_round_trips
    response = send()
    assert response.status_code == status, response.text[:500]
    assert server.store.total_round_trips == trips, "a rejected request ran Cypher"
    assert await graph_counts(store) == before
    [error] = _errors(response)
    assert error["extensions"]["code"] == code, error["extensions"]
    if limit is not None:
        assert error["extensions"]["limit"] == limit, error["extensions"]
    assert response.json()["data"] is None
    return dict(error)


async def test_nesting_fifty_deep(secured: SecureServer, graph: Store) -> None:
    query = '{ partner(id: "p1") { ' + "distributor { " * 50 + "id" + " }" * 51 + " }"
    error = await _rejected_without_cypher(
        secured, graph, lambda: secured.gql(query, headers=PARTNER), 200, "LIMIT_EXCEEDED", "depth"
    )
    assert error["message"] == "the query is nested deeper than 15 levels"


async def test_a_thousand_aliases(secured: SecureServer, graph: Store) -> None:
    query = "{ " + " ".join(f"a{i}: __typename" for i in range(1000)) + " }"
    error = await _rejected_without_cypher(
        secured,
        graph,
        lambda: secured.gql(query, headers=PARTNER),
        200,
        "LIMIT_EXCEEDED",
        "aliases",
    )
    assert error["extensions"]["maximum"] == 30


async def test_forty_thousand_tokens(secured: SecureServer, graph: Store) -> None:
    query = "{ " + "a " * 40_000 + "}"
    error = await _rejected_without_cypher(
        secured, graph, lambda: secured.gql(query, headers=PARTNER), 200, "LIMIT_EXCEEDED", "tokens"
    )
    assert error["message"].startswith("the query has more than 5000 tokens")
    assert "locations" not in error  # nothing to point at, and no echo of the text


async def test_a_query_text_over_100k_characters(secured: SecureServer, graph: Store) -> None:
    query = "{ partners { totalCount } }" + " " * 100_000
    error = await _rejected_without_cypher(
        secured,
        graph,
        lambda: secured.gql(query, headers=PARTNER),
        200,
        "LIMIT_EXCEEDED",
        "document_size",
    )
    assert error["extensions"]["maximum"] == 100_000


async def test_circular_fragments(secured: SecureServer, graph: Store) -> None:
    query = (
        "query { partners { ...A } } "
        "fragment A on PartnerConnection { totalCount ...B } "
        "fragment B on PartnerConnection { totalCount ...A }"
    )
    error = await _rejected_without_cypher(
        secured,
        graph,
        lambda: secured.gql(query, headers=PARTNER),
        200,
        "GRAPHQL_VALIDATION_FAILED",
        None,
    )
    assert "Cannot spread fragment 'A' within itself" in error["message"]


@pytest.mark.parametrize(
    ("query", "variables", "limit"),
    [
        ("{ partners(first: 1000000) { totalCount } }", {}, "page_size"),
        ("query($n: Int!) { deals(first: $n) { totalCount } }", {"n": 2_000_000_000}, "page_size"),
        ("query($n: Int = 101) { leads(first: $n) { totalCount } }", {}, "page_size"),
        (
            '{ partner(id: "p1") { partnerships(first: 101) { totalCount } } }',
            {},
            "page_size",
        ),
        (
            '{ connectionPath(fromId: "p1", toId: "p2", maxHops: 1000) { __typename } }',
            {},
            "max_hops",
        ),
        (
            'query($h: Int!) { connectionPath(fromId: "p1", toId: "p2", maxHops: $h) '
            "{ __typename } }",
            {"h": 7},
            "max_hops",
        ),
        ('{ relationshipView(rootId: "p1", depth: 50) { __typename } }', {}, "traversal_depth"),
        (
            "{ partners(first: 100) { edges { node { partnerships(first: 100) { edges { node {"
            " deals(first: 100) { edges { node { id name } } } } } } } } } }",
            {},
            "cost",
        ),
    ],
)
async def test_huge_pages_hops_depth_and_cost(
    secured: SecureServer, graph: Store, query: str, variables: dict[str, Any], limit: str
) -> None:
    await _rejected_without_cypher(
        secured,
        graph,
        lambda: secured.gql(query, variables, headers=PARTNER),
        200,
        "LIMIT_EXCEEDED",
        limit,
    )


async def test_ten_megabyte_body(secured: SecureServer, graph: Store) -> None:
    query = "{ partners { totalCount } }" + " " * (10 * 1024 * 1024)
    error = await _rejected_without_cypher(
        secured,
        graph,
        lambda: secured.gql(query, headers=PARTNER),
        413,
        "LIMIT_EXCEEDED",
        "body_size",
    )
    assert error["extensions"]["maximum"] == 1_048_576


async def test_batches_and_get_mutations(secured: SecureServer, graph: Store) -> None:
    batch = [{"query": "{ partners { totalCount } }"}] * 3
    await _rejected_without_cypher(
        secured, graph, lambda: secured.post(batch, headers=PARTNER), 400, "LIMIT_EXCEEDED", "batch"
    )
    trips = secured.store.total_round_trips
    before = await graph_counts(graph)
    response = secured.client.get(
        secured.graphql_url,
        params={"query": 'mutation { deleteGoal(input: {id: "g1"}) { __typename } }'},
        headers=ADMIN,
    )
    assert response.status_code in (400, 405), response.text
    assert response.json()["errors"][0]["extensions"]["code"] in (
        "BAD_REQUEST",
        "METHOD_NOT_ALLOWED",
    )
    assert secured.store.total_round_trips == trips
    assert await graph_counts(graph) == before
    ok = secured.client.get(
        secured.graphql_url, params={"query": "{ partners { totalCount } }"}, headers=PARTNER
    )
    assert ok.status_code == 200
    assert ok.json()["data"] == {"partners": {"totalCount": 1}}


def test_cors_allowlist(secured: SecureServer) -> None:
    def preflight(origin: str) -> Any:
        return secured.client.options(
            secured.graphql_url,
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization,content-type",
            },
        )

    allowed = preflight("https://portal.example")
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://portal.example"
    denied = preflight("https://evil.example")
    assert denied.status_code == 400
    assert "access-control-allow-origin" not in denied.headers


# --- injection strings in every string argument and sort key -------------------------


def _literal(type_: Any, text: str) -> str | None:
    """A GraphQL literal of this input type: strings carry ``text``; None when unsupported."""
    if isinstance(type_, GraphQLNonNull):
        return _literal(type_.of_type, text)
    if isinstance(type_, GraphQLList):
        inner = _literal(type_.of_type, text)
        return None if inner is None else f"[{inner}]"
    if isinstance(type_, GraphQLEnumType):
        return str(next(iter(type_.values)))
    if isinstance(type_, GraphQLInputObjectType):
        parts = []
        for name, field in type_.fields.items():
            if isinstance(field.type, GraphQLNonNull) or _stringish(field.type):
                value = _literal(field.type, text)
                if value is None:
                    return None
                parts.append(f"{name}: {value}")
        return "{" + ", ".join(parts) + "}"
    if isinstance(type_, GraphQLScalarType):
        return {
            "String": json.dumps(text),
            "ID": json.dumps(text),
            "Int": "1",
            "Float": "1.0",
            "Boolean": "false",
            "Date": '"2024-01-01"',
            "DateTime": '"2024-01-01T00:00:00Z"',
        }.get(type_.name)
    return None


def _stringish(type_: Any) -> bool:
    named = get_named_type(type_)
    return isinstance(named, GraphQLScalarType) and named.name in ("String", "ID")


def _selection(field: Any) -> str:
    named = get_named_type(field.type)
    return "" if isinstance(named, GraphQLScalarType | GraphQLEnumType) else " { __typename }"


def _string_argument_queries(text: str) -> Iterator[tuple[str, str]]:
    """One query per (root query field, string-ish argument), every argument filled."""
    query_type = schema._schema.query_type
    assert query_type is not None
    for name, field in query_type.fields.items():
        for target, arg in field.args.items():
            if not _stringish(arg.type):
                continue
            args = []
            for arg_name, other in field.args.items():
                if arg_name == target or isinstance(other.type, GraphQLNonNull):
                    value = _literal(other.type, text if arg_name == target else "p1")
                    if value is None:
                        break
                    args.append(f"{arg_name}: {value}")
            else:
                yield f"{name}.{target}", f"{{ {name}({', '.join(args)}){_selection(field)} }}"


async def test_injection_strings_in_every_string_argument(
    secured: SecureServer, graph: Store
) -> None:
    before = await graph_counts(graph)
    sent = 0
    for text in INJECTIONS:
        for where, query in _string_argument_queries(text):
            for headers in (PARTNER, ADMIN):
                response = secured.gql(query, headers=headers)
                sent += 1
                assert response.status_code < 500, (where, response.text)
                assert response.status_code in (200, 400), (where, response.text)
                assert "INTERNAL_SERVER_ERROR" not in _codes(response), (where, response.text)
                for error in _errors(response):
                    assert error.get("extensions", {}).get("code"), (where, error)
    assert sent >= 2 * len(INJECTIONS) * 10
    assert await graph_counts(graph) == before


async def test_injection_strings_as_sort_keys(secured: SecureServer, graph: Store) -> None:
    query_type = schema._schema.query_type
    assert query_type is not None
    sorted_fields = [n for n, f in query_type.fields.items() if "sort" in f.args]
    assert len(sorted_fields) >= 6
    trips = secured.store.total_round_trips
    for name in sorted_fields:
        for text in INJECTIONS:
            literal = secured.gql(
                f"{{ {name}(sort: {json.dumps(text)}) {{ totalCount }} }}", headers=PARTNER
            )
            assert literal.status_code == 200
            assert _codes(literal) == ["GRAPHQL_VALIDATION_FAILED"], literal.text
            sort_type = query_type.fields[name].args["sort"].type
            declared = get_named_type(sort_type).name
            variable = secured.gql(
                f"query($s: {declared}) {{ {name}(sort: $s) {{ totalCount }} }}",
                {"s": text},
                headers=PARTNER,
            )
            assert variable.status_code == 200
            assert _codes(variable) == ["BAD_USER_INPUT"], variable.text
    assert secured.store.total_round_trips == trips


async def test_injection_strings_are_stored_as_values(secured: SecureServer, graph: Store) -> None:
    _, rels = await graph_counts(graph)
    count = "{ partners(first: 0) { totalCount } }"
    partners = secured.gql(count, headers=ADMIN).json()["data"]["partners"]["totalCount"]
    for i, text in enumerate(INJECTIONS):
        response = secured.gql(
            "mutation($input: PartnerInput!) { upsertPartner(input: $input) "
            "{ __typename ... on PartnerPayload { partner { id name } } "
            "... on ValidationError { message } } }",
            {"input": {"id": f"evil-{i}", "name": text.replace("\x00", ""), "kind": "REFERRAL"}},
            headers=ADMIN,
        )
        assert response.status_code == 200, response.text
        partner = response.json()["data"]["upsertPartner"].get("partner")
        assert partner == {"id": f"evil-{i}", "name": text.replace("\x00", "")}, response.text
    # Only the partners were added (and their change-log entries): nothing ran as Cypher.
    assert (await graph_counts(graph))[1] == rels
    after = secured.gql(count, headers=ADMIN).json()["data"]["partners"]["totalCount"]
    assert after == partners + len(INJECTIONS)


# --- shapes past the parser's recursion, and bulk in variables ------------------------


@pytest.mark.parametrize(
    "query",
    [
        "{ " + "partners { " * 2000 + "}" * 2000 + " }",
        '{ relationshipView(rootId: "p1", relationshipTypes: ' + "[" * 2400 + "]" * 2400 + ") "
        "{ __typename } }",
        '{ partner(id: "p1") { id } } fragment F on Partner { '
        + "... on Partner { " * 1500
        + "id"
        + " }" * 1501,
    ],
    ids=["selections", "list literal", "inline fragments"],
)
async def test_nesting_past_the_parsers_recursion(
    secured: SecureServer, graph: Store, query: str
) -> None:
    error = await _rejected_without_cypher(
        secured,
        graph,
        lambda: secured.gql(query, headers=PARTNER),
        200,
        "GRAPHQL_PARSE_FAILED",
        None,
    )
    assert "nested too deeply" in error["message"]


async def test_deeply_nested_json_variables(secured: SecureServer, graph: Store) -> None:
    body = (
        '{"query": "query($t: [String!]) { relationshipView(rootId: \\"p1\\", '
        'relationshipTypes: $t) { __typename } }", "variables": {"t": '
        + "[" * 100_000
        + "]" * 100_000
        + "}}"
    )
    before = await graph_counts(graph)
    trips = secured.store.total_round_trips
    response = secured.client.post(
        secured.graphql_url,
        content=body,
        headers={"Content-Type": "application/json", **PARTNER},
    )
    assert response.status_code == 400, response.text[:300]
    [error] = response.json()["errors"]
    assert "nested too deeply" in error["message"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert secured.store.total_round_trips == trips
    assert await graph_counts(graph) == before


async def test_two_hundred_thousand_values_in_a_variable(
    secured: SecureServer, graph: Store
) -> None:
    query = (
        'query($t: [String!]) { relationshipView(rootId: "p1", relationshipTypes: $t) '
        "{ __typename } }"
    )
    error = await _rejected_without_cypher(
        secured,
        graph,
        lambda: secured.gql(query, {"t": ["a"] * 200_000}, headers=PARTNER),
        200,
        "LIMIT_EXCEEDED",
        "variable_values",
    )
    assert error["extensions"]["maximum"] == 20_000


@pytest.mark.parametrize(
    "query",
    [
        "{ partners(" + "first: 1, " * 1500 + ") { totalCount } }",
        "{ partners { totalCount " + "@include(if: true) " * 700 + "} }",
        "{ partners { ...A } } fragment A on PartnerConnection { totalCount ...A }",
        "{ partners { ...A } } "
        "fragment A on PartnerConnection { totalCount ...B } "
        "fragment B on PartnerConnection { totalCount ...C } "
        "fragment C on PartnerConnection { totalCount ...A }",
        "query A { partners { totalCount } } query A { partners { totalCount } }",
        'query($v: Int, $v: String) { partner(id: "p1") { id } }',
    ],
    ids=[
        "repeated arguments",
        "repeated directives",
        "self-spread",
        "three-fragment cycle",
        "duplicate operations",
        "duplicate variables",
    ],
)
async def test_repeats_and_cycles_are_validation_errors(
    secured: SecureServer, graph: Store, query: str
) -> None:
    before = await graph_counts(graph)
    trips = secured.store.total_round_trips
    response = secured.gql(query, headers=PARTNER)
    assert response.status_code == 200, response.text[:300]
    body = response.json()
    assert body["data"] is None and body["errors"]
    assert {e["extensions"]["code"] for e in body["errors"]} == {"GRAPHQL_VALIDATION_FAILED"}
    assert secured.store.total_round_trips == trips
    assert await graph_counts(graph) == before


async def test_injection_strings_through_variables_are_data(
    secured: SecureServer, graph: Store
) -> None:
    """Filters, ids and cursors given as variables match as values, never as Cypher."""
    before = await graph_counts(graph)
    everyone = secured.gql("{ partners { totalCount } }", headers=ADMIN).json()
    assert everyone["data"]["partners"]["totalCount"] > 1
    for text in INJECTIONS:
        for query, variables in (
            ("query($s: String) { partners(nameContains: $s) { totalCount } }", {"s": text}),
            ("query($s: String) { customers(nameContains: $s) { totalCount } }", {"s": text}),
            ("query($s: String) { customers(industry: $s) { totalCount } }", {"s": text}),
            ("query($s: String) { contacts(nameContains: $s) { totalCount } }", {"s": text}),
        ):
            body = secured.gql(query, variables, headers=ADMIN).json()
            assert body.get("errors") is None, body
            assert next(iter(body["data"].values()))["totalCount"] == 0, (query, text)
        body = secured.gql(
            "query($id: ID!) { partner(id: $id) { id } deal(id: $id) { id } }",
            {"id": text},
            headers=ADMIN,
        ).json()
        assert body.get("errors") is None and body["data"] == {"partner": None, "deal": None}
        body = secured.gql(
            "query($c: String) { partners(after: $c) { totalCount } }", {"c": text}, headers=ADMIN
        ).json()
        codes = {e["extensions"]["code"] for e in body.get("errors") or []}
        assert codes <= {"BAD_USER_INPUT"}, body
    assert await graph_counts(graph) == before


@pytest.mark.parametrize(
    ("content", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"{}", "application/json", 400),
        (b'{"query": "{ partners { totalCount } }"', "application/json", 400),
        (b"\xff\xfe", "application/json", 400),
    ],
    ids=["malformed", "no query", "truncated", "not utf-8"],
)
async def test_malformed_requests_get_json_errors(
    secured: SecureServer, graph: Store, content: bytes, content_type: str, status: int
) -> None:
    trips = secured.store.total_round_trips
    response = secured.client.post(
        secured.graphql_url, content=content, headers={"Content-Type": content_type, **PARTNER}
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    [error] = response.json()["errors"]
    assert error["message"] and error["extensions"]["code"] == "BAD_REQUEST", error
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert secured.store.total_round_trips == trips
