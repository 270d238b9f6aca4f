"""attributionPaths, connectionPath, registrationConflicts and accountOverlap
over HTTP, on the hand-worked graph of tests/support/intel.py."""

from __future__ import annotations

from typing import Any

from graph_api.store import Store
from tests.support.intel import build_graph
from tests.support.servers import LiveServer

PATHS = """
query ($deal: ID!) {
  attributionPaths(dealId: $deal) {
    deal { id }
    paths { kind nodes { id label } edges { source target type } }
  }
}
"""


def shape(path: dict[str, Any]) -> tuple[str, list[str], list[str]]:
    return (
        path["kind"],
        [n["id"] for n in path["nodes"]],
        [f"{e['source']}-{e['type']}->{e['target']}" for e in path["edges"]],
    )


async def test_attribution_paths(live_server: LiveServer, intel_graph: Store) -> None:
    body = live_server.gql(PATHS, {"deal": "dA"})
    assert body["extensions"]["cypherRoundTrips"] == 1
    # dA is credited to ps1 (p1) and ps2 (p2); lead l1, referred by ps2, converted
    # to it; p1 resells for d2, which resells for d1 (three deep); nobody registered
    # it. Kinds in order ATTRIBUTION, REGISTRATION, LEAD_REFERRAL, DISTRIBUTION,
    # then by node ids.
    assert [shape(p) for p in body["data"]["attributionPaths"]["paths"]] == [
        ("ATTRIBUTION", ["p1", "ps1", "dA"], ["p1-HOLDS->ps1", "ps1-ATTRIBUTED->dA"]),
        ("ATTRIBUTION", ["p2", "ps2", "dA"], ["p2-HOLDS->ps2", "ps2-ATTRIBUTED->dA"]),
        (
            "LEAD_REFERRAL",
            ["p2", "ps2", "l1", "dA"],
            ["p2-HOLDS->ps2", "l1-REFERRED_BY->ps2", "l1-CONVERTED_TO->dA"],
        ),
        ("DISTRIBUTION", ["p1", "d2", "d1"], ["p1-RESELLS_FOR->d2", "d2-RESELLS_FOR->d1"]),
    ]
    # dF has no attribution, only ps1's registration; with nobody credited there is
    # no distribution chain either.
    registered = live_server.gql(PATHS, {"deal": "dF"})
    assert [shape(p) for p in registered["data"]["attributionPaths"]["paths"]] == [
        ("REGISTRATION", ["p1", "ps1", "dF"], ["p1-HOLDS->ps1", "ps1-REGISTERED->dF"])
    ]
    assert live_server.gql(PATHS, {"deal": "nope"})["data"]["attributionPaths"] is None


CONNECT = """
query ($from: ID!, $to: ID!, $hops: Int!) {
  connectionPath(fromId: $from, toId: $to, maxHops: $hops) {
    length nodes { id label } edges { source target type }
  }
}
"""


