"""Packaging: the wheel carries cypher/, seed/ and schema/, and works installed.

The wheel is built from a copy of the project (so the checkout gets no build/
folder) with the environment's own setuptools, offline. It is installed into a
fresh virtual environment that sees this environment's dependencies through a
.pth line but not its editable graph_api, and the commands run from there,
outside any checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from graph_api import __version__

REPO = Path(__file__).resolve().parent.parent
DATA_FOLDERS = ("cypher", "seed", "schema")
BUILD_INPUTS = (
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
    "graph_api",
    *DATA_FOLDERS,
)


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def checked(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def tree(root: Path) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the built wheel installed (non-editable); returns its bin/."""
    work = tmp_path_factory.mktemp("packaging")
    source = work / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        origin = REPO / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, source / name)
    dist = work / "dist"
    checked(
        run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
            "--no-index", "-w", dist, source, cwd=work)
    )  # fmt: skip
    (wheel,) = dist.glob("graph_api-*.whl")
    venv = work / "venv"
    checked(run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work))
    python = venv / "bin" / "python"
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = Path(checked(run(python, "-c", where, cwd=work)).strip())
    # Dependencies come from this environment; its graph_api (editable) does not, since
    # .pth files in a directory added by a .pth line are not processed.
    (purelib / "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    checked(
        run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
            "--no-index", wheel, cwd=work)
    )  # fmt: skip
    return venv / "bin"


def test_wheel_bundles_the_data_folders(installed: Path) -> None:
    (wheel,) = (installed.parent.parent / "dist").glob("graph_api-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in DATA_FOLDERS:
        expected = {f"graph_api/_data/{folder}/{name}" for name in tree(REPO / folder)}
        assert expected and expected <= names, sorted(expected - names)


def test_embedded_store_is_an_extra(installed: Path) -> None:
    """Deployments against Neo4j (the Docker image) install without ArcadeDB and its JRE."""
    (wheel,) = (installed.parent.parent / "dist").glob("graph_api-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        requires = [
            line.split(":", 1)[1].strip()
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist:")
        ]
    arcadedb = [r for r in requires if r.startswith("arcadedb-embedded")]
    assert arcadedb and all('extra == "embedded"' in r for r in arcadedb), arcadedb
    assert any(r.startswith("prometheus-client") and "extra" not in r for r in requires)


def test_installed_cli_reports_its_version(installed: Path, tmp_path: Path) -> None:
    out = checked(run(installed / "graph-api", "--version", cwd=tmp_path))
    assert out.strip() == f"graph-api {__version__}"


def test_installed_cli_checks_the_bundled_schema(installed: Path, tmp_path: Path) -> None:
    result = run(installed / "graph-api", "export-schema", "--check", cwd=tmp_path)
    out = checked(result)
    bundled = str(installed.parent / "lib")
    assert "up to date" in out and bundled in out, out


def test_installed_package_reads_its_own_data(installed: Path, tmp_path: Path) -> None:
    probe = (
        "import graph_api, graph_api.cypher as c, graph_api.seeding as s;"
        "import graph_api.migrations as m;"
        "print(graph_api.__file__); print(c.CYPHER_DIR); print(s.DEMO_FILE.is_file());"
        "print(len(m.discover()))"
    )
    module, cypher_dir, demo, migrations = checked(
        run(installed / "python", "-c", probe, cwd=tmp_path)
    ).split()
    venv = str(installed.parent)
    assert module.startswith(venv) and cypher_dir.startswith(venv)
    assert demo == "True"
    assert int(migrations) == len(list((REPO / "cypher" / "schema").glob("*.cypher")))


# -- scripts/bootstrap.sh: install once, skip while the inputs are unchanged -----------------

FAKE_PYTHON = """#!/bin/sh
# Stands in for .venv/bin/python: records each call, prints what pip would collect.
echo "$*" >> "$(dirname "$0")/calls.log"
case "$*" in *"pip install"*) echo "Collecting fakepkg==1.0"; exit "${FAKE_PIP_EXIT:-0}";; esac
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the install inputs and scripts, with a stand-in .venv/bin/python."""
    for name in ("constraints.txt", "pyproject.toml", "setup.py"):
        shutil.copy2(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "scripts", tmp_path / "scripts")
    fake = tmp_path / ".venv" / "bin" / "python"
    fake.parent.mkdir(parents=True)
    fake.write_text(FAKE_PYTHON)
    fake.chmod(0o755)
    return tmp_path


def calls(project: Path) -> list[str]:
    log = project / ".venv" / "bin" / "calls.log"
    lines = log.read_text().splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return lines


def script(project: Path, name: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(project / "scripts" / name), *args],
        cwd=project,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_bootstrap_installs_once_with_progress_then_skips(project: Path) -> None:
    first = script(project, "bootstrap.sh")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "[2/3] upgrading pip" in first.stdout and "[3/3] installing graph-api" in first.stdout
    assert "Collecting fakepkg==1.0" in first.stdout  # what is being installed, as it happens
    assert any("-c constraints.txt -e .[dev,embedded,tracing]" in call for call in calls(project))

    second = script(project, "test.sh", "--co")  # test.sh and serve.sh bootstrap first
    assert second.returncode == 0, second.stdout + second.stderr
    assert "skipping" in second.stdout
    assert calls(project) == ["-m pytest --co"]  # no pip at all

    with (project / "constraints.txt").open("a") as handle:
        handle.write("extra-package==1.0\n")
    third = script(project, "bootstrap.sh")
    assert "[3/3]" in third.stdout and "skipping" not in third.stdout
    assert any("pip install -c constraints.txt" in call for call in calls(project))


def test_bootstrap_failure_leaves_no_stamp(project: Path) -> None:
    failed = script(project, "bootstrap.sh", FAKE_PIP_EXIT="1")
    assert failed.returncode == 1
    assert "installation failed" in failed.stderr
    calls(project)
    again = script(project, "bootstrap.sh")  # the failed install is not taken as done
    assert again.returncode == 0 and "skipping" not in again.stdout
    assert any("pip install" in call for call in calls(project))
