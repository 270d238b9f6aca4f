"""The HTTP endpoint, end to end over real HTTP: malformed requests get a 4xx
with a typed JSON error (never a 500), methods and headers are checked, and
client errors are logged as one line."""

from __future__ import annotations

import base64
import json
import logging
import select
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import strawberry
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from graph_api.context import RequestContext
from graph_api.embedded import Connection
from graph_api.observability import LoggedSchema
from graph_api.security import MaskUnexpected
from graph_api.store import Store
from tests.support.security import SecureServer, auth, graph_counts, secure_server
from tests.support.servers import LiveServer

JSON = {"content-type": "application/json"}


def _error(response: httpx.Response) -> dict[str, Any]:
    """The one typed error of a JSON error response."""
    assert response.headers["content-type"].startswith("application/json"), response.text
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["message"]
    assert error["extensions"]["code"], error
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    result: dict[str, Any] = error
    return result


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


# --- request bodies ------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'"{ partners { totalCount } }"', id="json-string"),
        pytest.param(b"42", id="json-number"),
        pytest.param(b"null", id="json-null"),
        pytest.param(b"true", id="json-true"),
        pytest.param(b"", id="empty"),
        pytest.param(b'{"query": "{ partners { totalCount } }"', id="truncated-json"),
        pytest.param(b'{"query": "{ partners { totalCount } } # \xff\xfe"}', id="utf8"),
        pytest.param(b"\xff\xfe{\x00}\x00", id="binary"),
        pytest.param(
            b'{"query": "{ __typename }", "variables": {"x": ' + _nested(100_000) + b"}}",
            id="deeply-nested",
        ),
        pytest.param(b'{"query": ' + _nested(5_000) + b"}", id="nested-query"),
    ],
)
async def test_a_body_that_is_not_a_json_object_is_a_typed_400(
    server: LiveServer, store: Store, body: bytes
) -> None:
    before = await graph_counts(store)
    response = httpx.post(server.graphql_url, content=body, headers=JSON, timeout=30)
    assert response.status_code == 400, response.text
    assert _error(response)["extensions"]["code"] == "BAD_REQUEST"
    assert await graph_counts(store) == before


def test_strawberry_refusals_are_typed_json_too(server: LiveServer) -> None:
    form = httpx.post(server.graphql_url, content=b"query=x", timeout=30)
    assert form.status_code == 400
    assert _error(form)["extensions"]["code"] == "BAD_REQUEST"
    # GET variables are parsed with the same guard.
    deep = httpx.get(
        server.graphql_url,
        params={"query": "{ __typename }", "variables": _nested(3_000).decode()},
        timeout=30,
    )
    assert deep.status_code == 400, deep.text
    assert _error(deep)["extensions"]["code"] == "BAD_REQUEST"
    # A well-formed request still works.
    assert server.gql("{ __typename }")["data"] == {"__typename": "Query"}


# --- client errors that were masked as internal ----------------------------------


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode()


@pytest.mark.parametrize("offset", [2**63 - 1, 2**63, 10**30])
def test_a_cursor_whose_offset_overflows_is_a_client_error(server: LiveServer, offset: int) -> None:
    body = server.gql(
        "query($after: String) { partners(first: 2, after: $after) { totalCount } }",
        {"after": _cursor(f"offset:{offset}")},
    )
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert error["extensions"]["argument"] == "after"


def test_a_subscription_over_http_is_a_client_error(server: LiveServer) -> None:
    for response in (
        server.post("subscription { graphChanged { sequence } }"),
        httpx.get(
            server.graphql_url,
            params={"query": "subscription { graphChanged { sequence } }"},
            timeout=30,
        ),
    ):
        assert 400 <= response.status_code < 500, response.text
        error = _error(response)
        assert error["extensions"]["code"] != "INTERNAL_SERVER_ERROR", error
        assert "WebSocket" in error["message"]


async def test_an_import_line_of_deeply_nested_json_is_a_rejected_row(
    server: LiveServer, store: Store
) -> None:
    before = await graph_counts(store)
    body = server.gql(
        "mutation($lines: [String!]!) { importRecords(input: {lines: $lines}) {"
        " ... on ImportRecordsPayload { accepted rejected { line reason } } } }",
        {"lines": ['{"type": "Partner", "name": ' + "[" * 100_000 + "]" * 100_000 + "}"]},
    )
    assert "errors" not in body, body
    payload = body["data"]["importRecords"]
    assert payload["accepted"] == 0
    [rejected] = payload["rejected"]
    assert rejected["line"] == 1 and "nested too deeply" in rejected["reason"]
    assert await graph_counts(store) == before


# --- methods -------------------------------------------------------------------------


async def test_a_mutation_over_get_is_405(server: LiveServer, store: Store) -> None:
    before = await graph_counts(store)
    response = httpx.get(
        server.graphql_url,
        params={
            "query": 'mutation { upsertPartner(input: {id: "p-get", name: "G"}) { __typename } }'
        },
        timeout=30,
    )
    assert response.status_code == 405, response.text
    assert response.headers["allow"] == "POST"
    assert _error(response)["extensions"]["code"] == "METHOD_NOT_ALLOWED"
    assert await graph_counts(store) == before
    # Queries over GET still run.
    query = httpx.get(server.graphql_url, params={"query": "{ __typename }"}, timeout=30)
    assert query.status_code == 200 and query.json()["data"] == {"__typename": "Query"}


# --- headers -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def secured(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated) as server:
        yield server


