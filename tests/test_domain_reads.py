"""Lookups, lists, filters, sorting, paging, navigation and scope against the real store."""

from __future__ import annotations

from typing import Any

from graph_api.store import Store
from tests.support.domain import build_graph, run


async def test_lookup_every_entity_and_unknown_ids(domain_graph: Store) -> None:
    data, _ = await run(
        domain_graph,
        """{
          partner(id: "p1") { id name kind tier region domain }
          program(id: "prog-resell") { id name commissionType commissionRate currency }
          partnership(id: "s1") { id status level startDate partnerId programId }
          customer(id: "c1") { id name region size industry }
          contact(id: "ct1") { id name email customerId }
          lead(id: "l1") { id name status createdDate convertedDate }
          deal(id: "d1") { id name amount currency stage closeDate customerId }
          goal(id: "g1") { id metric target periodStart periodEnd partnerId }
          nope: partner(id: "zz") { id }
          noDeal: deal(id: "zz") { id }
        }""",
    )
    assert data["partner"] == {
        "id": "p1",
        "name": "Acme Resell",
        "kind": "RESELLER",
        "tier": "GOLD",
        "region": "EMEA",
        "domain": "acme.com",
    }
    assert data["program"] == {
        "id": "prog-resell",
        "name": "Reseller",
        "commissionType": "PERCENT_OF_DEAL",
        "commissionRate": 0.2,
        "currency": "EUR",
    }
    assert data["partnership"] == {
        "id": "s1",
        "status": "ACTIVE",
        "level": "gold",
        "startDate": "2024-01-01",
        "partnerId": "p1",
        "programId": "prog-resell",
    }
    assert data["customer"] == {
        "id": "c1",
        "name": "Globex",
        "region": "EMEA",
        "size": "ENTERPRISE",
        "industry": "Manufacturing",
    }
    assert data["contact"] == {
        "id": "ct1",
        "name": "Gail Globex",
        "email": "gail@globex.com",
        "customerId": "c1",
    }
    assert data["lead"] == {
        "id": "l1",
        "name": "Initech lead",
        "status": "CONVERTED",
        "createdDate": "2024-01-05",
        "convertedDate": "2024-01-12",
    }
    assert data["deal"] == {
        "id": "d1",
        "name": "Globex renewal",
        "amount": 50000.0,
        "currency": "EUR",
        "stage": "WON",
        "closeDate": "2024-05-01",
        "customerId": "c1",
    }
    assert data["goal"] == {
        "id": "g1",
        "metric": "WON_VALUE",
        "target": 100000.0,
        "periodStart": "2024-01-01",
        "periodEnd": "2024-12-31",
        "partnerId": "p1",
    }
    assert data["nope"] is None and data["noDeal"] is None


def ids(connection: dict[str, object]) -> list[str]:
    edges = connection["edges"]
    assert isinstance(edges, list)
    return [edge["node"]["id"] for edge in edges]


async def test_partner_navigation_down_and_back_up(domain_graph: Store) -> None:
    data, _ = await run(
        domain_graph,
        """{ partner(id: "p1") {
              partnerships { totalCount edges { node { id program { id name }
                partner { id } deals { totalCount edges { node { id } } } } } }
              deals { totalCount edges { node { id } } }
              wonDeals: deals(stage: WON) { totalCount edges { node { id } } }
              customers { totalCount edges { node { id partners { edges { node { id } } } } } }
              distributor { id name resellers { totalCount edges { node { id } } } }
              resellers { totalCount }
              goals { edges { node { id partner { id } } } }
              sharesWith { edges { node { level partner { id } withPartner { id } } } }
              sharedWithBy { totalCount }
        } }""",
    )
    p1 = data["partner"]
    assert [e["node"]["id"] for e in p1["partnerships"]["edges"]] == ["s1", "s3"]
    s1, s3 = (e["node"] for e in p1["partnerships"]["edges"])
    assert s1["program"] == {"id": "prog-resell", "name": "Reseller"}
    assert s1["partner"] == {"id": "p1"}
    assert ids(s1["deals"]) == ["d1"]
    assert s3["program"]["id"] == "prog-ref" and s3["deals"]["totalCount"] == 0
    assert ids(p1["deals"]) == ["d1"]
    assert ids(p1["wonDeals"]) == ["d1"]
    assert ids(p1["customers"]) == ["c1"]
    assert ids(p1["customers"]["edges"][0]["node"]["partners"]) == ["p1"]
    assert p1["distributor"]["id"] == "p3"
    assert ids(p1["distributor"]["resellers"]) == ["p1"]
    assert p1["resellers"]["totalCount"] == 0
    assert p1["goals"]["edges"] == [{"node": {"id": "g1", "partner": {"id": "p1"}}}]
    assert p1["sharesWith"]["edges"] == [
        {"node": {"level": "COUNTS", "partner": {"id": "p1"}, "withPartner": {"id": "p2"}}}
    ]
    assert p1["sharedWithBy"]["totalCount"] == 0


