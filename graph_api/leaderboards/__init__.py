"""Leaderboards: partners ranked on a metric over a period, within a tier, region or
program, anonymised as far as consent requires."""
