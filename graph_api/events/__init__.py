"""Change events: brokers that fan committed changes out to subscribers, the
GraphQL subscriptions, and webhook delivery from the change-log outbox.

The change log (``(:Change)`` nodes, graph_api/changes.py) is the event
stream: an event exists exactly when its write committed, and its sequence
number orders it. Brokers only decide how quickly and where a process hears
of new entries.
"""
