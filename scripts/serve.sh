#!/usr/bin/env bash
# Install everything, then start the embedded store with demo data and serve
# GraphQL on http://127.0.0.1:8000/graphql. Extra arguments go to `graph-api serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
exec .venv/bin/graph-api serve "$@"
