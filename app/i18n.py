"""Message translation: _(), N_(), ngettext() over Babel-compiled gettext catalogs; no Qt."""

from __future__ import annotations

import gettext
import logging
from pathlib import Path

from app import paths

DOMAIN = "app"
DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")

log = logging.getLogger(__name__)

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def N_(message: str) -> str:
    """Mark a module-level constant for extraction; translate it later with _()."""
    return message


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def current_language() -> str:
    return _language


def _compiled_catalog(language: str) -> Path | None:
    """Path of the .mo for language, compiling it from the .po when missing or stale."""
    folder = paths.locale_dir() / language / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
        try:
            _compile(po, mo)
        except OSError:
            # A read-only install ships its .mo; fall through to whatever is there.
            log.warning("could not compile %s", po)
    return mo if mo.exists() else None


def _compile(po: Path, mo: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale=po.parent.parent.name)
    tmp = mo.with_suffix(".mo.tmp")
    with tmp.open("wb") as f:
        write_mo(f, catalog)
    tmp.replace(mo)


def set_language(language: str) -> None:
    """Switch the message language; English is the source language and needs no catalog."""
    global _translations, _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _language = language
    if language == "en":
        _translations = gettext.NullTranslations()
        return
    mo = _compiled_catalog(language)
    if mo is None:
        log.warning("no catalog for %s; showing English", language)
        _translations = gettext.NullTranslations()
        return
    with mo.open("rb") as f:
        _translations = gettext.GNUTranslations(f)


set_language(DEFAULT_LANGUAGE)


def pgettext(context: str, message: str) -> str:
    """Translate message within a context (used for Qt's own strings, whose context is a class name)."""
    return _translations.pgettext(context, message)
