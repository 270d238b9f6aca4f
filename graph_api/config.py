"""Settings read from environment variables, each with a documented default.

The README's configuration table mirrors this module; keep them in step.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path


def _env(name: str, default: str) -> str:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _env_seconds(name: str, default: float) -> float:
    """A duration: plain seconds, or a number with an s/m/h/d suffix (``7d``, ``0.05``)."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    units = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
    text = raw.strip().lower()
    factor = units.get(text[-1:])
    try:
        return float(text[:-1] if factor else text) * (factor or 1.0)
    except ValueError as exc:
        raise ConfigError(
            f"{name} must be a duration like 30, 0.5, 15m or 7d, got {raw!r}"
        ) from exc


class ConfigError(Exception):
    """A configuration value is missing or malformed."""


DEFAULT_MAX_HEADER_BYTES = 32_768
DEFAULT_ROLE_WEIGHTS = {"sourced": 0.4, "referred": 0.3, "delivered": 0.2, "influenced": 0.1}
DEFAULT_HALF_LIFE_DAYS = 30.0


def _default_role_weights() -> Mapping[str, float]:
    return dict(DEFAULT_ROLE_WEIGHTS)


@dataclass(frozen=True)
class CreditTerms:
    """The terms of deal credit (graph_api/intelligence/credit.py): the weight of each
    role under ROLE_WEIGHTED (any other role weighs 0), and TIME_DECAY's half-life."""

    role_weights: Mapping[str, float] = field(default_factory=_default_role_weights)
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS


@dataclass(frozen=True)
class Settings:
    # External store. When neo4j_uri is None the embedded store is used.
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"
    # Embedded store.
    data_dir: Path = Path(".graph-data")
    bolt_port: int = 0  # 0 picks a free port
    store_heap: str = "1g"
    store_start_timeout: float = 90.0
    # Service.
    profile: str = "development"  # development | production
    host: str = "127.0.0.1"
    port: int = 8000
    graphiql: bool = True
    introspection: bool = True
    query_timeout: float = 30.0
    # Load the demo dataset into an empty graph on `serve`: on by default for the
    # embedded store, off by default against NEO4J_URI (a real server).
    seed_demo: bool = True
    # Change events, subscriptions and webhooks (see README "Real-time changes").
    event_broker: str = "inprocess"  # inprocess | graph
    event_retention: float = 7 * 86400.0  # seconds of change log that can be replayed
    event_poll_interval: float = 0.5  # graph broker: seconds between polls of the log
    webhook_worker: bool = True  # run the delivery worker inside the API process
    webhook_allow_private: bool = False  # production: allow private/loopback URLs
    webhook_max_attempts: int = 8
    webhook_backoff_base: float = 1.0
    webhook_backoff_max: float = 300.0
    webhook_timeout: float = 10.0
    webhook_poll_interval: float = 1.0
    webhook_lease: float = 30.0
    # Security (see README "Security"). With neither a JWT secret nor a public key
    # configured, auth is off and every caller is an anonymous admin.
    jwt_secret: str | None = None  # HS256 shared secret (development)
    jwt_public_key: str | None = None  # RS256 PEM public key (production)
    cors_origins: tuple[str, ...] = ()  # allowlist; empty = no cross-origin access
    embed_origins: tuple[str, ...] = ()  # may frame /embed/relationship-view; empty = none
    max_body_bytes: int = 1_048_576
    max_header_bytes: int = DEFAULT_MAX_HEADER_BYTES  # request line and headers, as read
    max_depth: int = 15
    max_aliases: int = 30
    max_tokens: int = 5000
    max_cost: int = 50_000
    # Operations (see README "Metrics"): /metrics on the API port, or on a port of its own.
    metrics: bool = False
    metrics_port: int = 0  # 0: no separate metrics listener
    log_format: str = "text"  # text | json (one JSON line per record and per request)
    tracing: str = "off"  # off | otlp | console (graph_api/tracing.py; the tracing extra)
    # Deal credit: GRAPH_API_ROLE_WEIGHTS and GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS.
    credit: CreditTerms = field(default_factory=CreditTerms)
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def embedded(self) -> bool:
        return self.neo4j_uri is None

    @property
    def production(self) -> bool:
        return self.profile == "production"

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls) -> Settings:
        profile = _env("GRAPH_API_PROFILE", "development")
        if profile not in {"development", "production"}:
            raise ConfigError(
                f"GRAPH_API_PROFILE must be development or production, not {profile!r}"
            )
        dev = profile == "development"
        uri = os.environ.get("NEO4J_URI") or None
        return cls(
            neo4j_uri=uri,
            neo4j_user=_env("NEO4J_USER", "neo4j"),
            neo4j_password=_env("NEO4J_PASSWORD", ""),
            neo4j_database=_env("NEO4J_DATABASE", "neo4j"),
            data_dir=Path(_env("GRAPH_API_DATA_DIR", ".graph-data")),
            bolt_port=_env_int("GRAPH_API_BOLT_PORT", 0),
            store_heap=_env("GRAPH_API_STORE_HEAP", "1g"),
            store_start_timeout=float(_env_int("GRAPH_API_STORE_START_TIMEOUT", 90)),
            profile=profile,
            host=_env("GRAPH_API_HOST", "127.0.0.1"),
            port=_env_int("GRAPH_API_PORT", 8000),
            graphiql=_env_bool("GRAPH_API_GRAPHIQL", dev),
            introspection=_env_bool("GRAPH_API_INTROSPECTION", dev),
            query_timeout=float(_env_int("GRAPH_API_QUERY_TIMEOUT", 30)),
            seed_demo=_env_bool("GRAPH_API_SEED_DEMO", uri is None),
            event_broker=_event_broker(_env("GRAPH_API_EVENT_BROKER", "inprocess")),
            event_retention=_env_seconds("GRAPH_API_EVENT_RETENTION", 7 * 86400.0),
            event_poll_interval=_env_seconds("GRAPH_API_EVENT_POLL_INTERVAL", 0.5),
            webhook_worker=_env_bool("GRAPH_API_WEBHOOK_WORKER", True),
            webhook_allow_private=_env_bool("GRAPH_API_WEBHOOK_ALLOW_PRIVATE", False),
            webhook_max_attempts=_env_int("GRAPH_API_WEBHOOK_MAX_ATTEMPTS", 8),
            webhook_backoff_base=_env_seconds("GRAPH_API_WEBHOOK_BACKOFF_BASE", 1.0),
            webhook_backoff_max=_env_seconds("GRAPH_API_WEBHOOK_BACKOFF_MAX", 300.0),
            webhook_timeout=_env_seconds("GRAPH_API_WEBHOOK_TIMEOUT", 10.0),
            webhook_poll_interval=_env_seconds("GRAPH_API_WEBHOOK_POLL_INTERVAL", 1.0),
            webhook_lease=_env_seconds("GRAPH_API_WEBHOOK_LEASE", 30.0),
            jwt_secret=os.environ.get("GRAPH_API_JWT_SECRET") or None,
            jwt_public_key=_public_key(),
            cors_origins=tuple(
                o.strip() for o in _env("GRAPH_API_CORS_ORIGINS", "").split(",") if o.strip()
            ),
            embed_origins=_origins("GRAPH_API_EMBED_ORIGINS"),
            max_body_bytes=_env_int("GRAPH_API_MAX_BODY_BYTES", 1_048_576),
            max_header_bytes=_env_int("GRAPH_API_MAX_HEADER_BYTES", DEFAULT_MAX_HEADER_BYTES),
            max_depth=_env_int("GRAPH_API_MAX_DEPTH", 15),
            max_aliases=_env_int("GRAPH_API_MAX_ALIASES", 30),
            max_tokens=_env_int("GRAPH_API_MAX_TOKENS", 5000),
            max_cost=_env_int("GRAPH_API_MAX_COST", 50_000),
            metrics=_env_bool("GRAPH_API_METRICS", False),
            metrics_port=_env_int("GRAPH_API_METRICS_PORT", 0),
            log_format=_log_format(_env("GRAPH_API_LOG_FORMAT", "text")),
            tracing=_tracing(_env("GRAPH_API_TRACING", "off")),
            credit=CreditTerms(
                role_weights=_role_weights("GRAPH_API_ROLE_WEIGHTS"),
                half_life_days=_positive(
                    "GRAPH_API_TIME_DECAY_HALF_LIFE_DAYS", DEFAULT_HALF_LIFE_DAYS
                ),
            ),
        )


