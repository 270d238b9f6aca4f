"""Leads: prospects referred by partnerships, converted into deals."""
