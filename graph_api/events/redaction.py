"""What a caller may see of a change event: one rule for the ``changes`` query,
subscription events and webhook payloads alike.

Whether a caller sees an event at all is :meth:`Event.concerns` (its
``partnerIds`` meet the caller's scope). Of an event it does see, a partner
sees what its queries show:

- ``partnerIds``: only partners in its scope. A deal credited to A and B
  concerns both, but A's queries hide B's credit (``deal.attributions`` lists
  only A's lines, ``dealCredit`` folds B's into ``otherCreditAmount``), so A's
  events do not name B either.
- ``actor``: the writer's role (``admin``, ``partner``, ``system``), not its
  subject: who on the vendor's staff made a change is not a partner's to know.

Unrestricted callers (admins, analysts, an admin's webhook endpoint) get the
event as recorded.
"""

from __future__ import annotations

import dataclasses

from graph_api.changes import SYSTEM
from graph_api.events.model import Event


def redact(event: Event, scope: list[str] | None) -> Event:
    """``event`` as a caller with this partner scope (None = unrestricted) may see it."""
    if scope is None:
        return event
    return dataclasses.replace(
        event,
        actor=event.actor_role or SYSTEM,
        partner_ids=tuple(p for p in event.partner_ids if p in scope),
    )
