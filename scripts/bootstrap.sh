#!/usr/bin/env bash
# Create .venv (if missing) and install the project with its dev tools.
# Versions come from constraints.txt. The install is skipped when constraints.txt,
# pyproject.toml and setup.py are unchanged since the last successful one (the
# project itself is installed editable, so code changes need no reinstall);
# delete .venv/.install-stamp to force it. pip's full output goes to
# .venv/install.log; the steps and each package being collected are shown.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
STAMP=.venv/.install-stamp
inputs="$(cat constraints.txt pyproject.toml setup.py | cksum)"
if [ -x .venv/bin/python ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$inputs" ]; then
  echo "dependencies unchanged since the last install; skipping it (rm $STAMP to force)"
  exit 0
fi
if [ ! -x .venv/bin/python ]; then
  echo "[1/3] creating .venv with $("$PYTHON" --version)"
  "$PYTHON" -m venv .venv
else
  echo "[1/3] reusing .venv: constraints.txt, pyproject.toml or setup.py changed since its last install"
fi
rm -f "$STAMP"
: > .venv/install.log

# pip's output into the log, with the packages it collects echoed as progress.
pip_step() {
  .venv/bin/python -m pip "$@" 2>&1 | while IFS= read -r line; do
    printf '%s\n' "$line" >> .venv/install.log
    case "$line" in Collecting*) echo "      ${line}" ;; esac
  done
}
failed() {
  tail -40 .venv/install.log
  echo "installation failed; the full log is in .venv/install.log" >&2
  exit 1
}
echo "[2/3] upgrading pip"
pip_step install --upgrade pip || failed
echo "[3/3] installing graph-api (editable) and the $(grep -c '==' constraints.txt) pinned packages of constraints.txt; the first time takes a few minutes"
pip_step install -c constraints.txt -e ".[dev,embedded,tracing]" || failed
echo "$inputs" > "$STAMP"
echo "installed into .venv"
