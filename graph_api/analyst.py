"""The analyst twins in ``cypher/analyst/``, generated from the named queries.

Each twin is the statement the API sends for one field (``cypher/queries/``,
comments and all), preceded by a note saying so and by ``:param`` lines with
example values from the demo graph, so that it runs as pasted into Neo4j
Browser. Only the examples and the field named are declared here; the rest is
the query file itself, so a twin cannot drift from what the API serves.
``graph-api generate-cypher`` rewrites them. The Browser variants
(``*_graph.cypher``, returning paths) are separate statements, written by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph_api.cypher import CYPHER_DIR

SCOPE_NOTE = (
    "$scope null means every partner; a list of partner ids shows what a partner portal would see."
)


@dataclass(frozen=True)
class Twin:
    query: str  # file stem under cypher/queries/ (and cypher/analyst/)
    field: str  # the GraphQL field it serves, as a reader would call it
    params: tuple[tuple[str, str], ...]  # :param name => Cypher expression (example)
    note: str = SCOPE_NOTE


DEMO_SCOPE = ("scope", "null")

TWINS: tuple[Twin, ...] = (
    Twin(
        "change_page",
        "changes(entityId, first, after): the audit trail",
        (("entityId", "null"), DEMO_SCOPE, ("skip", "0"), ("limit", "25")),
        "Each (:Change) entry holds who (actor), when (at), which entity (entityType, "
        "entityId), the operation, the changed fields and their before/after values "
        "(JSON), and the partner ids it concerns; seq orders them.",
    ),
    Twin(
        "intel_account_overlap",
        "accountOverlap",
        (
            ("partnerId", "'partner-eurolink-distribution'"),
            ("otherPartnerId", "'partner-bluegate-networks'"),
            DEMO_SCOPE,
        ),
    ),
    Twin(
        "intel_attribution_comparison",
        "attributionComparison (models applied by the API per row)",
        (("days", "[d IN range(0, 90) | date('2024-01-01') + duration({days: d})]"), DEMO_SCOPE),
    ),
    Twin("intel_attribution_paths", "attributionPaths", (("dealId", "'deal-206'"), DEMO_SCOPE)),
    Twin(
        "intel_connection_path",
        "connectionPath",
        (
            ("fromId", "'partner-granite-peak-it'"),
            ("toId", "'deal-161'"),
            ("maxHops", "4"),
            DEMO_SCOPE,
        ),
    ),
    Twin(
        "intel_cosell_pairs",
        "coSellingPairs (no partnerId)",
        (DEMO_SCOPE, ("minSharedDeals", "1"), ("first", "20")),
    ),
    Twin(
        "intel_cosell_pairs_for_partner",
        "coSellingPairs(partnerId)",
        (
            ("partnerId", "'partner-tidal-managed-services'"),
            DEMO_SCOPE,
            ("minSharedDeals", "1"),
            ("first", "20"),
        ),
    ),
    Twin(
        "intel_cosell_recommendations",
        "coSellRecommendations",
        (("partnerId", "'partner-granite-peak-it'"), DEMO_SCOPE, ("first", "10")),
    ),
    Twin(
        "intel_deal_credit",
        "dealCredit (the split itself is computed by the API from these rows)",
        (("dealId", "'deal-055'"), DEMO_SCOPE),
    ),
    Twin(
        "intel_ecosystem_health",
        "ecosystemHealth (score arithmetic by the API)",
        (("days", "[d IN range(0, 181) | date('2023-10-02') + duration({days: d})]"), DEMO_SCOPE),
    ),
    Twin(
        "intel_partner_dashboard",
        "partnerDashboard (percentiles and earnings by the API)",
        (
            ("partnerId", "'partner-northstar-distribution'"),
            ("from", "date('2024-01-01')"),
            ("to", "date('2024-12-31')"),
            DEMO_SCOPE,
        ),
    ),
    Twin(
        "intel_partner_dashboard_header",
        "partnerDashboard when only its header figures are asked for (win rate by the API)",
        (
            ("partnerId", "'partner-northstar-distribution'"),
            ("from", "date('2024-01-01')"),
            ("to", "date('2024-12-31')"),
            DEMO_SCOPE,
        ),
    ),
    Twin(
        "intel_partner_earnings",
        "partnerEarnings (commission arithmetic by the API)",
        (
            ("partnerId", "'partner-tidal-managed-services'"),
            ("from", "date('2024-01-01')"),
            ("to", "date('2024-03-31')"),
            DEMO_SCOPE,
        ),
    ),
    Twin(
        "intel_registration_conflicts",
        "registrationConflicts",
        (("dealId", "'deal-012'"), DEMO_SCOPE),
    ),
    Twin(
        "enablement_status",
        "enablementStatus (which tiers bind, what is met and the rates: by the API)",
        (
            ("partnerId", "'partner-rheinland-technik'"),
            ("asOf", "date('2025-06-30')"),
            ("until", "date('2025-09-28')"),
            DEMO_SCOPE,
        ),
    ),
    Twin(
        "certification_page",
        "certifications",
        (
            ("partnerId", "'partner-rheinland-technik'"),
            ("contactId", "null"),
            ("courseId", "null"),
            ("expiresBy", "null"),
            DEMO_SCOPE,
            ("skip", "0"),
            ("limit", "25"),
            ("withTotal", "true"),
        ),
    ),
    Twin(
        "order_page",
        "orders",
        (
            ("partnerId", "'partner-rheinland-technik'"),
            ("status", "null"),
            ("from", "date('2024-07-01')"),
            ("to", "date('2025-06-30')"),
            DEMO_SCOPE,
            ("skip", "0"),
            ("limit", "25"),
            ("withTotal", "true"),
        ),
    ),
    Twin(
        "stock_level_page",
        "stockLevels",
        (
            ("partnerId", "null"),
            ("productId", "null"),
            ("belowReorderPoint", "true"),
            DEMO_SCOPE,
            ("skip", "0"),
            ("limit", "25"),
            ("withTotal", "true"),
        ),
    ),
    Twin(
        "warranty_claim_page",
        "warrantyClaims",
        (
            ("partnerId", "null"),
            ("productId", "null"),
            ("status", "'approved'"),
            DEMO_SCOPE,
            ("skip", "0"),
            ("limit", "25"),
            ("withTotal", "true"),
        ),
    ),
    Twin(
        "channel_figures",
        "partnerDashboard.channel (money sums and claim rates by the API)",
        (
            ("partnerId", "'partner-rheinland-technik'"),
            ("from", "date('2024-07-01')"),
            ("to", "date('2025-06-30')"),
            DEMO_SCOPE,
        ),
    ),
    Twin(
        "intel_relationship_view",
        "relationshipView",
        (
            ("rootId", "'partner-granite-peak-it'"),
            ("depth", "2"),
            (
                "types",
                "['HOLDS', 'IN_PROGRAM', 'ATTRIBUTED', 'REGISTERED', 'FOR', 'SERVES', "
                "'WORKS_AT', 'REFERRED_BY', 'CONVERTED_TO', 'RESELLS_FOR', 'SHARES_WITH', "
                "'HAS_GOAL']",
            ),
            ("limit", "200"),
            ("cap", "201"),
            DEMO_SCOPE,
        ),
    ),
)


def _wrap(text: str, width: int = 86) -> list[str]:
    lines: list[str] = []
    line = "//"
    for word in text.split():
        if len(line) + 1 + len(word) > width and line != "//":
            lines.append(line)
            line = "//"
        line += " " + word
    return [*lines, line]


def render(twin: Twin, queries: Path = CYPHER_DIR / "queries") -> str:
    """The twin's text: the note, the :param lines, then the query file itself."""
    query = (queries / f"{twin.query}.cypher").read_text(encoding="utf-8").rstrip()
    note = (
        f"Analyst twin of cypher/queries/{twin.query}.cypher, the query behind the GraphQL "
        f"field {twin.field}. Identical statement (generated from that file by `graph-api "
        "generate-cypher`; edit the query, or the examples in graph_api/analyst.py, and "
        "regenerate). Run it in Neo4j Browser after the :param lines (edit the values; "
        f"the examples name the demo graph of seed/demo.jsonl). {twin.note}"
    )
    params = [f":param {name} => {value};" for name, value in twin.params]
    return "\n".join([*_wrap(note), "", *params, "", query + ";"]) + "\n"


def generated(queries: Path = CYPHER_DIR / "queries") -> dict[str, str]:
    """File stem under cypher/analyst/ -> text, for every twin."""
    return {twin.query: render(twin, queries) for twin in TWINS}
