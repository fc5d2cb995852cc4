"""Qt's own strings (standard buttons, context menus, file dialog) translated from the app's gettext catalog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from app import i18n


class GettextQtTranslator(QTranslator):
    """A QTranslator that answers Qt's tr() calls from app.i18n, with the Qt class as the msgctxt.

    Qt ships no Vietnamese qtbase catalog, so app.po carries Qt's strings (listed in
    app/gui/qt_strings.py) as msgctxt "QPlatformTheme" / msgid "Cancel". The lookup happens on
    every call, so it follows app.i18n.set_language(). Qt's disambiguation comment is not part of
    the key: gettext has one context, and the Qt strings the app translates use it only to tell
    platform variants apart ("Folder", "All other platforms").

    Signals: none.
    """

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        """The translation of source_text in context; None when there is none, so Qt shows the source.

        None, not "": Qt falls back to the source text (or asks the next translator) only for a null
        QString, and PySide passes None as a null QString but "" as an empty one, which Qt would show:
        buttons without a label.
        """
        if not context or not source_text:
            return None
        translated = i18n.pgettext(context, source_text)
        return None if translated == source_text else translated

    def isEmpty(self) -> bool:
        # A QTranslator without a loaded .qm reports itself empty, and installTranslator() then sends
        # no LanguageChange event; this one always has something to say.
        return False


def install_qt_translator(app: QCoreApplication, parent: QObject | None = None) -> GettextQtTranslator:
    """Install a GettextQtTranslator on app and return it; the app owns it unless parent is given.

    After app.i18n.set_language(), remove and reinstall the translator so that Qt sends
    LanguageChange and widgets such as QDialogButtonBox retranslate their standard buttons.
    """
    translator = GettextQtTranslator(parent if parent is not None else app)
    app.installTranslator(translator)
    return translator
