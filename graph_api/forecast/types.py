"""Result and argument types of the ``forecast`` field."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry

from graph_api.forecast import goals, model
from graph_api.vocabulary import DealStage


@strawberry.enum(description="What one forecast group covers.")
class ForecastGrouping(Enum):
    PARTNER = strawberry.enum_value("partner", description="One partner.")
    TIER = strawberry.enum_value("tier", description="The partners of one tier.")
    REGION = strawberry.enum_value("region", description="The partners of one region.")
    PROGRAM = strawberry.enum_value(
        "program", description="The partners holding a partnership in one program."
    )


@strawberry.enum(description="Where a stage's probability comes from.")
class StageProbabilitySource(Enum):
    LEARNED = strawberry.enum_value(
        "learned", description="Won / closed among past deals recorded at this stage."
    )
    CONFIGURED = strawberry.enum_value("configured", description="Given in the request.")
    OVERALL = strawberry.enum_value(
        "overall",
        description="Too few closed deals were recorded at this stage: the history's overall "
        "win rate.",
    )
    NONE = strawberry.enum_value("none", description="Too few closed deals to say.")


@strawberry.input(description="A probability for one open stage, instead of the learned one.")
class StageProbabilityInput:
    stage: DealStage = strawberry.field(description="An open stage (not WON or LOST).")
    probability: float = strawberry.field(description="Chance a deal at it is won, 0 to 1.")


@strawberry.type(description="How likely a deal at an open stage is to be won.")
class StageProbability:
    stage: DealStage = strawberry.field(description="The open stage.")
    probability: float | None = strawberry.field(description="0 to 1; null when unknown.")
    source: StageProbabilitySource = strawberry.field(description="Where it comes from.")
    closed_deals: int = strawberry.field(
        description="Closed deals of the history that the change log shows at this stage."
    )

    @classmethod
    def of(cls, value: model.StageProbability) -> StageProbability:
        return cls(
            stage=DealStage(value.stage),
            probability=_rate(value.probability),
            source=StageProbabilitySource(value.source),
            closed_deals=value.closed_deals,
        )


@strawberry.type(description="The closed deals the forecast learns from.")
class ForecastHistory:
    closed_deals: int = strawberry.field(description="Credited deals closed before `from`.")
    won_deals: int = strawberry.field(description="Of them, won.")
    win_rate: float | None = strawberry.field(description="won / closed; null with none.")
    enough: bool = strawberry.field(
        description="At least 5 closed deals: enough to learn win rates from."
    )
    median_cycle_days: int | None = strawberry.field(
        description="Median days from creation to close: an open deal without a close "
        "date is expected to close this long after its creation."
    )
    close_rate: float = strawberry.field(
        description="Of the deals created more than staleAfterDays before `from`, the share "
        "that closed before it: the chance an open deal closes at all, applied to the "
        "weighted and calibrated figures (1 when fewer than 5 such deals)."
    )
    close_rate_deals: int = strawberry.field(description="The deals closeRate was learned from.")
    stale_after_days: int | None = strawberry.field(
        description="90th percentile of those days: an open deal without a close date "
        "that is older is stale and not expected to close."
    )


@strawberry.type(description="One month of expected close.")
class ForecastMonth:
    month: str = strawberry.field(description="The month, YYYY-MM.")
    start: dt.date = strawberry.field(description="First day counted (clipped to `from`).")
    end: dt.date = strawberry.field(description="Last day counted (clipped to `to`).")
    open_deals: int = strawberry.field(description="Open deals expected to close in it.")
    open_pipeline: float = strawberry.field(description="Their amounts.")
    weighted_pipeline: float | None = strawberry.field(
        description="Sum of amount x the probability of the deal's stage x closeRate; null "
        "when unknown."
    )
    calibrated_expectation: float | None = strawberry.field(
        description="Sum of amount x the calibrated win rate of the deal's partners in the "
        "group x closeRate."
    )
    expected_wins: float | None = strawberry.field(
        description="Sum of the calibrated win rates: the number of wins expected."
    )
    run_rate: float | None = strawberry.field(
        description="Won value per month on the run-rate trend line, extended."
    )

    @classmethod
    def of(cls, m: model.MonthFigures) -> ForecastMonth:
        return cls(
            month=m.start.strftime("%Y-%m"),
            start=m.start,
            end=m.end,
            open_deals=m.open_deals,
            open_pipeline=m.open_pipeline,
            weighted_pipeline=m.weighted,
            calibrated_expectation=m.expected,
            expected_wins=None if m.expected_deals is None else round(m.expected_deals, 6),
            run_rate=m.run_rate,
        )


@strawberry.type(description="Won value of one three-month span before `from`.")
class RunRateQuarter:
    start: dt.date = strawberry.field(description="First day.")
    end: dt.date = strawberry.field(description="Last day.")
    won_value: float = strawberry.field(description="Won value closed in it.")
    won_deals: int = strawberry.field(description="Won deals closed in it.")


@strawberry.type(description="Won value over the last quarters before `from`, with its trend.")
class RunRateTrend:
    quarters: list[RunRateQuarter] = strawberry.field(description="Oldest first.")
    slope_per_quarter: float | None = strawberry.field(
        description="Least-squares slope: won value gained (or lost) per quarter."
    )
    per_month: float | None = strawberry.field(
        description="The latest quarter's fitted value divided by 3."
    )

    @classmethod
    def of(cls, t: model.Trend) -> RunRateTrend:
        fitted = t.per_month(-1.5)
        return cls(
            quarters=[
                RunRateQuarter(
                    start=q.start, end=q.end, won_value=q.won_value, won_deals=q.won_deals
                )
                for q in t.quarters
            ],
            slope_per_quarter=None if t.slope is None else round(t.slope, 2),
            per_month=None if fitted is None else round(fitted, 2),
        )


@strawberry.type(description="Where one of the partner's goals is heading by its deadline.")
class GoalProjection:
    goal_id: strawberry.ID = strawberry.field(description="Id of the goal.")
    metric: str = strawberry.field(description="What it measures (GoalMetric value).")
    target: float = strawberry.field(description="The value to reach.")
    period_start: dt.date = strawberry.field(description="First day of the goal.")
    period_end: dt.date = strawberry.field(description="Its deadline.")
    actual: float = strawberry.field(description="Reached in the goal's period before `from`.")
    projected: float | None = strawberry.field(
        description="Expected at the deadline; null when the data cannot say."
    )
    attainment: float | None = strawberry.field(description="projected / target.")
    at_risk: bool | None = strawberry.field(description="projected falls short of the target.")
    method: str = strawberry.field(
        description="`calibrated pipeline` (won value and deals) or `pace` (the rest)."
    )

    @classmethod
    def of(cls, g: goals.GoalProjection) -> GoalProjection:
        return cls(
            goal_id=strawberry.ID(g.goal_id),
            metric=g.metric,
            target=g.target,
            period_start=g.period_start,
            period_end=g.period_end,
            actual=g.actual,
            projected=g.projected,
            attainment=_rate(g.attainment),
            at_risk=g.at_risk,
            method=g.method,
        )


@strawberry.type(description="The forecast of one partner, tier, region or program.")
class ForecastGroup:
    key: str = strawberry.field(description="Partner id, tier, region or program id.")
    name: str | None = strawberry.field(description="Partner or program name.")
    partners: int = strawberry.field(description="Partners it covers (within your scope).")
    closed_deals: int = strawberry.field(description="Its deals closed before `from`.")
    won_deals: int = strawberry.field(description="Of them, won.")
    win_rate: float | None = strawberry.field(description="Its own won / closed.")
    calibrated_win_rate: float | None = strawberry.field(
        description="A partner's win rate shrunk toward its prior: (won + 10 x prior) / "
        "(closed + 10); null for groups of several partners."
    )
    prior_win_rate: float | None = strawberry.field(
        description="The prior: the partner's tier's win rate, or the global one."
    )
    prior_source: str = strawberry.field(description="`tier`, `global` or `none`.")
    months: list[ForecastMonth] = strawberry.field(description="Per month of expected close.")
    overdue_deals: int = strawberry.field(
        description="Open deals expected before `from`, counted in the first month."
    )
    overdue_value: float = strawberry.field(description="Their amounts.")
    stale_deals: int = strawberry.field(
        description="Open deals older than the history's 90th-percentile sales cycle and "
        "without a close date: left out."
    )
    stale_value: float = strawberry.field(description="Their amounts.")
    run_rate: RunRateTrend = strawberry.field(description="Won value trend before `from`.")
    goals: list[GoalProjection] = strawberry.field(
        description="The partner's goals running at `from` (PARTNER groups only)."
    )
    notes: list[str] = strawberry.field(description="What the data could not tell.")


@strawberry.type(description="Expected closes per month, from the data's own history.")
class Forecast:
    from_: dt.date = strawberry.field(
        name="from", description="First day of the forecast; history is what closed before it."
    )
    to: dt.date = strawberry.field(description="Last day of the forecast.")
    group_by: ForecastGrouping = strawberry.field(description="What each group covers.")
    history: ForecastHistory = strawberry.field(description="What was learned from.")
    stage_probabilities: list[StageProbability] = strawberry.field(
        description="Per open stage, as applied to the weighted pipeline."
    )
    groups: list[ForecastGroup] = strawberry.field(description="One per partner, tier, ….")
    notes: list[str] = strawberry.field(description="What the data could not tell.")


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 6)
