"""Challenges: an admin's target on a leaderboard metric for a period and a population;
reaching it is recorded once, as a change event (and so a webhook) for the partner."""
