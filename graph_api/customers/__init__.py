"""Customers: the end customers' accounts."""
