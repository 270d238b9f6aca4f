"""Benchmark suites behind ``graph-api bench`` (the command lives in commands/bench.py)."""
