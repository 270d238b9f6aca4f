"""OpenTelemetry tracing over real HTTP: spans for the request, the operation and the
resolvers, and no partner data in them (no query text, no argument values)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from graph_api.config import ConfigError, Settings
from graph_api.embedded import Connection
from graph_api.store import Store
from graph_api.tracing import provider_for
from tests.support.events import gql, run_app

SECRET_ID = "partner-traced-5e1f"  # must never reach a span


def spans(output: str) -> list[dict[str, Any]]:
    """The JSON objects the console exporter printed, one per span."""
    decoder, found, at = json.JSONDecoder(), [], 0
    while (start := output.find("{", at)) != -1:
        span, at = decoder.raw_decode(output, start)
        found.append(span)
    return found


async def test_console_tracing_spans_requests_operations_and_resolvers(
    store: Store, migrated: Connection, capfd: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(tracing="console", webhook_worker=False)
    with run_app(settings, migrated) as app:
        query = 'query Traced($id: ID!) { partner(id: $id) { id } deal(id: "%s") { id } }'
        data = await gql(app.url, query % SECRET_ID, {"id": SECRET_ID})
    assert data == {"partner": None, "deal": None}
    out = capfd.readouterr().out
    names = {span["name"] for span in spans(out)}
    assert "GraphQL Query: Traced" in names, names
    assert {"GraphQL Parsing", "GraphQL Validation"} <= names, names
    assert any(name.startswith("POST /graphql") for name in names), names
    assert any("partner" in name for name in names if name.startswith("GraphQL Resolving")), names
    # Neither the literal nor the variable: the query text and arguments are not recorded.
    assert SECRET_ID not in out


def test_tracing_is_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRAPH_API_TRACING", raising=False)
    assert Settings.from_env().tracing == "off"
    assert provider_for(Settings()) is None


def test_an_unknown_tracing_mode_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPH_API_TRACING", "jaeger")
    with pytest.raises(ConfigError, match="GRAPH_API_TRACING must be off, otlp or console"):
        Settings.from_env()
