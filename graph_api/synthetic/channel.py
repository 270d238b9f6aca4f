"""Synthetic enablement and channel records: courses, requirements, staff, completions and
certifications; products, orders, stock levels and warranty claims."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from graph_api.synthetic import words

_FAMILIES = ("pumps", "valves", "compressors", "spares")


def enablement_and_channel(
    rng: random.Random, tag: str, kinds: list[str], n_customers: int
) -> Iterator[dict[str, Any]]:
    """Courses and the reseller program's requirements; each partner's staff with their
    completions and certifications; products, and the orders, stock and warranty claims
    of the partners that sell them. Drawn after everything else from the same generator,
    so the records before them are those of a run without them."""
    courses = (("training", None), ("certification", 730), ("certification", 365))
    for k, (kind, validity) in enumerate(courses):
        record: dict[str, Any] = {
            "type": "Course",
            "id": f"{tag}-course-{k}",
            "name": f"{kind.title()} course {k}",
            "kind": kind,
        }
        if validity is not None:
            record["validityDays"] = validity
        yield record
    for tier, course, contacts in (("silver", 0, 1), ("gold", 1, 2), ("platinum", 1, 3)):
        yield {
            "type": "Requirement",
            "id": f"{tag}-req-{tier}-{course}",
            "programId": f"{tag}-prog-reseller",
            "courseId": f"{tag}-course-{course}",
            "tier": tier,
            "contacts": contacts,
        }
    for i in range(len(kinds)):
        for k in range(rng.randint(1, 2)):
            first, last = rng.choice(words.FIRST), rng.choice(words.LAST)
            staff = f"{tag}-staff-{i}-{k}"
            yield {
                "type": "Contact",
                "id": staff,
                "name": f"{first} {last}",
                "email": f"{first}.{last}{k}@partner{i}-{tag}.example.com".lower(),
            }
            yield {"type": "WorksFor", "contactId": staff, "partnerId": f"{tag}-partner-{i}"}
            if rng.random() < 0.7:
                yield {
                    "type": "Completion",
                    "contactId": staff,
                    "courseId": f"{tag}-course-0",
                    "completedDate": words.day(rng.randint(-600, 0)),
                    "score": rng.randint(55, 100),
                }
            if rng.random() < 0.5:
                yield {
                    "type": "Certification",
                    "contactId": staff,
                    "courseId": f"{tag}-course-{rng.choice((1, 2))}",
                    "issuedDate": words.day(rng.randint(-900, 0)),
                }
    n_products = 8
    prices = [float(rng.randint(2, 120) * 50) for _ in range(n_products)]
    for k in range(n_products):
        yield {
            "type": "Product",
            "id": f"{tag}-product-{k}",
            "sku": f"{tag.upper()}-SKU-{k:03d}",
            "name": f"{rng.choice(words.WORDS_A)} {_FAMILIES[k % len(_FAMILIES)]} {k}",
            "family": _FAMILIES[k % len(_FAMILIES)],
        }
    for i, kind in enumerate(kinds):
        if kind not in ("dealer", "distributor", "reseller"):
            continue
        partner = f"{tag}-partner-{i}"
        for o in range(rng.randint(1, 3)):
            order = f"{tag}-order-{i}-{o}"
            ordered = rng.randint(-400, 0)
            yield {
                "type": "Order",
                "id": order,
                "partnerId": partner,
                "orderedDate": words.day(ordered),
                "status": rng.choice(("placed", "shipped", "delivered", "delivered")),
            }
            for product in rng.sample(range(n_products), rng.randint(1, 2)):
                yield {
                    "type": "OrderLine",
                    "orderId": order,
                    "productId": f"{tag}-product-{product}",
                    "quantity": rng.randint(1, 20),
                    "unitPrice": prices[product],
                }
        for product in rng.sample(range(n_products), rng.randint(1, 3)):
            point = rng.randint(2, 10)
            yield {
                "type": "StockLevel",
                "partnerId": partner,
                "productId": f"{tag}-product-{product}",
                "quantity": rng.randint(0, 3 * point),
                "reorderPoint": point,
                "countedAt": f"{words.day(rng.randint(-30, 0))}T06:00:00Z",
            }
        if n_customers and rng.random() < 0.4:
            product = rng.randrange(n_products)
            yield {
                "type": "WarrantyClaim",
                "id": f"{tag}-claim-{i}",
                "partnerId": partner,
                "productId": f"{tag}-product-{product}",
                "customerId": f"{tag}-customer-{rng.randrange(n_customers)}",
                "status": rng.choice(("filed", "approved", "rejected", "paid")),
                "amount": round(prices[product] * rng.uniform(0.1, 0.5), 2),
                "filedDate": words.day(rng.randint(-300, 0)),
            }
