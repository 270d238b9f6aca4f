"""What a partner-scoped caller sees of each intelligence field.

The fields run in-process through the schema with a RequestContext whose
scope is a list of partner ids (what the security layer resolves from a
partner token), against the real store and the hand-worked graph of
tests/support/intel.py. Each field still costs one round trip.
"""

from __future__ import annotations

import re
from typing import Any

from graph_api.context import RequestContext
from graph_api.cypher import CYPHER_DIR, named
from graph_api.schema import schema
from graph_api.store import Store, request_counter


async def run(store: Store, scope: list[str], query: str) -> dict[str, Any]:
    """Execute ``query`` as a caller scoped to ``scope``; one round trip per root field."""
    ctx = RequestContext(store=store, round_trips=request_counter(), scope=scope)
    result = await schema.execute(query, context_value=ctx)
    assert result.errors is None, result.errors
    assert result.data is not None
    assert ctx.round_trips is not None and ctx.round_trips.count == len(result.data)
    return result.data


async def test_partner_sees_its_pairs_and_only_its_side(intel_graph: Store) -> None:
    data = await run(
        intel_graph,
        ["p1"],
        "{ coSellingPairs { partner { id } otherPartner { id } sharedCustomers"
        " partnerWinRate otherPartnerWinRate } }",
    )
    # (p2, p3) does not involve p1 and disappears; p2's and p3's own win rates and
    # the customers shared with them stay hidden.
    assert data["coSellingPairs"] == [
        {"partner": {"id": "p1"}, "otherPartner": {"id": "p2"}, "sharedCustomers": None,
         "partnerWinRate": 2 / 3, "otherPartnerWinRate": None},
        {"partner": {"id": "p1"}, "otherPartner": {"id": "p3"}, "sharedCustomers": None,
         "partnerWinRate": 2 / 3, "otherPartnerWinRate": None},
    ]  # fmt: skip


async def test_partner_sees_only_consenting_recommendations(intel_graph: Store) -> None:
    data = await run(
        intel_graph,
        ["p1"],
        '{ coSellRecommendations(partnerId: "p1") { partner { id } consent'
        " path { nodes { id } } } }",
    )
    # p4 consents (overlaps) and shows with the path; p5 gave no consent.
    assert data["coSellRecommendations"] == [
        {"partner": {"id": "p4"}, "consent": "overlaps",
         "path": {"nodes": [{"id": "p1"}, {"id": "c1"}, {"id": "p4"}]}}
    ]  # fmt: skip
    other = await run(intel_graph, ["p1"], '{ coSellRecommendations(partnerId: "p4") { score } }')
    assert other["coSellRecommendations"] == []


async def test_partner_sees_its_own_credit_paths_and_registrations(intel_graph: Store) -> None:
    data = await run(
        intel_graph,
        ["p1"],
        '{ dealCredit(dealId: "dA", model: DECLARED) { lines { partnershipId amount }'
        " otherCreditAmount }"
        ' attributionPaths(dealId: "dA") { paths { kind nodes { id } } }'
        ' registrationConflicts(dealId: "dF") { conflicts { partner { id } deal { id }'
        " matchedBy redacted conflictsWith } } }",
    )
    # Only ps1's 600; ps2's 400 is reported as other partners' credit.
    assert data["dealCredit"] == {
        "lines": [{"partnershipId": "ps1", "amount": 600.0}],
        "otherCreditAmount": 400.0,
    }
    # Routes from p1 only: its attribution. Its distributors d2 and d1 are outside
    # p1's scope, so the chain above it is not shown (the distributor sees it).
    assert data["attributionPaths"]["paths"] == [
        {"kind": "ATTRIBUTION", "nodes": [{"id": "p1"}, {"id": "ps1"}, {"id": "dA"}]},
    ]
    chain = await run(
        intel_graph, ["d1", "d2", "p1"], '{ attributionPaths(dealId: "dA") { paths { kind } } }'
    )
    assert [p["kind"] for p in chain["attributionPaths"]["paths"]] == [
        "ATTRIBUTION",
        "DISTRIBUTION",
    ]
    # The two competing registrations are p2's and p3's: reported, but redacted.
    assert data["registrationConflicts"]["conflicts"] == [
        {"partner": None, "deal": None, "matchedBy": "DOMAIN", "redacted": True,
         "conflictsWith": ["ps1"]},
        {"partner": None, "deal": None, "matchedBy": "NODE", "redacted": True,
         "conflictsWith": ["ps1"]},
    ]  # fmt: skip


