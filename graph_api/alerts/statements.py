"""Named Cypher statements of alerts."""

from __future__ import annotations

from graph_api.cypher import named

ALERT_RULE_STATE = named("queries/alert_rule_state")
ALERT_RULE_WRITE = named("queries/alert_rule_write")
ALERT_RULE_LIST = named("queries/alert_rule_list")
ALERT_OPEN = named("queries/alert_open")
ALERT_RAISE = named("queries/alert_raise")
ALERT_RESOLVE = named("queries/alert_resolve")
ALERT_ACKNOWLEDGE = named("queries/alert_acknowledge")
ALERT_PAGE = named("queries/alert_page")
# One statement per rule kind: the conditions that hold now (see rules.py).
WHEN_CERTIFICATION_EXPIRING = named("queries/alert_when_certification_expiring")
WHEN_STOCK_LOW = named("queries/alert_when_stock_low")
WHEN_GOAL_AT_RISK = named("queries/alert_when_goal_at_risk")
WHEN_REGISTRATION_CONFLICT = named("queries/alert_when_registration_conflict")
WHEN_DEAL_STALLED = named("queries/alert_when_deal_stalled")
