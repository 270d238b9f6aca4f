"""``leaderboard`` over HTTP: ranks and ties, each metric, populations, and what a
partner token may learn of the others.

The graph and its figures: tests/support/leaderboards.py.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.leaderboards import CERTIFY, GRAPH, Q1
from tests.support.security import SecureServer, auth, secure_server
from tests.support.servers import LiveServer

BOARD = """
query ($metric: LeaderboardMetric!, $from: Date!, $to: Date!, $scope: LeaderboardScope,
       $first: Int = 50, $after: String) {
  leaderboard(metric: $metric, from: $from, to: $to, scope: $scope) {
    metric from to partners ranked ties { rank partners }
    you { rank tied label value isYou partner { id name } }
    entries(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor startCursor }
      edges { cursor node { rank tied label value isYou partner { id name kind tier region } } }
    }
  }
}
"""


def board(
    server: LiveServer | SecureServer,
    metric: str,
    headers: dict[str, str] | None = None,
    **variables: Any,
) -> dict[str, Any]:
    values = {"metric": metric, **Q1, **variables}
    if isinstance(server, LiveServer):
        body = server.gql(BOARD, values)
    else:
        body = server.gql(BOARD, values, headers).json()
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["leaderboard"]
    return result


def places(result: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (e["node"]["rank"], e["node"]["tied"], e["node"]["label"], e["node"]["value"])
        for e in result["entries"]["edges"]
    ]


async def test_ranks_and_ties_for_each_metric(server: LiveServer, store: Store) -> None:
    await store.run_raw(GRAPH)
    won = board(server, "WON_VALUE")
    assert places(won) == [
        (1, True, "Ace Ltd", 1000.0),
        (1, True, "Bolt Ltd", 1000.0),
        (3, True, "Cog Ltd", 500.0),
        (3, True, "Dyn Ltd", 500.0),
        (5, False, "Eon Ltd", 0.0),  # dw0 closed the day before the period
    ]
    assert won["ties"] == [{"rank": 1, "partners": 2}, {"rank": 3, "partners": 2}]
    assert (won["partners"], won["ranked"], won["you"]) == (5, 5, None)
    assert places(board(server, "CO_SELL_WINS"))[:3] == [
        (1, True, "Ace Ltd", 1.0),
        (1, True, "Bolt Ltd", 1.0),
        (3, True, "Cog Ltd", 0.0),
    ]
    rates = board(server, "WIN_RATE")
    assert places(rates) == [
        (1, True, "Ace Ltd", 1.0),
        (1, True, "Bolt Ltd", 1.0),
        (1, True, "Dyn Ltd", 1.0),
        (4, False, "Cog Ltd", 0.5),
        (None, False, "Eon Ltd", None),  # nothing closed in the period: unranked
    ]
    assert rates["ranked"] == 4
    assert places(board(server, "REGISTERED_DEALS"))[0] == (1, False, "Cog Ltd", 1.0)
    # No certification data yet: everyone has 0, one five-way tie.
    assert board(server, "CERTIFICATIONS")["ties"] == [{"rank": 1, "partners": 5}]
    await store.run_raw(CERTIFY)
    certified = places(board(server, "CERTIFICATIONS"))
    assert certified[0] == (1, False, "Dyn Ltd", 1.0)  # the 2024 certificate is outside
    assert certified[1] == (2, True, "Ace Ltd", 0.0)


async def test_populations_and_pages(server: LiveServer, store: Store) -> None:
    await store.run_raw(GRAPH)
    gold = board(server, "WON_VALUE", scope={"tier": "GOLD"})
    assert [p[2] for p in places(gold)] == ["Ace Ltd", "Bolt Ltd", "Cog Ltd", "Dyn Ltd"]
    assert places(board(server, "WON_VALUE", scope={"region": "NA"})) == [
        (1, False, "Dyn Ltd", 500.0)
    ]
    program = board(server, "WON_VALUE", scope={"programId": "prg-y", "tier": "SILVER"})
    assert places(program) == [(1, False, "Eon Ltd", 0.0)]
    first = board(server, "WON_VALUE", first=2)
    assert first["entries"]["pageInfo"]["hasNextPage"] is True
    after = first["entries"]["pageInfo"]["endCursor"]
    rest = board(server, "WON_VALUE", first=2, after=after)
    assert [p[2] for p in places(rest)] == ["Cog Ltd", "Dyn Ltd"]
    assert rest["entries"]["totalCount"] == 5


async def test_partner_sees_names_only_with_consent(migrated: Connection, store: Store) -> None:
    await store.run_raw(GRAPH)
    with secure_server(migrated) as server:
        headers = auth("partner", "cog")
        result = board(server, "WON_VALUE", headers)
        assert places(result) == [
            (1, True, "Ace Ltd", 1000.0),  # shares overlaps with cog
            (1, True, "Partner #1", None),  # bolt: counts only
            (3, True, "Cog Ltd", 500.0),
            (3, True, "Partner #3", None),  # dyn: cog shares with it, not it with cog
            (5, False, "Partner #5", None),
        ]
        nodes = [e["node"] for e in result["entries"]["edges"]]
        assert [n["partner"] and n["partner"]["id"] for n in nodes] == [
            "ace",
            None,
            "cog",
            None,
            None,
        ]
        assert [n["isYou"] for n in nodes] == [False, False, True, False, False]
        assert result["you"] == {
            "rank": 3, "tied": True, "label": "Cog Ltd", "value": 500.0, "isYou": True,
            "partner": {"id": "cog", "name": "Cog Ltd"},
        }  # fmt: skip
        # Nothing in any answer, every page and metric included, names a hidden partner.
        seen = []
        for metric in (
            "WON_VALUE",
            "CO_SELL_WINS",
            "WIN_RATE",
            "REGISTERED_DEALS",
            "CERTIFICATIONS",
        ):
            seen.append(board(server, metric, headers))
            seen.append(board(server, metric, headers, first=1))
            cursor = seen[-1]["entries"]["pageInfo"]["endCursor"]
            seen.append(board(server, metric, headers, first=1, after=cursor))
        text = json.dumps(seen).lower()
        for hidden in ("bolt", "dyn", "eon", "ps-", "dw", "prg-"):
            assert hidden not in text, hidden
        # An admin sees every name and value.
        admin = board(server, "WON_VALUE", auth("admin"))
        assert [p[2] for p in places(admin)][:2] == ["Ace Ltd", "Bolt Ltd"]
        assert admin["you"] is None


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"from": "2025-04-01", "to": "2025-03-01"}, "BAD_USER_INPUT"),
        ({"from": "2000-01-01", "to": "2025-03-01"}, "LIMIT_EXCEEDED"),
        ({"scope": {"programId": " prg-x"}}, "BAD_USER_INPUT"),
        ({"first": 500}, "LIMIT_EXCEEDED"),
        ({"after": "not-a-cursor"}, "BAD_USER_INPUT"),
        ({"metric": "REVENUE"}, "BAD_USER_INPUT"),
    ],
)
async def test_bad_arguments_are_typed_errors(
    server: LiveServer, store: Store, variables: dict[str, Any], code: str
) -> None:
    response = server.post(BOARD, {"metric": "WON_VALUE", **Q1, **variables})
    assert response.status_code in (200, 400)
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == code, body
