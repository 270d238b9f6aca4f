"""Settings read from environment variables, each with a documented default.

The README's configuration table mirrors this module; keep them in step.
"""

from __future__ import annotations

import os
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


class ConfigError(Exception):
    """A configuration value is missing or malformed."""


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
        )
