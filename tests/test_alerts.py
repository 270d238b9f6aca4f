"""Alert rules against the real embedded store, with an injected clock: each kind
raises one alert per condition, once, and resolves it when the condition clears
through a committed write (heard by the worker's commit listener); the schedule
raises expiry alerts when the clock passes the window; two evaluations at once
raise one alert."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from graph_api import ingest
from graph_api.alerts.evaluation import evaluate
from graph_api.alerts.rules import AlertKind
from graph_api.alerts.worker import AlertWorker, running
from graph_api.embedded import Connection
from graph_api.store import Store, open_store
from graph_api.values import as_datetime
from tests.support.alerts import (
    CONFLICT,
    GOAL,
    NOW,
    Clock,
    alert_changes,
    alerts,
    save_rule,
    summary,
    until,
)
from tests.support.commands import store_cli
from tests.support.enablement import load

CERT_BOB = "bob->cert-install"
CERT_CY = "cy->cert-install"


@pytest.fixture
async def clock() -> Clock:
    return Clock()


@pytest.fixture
async def loaded(store: Store) -> None:
    """The fixture graph. Each test writes what else it needs, then starts the worker,
    so that no evaluation of the setup's writes runs alongside the test's own."""
    await load(store)


async def write(store: Store, *records: dict[str, object]) -> None:
    """Records through the ingest path, as a client's write would go."""
    report = await ingest.import_records(store, list(enumerate(records, start=1)), "test")
    assert not report.rejected, report.rejected


@pytest.mark.usefixtures("loaded")
async def test_certification_expiring_raises_once_and_resolves_on_renewal(
    store: Store, clock: Clock
) -> None:
    await save_rule(store, "cert30", AlertKind.CERTIFICATION_EXPIRING, days=30)
    async with running(store, clock, schedule=None):
        outcome = await evaluate(store, NOW)
        # Bob's expires on June 20 (within 30 days), Cy's has lapsed; Ann's and Dee's run on.
        assert sorted(a["subjectId"] for a in outcome.raised) == [CERT_BOB, CERT_CY]
        again = await evaluate(store, NOW)
        assert again.raised == [] and again.resolved == []
        assert summary(await alerts(store)) == [
            ("dealer", CERT_BOB, "open"),
            ("other", CERT_CY, "open"),
        ]
        bob = next(a for a in outcome.raised if a["subjectId"] == CERT_BOB)
        assert (
            bob["detail"]["expiresDate"] == "2026-06-20" and bob["kind"] == "certification_expiring"
        )
        # Renewed through an ordinary write: the worker hears the commit and resolves it.
        await write(
            store,
            {"type": "Certification", "contactId": "bob", "courseId": "cert-install",
             "issuedDate": "2026-06-01", "expiresDate": "2027-06-20"},
        )  # fmt: skip

        async def bob_resolved() -> bool:
            return ("dealer", CERT_BOB, "resolved") in summary(await alerts(store))

        await until(bob_resolved)
        assert summary(await alerts(store)) == [
            ("dealer", CERT_BOB, "resolved"),
            ("other", CERT_CY, "open"),
        ]
        changes = await alert_changes(store)
        assert [(op, partners) for _, op, partners in changes] == [
            ("create", ["dealer"]),
            ("create", ["other"]),
            ("update", ["dealer"]),
        ]


