"""Forecasts: expected closes per month from the data's own history, and their backtest."""
