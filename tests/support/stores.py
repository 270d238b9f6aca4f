"""Which graph store the integration tests run on, besides the embedded default."""

from __future__ import annotations

# Tests on containers use the production image (docker-compose.yml pins the same one).
NEO4J_IMAGE = "neo4j:5.26.2-community"
