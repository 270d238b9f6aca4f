"""Relationship intelligence: answers computed as graph traversals.

One module per concept (co-selling, credit, earnings, overlap, paths,
registrations, dashboards, health, views), each holding its result types next
to its resolvers; ``refs`` and ``graph`` hold the types several share (entity
references, nodes, edges and paths). Each GraphQL field sends exactly one named
Cypher query from ``cypher/queries/intel_*.cypher``, built with its parameters
by one ``*_statement`` function that ``graph-api bench`` calls too; arithmetic
that is easier to check in Python (credit splits, cents, percentiles, scores)
runs on that one result.
"""