@pytest.mark.usefixtures("loaded")
async def test_stock_low_resolves_when_replenished(store: Store, clock: Clock) -> None:
    await save_rule(store, "stock", AlertKind.STOCK_LOW)
    async with running(store, clock, schedule=None):
        outcome = await evaluate(store, NOW)
        assert sorted((a["partnerId"], a["subjectId"]) for a in outcome.raised) == [
            ("dealer", "dealer->pump-s"),
            ("other", "other->valve"),
        ]
        assert (await evaluate(store, NOW)).raised == []
        await write(store, {"type": "StockLevel", "partnerId": "dealer", "productId": "pump-s",
                            "quantity": 20, "reorderPoint": 5})  # fmt: skip

        async def replenished() -> list[tuple[str, str, str]]:
            rows = summary(await alerts(store))
            return rows if ("dealer", "dealer->pump-s", "resolved") in rows else []

        assert await until(replenished) == [
            ("dealer", "dealer->pump-s", "resolved"),
            ("other", "other->valve", "open"),
        ]
        # Running low again is a new condition: a second alert, the first stays resolved.
        await write(store, {"type": "StockLevel", "partnerId": "dealer", "productId": "pump-s",
                            "quantity": 1, "reorderPoint": 5})  # fmt: skip

        async def low_again() -> list[dict[str, object]]:
            return [a for a in await alerts(store, "open") if a["partnerId"] == "dealer"]

        [again] = await until(low_again)
        assert again["id"] == "stock:StockLevel:dealer->pump-s:dealer:2"


@pytest.mark.usefixtures("loaded")
async def test_goal_at_risk_resolves_when_back_on_the_line(store: Store, clock: Clock) -> None:
    await write(store, GOAL)
    await save_rule(store, "goal", AlertKind.GOAL_AT_RISK, percent=20.0)
    async with running(store, clock, schedule=None):
        outcome = await evaluate(store, NOW)
        # Nothing won by June 1, while the line stands at 151/365 of 1000.
        [raised] = outcome.raised
        assert (raised["partnerId"], raised["subjectId"]) == ("dealer", "g-dealer")
        assert raised["detail"]["actual"] == 0.0
        assert (await evaluate(store, NOW)).raised == []
        await write(
            store,
            {"type": "Deal", "id": "d-won", "name": "Won", "amount": 400, "stage": "won",
             "closeDate": "2026-05-20", "customerId": "cust"},
            {"type": "Attribution", "dealId": "d-won", "partnershipId": "ps-dealer",
             "role": "sourced", "share": 1.0},
        )  # fmt: skip

        async def resolved() -> list[tuple[str, str, str]]:
            return [r for r in summary(await alerts(store)) if r[2] == "resolved"]

        # 400 is above 80% of the line's 414: no longer at risk.
        assert await until(resolved) == [("dealer", "g-dealer", "resolved")]


@pytest.mark.usefixtures("loaded")
async def test_registration_conflict_resolves_when_one_is_rejected(
    store: Store, clock: Clock
) -> None:
    await write(store, *CONFLICT)
    await save_rule(store, "conflict", AlertKind.REGISTRATION_CONFLICT)
    async with running(store, clock, schedule=None):
        outcome = await evaluate(store, NOW)
        assert sorted((a["partnerId"], a["subjectId"]) for a in outcome.raised) == [
            ("dealer", "d-dealer"),
            ("other", "d-other"),
        ]
        # The detail counts the other registrations and names no other partner.
        assert all(a["detail"]["conflicts"] == 1 for a in outcome.raised)
        assert all(
            "other" not in str(a["detail"]) for a in outcome.raised if a["partnerId"] == "dealer"
        )
        assert (await evaluate(store, NOW)).raised == []
        # The vendor rejects other's registration: a change concerning `other` alone, yet
        # dealer's alert clears too.
        rejected = {"type": "Registration", "dealId": "d-other", "partnershipId": "ps-other",
                    "status": "rejected"}  # fmt: skip
        await write(store, rejected)

        async def both_resolved() -> list[tuple[str, str, str]]:
            rows = summary(await alerts(store))
            return rows if all(r[2] == "resolved" for r in rows) else []

        assert await until(both_resolved) == [
            ("dealer", "d-dealer", "resolved"),
            ("other", "d-other", "resolved"),
        ]


