"""The forecast model: pure functions over the deals, partners and goals the
statement returns, so the API and the backtest compute the same figures.

The forecast stands at a cutoff day (the forecast's ``from``). History is
every credited deal closed before the cutoff; the pipeline is every credited
deal created before the cutoff and not closed before it (a deal that closed on
or after the cutoff counts as open, its stage unknown: that is how the
backtest hides what it forecasts). See README "Forecast" for the method.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from graph_api.forecast.facts import DealFact, PartnerFact
from graph_api.vocabulary import OPEN_STAGES

# Pseudo-deals of prior weight: a partner with n closed deals gets n / (n + K) of
# its own rate and K / (n + K) of its tier's.
PRIOR_STRENGTH = 10.0
# Fewer closed deals than this in the history, a tier or a stage: not enough to
# learn a rate from; the answer says so and falls back (tier -> global -> none).
MIN_CLOSED_DEALS = 5
STALE_QUANTILE = 0.9  # open deals older than this quantile of past sales cycles are stale
WON = "won"
CLOSED = ("won", "lost")


# -- history ---------------------------------------------------------------------------


def is_history(deal: DealFact, cutoff: dt.date) -> bool:
    return deal.stage in CLOSED and deal.closed is not None and deal.closed < cutoff


def is_open_at(deal: DealFact, cutoff: dt.date) -> bool:
    if deal.created is not None and deal.created >= cutoff:
        return False
    if deal.stage in CLOSED:
        return deal.closed is not None and deal.closed >= cutoff
    return deal.stage in OPEN_STAGES


def stage_at(deal: DealFact) -> str | None:
    """The deal's stage at the cutoff when known: its stage now, if it is still open."""
    return deal.stage if deal.stage in OPEN_STAGES else None


@dataclass(frozen=True)
class Rate:
    won: int
    closed: int

    @property
    def value(self) -> float | None:
        return self.won / self.closed if self.closed else None

    @property
    def enough(self) -> bool:
        return self.closed >= MIN_CLOSED_DEALS


def rate_of(deals: Iterable[DealFact]) -> Rate:
    closed = [d for d in deals]
    return Rate(won=sum(1 for d in closed if d.stage == WON), closed=len(closed))


@dataclass(frozen=True)
class StageProbability:
    stage: str
    probability: float | None
    source: str  # learned, configured, overall (the history's win rate), none
    closed_deals: int  # closed deals of the history recorded at this stage


def stage_probabilities(
    history: list[DealFact],
    paths: Mapping[str, set[str]],
    configured: Mapping[str, float] | None = None,
) -> dict[str, StageProbability]:
    """Per open stage: the configured value, else won / closed among the history's
    deals recorded at that stage, else (fewer than MIN_CLOSED_DEALS of them) the
    history's overall win rate, else none."""
    overall = rate_of(history)
    result = {}
    for stage in OPEN_STAGES:
        at_stage = [d for d in history if stage in paths.get(d.id, ())]
        rate = rate_of(at_stage)
        if configured is not None and stage in configured:
            result[stage] = StageProbability(stage, configured[stage], "configured", rate.closed)
        elif rate.enough:
            result[stage] = StageProbability(stage, rate.value, "learned", rate.closed)
        elif overall.enough:
            result[stage] = StageProbability(stage, overall.value, "overall", rate.closed)
        else:
            result[stage] = StageProbability(stage, None, "none", rate.closed)
    return result


@dataclass(frozen=True)
class Calibration:
    partner_id: str
    own: Rate
    prior: float | None
    prior_source: str  # tier, global or none
    probability: float | None


