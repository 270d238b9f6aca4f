"""Challenges end to end, on the leaderboard graph of tests/test_leaderboards.py: an
admin defines one, reaching the target is recorded once as an ``Achievement.create``
change event that webhooks deliver, and partners see only their own progress."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.events import Receiver, RunningApp, fast_settings, gql, run_app
from tests.support.leaderboards import GRAPH, Q1
from tests.support.security import auth, secure_server

UPSERT = """
mutation ($input: ChallengeInput!) {
  upsertChallenge(input: $input) {
    __typename
    ... on ChallengePayload {
      challenge {
        id name metric from to target tier region programId
        participants { partner { id } rank value progress reached reachedAt }
      }
    }
    ... on ValidationError { fields { path reason } }
  }
}
"""
CHALLENGES = """
query {
  challenges {
    id
    participants { partner { id name } rank value reached }
    you { partner { id } rank value progress reached }
  }
}
"""
CHANGES = """
query { changes(first: 100) { nodes { entityType entityId operation partnerIds after } } }
"""
WIN = """
mutation ($deal: DealInput!, $credit: AttributeDealInput!) {
  upsertDeal(input: $deal) { __typename }
  attributeDeal(input: $credit) { __typename }
}
"""
REGISTER = """
mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { __typename }
}
"""
CHALLENGE = {
    "id": "ch1",
    "name": "A thousand in Q1",
    "metric": "WON_VALUE",
    **Q1,
    "target": 1000.0,
    "tier": "GOLD",
}


@pytest.fixture(scope="module")
def app(migrated: Connection) -> Iterator[RunningApp]:
    with run_app(fast_settings(), migrated) as running:
        yield running


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    try:
        yield r
    finally:
        r.stop()


async def achievements(app: RunningApp) -> list[dict[str, Any]]:
    data = await gql(app.url, CHANGES)
    return [n for n in data["changes"]["nodes"] if n["entityType"] == "Achievement"]


async def until(check: Any, timeout: float = 60) -> Any:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await check()
        if value:
            return value
        assert asyncio.get_running_loop().time() < deadline, "condition not reached"
        await asyncio.sleep(0.1)


async def test_reaching_the_target_is_an_event_and_a_webhook(
    app: RunningApp, store: Store, receiver: Receiver
) -> None:
    await store.run_raw(GRAPH)
    endpoint = {"url": receiver.url, "eventTypes": ["Achievement"]}
    registered = await gql(app.url, REGISTER, {"input": endpoint})
    assert registered["registerWebhookEndpoint"]["__typename"] == "WebhookEndpointRegistered"
    data = await gql(app.url, UPSERT, {"input": CHALLENGE})
    challenge = data["upsertChallenge"]["challenge"]
    assert challenge["tier"] == "GOLD" and challenge["programId"] is None
    # Gold partners only (eon is silver); ace and bolt won 1000 each: reached at once.
    rows = [
        (p["partner"]["id"], p["rank"], p["value"], p["progress"], p["reached"])
        for p in challenge["participants"]
    ]
    assert rows == [
        ("ace", 1, 1000.0, 1.0, True),
        ("bolt", 1, 1000.0, 1.0, True),
        ("cog", 3, 500.0, 0.5, False),
        ("dyn", 3, 500.0, 0.5, False),
    ]
    hits = await asyncio.to_thread(receiver.wait_for, 2)
    assert sorted(h.json["entityId"] for h in hits) == ["ch1:ace", "ch1:bolt"]
    assert {h.json["eventType"] for h in hits} == {"Achievement.create"}
    ace = next(h.json for h in hits if h.json["entityId"] == "ch1:ace")
    assert ace["partnerIds"] == ["ace"]
    assert ace["after"]["challengeId"] == "ch1" and ace["after"]["value"] == 1000.0
    # Saving the same definition again records nothing new, for the challenge or anyone.
    await gql(app.url, UPSERT, {"input": CHALLENGE})
    assert len(await achievements(app)) == 2
    # cog wins 600 more through the API: the watcher records it, once.
    won = await gql(
        app.url,
        WIN,
        {
            "deal": {"id": "dw5", "name": "dw5", "amount": 600.0, "stage": "WON",
                     "closeDate": "2025-03-15"},
            "credit": {"dealId": "dw5", "attributions": [
                {"partnershipId": "ps-cog", "role": "SOURCED", "share": 1.0}]},
        },
    )  # fmt: skip
    assert won == {"upsertDeal": {"__typename": "DealPayload"},
                   "attributeDeal": {"__typename": "DealPayload"}}  # fmt: skip

    async def cog_reached() -> list[dict[str, Any]]:
        return [a for a in await achievements(app) if a["entityId"] == "ch1:cog"]

    [entry] = await until(cog_reached)
    assert entry["operation"] == "create" and entry["partnerIds"] == ["cog"]
    assert entry["after"]["value"] == 1100.0
    await asyncio.to_thread(receiver.wait_for, 3)
    evaluated = await gql(
        app.url, "mutation { evaluateChallenges { reached { challengeId partnerId } } }"
    )
    assert evaluated == {"evaluateChallenges": {"reached": []}}
    assert len(await achievements(app)) == 3
    definitions = [
        n
        for n in (await gql(app.url, CHANGES))["changes"]["nodes"]
        if n["entityType"] == "Challenge"
    ]
    assert [d["operation"] for d in definitions] == ["create"]


async def test_partners_see_their_own_progress(migrated: Connection, store: Store) -> None:
    await store.run_raw(GRAPH)
    with secure_server(migrated) as server:
        admin = auth("admin")
        body = server.gql(UPSERT, {"input": {**CHALLENGE, "tier": None}}, admin).json()
        assert body["data"]["upsertChallenge"]["__typename"] == "ChallengePayload", body
        mine = server.gql(CHALLENGES, {}, auth("partner", "cog")).json()["data"]["challenges"]
        assert mine == [
            {
                "id": "ch1",
                "participants": [
                    {"partner": {"id": "cog", "name": "Cog Ltd"}, "rank": 3, "value": 500.0,
                     "reached": False},
                ],
                "you": {"partner": {"id": "cog"}, "rank": 3, "value": 500.0, "progress": 0.5,
                        "reached": False},
            }
        ]  # fmt: skip
        everyone = server.gql(CHALLENGES, {}, admin).json()["data"]["challenges"][0]
        assert [p["partner"]["id"] for p in everyone["participants"]] == [
            "ace", "bolt", "cog", "dyn", "eon",
        ]  # fmt: skip
        assert everyone["you"] is None
        # A partner outside a challenge's population does not see it.
        body = server.gql(UPSERT, {"input": {**CHALLENGE, "id": "ch-na", "region": "NA",
                                             "tier": None}}, admin).json()  # fmt: skip
        assert body["data"]["upsertChallenge"]["__typename"] == "ChallengePayload"
        ids = [
            c["id"]
            for c in server.gql(CHALLENGES, {}, auth("partner", "cog")).json()["data"]["challenges"]
        ]
        assert ids == ["ch1"]
        # The achievements of others stay out of a partner's change log.
        changes = server.gql(CHANGES, {}, auth("partner", "cog")).json()["data"]["changes"]
        assert [n["entityId"] for n in changes["nodes"]] == []


async def test_only_admins_define_and_bad_input_changes_nothing(
    migrated: Connection, store: Store
) -> None:
    await store.run_raw(GRAPH)
    with secure_server(migrated) as server:
        for role, partner in (("partner", "cog"), ("analyst", None)):
            body = server.gql(UPSERT, {"input": CHALLENGE}, auth(role, partner)).json()
            assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
        bad = {**CHALLENGE, "name": " ", "target": 0.0, "from": "2025-04-01"}
        body = server.gql(UPSERT, {"input": bad}, auth("admin")).json()
        result = body["data"]["upsertChallenge"]
        assert result["__typename"] == "ValidationError"
        assert sorted(f["path"][0] for f in result["fields"]) == ["from", "name", "target"]
        listed = server.gql(CHALLENGES, {}, auth("admin")).json()["data"]["challenges"]
        assert listed == []
        response = server.gql(
            'mutation { deleteChallenge(id: "nope") { __typename } }', {}, auth("admin")
        )
        assert response.json()["data"]["deleteChallenge"]["__typename"] == "NotFoundError"
        assert isinstance(response, httpx.Response)
