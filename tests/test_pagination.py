"""graph_api/pagination.py without a store: opaque offset cursors, page arguments and
the connections built from one page of rows."""

from __future__ import annotations

import base64

import pytest

from graph_api.errors import MAX_PAGE_SIZE, InvalidArgument, LimitExceeded
from graph_api.pagination import (
    MAX_OFFSET,
    Page,
    build_connection,
    decode_cursor,
    encode_cursor,
    page_args,
)


def _raw(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


@pytest.mark.parametrize("offset", [0, 1, 7, 99, 12_345, MAX_OFFSET])
def test_a_cursor_resumes_just_past_its_item(offset: int) -> None:
    assert decode_cursor(encode_cursor(offset)) == offset + 1


def test_no_cursor_starts_at_the_beginning() -> None:
    assert decode_cursor(None) == 0


def test_every_position_has_its_own_cursor() -> None:
    cursors = [encode_cursor(n) for n in range(200)]
    assert len(set(cursors)) == 200
    assert [decode_cursor(c) for c in cursors] == list(range(1, 201))


@pytest.mark.parametrize(
    "cursor",
    [
        "not base64 at all!",
        _raw("42"),  # an offset without the prefix
        _raw("page:3"),
        _raw("offset:"),
        _raw("offset:x1"),
        _raw("offset:-1"),
        _raw(f"offset:{MAX_OFFSET + 1}"),
        _raw("offset:1e3"),
        base64.urlsafe_b64encode(b"offset:\xff\xfe").decode(),  # not UTF-8
        "",
    ],
)
def test_a_cursor_this_api_did_not_issue_is_a_client_error(cursor: str) -> None:
    with pytest.raises(InvalidArgument) as raised:
        decode_cursor(cursor)
    assert raised.value.extensions == {"code": "BAD_USER_INPUT", "argument": "after"}


def test_page_arguments_check_the_size_and_read_the_cursor() -> None:
    assert page_args(10, None) == Page(skip=0, limit=10)
    assert page_args(5, encode_cursor(9)) == Page(skip=10, limit=5)
    assert page_args(0, None) == Page(skip=0, limit=0)
    assert page_args(MAX_PAGE_SIZE, None).limit == MAX_PAGE_SIZE
    with pytest.raises(InvalidArgument):
        page_args(-1, None)
    with pytest.raises(LimitExceeded) as raised:
        page_args(MAX_PAGE_SIZE + 1, None)
    assert raised.value.extensions is not None
    assert raised.value.extensions["limit"] == "page_size"


def test_a_middle_page_knows_both_neighbours_and_chains_to_the_next() -> None:
    page = Page(skip=4, limit=3)
    connection = build_connection(["e", "f", "g"], 10, page, str.upper)
    assert connection.nodes() == ["E", "F", "G"]
    assert [edge.cursor for edge in connection.edges] == [
        encode_cursor(4),
        encode_cursor(5),
        encode_cursor(6),
    ]
    info = connection.page_info
    assert (info.has_previous_page, info.has_next_page) == (True, True)
    assert info.start_cursor == encode_cursor(4)
    assert info.end_cursor == encode_cursor(6)
    assert connection.total_count == 10
    # Passing the end cursor back as `after` asks for exactly the following items.
    assert page_args(3, info.end_cursor) == Page(skip=7, limit=3)


def test_the_last_page_has_no_next_and_the_first_no_previous() -> None:
    last = build_connection([8, 9], 10, Page(skip=8, limit=3), lambda n: n)
    assert (last.page_info.has_previous_page, last.page_info.has_next_page) == (True, False)
    first = build_connection([0, 1, 2], 10, Page(skip=0, limit=3), lambda n: n)
    assert (first.page_info.has_previous_page, first.page_info.has_next_page) == (False, True)
    exact = build_connection([0, 1, 2], 3, Page(skip=0, limit=3), lambda n: n)
    assert exact.page_info.has_next_page is False


def test_a_fetched_extra_row_wins_over_an_uncounted_total() -> None:
    # A query that skipped the count reports total 0 but knows a row follows.
    more = build_connection([0, 1], 0, Page(skip=0, limit=2), lambda n: n, has_next=True)
    assert more.page_info.has_next_page is True
    done = build_connection([0, 1], 99, Page(skip=0, limit=2), lambda n: n, has_next=False)
    assert done.page_info.has_next_page is False


def test_an_empty_page_has_no_cursors() -> None:
    empty = build_connection([], 5, Page(skip=5, limit=10), lambda n: n)
    assert empty.edges == []
    info = empty.page_info
    assert (info.start_cursor, info.end_cursor) == (None, None)
    assert (info.has_previous_page, info.has_next_page) == (True, False)
