"""The enablement and channel writes the other API tests leave out, over HTTP through the
real app on the real store: each answers its payload as stored, or a typed error that
leaves the graph as it was."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.enablement import load
from tests.support.security import SecureServer, auth, graph_counts, secure_server

ADMIN = auth("admin")


@pytest.fixture(scope="module")
def api(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated) as server:
        yield server


def data(api: SecureServer, query: str) -> Any:
    body = api.gql(query, {}, ADMIN).json()
    assert "errors" not in body, body
    return body["data"]


async def test_set_contact_employer_answers_the_stored_link(
    api: SecureServer, store: Store
) -> None:
    await load(store)
    answer = data(
        api,
        'mutation { setContactEmployer(input: {contactId: "cy", partnerId: "dealer", '
        'since: "2025-03-04"}) { __typename ... on ContactEmployerPayload '
        "{ contactId partnerId since } } }",
    )["setContactEmployer"]
    assert answer == {
        "__typename": "ContactEmployerPayload",
        "contactId": "cy",
        "partnerId": "dealer",
        "since": "2025-03-04",
    }


async def test_upsert_requirement_reads_back_its_links(api: SecureServer, store: Store) -> None:
    await load(store)
    answer = data(
        api,
        'mutation { upsertRequirement(input: {id: "req-new", programId: "prog", '
        'courseId: "cert-install", tier: SILVER, contacts: 1}) { __typename '
        "... on RequirementPayload { requirement { id tier contacts program { id } "
        "course { id kind } } } } }",
    )["upsertRequirement"]
    assert answer == {
        "__typename": "RequirementPayload",
        "requirement": {
            "id": "req-new",
            "tier": "SILVER",
            "contacts": 1,
            "program": {"id": "prog"},
            "course": {"id": "cert-install", "kind": "CERTIFICATION"},
        },
    }


async def test_upsert_product_answers_the_product(api: SecureServer, store: Store) -> None:
    await load(store)
    answer = data(
        api,
        'mutation { upsertProduct(input: {id: "p-new", sku: "NEW-1", name: "New pump", '
        'family: "pumps"}) { __typename '
        "... on ProductPayload { product { id sku name family } } } }",
    )["upsertProduct"]
    assert answer == {
        "__typename": "ProductPayload",
        "product": {"id": "p-new", "sku": "NEW-1", "name": "New pump", "family": "pumps"},
    }


async def test_a_refused_write_answers_its_error_and_changes_nothing(
    api: SecureServer, store: Store
) -> None:
    await load(store)
    counts = await graph_counts(store)
    refused = data(
        api,
        'mutation { upsertRequirement(input: {programId: "prog", courseId: "cert-install", '
        "tier: GOLD, contacts: -1}) { __typename } "
        'setStockLevel(input: {partnerId: "dealer", productId: "no-such-product", '
        "quantity: 3}) { __typename } }",
    )
    assert refused == {
        "upsertRequirement": {"__typename": "ValidationError"},
        "setStockLevel": {"__typename": "NotFoundError"},
    }
    assert await graph_counts(store) == counts
