"""Named Cypher statements of challenges."""

from __future__ import annotations

from graph_api.cypher import named

CHALLENGE_STATE = named("queries/challenge_state")
CHALLENGE_WRITE = named("queries/challenge_write")
CHALLENGE_DELETE = named("queries/challenge_delete")
CHALLENGE_LIST = named("queries/challenge_list")
CHALLENGE_ACHIEVE = named("queries/challenge_achieve")