def calibrate(
    partners: list[PartnerFact], history: list[DealFact]
) -> tuple[dict[str, Calibration], Rate]:
    """Each partner's win probability: (won + K * prior) / (closed + K), with K =
    PRIOR_STRENGTH and the prior its tier's win rate (the global one when the tier
    has fewer than MIN_CLOSED_DEALS closed deals, none when the history has)."""
    overall = rate_of(history)
    tier_of = {p.id: p.tier for p in partners}
    by_tier: dict[str | None, list[DealFact]] = {}
    by_partner: dict[str, list[DealFact]] = {}
    for deal in history:
        for tier in {tier_of.get(pid) for pid in deal.partner_ids if pid in tier_of}:
            by_tier.setdefault(tier, []).append(deal)
        for pid in deal.partner_ids:
            by_partner.setdefault(pid, []).append(deal)
    tier_rates = {tier: rate_of(deals) for tier, deals in by_tier.items()}
    result = {}
    for partner in partners:
        own = rate_of(by_partner.get(partner.id, []))
        tier_rate = tier_rates.get(partner.tier)
        if tier_rate is not None and tier_rate.enough and partner.tier is not None:
            prior, source = tier_rate.value, "tier"
        elif overall.enough:
            prior, source = overall.value, "global"
        else:
            prior, source = None, "none"
        probability = (
            None
            if prior is None
            else (own.won + PRIOR_STRENGTH * prior) / (own.closed + PRIOR_STRENGTH)
        )
        result[partner.id] = Calibration(partner.id, own, prior, source, probability)
    return result, overall


def cycle_days(history: list[DealFact]) -> list[int]:
    return sorted(
        (d.closed - d.created).days
        for d in history
        if d.closed is not None and d.created is not None and d.closed >= d.created
    )


