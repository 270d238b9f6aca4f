"""Ingest helpers: a small base graph, counts and the change log, numbered import rows."""

from __future__ import annotations

from typing import Any

from graph_api import ingest
from graph_api.store import Store

ACTOR = "tester"


async def count(store: Store, text: str) -> int:
    rows = await store.run_raw(text)
    return int(rows[0]["n"])


async def nodes(store: Store) -> int:
    return await count(
        store, "MATCH (n) WHERE NOT n:Migration AND NOT n:Change RETURN count(n) AS n"
    )


async def changes(store: Store) -> list[dict[str, Any]]:
    return await store.run_raw(
        "MATCH (c:Change) RETURN c.entityType AS type, c.entityId AS id, c.operation AS op, "
        "c.actor AS actor, c.changedFields AS fields, c.before AS before, c.after AS after, "
        "c.partnerIds AS partners ORDER BY c.seq"
    )


async def base(store: Store) -> None:
    """Two partners, a program each kind, a partnership, a customer and a deal."""
    await ingest.upsert_many(
        store,
        [
            ("Partner", {"id": "p1", "name": "Acme Resell", "kind": "reseller"}),
            ("Partner", {"id": "p2", "name": "Northstar", "kind": "distributor"}),
            (
                "Program",
                {
                    "id": "prog-r",
                    "name": "Reseller",
                    "commissionType": "percent_of_deal",
                    "commissionRate": 0.2,
                },
            ),
            (
                "Program",
                {
                    "id": "prog-l",
                    "name": "Referral",
                    "commissionType": "per_lead",
                    "flatAmount": 1000,
                },
            ),
            ("Partnership", {"id": "ps1", "partnerId": "p1", "programId": "prog-r"}),
            ("Partnership", {"id": "ps2", "partnerId": "p2", "programId": "prog-l"}),
            ("Customer", {"id": "c1", "name": "Globex", "domain": "globex.com"}),
            ("Deal", {"id": "d1", "name": "Globex renewal", "amount": 50000, "customerId": "c1"}),
        ],
        ACTOR,
    )


def numbered(records: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    return list(enumerate(records, start=1))
