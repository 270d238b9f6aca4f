"""partnerDashboard, ecosystemHealth and relationshipView over HTTP, on the
hand-worked graph of tests/support/intel.py (period Q1 2024, bounds
inclusive)."""

from __future__ import annotations

from typing import Any

from graph_api.store import Store
from tests.support.graphs import load, record
from tests.support.intel import Q1, build_graph
from tests.support.servers import LiveServer

DASHBOARD = """
query ($partner: ID!, $from: Date!, $to: Date!) {
  partnerDashboard(partnerId: $partner, from: $from, to: $to) {
    partner { id } from to registeredDeals pipeline { stage count value }
    outcomes { stage count value }
    wonValue wonDeals winRate leads convertedLeads leadConversionRate
    attributedRevenue earnings
    goals { goalId metric target actual progress periodStart periodEnd }
    peerBenchmark { tier peers wonValuePercentile winRatePercentile }
    coSellers { partner { id } sharedDeals }
    rollup {
      partners wonValue wonDeals closedDeals
      children { partner { id } parentId depth wonValue wonDeals closedDeals }
    }
  }
}
"""


def dashboard(server: LiveServer, partner: str) -> dict[str, Any]:
    body = server.gql(DASHBOARD, {"partner": partner, **Q1})
    assert "errors" not in body, body
    assert body["extensions"]["cypherRoundTrips"] == 1
    result: dict[str, Any] = body["data"]["partnerDashboard"]
    return result


async def test_partner_dashboard(live_server: LiveServer, intel_graph: Store) -> None:
    assert dashboard(live_server, "p1") == {
        "partner": {"id": "p1"},
        "from": "2024-01-01",
        "to": "2024-03-31",
        "registeredDeals": 1,  # dF, registered 02-20
        # Credited deals created in Q1 are dA (won) and dC (lost): closed deals are
        # outcomes, not pipeline, so nothing of p1's is open.
        "pipeline": [],
        # Closed in Q1: dC lost on 02-15; dB won on 01-01 and dA on 03-31 (both bounds).
        "outcomes": [
            {"stage": "lost", "count": 1, "value": 500.0},
            {"stage": "won", "count": 2, "value": 1100.0},
        ],
        # Closed in Q1: dB won on 01-01 and dA won on 03-31 (both bounds), dC lost.
        "wonValue": 1100.0,
        "wonDeals": 2,
        "winRate": 2 / 3,
        "leads": 0,
        "convertedLeads": 0,
        "leadConversionRate": None,
        "attributedRevenue": 650.0,  # DECLARED: 600 of dA + 50 of dB
        "earnings": 130.0,  # 20 % of 650
        # g1 (Q1) and g2 (H1) overlap Q1; g3 (2023) does not. Each is measured over
        # its own period: g1 won value 1100 / 2000; g2 won deals dA, dB: 2 / 4.
        "goals": [
            {
                "goalId": "g1",
                "metric": "won_value",
                "target": 2000.0,
                "actual": 1100.0,
                "progress": 0.55,
                "periodStart": "2024-01-01",
                "periodEnd": "2024-03-31",
            },
            {
                "goalId": "g2",
                "metric": "deals_won",
                "target": 4.0,
                "actual": 2.0,
                "progress": 0.5,
                "periodStart": "2024-01-01",
                "periodEnd": "2024-06-30",
            },
        ],
        # Gold peers: p2 (won 1100, rate 1.0), p4 and p5 (nothing closed). Strictly
        # below p1's 1100: p4, p5 -> 2 of 3 (p2's tie is not below). Win rates: only
        # p2 has one, 1.0 is not below 2/3 -> 0 %.
        "peerBenchmark": {
            "tier": "gold",
            "peers": 3,
            "wonValuePercentile": 66.6667,
            "winRatePercentile": 0.0,
        },
        "coSellers": [
            {"partner": {"id": "p2"}, "sharedDeals": 2},
            {"partner": {"id": "p3"}, "sharedDeals": 1},
        ],
        "rollup": None,  # nobody resells for p1
    }


