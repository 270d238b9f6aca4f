"""The vendored GraphiQL assets are exactly the pinned npm files, licensed, and shipped."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

from graph_api.ide import STATIC_DIR, VENDOR_DIR
from tests.support.assets import PINNED

ROOT = Path(__file__).resolve().parent.parent
IDE_LIBS = {path.split("/")[0] for path in PINNED}


def test_vendored_files_match_their_pinned_hashes() -> None:
    for path, digest in PINNED.items():
        data = (VENDOR_DIR / path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, path


def test_every_file_of_the_ide_libraries_is_pinned_and_licensed() -> None:
    for lib in IDE_LIBS:
        files = {f"{lib}/{p.name}" for p in (VENDOR_DIR / lib).iterdir()}
        assert files <= PINNED.keys(), files - PINNED.keys()
        assert f"{lib}/LICENSE" in files


def test_ide_page_references_only_pinned_files() -> None:
    html = (STATIC_DIR / "ide" / "index.html").read_text()
    for path in PINNED:
        if not path.endswith("LICENSE"):
            assert f'"/ide/vendor/{path}"' in html, path
    assert "http://" not in html and "https://" not in html  # never a CDN


def test_static_files_are_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["graph_api"]
    package = STATIC_DIR.parent
    shipped = {f.resolve() for pattern in patterns for f in package.glob(pattern)}
    for path in [*PINNED, "../ide/index.html"]:
        assert (VENDOR_DIR / path).resolve() in shipped, path
