"""The hot read statements' plans and costs, and the paging they push into Cypher.

The embedded store's PROFILE hides what runs inside ``CALL {}`` subqueries and
pattern comprehensions, so these tests read a cost measure instead: on the
embedded store, the database's own counters (``schema:stats``: ``iterateType``
counts whole-label scans, ``readRecord`` the records touched); on Neo4j, the
PROFILE tree (label-scan operators, the sum of db hits). On a fixed dataset
each hot statement must

- scan no label where it should start from an index (its parents' ids) or a bound node,
- cost the same after hundreds of unrelated nodes are added to every label,
- count ``total`` only when asked (``$withTotal``), and
- project derived ids only for the page, not for every child of the parent.

Then the GraphQL answers themselves: per-parent paging order with ties, limits,
``hasNextPage``, and a partner token's nested rows.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest

from graph_api.contacts.statements import contact_page_query
from graph_api.customers.statements import customer_page_query
from graph_api.cypher import NamedQuery, named
from graph_api.deals.statements import deal_page_query
from graph_api.embedded import STATE_FILE, Connection, EmbeddedStore
from graph_api.goals.statements import goal_page_query
from graph_api.intelligence.dashboards import (
    PARTNER_DASHBOARD,
    PARTNER_DASHBOARD_HEADER,
    dashboard_statement,
)
from graph_api.leads.statements import lead_page_query
from graph_api.migrations import migrate
from graph_api.partnerships.statements import partnership_page_query
from graph_api.programs.statements import program_page_query
from graph_api.store import Store, open_store
from tests.support.domain import run

HP = "hp"  # the hot partner: two partnerships, 30 credited deals, resellers, goals, customers
DEALS = 30
NOISE = 300  # unrelated nodes added to every label between the two measurements

# One partner with two partnerships (hs1 credited on all 30 deals, hs2 on the
# first five too, so DISTINCT matters); close dates repeat every three deals
# (ties break on id); ten deals converted from leads hs1 referred; ten
# registered by hs2; five customers served, each with two contacts.
DATASET = [
    """
    CREATE (pa:Program {id: 'prog-a', name: 'A', commissionType: 'percent_of_deal'})
    CREATE (pb:Program {id: 'prog-b', name: 'B', commissionType: 'per_lead'})
    CREATE (hp:Partner {id: 'hp', name: 'Hot Partner', kind: 'distributor', tier: 'gold'})
    CREATE (hp)-[:HOLDS]->(:Partnership {id: 'hs1', status: 'active',
                                         startDate: date('2024-01-01')})-[:IN_PROGRAM]->(pa)
    CREATE (hp)-[:HOLDS]->(:Partnership {id: 'hs2', status: 'active',
                                         startDate: date('2024-02-01')})-[:IN_PROGRAM]->(pb)
    CREATE (hp)-[:HAS_GOAL]->(:Goal {id: 'hg1', metric: 'won_value', target: 1.0,
                                     periodStart: date('2024-01-01')})
    WITH hp
    UNWIND range(1, 3) AS i
    CREATE (r:Partner {id: 'hr' + i, name: 'Reseller ' + i, kind: 'reseller'})
    CREATE (r)-[:RESELLS_FOR]->(hp)
    CREATE (r)-[:SHARES_WITH {level: 'full'}]->(hp)
    """,
    """
    MATCH (hp:Partner {id: 'hp'})
    UNWIND range(0, 4) AS i
    CREATE (c:Customer {id: 'hc' + i, name: 'Customer ' + i})
    CREATE (hp)-[:SERVES {since: date('2023-01-01')}]->(c)
    CREATE (:Contact {id: 'hct' + i + 'a', name: 'Contact a' + i})-[:WORKS_AT]->(c)
    CREATE (:Contact {id: 'hct' + i + 'b', name: 'Contact b' + i})-[:WORKS_AT]->(c)
    """,
    """
    MATCH (s1:Partnership {id: 'hs1'}), (s2:Partnership {id: 'hs2'})
    UNWIND range(0, 29) AS i
    MATCH (c:Customer {id: 'hc' + (i % 5)})
    CREATE (d:Deal {id: 'hd' + right('0' + i, 2), name: 'Deal ' + i, amount: 1000.0 * i,
                    stage: CASE WHEN i % 2 = 0 THEN 'won' ELSE 'proposal' END,
                    closeDate: date('2024-01-01') + duration({days: i / 3})})
    CREATE (d)-[:FOR]->(c)
    CREATE (s1)-[:ATTRIBUTED {role: 'sourced', share: 0.5,
                              at: datetime('2024-01-01T00:00:00Z')}]->(d)
    FOREACH (_ IN CASE WHEN i < 5 THEN [1] ELSE [] END |
      CREATE (s2)-[:ATTRIBUTED {role: 'influenced', share: 0.25,
                                at: datetime('2024-01-02T00:00:00Z')}]->(d))
    FOREACH (_ IN CASE WHEN i >= 10 AND i < 20 THEN [1] ELSE [] END |
      CREATE (s2)-[:REGISTERED {at: datetime('2024-01-03T00:00:00Z'), status: 'approved'}]->(d))
    FOREACH (_ IN CASE WHEN i < 10 THEN [1] ELSE [] END |
      CREATE (l:Lead {id: 'hl' + i, name: 'Lead ' + i, status: 'converted',
                      createdDate: date('2023-12-01')})
      CREATE (l)-[:REFERRED_BY]->(s1)
      CREATE (l)-[:CONVERTED_TO]->(d))
    """,
]

# Another partner credited on hd00 only: under its scope, hd00 is the one deal
# it sees of hc0, with only its own credit, and without hp's lead.
OTHER = """
MATCH (pa:Program {id: 'prog-a'}), (d:Deal {id: 'hd00'})
CREATE (op:Partner {id: 'op', name: 'Other Partner', kind: 'referral'})
CREATE (op)-[:HOLDS]->(os:Partnership {id: 'os1', status: 'active',
                                       startDate: date('2024-03-01')})-[:IN_PROGRAM]->(pa)
