#!/usr/bin/env bash
# Install everything, then run the whole test suite on the embedded store
# (or on NEO4J_URI when it is set). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
./scripts/browser.sh
exec .venv/bin/python -m pytest "$@"