async def test_dashboards_for_a_distributor_and_a_referrer(
    live_server: LiveServer, intel_graph: Store
) -> None:
    # d1 <- d2 <- p1: both below d1, d2 directly (depth 1), p1 through d2 (depth 2).
    top = dashboard(live_server, "d1")
    assert top["wonValue"] == 0.0
    assert top["rollup"] == {
        "partners": 2,
        "wonValue": 1100.0,
        "wonDeals": 2,
        "closedDeals": 3,
        "children": [
            {
                "partner": {"id": "d2"},
                "parentId": "d1",
                "depth": 1,
                "wonValue": 0.0,
                "wonDeals": 0,
                "closedDeals": 0,
            },
            {
                "partner": {"id": "p1"},
                "parentId": "d2",
                "depth": 2,
                "wonValue": 1100.0,
                "wonDeals": 2,
                "closedDeals": 3,
            },
        ],
    }
    # Its only platinum peer, d2, also won nothing: 0 is not below 0.
    assert top["peerBenchmark"] == {
        "tier": "platinum",
        "peers": 1,
        "wonValuePercentile": 0.0,
        "winRatePercentile": None,
    }
    assert dashboard(live_server, "d2")["rollup"]["children"][0]["partner"] == {"id": "p1"}
    # p2 referred l1, l2, l3 in Q1; l1 and l2 converted (l2 on 04-01, but the rate
    # counts leads created in the period). Earnings: l1 converted 03-31 -> 1000.
    p2 = dashboard(live_server, "p2")
    assert (p2["leads"], p2["convertedLeads"], p2["leadConversionRate"]) == (3, 2, 2 / 3)
    assert (p2["earnings"], p2["attributedRevenue"]) == (1000.0, 425.0)  # 400 + 25
    # Its pipeline is only what is still open: dG (negotiation, created 03-01). dA and
    # dE, created in Q1 and won, are not pipeline; dA (03-31) and dB (01-01) closed in
    # Q1 as wins, dE closes a day late.
    assert p2["pipeline"] == [{"stage": "negotiation", "count": 1, "value": 200.0}]
    assert p2["outcomes"] == [{"stage": "won", "count": 2, "value": 1100.0}]
    # p4: a partner with no deals.
    idle = dashboard(live_server, "p4")
    assert (
        idle["wonValue"],
        idle["winRate"],
        idle["pipeline"],
        idle["outcomes"],
        idle["coSellers"],
    ) == (0.0, None, [], [], [])
    assert live_server.gql(DASHBOARD, {"partner": "nope", **Q1})["data"]["partnerDashboard"] is None


HEALTH = """
query ($from: Date!, $to: Date!) {
  ecosystemHealth(from: $from, to: $to) {
    overall {
      segment score partners activePartners activeShare wonValue sourcedShare
      top5Share growth growthScore coSellingDensity
    }
    byRegion { segment score partners activePartners sourcedShare }
    byTier { segment score partners activePartners top5Share growthScore }
    coverageGaps { dimension value customers openPipeline activePartners }
  }
}
"""


