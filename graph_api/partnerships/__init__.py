"""Partnerships: one partner's membership of one program."""
