"""argparse's own words ("usage:", "options", its error messages) through the app's catalog.

argparse translates with gettext's global domain, which the app does not use; install() points
argparse's translation functions at the app's catalog, under the message context "argparse".
"""

from __future__ import annotations

import argparse

from app.i18n import pgettext

CONTEXT = "argparse"


def C_(context: str, text: str) -> str:
    """Mark text for extraction under context; translated later with pgettext."""
    return text


# What argparse (Python 3.11) shows users of the command line; the others are errors of the program.
ARGPARSE_STRINGS = (
    C_("argparse", "usage: "),
    C_("argparse", "options"),
    C_("argparse", "positional arguments"),
    C_("argparse", "show this help message and exit"),
    C_("argparse", "show program's version number and exit"),
    C_("argparse", "%(prog)s: error: %(message)s\n"),
    C_("argparse", "argument %(argument_name)s: %(message)s"),
    C_("argparse", "the following arguments are required: %s"),
    C_("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    C_("argparse", "invalid %(type)s value: %(value)r"),
    C_("argparse", "unrecognized arguments: %s"),
    C_("argparse", "expected one argument"),
    C_("argparse", "expected at least one argument"),
    C_("argparse", "expected at most one argument"),
    C_("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    C_("argparse", "not allowed with argument %s"),
    C_("argparse", "one of the arguments %s is required"),
    C_("argparse", "ignored explicit argument %r"),
    C_("argparse", "can't open '%(filename)s': %(error)s"),
    C_("argparse", "expected %s argument"),
    C_("argparse", "expected %s arguments"),
)


def _translate(message: str) -> str:
    return pgettext(CONTEXT, message)


def _ntranslate(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


def install() -> None:
    """Route argparse's translations through the app's catalog (call after choosing the language)."""
    # WORKAROUND: argparse binds gettext's global domain at import; there is no hook to pass a catalog.
    # argparse imports gettext's _ and ngettext as private names, which typeshed leaves out of its stub.
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = _ntranslate  # type: ignore[attr-defined]
