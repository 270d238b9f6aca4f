"""Input that would break a query built by string formatting; the API must treat it as data."""

from __future__ import annotations

INJECTIONS = [
    "' OR 1=1 //",
    '" RETURN 1 //',
    "`Partner` DETACH DELETE n //",
    "}) MATCH (n) DETACH DELETE n //",
    "p1' }) RETURN n //",
    "\\u0027) MATCH (n) DETACH DELETE n",
    "\u0027\u0060\u007d",
    "$scope",
    "x\x00y",
]
