"""Synthetic datasets of any size: records.py makes them, words.py and channel.py feed it."""
