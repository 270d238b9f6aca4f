"""Read your writes across requests and instances (README "Read your writes").

A request that writes answers with the store's bookmark for that write, in the
``X-Graph-Bookmark`` header and ``extensions.bookmark``. A client that sends it
back in the header gets its reads served only by a store member that has that
write, whichever API instance or cluster follower answers.

The wire form is the driver's raw bookmark values, comma-separated. They are
opaque; only their shape is checked, so junk is a 400, not a driver error.
"""

from __future__ import annotations

import re

import neo4j

HEADER = "X-Graph-Bookmark"
MAX_VALUES = 16  # a client merging bookmarks from several writes; more is a mistake
MAX_LENGTH = 512  # per value; Neo4j's are about 80 characters
# Printable ASCII without whitespace or the separator (base64 and ``:`` included).
_VALUE = re.compile(r"[!-+\--~]+")


class MalformedBookmark(ValueError):
    pass


def parse(header: str | None) -> neo4j.Bookmarks | None:
    """The bookmarks in a request's header; None without one."""
    if header is None:
        return None
    values = header.split(",")
    if len(values) > MAX_VALUES:
        raise MalformedBookmark(f"{HEADER} carries at most {MAX_VALUES} comma-separated values")
    for value in values:
        if len(value) > MAX_LENGTH or not _VALUE.fullmatch(value):
            raise MalformedBookmark(
                f"{HEADER} must be the bookmark value(s) a response returned, comma-separated "
                f"(printable ASCII, no spaces, at most {MAX_LENGTH} characters each)"
            )
    return neo4j.Bookmarks.from_raw_values(values)


def render(bookmarks: neo4j.Bookmarks) -> str | None:
    """The header value for a write's bookmarks; None if the store gave none."""
    return ",".join(sorted(bookmarks.raw_values)) or None
