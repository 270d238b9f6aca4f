"""Every mutation against the real store: happy paths, typed errors, idempotency, audit."""

from __future__ import annotations

from typing import Any

from graph_api.context import ANALYST, PARTNER, Principal
from graph_api.store import Store
from tests.support.domain import run, run_errors

RESULT = """
  __typename
  ... on ValidationError { message fields { path reason } }
  ... on NotFoundError { message id entityType }
  ... on ConflictError { message }
"""


async def count(store: Store, label_query: str) -> int:
    rows = await store.run_raw(label_query)
    return int(rows[0]["n"])


async def mutate(store: Store, name: str, input: dict[str, Any], selection: str) -> dict[str, Any]:
    head = f"mutation($input: {_input_type(name)}!) {{ {name}(input: $input)"
    query = f"{head} {{ {RESULT} {selection} }} }}"
    data, _ = await run(store, query, {"input": input})
    result: dict[str, Any] = data[name]
    return result


def _input_type(name: str) -> str:
    special = {
        "deletePartner": "DeleteInput",
        "deleteProgram": "DeleteInput",
        "deletePartnership": "DeleteInput",
        "deleteCustomer": "DeleteInput",
        "deleteContact": "DeleteInput",
        "deleteLead": "DeleteInput",
        "deleteDeal": "DeleteInput",
        "deleteGoal": "DeleteInput",
        "linkPartnerCustomer": "LinkPartnerCustomerInput",
        "setSharingConsent": "SharingConsentInput",
    }
    if name in special:
        return special[name]
    base = name[0].upper() + name[1:]
    if base.startswith("Upsert"):
        return base[len("Upsert") :] + "Input"
    return base + "Input"


async def seed(store: Store) -> None:
    """Build a small graph through the mutations themselves."""
    for partner in (
        {"id": "p1", "name": "Acme", "kind": "RESELLER", "domain": "https://www.Acme.com/"},
        {"id": "p2", "name": "Beta", "kind": "REFERRAL", "tier": "SILVER"},
        {"id": "p3", "name": "Dist", "kind": "DISTRIBUTOR"},
    ):
        assert (await mutate(store, "upsertPartner", partner, ""))["__typename"] == (
            "PartnerPayload"
        )
    program = {
        "id": "g1",
        "name": "Resell",
        "commissionType": "PERCENT_OF_DEAL",
        "commissionRate": 0.2,
    }
    assert (await mutate(store, "upsertProgram", program, ""))["__typename"] == "ProgramPayload"
    for sid, pid in (("s1", "p1"), ("s2", "p2")):
        enrol = {"id": sid, "partnerId": pid, "programId": "g1", "startDate": "2024-01-01"}
        assert (await mutate(store, "enrollPartner", enrol, ""))["__typename"] == (
            "PartnershipPayload"
        )
    customer = {"id": "c1", "name": "Globex", "domain": "globex.com", "region": "EMEA"}
    assert (await mutate(store, "upsertCustomer", customer, ""))["__typename"] == (
        "CustomerPayload"
    )
    deal = {
        "id": "d1",
        "name": "Globex deal",
        "amount": 1000,
        "currency": "eur",
        "customerId": "c1",
        "closeDate": "2024-06-30",
    }
    assert (await mutate(store, "upsertDeal", deal, ""))["__typename"] == "DealPayload"


async def test_upsert_partner_normalizes_and_is_idempotent(store: Store) -> None:
    selection = "... on PartnerPayload { partner { id name domain kind tier } }"
    input = {"id": "p1", "name": "Acme", "kind": "RESELLER", "domain": "https://www.Acme.com/"}
    first = await mutate(store, "upsertPartner", input, selection)
    assert first["partner"] == {
        "id": "p1",
        "name": "Acme",
        "domain": "acme.com",
        "kind": "RESELLER",
        "tier": None,
    }
    again = await mutate(store, "upsertPartner", input, selection)
    assert again["partner"] == first["partner"]
    assert await count(store, "MATCH (p:Partner) RETURN count(p) AS n") == 1
    assert await count(store, "MATCH (c:Change {entityId: 'p1'}) RETURN count(c) AS n") == 1
    # A partial update touches only the named field.
    update = await mutate(store, "upsertPartner", {"id": "p1", "tier": "GOLD"}, selection)
    assert update["partner"]["tier"] == "GOLD" and update["partner"]["name"] == "Acme"
    # The same company from another system, by domain, is the same node.
    other = {
        "name": "ACME Inc",
        "kind": "RESELLER",
        "domain": "acme.com",
        "sourceSystem": "crm",
        "externalId": "A-1",
    }
    merged = await mutate(store, "upsertPartner", other, selection)
    assert merged["partner"]["id"] == "p1"
    assert await count(store, "MATCH (p:Partner) RETURN count(p) AS n") == 1


