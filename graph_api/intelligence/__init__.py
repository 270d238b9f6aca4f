"""Relationship intelligence: answers computed as graph traversals.

One module per concept (co-selling, credit, earnings, overlap, paths,
registrations, dashboards, health, views). Each GraphQL field sends exactly one
named Cypher query from ``cypher/queries/intel_*.cypher``; arithmetic that is
easier to check in Python (credit splits, cents, percentiles, scores) runs on
that one result.
"""