async def test_ecosystem_health(live_server: LiveServer, intel_graph: Store) -> None:
    body = live_server.gql(HEALTH, Q1)
    assert body["extensions"]["cypherRoundTrips"] == 1
    health = body["data"]["ecosystemHealth"]
    # 7 partners; active (credited on a deal created or closed in Q1): p1, p2, p3,
    # all three co-sold. Won in Q1: dA 1000, dB 100, dD 0, all credited -> sourced 1.
    # Per-partner credited won value 1100, 1100, 100, 0... -> the top 5 hold it all.
    # The previous 91 days (2023-10-02..12-31) won nothing -> growth score 1.
    # 100 * (0.25 * 3/7 + 0.25 * 1 + 0.2 * 0 + 0.15 * 1 + 0.15 * 1) = 65.71 -> 65.7
    assert health["overall"] == {
        "segment": "all",
        "score": 65.7,
        "partners": 7,
        "activePartners": 3,
        "activeShare": 0.428571,
        "wonValue": 1100.0,
        "sourcedShare": 1.0,
        "top5Share": 1.0,
        "growth": None,
        "growthScore": 1.0,
        "coSellingDensity": 1.0,
    }
    # EMEA: 6 partners, 2 active; dA and dB have an EMEA partner -> 1100 of 1100:
    #   100 * (0.25 / 3 + 0.25 + 0 + 0.15 + 0.15) = 63.33 -> 63.3
    # NA: p3 alone, active; dB and dD -> 100 of 1100:
    #   100 * (0.25 + 0.25 / 11 + 0 + 0.15 + 0.15) = 57.27 -> 57.3
    assert health["byRegion"] == [
        {"segment": "EMEA", "score": 63.3, "partners": 6, "activePartners": 2, "sourcedShare": 1.0},
        {"segment": "NA", "score": 57.3, "partners": 1, "activePartners": 1,
         "sourcedShare": 0.090909},
    ]  # fmt: skip
    # gold (p1 p2 p4 p5): 100 * (0.25 / 2 + 0.25 + 0 + 0.15 + 0.15) = 67.5
    # platinum (d1 d2): nothing active or won: concentration counts as none (0.2)
    #   and flat growth 0.5 * 0.15 -> 27.5
    # silver (p3): as NA -> 57.3
    assert health["byTier"] == [
        {"segment": "gold", "score": 67.5, "partners": 4, "activePartners": 2,
         "top5Share": 1.0, "growthScore": 1.0},
        {"segment": "platinum", "score": 27.5, "partners": 2, "activePartners": 0,
         "top5Share": 0.0, "growthScore": 0.5},
        {"segment": "silver", "score": 57.3, "partners": 1, "activePartners": 1,
         "top5Share": 1.0, "growthScore": 1.0},
    ]  # fmt: skip
    # Industries: finance (c1, c3) has p1 and p2 on Q1 deals, retail (c2) p1-p3,
    # health (c4) nobody -> the one gap. Regions EMEA (p1, p2) and NA (3) are covered.
    assert health["coverageGaps"] == [
        {
            "dimension": "industry",
            "value": "health",
            "customers": 1,
            "openPipeline": 0.0,
            "activePartners": 0,
        }
    ]


async def test_coverage_gap_by_region_counts_the_period_pipeline(
    server: LiveServer, store: Store
) -> None:
    await build_graph(store)
    # A new APAC finance customer c5 with two open deals: dZ (400, created 03-31,
    # the last day of Q1, credited to p4) and dY (999, created 04-01, after Q1).
    await load(
        store,
        [
            [
                record(
                    "Customer",
                    id="c5",
                    name="Cust Five",
                    domain="five.com",
                    region="APAC",
                    industry="finance",
                ),
                record(
                    "Deal",
                    id="dZ",
                    name="Deal Z",
                    amount=400.0,
                    currency="USD",
                    stage="proposal",
                    createdDate="2024-03-31",
                    customerId="c5",
                ),
                record(
                    "Deal",
                    id="dY",
                    name="Deal Y",
                    amount=999.0,
                    currency="USD",
                    stage="prospect",
                    createdDate="2024-04-01",
                    customerId="c5",
                ),
                record(
                    "Attribution",
                    partnershipId="ps4",
                    dealId="dZ",
                    role="sourced",
                    share=1.0,
                    at="2024-03-31T00:00:00Z",
                ),
            ]
        ],
    )
    gaps = server.gql(HEALTH, Q1)["data"]["ecosystemHealth"]["coverageGaps"]
    # APAC: one customer, Q1 open pipeline 400 (dY is created after Q1), one active
    # partner (p4) -> below 2, a gap. Finance now has c1, c3, c5 and p1, p2, p4 on
    # Q1 deals: covered. Health (c4) is still a gap. Equal customer counts sort by
    # dimension, then value.
    assert gaps == [
        {
            "dimension": "industry",
            "value": "health",
            "customers": 1,
            "openPipeline": 0.0,
            "activePartners": 0,
        },
        {
            "dimension": "region",
            "value": "APAC",
            "customers": 1,
            "openPipeline": 400.0,
            "activePartners": 1,
        },
    ]


VIEW = """
query ($root: ID!, $depth: Int!, $types: [String!], $limit: Int!) {
  relationshipView(rootId: $root, depth: $depth, relationshipTypes: $types, limit: $limit) {
    rootId depth truncated nodes { id label title } edges { source target type }
  }
}
"""


def view(
    server: LiveServer, root: str, depth: int, types: list[str] | None, limit: int
) -> dict[str, Any]:
    body = server.gql(VIEW, {"root": root, "depth": depth, "types": types, "limit": limit})
    assert "errors" not in body, body
    assert body["extensions"]["cypherRoundTrips"] == 1
    result: dict[str, Any] = body["data"]["relationshipView"]
    return result


