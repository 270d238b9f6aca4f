"""Campaigns: leads and deals are SOURCED_FROM a campaign, partners take part through
their partnerships ((Partnership)-[:RUNS]->(Campaign)), and campaignEffectiveness
measures what came of it."""
