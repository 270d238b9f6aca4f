"""Each goal of a partner projected to its deadline from the forecast of its group."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph_api.forecast.facts import DealFact
from graph_api.forecast.model import (
    WON,
    Context,
    GroupForecast,
    add_expected,
    expected_close,
    is_open_at,
    scaled,
)
from graph_api.values import as_date


@dataclass(frozen=True)
class GoalProjection:
    goal_id: str
    metric: str
    target: float
    period_start: dt.date
    period_end: dt.date
    actual: float
    projected: float | None
    method: str

    @property
    def attainment(self) -> float | None:
        if self.projected is None or not self.target:
            return None
        return self.projected / self.target

    @property
    def at_risk(self) -> bool | None:
        return None if self.projected is None else self.projected < self.target


def project_goal(
    goal: Mapping[str, Any],
    partner_id: str,
    deals: list[DealFact],
    group: GroupForecast,
    ctx: Context,
) -> GoalProjection:
    """Value reached before the cutoff, plus: for won value and won deals, the calibrated
    expectation of the partner's pipeline expected to close by the deadline; for the
    other metrics, the pace so far kept up to the deadline."""
    start = as_date(goal["periodStart"])
    end = as_date(goal["periodEnd"])
    assert start is not None and end is not None
    metric = str(goal["metric"])
    target = float(goal.get("target") or 0.0)
    last = min(end, ctx.cutoff - dt.timedelta(days=1))
    mine = [d for d in deals if partner_id in d.partner_ids]
    won = [d for d in mine if d.stage == WON and d.closed is not None and start <= d.closed <= last]
    if metric == "won_value":
        actual = sum(d.amount for d in won)
    elif metric == "deals_won":
        actual = float(len(won))
    elif metric == "pipeline_value":
        actual = sum(
            d.amount
            for d in mine
            if d.created is not None and start <= d.created <= last and is_open_at(d, ctx.cutoff)
        )
    else:
        actual = float(goal.get("actual") or 0.0)
    if metric in ("won_value", "deals_won"):
        window_start = max(start, ctx.cutoff)
        extra: float | None = 0.0
        for deal in mine:
            if deal.id not in group.deal_probabilities:
                continue
            close = expected_close(deal, ctx)
            close = ctx.cutoff if close is None or close < ctx.cutoff else close
            if not window_start <= close <= end:
                continue
            extra = add_expected(
                extra,
                scaled(group.deal_probabilities[deal.id], ctx.close_rate),
                deal.amount if metric == "won_value" else 1.0,
            )
        projected = None if extra is None else actual + extra
        method = "calibrated pipeline"
    else:
        elapsed = (last - start).days + 1
        total = (end - start).days + 1
        projected = actual * total / elapsed if elapsed > 0 else None
        method = "pace"
    return GoalProjection(
        goal_id=str(goal["id"]),
        metric=metric,
        target=target,
        period_start=start,
        period_end=end,
        actual=round(actual, 2),
        projected=None if projected is None else round(projected, 2),
        method=method,
    )
