"""Entry point of `python -m app` and `tongket`: the window without arguments, the command line with them."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.i18n import _


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window when argv (default: the process arguments) is empty, else run the command; the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        return _start_gui()
    from app.cli.main import main as cli_main

    return cli_main(args)


def _start_gui() -> int:
    # Qt is imported only here, so that the command line never loads it.
    try:
        from app.gui.application import main as gui_main
    except ModuleNotFoundError as exc:
        if exc.name != "app.gui.application" and not (exc.name or "").startswith("PySide6"):
            raise
        print(_("The window cannot open: {module} is missing. Run “tongket --help” for the command line.").format(
            module=exc.name), file=sys.stderr)
        return 2
    return gui_main() or 0


if __name__ == "__main__":
    sys.exit(main())
