"""Backtest: forecast the last N months of closed deals from the history before them.

The window is the last N calendar months up to the latest close date (or N
months from a given cutoff day); everything closed on or after the cutoff is
hidden from the model, exactly as the ``forecast`` field hides it
(graph_api/forecast/model.py). Then, per partner group and month of the window,
the forecast is compared with the won value that really closed:

- MAPE: mean over the group's months with won value of |actual - forecast| /
  actual (months without won value have no percentage error and are counted
  apart). For the calibrated expectation, the run-rate trend, and the naive
  baseline: last quarter's won value / 3 every month.
- Brier score: mean (p - outcome)^2 over the deals open at the cutoff that closed
  in the window (won 1, lost 0), p the calibrated win probability of the deal's
  partners; the baseline gives every deal the history's global win rate.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import asdict, dataclass, field
from typing import Any

from graph_api.forecast import facts, model
from graph_api.forecast.statements import FORECAST_HISTORY
from graph_api.store import Store

GROUPINGS = ("partner", "tier", "region", "program")


@dataclass
class Scores:
    mape: float | None  # mean absolute percentage error, 0.25 = 25 %
    months: int  # months with won value (scored)


@dataclass
class GroupResult:
    group: str
    partners: int
    actual: float
    calibrated: float | None
    months_scored: int
    months_without_wins: int
    mape_calibrated: float | None
    mape_trend: float | None
    mape_baseline: float | None


@dataclass
class BacktestReport:
    cutoff: dt.date
    end: dt.date
    months: int
    group_by: str
    history_closed: int
    history_won: int
    groups: list[GroupResult] = field(default_factory=list)
    brier_calibrated: float | None = None
    brier_baseline: float | None = None
    brier_deals: int = 0
    mape_calibrated: float | None = None  # mean of the groups' MAPE
    mape_trend: float | None = None
    mape_baseline: float | None = None
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["cutoff"] = self.cutoff.isoformat()
        data["end"] = self.end.isoformat()
        return data


def mape(pairs: list[tuple[float, float | None]]) -> float | None:
    """Mean |actual - forecast| / actual over pairs with actual > 0; None when the
    forecast is unknown or no pair has an actual."""
    errors = []
    for actual, forecast in pairs:
        if actual <= 0:
            continue
        if forecast is None:
            return None
        errors.append(abs(actual - forecast) / actual)
    return statistics.fmean(errors) if errors else None


def brier(pairs: list[tuple[float | None, int]]) -> float | None:
    known = [(p, o) for p, o in pairs if p is not None]
    if not known or len(known) != len(pairs):
        return None
    return statistics.fmean((p - o) ** 2 for p, o in known)


def window(
    deals: list[facts.DealFact], months: int, cutoff: dt.date | None
) -> tuple[dt.date, dt.date]:
    """[cutoff, end]: ``months`` calendar months ending with the latest close date's
    month; with a cutoff, ``months`` months from it (never past the latest close)."""
    closes = [d.closed for d in deals if d.stage in model.CLOSED and d.closed is not None]
    if not closes:
        raise ValueError("no credited deal has closed: there is nothing to backtest")
    last = max(closes)
    start = cutoff or model.add_months(last, -(months - 1))
    if start > last:
        raise ValueError(f"the cutoff {start} is after the latest close date {last}")
    if cutoff is None:
        return start, last
    return start, min(last, model.months_back(start, -months) - dt.timedelta(days=1))


def groups_for(group_by: str, partners: list[facts.PartnerFact]) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for p in partners:
        if group_by == "partner":
            keys: tuple[str | None, ...] = (p.id,)
        elif group_by == "tier":
            keys = (p.tier,)
        elif group_by == "region":
            keys = (p.region,)
        else:
            keys = p.programs
        for key in keys:
            if key is not None:
                result.setdefault(key, set()).add(p.id)
    return result


def run_backtest(
    row: dict[str, Any],
    months: int,
    group_by: str = "tier",
    quarters: int = 4,
    cutoff: dt.date | None = None,
) -> BacktestReport:
    """The backtest over one result of the forecast statement."""
    partners = facts.partners_from(row["partners"])
    deals = facts.deals_from(row["deals"])
    start, end = window(deals, months, cutoff)
    ctx = model.build_context(
        partners, deals, facts.stage_paths(row["stageChanges"]), start, end, quarters
    )
    spans = model.months_between(start, end)
    report = BacktestReport(
        cutoff=start,
        end=end,
        months=len(spans),
        group_by=group_by,
        history_closed=ctx.overall.closed,
        history_won=ctx.overall.won,
    )
    if not ctx.overall.enough:
        report.notes.append(
            f"only {ctx.overall.closed} deal(s) closed before {start}: too few to learn from"
        )
    for key, members in sorted(groups_for(group_by, partners).items()):
        result = model.forecast_group(key, None, members, deals, ctx)
        mine = [d for d in deals if members.intersection(d.partner_ids)]
        actual = [
            sum(
                d.amount
                for d in mine
                if d.stage == model.WON and d.closed is not None and lo <= d.closed <= hi
            )
            for lo, hi in spans
        ]
        if not any(actual) and not any(m.open_deals for m in result.months):
            continue  # nothing happened in the group, nothing was expected: no score
        last_quarter = result.trend.quarters[-1].won_value / 3 if result.trend.quarters else 0.0
        scored = sum(1 for a in actual if a > 0)
        expected = [m.expected for m in result.months]
        report.groups.append(
            GroupResult(
                group=key,
                partners=len(members),
                actual=round(sum(actual), 2),
                calibrated=None
                if any(e is None for e in expected)
                else round(sum(e or 0.0 for e in expected), 2),
                months_scored=scored,
                months_without_wins=len(actual) - scored,
                mape_calibrated=mape(list(zip(actual, expected, strict=True))),
                mape_trend=mape(
                    list(zip(actual, [m.run_rate for m in result.months], strict=True))
                ),
                mape_baseline=mape([(a, last_quarter) for a in actual]),
            )
        )
    for name in ("calibrated", "trend", "baseline"):
        values = [getattr(g, f"mape_{name}") for g in report.groups]
        known = [v for v in values if v is not None]
        setattr(report, f"mape_{name}", statistics.fmean(known) if known else None)
    outcomes = [
        d
        for d in deals
        if d.stage in model.CLOSED
        and d.closed is not None
        and start <= d.closed <= end
        and d.created is not None
        and d.created < start
    ]
    everyone = {p.id for p in partners}
    report.brier_deals = len(outcomes)
    report.brier_calibrated = brier(
        [(model.deal_probability(d, everyone, ctx), int(d.stage == model.WON)) for d in outcomes]
    )
    report.brier_baseline = brier(
        [
            (ctx.overall.value if ctx.overall.enough else None, int(d.stage == model.WON))
            for d in outcomes
        ]
    )
    if not outcomes:
        report.notes.append("no deal open at the cutoff closed in the window: no Brier score")
    return report


async def backtest(
    store: Store,
    months: int,
    group_by: str = "tier",
    quarters: int = 4,
    cutoff: dt.date | None = None,
) -> BacktestReport:
    today = dt.date.today()  # no goal partner: the goal section reads nothing
    row = await store.read_one(FORECAST_HISTORY, goalPartnerId=None, asOf=today, **{"from": today})
    assert row is not None
    return run_backtest(dict(row), months, group_by, quarters, cutoff)


def render(report: BacktestReport) -> str:
    """The report as a plain-text table."""

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{100 * value:.1f}%"

    def num(value: float | None) -> str:
        return "-" if value is None else f"{value:.4f}"

    lines = [
        f"backtest: forecast {report.cutoff} .. {report.end} ({report.months} month(s)) from "
        f"{report.history_closed} deal(s) closed before it ({report.history_won} won), "
        f"by {report.group_by}",
        "",
        f"{'group':<28} {'partners':>8} {'actual':>14} {'calibrated':>14} "
        f"{'MAPE cal':>9} {'MAPE trend':>10} {'MAPE naive':>10} {'months':>7}",
    ]
    for g in report.groups:
        lines.append(
            f"{g.group[:28]:<28} {g.partners:>8} {g.actual:>14,.2f} "
            f"{'-' if g.calibrated is None else f'{g.calibrated:,.2f}':>14} "
            f"{pct(g.mape_calibrated):>9} {pct(g.mape_trend):>10} {pct(g.mape_baseline):>10} "
            f"{g.months_scored:>3}/{g.months_scored + g.months_without_wins:<3}"
        )
    lines += [
        "",
        f"mean MAPE over groups: calibrated {pct(report.mape_calibrated)}, run-rate trend "
        f"{pct(report.mape_trend)}, naive last quarter {pct(report.mape_baseline)}",
        f"Brier score over {report.brier_deals} deal(s) open at the cutoff and closed in the "
        f"window: calibrated {num(report.brier_calibrated)}, naive global win rate "
        f"{num(report.brier_baseline)} (lower is better)",
        *report.notes,
    ]
    return "\n".join(lines)
