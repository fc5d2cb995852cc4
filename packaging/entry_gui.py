"""Frozen entry of `tongket` (windowed): the window, or the command line when given a command (app.__main__)."""

from __future__ import annotations

import os
import sys


def main() -> int:
    # A windowed Windows executable has no console: sys.stdout and sys.stderr are None, and print() would fail.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
    from app.__main__ import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