CREATE (os)-[:ATTRIBUTED {role: 'referred', share: 0.25,
                          at: datetime('2024-01-04T00:00:00Z')}]->(d)
"""
DATASET.append(OTHER)

# Nodes no hot statement should touch: every label grows by NOISE.
NOISE_GRAPH = """
UNWIND range(1, $n) AS i
CREATE (:Partner {id: 'np' + i, name: 'Noise ' + i, kind: 'referral'})
CREATE (:Customer {id: 'nc' + i, name: 'Noise ' + i})
CREATE (:Contact {id: 'nct' + i, name: 'Noise ' + i})
CREATE (:Deal {id: 'nd' + i, name: 'Noise ' + i, stage: 'prospect', amount: 1.0})
CREATE (:Lead {id: 'nl' + i, name: 'Noise ' + i, status: 'new'})
CREATE (:Partnership {id: 'ns' + i, status: 'active'})
CREATE (:Goal {id: 'ng' + i, metric: 'won_value'})
"""

PAGE = {"skip": 0, "limit": 11}
ALL = {"withTotal": True, "withCustomerId": True, "withLeadId": True, "withConvertedDealId": True}


def nested_params(ids: list[str], **extra: Any) -> dict[str, Any]:
    return {"ids": ids, "scope": None, **PAGE, **ALL, **extra}


def deal_page_params(**extra: Any) -> dict[str, Any]:
    params = {
        "scope": None,
        "stage": None,
        "minAmount": None,
        "maxAmount": None,
        "closeFrom": None,
        "closeTo": None,
        "customerId": None,
        "partnerId": None,
        "sort": "amount",
        "desc": True,
        **PAGE,
        **ALL,
    }
    params.update(extra)
    return params


def deal_page(**extra: Any) -> tuple[NamedQuery, dict[str, Any]]:
    """The deals list statement the app picks for these filters, with its parameters."""
    params = deal_page_params(**extra)
    return deal_page_query(params["scope"], params["stage"], params["partnerId"]), params


# partnerDashboard { wonDeals wonValue }: hp's period, January 2024.
HEADER_ONLY = frozenset({"wonDeals", "wonValue"})


def dashboard(
    selected: frozenset[str], scope: list[str] | None = None
) -> tuple[NamedQuery, dict[str, Any]]:
    """The dashboard statement the app picks for a selection, with its parameters."""
    statement = dashboard_statement(HP, dt.date(2024, 1, 1), dt.date(2024, 1, 31), scope, selected)
    return statement.query, statement.params


# The hot statements, each with the parameters the app sends for one parent.
HOT: dict[str, tuple[NamedQuery, dict[str, Any]]] = {
    "partner_deals": (named("queries/partner_deals"), nested_params([HP], stage=None)),
    "partner_deals(stage)": (named("queries/partner_deals"), nested_params([HP], stage="won")),
    "partner_deals(scoped)": (
        named("queries/partner_deals"),
        nested_params([HP], stage=None, scope=[HP]),
    ),
    "partnership_deals": (named("queries/partnership_deals"), nested_params(["hs1"])),
    "customer_deals": (named("queries/customer_deals"), nested_params(["hc0"])),
    "customer_deals(scoped)": (
        named("queries/customer_deals"),
        nested_params(["hc0"], scope=[HP]),
    ),
    "deal_attributions": (named("queries/deal_attributions"), nested_params(["hd00", "hd01"])),
    "deal_attributions(scoped)": (
        named("queries/deal_attributions"),
        nested_params(["hd00", "hd01"], scope=[HP]),
    ),
    "deal_registrations": (named("queries/deal_registrations"), nested_params(["hd10"])),
    "partner_partnerships": (named("queries/partner_partnerships"), nested_params([HP])),
    "partner_customers": (named("queries/partner_customers"), nested_params([HP])),
    "partner_resellers": (named("queries/partner_resellers"), nested_params([HP])),
    "partner_goals": (named("queries/partner_goals"), nested_params([HP])),
    "partner_sharing_received": (
        named("queries/partner_sharing_received"),
        nested_params([HP]),
    ),
    "program_partnerships": (
        named("queries/program_partnerships"),
        nested_params(["prog-a"], scope=[HP]),
    ),
    "customer_partners": (named("queries/customer_partners"), nested_params(["hc0"])),
    "customer_contacts": (named("queries/customer_contacts"), nested_params(["hc0"])),
    "partnership_attributions": (
        named("queries/partnership_attributions"),
        nested_params(["hs1"]),
    ),
    "partnership_registrations": (
        named("queries/partnership_registrations"),
        nested_params(["hs2"]),
    ),
    "partnership_leads": (named("queries/partnership_leads"), nested_params(["hs1"])),
    "partnership_leads(scoped)": (
        named("queries/partnership_leads"),
        nested_params(["hs1"], scope=[HP]),
    ),
    "deal_by_ids": (named("queries/deal_by_ids"), {"ids": ["hd00", "hd01"], "scope": None}),
    "deal_by_ids(scoped)": (
        named("queries/deal_by_ids"),
        {"ids": ["hd00", "hd01"], "scope": [HP]},
    ),
    "partner_by_ids": (named("queries/partner_by_ids"), {"ids": [HP, "hr1"], "scope": None}),
    "partnership_by_ids": (
        named("queries/partnership_by_ids"),
        {"ids": ["hs1", "hs2"], "scope": [HP]},
    ),
    # op does not serve hc0: visibility falls through to the credited-deal pattern
    "customer_by_ids": (named("queries/customer_by_ids"), {"ids": ["hc0"], "scope": ["op"]}),
    "lead_by_ids": (named("queries/lead_by_ids"), {"ids": ["hl0"], "scope": [HP]}),
    "program_by_ids": (named("queries/program_by_ids"), {"ids": ["prog-a"], "scope": ["op"]}),
    "goal_by_ids": (named("queries/goal_by_ids"), {"ids": ["hg1"], "scope": [HP]}),
    "deal_page(stage)": deal_page(stage="won"),
    "deal_page(scoped)": deal_page(scope=[HP]),
    "deal_page(scoped, stage)": deal_page(scope=[HP], stage="won"),
    "deal_page(partner)": deal_page(partnerId="op"),
    "partner_dashboard_header": dashboard(HEADER_ONLY),
    "partner_dashboard_header(scoped)": dashboard(HEADER_ONLY, scope=[HP]),
}


def list_params(**filters: Any) -> dict[str, Any]:
    """A top-level list's parameters: every filter null unless given, the first page."""
    return {"scope": None, "sort": "name", "desc": False, **PAGE, **ALL, **filters}


