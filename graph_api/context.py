"""Per-request context: the store, who is asking, what they may see, and loaders.

``Scope`` is how partner isolation reaches Cypher: every named read query that
can return partner-owned data takes ``$scope``, which is ``null`` for
unrestricted callers and otherwise the list of partner ids the caller may see
(a partner and, for a distributor, the partners below it). Queries filter on
it inside the MATCH, never after the fact.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from strawberry.dataloader import DataLoader

from graph_api.store import RoundTrips, Store

ADMIN = "admin"
ANALYST = "analyst"
PARTNER = "partner"
ROLES = (ADMIN, ANALYST, PARTNER)


@dataclass(frozen=True)
class Principal:
    sub: str
    role: str
    partner_id: str | None = None
    # The token's ``exp`` (Unix seconds); None when no token (auth off). Not part of who
    # the principal is: the same caller with a renewed token is the same principal.
    expires_at: float | None = field(default=None, compare=False)
    # An embed token (graph_api/embed): reads only, whatever the role would allow.
    read_only: bool = False

    @property
    def is_partner(self) -> bool:
        return self.role == PARTNER

    @property
    def can_write_everything(self) -> bool:
        return self.role == ADMIN


ANONYMOUS = Principal(sub="anonymous", role=ADMIN)


@dataclass
class RequestContext:
    store: Store
    principal: Principal = ANONYMOUS
    request_id: str = ""
    round_trips: RoundTrips | None = None
    # Partner ids visible to the caller; None means unrestricted. Resolved once per request.
    scope: list[str] | None = None
    # The WebSocket connection_init payload (carries the token when headers cannot).
    connection_params: dict[str, Any] | None = None
    # True while a WebSocket has not yet presented a valid token: nothing executes.
    unauthenticated: bool = False
    _loaders: dict[Hashable, DataLoader[Any, Any]] = field(default_factory=dict)

    def loader(
        self, name: str, load: Callable[[list[Any]], Awaitable[list[Any]]]
    ) -> DataLoader[Any, Any]:
        """A per-request DataLoader, keyed by name and the caller's scope."""
        key = (name, tuple(self.scope) if self.scope is not None else None)
        existing = self._loaders.get(key)
        if existing is None:
            existing = DataLoader(load_fn=load)
            self._loaders[key] = existing
        return existing
