"""The HTTP endpoint, end to end over real HTTP: malformed requests get a 4xx
with a typed JSON error (never a 500), methods and headers are checked, and
client errors are logged as one line."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph_api.store import Store
from tests.conftest import LiveServer
from tests.security_support import graph_counts

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
