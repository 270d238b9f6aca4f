"""Enablement over HTTP through the real app on the real store: the enablement status
(requirements met per program and tier, training needed, expiring certifications,
completion rate), the lists, the mutations and their change entries, and scope: a
partner sees its own contacts' enablement, a distributor its resellers' too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.enablement import load
from tests.support.security import SecureServer, auth, graph_counts, secure_server

ADMIN = auth("admin")

STATUS = """
query($p: ID!, $asOf: Date, $days: Int! = 90) {
  enablementStatus(partnerId: $p, asOf: $asOf, withinDays: $days) {
    partnerId tier asOf met completionRate contacts completions certifications
    requirements { requirementId program { id } tier course { id } courseKind
                   required held missing met applies }
    trainingNeeded { course { id name } courseKind contacts }
    expiring { contact { id name } course { id } expiresDate daysLeft }
  }
}
"""


@pytest.fixture(scope="module")
def api(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated) as server:
        yield server


def data(api: SecureServer, query: str, variables: dict[str, Any], headers: dict[str, str]) -> Any:
    body = api.gql(query, variables, headers).json()
    assert "errors" not in body, body
    return body["data"]


async def test_status_weighs_each_requirement_on_the_day(api: SecureServer, store: Store) -> None:
    await load(store)
    status = data(api, STATUS, {"p": "dealer", "asOf": "2026-06-01", "days": 30}, ADMIN)[
        "enablementStatus"
    ]
    assert status["tier"] == "GOLD" and status["met"] is True
    assert status["completionRate"] == 1.0
    assert (status["contacts"], status["completions"], status["certifications"]) == (2, 1, 2)
    by_id = {r["requirementId"]: r for r in status["requirements"]}
    assert by_id["req-gold-install"] == {
        "requirementId": "req-gold-install",
        "program": {"id": "prog"},
        "tier": "GOLD",
        "course": {"id": "cert-install"},
        "courseKind": "CERTIFICATION",
        "required": 2,
        "held": 2,
        "missing": 0,
        "met": True,
        "applies": True,
    }
    assert (by_id["req-gold-basics"]["held"], by_id["req-gold-basics"]["met"]) == (1, True)
    # A higher tier's requirement shows what reaching it takes, without binding now.
    platinum = by_id["req-platinum-install"]
    assert (platinum["applies"], platinum["met"], platinum["missing"]) == (False, False, 2)
    assert status["trainingNeeded"] == []
    assert status["expiring"] == [
        {
            "contact": {"id": "bob", "name": "Bob Dealer"},
            "course": {"id": "cert-install"},
            "expiresDate": "2026-06-20",
            "daysLeft": 19,
        }
    ]
    # Once Bob's certification lapses the partner falls short and the gap is named.
    later = data(api, STATUS, {"p": "dealer", "asOf": "2026-06-21"}, ADMIN)["enablementStatus"]
    assert later["met"] is False
    assert later["trainingNeeded"] == [
        {
            "course": {"id": "cert-install", "name": "Certified installer"},
            "courseKind": "CERTIFICATION",
            "contacts": 1,
        }
    ]
    assert later["completionRate"] == pytest.approx(2 / 3, abs=1e-4)
    assert later["certifications"] == 1


async def test_a_partner_below_every_tier_has_nothing_binding(
    api: SecureServer, store: Store
) -> None:
    await load(store)
    status = data(api, STATUS, {"p": "other", "asOf": "2026-06-01"}, ADMIN)["enablementStatus"]
    assert status["tier"] == "SILVER"
    assert status["met"] is True and status["completionRate"] is None
    assert all(not r["applies"] for r in status["requirements"])
    # Cy's certification lapsed in January: it counts for nothing.
    install = next(r for r in status["requirements"] if r["requirementId"] == "req-gold-install")
    assert install["held"] == 0
    missing = data(api, STATUS, {"p": "nobody"}, ADMIN)
    assert missing["enablementStatus"] is None


LISTS = """
{
  completions { totalCount edges { node { partnerId contactId courseId completedDate score } } }
  certifications { totalCount edges { node { partnerId contactId courseId expiresDate } } }
  courses { totalCount edges { node { id kind validityDays } } }
  requirements { totalCount }
}
"""


def _pairs(connection: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((e["node"]["partnerId"], e["node"]["contactId"]) for e in connection["edges"])


async def test_each_partner_sees_its_own_contacts_and_a_distributor_its_resellers(
    api: SecureServer, store: Store
) -> None:
    await load(store)
    everything = data(api, LISTS, {}, ADMIN)
    assert everything["completions"]["totalCount"] == 2
    assert everything["certifications"]["totalCount"] == 4
    assert everything["courses"]["totalCount"] == 2
    dealer = data(api, LISTS, {}, auth("partner", "dealer"))
    assert _pairs(dealer["completions"]) == [("dealer", "ann")]
    assert _pairs(dealer["certifications"]) == [("dealer", "ann"), ("dealer", "bob")]
    assert dealer["completions"]["totalCount"] == 1
    # The catalogue is open; requirements are those of its programs.
    assert dealer["courses"]["totalCount"] == 2
    assert dealer["requirements"]["totalCount"] == 3
    dist = data(api, LISTS, {}, auth("partner", "dist"))
    assert _pairs(dist["certifications"]) == [("dealer", "ann"), ("dealer", "bob"), ("dist", "dee")]
    other = data(api, LISTS, {}, auth("partner", "other"))
    assert _pairs(other["certifications"]) == [("other", "cy")]
    assert _pairs(other["completions"]) == [("other", "cy")]
    # A partner's staff are its contacts; another partner's staff stay hidden.
    staff = '{ ann: contact(id: "ann") { id name } cy: contact(id: "cy") { id } }'
    assert data(api, staff, {}, auth("partner", "dealer")) == {
        "ann": {"id": "ann", "name": "Ann Dealer"},
        "cy": None,
    }
    assert data(api, staff, {}, auth("partner", "dist"))["ann"] == {
        "id": "ann",
        "name": "Ann Dealer",
    }
    # Another partner's status answers exactly like a missing partner's.
    hidden = data(api, STATUS, {"p": "dealer"}, auth("partner", "other"))
    assert hidden["enablementStatus"] is None
    seen = data(api, STATUS, {"p": "dealer"}, auth("partner", "dist"))
    assert seen["enablementStatus"]["partnerId"] == "dealer"
    filtered = data(
        api,
        'query($p: ID) { certifications(partnerId: $p, expiresBy: "2026-12-31") '
        "{ edges { node { contactId } } } }",
        {"p": "dealer"},
        auth("partner", "other"),
    )
    assert filtered["certifications"]["edges"] == []


RECORD = """
mutation($input: CertificationInput!) {
  recordCertification(input: $input) {
    __typename
    ... on CertificationPayload { certification { contactId courseId issuedDate expiresDate } }
    ... on ValidationError { message }
  }
}
"""


async def test_mutations_write_through_the_write_path_and_refuse_bad_input(
    api: SecureServer, store: Store
) -> None:
    await load(store)
    counts = await graph_counts(store)
    bad = [
        {"contactId": "ann", "courseId": "train-basics", "issuedDate": "2026-01-01"},
        {
            "contactId": "bob",
            "courseId": "cert-install",
            "issuedDate": "2026-05-01",
            "expiresDate": "2026-04-30",
        },
    ]
    for input in bad:
        answer = data(api, RECORD, {"input": input}, ADMIN)["recordCertification"]
        assert answer["__typename"] == "ValidationError", answer
    missing = data(
        api,
        RECORD,
        {"input": {"contactId": "ghost", "courseId": "cert-install", "issuedDate": "2026-01-01"}},
        ADMIN,
    )["recordCertification"]
    assert missing["__typename"] == "NotFoundError"
    assert await graph_counts(store) == counts
    # Cy renews: the new certification runs the course's 365 days.
    renewed = data(
        api,
        RECORD,
        {
            "input": {
                "contactId": "cy",
                "courseId": "cert-install",
                "issuedDate": "2026-06-01",
                "expiresDate": None,
            }
        },
        ADMIN,
    )["recordCertification"]
    assert renewed["__typename"] == "CertificationPayload"
    assert renewed["certification"]["issuedDate"] == "2026-06-01"
    assert renewed["certification"]["expiresDate"] == "2027-06-01"
    course = data(
        api,
        'mutation { upsertCourse(input: {id: "c-new", name: "Valves 101", kind: TRAINING})'
        " { __typename ... on CoursePayload { course { id name kind } } } }",
        {},
        ADMIN,
    )["upsertCourse"]
    assert course == {
        "__typename": "CoursePayload",
        "course": {"id": "c-new", "name": "Valves 101", "kind": "TRAINING"},
    }
    done = data(
        api,
        'mutation { recordCompletion(input: {contactId: "bob", courseId: "c-new", '
        'completedDate: "2026-06-02", score: 88}) { __typename } }',
        {},
        ADMIN,
    )
    assert done["recordCompletion"]["__typename"] == "CompletionPayload"
    # The change feed carries the write to the partner it concerns, and only to it.
    feed = "{ changes(first: 5) { edges { node { entityType entityId operation } } } }"
    mine = data(api, feed, {}, auth("partner", "dealer"))["changes"]["edges"]
    assert mine[0]["node"] == {
        "entityType": "COMPLETED",
        "entityId": "bob->c-new",
        "operation": "link",
    }
    theirs = data(api, feed, {}, auth("partner", "other"))["changes"]["edges"]
    assert theirs[0]["node"]["entityId"] == "cy->cert-install"
    assert all(e["node"]["entityId"] != "bob->c-new" for e in theirs)


async def test_partners_cannot_write_enablement(api: SecureServer, store: Store) -> None:
    await load(store)
    counts = await graph_counts(store)
    body = api.gql(
        'mutation { recordCompletion(input: {contactId: "ann", courseId: "train-basics", '
        'completedDate: "2026-06-02"}) { __typename } }',
        {},
        auth("partner", "dealer"),
    ).json()
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await graph_counts(store) == counts
