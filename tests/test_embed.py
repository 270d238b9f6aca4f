"""The embed routes over real HTTP: token minting, read-only tokens, iframe headers,
the demo page, and the vendored assets' pinned hashes."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest

from graph_api.config import ConfigError, Settings
from graph_api.embed.routes import ASSETS, STATIC
from graph_api.embed.tokens import MAX_EMBED_TTL
from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.assets import PINNED as IDE_PINNED
from tests.support.security import SECRET, SecureServer, auth, graph_counts, secure_server

PORTAL = "https://portal.example"
# Every vendored file, pinned: a changed byte is a different (unreviewed) library.
VENDORED = {
    "vendor/cytoscape-3.35.0/cytoscape.esm.min.mjs": (
        "aa33b0103bbdb721aeb1506000cb6e056692400baba7264c552d000b09da01f2"
    ),
    "vendor/cytoscape-3.35.0/LICENSE": (
        "eb319c6e6f233607f71e8e2f450391751883cfc0eeb3ca7ef574c13d1d9c2203"
    ),
}
VIEW = "query($id: ID!) { relationshipView(rootId: $id, depth: 1) { nodes { id label } } }"
UPSERT_CONTACT = """mutation($input: ContactInput!) {
  upsertContact(input: $input) { __typename }
}"""


@pytest.fixture(scope="module")
def secured(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated, embed_origins=(PORTAL, "http://127.0.0.1:8081")) as server:
        yield server


def mint_for(
    server: SecureServer, body: Any, headers: dict[str, str] | None = None
) -> httpx.Response:
    return server.client.post(f"{server.url}/embed/token", json=body, headers=headers or {})


def claims(token: str) -> dict[str, Any]:
    decoded: dict[str, Any] = jwt.decode(token, SECRET, algorithms=["HS256"])
    return decoded


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_embed_tokens_are_minted_for_admins_only_and_short_lived(
    secured: SecureServer, domain_graph: Store
) -> None:
    admin = auth("admin")
    answer = mint_for(secured, {"partnerId": "p1", "ttlSeconds": 300}, admin)
    assert answer.status_code == 200, answer.text
    assert answer.headers["cache-control"] == "no-store"
    body = answer.json()
    token = claims(body["token"])
    assert token["role"] == "partner" and token["partner_id"] == "p1" and token["embed"] is True
    assert token["exp"] - token["iat"] == 300 == body["expiresIn"]
    # A longer lifetime is capped, never granted.
    capped = mint_for(secured, {"partnerId": "p1", "ttlSeconds": 86400}, admin).json()
    assert capped["expiresIn"] == MAX_EMBED_TTL
    assert claims(capped["token"])["exp"] <= int(time.time()) + MAX_EMBED_TTL
    # Only an admin (service) credential mints: not a partner, an analyst or an embed token.
    for headers, status, code in [
        ({}, 401, "UNAUTHENTICATED"),
        (bearer("not-a-jwt"), 401, "UNAUTHENTICATED"),
        (auth("partner", "p1"), 403, "FORBIDDEN"),
        (auth("analyst"), 403, "FORBIDDEN"),
        (bearer(body["token"]), 403, "FORBIDDEN"),
    ]:
        refused = mint_for(secured, {"partnerId": "p1"}, headers)
        assert refused.status_code == status, refused.text
        assert refused.json()["errors"][0]["extensions"]["code"] == code
    # Bad requests are 400s with a reason; an unknown partner is a 404.
    for bad in [
        {},
        {"partnerId": ""},
        {"partnerId": 7},
        {"partnerId": "p1", "ttlSeconds": 0},
        {"partnerId": "p1", "ttlSeconds": "900"},
        {"partnerId": "p1", "ttlSeconds": 1.5},
        ["p1"],
    ]:
        refused = mint_for(secured, bad, admin)
        assert refused.status_code == 400, (bad, refused.text)
        assert refused.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    not_json = secured.client.post(f"{secured.url}/embed/token", content=b"{", headers=admin)
    assert not_json.status_code == 400
    missing = mint_for(secured, {"partnerId": "no-such-partner"}, admin)
    assert missing.status_code == 404
    assert missing.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_embed_tokens_read_their_partner_and_write_nothing(
    secured: SecureServer, domain_graph: Store
) -> None:
    token = mint_for(secured, {"partnerId": "p1"}, auth("admin")).json()["token"]
    mine = secured.gql(VIEW, {"id": "p1"}, bearer(token)).json()
    assert {n["id"] for n in mine["data"]["relationshipView"]["nodes"]} >= {"p1", "c1", "s1"}
    # Another partner's slice is not there at all.
    theirs = secured.gql(VIEW, {"id": "p2"}, bearer(token)).json()
    assert theirs["data"]["relationshipView"] is None
    # A write the same partner may make with its ordinary token is FORBIDDEN with this one.
    contact = {"input": {"id": "p1:embed-probe", "name": "Probe", "customerId": "c1"}}
    before = await graph_counts(domain_graph)
    refused = secured.gql(UPSERT_CONTACT, contact, bearer(token)).json()
    assert refused["data"] is None
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await graph_counts(domain_graph) == before
    allowed = secured.gql(UPSERT_CONTACT, contact, auth("partner", "p1")).json()
    assert allowed["data"]["upsertContact"]["__typename"] == "ContactPayload"


def test_iframe_route_sends_frame_ancestors_and_keeps_tokens_out_of_urls(
    secured: SecureServer,
) -> None:
    page = secured.client.get(f"{secured.url}/embed/relationship-view?rootId=p1&depth=1")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "frame-ancestors 'self' https://portal.example http://127.0.0.1:8081" in csp
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    assert 'root-id="p1"' in page.text and "token=" not in page.text
    for query in ["rootId=p1&token=abc", "rootId=p1&access_token=abc", "", "rootId=p1&depth=9"]:
        refused = secured.client.get(f"{secured.url}/embed/relationship-view?{query}")
        assert refused.status_code == 400, query
        assert refused.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_without_an_allowlist_only_the_api_itself_may_frame_the_view(
    migrated: Connection,
) -> None:
    with secure_server(migrated) as server:
        page = server.client.get(f"{server.url}/embed/relationship-view?rootId=p1")
        assert "frame-ancestors 'self'" in page.headers["content-security-policy"]
        assert page.headers["content-security-policy"].endswith("frame-ancestors 'self'")


def test_embed_origins_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPH_API_EMBED_ORIGINS", "https://a.example, http://b.example:8080/")
    assert Settings.from_env().embed_origins == ("https://a.example", "http://b.example:8080")
    # The values go into a header verbatim: anything but an origin is a configuration error.
    for bad in ["https://a.example; script-src *", "a.example", "https://a.example/path", "*"]:
        monkeypatch.setenv("GRAPH_API_EMBED_ORIGINS", bad)
        with pytest.raises(ConfigError, match="GRAPH_API_EMBED_ORIGINS"):
            Settings.from_env()


async def test_demo_page_is_for_development_only(
    secured: SecureServer, migrated: Connection, domain_graph: Store
) -> None:
    page = secured.client.get(f"{secured.url}/embed/demo")
    assert page.status_code == 200
    assert "<partner-graph" in page.text and 'token="' in page.text
    token = page.text.split('token="', 1)[1].split('"', 1)[0]
    assert claims(token)["embed"] is True
    with secure_server(migrated, profile="production") as production:
        assert production.client.get(f"{production.url}/embed/demo").status_code == 404


def test_embed_assets_are_served_from_the_package_with_pinned_hashes(
    secured: SecureServer,
) -> None:
    for name, digest in VENDORED.items():
        assert hashlib.sha256((STATIC / name).read_bytes()).hexdigest() == digest, name
    vendor = {str(p.relative_to(STATIC)) for p in (STATIC / "vendor").rglob("*") if p.is_file()}
    # The GraphiQL assets are pinned in test_ide_assets.py; vendor/README.md is documentation.
    ide = {f"vendor/{name}" for name in IDE_PINNED} | {"vendor/README.md"}
    assert vendor - ide == set(VENDORED), "every vendored file needs a pinned hash"
    for name, (path, media_type) in ASSETS.items():
        served = secured.client.get(f"{secured.url}/embed/{name}")
        assert served.status_code == 200, name
        assert served.content == Path(path).read_bytes()
        assert served.headers["content-type"].startswith(media_type)
        # Public code, no data: a portal on any origin may load it as a module script.
        assert served.headers["access-control-allow-origin"] == "*"
    for missing in ["nope.js", "../app.py", "vendor/cytoscape-3.35.0/LICENSE.bak"]:
        assert secured.client.get(f"{secured.url}/embed/{missing}").status_code == 404
    # A wrong method is a JSON 405 naming the right one.
    for method, path, allow in [("POST", "partner-graph.js", "GET"), ("GET", "token", "POST")]:
        wrong = secured.client.request(method, f"{secured.url}/embed/{path}")
        assert wrong.status_code == 405 and wrong.headers["allow"] == allow
        assert wrong.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


async def test_token_requests_are_read_only_as_far_as_the_cap() -> None:
    """An oversized body is refused after the cap, not buffered whole (no size bound
    guards /embed/token but this one)."""
    from starlette.requests import Request

    from graph_api.embed.routes import MAX_TOKEN_BODY, _head_of_body

    chunks = 10_000
    sent = 0

    async def receive() -> dict[str, Any]:
        nonlocal sent
        sent += 1
        return {"type": "http.request", "body": b"x" * 1024, "more_body": sent < chunks}

    request = Request({"type": "http", "method": "POST", "headers": []}, receive)
    head = await _head_of_body(request)
    assert len(head) == MAX_TOKEN_BODY + 1
    assert sent <= MAX_TOKEN_BODY // 1024 + 1 < chunks
