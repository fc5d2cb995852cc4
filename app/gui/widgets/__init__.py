"""Reusable widgets of the report editor."""
