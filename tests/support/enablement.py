"""A small partner ecosystem with enablement and a manufacturer's channel, as import
records: loaded through the ingest path like any customer's file.

Partners: ``dist`` (a distributor), ``dealer`` (resells for ``dist``) and ``other``
(unrelated). Each has contacts (``WorksFor``); the reseller program requires, at
GOLD, two contacts certified in ``cert-install`` and one contact trained in
``train-basics``. ``TODAY`` is the reference date the tests pass as ``asOf``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph_api import ingest
from graph_api.store import Store

ACTOR = "fixture"
TODAY = date(2026, 6, 1)

PARTNERS: list[dict[str, Any]] = [
    {"type": "Partner", "id": "dist", "name": "Dist Co", "kind": "distributor", "tier": "gold"},
    {"type": "Partner", "id": "dealer", "name": "Dealer Co", "kind": "dealer", "tier": "gold"},
    {"type": "Partner", "id": "other", "name": "Other Co", "kind": "dealer", "tier": "silver"},
    {"type": "ResellsFor", "partnerId": "dealer", "distributorId": "dist"},
    {
        "type": "Program",
        "id": "prog",
        "name": "Dealer Program",
        "kind": "dealer",
        "commissionType": "percent_of_deal",
        "commissionRate": 0.1,
    },
    {"type": "Partnership", "id": "ps-dealer", "partnerId": "dealer", "programId": "prog"},
    {"type": "Partnership", "id": "ps-other", "partnerId": "other", "programId": "prog"},
    {"type": "Partnership", "id": "ps-dist", "partnerId": "dist", "programId": "prog"},
    {"type": "Customer", "id": "cust", "name": "Plant Ltd", "domain": "plant.example"},
]

ENABLEMENT: list[dict[str, Any]] = [
    {"type": "Course", "id": "train-basics", "name": "Pump basics", "kind": "training"},
    {
        "type": "Course",
        "id": "cert-install",
        "name": "Certified installer",
        "kind": "certification",
        "validityDays": 365,
    },
    {
        "type": "Requirement",
        "id": "req-gold-install",
        "programId": "prog",
        "courseId": "cert-install",
        "tier": "gold",
        "contacts": 2,
    },
    {
        "type": "Requirement",
        "id": "req-gold-basics",
        "programId": "prog",
        "courseId": "train-basics",
        "tier": "gold",
        "contacts": 1,
    },
    {
        "type": "Requirement",
        "id": "req-platinum-install",
        "programId": "prog",
        "courseId": "cert-install",
        "tier": "platinum",
        "contacts": 4,
    },
    {"type": "Contact", "id": "ann", "name": "Ann Dealer", "email": "ann@dealer.example"},
    {"type": "Contact", "id": "bob", "name": "Bob Dealer", "email": "bob@dealer.example"},
    {"type": "Contact", "id": "cy", "name": "Cy Other", "email": "cy@other.example"},
    {"type": "Contact", "id": "dee", "name": "Dee Dist", "email": "dee@dist.example"},
    {"type": "WorksFor", "contactId": "ann", "partnerId": "dealer", "since": "2024-01-01"},
    {"type": "WorksFor", "contactId": "bob", "partnerId": "dealer"},
    {"type": "WorksFor", "contactId": "cy", "partnerId": "other"},
    {"type": "WorksFor", "contactId": "dee", "partnerId": "dist"},
    {
        "type": "Completion",
        "contactId": "ann",
        "courseId": "train-basics",
        "completedDate": "2026-01-10",
        "score": 92,
    },
    {
        "type": "Completion",
        "contactId": "cy",
        "courseId": "train-basics",
        "completedDate": "2026-02-01",
        "score": 71,
    },
    # Ann's certification runs a year from its issue date (the course's validity).
    {
        "type": "Certification",
        "contactId": "ann",
        "courseId": "cert-install",
        "issuedDate": "2026-01-15",
    },
    # Bob's expires within 30 days of TODAY.
    {
        "type": "Certification",
        "contactId": "bob",
        "courseId": "cert-install",
        "issuedDate": "2025-06-20",
        "expiresDate": "2026-06-20",
    },
    # Cy's has lapsed: it no longer counts toward a requirement.
    {
        "type": "Certification",
        "contactId": "cy",
        "courseId": "cert-install",
        "issuedDate": "2025-01-01",
        "expiresDate": "2026-01-01",
    },
    {
        "type": "Certification",
        "contactId": "dee",
        "courseId": "cert-install",
        "issuedDate": "2026-03-01",
    },
]

CHANNEL: list[dict[str, Any]] = [
    {"type": "Product", "id": "pump-s", "sku": "P-100", "name": "Small pump", "family": "pumps"},
    {"type": "Product", "id": "pump-l", "sku": "P-200", "name": "Large pump", "family": "pumps"},
    {"type": "Product", "id": "valve", "sku": "V-10", "name": "Ball valve", "family": "valves"},
    {
        "type": "Order",
        "id": "o1",
        "partnerId": "dealer",
        "orderedDate": "2026-03-05",
        "status": "delivered",
        "deliveredDate": "2026-03-12",
        "currency": "EUR",
    },
    {"type": "OrderLine", "orderId": "o1", "productId": "pump-s", "quantity": 10, "unitPrice": 400},
    {"type": "OrderLine", "orderId": "o1", "productId": "valve", "quantity": 50, "unitPrice": 20},
    {
        "type": "Order",
        "id": "o2",
        "partnerId": "dealer",
        "orderedDate": "2026-05-02",
        "currency": "EUR",
    },
    {"type": "OrderLine", "orderId": "o2", "productId": "pump-l", "quantity": 2, "unitPrice": 1500},
    {
        "type": "Order",
        "id": "o3",
        "partnerId": "other",
        "orderedDate": "2026-04-01",
        "currency": "EUR",
    },
    {"type": "OrderLine", "orderId": "o3", "productId": "valve", "quantity": 5, "unitPrice": 20},
    {
        "type": "StockLevel",
        "partnerId": "dealer",
        "productId": "pump-s",
        "quantity": 2,
        "reorderPoint": 5,
        "countedAt": "2026-05-30T08:00:00Z",
    },
    {
        "type": "StockLevel",
        "partnerId": "dealer",
        "productId": "valve",
        "quantity": 40,
        "reorderPoint": 10,
        "countedAt": "2026-05-30T08:00:00Z",
    },
    {
        "type": "StockLevel",
        "partnerId": "other",
        "productId": "valve",
        "quantity": 1,
        "reorderPoint": 3,
        "countedAt": "2026-05-29T08:00:00Z",
    },
    {
        "type": "WarrantyClaim",
        "id": "w1",
        "partnerId": "dealer",
        "productId": "pump-s",
        "customerId": "cust",
        "status": "approved",
        "amount": 400,
        "currency": "EUR",
        "filedDate": "2026-04-02",
    },
    {
        "type": "WarrantyClaim",
        "id": "w2",
        "partnerId": "dealer",
        "productId": "valve",
        "customerId": "cust",
        "amount": 20,
        "currency": "EUR",
        "filedDate": "2026-05-10",
    },
    {
        "type": "WarrantyClaim",
        "id": "w3",
        "partnerId": "other",
        "productId": "valve",
        "customerId": "cust",
        "status": "paid",
        "amount": 20,
        "currency": "EUR",
        "filedDate": "2026-04-20",
        "resolvedDate": "2026-05-01",
    },
]

RECORDS = [*PARTNERS, *ENABLEMENT, *CHANNEL]


async def load(store: Store, records: list[dict[str, Any]] | None = None) -> None:
    """Import the records (all of them by default); every row must land."""
    rows = list(enumerate(RECORDS if records is None else records, start=1))
    report = await ingest.import_records(store, rows, ACTOR)
    assert not report.rejected, report.rejected
