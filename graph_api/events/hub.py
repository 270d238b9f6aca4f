"""The running event machinery of one app: its broker and webhook worker.

Resolvers find it from the request's store (``hub_for(ctx.store)``), so the
request context needs no extra field.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import AsyncIterator
from dataclasses import dataclass

from graph_api.config import Settings
from graph_api.events.broker import Broker, create_broker
from graph_api.store import Store
from graph_api.webhooks.worker import WebhookWorker

_hubs: weakref.WeakKeyDictionary[Store, EventHub] = weakref.WeakKeyDictionary()


@dataclass
class EventHub:
    settings: Settings
    store: Store
    broker: Broker
    worker: WebhookWorker | None = None


def hub_for(store: Store) -> EventHub:
    hub = _hubs.get(store)
    if hub is None:
        raise RuntimeError("change events are not running for this store")
    return hub


def find_hub(store: Store) -> EventHub | None:
    return _hubs.get(store)


@contextlib.asynccontextmanager
async def running(settings: Settings, store: Store) -> AsyncIterator[EventHub]:
    """Start the configured broker (and the webhook worker when enabled) for an app's life."""
    broker = create_broker(settings.event_broker, store, settings.event_poll_interval)
    await broker.start()
    hub = EventHub(settings=settings, store=store, broker=broker)
    if settings.webhook_worker:
        hub.worker = WebhookWorker(store, settings)
        hub.worker.start()
    _hubs[store] = hub
    try:
        yield hub
    finally:
        _hubs.pop(store, None)
        if hub.worker is not None:
            await hub.worker.stop()
        await broker.stop()
