"""How webhook requests are signed, and how a receiver checks them.

The signature is ``sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`` in
``X-Graph-Signature``, the Unix timestamp in ``X-Graph-Timestamp``: signing the
timestamp with the body lets a receiver refuse a replayed old request.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

SIGNATURE_HEADER = "X-Graph-Signature"
TIMESTAMP_HEADER = "X-Graph-Timestamp"


def sign(secret: str, timestamp: int | str, body: bytes) -> str:
    """``sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>``."""
    message = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(
    secret: str,
    timestamp: str,
    body: bytes,
    signature: str,
    tolerance: float = 300.0,
    now: float | None = None,
) -> bool:
    """What a receiver does: recompute, compare in constant time, reject stale timestamps."""
    try:
        age = abs((time.time() if now is None else now) - int(timestamp))
    except ValueError:
        return False
    return age <= tolerance and hmac.compare_digest(sign(secret, timestamp, body), signature)


def generate_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)
