"""Programs: partner programs and their commission terms."""