async def test_every_entity_upsert_and_navigation(store: Store) -> None:
    await seed(store)
    contact = await mutate(
        store,
        "upsertContact",
        {"id": "ct1", "name": "Gail", "email": "gail@globex.com", "customerId": "c1"},
        "... on ContactPayload { contact { id email customer { id } } }",
    )
    assert contact["contact"] == {"id": "ct1", "email": "gail@globex.com", "customer": {"id": "c1"}}
    lead = await mutate(
        store,
        "upsertLead",
        {"id": "l1", "name": "Lead", "partnershipId": "s1", "createdDate": "2024-02-01"},
        "... on LeadPayload { lead { id status createdDate referredBy { id } } }",
    )
    assert lead["lead"] == {
        "id": "l1",
        "status": "NEW",
        "createdDate": "2024-02-01",
        "referredBy": {"id": "s1"},
    }
    goal = await mutate(
        store,
        "upsertGoal",
        {
            "id": "goal1",
            "partnerId": "p1",
            "metric": "WON_VALUE",
            "target": 5000,
            "periodStart": "2024-01-01",
            "periodEnd": "2024-12-31",
        },
        "... on GoalPayload { goal { id metric target partner { id } } }",
    )
    assert goal["goal"] == {
        "id": "goal1",
        "metric": "WON_VALUE",
        "target": 5000.0,
        "partner": {"id": "p1"},
    }
    partnership = await mutate(
        store,
        "upsertPartnership",
        {"id": "s1", "status": "SUSPENDED", "level": "gold"},
        "... on PartnershipPayload { partnership { id status level partner { id } "
        "program { id } } }",
    )
    assert partnership["partnership"] == {
        "id": "s1",
        "status": "SUSPENDED",
        "level": "gold",
        "partner": {"id": "p1"},
        "program": {"id": "g1"},
    }
    deal, _ = await run(store, '{ deal(id: "d1") { currency closeDate customer { id } amount } }')
    assert deal["deal"] == {
        "currency": "EUR",
        "closeDate": "2024-06-30",
        "customer": {"id": "c1"},
        "amount": 1000.0,
    }


