"""/metrics over real HTTP: off by default, Prometheus text when configured, no partner data."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator

import httpx
import pytest

from graph_api.cli import main
from graph_api.config import Settings
from graph_api.embedded import Connection, free_port
from graph_api.metrics import MAX_OPERATION_NAMES
from graph_api.store import Store
from tests.support.events import GqlWs, RunningApp, run_app
from tests.support.security import SECRET, auth
from tests.support.servers import LiveServer

PARTNER = "partner-metrics-7f3a"  # an id that must never reach the metrics output
OTHER = "partner-metrics-9c1d"
FAMILIES = [
    "graph_api_graphql_operation_duration_seconds",
    "graph_api_graphql_root_field_duration_seconds",
    "graph_api_graphql_errors_total",
    "graph_api_cypher_statements_total",
    "graph_api_cypher_statement_duration_seconds",
    "graph_api_websocket_connections",
    "graph_api_active_subscriptions",
    "graph_api_webhook_outbox_depth",
    "graph_api_webhook_outbox_oldest_pending_age_seconds",
    "graph_api_webhook_deliveries_awaiting_retry",
    "graph_api_webhook_dead_letters",
    "graph_api_import_rows_total",
    "graph_api_store_ready",
]
UPSERT = """mutation AddPartner($input: PartnerInput!) {
  upsertPartner(input: $input) { __typename ... on ValidationError { message } }
}"""
IMPORT = """mutation ImportSome($lines: [String!]!) {
  importRecords(input: {lines: $lines}) { __typename }
}"""


@pytest.fixture
def metered(store: Store, migrated: Connection) -> Iterator[RunningApp]:
    settings = Settings(jwt_secret=SECRET, metrics=True, webhook_worker=False)
    with run_app(settings, migrated) as app:
        yield app


def sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample of the exposition text."""
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            got = dict(re.findall(r'(\w+)="([^"]*)"', line.split("}")[0]))
            if all(got.get(k) == v for k, v in labels.items()):
                return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no sample {name} {labels}")


def label_values(text: str, name: str, label: str) -> set[str]:
    return set(re.findall(rf'^{name}_count{{[^}}]*{label}="([^"]*)"', text, re.M))


def test_metrics_are_off_by_default(live_server: LiveServer) -> None:
    assert httpx.get(f"{live_server.url}/metrics", timeout=30).status_code == 404


@pytest.fixture
def client(metered: RunningApp) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=metered.url, timeout=60, headers=auth("admin")) as client:
        yield client


