"""Deals: opportunities, their attribution credits and registrations."""
