"""The GraphiQL page at GET /graphql, served offline from vendored assets.

A browser asking for HTML gets the page, whatever the query string (GraphiQL
keeps the edited query in ``?query=``, so a reload must reopen the IDE, not
run the query without the token). The page carries no data; in the
development profile, when this server signs its own tokens, it starts with a
demo admin token in the Headers tab, for browsers on this machine only.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from graph_api.auth import mint
from graph_api.config import Settings

STATIC_DIR = Path(__file__).parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
VENDOR_URL = "/ide/vendor"
DEMO_TOKEN_TTL = 12 * 3600.0
CONFIG_MARK = "__GRAPH_API_IDE_CONFIG__"
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
PARTNER_HINT = (
    "To see what one partner sees, replace it with the partner token that "
    "`graph-api serve` printed (or mint one: graph-api token --role partner --partner-id ID)."
)


def wants_page(settings: Settings, method: str, accept: str, has_query: bool) -> bool:
    """Whether a request to /graphql gets the IDE page rather than a GraphQL answer.

    A browser (Accept: text/html) always does, query string or not; other
    clients only without a ``query`` parameter (Strawberry's rule for ``*/*``).
    """
    if not settings.graphiql or method != "GET":
        return False
    return "text/html" in accept or ("*/*" in accept and not has_query)


def page(settings: Settings, client_host: str | None = "127.0.0.1") -> str:
    headers, note = _auth(settings, client_host)
    config = json.dumps({"headers": headers, "note": note}).replace("<", "\\u003c")
    return _template().replace(CONFIG_MARK, config)


def routes() -> list[Mount]:
    return [Mount(VENDOR_URL, StaticFiles(directory=VENDOR_DIR), name="ide-vendor")]


def _auth(settings: Settings, client_host: str | None) -> tuple[str, str]:
    """The Headers tab's starting text and the note above the IDE."""
    if settings.jwt_public_key or (settings.production and settings.jwt_secret):
        return "", (
            'Requests need a token: paste {"Authorization": "Bearer <token>"} into the '
            "Headers tab below (subscriptions send it too)."
        )
    if not settings.jwt_secret:
        return "", "Auth is off on this server: every request runs as an anonymous admin."
    if client_host not in LOOPBACK:  # a development server reachable from elsewhere
        return "", (
            "Development: paste a token printed by `graph-api serve` into the Headers tab as "
            '{"Authorization": "Bearer <token>"}; the demo admin token is prefilled only '
            "for browsers on this machine."
        )
    token = mint(settings.jwt_secret, "admin", "demo-admin", ttl=DEMO_TOKEN_TTL)
    headers = json.dumps({"Authorization": f"Bearer {token}"}, indent=2)
    return headers, f"Development: the Headers tab holds a demo admin token. {PARTNER_HINT}"


@cache
def _template() -> str:
    return (STATIC_DIR / "ide" / "index.html").read_text(encoding="utf-8")
