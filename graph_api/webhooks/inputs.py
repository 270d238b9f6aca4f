"""What webhook mutations take, and the checks on it that need no store."""

from __future__ import annotations

import asyncio
import re

import strawberry

from graph_api.config import Settings
from graph_api.errors import InputInvalid
from graph_api.webhooks.delivery import url_problem

EVENT_TYPE = re.compile(r"^[A-Za-z][A-Za-z_]*(\.(create|update|delete|link|unlink))?$")
MIN_SECRET = 16


@strawberry.input(description="A new webhook endpoint.")
class RegisterWebhookEndpointInput:
    url: str = strawberry.field(
        description="http(s) URL that receives POSTed events (at most 2048 characters, "
        "no whitespace or control characters)."
    )
    event_types: list[str] = strawberry.field(
        default_factory=list,
        description="Entity types (`Deal`, `ATTRIBUTED`) or event types (`Deal.update`); "
        "empty = every event the owner may see.",
    )
    secret: str | None = strawberry.field(
        default=None,
        description=f"Signing secret (at least {MIN_SECRET} characters); generated when omitted.",
    )
    active: bool = strawberry.field(default=True, description="Start delivering at once.")
    description: str | None = strawberry.field(default=None, description="Free text.")


@strawberry.input(description="Changes to a webhook endpoint; omitted fields stay as they are.")
class UpdateWebhookEndpointInput:
    id: strawberry.ID = strawberry.field(description="The endpoint to change.")
    url: str | None = strawberry.field(default=None, description="New URL.")
    event_types: list[str] | None = strawberry.field(default=None, description="New selection.")
    active: bool | None = strawberry.field(default=None, description="Pause or resume.")
    description: str | None = strawberry.field(default=None, description="New description.")
    rotate_secret: bool = strawberry.field(
        default=False, description="Generate a new signing secret (returned once)."
    )


@strawberry.input(description="Which webhook endpoint to remove.")
class DeleteWebhookEndpointInput:
    id: strawberry.ID = strawberry.field(description="The endpoint to remove.")


@strawberry.input(description="Queue every dead letter of one endpoint again.")
class ReplayDeadLettersInput:
    endpoint_id: strawberry.ID = strawberry.field(description="The endpoint.")


@strawberry.input(description="Queue one dead-lettered delivery again.")
class ReplayDeliveryInput:
    delivery_id: strawberry.ID = strawberry.field(description="The dead-lettered delivery.")


async def check_endpoint(
    url: str | None, event_types: list[str] | None, settings: Settings | None
) -> None:
    """Raise InputInvalid naming each bad field; ``settings`` None means change events
    are not running here, so no URL can be checked."""
    errors: list[tuple[list[str], str]] = []
    if url is not None:
        # In production this resolves the host: off the event loop.
        problem = (
            await asyncio.to_thread(url_problem, url, settings)
            if settings is not None
            else "change events are not running"
        )
        if problem:
            errors.append((["url"], problem))
    for index, value in enumerate(event_types or []):
        if not EVENT_TYPE.match(value):
            errors.append(
                (
                    ["eventTypes", str(index)],
                    f"{value!r} is not an entity type (Deal) or event type (Deal.update)",
                )
            )
    if errors:
        raise InputInvalid(errors)


def check_secret(secret: str | None) -> None:
    if secret is not None and len(secret) < MIN_SECRET:
        raise InputInvalid([(["secret"], f"use at least {MIN_SECRET} characters")])
