"""Entry point of `python -m app` and `tongket`: the window without arguments, the command line with them."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app.i18n import _


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window when argv (default: the process arguments) is empty, else run the command; the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if _wants_gui(args):
        return _start_gui(args)
    from app.cli.main import main as cli_main

    return cli_main(args)


_GUI_OPTIONS = ("--smoke-test", "--lang", "--database")


def _wants_gui(args: list[str]) -> bool:
    """No arguments, or only the window's own options (--lang vi, --database URL, --smoke-test)."""
    if any(not a.startswith("-") and a not in _option_values(args) for a in args):
        return False  # a subcommand
    if any(a in ("-h", "--help", "--version") for a in args):
        return False
    return all(a.split("=")[0] in _GUI_OPTIONS or not a.startswith("-") for a in args)


def _option_values(args: list[str]) -> set[str]:
    """The values given to the window's options in the "--lang vi" form."""
    return {args[i + 1] for i, a in enumerate(args[:-1]) if a in ("--lang", "--database")}


def _start_gui(args: list[str]) -> int:
    # Qt is imported only here, so that the command line never loads it.
    try:
        from app.gui.application import main as gui_main
    except ModuleNotFoundError as exc:
        if exc.name != "app.gui.application" and not (exc.name or "").startswith("PySide6"):
            raise
        print(_("The window cannot open: {module} is missing. Run “tongket --help” for the command line.").format(
            module=exc.name), file=sys.stderr)
        return 2
    return gui_main(args) or 0


if __name__ == "__main__":
    sys.exit(main())
