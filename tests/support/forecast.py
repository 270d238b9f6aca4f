"""A small deal history for the forecast tests, written through the ingest path so the
change log records each deal's stages (what stage probabilities are learned from).

Forecast from 2025-01-01 (the cutoff) to 2025-03-31.

Partners: pA gold EMEA (ps-a, program prg-1), pB gold EMEA (ps-b, prg-1),
pC silver NA (ps-c, prg-2).

History, closed before the cutoff (amount, stages recorded, created -> closed, cycle):
  h1  pA 100 proposal -> won   2024-06-01 -> 2024-07-01   30
  h2  pA 200 proposal -> won   2024-06-01 -> 2024-07-31   60
  h3  pA 300 proposal -> won   2024-08-01 -> 2024-10-30   90
  h4  pA 400 proposal -> won   2024-10-01 -> 2024-10-31   30
  h5  pA 100 proposal -> lost  2024-09-01 -> 2024-10-31   60
  h6  pA 100 proposal -> lost  2024-09-01 -> 2024-11-30   90
  h7  pB 100 won (created so)  2024-06-01 -> 2024-07-01   30
  h8  pB 100 lost (created so) 2024-06-01 -> 2024-07-31   60
  h9  pC 100 qualified -> won  2024-06-01 -> 2024-08-30   90
  h10 pC 100 qualified -> lost 2024-06-01 -> 2024-09-29  120
So 10 closed, 6 won (0.6); median cycle 60 days, 90th percentile 90 days.

Open at the cutoff:
  o1 pA     1000 proposal    created 2024-12-01, close date 2025-01-20
  o2 pA      500 qualified   created 2024-12-15, no close date (-> +60 d = 2025-02-13)
  o3 pA+pB  2000 negotiation created 2024-12-01, close date 2025-03-10
  o4 pA      300 prospect    created 2024-06-01, no close date: 214 days old > 90, stale
  o5 pA      400 proposal    created 2024-11-01, close date 2024-12-20: overdue
  o6 pC      700 proposal    created 2024-12-01, close date 2025-02-01
  o7 pA      999 proposal    created 2024-12-01, close date 2025-05-01 (after `to`)
  w1 pA      800 won 2025-01-15, created 2024-11-01: closed after the cutoff, so open at
             it with its stage unknown; expected 2024-11-01 + 60 d = 2024-12-31: overdue
Created after the cutoff (not in the forecast): o8 pA 50 proposal, 2025-01-05.

Goals of pA: g0 won_value ended 2024-12-31 (not running); g1 won_value 3000 over
2024-10-01..2025-03-31; g2 deals_won 10 over 2024-07-01..2025-06-30; g3
registrations 2 over 2024-12-01..2025-01-31 (ps-a registered o1 on 2024-12-10).
"""

from __future__ import annotations

from typing import Any

from graph_api import ingest
from graph_api.store import Store

ACTOR = "test"
PARTNERSHIP = {"pA": "ps-a", "pB": "ps-b", "pC": "ps-c"}


