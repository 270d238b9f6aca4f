"""The ``forecast`` root field: one statement, then the model of graph_api/forecast/model.py."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph_api.errors import InvalidArgument, LimitExceeded
from graph_api.forecast import facts, goals, model
from graph_api.forecast.statements import FORECAST_HISTORY
from graph_api.forecast.types import (
    Forecast,
    ForecastGroup,
    ForecastGrouping,
    ForecastHistory,
    ForecastMonth,
    GoalProjection,
    RunRateTrend,
    StageProbability,
    StageProbabilityInput,
)
from graph_api.intelligence.common import FromArg, ToArg, check_count, check_id, check_period
from graph_api.reading import GqlInfo
from graph_api.vocabulary import OPEN_STAGES

MAX_MONTHS = 36
MAX_QUARTERS = 12
DEFAULT_QUARTERS = 4


def configured_stages(values: list[StageProbabilityInput] | None) -> dict[str, float] | None:
    """The request's stage probabilities: open stages, each once, each in 0..1."""
    if values is None:
        return None
    result: dict[str, float] = {}
    for index, item in enumerate(values):
        stage = item.stage.value
        where = f"stageProbabilities[{index}]"
        if stage not in OPEN_STAGES:
            raise InvalidArgument(f"{where}: {stage} is not an open stage", argument=where)
        if stage in result:
            raise InvalidArgument(f"{where}: {stage} is given twice", argument=where)
        if not 0.0 <= item.probability <= 1.0:
            raise InvalidArgument(f"{where}: probability must be in 0..1", argument=where)
        result[stage] = item.probability
    return result


def check_window(start: dt.date, end: dt.date) -> None:
    months = len(model.months_between(start, end))
    if months > MAX_MONTHS:
        raise LimitExceeded(
            "forecast_months",
            f"the forecast spans {months} months; the most allowed is {MAX_MONTHS}",
            maximum=MAX_MONTHS,
        )


def groups_of(
    group_by: ForecastGrouping,
    partners: list[facts.PartnerFact],
    subject: facts.PartnerFact | None,
    program_names: dict[str, str | None],
) -> list[tuple[str, str | None, set[str]]]:
    """(key, name, member ids) per group, over the partners the caller may see; with a
    subject partner, only the groups it belongs to."""
    if group_by is ForecastGrouping.PARTNER:
        chosen = [subject] if subject is not None else partners
        return [(p.id, p.name, {p.id}) for p in chosen]
    keys: dict[str, set[str]] = {}
    for p in partners:
        if group_by is ForecastGrouping.TIER:
            values: tuple[str | None, ...] = (p.tier,)
        elif group_by is ForecastGrouping.REGION:
            values = (p.region,)
        else:
            values = p.programs
        for value in values:
            if value is not None:
                keys.setdefault(value, set()).add(p.id)
    if subject is not None:
        mine = {
            ForecastGrouping.TIER: (subject.tier,),
            ForecastGrouping.REGION: (subject.region,),
            ForecastGrouping.PROGRAM: subject.programs,
        }[group_by]
        keys = {k: v for k, v in keys.items() if k in mine}
    names = program_names if group_by is ForecastGrouping.PROGRAM else {}
    return [(key, names.get(key), members) for key, members in sorted(keys.items())]


