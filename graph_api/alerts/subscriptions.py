"""``alertRaised``: alerts as they are raised, from the change feed.

Raising an alert records an ``Alert.create`` change entry, so this is the change
stream (graph_api/events/subscriptions.py) selected to those entries: the same
scope rules, the same redaction, the same replay with ``afterSequence``.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated, Any

import strawberry

from graph_api.alerts.types import Alert
from graph_api.events.model import Event
from graph_api.events.subscriptions import AfterSequence, stream
from graph_api.reading import GqlInfo

RAISED = ["Alert.create"]


def _raised(event: Event) -> bool:
    return event.after is not None


@strawberry.type
class AlertSubscription:
    @strawberry.subscription(
        description="Alerts as they are raised for a partner and, for a distributor, the "
        "partners below it. Partner tokens receive only their own partners' alerts."
    )
    async def alert_raised(
        self,
        info: GqlInfo,
        partner_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="Only this partner's alerts and those of the partners below it "
                "(null = all visible)."
            ),
        ] = None,
        after_sequence: AfterSequence = None,
    ) -> AsyncGenerator[Alert, None]:
        async for change in stream(info.context, RAISED, partner_id, _raised, after_sequence):
            after: Any = change.after
            yield Alert.of(dict(after))