async def test_connection_path(live_server: LiveServer, intel_graph: Store) -> None:
    # p4 reaches d1 only through p1 (d2 and d1 have no other edges): p4 -SHARES_WITH->
    # p1 is one hop (via c1 would be two), then p1 -> d2 -> d1: 3 hops, unique.
    body = live_server.gql(CONNECT, {"from": "p4", "to": "d1", "hops": 4})
    assert body["extensions"]["cypherRoundTrips"] == 1
    path = body["data"]["connectionPath"]
    assert path["length"] == 3
    assert [n["id"] for n in path["nodes"]] == ["p4", "p1", "d2", "d1"]
    assert [(e["source"], e["type"], e["target"]) for e in path["edges"]] == [
        ("p4", "SHARES_WITH", "p1"),
        ("p1", "RESELLS_FOR", "d2"),
        ("d2", "RESELLS_FOR", "d1"),
    ]
    # Exactly 3 hops allowed still finds it; 2 does not.
    assert live_server.gql(CONNECT, {"from": "p4", "to": "d1", "hops": 3})["data"]["connectionPath"]
    assert live_server.gql(CONNECT, {"from": "p4", "to": "d1", "hops": 2})["data"] == {
        "connectionPath": None
    }
    # Entities of any label: a lead to a customer, l1 -CONVERTED_TO-> dA -FOR-> c1.
    mixed = live_server.gql(CONNECT, {"from": "l1", "to": "c1", "hops": 6})["data"][
        "connectionPath"
    ]
    assert [n["label"] for n in mixed["nodes"]] == ["Lead", "Deal", "Customer"]
    # Above the cap: a typed error naming the limit, before any Cypher is sent.
    over = live_server.gql(CONNECT, {"from": "p4", "to": "d1", "hops": 7})
    assert over["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert over["errors"][0]["extensions"]["limit"] == "max_hops"
    assert over["extensions"]["cypherRoundTrips"] == 0
    same = live_server.gql(CONNECT, {"from": "p4", "to": "p4", "hops": 2})
    assert same["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


CONFLICTS = """
query ($deal: ID!) {
  registrationConflicts(dealId: $deal) {
    deal { id } customer { id }
    conflicts {
      partner { id } partnershipId deal { id } customer { id } matchedBy status
      registeredAt expiresAt conflictsWith redacted
    }
  }
}
"""


async def test_registration_conflicts(live_server: LiveServer, intel_graph: Store) -> None:
    body = live_server.gql(CONFLICTS, {"deal": "dF"})
    assert body["extensions"]["cypherRoundTrips"] == 1
    data = body["data"]["registrationConflicts"]
    assert (data["deal"]["id"], data["customer"]["id"]) == ("dF", "c1")
    # dF's window: ps1 approved [02-20, 05-20]. Customers matched: c1 (node) and c3
    # (same domain one.com). Active registrations there by other partners:
    #   ps2 -> dG (c3) pending [03-10, 06-10]: overlaps              -> conflict
    #   ps3 -> dH (c1) approved from 05-20 12:00: touches on 05-20   -> conflict
    #   ps4 -> dH expired                                            -> ignored
    #   ps4 -> dI (c1) approved from 05-21: starts the day after     -> no conflict
    assert data["conflicts"] == [
        {
            "partner": {"id": "p2"},
            "partnershipId": "ps2",
            "deal": {"id": "dG"},
            "customer": {"id": "c3"},
            "matchedBy": "DOMAIN",
            "status": "pending",
            "registeredAt": "2024-03-10T00:00:00+00:00",
            "expiresAt": "2024-06-10T00:00:00+00:00",
            "conflictsWith": ["ps1"],
            "redacted": False,
        },
        {
            "partner": {"id": "p3"},
            "partnershipId": "ps3",
            "deal": {"id": "dH"},
            "customer": {"id": "c1"},
            "matchedBy": "NODE",
            "status": "approved",
            "registeredAt": "2024-05-20T12:00:00+00:00",
            "expiresAt": "2024-08-01T00:00:00+00:00",
            "conflictsWith": ["ps1"],
            "redacted": False,
        },
    ]
    # dI itself: ps4 [05-21, 07-01] overlaps ps2's dG [03-10, 06-10] and ps3's dH
    # [05-20, 08-01]; ps1's dF ended 05-20, the day before.
    other = live_server.gql(CONFLICTS, {"deal": "dI"})["data"]["registrationConflicts"]
    assert [(c["partnershipId"], c["deal"]["id"]) for c in other["conflicts"]] == [
        ("ps2", "dG"),
        ("ps3", "dH"),
    ]


OVERLAP = """
query ($partner: ID!, $other: ID!) {
  accountOverlap(partnerId: $partner, otherPartnerId: $other) {
    partner { id } otherPartner { id } consent consentMissing sharedAccounts
    accounts {
      customer { id } openDeals { id }
      matches { customer { id } matchedBy openDeals { id } }
    }
  }
}
"""


def overlap(server: LiveServer, partner: str, other: str) -> dict[str, Any]:
    body = server.gql(OVERLAP, {"partner": partner, "other": other})
    assert "errors" not in body, body
    assert body["extensions"]["cypherRoundTrips"] == 1
    result: dict[str, Any] = body["data"]["accountOverlap"]
    return result


async def test_account_overlap_obeys_consent(live_server: LiveServer, intel_graph: Store) -> None:
    # p2 shares FULL with p1. p1 SERVES c1, c2; p2 SERVES c1 (same node) and c3 (same
    # domain as c1). One of p1's accounts overlaps. Open deals: p1 registered dF
    # (proposal) at c1; p2 is credited on dG (negotiation) at c3.
    full = overlap(live_server, "p1", "p2")
    assert (full["consent"], full["consentMissing"], full["sharedAccounts"]) == ("full", False, 1)
    assert full["accounts"] == [
        {
            "customer": {"id": "c1"},
            "openDeals": [{"id": "dF"}],
            "matches": [
                {"customer": {"id": "c1"}, "matchedBy": "NODE", "openDeals": []},
                {"customer": {"id": "c3"}, "matchedBy": "DOMAIN", "openDeals": [{"id": "dG"}]},
            ],
        }
    ]
    # p4 shares OVERLAPS: the account (c1) but no deals.
    overlaps = overlap(live_server, "p1", "p4")
    assert overlaps["accounts"] == [
        {
            "customer": {"id": "c1"},
            "openDeals": None,
            "matches": [{"customer": {"id": "c1"}, "matchedBy": "NODE", "openDeals": None}],
        }
    ]
    # p3 shares COUNTS: c2 is common, only the number shows.
    counts = overlap(live_server, "p1", "p3")
    assert (counts["consent"], counts["sharedAccounts"], counts["accounts"]) == ("counts", 1, None)
    # Nobody shares with p2: nothing but the missing consent.
    missing = overlap(live_server, "p2", "p1")
    assert missing == {
        "partner": {"id": "p2"},
        "otherPartner": {"id": "p1"},
        "consent": None,
        "consentMissing": True,
        "sharedAccounts": None,
        "accounts": None,
    }
    same = live_server.gql(OVERLAP, {"partner": "p1", "other": "p1"})
    assert same["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


REGISTER = """
mutation ($input: RegisterDealInput!) {
  registerDeal(input: $input) {
    __typename
    ... on RegisterDealPayload {
      registration { partnershipId dealId }
      conflicts { conflicts { partnershipId deal { id } conflictsWith } }
    }
  }
}
"""


async def test_registering_a_deal_returns_its_conflicts(server: LiveServer, store: Store) -> None:
    await build_graph(store)
    body = server.gql(
        REGISTER,
        {
            "input": {
                "dealId": "dI",
                "partnershipId": "ps2",
                "at": "2024-05-25T00:00:00+00:00",
                "status": "APPROVED",
                "expiresAt": "2024-06-30T00:00:00+00:00",
            }
        },
    )
    assert "errors" not in body, body
    payload = body["data"]["registerDeal"]
    assert payload["registration"] == {"partnershipId": "ps2", "dealId": "dI"}
    # dI now has ps4 [05-21, 07-01] and ps2 [05-25, 06-30]. Against each, active
    # registrations by another partner at c1 or c3 (one.com) that overlap:
    #   ps1 dF [02-20, 05-20]   ends before both start          -> none
    #   ps2 dG [03-10, 06-10]   overlaps ps4's (ps2's own partner is p2)
    #   ps3 dH [05-20, 08-01]   overlaps both
    #   ps4 dI [05-21, 07-01]   overlaps ps2's
    #   ps2 dI [05-25, 06-30]   overlaps ps4's
    # ordered by registration time.
    assert payload["conflicts"]["conflicts"] == [
        {"partnershipId": "ps2", "deal": {"id": "dG"}, "conflictsWith": ["ps4"]},
        {"partnershipId": "ps3", "deal": {"id": "dH"}, "conflictsWith": ["ps2", "ps4"]},
        {"partnershipId": "ps4", "deal": {"id": "dI"}, "conflictsWith": ["ps2"]},
        {"partnershipId": "ps2", "deal": {"id": "dI"}, "conflictsWith": ["ps4"]},
    ]