# The other top-level lists, each with its filters' names (all null by default).
LIST_FILTERS: dict[str, tuple[str, ...]] = {
    "customer": ("region", "industry", "size", "nameContains"),
    "contact": ("customerId", "nameContains"),
    "lead": ("status", "partnerId"),
    "goal": ("partnerId", "metric"),
    "partnership": ("status", "programId", "partnerId"),
    "program": ("kind", "commissionType", "nameContains"),
}
# The statement each list's resolver picks for a call's scope and partnerId.
LIST_QUERIES: dict[str, Callable[[dict[str, Any]], NamedQuery]] = {
    "customer": lambda p: customer_page_query(p["scope"]),
    "contact": lambda p: contact_page_query(p["scope"]),
    "lead": lambda p: lead_page_query(p["scope"], p["partnerId"]),
    "goal": lambda p: goal_page_query(p["scope"], p["partnerId"]),
    "partnership": lambda p: partnership_page_query(p["scope"], p["partnerId"]),
    "program": lambda p: program_page_query(p["scope"]),
}


def top_list(kind: str, **extra: Any) -> tuple[NamedQuery, dict[str, Any]]:
    """A top-level list statement the app picks for these filters, with its parameters."""
    params = list_params(**{**{f: None for f in LIST_FILTERS[kind]}, **extra})
    return LIST_QUERIES[kind](params), params


