"""Deployment files: docker compose wiring, the Dockerfile, the container test store.

There is no Docker engine on the machines that run the suite, so these tests
read the files and check their wiring, and check that the container store
option skips with a clear reason when no engine answers.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.support.stores import NEO4J_IMAGE

REPO = Path(__file__).resolve().parent.parent


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    return data


def test_neo4j_service_is_pinned_healthchecked_and_persistent() -> None:
    neo4j = compose()["services"]["neo4j"]
    assert re.fullmatch(r"neo4j:5\.\d+\.\d+-community", neo4j["image"]), neo4j["image"]
    assert neo4j["image"] == NEO4J_IMAGE  # tests on containers use the production image
    assert neo4j["ports"] == ["7474:7474", "7687:7687"]
    assert neo4j["volumes"] == ["neo4j-data:/data"]
    assert "neo4j-data" in compose()["volumes"]
    health = neo4j["healthcheck"]
    assert health["test"][0] == "CMD-SHELL"
    assert "cypher-shell" in health["test"][1] and "RETURN 1" in health["test"][1]
    assert {"interval", "timeout", "retries"} <= set(health)
    # No default password: compose refuses to start without one.
    assert neo4j["environment"]["NEO4J_AUTH"] == "neo4j/${NEO4J_PASSWORD:?set NEO4J_PASSWORD}"


def test_api_service_is_built_here_and_wired_to_neo4j() -> None:
    services = compose()["services"]
    api = services["api"]
    assert api["build"] == "."
    assert api["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    env = api["environment"]
    assert env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert env["NEO4J_USER"] == "neo4j"
    assert env["NEO4J_DATABASE"] == "neo4j"
    # Both services require the same password variable; neither has a default.
    assert env["NEO4J_PASSWORD"] == "${NEO4J_PASSWORD:?set NEO4J_PASSWORD}"
    assert env["GRAPH_API_SEED_DEMO"] == "${GRAPH_API_SEED_DEMO:-false}"
    assert api["ports"][0] == "8000:8000"
    assert "/ready" in " ".join(api["healthcheck"]["test"])


def test_api_service_reads_its_key_from_a_mounted_file_and_gives_up_on_bad_config() -> None:
    data = compose()
    api = data["services"]["api"]
    env = api["environment"]
    assert env["GRAPH_API_JWT_PUBLIC_KEY_FILE"] == "/run/secrets/jwt-public.pem"
    assert "GRAPH_API_JWT_PUBLIC_KEY" not in env and "GRAPH_API_JWT_SECRET" not in env
    assert api["secrets"] == [{"source": "jwt-public-key", "target": "jwt-public.pem"}]
    key_file = data["secrets"]["jwt-public-key"]["file"]
    assert key_file.startswith("${GRAPH_API_JWT_PUBLIC_KEY_PATH")
    # A config error fails every start alike: a few tries, then stop (no restart loop).
    assert api["restart"] == "on-failure:3"
    health = api["healthcheck"]
    assert "http://127.0.0.1:8000/ready" in " ".join(health["test"])
    assert {"interval", "timeout", "retries", "start_period"} <= set(health)
    # Production logs and metrics: JSON lines, /metrics on its own port, loopback-published.
    assert env["GRAPH_API_LOG_FORMAT"] == "${GRAPH_API_LOG_FORMAT:-json}"
    assert env["GRAPH_API_METRICS_PORT"] == "9464"
    assert "127.0.0.1:9464:9464" in api["ports"]


def test_dockerfile_installs_the_package_and_runs_serve() -> None:
    lines = [
        line.strip()
        for line in (REPO / "Dockerfile").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert lines[0] == "FROM python:3.11-slim"
    # A wheel install (not editable) of the pinned stack, without the embedded store's
    # extra; the source tree goes once it is installed (the package carries its data).
    assert "RUN pip install -c constraints.txt . && cd / && rm -rf /src" in lines
    assert not any("-e ." in line or "[embedded]" in line for line in lines)
    assert "COPY pyproject.toml setup.py MANIFEST.in README.md constraints.txt ./" in lines
    for folder in ("graph_api", "cypher", "seed", "schema"):  # what the wheel bundles
        assert f"COPY {folder} ./{folder}" in lines
    cmd = [line for line in lines if line.startswith("CMD ")]
    assert cmd == ['CMD ["graph-api", "serve", "--host", "0.0.0.0", "--port", "8000"]']
    assert any(line.startswith("USER ") and line != "USER root" for line in lines)
    ignored = (REPO / ".dockerignore").read_text().splitlines()
    assert {".git", ".venv", ".graph-data", "build", "*.pem"} <= set(ignored)
    assert not {"schema", "cypher", "seed", "setup.py", "MANIFEST.in"} & set(ignored)


def test_neo4j_container_store_skips_with_a_reason_without_docker(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["DOCKER_HOST"] = f"unix://{tmp_path / 'no-docker.sock'}"  # no engine answers here
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-rs",
            "--store=neo4j-container",
            "tests/test_migrations.py::test_project_schema_is_applied_and_recorded",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 skipped" in result.stdout
    assert "--store=neo4j-container needs a running Docker engine; none was found" in result.stdout


def test_readme_documents_every_setting() -> None:
    """The README's configuration table names every variable that config.py reads."""
    source = (REPO / "graph_api" / "config.py").read_text()
    variables = set(re.findall(r'"((?:NEO4J|GRAPH_API)_[A-Z0-9_]+)"', source))
    assert {"NEO4J_URI", "GRAPH_API_DATA_DIR", "GRAPH_API_SEED_DEMO"} <= variables
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `((?:NEO4J|GRAPH_API)_[A-Z0-9_]+)`", section, re.M))
    assert sorted(variables - documented) == []