_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")


def _origins(name: str) -> tuple[str, ...]:
    """Comma-separated origins (scheme://host[:port]); they go into a CSP header verbatim."""
    origins = tuple(o.strip().rstrip("/") for o in _env(name, "").split(",") if o.strip())
    for origin in origins:
        if not _ORIGIN.match(origin):
            raise ConfigError(f"{name}: {origin!r} is not an origin like https://portal.example")
    return origins


def _public_key() -> str | None:
    """The RS256 public key: inline PEM, or read from GRAPH_API_JWT_PUBLIC_KEY_FILE."""
    inline = os.environ.get("GRAPH_API_JWT_PUBLIC_KEY")
    if inline:
        return inline
    path = os.environ.get("GRAPH_API_JWT_PUBLIC_KEY_FILE")
    if not path:
        return None
    try:
        return Path(path).read_text()
    except OSError as exc:
        raise ConfigError(f"GRAPH_API_JWT_PUBLIC_KEY_FILE cannot be read: {exc}") from exc


def _event_broker(value: str) -> str:
    if value not in {"inprocess", "graph"}:
        raise ConfigError(f"GRAPH_API_EVENT_BROKER must be inprocess or graph, not {value!r}")
    return value


def _log_format(value: str) -> str:
    if value not in {"text", "json"}:
        raise ConfigError(f"GRAPH_API_LOG_FORMAT must be text or json, not {value!r}")
    return value


def _tracing(value: str) -> str:
    if value not in {"off", "otlp", "console"}:
        raise ConfigError(f"GRAPH_API_TRACING must be off, otlp or console, not {value!r}")
    return value


def _role_weights(name: str) -> dict[str, float]:
    """The default weights, overridden per role by ``role=weight,...`` (roles in any case)."""
    weights = dict(DEFAULT_ROLE_WEIGHTS)
    raw = os.environ.get(name, "").strip()
    if not raw:
        return weights
    for part in raw.split(","):
        role, sep, value = part.partition("=")
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not sep or not role.strip() or not math.isfinite(number) or number < 0:
            raise ConfigError(f"{name} entry {part!r} is not role=weight (weight >= 0)")
        weights[role.strip().lower()] = number
    return weights


def _positive(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not math.isfinite(value) or value <= 0:
        raise ConfigError(f"{name} must be a positive number, got {raw!r}")
    return value
