"""Bad input is rejected with field paths and reasons, and writes nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest

from graph_api import ingest
from graph_api.errors import Conflict, EntityNotFound, InputInvalid
from graph_api.ingest.validation import normalize_currency, normalize_domain
from graph_api.store import Store
from tests.support.ingest import ACTOR, base, changes, nodes


@pytest.mark.parametrize(
    ("record_type", "data", "expected"),
    [
        (
            "Deal",
            {"id": "d", "name": "x", "amount": -5},
            (["amount"], "must not be negative (got -5)"),
        ),
        (
            "Program",
            {"id": "g", "name": "x", "commissionType": "per_lead", "flatAmount": -1},
            (["flatAmount"], "must not be negative (got -1)"),
        ),
        (
            "Partner",
            {"id": "p", "name": "x", "kind": "franchise"},
            (
                ["kind"],
                "unknown value 'franchise'; one of reseller, referral, technology, distributor, "
                "integrator, msp, dealer, service",
            ),
        ),
        (
            "Deal",
            {"id": "d", "name": "x", "amount": 1, "stage": "closed"},
            (
                ["stage"],
                "unknown value 'closed'; "
                "one of prospect, qualified, proposal, negotiation, won, lost",
            ),
        ),
        (
            "Attribution",
            {"dealId": "d", "partnershipId": "s", "role": "sourced", "share": 1.5},
            (["share"], "must be between 0 and 1 (got 1.5)"),
        ),
        (
            "Attribution",
            {"dealId": "d", "partnershipId": "s", "role": "sourced", "share": -0.1},
            (["share"], "must be between 0 and 1 (got -0.1)"),
        ),
        (
            "Deal",
            {"id": "d", "name": "x", "amount": 1, "closeDate": "31/12/2024"},
            (["closeDate"], "'31/12/2024' is not a date (YYYY-MM-DD)"),
        ),
        (
            "Registration",
            {"dealId": "d", "partnershipId": "s", "expiresAt": "tomorrow"},
            (["expiresAt"], "'tomorrow' is not an ISO-8601 timestamp"),
        ),
        (
            "Deal",
            {"id": "d", "name": "x", "amount": 1, "currency": "euro"},
            (["currency"], "'euro' is not a three-letter currency code"),
        ),
        (
            "Customer",
            {"id": "c", "name": "x", "domain": "not a domain"},
            (["domain"], "'not a domain' is not a domain name"),
        ),
        (
            "Partnership",
            {
                "partnerId": "p",
                "programId": "g",
                "startDate": "2025-02-01",
                "endDate": "2025-01-01",
            },
            (["endDate"], "is before startDate"),
        ),
        (
            "Partner",
            {"id": "p", "name": "x", "kind": "msp", "colour": "red"},
            (["colour"], "unknown field"),
        ),
        (
            "ResellsFor",
            {"partnerId": "p1", "distributorId": "p1"},
            (["distributorId"], "a partner cannot resell for itself (a cycle)"),
        ),
        ("Serves", {"partnerId": "p1"}, (["customerId"], "is required")),
        (
            "Partner",
            {"id": "p", "name": "x", "kind": "msp", "sourceSystem": "crm"},
            (["externalId"], "sourceSystem and externalId go together"),
        ),
    ],
)
def test_validate_rejects_with_field_path_and_reason(
    record_type: str, data: dict[str, Any], expected: tuple[list[str], str]
) -> None:
    with pytest.raises(InputInvalid) as error:
        ingest.validate(record_type, data)
    assert error.value.errors == [expected]


def test_validate_lists_every_bad_field() -> None:
    with pytest.raises(InputInvalid) as error:
        ingest.validate("Deal", {"id": "d", "amount": "lots", "stage": "x", "createdDate": "2025"})
    assert [path for path, _ in error.value.errors] == [["amount"], ["stage"], ["createdDate"]]


def test_unknown_record_type() -> None:
    with pytest.raises(InputInvalid) as error:
        ingest.validate("Invoice", {})
    assert error.value.errors[0][0] == ["type"]


@pytest.mark.parametrize(
    ("raw", "domain"),
    [
        ("acme.com", "acme.com"),
        ("ACME.com", "acme.com"),
        ("https://www.acme.com", "acme.com"),
        ("http://WWW.Acme.com/path/to?q=1#x", "acme.com"),
        ("www.acme.co.uk:8443", "acme.co.uk"),
        ("shop.acme.com.", "shop.acme.com"),
    ],
)
def test_domain_normalization(raw: str, domain: str) -> None:
    assert normalize_domain(raw) == domain


def test_currency_normalization() -> None:
    assert normalize_currency(" usd") == "USD"
    with pytest.raises(ValueError):
        normalize_currency("US$")


def test_validate_is_pure_and_normalizes() -> None:
    assert ingest.validate(
        "Deal", {"id": " d1 ", "amount": "12.5", "stage": "Won", "name": "", "closeDate": None}
    ) == {"id": "d1", "amount": 12.5, "stage": "won"}


async def test_missing_required_fields_on_create(store: Store) -> None:
    with pytest.raises(InputInvalid) as error:
        await ingest.upsert(store, "Deal", {"id": "d1", "stage": "won"}, ACTOR)
    assert error.value.errors == [(["name"], "is required"), (["amount"], "is required")]
    with pytest.raises(InputInvalid) as error:
        await ingest.upsert(
            store, "Program", {"id": "g", "name": "R", "commissionType": "percent_of_deal"}, ACTOR
        )
    assert error.value.errors == [(["commissionRate"], "is required for a percent_of_deal program")]
    assert await nodes(store) == 0


@pytest.mark.parametrize(
    ("record_type", "data", "missing"),
    [
        ("Partnership", {"id": "ps9", "partnerId": "p1", "programId": "nope"}, ("Program", "nope")),
        (
            "Partnership",
            {"id": "ps9", "partnerId": "nope", "programId": "prog-r"},
            ("Partner", "nope"),
        ),
        (
            "Deal",
            {"id": "d9", "name": "x", "amount": 1, "customerId": "nope"},
            ("Customer", "nope"),
        ),
        ("Contact", {"id": "ct", "name": "x", "customerId": "nope"}, ("Customer", "nope")),
        ("Lead", {"id": "l", "name": "x", "partnershipId": "nope"}, ("Partnership", "nope")),
        ("Lead", {"id": "l", "name": "x", "convertedDealId": "nope"}, ("Deal", "nope")),
        (
            "Goal",
            {
                "id": "g",
                "partnerId": "nope",
                "metric": "deals_won",
                "target": 3,
                "periodStart": "2025-01-01",
                "periodEnd": "2025-03-31",
            },
            ("Partner", "nope"),
        ),
        (
            "Attribution",
            {"dealId": "nope", "partnershipId": "ps1", "role": "sourced", "share": 0.5},
            ("Deal", "nope"),
        ),
        ("Registration", {"dealId": "d1", "partnershipId": "nope"}, ("Partnership", "nope")),
        ("Serves", {"partnerId": "p1", "customerId": "nope"}, ("Customer", "nope")),
        ("ResellsFor", {"partnerId": "p1", "distributorId": "nope"}, ("Partner", "nope")),
        (
            "SharesWith",
            {"partnerId": "nope", "withPartnerId": "p1", "level": "full"},
            ("Partner", "nope"),
        ),
    ],
)
async def test_missing_references_are_not_found_and_write_nothing(
    store: Store, record_type: str, data: dict[str, Any], missing: tuple[str, str]
) -> None:
    await base(store)
    before = (await nodes(store), len(await changes(store)))
    with pytest.raises(EntityNotFound) as error:
        await ingest.upsert(store, record_type, data, ACTOR)
    assert (error.value.entity_type, error.value.entity_id) == missing
    assert (await nodes(store), len(await changes(store))) == before


async def test_reseller_loop_is_rejected(store: Store) -> None:
    for pid in ("a", "b", "c"):
        await ingest.upsert(
            store, "Partner", {"id": pid, "name": pid, "kind": "distributor"}, ACTOR
        )
    await ingest.upsert(store, "ResellsFor", {"partnerId": "a", "distributorId": "b"}, ACTOR)
    await ingest.upsert(store, "ResellsFor", {"partnerId": "b", "distributorId": "c"}, ACTOR)
    before = len(await changes(store))
    with pytest.raises(InputInvalid) as error:
        await ingest.upsert(store, "ResellsFor", {"partnerId": "c", "distributorId": "a"}, ACTOR)
    assert error.value.errors == [
        (
            ["distributorId"],
            "a already resells for c (directly or through others); this edge would make a cycle",
        )
    ]
    assert len(await changes(store)) == before
    rows = await store.run_raw("MATCH ()-[r:RESELLS_FOR]->() RETURN count(r) AS n")
    assert rows == [{"n": 2}]


async def test_a_loop_within_one_import_batch_is_caught(store: Store) -> None:
    rows = [
        (1, {"type": "Partner", "id": "a", "name": "A", "kind": "reseller"}),
        (2, {"type": "Partner", "id": "b", "name": "B", "kind": "distributor"}),
        (3, {"type": "ResellsFor", "partnerId": "a", "distributorId": "b"}),
        (4, {"type": "ResellsFor", "partnerId": "b", "distributorId": "a"}),
    ]
    report = await ingest.import_records(store, rows, ACTOR)
    assert report.accepted == 3
    assert [e.line for e in report.rejected] == [4]
    assert "cycle" in report.rejected[0].reason


async def test_shares_may_not_sum_above_one(store: Store) -> None:
    await base(store)
    await ingest.upsert(
        store,
        "Attribution",
        {"dealId": "d1", "partnershipId": "ps1", "role": "sourced", "share": 0.7},
        ACTOR,
    )
    with pytest.raises(InputInvalid) as error:
        await ingest.upsert(
            store,
            "Attribution",
            {"dealId": "d1", "partnershipId": "ps2", "role": "referred", "share": 0.4},
            ACTOR,
        )
    assert error.value.errors == [
        (["share"], "shares credited on deal d1 would sum to 1.1; at most 1")
    ]
    # Exactly 1 is fine, and changing an existing share counts it once.
    await ingest.upsert(
        store,
        "Attribution",
        {"dealId": "d1", "partnershipId": "ps2", "role": "referred", "share": 0.3},
        ACTOR,
    )
    await ingest.upsert(
        store,
        "Attribution",
        {"dealId": "d1", "partnershipId": "ps1", "role": "sourced", "share": 0.6},
        ACTOR,
    )
    rows = await store.run_raw(
        "MATCH (:Deal {id: 'd1'})<-[r:ATTRIBUTED]-() RETURN sum(r.share) AS s"
    )
    assert rows[0]["s"] == pytest.approx(0.9)


async def test_shares_summing_above_one_within_one_transaction(store: Store) -> None:
    await base(store)
    with pytest.raises(InputInvalid):
        await ingest.upsert_many(
            store,
            [
                (
                    "Attribution",
                    {"dealId": "d1", "partnershipId": "ps1", "role": "sourced", "share": 0.6},
                ),
                (
                    "Attribution",
                    {"dealId": "d1", "partnershipId": "ps2", "role": "referred", "share": 0.6},
                ),
            ],
            ACTOR,
        )
    rows = await store.run_raw("MATCH ()-[r:ATTRIBUTED]->() RETURN count(r) AS n")
    assert rows == [{"n": 0}]


async def test_delete_partner_with_credited_deals_conflicts_unless_cascade(store: Store) -> None:
    await base(store)
    await ingest.upsert(
        store,
        "Attribution",
        {"dealId": "d1", "partnershipId": "ps1", "role": "sourced", "share": 1},
        ACTOR,
    )
    await ingest.upsert(
        store,
        "Goal",
        {
            "id": "g1",
            "partnerId": "p1",
            "metric": "deals_won",
            "target": 4,
            "periodStart": "2025-01-01",
            "periodEnd": "2025-12-31",
        },
        ACTOR,
    )
    before = (await nodes(store), len(await changes(store)))
    with pytest.raises(Conflict) as error:
        await ingest.delete(store, "Partner", "p1", ACTOR)
    assert str(error.value) == (
        "Partner 'p1' still has 1 deal(s) credited to its partnerships; "
        "delete with cascade to remove it anyway"
    )
    assert (await nodes(store), len(await changes(store))) == before

    deleted = await ingest.delete(store, "Partner", "p1", ACTOR, cascade=True)
    assert deleted["id"] == "p1" and deleted["name"] == "Acme Resell"
    remaining = await store.run_raw(
        "MATCH (n) WHERE n:Partner OR n:Partnership OR n:Goal OR n:Deal OR n:Customer "
        "RETURN n.id AS id ORDER BY id"
    )
    assert [r["id"] for r in remaining] == ["c1", "d1", "p2", "ps2"]
    log = await changes(store)
    # Every node the cascade removed has its own entry, with the properties it had.
    assert [(c["type"], c["id"], c["op"], c["after"]) for c in log[-3:]] == [
        ("Partner", "p1", "delete", None),
        ("Goal", "g1", "delete", None),
        ("Partnership", "ps1", "delete", None),
    ]
    goal_before = json.loads(log[-2]["before"])
    assert (goal_before["metric"], goal_before["target"]) == ("deals_won", 4)
    assert json.loads(log[-1]["before"])["status"] == "active"
    assert [c["partners"] for c in log[-3:]] == [["p1"], ["p1"], ["p1"]]


async def test_delete_without_credits_and_not_found(store: Store) -> None:
    await base(store)
    deleted = await ingest.delete(store, "Partner", "p2", ACTOR)
    assert deleted["kind"] == "distributor"
    with pytest.raises(EntityNotFound):
        await ingest.delete(store, "Partner", "p2", ACTOR)
    with pytest.raises(Conflict):
        await ingest.delete(store, "Customer", "c1", ACTOR)
    with pytest.raises(Conflict):
        await ingest.delete(store, "Program", "prog-r", ACTOR)
    await ingest.upsert(store, "Contact", {"id": "ct1", "name": "Gail", "customerId": "c1"}, ACTOR)
    await ingest.delete(store, "Deal", "d1", ACTOR)
    await ingest.delete(store, "Customer", "c1", ACTOR)
    log = await changes(store)
    assert [(c["type"], c["id"], c["op"]) for c in log[-2:]] == [
        ("Customer", "c1", "delete"),
        ("Contact", "ct1", "delete"),
    ]
    assert json.loads(log[-1]["before"])["name"] == "Gail"
    await ingest.delete(store, "Program", "prog-r", ACTOR, cascade=True)
    log = await changes(store)
    assert [(c["type"], c["id"], c["op"]) for c in log[-2:]] == [
        ("Program", "prog-r", "delete"),
        ("Partnership", "ps1", "delete"),
    ]
    assert json.loads(log[-1]["before"])["status"] == "active"


async def test_unlink_removes_a_relationship(store: Store) -> None:
    await base(store)
    await ingest.upsert(
        store, "SharesWith", {"partnerId": "p1", "withPartnerId": "p2", "level": "full"}, ACTOR
    )
    removed = await ingest.unlink(
        store, "SharesWith", {"partnerId": "p1", "withPartnerId": "p2"}, ACTOR
    )
    assert removed["level"] == "full"
    log = await changes(store)
    assert (log[-1]["type"], log[-1]["op"], log[-1]["partners"]) == (
        "SHARES_WITH",
        "unlink",
        ["p1", "p2"],
    )
    with pytest.raises(EntityNotFound):
        await ingest.unlink(store, "SharesWith", {"partnerId": "p1", "withPartnerId": "p2"}, ACTOR)