def test_metrics_families_after_a_few_requests(metered: RunningApp, client: httpx.Client) -> None:
    admin = auth("admin")
    for partner in (PARTNER, OTHER):
        body = {
            "query": UPSERT,
            "variables": {"input": {"id": partner, "name": partner, "kind": "RESELLER"}},
        }
        answer = client.post("/graphql", json=body).json()
        assert answer["data"]["upsertPartner"]["__typename"] != "ValidationError", answer
    client.post(
        "/graphql",
        json={
            "query": 'mutation { registerWebhookEndpoint(input: {url: "http://127.0.0.1:9/h"})'
            " { __typename } }"
        },
    )
    client.post("/graphql", json=body)  # one more event the (stopped) worker owes the endpoint
    lines = [
        json.dumps({"type": "Partner", "id": "imported-1", "name": "x", "kind": "reseller"}),
        json.dumps({"type": "Partner", "id": "imported-2", "name": "no kind"}),  # rejected
    ]
    client.post("/graphql", json={"query": IMPORT, "variables": {"lines": lines}})
    # A partner reads its own slice, naming its id in arguments and variables.
    mine = httpx.post(
        f"{metered.url}/graphql",
        json={
            "query": "query Mine($id: ID!) { partner(id: $id) { id name } }",
            "variables": {"id": PARTNER},
        },
        headers=auth("partner", PARTNER),
        timeout=60,
    )
    assert mine.status_code == 200 and PARTNER in mine.text
    client.post("/graphql", json={"query": "{ partnerz }"})  # a validation error
    assert client.get("/graphql", params={"query": "mutation { x }"}).status_code == 405

    async def with_a_subscription() -> str:
        async with GqlWs(metered.ws_url, {"Authorization": admin["Authorization"]}) as ws:
            await ws.subscribe("1", "subscription { graphChanged { sequence } }")
            await ws.ready()
            return httpx.get(f"{metered.url}/metrics", timeout=30).text

    during = asyncio.run(with_a_subscription())
    assert sample(during, "graph_api_websocket_connections") >= 1
    assert sample(during, "graph_api_active_subscriptions") >= 1

    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    for family in FAMILIES:
        base = family.removesuffix("_total")
        assert re.search(rf"^# TYPE {base}(_total)? ", text, re.M), family
    assert sample(text, "graph_api_store_ready") == 1
    assert sample(text, "graph_api_websocket_connections") == 0
    assert (
        sample(
            text,
            "graph_api_graphql_operation_duration_seconds_count",
            operation_type="mutation",
            operation_name="AddPartner",
        )
        >= 2
    )
    assert (
        sample(
            text, "graph_api_graphql_root_field_duration_seconds_count", root_field="Query.partner"
        )
        >= 1
    )
    assert sample(text, "graph_api_graphql_errors_total", code="GRAPHQL_VALIDATION_FAILED") >= 1
    assert sample(text, "graph_api_graphql_errors_total", code="METHOD_NOT_ALLOWED") >= 1
    assert sample(text, "graph_api_cypher_statements_total", query="queries/partner_by_ids") >= 1
    assert sample(text, "graph_api_import_rows_total", outcome="accepted") >= 1
    assert sample(text, "graph_api_import_rows_total", outcome="rejected") >= 1
    assert sample(text, "graph_api_webhook_outbox_depth") >= 1
    assert sample(text, "graph_api_webhook_outbox_oldest_pending_age_seconds") > 0
    # No partner data: ids appear nowhere, not even those sent as arguments.
    assert PARTNER not in text and OTHER not in text and "partner-" not in text


def test_operation_names_cannot_grow_the_series_without_bound(client: httpx.Client) -> None:
    for n in range(MAX_OPERATION_NAMES + 20):
        client.post("/graphql", json={"query": f"query Flood{n} {{ __typename }}"})
    long_name = "Q" * 300
    client.post("/graphql", json={"query": f"query {long_name} {{ __typename }}"})
    client.post("/graphql", json={"query": "{ __schema { queryType { name } } }"})
    text = client.get("/metrics").text
    names = label_values(text, "graph_api_graphql_operation_duration_seconds", "operation_name")
    assert len(names) <= MAX_OPERATION_NAMES + 3  # plus "other", "anonymous", "invalid"
    assert "other" in names and long_name not in text
    fields = label_values(text, "graph_api_graphql_root_field_duration_seconds", "root_field")
    assert all(re.fullmatch(r"(Query|Mutation|Subscription)\.\w+", f) for f in fields), fields


def test_metrics_on_a_port_of_their_own(store: Store, migrated: Connection) -> None:
    port = free_port()
    with run_app(Settings(metrics_port=port, webhook_worker=False), migrated) as app:
        assert httpx.get(f"{app.url}/metrics", timeout=30).status_code == 404  # not on the API
        own = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=30)
        assert own.status_code == 200
        assert "graph_api_store_ready 1.0" in own.text
        assert httpx.get(f"http://127.0.0.1:{port}/other", timeout=30).status_code == 404
    with pytest.raises(httpx.ConnectError):  # the listener goes with the app
        httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5)


def test_metrics_port_is_refused_with_several_workers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GRAPH_API_METRICS_PORT", str(free_port()))
    assert main(["serve", "--workers", "2"]) != 0
    assert "GRAPH_API_METRICS_PORT serves one process" in capsys.readouterr().err