def _deal(
    id: str, amount: float, stage: str, created: str, close: str | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {"id": id, "name": id, "amount": amount, "stage": stage}
    data["createdDate"] = created
    if close is not None:
        data["closeDate"] = close
    return data


# (id, partners, amount, stages in order, created, closed or expected close)
DEALS: list[tuple[str, tuple[str, ...], float, tuple[str, ...], str, str | None]] = [
    ("h1", ("pA",), 100, ("proposal", "won"), "2024-06-01", "2024-07-01"),
    ("h2", ("pA",), 200, ("proposal", "won"), "2024-06-01", "2024-07-31"),
    ("h3", ("pA",), 300, ("proposal", "won"), "2024-08-01", "2024-10-30"),
    ("h4", ("pA",), 400, ("proposal", "won"), "2024-10-01", "2024-10-31"),
    ("h5", ("pA",), 100, ("proposal", "lost"), "2024-09-01", "2024-10-31"),
    ("h6", ("pA",), 100, ("proposal", "lost"), "2024-09-01", "2024-11-30"),
    ("h7", ("pB",), 100, ("won",), "2024-06-01", "2024-07-01"),
    ("h8", ("pB",), 100, ("lost",), "2024-06-01", "2024-07-31"),
    ("h9", ("pC",), 100, ("qualified", "won"), "2024-06-01", "2024-08-30"),
    ("h10", ("pC",), 100, ("qualified", "lost"), "2024-06-01", "2024-09-29"),
    ("o1", ("pA",), 1000, ("proposal",), "2024-12-01", "2025-01-20"),
    ("o2", ("pA",), 500, ("qualified",), "2024-12-15", None),
    ("o3", ("pA", "pB"), 2000, ("negotiation",), "2024-12-01", "2025-03-10"),
    ("o4", ("pA",), 300, ("prospect",), "2024-06-01", None),
    ("o5", ("pA",), 400, ("proposal",), "2024-11-01", "2024-12-20"),
    ("o6", ("pC",), 700, ("proposal",), "2024-12-01", "2025-02-01"),
    ("o7", ("pA",), 999, ("proposal",), "2024-12-01", "2025-05-01"),
    ("w1", ("pA",), 800, ("won",), "2024-11-01", "2025-01-15"),
    ("o8", ("pA",), 50, ("proposal",), "2025-01-05", "2025-01-30"),
]

WINDOW = {"from": "2025-01-01", "to": "2025-03-31"}


async def build_history(store: Store) -> None:
    records: list[tuple[str, dict[str, Any]]] = [
        ("Program", {"id": "prg-1", "name": "Resell", "commissionType": "percent_of_deal",
                     "commissionRate": 0.1}),
        ("Program", {"id": "prg-2", "name": "Alliance", "commissionType": "percent_of_deal",
                     "commissionRate": 0.1}),
        ("Partner", {"id": "pA", "name": "Alpha", "kind": "reseller", "tier": "gold",
                     "region": "EMEA"}),
        ("Partner", {"id": "pB", "name": "Bravo", "kind": "reseller", "tier": "gold",
                     "region": "EMEA"}),
        ("Partner", {"id": "pC", "name": "Charlie", "kind": "technology", "tier": "silver",
                     "region": "NA"}),
        ("Partnership", {"id": "ps-a", "partnerId": "pA", "programId": "prg-1"}),
        ("Partnership", {"id": "ps-b", "partnerId": "pB", "programId": "prg-1"}),
        ("Partnership", {"id": "ps-c", "partnerId": "pC", "programId": "prg-2"}),
    ]  # fmt: skip
    await ingest.upsert_many(store, records, ACTOR)
    for deal_id, partners, amount, stages, created, close in DEALS:
        first, *later = stages
        closed_now = first in ("won", "lost")
        await ingest.upsert(
            store,
            "Deal",
            _deal(deal_id, amount, first, created, close if closed_now or not later else None),
            ACTOR,
        )
        for stage in later:
            await ingest.upsert(
                store, "Deal", {"id": deal_id, "stage": stage, "closeDate": close}, ACTOR
            )
        share = round(1 / len(partners), 2)
        for partner in partners:
            await ingest.upsert(
                store,
                "Attribution",
                {"dealId": deal_id, "partnershipId": PARTNERSHIP[partner], "role": "sourced",
                 "share": share},
                ACTOR,
            )  # fmt: skip
    goals: list[tuple[str, dict[str, Any]]] = [
        ("Goal", {"id": "g0", "partnerId": "pA", "metric": "won_value", "target": 100.0,
                  "periodStart": "2024-01-01", "periodEnd": "2024-12-31"}),
        ("Goal", {"id": "g1", "partnerId": "pA", "metric": "won_value", "target": 3000.0,
                  "periodStart": "2024-10-01", "periodEnd": "2025-03-31"}),
        ("Goal", {"id": "g2", "partnerId": "pA", "metric": "deals_won", "target": 10.0,
                  "periodStart": "2024-07-01", "periodEnd": "2025-06-30"}),
        ("Goal", {"id": "g3", "partnerId": "pA", "metric": "registrations", "target": 2.0,
                  "periodStart": "2024-12-01", "periodEnd": "2025-01-31"}),
        ("Registration", {"dealId": "o1", "partnershipId": "ps-a",
                          "at": "2024-12-10T10:00:00Z", "status": "approved"}),
    ]  # fmt: skip
    await ingest.upsert_many(store, goals, ACTOR)