async def test_deal_customer_lead_program_navigation(domain_graph: Store) -> None:
    data, _ = await run(
        domain_graph,
        """{
          d1: deal(id: "d1") {
            customer { id }
            attributions { totalCount edges { node {
              role share at partnership { id } partner { id } deal { id } } } }
            registrations { totalCount }
            lead { id }
          }
          d2: deal(id: "d2") { lead { id referredBy { id } convertedDeal { id } } }
          d3: deal(id: "d3") { registrations { edges { node {
              status at expiresAt partner { id } partnership { id } deal { id } } } } }
          customer(id: "c1") {
            deals { edges { node { id } } }
            partners { edges { node { id } } }
            contacts { edges { node { id customer { id } } } }
          }
          program(id: "prog-ref") { partnerships { totalCount edges { node { id } } } }
          partnership(id: "s2") {
            attributions { edges { node { role deal { id } } } }
            leads { edges { node { id } } }
          }
          s1: partnership(id: "s1") { registrations { edges { node { deal { id } } } } }
          lead(id: "l2") { referredBy { id partner { id } } convertedDeal { id } }
        }""",
    )
    d1 = data["d1"]
    assert d1["customer"] == {"id": "c1"}
    assert d1["attributions"]["totalCount"] == 2
    assert [e["node"] for e in d1["attributions"]["edges"]] == [
        {
            "role": "SOURCED",
            "share": 0.6,
            "at": "2024-04-01T00:00:00+00:00",
            "partnership": {"id": "s1"},
            "partner": {"id": "p1"},
            "deal": {"id": "d1"},
        },
        {
            "role": "INFLUENCED",
            "share": 0.4,
            "at": "2024-04-02T00:00:00+00:00",
            "partnership": {"id": "s2"},
            "partner": {"id": "p2"},
            "deal": {"id": "d1"},
        },
    ]
    assert d1["registrations"]["totalCount"] == 0 and d1["lead"] is None
    assert data["d2"]["lead"] == {
        "id": "l1",
        "referredBy": {"id": "s2"},
        "convertedDeal": {"id": "d2"},
    }
    assert data["d3"]["registrations"]["edges"] == [
        {
            "node": {
                "status": "APPROVED",
                "at": "2024-06-01T00:00:00+00:00",
                "expiresAt": "2024-12-01T00:00:00+00:00",
                "partner": {"id": "p1"},
                "partnership": {"id": "s1"},
                "deal": {"id": "d3"},
            }
        }
    ]
    c1 = data["customer"]
    assert ids(c1["deals"]) == ["d3", "d1"]  # latest close date first
    assert ids(c1["partners"]) == ["p1"]
    assert c1["contacts"]["edges"] == [{"node": {"id": "ct1", "customer": {"id": "c1"}}}]
    assert ids(data["program"]["partnerships"]) == ["s2", "s3"]
    assert [e["node"] for e in data["partnership"]["attributions"]["edges"]] == [
        {"role": "REFERRED", "deal": {"id": "d2"}},
        {"role": "INFLUENCED", "deal": {"id": "d1"}},
    ]
    assert ids(data["partnership"]["leads"]) == ["l1"]
    assert data["s1"]["registrations"]["edges"] == [{"node": {"deal": {"id": "d3"}}}]
    assert data["lead"] == {
        "referredBy": {"id": "s3", "partner": {"id": "p1"}},
        "convertedDeal": None,
    }