async def test_attribute_deal_many_partnerships_in_one_call(store: Store) -> None:
    await seed(store)
    selection = """... on DealPayload { deal { id attributions { totalCount edges { node {
        role share partnership { id } partner { id } } } } } }"""
    input = {
        "dealId": "d1",
        "attributions": [
            {"partnershipId": "s1", "role": "SOURCED", "share": 0.7},
            {"partnershipId": "s2", "role": "INFLUENCED", "share": 0.3},
        ],
    }
    result = await mutate(store, "attributeDeal", input, selection)
    assert result["deal"]["attributions"]["totalCount"] == 2
    assert [e["node"] for e in result["deal"]["attributions"]["edges"]] == [
        {"role": "SOURCED", "share": 0.7, "partnership": {"id": "s1"}, "partner": {"id": "p1"}},
        {"role": "INFLUENCED", "share": 0.3, "partnership": {"id": "s2"}, "partner": {"id": "p2"}},
    ]
    again = await mutate(store, "attributeDeal", input, selection)
    assert again["deal"]["attributions"]["totalCount"] == 2
    assert await count(store, "MATCH ()-[r:ATTRIBUTED]->() RETURN count(r) AS n") == 2

    # Shares above 1 in total: nothing is written, the error names the field.
    too_much = {
        "dealId": "d1",
        "attributions": [{"partnershipId": "s2", "role": "INFLUENCED", "share": 0.5}],
    }
    error = await mutate(store, "attributeDeal", too_much, "")
    assert error["__typename"] == "ValidationError"
    assert error["fields"][0]["path"] == ["attributions", "0", "share"]
    out_of_range = {
        "dealId": "d1",
        "attributions": [
            {"partnershipId": "s1", "role": "SOURCED", "share": 0.5},
            {"partnershipId": "s2", "role": "INFLUENCED", "share": 1.5},
        ],
    }
    error = await mutate(store, "attributeDeal", out_of_range, "")
    assert error["__typename"] == "ValidationError"
    assert error["fields"][0]["path"] == ["attributions", "1", "share"]
    shares = await store.run_raw(
        "MATCH (s:Partnership)-[r:ATTRIBUTED]->() RETURN s.id AS s, r.share AS share ORDER BY s"
    )
    assert shares == [{"s": "s1", "share": 0.7}, {"s": "s2", "share": 0.3}]
    missing = {
        "dealId": "nope",
        "attributions": [{"partnershipId": "s1", "role": "SOURCED", "share": 0.1}],
    }
    error = await mutate(store, "attributeDeal", missing, "")
    assert error["__typename"] == "NotFoundError"
    assert (error["id"], error["entityType"]) == ("nope", "Deal")


async def test_register_deal_link_customer_consent_distributor(store: Store) -> None:
    await seed(store)
    registered = await mutate(
        store,
        "registerDeal",
        {
            "dealId": "d1",
            "partnershipId": "s1",
            "status": "APPROVED",
            "at": "2024-03-01T00:00:00+00:00",
        },
        "... on RegisterDealPayload { registration { status at partnership { id } partner { id } } "
        "deal { registrations { totalCount edges { node { partner { id } } } } } }",
    )
    assert registered["registration"] == {
        "status": "APPROVED",
        "at": "2024-03-01T00:00:00+00:00",
        "partnership": {"id": "s1"},
        "partner": {"id": "p1"},
    }
    assert registered["deal"]["registrations"]["totalCount"] == 1
    assert registered["deal"]["registrations"]["edges"][0]["node"]["partner"] == {"id": "p1"}

    linked = await mutate(
        store,
        "linkPartnerCustomer",
        {"partnerId": "p1", "customerId": "c1", "since": "2023-01-01"},
        "... on PartnerCustomerPayload { since partner { servedSince customers { totalCount "
        "nodes { id servedSince } } } "
        "customer { partners { edges { node { id servedSince } } } } }",
    )
    assert linked == {
        "__typename": "PartnerCustomerPayload",
        "since": "2023-01-01",
        "partner": {
            "servedSince": None,  # only set when reached along SERVES
            "customers": {"totalCount": 1, "nodes": [{"id": "c1", "servedSince": "2023-01-01"}]},
        },
        "customer": {"partners": {"edges": [{"node": {"id": "p1", "servedSince": "2023-01-01"}}]}},
    }
    consent = await mutate(
        store,
        "setSharingConsent",
        {"partnerId": "p1", "withPartnerId": "p2", "level": "OVERLAPS"},
        "... on SharingConsentPayload { consent { level partner { id } withPartner { id } } }",
    )
    assert consent["consent"] == {
        "level": "OVERLAPS",
        "partner": {"id": "p1"},
        "withPartner": {"id": "p2"},
    }
    distributed = await mutate(
        store,
        "setDistributor",
        {"partnerId": "p1", "distributorId": "p3"},
        "... on PartnerPayload { partner { id distributor { id resellers { totalCount } } } }",
    )
    assert distributed["partner"] == {
        "id": "p1",
        "distributor": {"id": "p3", "resellers": {"totalCount": 1}},
    }
    cycle = await mutate(store, "setDistributor", {"partnerId": "p3", "distributorId": "p1"}, "")
    assert cycle["__typename"] == "ValidationError"
    assert await count(store, "MATCH ()-[r:RESELLS_FOR]->() RETURN count(r) AS n") == 1


