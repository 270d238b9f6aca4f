"""End to end: the real app over HTTP, on the real store."""

from __future__ import annotations

from graph_api.store import Store
from tests.support.servers import LiveServer

INSERT = """
UNWIND $rows AS row
CREATE (p:Partner) SET p = row
"""


async def test_partners_over_http(server: LiveServer, store: Store) -> None:
    await store.run_raw(
        INSERT,
        {
            "rows": [
                {
                    "id": f"p{i}",
                    "name": f"Partner {i:02d}",
                    "kind": "reseller" if i % 2 else "referral",
                }
                for i in range(5)
            ]
        },
    )
    body = server.gql(
        "{ partners(first: 2, kind: RESELLER) { totalCount edges { cursor node { id name } }"
        " pageInfo { hasNextPage endCursor } } }"
    )
    data = body["data"]["partners"]
    assert data["totalCount"] == 2  # p1 and p3
    assert [e["node"]["id"] for e in data["edges"]] == ["p1", "p3"]
    assert data["pageInfo"]["hasNextPage"] is False
    one = server.gql('{ partner(id: "p2") { id name kind } }')
    assert one["data"]["partner"] == {"id": "p2", "name": "Partner 02", "kind": "REFERRAL"}
    missing = server.gql('{ partner(id: "nope") { id } }')
    assert missing["data"]["partner"] is None
    assert body["extensions"]["cypherRoundTrips"] == 1


def test_health_and_ready(live_server: LiveServer) -> None:
    import httpx

    assert httpx.get(f"{live_server.url}/health").json() == {"status": "ok"}
    ready = httpx.get(f"{live_server.url}/ready")
    assert ready.status_code == 200, ready.text