async def test_more_than_one_authorization_header_is_refused(
    secured: SecureServer, store: Store
) -> None:
    analyst, admin = auth("analyst")["Authorization"], auth("admin")["Authorization"]
    upsert = 'mutation { upsertPartner(input: {id: "p-dup", name: "D"}) { __typename } }'
    before = await graph_counts(store)
    for values in ([analyst, admin], [admin, admin], ["Bearer nope", admin]):
        response = secured.client.post(
            secured.graphql_url,
            json={"query": upsert},
            headers=[("Authorization", value) for value in values],
        )
        assert response.status_code == 400, (values, response.text)
        error = _error(response)
        assert error["extensions"]["code"] == "BAD_REQUEST"
        assert "Authorization" in error["message"]
    assert await graph_counts(store) == before
    # The WebSocket handshake is refused the same way; one header is accepted.
    url = secured.url.replace("http://", "ws://") + "/graphql"
    with pytest.raises(InvalidStatus) as refused:
        connect(
            url,
            subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
            additional_headers=[("Authorization", analyst), ("Authorization", admin)],
            proxy=None,
        )
    assert refused.value.response.status_code == 403
    one = secured.gql("{ partners { totalCount } }", headers={"Authorization": analyst})
    assert one.status_code == 200 and "errors" not in one.json(), one.text


# --- logging -------------------------------------------------------------------------


def test_client_errors_are_logged_as_one_line_without_the_query(
    secured: SecureServer, caplog: pytest.LogCaptureFixture
) -> None:
    marker = "markerQueryText"
    requests = [
        # FORBIDDEN: a partner may not import.
        (
            f'mutation {marker} {{ importRecords(input: {{lines: ["{{}}"]}}) {{ __typename }} }}',
            {},
            auth("partner", "pa"),
        ),
        # BAD_USER_INPUT from a resolver, a bad variable, a parse and a validation error.
        (f"query {marker} {{ partners(first: -1) {{ totalCount }} }}", {}, auth("admin")),
        (f"query {marker}($n: Int) {{ partners(first: $n) {{ totalCount }} }}", {"n": "x"}, {}),
        (f"query {marker} {{ partners(first: ", {}, auth("admin")),
        (f"query {marker} {{ nope }}", {}, auth("admin")),
    ]
    with caplog.at_level(logging.DEBUG):
        for query, variables, headers in requests:
            response = secured.gql(query, variables, headers=headers or auth("admin"))
            assert response.status_code == 200, response.text
            [error] = response.json()["errors"]
            assert error["extensions"]["code"] != "INTERNAL_SERVER_ERROR", error
    assert not [r for r in caplog.records if r.exc_info], "a client error logged a traceback"
    assert not [r for r in caplog.records if marker in r.getMessage()], "the query was logged"
    client = [r for r in caplog.records if r.name == "graph_api.requests"]
    assert len(client) == len(requests), [r.getMessage() for r in caplog.records]
    assert all("\n" not in r.getMessage() for r in client)
    assert "FORBIDDEN" in client[0].getMessage()
    assert all(r.levelno == logging.INFO for r in client)


async def test_unexpected_errors_keep_their_traceback(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    @strawberry.type
    class Query:
        @strawberry.field(description="Fails in an unexpected way.")
        def boom(self) -> str:
            raise RuntimeError("unexpected detail")

    schema = LoggedSchema(query=Query, extensions=[MaskUnexpected])
    with caplog.at_level(logging.INFO):
        result = await schema.execute("{ boom }", context_value=RequestContext(store=store))
    assert result.errors is not None
    logged = [r for r in caplog.records if r.exc_info and "unexpected detail" in str(r.exc_info[1])]
    assert logged, "an unexpected error lost its traceback"


# --- header size ---------------------------------------------------------------------


def _raw_request(url: str, header_bytes: int, limit: int, chunk: int = 16_384) -> tuple[bytes, int]:
    """Send a GET whose one header holds ``header_bytes`` bytes, a chunk at a time,
    stopping once the server answers; returns its answer and how much was sent."""
    host, port = url.removeprefix("http://").split(":")
    head = f"GET /health HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nX-Padding: ".encode()
    rest = b"a" * header_bytes + b"\r\n\r\n"
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(head)
        sent = len(head)
        for start in range(0, len(rest), chunk):
            # Past the limit, give the server a moment to answer before sending more.
            if select.select([sock], [], [], 0.05 if start > limit else 0)[0]:
                break  # answered before reading the rest
            try:
                sock.sendall(rest[start : start + chunk])
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += chunk
        answer = b""
        try:
            while data := sock.recv(65_536):  # the server closes the connection after answering
                answer += data
        except ConnectionResetError:
            pass
    return answer, sent


def test_oversized_request_headers_are_refused(live_server: LiveServer) -> None:
    limit = live_server.settings.max_header_bytes
    assert 8_192 <= limit <= 65_536
    # Normal and moderately large headers work.
    assert httpx.get(f"{live_server.url}/health", timeout=30).status_code == 200
    big = httpx.get(f"{live_server.url}/health", headers={"X-Big": "b" * 8_000}, timeout=30)
    assert big.status_code == 200
    for size in (limit + 1, 8 * 1024 * 1024):
        answer, sent = _raw_request(live_server.url, size, limit)
        status_line, _, rest = answer.partition(b"\r\n")
        assert status_line.startswith(b"HTTP/1.1 431 "), answer[:200]
        body = json.loads(rest.partition(b"\r\n\r\n")[2])
        [error] = body["errors"]
        assert error["extensions"] == {
            "code": "LIMIT_EXCEEDED",
            "limit": "header_size",
            "maximum": limit,
        }
        assert sent < 1024 * 1024, "the server read the whole oversized header"
    # The server still serves.
    assert httpx.get(f"{live_server.url}/health", timeout=30).status_code == 200
