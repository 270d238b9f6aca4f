"""Structured logs: ``GRAPH_API_LOG_FORMAT=json`` from a real ``graph-api serve`` process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph_api.config import ConfigError, Settings
from graph_api.embedded import Connection, free_port
from graph_api.logs import uvicorn_options
from graph_api.store import Store
from tests.support.security import SECRET, auth

PARTNER = "partner-log-1"


def serve_env(connection: Connection, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "GRAPH_API_"))}
    env.update(
        NEO4J_URI=connection.uri,  # the session's store: no store of its own to start
        NEO4J_USER=connection.user,
        NEO4J_PASSWORD=connection.password,
        NEO4J_DATABASE=connection.database,
        GRAPH_API_JWT_SECRET=SECRET,
        GRAPH_API_WEBHOOK_WORKER="false",
        **extra,
    )
    return env


def wait_up(url: str, process: subprocess.Popen[Any], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "serve exited"
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("serve did not start")


def test_json_logs_one_line_per_request(store: Store, migrated: Connection, tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    errors = tmp_path / "stderr.log"
    with errors.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "graph_api", "serve", "--no-seed", "--port", str(port)],
            env=serve_env(migrated, GRAPH_API_LOG_FORMAT="json"),
            stdout=subprocess.DEVNULL,
            stderr=sink,
            cwd=tmp_path,
        )
        try:
            wait_up(url, process)
            graphql = f"{url}/graphql"
            add = {
                "query": "mutation AddPartner($i: PartnerInput!) { upsertPartner(input: $i)"
                " { __typename } }",
                "variables": {"i": {"id": PARTNER, "name": "Logged", "kind": "RESELLER"}},
            }
            assert httpx.post(graphql, json=add, headers=auth("admin"), timeout=30).is_success
            mine = {"query": "query Mine { partners(first: 5) { nodes { id } } }"}
            response = httpx.post(graphql, json=mine, headers=auth("partner", PARTNER), timeout=30)
            assert PARTNER in response.text
            bad = {"query": "query Bad { partnerz }"}
            httpx.post(graphql, json=bad, headers=auth("admin"), timeout=30)
            assert httpx.post(graphql, json=mine, timeout=30).status_code == 401
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    lines = [line for line in errors.read_text().splitlines() if line.strip()]
    records = []
    for line in lines:  # every line JSON, uvicorn's own included
        records.append(json.loads(line))
    assert any(r["logger"].startswith("uvicorn") for r in records)
    requests = [r for r in records if r["logger"] == "graph_api.access"]
    by_name = {r["operationName"]: r for r in requests if r["operationName"]}

    added = by_name["AddPartner"]
    assert added["operationType"] == "mutation" and added["outcome"] == "ok"
    assert added["role"] == "admin" and "partnerId" not in added
    assert added["status"] == 200 and added["cypherRoundTrips"] >= 1
    assert isinstance(added["durationMs"], float | int) and len(added["requestId"]) >= 8
    partner = by_name["Mine"]
    assert (partner["role"], partner["partnerId"], partner["outcome"]) == ("partner", PARTNER, "ok")
    assert partner["cypherRoundTrips"] >= 1
    failed = by_name["Bad"]
    assert failed["outcome"] == "error" and failed["errorCodes"] == ["GRAPHQL_VALIDATION_FAILED"]
    refused = [r for r in requests if r["status"] == 401]
    assert len(refused) == 1 and refused[0]["outcome"] == "refused"
    assert refused[0]["role"] == "anonymous"
    # One line per request, and no query text or variables in any of them.
    assert len({r["requestId"] for r in requests}) == len(requests)
    access_text = json.dumps(requests)
    assert "Logged" not in access_text and "partnerz" not in access_text


def test_text_stays_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRAPH_API_LOG_FORMAT", raising=False)
    assert Settings.from_env().log_format == "text"
    assert uvicorn_options("text") == {}  # uvicorn's own text logs and access lines
    monkeypatch.setenv("GRAPH_API_LOG_FORMAT", "xml")
    with pytest.raises(ConfigError, match="GRAPH_API_LOG_FORMAT must be text or json"):
        Settings.from_env()