async def forecast(
    info: GqlInfo,
    from_: FromArg,
    to: ToArg,
    partner_id: Annotated[
        strawberry.ID | None,
        strawberry.argument(
            description="The partner to forecast, or whose tier, region or programs to "
            "forecast; omitted, every group you may see."
        ),
    ] = None,
    group_by: Annotated[
        ForecastGrouping, strawberry.argument(description="What each group covers.")
    ] = ForecastGrouping.PARTNER,
    quarters: Annotated[
        int | None,
        strawberry.argument(description="Quarters of run-rate history (1 to 12, default 4)."),
    ] = DEFAULT_QUARTERS,
    stage_probabilities: Annotated[
        list[StageProbabilityInput] | None,
        strawberry.argument(
            description="Probabilities for open stages, instead of the learned ones; stages "
            "left out keep theirs."
        ),
    ] = None,
) -> Forecast | None:
    ctx = info.context
    start, end = check_period(from_, to)
    check_window(start, end)
    spans = check_count(
        DEFAULT_QUARTERS if quarters is None else quarters, "quarters", MAX_QUARTERS
    )
    configured = configured_stages(stage_probabilities)
    subject_id = check_id(partner_id, "partnerId") if partner_id is not None else None
    goal_partner = subject_id if group_by is ForecastGrouping.PARTNER else None
    row = await ctx.store.read_one(
        FORECAST_HISTORY,
        goalPartnerId=goal_partner,
        asOf=start - dt.timedelta(days=1),
        **{"from": start},
    )
    assert row is not None
    everyone = facts.partners_from(row["partners"])
    visible = [p for p in everyone if ctx.scope is None or p.id in ctx.scope]
    subject = next((p for p in visible if p.id == subject_id), None)
    if subject_id is not None and subject is None:
        return None  # missing, or not the caller's: the same answer
    deals = facts.deals_from(row["deals"])
    learned = model.build_context(
        everyone,
        deals,
        facts.stage_paths(row["stageChanges"]),
        start,
        end,
        spans,
        configured,
    )
    program_names = {
        str(g["id"]): g.get("name") for r in row["partners"] for g in r.get("programs") or []
    }
    groups = []
    for key, name, members in groups_of(group_by, visible, subject, program_names):
        result = model.forecast_group(key, name, members, deals, learned)
        projections = (
            [goals.project_goal(g, key, deals, result, learned) for g in row["goals"]]
            if goal_partner is not None
            else []
        )
        groups.append(_group(result, projections))
    return Forecast(
        from_=start,
        to=end,
        group_by=group_by,
        history=ForecastHistory(
            closed_deals=learned.overall.closed,
            won_deals=learned.overall.won,
            win_rate=_round(learned.overall.value),
            enough=learned.overall.enough,
            median_cycle_days=learned.median_cycle,
            stale_after_days=learned.stale_after,
            close_rate=round(learned.close_rate, 6),
            close_rate_deals=learned.close_cohort,
        ),
        stage_probabilities=[StageProbability.of(learned.stages[s]) for s in OPEN_STAGES],
        groups=groups,
        notes=_notes(learned),
    )


def _group(result: model.GroupForecast, projections: list[goals.GoalProjection]) -> ForecastGroup:
    return ForecastGroup(
        key=result.key,
        name=result.name,
        partners=len(result.partner_ids),
        closed_deals=result.history.closed,
        won_deals=result.history.won,
        win_rate=_round(result.history.value),
        calibrated_win_rate=_round(result.calibrated),
        prior_win_rate=_round(result.prior),
        prior_source=result.prior_source,
        months=[ForecastMonth.of(m) for m in result.months],
        overdue_deals=result.overdue_deals,
        overdue_value=result.overdue_value,
        stale_deals=result.stale_deals,
        stale_value=result.stale_value,
        run_rate=RunRateTrend.of(result.trend),
        goals=[GoalProjection.of(g) for g in projections],
        notes=result.notes,
    )


def _notes(learned: model.Context) -> list[str]:
    notes = []
    if not learned.overall.enough:
        notes.append(
            f"only {learned.overall.closed} credited deal(s) closed before "
            f"{learned.cutoff.isoformat()}; at least {model.MIN_CLOSED_DEALS} are needed to "
            "learn win rates, so weighted and calibrated figures are null"
        )
    fallback = [s.stage for s in learned.stages.values() if s.source == "overall"]
    if fallback:
        notes.append(
            "too few closed deals were recorded at stage(s) "
            + ", ".join(fallback)
            + " to learn their probability; the overall win rate stands in"
        )
    if learned.median_cycle is None:
        notes.append("no closed deal has both dates: open deals without a close date are left out")
    return notes


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


@strawberry.type
class ForecastQuery:
    forecast = strawberry.field(
        resolver=forecast,
        description="Expected closes per month of [from, to] for a partner, or a tier, region "
        "or program: open, stage-weighted and calibrated pipeline, the run-rate trend and "
        "the partner's goals at their deadlines. Learned from deals closed before `from`; "
        'see README "Forecast".',
    )