async def test_out_of_scope_anchors_answer_nothing(intel_graph: Store) -> None:
    data = await run(
        intel_graph,
        ["p3"],
        '{ dealCredit(dealId: "dF", model: EVEN) { amount }'
        ' attributionPaths(dealId: "dE") { deal { id } }'
        ' registrationConflicts(dealId: "dF") { deal { id } }'
        ' partnerEarnings(partnerId: "p1", from: "2024-01-01", to: "2024-03-31") { total }'
        ' partnerDashboard(partnerId: "p1", from: "2024-01-01", to: "2024-03-31") { wonValue }'
        ' accountOverlap(partnerId: "p1", otherPartnerId: "p3") { consent }'
        ' relationshipView(rootId: "p1") { rootId } }',
    )
    # p3 is not credited on dF or dE and is not p1.
    assert data == {
        "dealCredit": None,
        "attributionPaths": None,
        "registrationConflicts": None,
        "partnerEarnings": None,
        "partnerDashboard": None,
        "accountOverlap": None,
        "relationshipView": None,
    }


async def test_partner_paths_and_views_stay_inside_its_slice(intel_graph: Store) -> None:
    data = await run(
        intel_graph,
        ["p3"],
        '{ relationshipView(rootId: "p3", depth: 1) { nodes { id } truncated }'
        ' near: connectionPath(fromId: "p3", toId: "c2") { length }'
        ' far: connectionPath(fromId: "p3", toId: "p1") { length } }',
    )
    # p1 (via SHARES_WITH) is outside p3's slice: the view keeps ps3 and c2 only.
    assert data["relationshipView"] == {
        "nodes": [{"id": "p3"}, {"id": "c2"}, {"id": "ps3"}],
        "truncated": False,
    }
    assert data["near"] == {"length": 1}  # p3 -SERVES-> c2
    assert data["far"] is None  # the path would reveal p1


async def test_partner_health_is_its_own_slice(intel_graph: Store) -> None:
    data = await run(
        intel_graph,
        ["p3"],
        '{ ecosystemHealth(from: "2024-01-01", to: "2024-03-31") { overall { partners'
        " activePartners wonValue sourcedShare } byRegion { segment } } }",
    )
    # Only p3 and the deals it is credited on (dB 100, dD 0).
    assert data["ecosystemHealth"] == {
        "overall": {"partners": 1, "activePartners": 1, "wonValue": 100.0, "sourcedShare": 1.0},
        "byRegion": [{"segment": "NA"}],
    }


def _body(text: str) -> str:
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(("//", ":"))]
    return re.sub(r"\s+", " ", "\n".join(lines)).strip().rstrip(";")


def test_every_traversal_has_an_identical_analyst_twin() -> None:
    queries = [
        path
        for path in sorted((CYPHER_DIR / "queries").glob("intel_*.cypher"))
        if not path.stem.startswith("intel_bench_")
    ]
    assert len(queries) == 14
    readme = (CYPHER_DIR / "analyst" / "README.md").read_text()
    for path in queries:
        twin = CYPHER_DIR / "analyst" / path.name
        assert twin.exists(), f"{twin} is missing"
        text = twin.read_text()
        assert _body(text) == _body(named(f"queries/{path.stem}").text), path.name
        # Runs as pasted: every parameter the statement uses is set by a :param line.
        used = set(re.findall(r"\$(\w+)", _body(text)))
        given = set(re.findall(r"^:param (\w+) =>", text, flags=re.MULTILINE))
        assert used and used <= given, (path.name, sorted(used - given))
        # And the README explains it.
        assert f"| `{path.name}` |" in readme, path.name


def test_every_analyst_file_is_the_twin_of_a_named_query() -> None:
    # The audit trail too: what analysts browse is what the API serves.
    # Browser variants (*_graph.cypher) return paths instead: see test_analyst_queries.py.
    analyst = [
        p for p in sorted((CYPHER_DIR / "analyst").glob("*.cypher")) if p.stem[-6:] != "_graph"
    ]
    assert "change_page.cypher" in [path.name for path in analyst]
    for path in analyst:
        text = path.read_text()
        assert _body(text) == _body(named(f"queries/{path.stem}").text), path.name
        used = set(re.findall(r"\$(\w+)", _body(text)))
        given = set(re.findall(r"^:param (\w+) =>", text, flags=re.MULTILINE))
        assert used <= given, (path.name, sorted(used - given))
