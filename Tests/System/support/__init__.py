"""Helpers of the system tests that are not fixtures (the fixtures are in ../conftest.py)."""