async def test_convert_lead_creates_deal_once(store: Store) -> None:
    await seed(store)
    await mutate(store, "upsertLead", {"id": "l1", "name": "Lead", "partnershipId": "s1"}, "")
    input = {
        "leadId": "l1",
        "deal": {"id": "d9", "name": "From lead", "amount": 500, "customerId": "c1"},
        "convertedDate": "2024-04-01",
    }
    selection = """... on ConvertLeadPayload { lead { status convertedDate convertedDeal { id } }
        deal { id amount lead { id } customer { id } } }"""
    converted = await mutate(store, "convertLead", input, selection)
    assert converted["lead"] == {
        "status": "CONVERTED",
        "convertedDate": "2024-04-01",
        "convertedDeal": {"id": "d9"},
    }
    assert converted["deal"] == {
        "id": "d9",
        "amount": 500.0,
        "lead": {"id": "l1"},
        "customer": {"id": "c1"},
    }
    again = await mutate(store, "convertLead", input, selection)
    assert again == converted
    assert await count(store, "MATCH (d:Deal) RETURN count(d) AS n") == 2
    other = await mutate(store, "convertLead", {"leadId": "l1", "deal": {"id": "d1"}}, "")
    assert other["__typename"] == "ConflictError"
    unknown = await mutate(store, "convertLead", {"leadId": "zz", "deal": {"id": "d1"}}, "")
    assert unknown["__typename"] == "NotFoundError" and unknown["id"] == "zz"
    invalid = await mutate(store, "convertLead", {"leadId": "l1", "deal": {"amount": -1}}, "")
    assert invalid["__typename"] == "ValidationError"
    assert invalid["fields"][0]["path"] == ["deal", "amount"]


async def test_validation_errors_change_nothing(store: Store) -> None:
    await seed(store)
    negative = await mutate(store, "upsertDeal", {"id": "d2", "name": "Bad", "amount": -5}, "")
    assert negative["__typename"] == "ValidationError"
    assert negative["fields"] == [{"path": ["amount"], "reason": negative["fields"][0]["reason"]}]
    assert await count(store, "MATCH (d:Deal {id: 'd2'}) RETURN count(d) AS n") == 0
    missing_name = await mutate(store, "upsertPartner", {"id": "p9", "kind": "MSP"}, "")
    assert missing_name["__typename"] == "ValidationError"
    assert missing_name["fields"][0]["path"] == ["name"]
    unknown_program = await mutate(
        store, "enrollPartner", {"partnerId": "p1", "programId": "nope"}, ""
    )
    assert unknown_program["__typename"] == "NotFoundError"
    assert (unknown_program["id"], unknown_program["entityType"]) == ("nope", "Program")
    # Unknown enum values and unparseable dates never reach the resolver.
    errors = await run_errors(
        store, 'mutation { upsertPartner(input: {name: "X", kind: WIZARD}) { __typename } }'
    )
    assert "WIZARD" in errors[0].message
    errors = await run_errors(
        store,
        'mutation { upsertDeal(input: {name: "X", amount: 1, closeDate: "June"}) { __typename } }',
    )
    assert "closeDate" in errors[0].message or "Date" in errors[0].message
    assert await count(store, "MATCH (d:Deal) RETURN count(d) AS n") == 1


async def test_deletes_conflict_cascade_and_not_found(store: Store) -> None:
    await seed(store)
    await mutate(
        store,
        "attributeDeal",
        {"dealId": "d1", "attributions": [{"partnershipId": "s1", "role": "SOURCED", "share": 1}]},
        "",
    )
    selection = "... on DeletePayload { deletedId: id entityType }"
    blocked = await mutate(store, "deletePartner", {"id": "p1"}, selection)
    assert blocked["__typename"] == "ConflictError"
    assert await count(store, "MATCH (p:Partner {id: 'p1'}) RETURN count(p) AS n") == 1
    done = await mutate(store, "deletePartner", {"id": "p1", "cascade": True}, selection)
    assert done == {"__typename": "DeletePayload", "deletedId": "p1", "entityType": "Partner"}
    assert await count(store, "MATCH (p:Partner {id: 'p1'}) RETURN count(p) AS n") == 0
    assert await count(store, "MATCH (d:Deal {id: 'd1'}) RETURN count(d) AS n") == 1
    gone = await mutate(store, "deletePartner", {"id": "p1"}, selection)
    assert gone["__typename"] == "NotFoundError" and gone["id"] == "p1"
    for name, entity_id in (
        ("deleteDeal", "d1"),
        ("deletePartnership", "s2"),
        ("deleteCustomer", "c1"),
        ("deleteProgram", "g1"),
    ):
        result = await mutate(store, name, {"id": entity_id}, selection)
        assert result["__typename"] == "DeletePayload", (name, result)
    assert (
        await count(
            store,
            "MATCH (n) WHERE n:Deal OR n:Customer OR n:Program "
            "OR n:Partnership RETURN count(n) AS n",
        )
        == 0
    )


