"""Command-line interface over the services; no Qt."""
