"""The README's short tour runs as written against the demo data."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from graph_api.seeding import load_demo
from graph_api.store import Store
from tests.support.domain import run

README = Path(__file__).resolve().parent.parent / "README.md"


def tour_blocks() -> dict[str, str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## A short tour", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```graphql\n(.*?)```", section, flags=re.DOTALL)
    named: dict[str, str] = {}
    for block in blocks:
        match = re.match(r"\s*(query|mutation)\s+(\w+)", block)
        assert match, block
        named[match.group(2)] = block
    return named


def no_error_results(value: Any) -> None:
    if isinstance(value, dict):
        assert value.get("__typename") not in {
            "ValidationError",
            "NotFoundError",
            "ConflictError",
        }, value
        for item in value.values():
            no_error_results(item)
    elif isinstance(value, list):
        for item in value:
            no_error_results(item)


async def test_readme_tour_runs_on_the_demo_data(store: Store) -> None:
    report = await load_demo(store)
    assert report.rejected == []
    blocks = tour_blocks()
    assert sorted(blocks) == [
        "BigWins",
        "ConvertAndCredit",
        "DealCredits",
        "Enroll",
        "PartnersInNorthAmerica",
    ]
    partners, trips = await run(store, blocks["PartnersInNorthAmerica"])
    assert partners["partners"]["totalCount"] > 0
    assert trips == 5  # partners, distributors, partnerships, programs, deals
    deal, _ = await run(store, blocks["DealCredits"])
    assert deal["deal"]["attributions"]["nodes"][0]["role"] == "SOURCED"
    assert deal["deal"]["registrations"]["nodes"][0]["status"] == "APPROVED"
    wins, _ = await run(store, blocks["BigWins"])
    amounts = [e["node"]["amount"] for e in wins["deals"]["edges"]]
    assert amounts == sorted(amounts, reverse=True) and min(amounts) >= 50000
    for _ in range(2):  # idempotent: the second run changes nothing
        enrolled, _ = await run(store, blocks["Enroll"])
        no_error_results(enrolled)
        assert enrolled["enrollPartner"]["partnership"]["status"] == "ACTIVE"
        converted, _ = await run(store, blocks["ConvertAndCredit"])
        no_error_results(converted)
        assert converted["convertLead"]["lead"]["status"] == "CONVERTED"
        assert converted["convertLead"]["deal"] == {"id": "deal-from-lead-051", "currency": "USD"}
        credits = converted["attributeDeal"]["deal"]["attributions"]["nodes"]
        assert [(c["role"], c["share"]) for c in credits] == [("REFERRED", 0.25)]
    rows = await store.run_raw(
        "MATCH (s:Partnership {id: 'ps-pinewood-it-referral'}) RETURN count(s) AS n"
    )
    assert rows == [{"n": 1}]
