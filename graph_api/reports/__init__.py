"""Partner statements and report documents: the earnings statement as GraphQL, CSV
and PDF, and CSV exports of the dashboard, the leaderboard and the forecast."""
