"""Challenge progress and its evaluation: who reached which target, recorded once.

Every participant's value comes from the leaderboard statement (one round trip
for all challenges). A participant whose value reaches the target gets an
``ACHIEVED`` edge and an ``Achievement.create`` change entry in the same
transaction, concerning that partner: subscribers and webhook endpoints hear
of it like any other change. Evaluation runs after each write that can move a
value (see :mod:`graph_api.challenges.watcher`), after a challenge is saved, and
on ``evaluateChallenges``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from graph_api.challenges.statements import CHALLENGE_ACHIEVE, CHALLENGE_LIST
from graph_api.changes import CREATE, Change, record
from graph_api.leaderboards.standings import LeaderboardMetric, Population, Standing, standings
from graph_api.store import Store, Tx
from graph_api.values import as_date

ACTOR = "challenges"  # recorded with the role `system`
MAX_CHALLENGES = 200


@dataclass(frozen=True)
class Reached:
    challenge_id: str
    partner_id: str
    value: float


def population(challenge: dict[str, Any]) -> Population:
    start, end = as_date(challenge["periodStart"]), as_date(challenge["periodEnd"])
    assert start is not None and end is not None
    return Population(
        key=str(challenge["id"]),
        metric=LeaderboardMetric(challenge["metric"]),
        start=start,
        end=end,
        tier=challenge.get("tier"),
        region=challenge.get("region"),
        program_id=challenge.get("programId"),
    )


async def load(
    store: Store, ids: list[str] | None = None, limit: int = MAX_CHALLENGES
) -> list[dict[str, Any]]:
    rows = await store.read(CHALLENGE_LIST, ids=ids, limit=limit)
    return [{**dict(r["challenge"]), "reached": list(r["reached"])} for r in rows]


async def progress(
    store: Store,
    challenges: list[dict[str, Any]],
    members: list[str] | None = None,
) -> dict[str, list[Standing]]:
    """Each challenge's participants (those of ``members`` only, unless None), ranked."""
    if not challenges:
        return {}
    return await standings(store, [population(c) for c in challenges], members=members)


def due(challenges: list[dict[str, Any]], ranked: dict[str, list[Standing]]) -> list[Reached]:
    """Participants at or past the target that are not recorded as having reached it."""
    result = []
    for challenge in challenges:
        known = {str(r["partnerId"]) for r in challenge["reached"]}
        target = float(challenge["target"])
        for s in ranked.get(str(challenge["id"]), []):
            pid = str(s.partner["id"])
            if s.value is not None and s.value >= target and pid not in known:
                result.append(Reached(str(challenge["id"]), pid, s.value))
    return result


async def evaluate(store: Store, ids: list[str] | None = None) -> list[Reached]:
    """Record every newly reached target; returns what was recorded now."""
    challenges = await load(store, ids)
    reached = due(challenges, await progress(store, challenges))
    if not reached:
        return []
    by_id = {str(c["id"]): c for c in challenges}

    async def work(tx: Tx) -> list[Reached]:
        at = dt.datetime.now(dt.UTC)
        made, changes = [], []
        for r in reached:
            row = await tx.run_one(
                CHALLENGE_ACHIEVE, id=r.challenge_id, partnerId=r.partner_id, at=at, value=r.value
            )
            if row is None or not row["created"]:
                continue  # recorded meanwhile, or the challenge or partner is gone
            challenge = by_id[r.challenge_id]
            made.append(r)
            changes.append(
                Change(
                    "Achievement",
                    f"{r.challenge_id}:{r.partner_id}",
                    CREATE,
                    None,
                    {
                        "challengeId": r.challenge_id,
                        "challengeName": challenge.get("name"),
                        "partnerId": r.partner_id,
                        "metric": challenge.get("metric"),
                        "target": challenge.get("target"),
                        "value": r.value,
                        "reachedAt": at.isoformat(),
                    },
                    [r.partner_id],
                )
            )
        await record(tx, ACTOR, changes)
        return made

    return await store.write(work)
