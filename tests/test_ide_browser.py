"""GraphiQL in headless Chromium against the real app over HTTP and WebSocket: it loads
offline from the vendored assets, shows the schema docs, runs a query with the token
the development profile prefills, survives a reload with ``?query=``, and receives a
subscription event over graphql-transport-ws."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from graph_api.embedded import Connection
from tests.support.browser import RecordedPage, artifact, recorded_page
from tests.support.security import SecureServer, auth, secure_server

WAIT_MS = 30_000
UPSERT = """mutation($input: PartnerInput!) {
  upsertPartner(input: $input) { __typename ... on PartnerPayload { partner { id } } }
}"""
RESPONSE = ".graphiql-response"


@pytest.fixture(scope="module")
def ide_server(migrated: Connection) -> Iterator[SecureServer]:
    # Development profile, auth on (as `graph-api serve` runs it): the page holds a demo token.
    with secure_server(migrated, profile="development", graphiql=True) as server:
        yield server


@pytest.fixture
def ide(browser: Any, ide_server: SecureServer) -> Iterator[RecordedPage]:
    with recorded_page(browser, viewport={"width": 1400, "height": 900}) as recorded:
        sockets: list[str] = []
        recorded.page.on("websocket", lambda ws: sockets.append(ws.url))
        yield recorded
        # Offline: nothing left the test server's origin, sockets included.
        assert recorded.requests, "the page made no requests at all"
        assert recorded.foreign_requests() == []
        assert all(url.startswith(ide_server.url.replace("http", "ws")) for url in sockets)


def upsert_partner(server: SecureServer, name: str) -> str:
    body = server.gql(UPSERT, {"input": {"name": name, "kind": "RESELLER"}}, auth("admin")).json()
    assert body["data"]["upsertPartner"]["__typename"] == "PartnerPayload", body
    partner_id: str = body["data"]["upsertPartner"]["partner"]["id"]
    return partner_id


def open_ide(recorded: RecordedPage, url: str) -> None:
    page = recorded.page
    response = page.goto(url)
    assert response is not None and response.status == 200
    assert response.headers["content-type"].startswith("text/html")
    page.wait_for_selector(".graphiql-execute-button", timeout=WAIT_MS)


def run_and_wait_for(recorded: RecordedPage, text: str) -> None:
    page = recorded.page
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        "t => (document.querySelector('.graphiql-response')?.innerText || '').includes(t)",
        arg=text,
        timeout=WAIT_MS,
    )


def test_ide_loads_offline_shows_docs_runs_a_query_and_survives_reload(
    ide: RecordedPage, ide_server: SecureServer
) -> None:
    name = f"Offline Partner {uuid.uuid4().hex[:6]}"
    upsert_partner(ide_server, name)
    query = f'{{ partners(first: 5, nameContains: "{name}") {{ nodes {{ name }} }} }}'
    open_ide(ide, f"{ide_server.graphql_url}?query={quote(query)}")
    page = ide.page

    note = page.locator("#ide-auth-note")
    assert "demo admin token" in note.inner_text()
    assert "partner token" in note.inner_text()
    # The Headers tab starts with the bearer token.
    page.wait_for_function("() => document.body.innerText.includes('Bearer ey')", timeout=WAIT_MS)

    # Schema docs come from introspection with the prefilled token.
    page.click('button[aria-label="Show Documentation Explorer"]')
    page.wait_for_selector(".graphiql-doc-explorer", timeout=WAIT_MS)
    page.get_by_text("Query", exact=True).first.click()
    page.wait_for_selector(".graphiql-doc-explorer >> text=partners", timeout=WAIT_MS)

    run_and_wait_for(ide, name)
    assert '"errors"' not in page.inner_text(RESPONSE)

    # A reload keeps ?query= and shows the IDE again, never raw JSON.
    assert "query=" in page.url
    response = page.reload()
    assert response is not None and response.status == 200
    assert response.headers["content-type"].startswith("text/html")
    page.wait_for_selector(".graphiql-execute-button", timeout=WAIT_MS)
    run_and_wait_for(ide, name)
    # The token lives in the page only: not in the URL, not in the browser's storage.
    assert "Bearer" not in page.url
    stored = page.evaluate("() => JSON.stringify({...localStorage, ...sessionStorage})")
    assert "Bearer" not in stored and "eyJ" not in stored
    page.screenshot(path=str(artifact("graphiql-ide.png")), full_page=True)
    assert artifact("graphiql-ide.png").stat().st_size > 10_000


def test_subscription_from_the_ide_receives_an_event(
    ide: RecordedPage, ide_server: SecureServer
) -> None:
    subscription = 'subscription { graphChanged(entityTypes: ["Partner"]) { entityType entityId } }'
    open_ide(ide, f"{ide_server.graphql_url}?query={quote(subscription)}")
    page = ide.page
    acked: list[bool] = []

    def watch(ws: Any) -> None:
        ws.on("framereceived", lambda payload: acked.append("connection_ack" in str(payload)))

    page.on("websocket", watch)
    page.click(".graphiql-execute-button")
    deadline = time.monotonic() + WAIT_MS / 1000
    while not any(acked):  # the token went in connection_init and was accepted
        assert time.monotonic() < deadline, "no connection_ack on the IDE's WebSocket"
        page.wait_for_timeout(100)
    # The subscribe message follows the ack at once; a write after it must arrive.
    for _ in range(20):
        partner_id = upsert_partner(ide_server, f"Live Partner {uuid.uuid4().hex[:6]}")
        try:
            page.wait_for_function(
                "t => (document.querySelector('.graphiql-response')?.innerText || '').includes(t)",
                arg=partner_id,
                timeout=1_000,
            )
            break
        except Exception:
            continue
    else:
        pytest.fail("the IDE's subscription received no event")
    assert "Partner" in page.inner_text(RESPONSE)
