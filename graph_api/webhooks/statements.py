"""Named statements behind webhook endpoints, their deliveries and the delivery worker."""

from __future__ import annotations

from graph_api.cypher import named

# Endpoints as the API manages them.
ENDPOINT_CREATE = named("queries/webhook_endpoint_create")
ENDPOINT_UPDATE = named("queries/webhook_endpoint_update")
ENDPOINT_DELETE = named("queries/webhook_endpoint_delete")
ENDPOINT_PAGE = named("queries/webhook_endpoint_page")
ENDPOINT_BY_IDS = named("queries/webhook_endpoint_by_ids")
DELIVERIES = named("queries/webhook_deliveries")
REPLAY_DEAD = named("queries/webhook_replay_dead")
DELIVERY_ENDPOINT = named("queries/webhook_delivery_endpoint")

# The outbox as the worker reads and records it.
ENDPOINTS_ACTIVE = named("queries/webhook_endpoints_active")
ENDPOINT_STATE = named("queries/webhook_endpoint_state")
OWED = named("queries/webhook_owed")
DELIVERED = named("queries/webhook_delivered")
ATTEMPT_FAILED = named("queries/webhook_attempt_failed")
CURSOR_RESET = named("queries/webhook_cursor_reset")
PRUNE = named("queries/webhook_prune")

# The lease that lets one worker deliver at a time.
LEASE = named("queries/webhook_lease")
LEASE_RELEASE = named("queries/webhook_lease_release")
