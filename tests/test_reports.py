"""Partner statements (GraphQL, CSV, PDF) and the CSV reports, over HTTP, on the
hand-worked graph of tests/support/intel.py (period Q1 2024)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.commands import store_cli
from tests.support.intel import Q1, build_graph
from tests.support.reports import csv_records, pdf_text
from tests.support.security import SecureServer, auth, secure_server
from tests.support.servers import LiveServer


@pytest.fixture(scope="module")
def secured(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated) as server:
        yield server


STATEMENT = """
query ($partner: ID!, $from: Date!, $to: Date!) {
  partnerStatement(partnerId: $partner, from: $from, to: $to) {
    statementId contentHash partnerId from to total
    partnerships { partnershipId amount }
    lines {
      partnershipId programId programName commissionType dealId leadId date currency
      basis rate amount
    }
  }
  partnerEarnings(partnerId: $partner, from: $from, to: $to) { total }
}
"""


def statement(server: LiveServer, partner: str) -> tuple[dict[str, Any], float]:
    body = server.gql(STATEMENT, {"partner": partner, **Q1})
    assert "errors" not in body, body
    data = body["data"]
    return data["partnerStatement"], data["partnerEarnings"]["total"]


def get(server: LiveServer, path: str, **params: str) -> httpx.Response:
    return httpx.get(f"{server.url}{path}", params=params, timeout=60)


async def test_statement_lines_add_up_to_partner_earnings(
    live_server: LiveServer, intel_graph: Store
) -> None:
    for partner, total in (("p1", 130.0), ("p2", 1000.0), ("p3", 5.0), ("p4", 0.0)):
        found, earned = statement(live_server, partner)
        assert found["total"] == earned == total
        lines = sum((Decimal(str(line["amount"])) for line in found["lines"]), Decimal(0))
        assert lines == Decimal(str(earned))
        assert found["statementId"] == f"stmt:{partner}:2024-01-01:2024-03-31"
        assert found["contentHash"].startswith("sha256:")
    p1, _ = statement(live_server, "p1")
    assert p1["lines"] == [
        {"partnershipId": "ps1", "programId": "prg-res", "programName": "Reseller",
         "commissionType": "percent_of_deal", "dealId": "dB", "leadId": None, "date": "2024-01-01",
         "currency": "USD", "basis": 50.0, "rate": 0.2, "amount": 10.0},
        {"partnershipId": "ps1", "programId": "prg-res", "programName": "Reseller",
         "commissionType": "percent_of_deal", "dealId": "dA", "leadId": None, "date": "2024-03-31",
         "currency": "USD", "basis": 600.0, "rate": 0.2, "amount": 120.0},
    ]  # fmt: skip
    assert p1["partnerships"] == [{"partnershipId": "ps1", "amount": 130.0}]
    p2, _ = statement(live_server, "p2")
    assert [(line["leadId"], line["dealId"], line["amount"]) for line in p2["lines"]] == [
        ("l1", "dA", 1000.0)
    ]
    # A partner that does not exist has no statement.
    missing = live_server.gql(STATEMENT, {"partner": "nobody", **Q1})
    assert missing["data"] == {"partnerStatement": None, "partnerEarnings": None}


async def test_statement_csv_and_pdf(live_server: LiveServer, intel_graph: Store) -> None:
    found, _ = statement(live_server, "p1")
    response = get(live_server, "/reports/statements/p1", **Q1)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-statement-hash"] == found["contentHash"]
    records = csv_records(response.text)
    *lines, total = records
    assert total["partnershipId"] == "TOTAL" and total["amount"] == "130.00"
    assert [(r["partnershipId"], r["dealId"], r["date"], r["basis"], r["rate"], r["amount"])
            for r in lines] == [
        (line["partnershipId"], line["dealId"], line["date"], f"{line['basis']:.2f}",
         str(line["rate"]), f"{line['amount']:.2f}")
        for line in found["lines"]
    ]  # fmt: skip
    pdf = get(live_server, "/reports/statements/p1", format="pdf", **Q1)
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    text = pdf_text(pdf.content)
    assert "stmt:p1:2024-01-01:2024-03-31" in text
    assert found["contentHash"] in text.replace("\n", "")
    assert "130.00" in text and "120.00" in text and "10.00" in text
    assert "Total" in text


UPSERT_DEAL = """
mutation ($deal: DealInput!) { upsertDeal(input: $deal) { __typename } }
"""


async def test_statement_hash_changes_when_a_line_changes(server: LiveServer, store: Store) -> None:
    await build_graph(store)
    before, _ = statement(server, "p1")
    again, _ = statement(server, "p1")
    assert again["contentHash"] == before["contentHash"]  # the same content, the same hash
    changed = server.gql(UPSERT_DEAL, {"deal": {"id": "dA", "amount": 2000.0}})
    assert changed["data"] == {"upsertDeal": {"__typename": "DealPayload"}}, changed
    after, earned = statement(server, "p1")
    assert after["statementId"] == before["statementId"]
    assert after["contentHash"] != before["contentHash"]
    assert after["total"] == earned == 250.0  # 20 % of 600 -> 20 % of 1200, plus 10


def _refusal(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["errors"][0]["extensions"]["code"] == code
    return body


async def test_reports_are_scoped_to_the_token(secured: SecureServer, intel_graph: Store) -> None:
    def fetch(path: str, headers: dict[str, str] | None = None, **params: str) -> httpx.Response:
        return secured.client.get(f"{secured.url}{path}", params=params, headers=headers or {})

    p2 = auth("partner", "p2")
    mine = fetch("/reports/statements/p2", p2, **Q1)
    assert mine.status_code == 200 and csv_records(mine.text)[-1]["amount"] == "1000.00"
    other = fetch("/reports/statements/p1", p2, **Q1)
    missing = fetch("/reports/statements/nobody", p2, **Q1)
    for response in (other, missing):
        body = _refusal(response, 403, "FORBIDDEN")
        assert body["errors"][0]["message"] == "you may not see this partner's reports"
    assert other.content.split(b'"requestId"')[0] == missing.content.split(b'"requestId"')[0]
    _refusal(fetch("/reports/statements/p1", p2, format="pdf", **Q1), 403, "FORBIDDEN")
    _refusal(fetch("/reports/dashboard", p2, partnerId="p1", **Q1), 403, "FORBIDDEN")
    _refusal(fetch("/reports/dashboard", p2, partnerId="nobody", **Q1), 403, "FORBIDDEN")
    # A distributor sees the partners below it: d1 -> d2 -> p1.
    below = fetch("/reports/statements/p1", auth("partner", "d1"), **Q1)
    assert below.status_code == 200, below.text
    # No token, or a bad one.
    _refusal(fetch("/reports/statements/p1", None, **Q1), 401, "UNAUTHENTICATED")
    _refusal(
        fetch("/reports/statements/p1", {"Authorization": "Bearer nope"}, **Q1),
        401,
        "UNAUTHENTICATED",
    )
    # Admins: a missing partner is 404.
    admin = auth("admin")
    _refusal(fetch("/reports/statements/nobody", admin, **Q1), 404, "NOT_FOUND")
    assert fetch("/reports/statements/p1", admin, **Q1).status_code == 200


async def test_bad_arguments_are_typed_4xx(live_server: LiveServer, intel_graph: Store) -> None:
    bad = [
        ("/reports/statements/p1", {"from": "2024-13-01", "to": "2024-03-31"}),
        ("/reports/statements/p1", {"from": "2024-04-01", "to": "2024-03-31"}),
        ("/reports/statements/p1", {"to": "2024-03-31"}),
        ("/reports/statements/p1", {"from": "yesterday", "to": "2024-03-31"}),
        ("/reports/statements/p1", {"format": "docx", **Q1}),
        ("/reports/statements/%20p1", Q1),
        ("/reports/dashboard", Q1),  # no partnerId
        ("/reports/leaderboard", Q1),  # no metric
        ("/reports/leaderboard", {"metric": "bogus", **Q1}),
        ("/reports/forecast", {"from": "2024-01-01", "to": "2031-01-01"}),
    ]
    for path, params in bad:
        response = get(live_server, path, **params)
        assert 400 <= response.status_code < 500, (path, params, response.text)
        assert response.json()["errors"][0]["extensions"]["code"] in {
            "BAD_USER_INPUT",
            "LIMIT_EXCEEDED",
        }, (path, params)
    _refusal(get(live_server, "/reports/nothing", **Q1), 404, "NOT_FOUND")
    long = get(live_server, "/reports/statements/p1", **{"from": "2000-01-01", "to": "2024-01-01"})
    _refusal(long, 400, "LIMIT_EXCEEDED")


DASHBOARD = """
query ($partner: ID!, $from: Date!, $to: Date!) {
  partnerDashboard(partnerId: $partner, from: $from, to: $to) { wonValue earnings registeredDeals }
  leaderboard(metric: WON_VALUE, from: $from, to: $to) {
    partners entries(first: 100) { edges { node { label rank value } } }
  }
}
"""


async def test_csv_exports_match_their_fields(live_server: LiveServer, intel_graph: Store) -> None:
    body = live_server.gql(DASHBOARD, {"partner": "p1", **Q1})
    assert "errors" not in body, body
    dashboard = body["data"]["partnerDashboard"]
    response = get(live_server, "/reports/dashboard", partnerId="p1", **Q1)
    assert response.status_code == 200, response.text
    figures = {
        r["figure"]: r["value"] for r in csv_records(response.text) if r["section"] == "figure"
    }
    assert float(figures["wonValue"]) == dashboard["wonValue"]
    assert float(figures["earnings"]) == dashboard["earnings"] == 130.0
    assert int(figures["registeredDeals"]) == dashboard["registeredDeals"]

    board = body["data"]["leaderboard"]
    response = get(live_server, "/reports/leaderboard", metric="won_value", **Q1)
    assert response.status_code == 200, response.text
    rows = csv_records(response.text)
    assert len(rows) == board["partners"]

    def cell(value: Any) -> str:
        return "" if value is None else str(value)

    assert [(r["label"], r["rank"], r["value"]) for r in rows] == [
        (e["node"]["label"], cell(e["node"]["rank"]), cell(e["node"]["value"]))
        for e in board["entries"]["edges"]
    ]

    response = get(live_server, "/reports/forecast", **{"from": "2024-04-01", "to": "2024-06-30"})
    assert response.status_code == 200, response.text
    forecast = csv_records(response.text)
    assert forecast, "one row per group and month"
    assert {r["month"] for r in forecast} == {"2024-04", "2024-05", "2024-06"}


async def test_report_command_writes_the_same_documents(
    migrated: Connection, intel_graph: Store, tmp_path: Path
) -> None:
    shown = store_cli(
        ["report", "statement", "--partner", "p1", "--from", Q1["from"], "--to", Q1["to"]],
        migrated,
    )
    assert shown.returncode == 0, shown.stderr
    records = csv_records(shown.stdout)
    assert [r["amount"] for r in records] == ["10.00", "120.00", "130.00"]
    pdf = tmp_path / "statement.pdf"
    written = store_cli(
        ["report", "statement", "--partner", "p1", "--from", Q1["from"], "--to", Q1["to"],
         "--format", "pdf", "--output", str(pdf)],
        migrated,
    )  # fmt: skip
    assert written.returncode == 0, written.stderr
    assert "130.00" in pdf_text(pdf.read_bytes())
    board = store_cli(
        ["report", "leaderboard", "--metric", "won_value", "--from", Q1["from"], "--to", Q1["to"]],
        migrated,
    )
    assert board.returncode == 0, board.stderr
    assert csv_records(board.stdout)[0]["rank"] == "1"
    bad = store_cli(["report", "dashboard", "--from", "2024-04-01", "--to", "2024-03-31"], migrated)
    assert bad.returncode != 0 and "partnerId" in bad.stderr
    missing = store_cli(
        ["report", "statement", "--partner", "nobody", "--from", Q1["from"], "--to", Q1["to"]],
        migrated,
    )
    assert missing.returncode != 0 and "nobody" in missing.stderr
