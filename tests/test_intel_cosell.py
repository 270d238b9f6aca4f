"""coSellingPairs and coSellRecommendations over HTTP, on the hand-worked graph
of tests/support/intel.py.

Shared deals: dA (p1, p2), dB (p1, p2, p3). Overall win rates (won / won+lost
over credited deals): p1 dA, dB won, dC lost -> 2/3; p2 dA, dB, dE won (dG
open) -> 1; p3 dB, dD won -> 1. Customers each partner SERVES or has credited
deals for: p1 {c1, c2}, p2 {c1, c2, c3}, p3 {c2}.
"""

from __future__ import annotations

from graph_api.store import Store
from tests.support.graphs import load, record
from tests.support.intel import build_graph
from tests.support.servers import LiveServer

PAIRS = """
query ($partner: ID, $min: Int!, $first: Int!) {
  coSellingPairs(partnerId: $partner, minSharedDeals: $min, first: $first) {
    partner { id } otherPartner { id } sharedDeals sharedWonDeals sharedClosedDeals
    sharedWonValue sharedWinRate sharedCustomers partnerWinRate otherPartnerWinRate score
  }
}
"""


async def test_co_selling_pairs_whole_ecosystem(
    live_server: LiveServer, intel_graph: Store
) -> None:
    body = live_server.gql(PAIRS, {"partner": None, "min": 1, "first": 20})
    assert body["extensions"]["cypherRoundTrips"] == 1
    # (p1, p2): dA + dB, both won: score 2 + 2 = 4, won value 1100, shared customers
    # {c1, c2}. (p1, p3) and (p2, p3): only dB: score 2, value 100 each -> a tie on
    # score and value, broken by the first id: p1 < p2.
    assert body["data"]["coSellingPairs"] == [
        {
            "partner": {"id": "p1"},
            "otherPartner": {"id": "p2"},
            "sharedDeals": 2,
            "sharedWonDeals": 2,
            "sharedClosedDeals": 2,
            "sharedWonValue": 1100.0,
            "sharedWinRate": 1.0,
            "sharedCustomers": 2,
            "partnerWinRate": 2 / 3,
            "otherPartnerWinRate": 1.0,
            "score": 4,
        },
        {
            "partner": {"id": "p1"},
            "otherPartner": {"id": "p3"},
            "sharedDeals": 1,
            "sharedWonDeals": 1,
            "sharedClosedDeals": 1,
            "sharedWonValue": 100.0,
            "sharedWinRate": 1.0,
            "sharedCustomers": 1,  # c2
            "partnerWinRate": 2 / 3,
            "otherPartnerWinRate": 1.0,
            "score": 2,
        },
        {
            "partner": {"id": "p2"},
            "otherPartner": {"id": "p3"},
            "sharedDeals": 1,
            "sharedWonDeals": 1,
            "sharedClosedDeals": 1,
            "sharedWonValue": 100.0,
            "sharedWinRate": 1.0,
            "sharedCustomers": 1,  # c2
            "partnerWinRate": 1.0,
            "otherPartnerWinRate": 1.0,
            "score": 2,
        },
    ]
    # minSharedDeals 2 keeps only (p1, p2); first 1 keeps the top pair.
    two = live_server.gql(PAIRS, {"partner": None, "min": 2, "first": 20})
    assert [
        (p["partner"]["id"], p["otherPartner"]["id"]) for p in two["data"]["coSellingPairs"]
    ] == [("p1", "p2")]
    top = live_server.gql(PAIRS, {"partner": None, "min": 1, "first": 1})
    assert [p["score"] for p in top["data"]["coSellingPairs"]] == [4]


