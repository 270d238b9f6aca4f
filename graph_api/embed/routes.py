"""HTTP routes of the embeddable relationship view (see graph_api/embed/__init__.py)."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route

from graph_api import authz
from graph_api.auth import HS256, AuthError, bearer, verifier_for
from graph_api.config import Settings
from graph_api.embed.tokens import DEFAULT_EMBED_TTL, MAX_EMBED_TTL, mint_embed_token
from graph_api.ide import STATIC_DIR as STATIC
from graph_api.ide import VENDOR_DIR
from graph_api.partners.statements import PARTNER_BY_IDS
from graph_api.scope import demo_partner
from graph_api.security import error_body
from graph_api.store import Store

# Everything the element loads, by URL name under /embed/; nothing else is served.
ASSETS = {
    "partner-graph.js": (STATIC / "embed" / "partner-graph.js", "text/javascript"),
    "partner-graph.css": (STATIC / "embed" / "partner-graph.css", "text/css"),
    "frame.js": (STATIC / "embed" / "frame.js", "text/javascript"),
    "vendor/cytoscape-3.35.0/cytoscape.esm.min.mjs": (
        VENDOR_DIR / "cytoscape-3.35.0" / "cytoscape.esm.min.mjs",
        "text/javascript",
    ),
}
MAX_TOKEN_BODY = 4096
ANY_METHOD = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


def _error(status: int, message: str, code: str, **headers: str) -> Response:
    return Response(error_body(message, code), status, headers, media_type="application/json")


def page_csp(settings: Settings, frame_ancestors: tuple[str, ...]) -> str:
    """Everything from this origin only; framing only by ``frame_ancestors`` (and 'self')."""
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            # Cytoscape sizes its canvases through style attributes.
            "style-src 'self' 'unsafe-inline'",
            "connect-src 'self'",
            "img-src 'self' data: blob:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors " + " ".join(["'self'", *frame_ancestors]),
        ]
    )


def _page(
    settings: Settings, body: str, frame_ancestors: tuple[str, ...], frame: bool = False
) -> Response:
    # frame.js hands the fragment's token to the element before the element loads.
    first = '<script type="module" src="/embed/frame.js"></script>' if frame else ""
    document = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # No favicon request: the page asks for nothing it does not use.
        '<title>Relationship view</title><link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="/embed/partner-graph.css">'
        f"{first}"
        '<script type="module" src="/embed/partner-graph.js"></script>'
        f'</head><body class="partner-graph-page">{body}</body></html>\n'
    )
    return HTMLResponse(
        document,
        headers={
            "Content-Security-Policy": page_csp(settings, frame_ancestors),
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        },
    )


def _element(root_id: str, depth: int, token: str | None) -> str:
    attrs = {"root-id": root_id, "depth": str(depth), "api": "/graphql"}
    if token:
        attrs["token"] = token
    rendered = " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items())
    return f"<partner-graph {rendered}></partner-graph>"


def _depth(request: Request) -> int | None:
    raw = request.query_params.get("depth", "2")
    return int(raw) if raw.isdigit() and int(raw) <= 3 else None


def embed_routes(settings: Settings, opened: Callable[[], Store | None]) -> list[Route]:
    """The routes; ``opened`` gives the app's store while it runs (graph_api/app.py)."""
    verifier = verifier_for(settings)

    def store() -> Store:
        current = opened()
        if current is None:  # lifespan not started; nothing can be served
            raise RuntimeError("the store is not open")
        return current

    async def asset(request: Request) -> Response:
        if request.method not in {"GET", "HEAD"}:
            return _error(405, "embed assets are read with GET", "METHOD_NOT_ALLOWED", Allow="GET")
        found = ASSETS.get(request.path_params["name"])
        if found is None:
            return _error(404, "no such embed asset", "NOT_FOUND")
        path, media_type = found
        # Public code, no data: a portal on any origin loads it as a module script (CORS).
        return FileResponse(
            path,
            media_type=media_type,
            headers={
                "Access-Control-Allow-Origin": "*",
                "Cache-Control": "public, max-age=300",
                "X-Content-Type-Options": "nosniff",
            },
        )

    async def token(request: Request) -> Response:
        if request.method != "POST":
            return _error(405, "mint embed tokens with POST", "METHOD_NOT_ALLOWED", Allow="POST")
        if verifier is None or verifier.algorithm != HS256 or not settings.jwt_secret:
            return _error(
                501,
                "this server cannot sign embed tokens: it needs GRAPH_API_JWT_SECRET",
                "NOT_IMPLEMENTED",
            )
        try:
            caller = verifier.principal(bearer(request.headers.get("authorization")))
        except AuthError as exc:
            return _error(401, exc.message, "UNAUTHENTICATED", **{"WWW-Authenticate": "Bearer"})
        if not authz.mints_embed_tokens(caller):
            return _error(403, "only an admin (service) credential mints embed tokens", "FORBIDDEN")
        parsed = _token_request(await _head_of_body(request))
        if isinstance(parsed, str):
            return _error(400, parsed, "BAD_REQUEST")
        partner_id, ttl = parsed
        rows = await store().read(PARTNER_BY_IDS, ids=[partner_id], scope=None)
        if not rows:
            return _error(404, f"no partner {partner_id!r}", "NOT_FOUND")
        minted = mint_embed_token(settings.jwt_secret, partner_id, ttl)
        return Response(
            json.dumps(
                {
                    "token": minted.token,
                    "partnerId": minted.partner_id,
                    "expiresAt": minted.expires_at,
                    "expiresIn": minted.ttl,
                    "readOnly": True,
                }
            ),
            200,
            {"Cache-Control": "no-store"},
            media_type="application/json",
        )

    async def relationship_view(request: Request) -> Response:
        if "token" in request.query_params or "access_token" in request.query_params:
            # A query string lands in logs and Referer headers; a fragment never leaves the page.
            return _error(
                400,
                "pass the token in the URL fragment (#token=...), never in the query string",
                "BAD_REQUEST",
            )
        root_id = request.query_params.get("rootId", "")
        depth = _depth(request)
        if not root_id or len(root_id) > 200 or depth is None:
            return _error(400, "needs ?rootId=<id> and an optional depth 0..3", "BAD_REQUEST")
        return _page(settings, _element(root_id, depth, None), settings.embed_origins, frame=True)

    async def demo(request: Request) -> Response:
        if settings.production:
            return _error(404, "not found", "NOT_FOUND")
        partner = await demo_partner(store())
        if partner is None:
            return _page(settings, "<p>No demo data: run <code>graph-api seed</code>.</p>", ())
        pid = str(partner["id"])
        minted = None
        if settings.jwt_secret:  # auth on: a read-only token for the demo partner
            minted = mint_embed_token(settings.jwt_secret, pid, MAX_EMBED_TTL).token
        frame = f"/embed/relationship-view?rootId={quote(pid)}&depth=2"
        body = (
            f"<h1>Relationship view: {html.escape(str(partner['name']))}</h1>"
            + _element(pid, 2, minted)
            + f'<p>Iframe mode: <a href="{html.escape(frame)}">{html.escape(frame)}</a>'
            " with <code>#token=...</code></p>"
        )
        return _page(settings, body, ())

    return [
        # Every method reaches the handlers, so a wrong one gets a JSON 405, not plain text.
        Route("/embed/token", token, methods=ANY_METHOD),
        Route("/embed/relationship-view", relationship_view, methods=["GET"]),
        Route("/embed/demo", demo, methods=["GET"]),
        Route("/embed/{name:path}", asset, methods=ANY_METHOD),
    ]


async def _head_of_body(request: Request) -> bytes:
    """The body, but never more than one byte past the cap: enough to refuse it."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_TOKEN_BODY:
            break
    return body[: MAX_TOKEN_BODY + 1]


def _token_request(body: bytes) -> tuple[str, int] | str:
    """``{"partnerId": str, "ttlSeconds": int?}``, or why not."""
    if len(body) > MAX_TOKEN_BODY:
        return "the request body is too large"
    try:
        data: Any = json.loads(body or b"{}")
    except (ValueError, RecursionError):
        return "the request body is not JSON"
    if not isinstance(data, dict):
        return 'the body must be a JSON object: {"partnerId": ..., "ttlSeconds": ...}'
    partner_id = data.get("partnerId")
    if not isinstance(partner_id, str) or not partner_id or len(partner_id) > 200:
        return "`partnerId` must be a partner id"
    ttl = data.get("ttlSeconds", DEFAULT_EMBED_TTL)
    if type(ttl) is not int or ttl <= 0:
        return "`ttlSeconds` must be a positive whole number"
    return partner_id, ttl