async def test_list_filters(domain_graph: Store) -> None:
    data, trips = await run(
        domain_graph,
        """{
          emea: partners(region: EMEA) { totalCount edges { node { id } } }
          resellers: partners(kind: RESELLER) { totalCount edges { node { id } } }
          gold: partners(tier: GOLD, nameContains: "acme") { totalCount edges { node { id } } }
          won: deals(stage: WON) { totalCount edges { node { id } } }
          mid: deals(minAmount: 9000, maxAmount: 20000) { edges { node { id } } }
          summer: deals(closeFrom: "2024-05-01", closeTo: "2024-07-31") { edges { node { id } } }
          globex: deals(customerId: "c1") { edges { node { id } } }
          byP1: deals(partnerId: "p1") { edges { node { id } } }
          byP2: deals(partnerId: "p2") { edges { node { id } } }
          na: customers(region: NA) { edges { node { id } } }
          manu: customers(industry: "manufacturing", size: ENTERPRISE) { edges { node { id } } }
          named: customers(nameContains: "INI") { edges { node { id } } }
          newLeads: leads(status: NEW) { edges { node { id } } }
          p2Leads: leads(partnerId: "p2") { edges { node { id } } }
          perLead: programs(commissionType: PER_LEAD) { edges { node { id } } }
          pending: partnerships(status: PENDING) { edges { node { id } } }
          refMembers: partnerships(programId: "prog-ref") { edges { node { id } } }
          p1Members: partnerships(partnerId: "p1") { edges { node { id } } }
          c2Contacts: contacts(customerId: "c2") { edges { node { id } } }
          goals(partnerId: "p1", metric: WON_VALUE) { totalCount }
        }""",
    )
    assert trips == 20  # one named query per list
    assert ids(data["emea"]) == ["p1", "p3"] and data["emea"]["totalCount"] == 2
    assert ids(data["resellers"]) == ["p1"]
    assert ids(data["gold"]) == ["p1"]
    assert ids(data["won"]) == ["d1"]
    assert ids(data["mid"]) == ["d2"]
    assert ids(data["summer"]) == ["d1", "d2"]
    assert ids(data["globex"]) == ["d3", "d1"]
    assert ids(data["byP1"]) == ["d3", "d1"]
    assert ids(data["byP2"]) == ["d1", "d2"]
    assert ids(data["na"]) == ["c2"]
    assert ids(data["manu"]) == ["c1"]
    assert ids(data["named"]) == ["c2"]
    assert ids(data["newLeads"]) == ["l2"]
    assert ids(data["p2Leads"]) == ["l1"]
    assert ids(data["perLead"]) == ["prog-ref"]
    assert ids(data["pending"]) == ["s3"]
    assert ids(data["refMembers"]) == ["s2", "s3"]
    assert ids(data["p1Members"]) == ["s1", "s3"]
    assert ids(data["c2Contacts"]) == ["ct2"]
    assert data["goals"]["totalCount"] == 1


async def test_sorting_on_allowlisted_fields(domain_graph: Store) -> None:
    data, _ = await run(
        domain_graph,
        """{
          byAmount: deals(sort: AMOUNT) { edges { node { id } } }
          byAmountDesc: deals(sort: AMOUNT, direction: DESC) { edges { node { id } } }
          byClose: deals(sort: CLOSE_DATE, direction: DESC) { edges { node { id } } }
          byCreated: deals(sort: CREATED_AT) { edges { node { id } } }
          byName: deals { edges { node { id } } }
          partnersByCreated: partners(sort: CREATED_AT) { edges { node { id } } }
          partnersByNameDesc: partners(direction: DESC) { edges { node { id } } }
          programs(sort: NAME, direction: DESC) { edges { node { id } } }
          partnerships(sort: START_DATE, direction: DESC) { edges { node { id } } }
          customers(sort: SIZE) { edges { node { id } } }
          leads(sort: CREATED_DATE, direction: DESC) { edges { node { id } } }
          contacts(sort: EMAIL, direction: DESC) { edges { node { id } } }
        }""",
    )
    assert ids(data["byAmount"]) == ["d3", "d2", "d1"]
    assert ids(data["byAmountDesc"]) == ["d1", "d2", "d3"]
    assert ids(data["byClose"]) == ["d3", "d2", "d1"]
    assert ids(data["byCreated"]) == ["d1", "d3", "d2"]
    assert ids(data["byName"]) == ["d3", "d1", "d2"]
    assert ids(data["partnersByCreated"]) == ["p2", "p3", "p1"]
    assert ids(data["partnersByNameDesc"]) == ["p3", "p2", "p1"]
    assert ids(data["programs"]) == ["prog-resell", "prog-ref"]
    assert ids(data["partnerships"]) == ["s3", "s2", "s1"]
    assert ids(data["customers"]) == ["c1", "c2"]  # enterprise < mid
    assert ids(data["leads"]) == ["l2", "l1"]
    assert ids(data["contacts"]) == ["ct2", "ct1"]


