"""Helpers the test modules share (not tests: pytest collects only test_*.py)."""
