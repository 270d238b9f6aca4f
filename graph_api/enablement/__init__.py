"""Enablement: courses, what programs require of each tier, and what partners' contacts
completed and hold (completions, certifications)."""
