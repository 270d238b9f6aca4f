"""Embed tokens: short-lived, read-only partner tokens for a portal's page.

A portal's server asks ``POST /embed/token`` with its admin (service) credential
and hands the answer to the browser. The token is a partner token (the partner's
scope, nothing wider) with ``embed: true``, which makes every mutation FORBIDDEN
(graph_api/security.py). Its lifetime is capped: a page holds it, so a leaked
one is worth minutes, not hours.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from graph_api.auth import mint
from graph_api.context import PARTNER

MAX_EMBED_TTL = 900  # seconds; a longer request is capped to this
DEFAULT_EMBED_TTL = 600


@dataclass(frozen=True)
class EmbedToken:
    token: str
    partner_id: str
    expires_at: int
    ttl: int


def mint_embed_token(secret: str, partner_id: str, ttl: int = DEFAULT_EMBED_TTL) -> EmbedToken:
    """A signed embed token for ``partner_id``, living ``min(ttl, MAX_EMBED_TTL)`` seconds."""
    if ttl <= 0:
        raise ValueError("ttl must be positive")
    ttl = min(ttl, MAX_EMBED_TTL)
    now = int(time.time())
    token = mint(secret, PARTNER, f"embed:{partner_id}", partner_id, ttl, read_only=True, now=now)
    return EmbedToken(token, partner_id, now + ttl, ttl)
