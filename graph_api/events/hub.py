"""The running event machinery of one app: its broker and webhook worker.

The app creates it at start-up, keeps it on its state (``app.state.graph.events``)
and hands it to every request's context (``ctx.events``); nothing is global, so
two apps in one process never share a hub.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph_api.config import Settings
from graph_api.events.broker import Broker, create_broker
from graph_api.store import Store
from graph_api.webhooks.worker import WebhookWorker

if TYPE_CHECKING:
    from graph_api.context import RequestContext


@dataclass
class EventHub:
    settings: Settings
    store: Store
    broker: Broker
    worker: WebhookWorker | None = None


def hub_for(ctx: RequestContext) -> EventHub:
    """The request's app's hub; only a context built outside a running app has none."""
    if ctx.events is None:
        raise RuntimeError("change events are not running for this request's app")
    return ctx.events


@contextlib.asynccontextmanager
async def running(settings: Settings, store: Store) -> AsyncIterator[EventHub]:
    """Start the configured broker (and the webhook worker when enabled) for an app's life."""
    broker = create_broker(settings.event_broker, store, settings.event_poll_interval)
    await broker.start()
    hub = EventHub(settings=settings, store=store, broker=broker)
    if settings.webhook_worker:
        hub.worker = WebhookWorker(store, settings)
        hub.worker.start()
    try:
        yield hub
    finally:
        if hub.worker is not None:
            await hub.worker.stop()
        await broker.stop()