async def test_pagination_cursors_top_level_and_nested(domain_graph: Store) -> None:
    query = """query($after: String) {
      deals(first: 2, after: $after, sort: AMOUNT) {
        totalCount edges { cursor node { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      } }"""
    first, _ = await run(domain_graph, query)
    page = first["deals"]
    assert page["totalCount"] == 3 and ids(page) == ["d3", "d2"]
    assert page["pageInfo"]["hasNextPage"] is True
    assert page["pageInfo"]["hasPreviousPage"] is False
    assert page["pageInfo"]["endCursor"] == page["edges"][1]["cursor"]
    second, _ = await run(domain_graph, query, {"after": page["pageInfo"]["endCursor"]})
    page2 = second["deals"]
    assert ids(page2) == ["d1"] and page2["totalCount"] == 3
    assert page2["pageInfo"]["hasNextPage"] is False
    assert page2["pageInfo"]["hasPreviousPage"] is True

    nested_query = """query($after: String) { deal(id: "d1") {
      attributions(first: 1, after: $after) {
        totalCount edges { node { partnership { id } } } pageInfo { hasNextPage endCursor } } } }"""
    one, _ = await run(domain_graph, nested_query)
    attributions = one["deal"]["attributions"]
    assert attributions["totalCount"] == 2
    assert attributions["edges"] == [{"node": {"partnership": {"id": "s1"}}}]
    assert attributions["pageInfo"]["hasNextPage"] is True
    two, _ = await run(domain_graph, nested_query, {"after": attributions["pageInfo"]["endCursor"]})
    assert two["deal"]["attributions"]["edges"] == [{"node": {"partnership": {"id": "s2"}}}]
    assert two["deal"]["attributions"]["pageInfo"]["hasNextPage"] is False


async def test_scope_limits_lookups_lists_nesting_and_totals(domain_graph: Store) -> None:
    data, _ = await run(
        domain_graph,
        """{
          partners { totalCount edges { node { id } } }
          hidden: partner(id: "p2") { id }
          deals { totalCount edges { node { id } } }
          hiddenDeal: deal(id: "d2") { id }
          d1: deal(id: "d1") { attributions { totalCount edges { node { partner { id } } } } }
          customers { totalCount edges { node { id } } }
          hiddenCustomer: customer(id: "c2") { id }
          contacts { edges { node { id } } }
          leads { edges { node { id } } }
          hiddenLead: lead(id: "l1") { id }
          partnerships { edges { node { id } } }
          programs { totalCount }
          prog: program(id: "prog-ref") { partnerships { totalCount edges { node { id } } } }
          goals { totalCount }
          p1: partner(id: "p1") { distributor { id } sharesWith { edges { node {
            withPartnerId withPartner { id } } } } }
        }""",
        scope=["p1"],
    )
    assert ids(data["partners"]) == ["p1"] and data["partners"]["totalCount"] == 1
    assert data["hidden"] is None
    assert ids(data["deals"]) == ["d3", "d1"] and data["deals"]["totalCount"] == 2
    assert data["hiddenDeal"] is None
    assert data["d1"]["attributions"]["totalCount"] == 1
    assert data["d1"]["attributions"]["edges"] == [{"node": {"partner": {"id": "p1"}}}]
    assert ids(data["customers"]) == ["c1"] and data["customers"]["totalCount"] == 1
    assert data["hiddenCustomer"] is None
    assert ids(data["contacts"]) == ["ct1"]
    assert ids(data["leads"]) == ["l2"] and data["hiddenLead"] is None
    assert ids(data["partnerships"]) == ["s1", "s3"]
    assert data["programs"]["totalCount"] == 2  # p1 is enrolled in both
    assert ids(data["prog"]["partnerships"]) == ["s3"]
    assert data["goals"]["totalCount"] == 1
    assert data["p1"]["distributor"] is None  # p3 is outside the scope
    assert data["p1"]["sharesWith"]["edges"] == [
        {"node": {"withPartnerId": "p2", "withPartner": None}}
    ]


