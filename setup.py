"""Build hook: ship cypher/, seed/ and schema/ inside the wheel.

They stay at the top level of the checkout (docs, analysts and the tests use
them there); a built wheel carries copies under graph_api/_data/, which
graph_api/datafiles.py finds when there is no checkout. Everything else is in
pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_FOLDERS = ("cypher", "seed", "schema")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):  # an editable install reads the checkout
            return
        for name in DATA_FOLDERS:
            shutil.copytree(
                ROOT / name,
                Path(self.build_lib) / "graph_api" / "_data" / name,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
            )


setup(cmdclass={"build_py": BuildWithData})
