"""Bearer tokens: who is asking.

Development signs tokens HS256 with a shared secret (GRAPH_API_JWT_SECRET);
production verifies RS256 against a PEM public key (GRAPH_API_JWT_PUBLIC_KEY or
GRAPH_API_JWT_PUBLIC_KEY_FILE). Exactly one algorithm is accepted per
deployment, chosen by configuration and never by the token, so a token that
names another algorithm (``none`` included) is rejected before its signature
is looked at.

Claims: ``sub`` (who), ``role`` (admin, analyst or partner), ``exp``, and
``partner_id`` on partner tokens; ``embed: true`` makes a token read-only.
``exp``, ``nbf`` and ``iat`` are whole seconds: PyJWT alone would take
``"9999999999"`` or ``1e20`` as an expiry.
"""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt

from graph_api.config import ConfigError, Settings
from graph_api.context import PARTNER, ROLES, Principal
from graph_api.embedded import make_data_dir

HS256 = "HS256"
RS256 = "RS256"
DEV_SECRET_FILE = "jwt-dev-secret"
LEEWAY_SECONDS = 5
MAX_TOKEN_LIFETIME = 366 * 86400  # seconds; a later `exp` is a mistake or a forgery


class AuthError(Exception):
    """A request's credentials were rejected; ``reason`` is a short machine-readable tag."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class Verifier:
    """Checks bearer tokens with the one configured algorithm and key."""

    algorithm: str
    key: Any

    def principal(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise AuthError("malformed", "the bearer token is not a well-formed JWT") from exc
        alg = header.get("alg")
        if alg != self.algorithm:
            raise AuthError(
                "algorithm",
                f"token algorithm {alg!r} is not accepted; this server accepts {self.algorithm}",
            )
        try:
            claims = jwt.decode(
                token,
                self.key,
                algorithms=[self.algorithm],
                # The time claims are checked below, after their types.
                options={
                    "require": ["exp", "sub", "role"],
                    "verify_exp": False,
                    "verify_nbf": False,
                    "verify_iat": False,
                },
            )
        except jwt.InvalidSignatureError as exc:
            raise AuthError("signature", "the token signature is invalid") from exc
        except jwt.MissingRequiredClaimError as exc:
            raise AuthError("claims", f"the token lacks the `{exc.claim}` claim") from exc
        except jwt.PyJWTError as exc:
            raise AuthError("invalid", f"the token was rejected: {exc}") from exc
        return principal_from_claims(claims)


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    check_times(claims, time.time())
    sub, role, partner_id = claims.get("sub"), claims.get("role"), claims.get("partner_id")
    exp = claims.get("exp")
    expires_at = float(exp) if isinstance(exp, int | float) else None
    if not isinstance(sub, str) or not sub:
        raise AuthError("claims", "the `sub` claim must be a non-empty string")
    if role not in ROLES:
        raise AuthError("claims", f"the `role` claim must be one of {', '.join(ROLES)}")
    read_only = claims.get("embed") is True
    if role == PARTNER:
        if not isinstance(partner_id, str) or not partner_id:
            raise AuthError("claims", "a partner token needs a `partner_id` claim")
        return Principal(
            sub=sub, role=role, partner_id=partner_id, expires_at=expires_at, read_only=read_only
        )
    return Principal(sub=sub, role=str(role), expires_at=expires_at, read_only=read_only)


def check_times(claims: dict[str, Any], now: float) -> None:
    """``exp`` (required), ``nbf`` and ``iat``: integers, with ``exp`` neither past nor
    further ahead than MAX_TOKEN_LIFETIME, ``nbf`` and ``iat`` not in the future."""
    for name in ("exp", "nbf", "iat"):
        value = claims.get(name)
        if name in claims and (type(value) is not int):  # bool is an int subclass
            raise AuthError("claims", f"the `{name}` claim must be a whole number of seconds")
    if "exp" not in claims:
        raise AuthError("claims", "the token lacks the `exp` claim")
    if claims["exp"] < now - LEEWAY_SECONDS:
        raise AuthError("expired", "the token has expired")
    if claims["exp"] > now + MAX_TOKEN_LIFETIME + LEEWAY_SECONDS:
        raise AuthError("claims", "the `exp` claim is too far in the future")
    if "nbf" in claims and claims["nbf"] > now + LEEWAY_SECONDS:
        raise AuthError("claims", "the token is not valid yet (`nbf`)")
    if "iat" in claims and claims["iat"] > now + LEEWAY_SECONDS:
        raise AuthError("claims", "the `iat` claim is in the future")


def bearer(authorization: str | None) -> str:
    """The token from an ``Authorization: Bearer ...`` value."""
    if not authorization:
        raise AuthError("missing", "authentication required: send `Authorization: Bearer <JWT>`")
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("missing", "the Authorization header must be `Bearer <JWT>`")
    return token.strip()


def verifier_for(settings: Settings) -> Verifier | None:
    """The configured verifier; None means auth is off (every caller is an anonymous admin)."""
    if settings.jwt_public_key:
        from cryptography.hazmat.primitives.serialization import load_pem_public_key

        return Verifier(RS256, load_pem_public_key(settings.jwt_public_key.encode()))
    if settings.jwt_secret:
        return Verifier(HS256, settings.jwt_secret)
    return None


def mint(
    secret: str,
    role: str,
    sub: str,
    partner_id: str | None = None,
    ttl: float = 3600.0,
    algorithm: str = HS256,
    *,
    read_only: bool = False,
    now: int | None = None,
) -> str:
    """A signed token (development and tests; production tokens come from the identity
    provider). ``read_only`` marks an embed token; ``now`` is its ``iat`` (default: now)."""
    issued = int(time.time()) if now is None else now
    claims: dict[str, Any] = {"sub": sub, "role": role, "iat": issued, "exp": issued + int(ttl)}
    if partner_id is not None:
        claims["partner_id"] = partner_id
    if read_only:
        claims["embed"] = True
    principal_from_claims(claims)  # refuse to mint what the server would reject
    return jwt.encode(claims, secret, algorithm=algorithm)


def dev_secret(data_dir: Path) -> str:
    """The development signing secret kept in the data directory (created 0600 on first use)."""
    path = data_dir / DEV_SECRET_FILE
    if path.exists():
        return path.read_text().strip()
    make_data_dir(data_dir)
    secret = secrets.token_urlsafe(48)
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "w") as out:
        out.write(secret)
    return secret


def with_serving_auth(settings: Settings) -> Settings:
    """Auth is on whenever the API is served: development without a configured key signs
    with a secret kept in the embedded store's data directory (or, against NEO4J_URI, one
    for this run only); production must configure one."""
    if settings.jwt_secret or settings.jwt_public_key:
        return settings
    if settings.production:
        raise ConfigError(
            "the production profile needs GRAPH_API_JWT_PUBLIC_KEY (or _FILE) "
            "or GRAPH_API_JWT_SECRET"
        )
    if not settings.embedded:
        # No data directory is ours to write into: a secret for this run only.
        return settings.with_overrides(jwt_secret=secrets.token_urlsafe(48))
    return settings.with_overrides(jwt_secret=dev_secret(settings.data_dir))


def signing_secret(settings: Settings) -> str:
    """The HS256 secret tokens are minted with: configured, or the data directory's dev one."""
    if settings.jwt_secret:
        return settings.jwt_secret
    if settings.jwt_public_key:
        raise ConfigError(
            "an RS256 public key is configured: mint tokens with the private key "
            "(--private-key) or your identity provider"
        )
    return dev_secret(settings.data_dir)