NESTED = """query($n: Int!) { partners(first: $n) { edges { node { id
  partnerships { edges { node { id program { id name } deals { edges { node { id amount } } } } } }
} } } }"""

SEED = """
UNWIND range(1, $n) AS i
CREATE (p:Partner {id: 'bulk-p' + toString(i), name: 'Bulk ' + toString(1000 + i)})
WITH p, i
UNWIND range(1, 2) AS j
CREATE (p)-[:HOLDS]->(s:Partnership {id: 'bulk-s' + toString(i) + '-' + toString(j),
                                     programIndex: (i + j) % 3})
CREATE (s)-[:ATTRIBUTED {role: 'sourced', share: 0.5}]->(:Deal {id: 'bulk-d' + toString(i) + '-'
  + toString(j), name: 'Deal', amount: 1.0 * i})
"""

PROGRAMS = """
UNWIND range(0, 2) AS k
CREATE (:Program {id: 'bulk-g' + toString(k), name: 'Program ' + toString(k)})
"""

LINK = """
MATCH (s:Partnership)
MATCH (g:Program {id: 'bulk-g' + toString(s.programIndex)})
CREATE (s)-[:IN_PROGRAM]->(g)
"""


async def test_round_trips_do_not_grow_with_rows(store: Store) -> None:
    await store.run_raw(PROGRAMS)
    await store.run_raw(SEED, {"n": 50})
    await store.run_raw(LINK)
    small, small_trips = await run(store, NESTED, {"n": 5})
    large, large_trips = await run(store, NESTED, {"n": 50})
    assert len(small["partners"]["edges"]) == 5
    assert len(large["partners"]["edges"]) == 50
    first = large["partners"]["edges"][0]["node"]
    assert len(first["partnerships"]["edges"]) == 2
    assert first["id"] == "bulk-p1"
    assert first["partnerships"]["edges"][0]["node"]["program"]["id"] == "bulk-g2"
    assert len(first["partnerships"]["edges"][0]["node"]["deals"]["edges"]) == 1
    # partners, partnerships, programs, deals: one round trip per level
    assert small_trips == large_trips == 4
    # The same, counted below the store layer: every call that reaches the driver.
    driver = store.driver
    counting = CountingDriver(driver)
    store.driver = counting  # type: ignore[assignment]
    try:
        await run(store, NESTED, {"n": 50})
    finally:
        store.driver = driver
    assert counting.calls == 4


class CountingDriver:
    """Wraps the driver; counts the statements sent through it."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self.calls = 0

    async def execute_query(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return await self.driver.execute_query(*args, **kwargs)

    def session(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.driver.session(*args, **kwargs)


async def test_scope_hides_ids_of_invisible_linked_entities(store: Store) -> None:
    await build_graph(store)
    # A lead of p1's partnership converted to a deal credited only to p2.
    await store.run_raw(
        "MATCH (s:Partnership {id: 's3'}) "
        "CREATE (:Lead {id: 'l3', name: 'Crossed'})-[:REFERRED_BY]->(s)"
    )
    await store.run_raw(
        "MATCH (l:Lead {id: 'l3'}), (d:Deal {id: 'd2'}) CREATE (l)-[:CONVERTED_TO]->(d)"
    )
    query = '{ lead(id: "l3") { convertedDealId convertedDeal { id } } }'
    scoped, _ = await run(store, query, scope=["p1"])
    assert scoped["lead"] == {"convertedDealId": None, "convertedDeal": None}
    admin, _ = await run(store, query)
    assert admin["lead"] == {"convertedDealId": "d2", "convertedDeal": {"id": "d2"}}