def edges(result: dict[str, Any]) -> list[str]:
    return [f"{e['source']}-{e['type']}->{e['target']}" for e in result["edges"]]


async def test_relationship_view(live_server: LiveServer, intel_graph: Store) -> None:
    # p3's neighbours: ps3 (HOLDS), c2 (SERVES), p1 (SHARES_WITH); by label then id.
    # The edges are every allowed edge between kept nodes, so p1 -SERVES-> c2 too.
    one = view(live_server, "p3", 1, None, 200)
    assert [(n["id"], n["label"], n["title"]) for n in one["nodes"]] == [
        ("p3", "Partner", "Charlie"),
        ("c2", "Customer", "Cust Two"),
        ("p1", "Partner", "Alpha"),
        ("ps3", "Partnership", "ps3"),
    ]
    assert edges(one) == ["p1-SERVES->c2", "p3-HOLDS->ps3", "p3-SERVES->c2", "p3-SHARES_WITH->p1"]
    assert (one["rootId"], one["depth"], one["truncated"]) == ("p3", 1, False)
    # limit 2 keeps the root and c2, and says more was reachable.
    capped = view(live_server, "p3", 1, None, 2)
    assert [n["id"] for n in capped["nodes"]] == ["p3", "c2"]
    assert edges(capped) == ["p3-SERVES->c2"]
    assert capped["truncated"] is True
    # Only SERVES, two hops: p3 -> c2 -> p1 (p3 itself is not revisited).
    served = view(live_server, "p3", 2, ["SERVES"], 200)
    assert [n["id"] for n in served["nodes"]] == ["p3", "c2", "p1"]
    assert edges(served) == ["p1-SERVES->c2", "p3-SERVES->c2"]
    # Depth 0 is the root alone.
    assert [n["id"] for n in view(live_server, "p3", 0, None, 200)["nodes"]] == ["p3"]


VIEW_PROPS = """
query ($root: ID!, $types: [String!]) {
  relationshipView(rootId: $root, depth: 1, relationshipTypes: $types) {
    nodes { id label title properties { key value } }
    edges { source target type properties { key value } }
  }
}
"""


async def test_relationship_view_carries_key_properties(
    live_server: LiveServer, intel_graph: Store
) -> None:
    # dD over ATTRIBUTED only: dD and ps3 (the default limit 200 is far off). A
    # deal's key properties are amount, currency, stage, closeDate (createdDate is
    # not one); a partnership's status (it has no level or dates here); a Deal's
    # title is its name, a Partnership's its id. The edge carries role, share, at.
    body = live_server.gql(VIEW_PROPS, {"root": "dD", "types": ["ATTRIBUTED"]})
    assert body["extensions"]["cypherRoundTrips"] == 1
    data = body["data"]["relationshipView"]
    assert data["nodes"] == [
        {
            "id": "dD",
            "label": "Deal",
            "title": "Deal D",
            "properties": [
                {"key": "amount", "value": "0.0"},
                {"key": "currency", "value": "USD"},
                {"key": "stage", "value": "won"},
                {"key": "closeDate", "value": "2024-02-01"},
            ],
        },
        {
            "id": "ps3",
            "label": "Partnership",
            "title": "ps3",
            "properties": [{"key": "status", "value": "active"}],
        },
    ]
    assert data["edges"] == [
        {
            "source": "ps3",
            "target": "dD",
            "type": "ATTRIBUTED",
            "properties": [
                {"key": "role", "value": "sourced"},
                {"key": "share", "value": "1.0"},
                {"key": "at", "value": "2024-02-01T00:00:00+00:00"},
            ],
        }
    ]


async def test_relationship_view_rejects_bad_arguments(
    live_server: LiveServer, intel_graph: Store
) -> None:
    unknown = live_server.gql(VIEW, {"root": "p3", "depth": 1, "types": ["KNOWS"], "limit": 10})
    assert unknown["data"]["relationshipView"] is None
    assert unknown["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "KNOWS" in unknown["errors"][0]["message"]
    deep = live_server.gql(VIEW, {"root": "p3", "depth": 4, "types": None, "limit": 10})
    assert deep["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert deep["extensions"]["cypherRoundTrips"] == 0
    missing = live_server.gql(VIEW, {"root": "nope", "depth": 1, "types": None, "limit": 10})
    assert missing["data"]["relationshipView"] is None
