"""One module per family of user actions, shared by the GUI and the CLI."""
