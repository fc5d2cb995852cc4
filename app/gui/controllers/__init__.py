"""The window's flows, one controller each: organisations, reports, and import and export (transfer).

Each controller is handed what it works with (a ServiceRunner for the database thread, the Prompts that ask
and warn, the editing controller) and announces results as signals; the main window builds the pages and
routes those signals to them.
"""
