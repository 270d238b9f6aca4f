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
from typing import TYPE_CHECKING, Any

from starlette.authentication import BaseUser
from starlette.types import Scope
from strawberry.dataloader import DataLoader

from graph_api.config import Settings
from graph_api.round_trips import RoundTrips
from graph_api.store import Store

if TYPE_CHECKING:
    from graph_api.events.hub import EventHub

ADMIN = "admin"
ANALYST = "analyst"
PARTNER = "partner"
ROLES = (ADMIN, ANALYST, PARTNER)


@dataclass(frozen=True)
class Principal(BaseUser):
    """Who is asking. SecurityMiddleware puts a verified one where Starlette keeps the
    authenticated user (``scope["user"]``, ``request.user``); see :func:`principal_of`."""

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

    # Starlette's BaseUser: only verified principals are ever set on a request.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.sub

    @property
    def identity(self) -> str:
        return self.sub


ANONYMOUS = Principal(sub="anonymous", role=ADMIN)


def principal_of(scope: Scope) -> Principal | None:
    """The principal SecurityMiddleware verified for this request, if it verified one."""
    user = scope.get("user")
    return user if isinstance(user, Principal) else None


def request_id_of(scope: Scope) -> str | None:
    """The id SecurityMiddleware gave this request (answered as X-Request-Id)."""
    request_id = (scope.get("state") or {}).get("request_id")
    return request_id if isinstance(request_id, str) else None


@dataclass
class RequestContext:
    store: Store
    principal: Principal = ANONYMOUS
    request_id: str = ""
    round_trips: RoundTrips | None = None
    # The app's settings, read once at start (graph_api/config.py).
    settings: Settings = field(default_factory=Settings)
    # The app's change-event hub (broker, webhook worker); None outside a running app.
    events: EventHub | None = None
    # Partner ids visible to the caller; None means unrestricted. Resolved once per request.
    scope: list[str] | None = None
    # The principal ``scope`` was resolved for (graph_api/scope.py); None: not resolved yet.
    scope_for: Principal | None = None
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
