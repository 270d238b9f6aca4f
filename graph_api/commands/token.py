"""``graph-api token``: mint a bearer token for development and tests."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from graph_api.auth import MAX_TOKEN_LIFETIME, RS256, mint, signing_secret
from graph_api.commands.options import settings_from
from graph_api.config import ConfigError
from graph_api.context import PARTNER, ROLES

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def ttl_seconds(text: str) -> int:
    """``90``, ``15m``, ``1h`` or ``7d`` as seconds."""
    raw = text.strip().lower()
    factor = _UNITS.get(raw[-1:])
    number = raw[:-1] if factor else raw
    try:
        seconds = int(float(number) * (factor or 1))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"--ttl must look like 90, 15m, 1h or 7d: {text!r}"
        ) from exc
    if seconds <= 0:
        raise argparse.ArgumentTypeError("--ttl must be positive")
    if seconds > MAX_TOKEN_LIFETIME:
        raise argparse.ArgumentTypeError(
            f"--ttl must be at most {MAX_TOKEN_LIFETIME // 86400}d, the longest lifetime "
            "a server accepts"
        )
    return seconds


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "token",
        help="mint a bearer token (JWT) for a role, e.g. a partner's portal token",
        description="Print a signed JWT. HS256 with GRAPH_API_JWT_SECRET, or with the "
        "development secret that `serve` keeps in the data directory; RS256 with "
        "--private-key. Use it as `Authorization: Bearer <token>`.",
    )
    parser.add_argument("--role", required=True, choices=ROLES, help="the token's role")
    parser.add_argument(
        "--partner-id", default=None, help="the partner a partner token is for (required then)"
    )
    parser.add_argument(
        "--ttl", type=ttl_seconds, default=3600, help="lifetime: 90, 15m, 1h, 7d (default: 1h)"
    )
    parser.add_argument(
        "--sub", default=None, help="subject recorded as the actor (default: ROLE or partner:ID)"
    )
    parser.add_argument(
        "--private-key",
        type=Path,
        default=None,
        help="PEM private key: sign RS256 for a server configured with its public key",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="where the development secret lives (default: $GRAPH_API_DATA_DIR or ./.graph-data)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.role == PARTNER and not args.partner_id:
        raise ConfigError("--partner-id is required for a partner token")
    if args.role != PARTNER and args.partner_id:
        raise ConfigError("--partner-id applies to partner tokens only")
    sub = args.sub or (f"partner:{args.partner_id}" if args.role == PARTNER else args.role)
    if args.private_key is not None:
        key, algorithm = args.private_key.read_text(), RS256
    else:
        key, algorithm = signing_secret(settings_from(args)), "HS256"
    print(mint(key, args.role, sub, args.partner_id, ttl=args.ttl, algorithm=algorithm))
    return 0
