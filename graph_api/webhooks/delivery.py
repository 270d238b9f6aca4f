"""One delivery attempt: the signed POST of one event, the URL rules it runs
under, and the backoff before the next attempt when it fails."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import random
import socket
import time
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from graph_api.config import Settings
from graph_api.events.model import Event
from graph_api.webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign

MAX_URL_LENGTH = 2048


@dataclass
class Outcome:
    ok: bool
    status: int | None = None
    error: str | None = None


async def post(
    client: httpx.AsyncClient, settings: Settings, endpoint: dict[str, Any], event: Event
) -> Outcome:
    """One signed POST of one event; never raises."""
    body = json.dumps(event.payload(), separators=(",", ":"), default=str).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "graph-api-webhooks/1",
        "X-Graph-Event-Id": event.id,
        "X-Graph-Event-Type": event.event_type,
        "X-Graph-Sequence": str(event.seq),
        "X-Graph-Delivery": delivery_id(str(endpoint["id"]), event.seq),
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(str(endpoint["secret"]), timestamp, body),
    }
    url = str(endpoint["url"])
    if settings.production and not settings.webhook_allow_private:
        # Checked again at each delivery: the host's DNS may point elsewhere now.
        problem = await asyncio.to_thread(url_problem, url, settings)
        if problem:
            return Outcome(False, None, f"not sent: {problem}")
    try:
        response = await client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        return Outcome(False, None, f"{type(exc).__name__}: {exc}".strip()[:500])
    if 200 <= response.status_code < 300:
        return Outcome(True, response.status_code)
    text = response.text[:200]
    return Outcome(False, response.status_code, f"HTTP {response.status_code}: {text}")


def backoff(attempts: int, base: float, maximum: float) -> float:
    """Exponential backoff with 'equal jitter': half fixed, half random."""
    delay = min(maximum, base * 2.0 ** max(0, attempts - 1))
    return delay / 2 + random.uniform(0, delay / 2)


def delivery_id(endpoint_id: str, seq: int) -> str:
    return f"{endpoint_id}:{seq}"


def delivery_row(
    endpoint_id: str, event: Event, attempts: int, status: int | None
) -> dict[str, Any]:
    """A successful delivery as the ``webhook_delivered`` statement records it."""
    return {
        "id": delivery_id(endpoint_id, event.seq),
        "seq": event.seq,
        "changeId": event.id,
        "eventType": event.event_type,
        "attempts": attempts,
        "httpStatus": status,
    }


# --- URL validation ---------------------------------------------------------


def url_problem(url: str, settings: Settings) -> str | None:
    """Why ``url`` cannot be a webhook endpoint, or None when it can."""
    text_problem = _url_text_problem(url)
    if text_problem:
        return text_problem
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"not a valid URL: {exc}"
    if parts.scheme not in {"http", "https"}:
        return "the URL must start with http:// or https://"
    if not parts.hostname:
        return "the URL has no host"
    if parts.username or parts.password:
        return "credentials in the URL are not allowed; use the signing secret"
    if settings.production and not settings.webhook_allow_private:
        try:
            infos = socket.getaddrinfo(parts.hostname, port or 443, proto=socket.IPPROTO_TCP)
        except OSError:
            return f"the host {parts.hostname!r} does not resolve"
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                return (
                    f"{parts.hostname} resolves to the non-public address {address}; "
                    "set GRAPH_API_WEBHOOK_ALLOW_PRIVATE=true to allow it"
                )
    return None


def _url_text_problem(url: str) -> str | None:
    """Refuse what urlsplit would quietly strip or keep: it drops leading blanks and
    control characters and removes tabs and newlines, so " http://x" would pass and be
    stored (and sent) as typed; a control character could split a request line."""
    if len(url) > MAX_URL_LENGTH:
        return f"the URL is {len(url)} characters long; use at most {MAX_URL_LENGTH} characters"
    if url != url.strip():
        return "the URL has leading or trailing whitespace"
    for position, char in enumerate(url):
        if unicodedata.category(char) in ("Cc", "Cf"):
            return f"the URL contains the control character U+{ord(char):04X} at {position}"
        if char.isspace():
            return f"the URL contains whitespace at {position}; percent-encode it (%20)"
    return None
