"""The manufacturer's channel over HTTP through the real app on the real store:
products, orders with their lines, stock levels and warranty claims, their filters,
mutations through the write path, bad input refused with nothing changed, and scope:
a partner sees its own orders, stock and claims, a distributor its resellers' too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.enablement import load
from tests.support.security import SecureServer, auth, graph_counts, secure_server

ADMIN = auth("admin")

LISTS = """
{
  products { totalCount edges { node { id sku family } } }
  orders { totalCount edges { node { id partnerId status amount units
                                     lines { productId sku quantity unitPrice amount } } } }
  stockLevels { totalCount edges { node { partnerId productId quantity belowReorderPoint } } }
  warrantyClaims { totalCount edges { node { id partnerId productId customerId status } } }
}
"""


@pytest.fixture(scope="module")
def api(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated) as server:
        yield server


def data(api: SecureServer, query: str, variables: dict[str, Any], headers: dict[str, str]) -> Any:
    body = api.gql(query, variables, headers).json()
    assert "errors" not in body, body
    return body["data"]


def ids(connection: dict[str, Any], key: str = "id") -> list[Any]:
    return [e["node"][key] for e in connection["edges"]]


async def test_reads_with_lines_amounts_and_filters(api: SecureServer, store: Store) -> None:
    await load(store)
    everything = data(api, LISTS, {}, ADMIN)
    assert ids(everything["products"], "sku") == ["P-100", "P-200", "V-10"]
    orders = {e["node"]["id"]: e["node"] for e in everything["orders"]["edges"]}
    assert ids(everything["orders"]) == ["o2", "o3", "o1"]  # newest first
    assert orders["o1"]["amount"] == 5000.0 and orders["o1"]["units"] == 60
    assert orders["o1"]["lines"] == [
        {
            "productId": "pump-s",
            "sku": "P-100",
            "quantity": 10,
            "unitPrice": 400.0,
            "amount": 4000.0,
        },
        {"productId": "valve", "sku": "V-10", "quantity": 50, "unitPrice": 20.0, "amount": 1000.0},
    ]
    assert orders["o2"]["status"] == "PLACED"
    low = data(
        api,
        "{ stockLevels(belowReorderPoint: true) { totalCount "
        "edges { node { partnerId productId } } } }",
        {},
        ADMIN,
    )["stockLevels"]
    assert [(e["node"]["partnerId"], e["node"]["productId"]) for e in low["edges"]] == [
        ("dealer", "pump-s"),
        ("other", "valve"),
    ]
    filtered = data(
        api,
        '{ orders(from: "2026-04-01", to: "2026-05-31", status: PLACED) { edges { node { id } } } '
        "  warrantyClaims(status: PAID) { edges { node { id } } } "
        '  valves: products(family: "valves") { edges { node { id } } } }',
        {},
        ADMIN,
    )
    assert ids(filtered["orders"]) == ["o2", "o3"]
    assert ids(filtered["warrantyClaims"]) == ["w3"]
    assert ids(filtered["valves"]) == ["valve"]
    claim = data(
        api,
        '{ warrantyClaim(id: "w1") { status amount product { sku } customer { id } '
        "partner { id } } }",
        {},
        ADMIN,
    )["warrantyClaim"]
    assert claim == {
        "status": "APPROVED",
        "amount": 400.0,
        "product": {"sku": "P-100"},
        "customer": {"id": "cust"},
        "partner": {"id": "dealer"},
    }


async def test_each_partner_sees_its_own_channel_and_a_distributor_its_resellers(
    api: SecureServer, store: Store
) -> None:
    await load(store)
    dealer = data(api, LISTS, {}, auth("partner", "dealer"))
    assert sorted(ids(dealer["orders"])) == ["o1", "o2"]
    assert dealer["orders"]["totalCount"] == 2
    assert {e["node"]["partnerId"] for e in dealer["stockLevels"]["edges"]} == {"dealer"}
    assert sorted(ids(dealer["warrantyClaims"])) == ["w1", "w2"]
    assert dealer["products"]["totalCount"] == 3  # the catalogue is open
    other = data(api, LISTS, {}, auth("partner", "other"))
    assert ids(other["orders"]) == ["o3"] and ids(other["warrantyClaims"]) == ["w3"]
    dist = data(api, LISTS, {}, auth("partner", "dist"))
    assert sorted(ids(dist["orders"])) == ["o1", "o2"]
    assert sorted(ids(dist["warrantyClaims"])) == ["w1", "w2"]
    # Someone else's records answer exactly like missing ones.
    hidden = data(
        api,
        '{ order(id: "o3") { id } warrantyClaim(id: "w3") { id } missing: order(id: "zz") { id } }',
        {},
        auth("partner", "dealer"),
    )
    assert hidden == {"order": None, "warrantyClaim": None, "missing": None}


async def test_mutations_write_and_bad_input_changes_nothing(
    api: SecureServer, store: Store
) -> None:
    await load(store)
    counts = await graph_counts(store)
    bad = [
        (
            "setStockLevel",
            "StockLevelInput",
            {"partnerId": "dealer", "productId": "valve", "quantity": -1},
            "ValidationError",
        ),
        (
            "setStockLevel",
            "StockLevelInput",
            {"partnerId": "dealer", "productId": "nope", "quantity": 1},
            "NotFoundError",
        ),
        (
            "upsertOrderLine",
            "OrderLineInput",
            {"orderId": "o1", "productId": "pump-l", "quantity": -4},
            "ValidationError",
        ),
        (
            "upsertWarrantyClaim",
            "WarrantyClaimInput",
            {"id": "w1", "resolvedDate": "2026-01-01"},
            "ValidationError",
        ),
        (
            "upsertWarrantyClaim",
            "WarrantyClaimInput",
            {"partnerId": "dealer", "productId": "ghost", "filedDate": "2026-05-01"},
            "NotFoundError",
        ),
    ]
    for field, input_type, input, expected in bad:
        query = f"mutation($i: {input_type}!) {{ {field}(input: $i) {{ __typename }} }}"
        answer = data(api, query, {"i": input}, ADMIN)[field]
        assert answer["__typename"] == expected, (field, input, answer)
    assert await graph_counts(store) == counts
    stocked = data(
        api,
        'mutation { setStockLevel(input: {partnerId: "dealer", productId: "pump-s", '
        "quantity: 9}) { ... on StockLevelPayload { stockLevel { quantity belowReorderPoint "
        "countedAt } } } }",
        {},
        ADMIN,
    )["setStockLevel"]["stockLevel"]
    assert stocked["quantity"] == 9 and stocked["belowReorderPoint"] is False
    assert stocked["countedAt"] > "2026-05-30"  # recounted now
    order = data(
        api,
        'mutation { upsertOrder(input: {id: "o9", partnerId: "other", orderedDate: '
        '"2026-05-20", currency: "EUR"}) { ... on OrderPayload { order { id status '
        "currency partnerId } } } }",
        {},
        ADMIN,
    )["upsertOrder"]["order"]
    assert order == {"id": "o9", "status": "PLACED", "currency": "EUR", "partnerId": "other"}
    line = data(
        api,
        'mutation { upsertOrderLine(input: {orderId: "o9", productId: "valve", '
        "quantity: 3, unitPrice: 21.5}) { ... on OrderLinePayload { line { amount } } } }",
        {},
        ADMIN,
    )["upsertOrderLine"]["line"]
    assert line == {"amount": 64.5}
    feed = "{ changes(first: 3) { edges { node { entityType entityId } } } }"
    mine = data(api, feed, {}, auth("partner", "other"))["changes"]["edges"]
    assert [e["node"]["entityId"] for e in mine[:2]] == ["o9->valve", "o9"]
    theirs = data(api, feed, {}, auth("partner", "dealer"))["changes"]["edges"]
    assert theirs[0]["node"]["entityId"] == "dealer->pump-s"
    body = api.gql(
        'mutation { setStockLevel(input: {partnerId: "dealer", productId: "valve", '
        "quantity: 1}) { __typename } }",
        {},
        auth("partner", "dealer"),
    ).json()
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
