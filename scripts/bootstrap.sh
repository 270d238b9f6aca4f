#!/usr/bin/env bash
# Create .venv (if missing) and install the project with its dev tools.
# Versions come from constraints.txt; pip's output goes to .venv/install.log and is shown only when it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "creating .venv with $("$PYTHON" --version)"
  "$PYTHON" -m venv .venv
fi
echo "installing graph-api and its dependencies into .venv ..."
if ! { .venv/bin/python -m pip install --upgrade pip \
       && .venv/bin/python -m pip install -c constraints.txt -e ".[dev]"; } > .venv/install.log 2>&1; then
  tail -40 .venv/install.log
  echo "installation failed; the full log is in .venv/install.log" >&2
  exit 1
fi