async def test_co_selling_pairs_of_one_partner(live_server: LiveServer, intel_graph: Store) -> None:
    # p3's pairs: with p1 and with p2, both score 2 and value 100: the tie goes to
    # the smaller other id. The asked partner always comes first.
    body = live_server.gql(PAIRS, {"partner": "p3", "min": 1, "first": 20})
    assert body["extensions"]["cypherRoundTrips"] == 1
    pairs = body["data"]["coSellingPairs"]
    assert [(p["partner"]["id"], p["otherPartner"]["id"], p["score"]) for p in pairs] == [
        ("p3", "p1", 2),
        ("p3", "p2", 2),
    ]
    assert [p["partnerWinRate"] for p in pairs] == [1.0, 1.0]
    assert [p["otherPartnerWinRate"] for p in pairs] == [2 / 3, 1.0]
    # p4 has a partnership but no deals: no pairs. Unknown partners have none either.
    for partner in ("p4", "nobody"):
        empty = live_server.gql(PAIRS, {"partner": partner, "min": 1, "first": 20})
        assert empty["data"]["coSellingPairs"] == []
    too_many = live_server.gql(PAIRS, {"partner": None, "min": 1, "first": 101})
    assert too_many["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"


async def test_shared_customers_need_the_same_kind_of_tie(server: LiveServer, store: Store) -> None:
    await build_graph(store)
    # p3 now SERVES c4, and p1 (ps1) is credited on an open deal dX at c4 that p3 has
    # no part in. c4 is served by one side and dealt with by the other: neither
    # "both SERVE" nor "both have deals", so (p1, p3) still share only c2. dX is
    # open and credited to p1 alone: no shared deal, no change to any win rate.
    await load(
        store,
        [
            [
                record("Serves", partnerId="p3", customerId="c4"),
                record(
                    "Deal",
                    id="dX",
                    name="Deal X",
                    amount=80.0,
                    currency="USD",
                    stage="prospect",
                    createdDate="2024-02-05",
                    customerId="c4",
                ),
                record(
                    "Attribution",
                    partnershipId="ps1",
                    dealId="dX",
                    role="influenced",
                    share=1.0,
                    at="2024-02-05T00:00:00Z",
                ),
            ]
        ],
    )
    whole = server.gql(PAIRS, {"partner": None, "min": 1, "first": 20})
    assert [
        (p["partner"]["id"], p["otherPartner"]["id"], p["sharedCustomers"])
        for p in whole["data"]["coSellingPairs"]
    ] == [("p1", "p2", 2), ("p1", "p3", 1), ("p2", "p3", 1)]
    # The same from p3's side, through the per-partner query.
    mine = server.gql(PAIRS, {"partner": "p3", "min": 1, "first": 20})
    assert [
        (p["otherPartner"]["id"], p["sharedCustomers"]) for p in mine["data"]["coSellingPairs"]
    ] == [("p1", 1), ("p2", 1)]


RECOMMEND = """
query ($partner: ID!, $first: Int!) {
  coSellRecommendations(partnerId: $partner, first: $first) {
    partner { id } sharedCustomers complementaryKind sameRegion winRate consent score
    path { nodes { id label } edges { source target type } }
  }
}
"""


async def test_co_sell_recommendations(live_server: LiveServer, intel_graph: Store) -> None:
    body = live_server.gql(RECOMMEND, {"partner": "p1", "first": 10})
    assert body["extensions"]["cypherRoundTrips"] == 1
    # p1 SERVES c1 and c2. Also serving c1: p2 (already co-sold: excluded), p4, p5;
    # c2: p3 (already co-sold). p4 and p5 are integrators (p1 is a reseller: +2), in
    # EMEA like p1 (+1), share c1 (3 x 1) and have no closed deal (win rate null,
    # counts 0): 6.0 each -> tie broken by id.
    assert body["data"]["coSellRecommendations"] == [
        {
            "partner": {"id": pid},
            "sharedCustomers": 1,
            "complementaryKind": True,
            "sameRegion": True,
            "winRate": None,
            "consent": consent,
            "score": 6.0,
            "path": {
                "nodes": [
                    {"id": "p1", "label": "Partner"},
                    {"id": "c1", "label": "Customer"},
                    {"id": pid, "label": "Partner"},
                ],
                "edges": [
                    {"source": "p1", "target": "c1", "type": "SERVES"},
                    {"source": pid, "target": "c1", "type": "SERVES"},
                ],
            },
        }
        for pid, consent in (("p4", "overlaps"), ("p5", None))
    ]
    first = live_server.gql(RECOMMEND, {"partner": "p1", "first": 1})
    assert [r["partner"]["id"] for r in first["data"]["coSellRecommendations"]] == ["p4"]
    # p3 serves only c2, whose other partner p1 already co-sold with it.
    none = live_server.gql(RECOMMEND, {"partner": "p3", "first": 10})
    assert none["data"]["coSellRecommendations"] == []
