"""Contacts: people who work at customers."""