async def test_import_records_reports_bad_lines(store: Store) -> None:
    lines = [
        '{"type": "Partner", "id": "p1", "name": "Acme", "kind": "reseller"}',
        '{"type": "Program", "id": "g1", "name": "Ref", "commissionType": "per_lead",'
        ' "flatAmount": 1000}',
        "",
        "{not json",
        '{"type": "Partnership", "id": "s1", "partnerId": "p1", "programId": "g1"}',
        '{"type": "Partnership", "id": "s2", "partnerId": "p1", "programId": "missing"}',
        '{"type": "Deal", "id": "d1", "name": "D", "amount": -3}',
    ]
    query = """mutation($lines: [String!]!) { importRecords(input: {lines: $lines}) {
      __typename ... on ImportRecordsPayload { accepted changed rejected { line reason } } } }"""
    data, _ = await run(store, query, {"lines": lines})
    report = data["importRecords"]
    assert report["accepted"] == 3 and report["changed"] == 3
    assert [r["line"] for r in report["rejected"]] == [4, 6, 7]
    assert "JSON" in report["rejected"][0]["reason"]
    assert "missing" in report["rejected"][1]["reason"]
    again, _ = await run(store, query, {"lines": lines})
    assert again["importRecords"]["accepted"] == 3 and again["importRecords"]["changed"] == 0
    assert await count(store, "MATCH (p:Partnership) RETURN count(p) AS n") == 1


async def test_changes_query_newest_first_and_scoped(store: Store) -> None:
    await seed(store)
    await mutate(store, "upsertPartner", {"id": "p1", "tier": "GOLD"}, "")
    query = """query($id: ID, $after: String) { changes(entityId: $id, first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { seq actor entityType entityId operation before after changedFields
                     partnerIds } } } }"""
    data, _ = await run(store, query, {"id": "p1"})
    page = data["changes"]
    assert page["totalCount"] == 2 and page["pageInfo"]["hasNextPage"] is True
    newest = page["edges"][0]["node"]
    assert newest["operation"] == "update" and newest["actor"] == "anonymous"
    assert newest["entityType"] == "Partner" and newest["entityId"] == "p1"
    assert newest["changedFields"] == ["tier", "updatedAt"] or "tier" in newest["changedFields"]
    assert newest["before"]["tier"] is None and newest["after"]["tier"] == "gold"
    assert newest["partnerIds"] == ["p1"]
    older, _ = await run(store, query, {"id": "p1", "after": page["pageInfo"]["endCursor"]})
    created = older["changes"]["edges"][0]["node"]
    assert created["operation"] == "create" and created["before"] is None
    assert created["seq"] < newest["seq"]
    everything, _ = await run(store, "{ changes(first: 100) { totalCount } }")
    scoped, _ = await run(
        store, "{ changes(first: 100) { totalCount edges { node { partnerIds } } } }", scope=["p2"]
    )
    assert 0 < scoped["changes"]["totalCount"] < everything["changes"]["totalCount"]
    assert all("p2" in e["node"]["partnerIds"] for e in scoped["changes"]["edges"])