def quantile(values: list[int], q: float) -> int | None:
    """The nearest-rank quantile of sorted values; None when empty."""
    if not values:
        return None
    index = min(len(values) - 1, max(0, int(-(-q * len(values) // 1)) - 1))
    return values[index]


# -- months, trend ---------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The calendar months touching [start, end], each clipped to it."""
    result = []
    first = start.replace(day=1)
    while first <= end:
        last = add_months(first, 1) - dt.timedelta(days=1)
        result.append((max(first, start), min(last, end)))
        first = add_months(first, 1)
    return result


@dataclass(frozen=True)
class Quarter:
    start: dt.date
    end: dt.date
    won_value: float
    won_deals: int


@dataclass(frozen=True)
class Trend:
    quarters: list[Quarter]
    slope: float | None  # won value per quarter, least squares
    intercept: float | None  # fitted value of the oldest quarter

    def per_month(self, months_ahead: float) -> float | None:
        """Fitted won value per month, ``months_ahead`` months after the cutoff (the
        middle of the first forecast month is 0.5), never below 0."""
        if self.slope is None or self.intercept is None:
            return None
        x = len(self.quarters) - 0.5 + months_ahead / 3
        return max(0.0, (self.intercept + self.slope * x) / 3)


def trend(deals: list[DealFact], cutoff: dt.date, quarters: int) -> Trend:
    """Won value of the ``quarters`` three-month spans before the cutoff, oldest first,
    and its least-squares line over quarter index 0..N-1 (x at the span's middle)."""
    spans = []
    for k in range(quarters, 0, -1):
        spans.append(
            (months_back(cutoff, 3 * k), months_back(cutoff, 3 * (k - 1)) - dt.timedelta(days=1))
        )
    rows = []
    for start, end in spans:
        won = [
            d for d in deals if d.stage == WON and d.closed is not None and start <= d.closed <= end
        ]
        rows.append(Quarter(start, end, round(sum(d.amount for d in won), 2), len(won)))
    values = [q.won_value for q in rows]
    if not values:
        return Trend(rows, None, None)
    if len(values) == 1:
        return Trend(rows, 0.0, values[0])
    xs = list(range(len(values)))
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(values)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, values, strict=True)) / sxx
    return Trend(rows, slope, mean_y - slope * mean_x)


def months_back(day: dt.date, months: int) -> dt.date:
    """``day`` moved back ``months`` calendar months (forward when negative), its day of
    the month clipped to the month's end."""
    first = add_months(day, -months)
    last = add_months(first, 1) - dt.timedelta(days=1)
    return first.replace(day=min(day.day, last.day))


# -- the forecast of one group ---------------------------------------------------------


@dataclass
class MonthFigures:
    start: dt.date
    end: dt.date
    open_deals: int = 0
    open_pipeline: float = 0.0
    weighted: float | None = 0.0
    expected: float | None = 0.0
    expected_deals: float | None = 0.0
    run_rate: float | None = None


@dataclass
class GroupForecast:
    key: str
    name: str | None
    partner_ids: list[str]
    history: Rate
    calibrated: float | None
    prior: float | None
    prior_source: str
    months: list[MonthFigures]
    overdue_deals: int
    overdue_value: float
    stale_deals: int
    stale_value: float
    trend: Trend
    notes: list[str] = field(default_factory=list)
    deal_probabilities: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What every group's forecast shares: the cutoff, the learned values."""

    cutoff: dt.date
    end: dt.date
    stages: dict[str, StageProbability]
    calibration: dict[str, Calibration]
    overall: Rate
    median_cycle: int | None
    stale_after: int | None
    close_rate: float  # share of deals that close at all (1.0 when unknown)
    close_cohort: int  # deals it was learned from
    quarters: int


def build_context(
    partners: list[PartnerFact],
    deals: list[DealFact],
    paths: Mapping[str, set[str]],
    cutoff: dt.date,
    end: dt.date,
    quarters: int,
    configured: Mapping[str, float] | None = None,
) -> Context:
    history = [d for d in deals if is_history(d, cutoff)]
    calibration, overall = calibrate(partners, history)
    cycles = cycle_days(history)
    stale_after = quantile(cycles, STALE_QUANTILE)
    rate, cohort = close_rate(deals, cutoff, stale_after)
    return Context(
        cutoff=cutoff,
        end=end,
        stages=stage_probabilities(history, paths, configured),
        calibration=calibration,
        overall=overall,
        median_cycle=int(statistics.median(cycles)) if cycles else None,
        stale_after=stale_after,
        close_rate=rate,
        close_cohort=cohort,
        quarters=quarters,
    )


def close_rate(
    deals: list[DealFact], cutoff: dt.date, stale_after: int | None
) -> tuple[float, int]:
    """Of the credited deals created long enough before the cutoff to have closed
    (more than ``stale_after`` days), the share that closed before it: an open deal
    closes at all with this probability. 1.0 with fewer than MIN_CLOSED_DEALS of them."""
    if stale_after is None:
        return 1.0, 0
    limit = cutoff - dt.timedelta(days=stale_after)
    cohort = [d for d in deals if d.created is not None and d.created < limit]
    cohort = [d for d in cohort if is_history(d, cutoff) or is_open_at(d, cutoff)]
    if len(cohort) < MIN_CLOSED_DEALS:
        return 1.0, len(cohort)
    return sum(1 for d in cohort if is_history(d, cutoff)) / len(cohort), len(cohort)


def expected_close(deal: DealFact, ctx: Context) -> dt.date | None:
    """The deal's own close date while it is in the future of the cutoff (an open deal's
    expected close), else its creation plus the history's median sales cycle."""
    if deal.stage in OPEN_STAGES and deal.closed is not None:
        return deal.closed
    if deal.created is not None and ctx.median_cycle is not None:
        return deal.created + dt.timedelta(days=ctx.median_cycle)
    return None


def deal_probability(deal: DealFact, members: set[str], ctx: Context) -> float | None:
    """The mean calibrated win probability of the group's partners credited on it."""
    rates = [
        ctx.calibration[pid].probability
        for pid in deal.partner_ids
        if pid in members and pid in ctx.calibration
    ]
    known = [r for r in rates if r is not None]
    return statistics.fmean(known) if known and len(known) == len(rates) else None


def forecast_group(
    key: str, name: str | None, members: set[str], deals: list[DealFact], ctx: Context
) -> GroupForecast:
    mine = [d for d in deals if members.intersection(d.partner_ids)]
    history = rate_of(d for d in mine if is_history(d, ctx.cutoff))
    spans = months_between(ctx.cutoff, ctx.end)
    # Unknown rates make the month's figure unknown, not 0.
    weighted = 0.0 if all(s.probability is not None for s in ctx.stages.values()) else None
    calibrated = 0.0 if ctx.overall.enough else None
    months = [
        MonthFigures(start, end, 0, 0.0, weighted, calibrated, calibrated) for start, end in spans
    ]
    notes: list[str] = []
    overdue = stale = 0
    overdue_value = stale_value = 0.0
    probabilities: dict[str, float | None] = {}
    for deal in mine:
        if not is_open_at(deal, ctx.cutoff):
            continue
        age = (ctx.cutoff - deal.created).days if deal.created is not None else None
        close = expected_close(deal, ctx)
        explicit = deal.stage in OPEN_STAGES and deal.closed is not None
        too_old = age is not None and ctx.stale_after is not None and age > ctx.stale_after
        if too_old and not explicit:
            stale += 1
            stale_value += deal.amount
            continue
        p = deal_probability(deal, members, ctx)
        probabilities[deal.id] = p
        if close is None or close > ctx.end:
            continue
        if close < ctx.cutoff:
            overdue += 1
            overdue_value += deal.amount
            close = ctx.cutoff
        month = next(m for m in months if m.start <= close <= m.end)
        month.open_deals += 1
        month.open_pipeline += deal.amount
        stage = stage_at(deal)
        stage_p = ctx.stages[stage].probability if stage is not None else ctx.overall.value
        if stage is None and not ctx.overall.enough:
            stage_p = None
        closes = ctx.close_rate
        month.weighted = add_expected(month.weighted, scaled(stage_p, closes), deal.amount)
        month.expected = add_expected(month.expected, scaled(p, closes), deal.amount)
        month.expected_deals = add_expected(month.expected_deals, scaled(p, closes), 1.0)
    line = trend(mine, ctx.cutoff, ctx.quarters)
    for index, month in enumerate(months):
        month.run_rate = line.per_month(index + 0.5)
        month.open_pipeline = round(month.open_pipeline, 2)
        month.weighted = None if month.weighted is None else round(month.weighted, 2)
        month.expected = None if month.expected is None else round(month.expected, 2)
        month.run_rate = None if month.run_rate is None else round(month.run_rate, 2)
    if not ctx.overall.enough:
        notes.append(
            f"too few closed deals before {ctx.cutoff.isoformat()} ({ctx.overall.closed}; "
            f"at least {MIN_CLOSED_DEALS} needed) to learn win rates: weighted and "
            "calibrated figures are null"
        )
    if history.closed < PRIOR_STRENGTH:
        notes.append(
            f"only {history.closed} closed deal(s) of its own: its calibrated rate leans on "
            "its prior"
        )
    calibration = ctx.calibration.get(key) if members == {key} else None
    return GroupForecast(
        key=key,
        name=name,
        partner_ids=sorted(members),
        history=history,
        calibrated=calibration.probability if calibration else None,
        prior=calibration.prior if calibration else None,
        prior_source=calibration.prior_source if calibration else "none",
        months=months,
        overdue_deals=overdue,
        overdue_value=round(overdue_value, 2),
        stale_deals=stale,
        stale_value=round(stale_value, 2),
        trend=line,
        notes=notes,
        deal_probabilities=probabilities,
    )


def scaled(probability: float | None, factor: float) -> float | None:
    """A probability times a factor; unknown stays unknown."""
    return None if probability is None else probability * factor


def add_expected(total: float | None, probability: float | None, amount: float) -> float | None:
    """A running expected value plus one deal's; unknown makes the total unknown."""
    if total is None or probability is None:
        return None
    return total + probability * amount