# A partner token's lists start from its partners: no label scan, whatever else is stored.
for _kind in LIST_FILTERS:
    HOT[f"{_kind}_page(scoped)"] = top_list(_kind, scope=[HP])
for _kind in ("lead", "goal", "partnership"):
    HOT[f"{_kind}_page(partner)"] = top_list(_kind, partnerId=HP)
    HOT[f"{_kind}_page(scoped, partner)"] = top_list(_kind, scope=[HP, "op"], partnerId=HP)

# Nested lists whose items carry derived ids: a page of one must cost less than a
# page of eleven, which it cannot when every child is projected before slicing.
PAGED = [
    "partner_deals",
    "partnership_deals",
    "customer_deals",
    "partner_partnerships",
    "partnership_leads",
    "partnership_attributions",
]

# Whole-label lists (they scan by nature), measured only for their count.
LISTS: dict[str, tuple[NamedQuery, dict[str, Any]]] = {
    "partner_page": (
        named("queries/partner_page"),
        {
            "scope": None,
            "kind": None,
            "tier": None,
            "region": None,
            "nameContains": None,
            "sort": "name",
            "desc": False,
            **PAGE,
            **ALL,
        },
    ),
    **{f"{kind}_page": top_list(kind) for kind in LIST_FILTERS},
}

# Statements whose total is a separate count: leaving it out must cost less.
COUNTED = [
    "partner_deals",
    "partnership_deals",
    "customer_deals",
    "deal_attributions",
    "partner_customers",
    "partnership_attributions",
    "partnership_leads",
    "deal_page(stage)",
    "deal_page(scoped)",
    "partner_page",
    *(f"{kind}_page" for kind in LIST_FILTERS),
    *(f"{kind}_page(scoped)" for kind in LIST_FILTERS),
]


@dataclass(frozen=True)
class Cost:
    label_scans: int
    records: int


