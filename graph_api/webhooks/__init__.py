"""Webhooks: signed change events POSTed to registered endpoints.

The GraphQL side (``types``, ``inputs``, ``queries``, ``mutations``) manages
endpoints and shows their deliveries; the delivery side (``worker``, ``outbox``,
``delivery``, ``signing``) sends the change log to them. Who manages which
endpoint, and what an endpoint receives, is decided in :mod:`graph_api.authz`.
"""
