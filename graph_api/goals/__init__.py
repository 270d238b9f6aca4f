"""Goals: partner targets per period, for dashboards."""
