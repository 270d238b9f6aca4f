"""Challenge writes (admins only): define, delete, evaluate now.

Definitions are recorded in the change log (``Challenge.create`` / ``update`` /
``delete``) in the writing transaction, like every other write.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import strawberry

from graph_api.challenges import progress as p
from graph_api.challenges.statements import CHALLENGE_DELETE, CHALLENGE_STATE, CHALLENGE_WRITE
from graph_api.challenges.types import Challenge
from graph_api.changes import CREATE, DELETE, UPDATE, Change, record
from graph_api.errors import EntityNotFound, InputInvalid, NotFoundError, ValidationError
from graph_api.intelligence.common import MAX_ID_LENGTH, MAX_PERIOD_DAYS
from graph_api.leaderboards.standings import LeaderboardMetric
from graph_api.reading import GqlInfo
from graph_api.store import Tx
from graph_api.vocabulary import PartnerTier, Region
from graph_api.writing import actor, check_write

MAX_NAME = 200
DEFINITION = ("name", "metric", "periodStart", "periodEnd", "target", "tier", "region", "programId")


@strawberry.input(description="A challenge's whole definition; saving it again replaces it.")
class ChallengeInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="Id to create or replace; generated when omitted."
    )
    name: str = strawberry.field(description="Display name (1 to 200 characters).")
    metric: LeaderboardMetric = strawberry.field(description="What is measured.")
    from_: dt.date = strawberry.field(name="from", description="First day (inclusive).")
    to: dt.date = strawberry.field(description="Last day (inclusive).")
    target: float = strawberry.field(description="The value to reach; above 0.")
    tier: PartnerTier | None = strawberry.field(default=None, description="Only this tier.")
    region: Region | None = strawberry.field(default=None, description="Only this region.")
    program_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only partners with a partnership in this program."
    )


@strawberry.type(description="The challenge as stored, with the progress so far.")
class ChallengePayload:
    challenge: Challenge = strawberry.field(description="The saved challenge.")


@strawberry.type(description="A challenge was deleted.")
class ChallengeDeleted:
    id: strawberry.ID = strawberry.field(description="Id of the deleted challenge.")


@strawberry.type(description="A partner reached a challenge's target (recorded now).")
class ChallengeReached:
    challenge_id: strawberry.ID = strawberry.field(description="The challenge.")
    partner_id: strawberry.ID = strawberry.field(description="The partner.")
    value: float = strawberry.field(description="Its value when recorded.")


@strawberry.type(description="What an evaluation recorded.")
class ChallengeEvaluation:
    reached: list[ChallengeReached] = strawberry.field(
        description="Targets reached since the last evaluation."
    )


ChallengeResult = Annotated[
    ChallengePayload | ValidationError,
    strawberry.union("ChallengeResult", description="The challenge, or why nothing changed."),
]
ChallengeDeleteResult = Annotated[
    ChallengeDeleted | NotFoundError,
    strawberry.union("ChallengeDeleteResult", description="The deleted id, or why not."),
]


def definition(input: ChallengeInput) -> tuple[str, dict[str, Any]]:
    """The id and stored properties of a valid input; InputInvalid names every problem."""
    errors: list[tuple[list[str], str]] = []
    cid = str(input.id) if input.id is not None else uuid.uuid4().hex
    if not cid or len(cid) > MAX_ID_LENGTH or cid != cid.strip() or not cid.isprintable():
        errors.append((["id"], f"must be 1 to {MAX_ID_LENGTH} printable characters"))
    name = input.name.strip()
    if not name or len(name) > MAX_NAME:
        errors.append((["name"], f"must be 1 to {MAX_NAME} characters"))
    if input.from_ > input.to:
        errors.append((["from"], "must not be after `to`"))
    elif (input.to - input.from_).days + 1 > MAX_PERIOD_DAYS:
        errors.append((["to"], f"the period may span at most {MAX_PERIOD_DAYS} days"))
    if not input.target > 0 or input.target != input.target or input.target == float("inf"):
        errors.append((["target"], "must be a number above 0"))
    program = str(input.program_id) if input.program_id is not None else None
    if program is not None and (not program or len(program) > MAX_ID_LENGTH):
        errors.append((["programId"], f"must be 1 to {MAX_ID_LENGTH} characters"))
    if errors:
        raise InputInvalid(errors)
    return cid, {
        "name": name,
        "metric": input.metric.value,
        "periodStart": input.from_,
        "periodEnd": input.to,
        "target": float(input.target),
        "tier": input.tier.value if input.tier else None,
        "region": input.region.value if input.region else None,
        "programId": program,
    }


def _plain(props: dict[str, Any] | None) -> dict[str, Any] | None:
    if props is None:
        return None
    return {k: (v.iso_format() if hasattr(v, "iso_format") else v) for k, v in props.items()}


@strawberry.type
class ChallengeMutation:
    @strawberry.mutation(description="Define a challenge, or replace one's definition (admins).")
    async def upsert_challenge(
        self,
        info: GqlInfo,
        input: Annotated[ChallengeInput, strawberry.argument(description="The definition.")],
    ) -> ChallengeResult:
        await check_write(info, "Challenge", {})
        try:
            cid, props = definition(input)
        except InputInvalid as exc:
            return exc.as_result()
        who = actor(info)

        async def work(tx: Tx) -> None:
            state = await tx.run_one(CHALLENGE_STATE, id=cid)
            before = _plain(dict(state["before"])) if state and state["before"] else None
            wanted = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in props.items()}
            if before is not None and all(before.get(k) == wanted[k] for k in DEFINITION):
                return  # the same definition again: nothing changes
            at = dt.datetime.now(dt.UTC)
            row = await tx.run_one(
                CHALLENGE_WRITE,
                id=cid,
                at=at,
                name=props["name"],
                metric=props["metric"],
                target=props["target"],
                tier=props["tier"],
                region=props["region"],
                programId=props["programId"],
                to=props["periodEnd"],
                **{"from": props["periodStart"]},
            )
            assert row is not None
            after = _plain(dict(row["after"]))
            operation = CREATE if before is None else UPDATE
            await record(tx, who, [Change("Challenge", cid, operation, before, after, [])])

        await info.context.store.write(work)
        await p.evaluate(info.context.store, [cid])
        rows = await p.load(info.context.store, [cid], 1)
        ranked = await p.progress(info.context.store, rows)
        return ChallengePayload(challenge=Challenge.of(rows[0], ranked[cid], None, None))

    @strawberry.mutation(description="Delete a challenge and who reached it (admins).")
    async def delete_challenge(
        self,
        info: GqlInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The challenge's id.")],
    ) -> ChallengeDeleteResult:
        await check_write(info, "Challenge", {})
        cid = str(id)
        who = actor(info)

        async def work(tx: Tx) -> None:
            state = await tx.run_one(CHALLENGE_STATE, id=cid)
            if state is None or state["before"] is None:
                raise EntityNotFound("Challenge", cid)
            before = _plain(dict(state["before"]))
            await tx.run(CHALLENGE_DELETE, id=cid)
            await record(tx, who, [Change("Challenge", cid, DELETE, before, None, [])])

        try:
            await info.context.store.write(work)
        except EntityNotFound as exc:
            return exc.as_result()
        return ChallengeDeleted(id=strawberry.ID(cid))

    @strawberry.mutation(
        description="Record every target reached and not yet recorded (admins); this also "
        "happens after each write that can move a value."
    )
    async def evaluate_challenges(self, info: GqlInfo) -> ChallengeEvaluation:
        await check_write(info, "Challenge", {})
        made = await p.evaluate(info.context.store)
        return ChallengeEvaluation(
            reached=[
                ChallengeReached(
                    challenge_id=strawberry.ID(r.challenge_id),
                    partner_id=strawberry.ID(r.partner_id),
                    value=r.value,
                )
                for r in made
            ]
        )
