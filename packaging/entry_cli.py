"""Frozen entry of `tongket-cli` (console): the command line of app.cli; without a command it prints its usage."""

from __future__ import annotations

import sys

from app.cli.main import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