async def test_unlink_mutations_remove_links_once(store: Store) -> None:
    await seed(store)
    await mutate(
        store,
        "attributeDeal",
        {
            "dealId": "d1",
            "attributions": [{"partnershipId": "s1", "role": "SOURCED", "share": 0.5}],
        },
        "",
    )
    await mutate(store, "registerDeal", {"dealId": "d1", "partnershipId": "s1"}, "")
    await mutate(store, "linkPartnerCustomer", {"partnerId": "p1", "customerId": "c1"}, "")
    await mutate(store, "setDistributor", {"partnerId": "p1", "distributorId": "p3"}, "")
    await mutate(
        store,
        "setSharingConsent",
        {"partnerId": "p1", "withPartnerId": "p2", "level": "COUNTS"},
        "",
    )
    selection = "... on UnlinkPayload { relationship fromId toId }"
    cases = [
        (
            "removeAttribution",
            "DealPartnershipInput",
            {"dealId": "d1", "partnershipId": "s1"},
            ["Attribution", "s1", "d1"],
        ),
        (
            "withdrawRegistration",
            "DealPartnershipInput",
            {"dealId": "d1", "partnershipId": "s1"},
            ["Registration", "s1", "d1"],
        ),
        (
            "unlinkPartnerCustomer",
            "PartnerCustomerInput",
            {"partnerId": "p1", "customerId": "c1"},
            ["Serves", "p1", "c1"],
        ),
        (
            "removeDistributor",
            "RemoveDistributorInput",
            {"partnerId": "p1", "distributorId": "p3"},
            ["ResellsFor", "p1", "p3"],
        ),
        (
            "revokeSharingConsent",
            "RevokeSharingConsentInput",
            {"partnerId": "p1", "withPartnerId": "p2"},
            ["SharesWith", "p1", "p2"],
        ),
    ]
    for name, input_type, input, expected in cases:
        query = (
            f"mutation($input: {input_type}!) {{ {name}(input: $input) "
            f"{{ {RESULT} {selection} }} }}"
        )
        data, _ = await run(store, query, {"input": input})
        result = data[name]
        assert [result.get("relationship"), result.get("fromId"), result.get("toId")] == (
            expected
        ), (name, result)
        again, _ = await run(store, query, {"input": input})
        assert again[name]["__typename"] == "NotFoundError", (name, again)
    assert (
        await count(
            store,
            "MATCH ()-[r]->() WHERE NOT type(r) IN ['HOLDS', 'IN_PROGRAM', "
            "'FOR'] RETURN count(r) AS n",
        )
        == 0
    )


async def test_writes_are_authorized_before_they_touch_the_store(store: Store) -> None:
    await seed(store)
    partner = Principal(sub="acme-user", role=PARTNER, partner_id="p1")
    analyst = Principal(sub="analyst-user", role=ANALYST)
    query = """mutation { upsertPartner(input: {id: "p1", name: "Renamed"}) { __typename } }"""
    for principal in (partner, analyst):
        errors = await run_errors(store, query, principal=principal, scope=["p1"])
        assert errors[0].extensions["code"] == "FORBIDDEN"
    rows = await store.run_raw("MATCH (p:Partner {id: 'p1'}) RETURN p.name AS name")
    assert rows == [{"name": "Acme"}]
    # A deal it cannot see is not its to register (registering would reveal it)...
    errors = await run_errors(
        store,
        """mutation { registerDeal(input: {dealId: "d1", partnershipId: "s1"}) {
          __typename } }""",
        principal=partner,
        scope=["p1"],
    )
    assert errors[0].extensions["code"] == "FORBIDDEN"
    credit = {
        "dealId": "d1",
        "attributions": [{"partnershipId": "s1", "role": "INFLUENCED", "share": 0.5}],
    }
    assert (await mutate(store, "attributeDeal", credit, ""))["__typename"] == "DealPayload"
    # ...one it is credited on, it may register through its own partnership, as pending.
    data, _ = await run(
        store,
        """mutation { registerDeal(input: {dealId: "d1", partnershipId: "s1"}) {
          __typename ... on RegisterDealPayload { registration { status } } } }""",
        principal=partner,
        scope=["p1"],
    )
    assert data["registerDeal"] == {
        "__typename": "RegisterDealPayload",
        "registration": {"status": "PENDING"},
    }
    errors = await run_errors(
        store,
        """mutation { registerDeal(input: {dealId: "d1", partnershipId: "s2"}) {
          __typename } }""",
        principal=partner,
        scope=["p1"],
    )
    assert errors[0].extensions["code"] == "FORBIDDEN"
    errors = await run_errors(
        store,
        "mutation { importRecords(input: {lines: []}) { __typename } }",
        principal=partner,
        scope=["p1"],
    )
    assert errors[0].extensions["code"] == "FORBIDDEN"


