"""Alerts: admin-configured rules that warn partners before something goes wrong.

Rules (``AlertRule`` nodes) name a kind of condition; evaluation raises an
``Alert`` node per condition that holds and resolves it when it clears, writing a
change-log entry each time, so alerts reach subscribers and webhooks through the
same feed as every other change.
"""