@pytest.mark.usefixtures("loaded")
async def test_deal_stalled_resolves_when_the_deal_moves_on(store: Store, clock: Clock) -> None:
    await write(
        store,
        {"type": "Deal", "id": "d-slow", "name": "Slow", "amount": 100, "stage": "proposal",
         "customerId": "cust"},
        {"type": "Attribution", "dealId": "d-slow", "partnershipId": "ps-dealer",
         "role": "sourced", "share": 1.0},
    )  # fmt: skip
    await save_rule(store, "stalled", AlertKind.DEAL_STALLED, days=14)
    async with running(store, clock, schedule=None):
        [row] = await store.run_raw("MATCH (d:Deal {id: 'd-slow'}) RETURN d.updatedAt AS at")
        changed = as_datetime(row["at"])
        assert changed is not None
        clock.now = changed + dt.timedelta(days=13)
        assert (await evaluate(store, clock.now)).raised == []
        clock.now = changed + dt.timedelta(days=15)
        [raised] = (await evaluate(store, clock.now)).raised
        assert (raised["partnerId"], raised["subjectId"]) == ("dealer", "d-slow")
        assert (await evaluate(store, clock.now)).raised == []
        await write(
            store, {"type": "Deal", "id": "d-slow", "stage": "won", "closeDate": "2026-06-01"}
        )

        async def resolved() -> list[tuple[str, str, str]]:
            return [r for r in summary(await alerts(store)) if r[2] == "resolved"]

        assert await until(resolved) == [("dealer", "d-slow", "resolved")]


async def test_the_schedule_raises_expiry_when_the_clock_passes_the_window(store: Store) -> None:
    await load(store)
    await save_rule(store, "cert30", AlertKind.CERTIFICATION_EXPIRING, days=30)
    clock = Clock(dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.UTC))
    worker = AlertWorker(store, clock, schedule=None)
    await worker.run_scheduled()
    # On May 1 only Cy's lapsed certification is in the window (Bob's is 50 days out).
    assert summary(await alerts(store)) == [("other", CERT_CY, "open")]
    clock.now = dt.datetime(2026, 5, 22, 8, 0, tzinfo=dt.UTC)  # June 20 is 29 days out
    outcome = await worker.run_scheduled()
    assert [a["subjectId"] for a in outcome.raised] == [CERT_BOB]
    assert (await worker.run_scheduled()).raised == []
    assert summary(await alerts(store)) == [
        ("dealer", CERT_BOB, "open"),
        ("other", CERT_CY, "open"),
    ]


async def test_two_workers_at_once_raise_one_alert(store: Store, migrated: Connection) -> None:
    await load(store)
    await save_rule(store, "cert30", AlertKind.CERTIFICATION_EXPIRING, days=30)
    await save_rule(store, "stock", AlertKind.STOCK_LOW)
    # Two processes: separate drivers, so nothing in this process serializes them.
    stores = [
        open_store(migrated.uri, migrated.user, migrated.password, migrated.database)
        for _ in range(2)
    ]
    try:
        outcomes = await asyncio.gather(*(evaluate(s, NOW) for s in stores))
    finally:
        for s in stores:
            await s.close()
    assert sum(len(o.raised) for o in outcomes) == 4
    assert summary(await alerts(store)) == [
        ("dealer", CERT_BOB, "open"),
        ("dealer", "dealer->pump-s", "open"),
        ("other", CERT_CY, "open"),
        ("other", "other->valve", "open"),
    ]
    assert [op for _, op, _ in await alert_changes(store)] == ["create"] * 4


async def test_the_worker_command_evaluates_every_rule(store: Store, migrated: Connection) -> None:
    await load(store)
    # Ten years ahead: every certification of the fixture is in the window, whatever today.
    await save_rule(store, "cert-10y", AlertKind.CERTIFICATION_EXPIRING, days=3650)
    await save_rule(store, "stock", AlertKind.STOCK_LOW)
    done = await asyncio.to_thread(store_cli, ["alerts-worker", "--once"], migrated)
    assert done.returncode == 0, done.stderr
    assert "raised 6, resolved 0" in done.stdout
    assert sorted(a["subjectId"] for a in await alerts(store)) == [
        "ann->cert-install", CERT_BOB, CERT_CY, "dealer->pump-s", "dee->cert-install",
        "other->valve",
    ]  # fmt: skip
