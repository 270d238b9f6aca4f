"""Audit: the change log as GraphQL."""
