"""The embeddable relationship view for partner portals.

- ``<partner-graph>``: a web component (graph_api/static/embed) that draws
  ``relationshipView`` with the vendored Cytoscape.js, served from this package.
- ``POST /embed/token``: an admin (service) credential mints a short-lived,
  read-only token for one partner (:mod:`graph_api.embed.tokens`).
- ``GET /embed/relationship-view``: the same element in a page for an iframe,
  framable only by the origins in GRAPH_API_EMBED_ORIGINS.
- ``GET /embed/demo``: the element with a demo partner token (development only).
"""
