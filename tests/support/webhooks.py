"""Webhook endpoints registered through the API of a running app."""

from __future__ import annotations

from typing import Any

from tests.support.events import RunningApp, gql

REGISTER = """
mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) {
    __typename
    ... on WebhookEndpointRegistered { secret endpoint { id url eventTypes active lastSequence } }
    ... on ValidationError { message fields { path reason } }
  }
}
"""


async def register(app: RunningApp, url: str, **fields: Any) -> tuple[str, str]:
    data = await gql(app.url, REGISTER, {"input": {"url": url, **fields}})
    result = data["registerWebhookEndpoint"]
    assert result["__typename"] == "WebhookEndpointRegistered", result
    return result["endpoint"]["id"], result["secret"]