async def test_every_entity_is_one_record_by_source_key(store: Store) -> None:
    """Sent twice without an id, each upsert finds its record by sourceSystem + externalId."""
    await seed(store)
    inputs: dict[str, tuple[str, dict[str, Any]]] = {
        "Partner": ("upsertPartner", {"name": "Gamma", "kind": "MSP"}),
        "Program": (
            "upsertProgram",
            {"name": "Ref", "commissionType": "PER_LEAD", "flatAmount": 500},
        ),
        "Partnership": ("upsertPartnership", {"partnerId": "p3", "programId": "g1"}),
        "Customer": ("upsertCustomer", {"name": "Initech"}),
        "Contact": ("upsertContact", {"name": "Bill", "customerId": "c1"}),
        "Lead": ("upsertLead", {"name": "Hot lead", "partnershipId": "s1"}),
        "Deal": ("upsertDeal", {"name": "Renewal", "amount": 10}),
        "Goal": (
            "upsertGoal",
            {
                "partnerId": "p2",
                "metric": "DEALS_WON",
                "target": 3,
                "periodStart": "2025-01-01",
                "periodEnd": "2025-03-31",
            },
        ),
    }
    for label, (name, fields) in inputs.items():
        field = label[0].lower() + label[1:]
        selection = f"... on {label}Payload {{ {field} {{ id sourceSystem externalId }} }}"
        keyed = {**fields, "sourceSystem": "erp", "externalId": f"X-{label}"}
        first = await mutate(store, name, keyed, selection)
        again = await mutate(store, name, keyed, selection)
        assert first["__typename"] == f"{label}Payload", (label, first)
        assert again[field] == first[field]
        assert first[field]["sourceSystem"] == "erp"
        assert first[field]["externalId"] == f"X-{label}"
        rows = await store.run_raw(
            f"MATCH (n:{label} {{sourceSystem: 'erp'}}) RETURN count(n) AS n, "
            "count(DISTINCT n.externalId) AS keys"
        )
        assert (rows[0]["n"], rows[0]["keys"]) == (1, 1), label
        changes = await store.run_raw(
            "MATCH (c:Change {entityId: $id}) RETURN count(c) AS n", {"id": first[field]["id"]}
        )
        assert changes[0]["n"] == 1, label


async def test_enrolling_twice_without_an_id_is_one_partnership(store: Store) -> None:
    await seed(store)
    selection = "... on PartnershipPayload { partnership { id level partner { id } } }"
    enrol = {"partnerId": "p3", "programId": "g1", "level": "silver"}
    first = await mutate(store, "enrollPartner", enrol, selection)
    again = await mutate(store, "enrollPartner", enrol, selection)
    assert first["__typename"] == "PartnershipPayload"
    assert again["partnership"] == first["partnership"]
    # Enrolling again with other terms updates the one membership.
    gold = await mutate(store, "enrollPartner", {**enrol, "level": "gold"}, selection)
    assert gold["partnership"]["id"] == first["partnership"]["id"]
    assert gold["partnership"]["level"] == "gold"
    members = "MATCH (:Partner {id: 'p3'})-[:HOLDS]->(s:Partnership) RETURN count(s) AS n"
    assert await count(store, members) == 1
    # p1 already holds s1 in g1: an enrolment without an id finds it.
    existing = await mutate(
        store, "enrollPartner", {"partnerId": "p1", "programId": "g1"}, selection
    )
    assert existing["partnership"]["id"] == "s1"
    # An explicit new id is a second membership, as asked.
    other = await mutate(store, "enrollPartner", {**enrol, "id": "s9"}, selection)
    assert other["partnership"]["id"] == "s9"
    assert await count(store, members) == 2