class Meter:
    """Runs a statement and reports what it cost the store."""

    def __init__(self, connection: Connection, stats_url: str | None) -> None:
        self.connection = connection
        self.stats_url = stats_url
        self.driver = neo4j.GraphDatabase.driver(
            connection.uri, auth=(connection.user, connection.password)
        )
        self.http = httpx.Client(auth=(connection.user, connection.password), timeout=30)

    def close(self) -> None:
        self.driver.close()
        self.http.close()

    def run(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        records, _, _ = self.driver.execute_query(
            text, params or {}, database_=self.connection.database
        )
        return [r.data() for r in records]

    def _stats(self) -> dict[str, int]:
        assert self.stats_url is not None
        response = self.http.post(
            self.stats_url,
            json={"language": "sql", "command": "select from schema:stats"},
            timeout=30,
        )
        response.raise_for_status()
        stats: dict[str, int] = response.json()["result"][0]
        return stats

    def cost(self, query: NamedQuery, params: dict[str, Any]) -> Cost:
        if self.stats_url is None:
            return self._profile(query, params)
        self.run(query.text, params)  # warm: the second run is the one measured
        before = self._stats()
        self.run(query.text, params)
        after = self._stats()
        return Cost(
            label_scans=after["iterateType"] - before["iterateType"],
            records=after["readRecord"] - before["readRecord"],
        )

    def _profile(self, query: NamedQuery, params: dict[str, Any]) -> Cost:
        with self.driver.session(database=self.connection.database) as session:
            summary = session.run("PROFILE " + query.text, params).consume()
        scans = 0
        hits = 0

        def walk(node: dict[str, Any]) -> None:
            nonlocal scans, hits
            op = str(node.get("operatorType", ""))
            if "NodeByLabelScan" in op or "AllNodesScan" in op:
                scans += 1
            hits += int(node.get("dbHits", 0) or 0)
            for child in node.get("children", []):
                walk(child)

        walk(summary.profile or {})
        return Cost(label_scans=scans, records=hits)


@dataclass
class Measured:
    before: dict[str, Cost]
    after: dict[str, Cost]
    paged: dict[str, tuple[Cost, Cost]]
    counted: dict[str, tuple[Cost, Cost]]


@pytest.fixture(scope="module")
def meter(request: pytest.FixtureRequest) -> Iterator[Meter]:
    """A store of its own on the embedded store (its counters see only these tests),
    else the configured Neo4j, wiped first."""
    if request.config.getoption("--store") != "embedded" or _neo4j_uri():
        connection: Connection = request.getfixturevalue("migrated")
        meter = Meter(connection, None)
        meter.run("MATCH (n) DETACH DELETE n")
        try:
            yield meter
        finally:
            meter.close()
        return
    data_dir = Path(tempfile.mkdtemp(prefix="graph-api-plans-"))
    embedded = EmbeddedStore(data_dir, heap="512m")
    try:
        connection = embedded.start()
        asyncio.run(_migrate(connection))
        port = json.loads((data_dir / STATE_FILE).read_text())["http_port"]
        meter = Meter(connection, f"http://127.0.0.1:{port}/api/v1/query/{connection.database}")
        try:
            yield meter
        finally:
            meter.close()
    finally:
        embedded.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def _neo4j_uri() -> str | None:
    import os

    return os.environ.get("NEO4J_URI")


async def _migrate(connection: Connection) -> None:
    store = open_store(connection.uri, connection.user, connection.password, connection.database)
    try:
        await migrate(store)
    finally:
        await store.close()


@pytest.fixture(scope="module")
def measured(meter: Meter) -> Measured:
    for statement in DATASET:
        meter.run(statement)
    before = {name: meter.cost(query, params) for name, (query, params) in HOT.items()}
    paged = {}
    for name in PAGED:
        query, params = HOT[name]
        one = meter.cost(query, {**params, "limit": 1})
        many = meter.cost(query, {**params, "limit": 11})
        paged[name] = (one, many)
    counted = {}
    for name in COUNTED:
        query, params = {**HOT, **LISTS}[name]
        without = meter.cost(query, {**params, "withTotal": False})
        with_total = meter.cost(query, {**params, "withTotal": True})
        counted[name] = (without, with_total)
    meter.run(NOISE_GRAPH, {"n": NOISE})
    after = {name: meter.cost(query, params) for name, (query, params) in HOT.items()}
    return Measured(before=before, after=after, paged=paged, counted=counted)


@pytest.mark.parametrize("name", list(HOT))
def test_hot_statement_scans_no_label(measured: Measured, name: str) -> None:
    assert measured.before[name].label_scans == 0, measured.before[name]
    assert measured.after[name].label_scans == 0, measured.after[name]


@pytest.mark.parametrize("name", list(HOT))
def test_hot_statement_cost_ignores_unrelated_nodes(measured: Measured, name: str) -> None:
    before, after = measured.before[name], measured.after[name]
    assert after.records <= before.records, (before, after)


def test_dashboard_header_costs_a_fraction_of_the_whole_dashboard(
    measured: Measured, meter: Meter
) -> None:
    header_query, params = HOT["partner_dashboard_header"]
    whole_query, whole_params = dashboard(frozenset({"wonDeals", "wonValue", "goals"}))
    assert (header_query, whole_query) == (PARTNER_DASHBOARD_HEADER, PARTNER_DASHBOARD)
    assert whole_params == params
    header, whole = meter.cost(header_query, params), meter.cost(whole_query, params)
    assert header.records * 2 < whole.records, (header, whole)
    # Same figures: the header's subqueries are the whole statement's.
    keys = ("partner", "registeredDeals", "wonDeals", "closedDeals", "wonValue", "lostValue")
    (small,) = meter.run(header_query.text, params)
    (big,) = meter.run(whole_query.text, params)
    assert small["wonDeals"] == 15 and small["registeredDeals"] == 10
    assert {k: small[k] for k in keys} == {k: big[k] for k in keys}


@pytest.mark.parametrize("name", list(PAGED))
def test_nested_page_projects_only_the_page(measured: Measured, name: str) -> None:
    one, many = measured.paged[name]
    assert one.records < many.records, (one, many)


@pytest.mark.parametrize("name", COUNTED)
def test_total_counted_only_when_asked(measured: Measured, name: str) -> None:
    without, with_total = measured.counted[name]
    assert without.records < with_total.records, (without, with_total)


# --- the answers: per-parent paging through the real schema and store -----------


def _deal_ids(days_desc: list[int]) -> list[str]:
    """hd00..hd29 close on day i // 3: latest day first, ties by id."""
    return [f"hd{i:02d}" for day in days_desc for i in range(day * 3, day * 3 + 3)]


ALL_BY_CLOSE = _deal_ids(list(range(9, -1, -1)))


async def _graph(store: Store) -> None:
    for statement in DATASET:
        await store.run_raw(statement)


def _ids(connection: dict[str, Any]) -> list[str]:
    return [edge["node"]["id"] for edge in connection["edges"]]


async def test_nested_pages_order_ties_and_limits_per_parent(store: Store) -> None:
    await _graph(store)
    query = """query ($after: String) {
      partners(first: 10, sort: NAME) { edges { node { id
        deals(first: 10, after: $after) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { node { id customerId leadId customer { id } } } } } } }
      hs2: partnership(id: "hs2") { deals(first: 3) { pageInfo { hasNextPage } nodes { id } } }
      hs1: partnership(id: "hs1") { leads(first: 2) { totalCount nodes { id convertedDealId } } }
    }"""
    seen: list[str] = []
    after = None
    for page in range(3):
        data, trips = await run(store, query, {"after": after})
        by_id = {e["node"]["id"]: e["node"]["deals"] for e in data["partners"]["edges"]}
        assert set(by_id) == {"hp", "hr1", "hr2", "hr3", "op"}
        hot = by_id["hp"]
        assert hot["totalCount"] == 30  # hd00..hd04 credited twice count once
        assert hot["pageInfo"]["hasNextPage"] is (page < 2)
        nodes = [e["node"] for e in hot["edges"]]
        assert [n["id"] for n in nodes] == ALL_BY_CLOSE[page * 10 : page * 10 + 10]
        for n in nodes:
            i = int(n["id"][2:])
            assert n["customerId"] == n["customer"]["id"] == f"hc{i % 5}"
            assert n["leadId"] == (f"hl{i}" if i < 10 else None)
        assert [d["id"] for d in [e["node"] for e in by_id["op"]["edges"]]] == (
            ["hd00"] if page == 0 else []
        )
        for reseller in ("hr1", "hr2", "hr3"):
            assert by_id[reseller] == {
                "totalCount": 0,
                "pageInfo": {"hasNextPage": False, "endCursor": None},
                "edges": [],
            }
        seen += [n["id"] for n in nodes]
        after = hot["pageInfo"]["endCursor"]
        # partners, their deals, the customers, the two partnerships, their deals and leads
        assert trips == 6
    assert seen == ALL_BY_CLOSE
    assert _ids({"edges": [{"node": n} for n in data["hs2"]["deals"]["nodes"]]}) == [
        "hd03",
        "hd04",
        "hd00",
    ]
    assert data["hs2"]["deals"]["pageInfo"]["hasNextPage"] is True
    assert data["hs1"]["leads"]["totalCount"] == 10
    assert len(data["hs1"]["leads"]["nodes"]) == 2
    for lead in data["hs1"]["leads"]["nodes"]:
        assert lead["convertedDealId"] == f"hd{int(lead['id'][2:]):02d}"


async def test_has_next_page_without_total(store: Store) -> None:
    await _graph(store)
    data, _ = await run(
        store,
        """{ partner(id: "hp") {
          a: deals(first: 29) { pageInfo { hasNextPage } nodes { id } }
          b: deals(first: 30) { pageInfo { hasNextPage } }
          c: deals(first: 5, stage: WON) { totalCount nodes { id stage } }
          d: deals(first: 0) { totalCount pageInfo { hasNextPage } edges { cursor } }
          customers(first: 2) { totalCount nodes { id servedSince } }
          partnerships(first: 1) { pageInfo { hasNextPage } nodes { id programId } }
          resellers(first: 2) { totalCount nodes { id } }
          sharedWithBy(first: 1) { totalCount nodes { partnerId } }
          goals { totalCount nodes { id } }
        } }""",
    )
    hp = data["partner"]
    assert hp["a"]["pageInfo"]["hasNextPage"] is True
    assert [n["id"] for n in hp["a"]["nodes"]] == ALL_BY_CLOSE[:29]
    assert hp["b"]["pageInfo"]["hasNextPage"] is False
    won = [i for i in ALL_BY_CLOSE if int(i[2:]) % 2 == 0]
    assert hp["c"] == {
        "totalCount": 15,
        "nodes": [{"id": i, "stage": "WON"} for i in won[:5]],
    }
    assert hp["d"] == {"totalCount": 30, "pageInfo": {"hasNextPage": True}, "edges": []}
    assert hp["customers"]["totalCount"] == 5
    assert [n["id"] for n in hp["customers"]["nodes"]] == ["hc0", "hc1"]
    assert hp["partnerships"] == {
        "pageInfo": {"hasNextPage": True},
        "nodes": [{"id": "hs1", "programId": "prog-a"}],
    }
    assert hp["resellers"] == {"totalCount": 3, "nodes": [{"id": "hr1"}, {"id": "hr2"}]}
    assert hp["sharedWithBy"] == {"totalCount": 3, "nodes": [{"partnerId": "hr1"}]}
    assert hp["goals"] == {"totalCount": 1, "nodes": [{"id": "hg1"}]}


async def test_partner_scope_sees_only_its_own_nested_rows(store: Store) -> None:
    await _graph(store)
    query = """{
      deal(id: "hd00") { leadId lead { id }
        attributions { totalCount nodes { partnershipId partnerId } } }
      customer(id: "hc0") { deals { totalCount nodes { id leadId } } partners { totalCount } }
      partner(id: "op") { deals { totalCount nodes { id } }
        partnerships { nodes { id attributions { totalCount nodes { dealId partnerId } } } } }
      hot: partner(id: "hp") { id }
      program(id: "prog-a") { partnerships { totalCount nodes { id partnerId } } }
    }"""
    scoped, _ = await run(store, query, scope=["op"])
    assert scoped["deal"] == {
        "leadId": None,
        "lead": None,
        "attributions": {
            "totalCount": 1,
            "nodes": [{"partnershipId": "os1", "partnerId": "op"}],
        },
    }
    assert scoped["customer"] == {
        "deals": {"totalCount": 1, "nodes": [{"id": "hd00", "leadId": None}]},
        "partners": {"totalCount": 0},
    }
    assert scoped["partner"]["deals"] == {"totalCount": 1, "nodes": [{"id": "hd00"}]}
    assert scoped["partner"]["partnerships"]["nodes"] == [
        {
            "id": "os1",
            "attributions": {"totalCount": 1, "nodes": [{"dealId": "hd00", "partnerId": "op"}]},
        }
    ]
    assert scoped["hot"] is None
    assert scoped["program"]["partnerships"] == {
        "totalCount": 1,
        "nodes": [{"id": "os1", "partnerId": "op"}],
    }
    everything, _ = await run(store, query)
    assert everything["deal"]["leadId"] == "hl0"
    assert everything["deal"]["attributions"]["totalCount"] == 3
    assert [n["partnershipId"] for n in everything["deal"]["attributions"]["nodes"]] == [
        "hs1",  # share 0.5 first, then the 0.25 ties by partnership id
        "hs2",
        "os1",
    ]
    assert everything["customer"]["deals"]["totalCount"] == 6
    assert everything["program"]["partnerships"]["totalCount"] == 2


async def test_deal_list_variants_answer_alike(store: Store) -> None:
    """The scoped, per-partner and per-stage deals statements keep the list's answers."""
    await _graph(store)
    query = """query ($partnerId: ID, $stage: DealStage) {
      deals(first: 4, partnerId: $partnerId, stage: $stage, sort: AMOUNT, direction: DESC) {
        totalCount pageInfo { hasNextPage } nodes { id stage customerId leadId } } }"""

    async def deals(scope: list[str] | None, **variables: Any) -> dict[str, Any]:
        data, _ = await run(store, query, variables, scope=scope)
        return dict(data["deals"])

    def node(i: int, lead: bool = True) -> dict[str, Any]:
        return {
            "id": f"hd{i:02d}",
            "stage": "WON" if i % 2 == 0 else "PROPOSAL",
            "customerId": f"hc{i % 5}",
            "leadId": f"hl{i}" if lead and i < 10 else None,
        }

    everything = await deals(None)
    assert everything["totalCount"] == 30
    assert everything["nodes"] == [node(i) for i in (29, 28, 27, 26)]
    won = await deals(None, stage="WON")
    assert won["totalCount"] == 15 and won["nodes"] == [node(i) for i in (28, 26, 24, 22)]
    assert await deals([HP], stage="WON") == won
    assert await deals([HP], partnerId=HP, stage="WON") == won
    assert await deals(None, partnerId=HP) == everything
    # op sees the one deal it is credited on, without hp's lead; hp's deals by
    # partnerId are foreign to it and answer like an unknown partner
    only = {"totalCount": 1, "pageInfo": {"hasNextPage": False}, "nodes": [node(0, False)]}
    assert await deals(["op"]) == only
    assert await deals(["op"], partnerId="op") == only
    nothing = {"totalCount": 0, "pageInfo": {"hasNextPage": False}, "nodes": []}
    assert await deals(["op"], partnerId=HP) == nothing
    assert await deals(["op"], partnerId="nobody") == nothing
    assert await deals(None, partnerId="op") == {**only, "nodes": [node(0)]}
    assert (await deals(["op"], stage="PROPOSAL"))["totalCount"] == 0


async def test_hot_reads_take_records_as_they_come(store: Store) -> None:
    """The resolvers read list and lookup records by key (``read_values``), skipping
    ``record.data()``'s graph-type conversion: same rows, for every hot statement."""
    await _graph(store)
    for name, (query, params) in HOT.items():
        fast = await store.read_values(query, **params)
        assert fast == await store.read(query, **params), name
        assert fast, name


async def test_list_variants_answer_alike(store: Store) -> None:
    """The scoped and per-partner list statements keep the lists' answers: everything
    here belongs to hp or op, so their joint scope sees what an unrestricted caller sees."""
    await _graph(store)
    query = """query ($partnerId: ID) {
      customers(first: 3, sort: NAME) { totalCount pageInfo { hasNextPage } nodes { id } }
      contacts(first: 4, direction: DESC) { totalCount nodes { id customerId } }
      leads(first: 3, partnerId: $partnerId) {
        totalCount nodes { id partnershipId convertedDealId customerId } }
      goals(partnerId: $partnerId) { totalCount nodes { id partnerId } }
      partnerships(partnerId: $partnerId) { totalCount nodes { id partnerId programId } }
      programs { totalCount nodes { id } }
    }"""

    async def lists(scope: list[str] | None, **variables: Any) -> dict[str, Any]:
        data, _ = await run(store, query, variables, scope=scope)
        return data

    everything = await lists(None)
    assert everything["customers"]["totalCount"] == 5
    assert everything["contacts"]["totalCount"] == 10
    assert everything["leads"]["totalCount"] == 10
    assert everything["partnerships"]["totalCount"] == 3
    assert everything["programs"]["totalCount"] == 2
    assert await lists([HP, "op"]) == everything
    assert await lists([HP, "op", "nobody"]) == everything
    hot = await lists(None, partnerId=HP)
    assert hot["leads"] == everything["leads"]
    assert hot["goals"] == everything["goals"]
    assert [n["id"] for n in hot["partnerships"]["nodes"]] == ["hs1", "hs2"]
    assert await lists([HP], partnerId=HP) == {**hot, "customers": everything["customers"]}
    # op sees hc0 (its credited deal's customer) and the program it is in, no
    # lead or goal; hp's rows by partnerId are foreign to it
    op = await lists(["op"])
    assert op["customers"]["nodes"] == [{"id": "hc0"}]
    assert [n["id"] for n in op["contacts"]["nodes"]] == ["hct0b", "hct0a"]
    assert op["leads"] == {"totalCount": 0, "nodes": []}
    assert op["goals"] == {"totalCount": 0, "nodes": []}
    assert op["partnerships"]["nodes"] == [{"id": "os1", "partnerId": "op", "programId": "prog-a"}]
    assert op["programs"] == {"totalCount": 1, "nodes": [{"id": "prog-a"}]}
    foreign = await lists(["op"], partnerId=HP)
    for name in ("leads", "goals", "partnerships"):
        assert foreign[name] == {"totalCount": 0, "nodes": []}, name


async def test_unselected_dates_are_not_converted(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deal lists turn the driver's dates into Python dates only for selected
    fields; selected ones (and the credits' datetimes) read as before."""
    await _graph(store)
    # The driver itself converts datetimes while unpacking; dates are ours alone.
    converted = 0
    native = neo4j.time.Date.to_native

    def counting(self: neo4j.time.Date) -> Any:
        nonlocal converted
        converted += 1
        return native(self)

    monkeypatch.setattr(neo4j.time.Date, "to_native", counting)
    data, _ = await run(
        store,
        """{ deals(first: 30, sort: AMOUNT) { nodes { id } }
        partner(id: "hp") { deals(first: 30) { nodes { id
          attributions { nodes { role partner { id } } } } } } }""",
    )
    assert len(data["deals"]["nodes"]) == len(data["partner"]["deals"]["nodes"]) == DEALS
    assert converted == 0
    data, _ = await run(
        store,
        """{ deals(first: 30, sort: AMOUNT) { nodes { id closeDate } }
        partner(id: "hp") { deals(first: 30) { nodes { id closeDate
          attributions { nodes { partnershipId at } } } } } }""",
    )
    credits = [a for n in data["partner"]["deals"]["nodes"] for a in n["attributions"]["nodes"]]
    assert converted == 2 * DEALS
    days = {n["id"]: n["closeDate"] for n in data["deals"]["nodes"]}
    assert days == {f"hd{i:02d}": f"2024-01-{1 + i // 3:02d}" for i in range(DEALS)}
    assert {n["id"]: n["closeDate"] for n in data["partner"]["deals"]["nodes"]} == days
    at = {"hs1": "2024-01-01T00:00:00+00:00", "hs2": "2024-01-02T00:00:00+00:00"}
    at["os1"] = "2024-01-04T00:00:00+00:00"
    assert all(a["at"] == at[a["partnershipId"]] for a in credits), credits
