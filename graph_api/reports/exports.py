"""The CSV exports of the dashboard, the leaderboard and the forecast.

Each export is a GraphQL document of the public schema and a function that turns
one result into rows. They run through the schema (graph_api/reports/running.py),
so the fields' own argument checks, limits and scope rules apply unchanged. The
leaderboard is read page by page, so a long one is written as it is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

LEADERBOARD_PAGE = 100  # the largest page `entries(first:)` allows

DASHBOARD = """
query ($partnerId: ID!, $from: Date!, $to: Date!) {
  report: partnerDashboard(partnerId: $partnerId, from: $from, to: $to) {
    partner { id name }
    registeredDeals wonValue wonDeals winRate leads convertedLeads leadConversionRate
    attributedRevenue earnings
    pipeline { stage count value }
    outcomes { stage count value }
  }
}
"""

LEADERBOARD = """
query ($metric: LeaderboardMetric!, $from: Date!, $to: Date!, $first: Int!, $after: String) {
  report: leaderboard(metric: $metric, from: $from, to: $to) {
    entries(first: $first, after: $after) {
      edges { node { rank tied label partner { id } value isYou } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
"""

FORECAST = """
query ($partnerId: ID, $from: Date!, $to: Date!) {
  report: forecast(partnerId: $partnerId, from: $from, to: $to) {
    groups {
      key name
      months {
        month openDeals openPipeline weightedPipeline calibratedExpectation expectedWins runRate
      }
    }
  }
}
"""


def cell(value: Any) -> str:
    """A CSV cell: empty for null, ISO for dates, as printed otherwise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def dashboard_rows(report: dict[str, Any]) -> Iterator[list[str]]:
    figures = (
        "registeredDeals",
        "wonValue",
        "wonDeals",
        "winRate",
        "leads",
        "convertedLeads",
        "leadConversionRate",
        "attributedRevenue",
        "earnings",
    )
    for name in figures:
        yield ["figure", name, "", cell(report[name])]
    for section in ("pipeline", "outcomes"):
        for bucket in report[section]:
            yield [section, "count", bucket["stage"], cell(bucket["count"])]
            yield [section, "value", bucket["stage"], cell(bucket["value"])]


def leaderboard_rows(report: dict[str, Any]) -> Iterator[list[str]]:
    for edge in report["entries"]["edges"]:
        node = edge["node"]
        partner = node["partner"] or {}
        yield [
            cell(node["rank"]),
            cell(node["tied"]),
            node["label"],
            cell(partner.get("id")),
            cell(node["value"]),
            cell(node["isYou"]),
        ]


def forecast_rows(report: dict[str, Any]) -> Iterator[list[str]]:
    for group in report["groups"]:
        for month in group["months"]:
            yield [
                group["key"],
                cell(group["name"]),
                month["month"],
                cell(month["openDeals"]),
                cell(month["openPipeline"]),
                cell(month["weightedPipeline"]),
                cell(month["calibratedExpectation"]),
                cell(month["expectedWins"]),
                cell(month["runRate"]),
            ]


@dataclass(frozen=True)
class Export:
    """One CSV export: its document, header, rows, and what it needs."""

    name: str
    document: str
    header: tuple[str, ...]
    rows: Callable[[dict[str, Any]], Iterator[list[str]]]
    needs_partner: bool  # partnerId is required (else optional)
    needs_metric: bool = False
    paged: bool = False  # `entries` pages, followed by cursor


EXPORTS: dict[str, Export] = {
    "dashboard": Export(
        "dashboard",
        DASHBOARD,
        ("section", "figure", "stage", "value"),
        dashboard_rows,
        needs_partner=True,
    ),
    "leaderboard": Export(
        "leaderboard",
        LEADERBOARD,
        ("rank", "tied", "label", "partnerId", "value", "isYou"),
        leaderboard_rows,
        needs_partner=False,
        needs_metric=True,
        paged=True,
    ),
    "forecast": Export(
        "forecast",
        FORECAST,
        (
            "group",
            "name",
            "month",
            "openDeals",
            "openPipeline",
            "weightedPipeline",
            "calibratedExpectation",
            "expectedWins",
            "runRate",
        ),
        forecast_rows,
        needs_partner=False,
    ),
}
