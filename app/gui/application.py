"""QApplication set-up: identity, settings format, language and Qt's own strings, then the main window."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from app import APP_DISPLAY_NAME, APP_NAME, ORG_NAME, __version__, i18n
from app.gui import ui_state

log = logging.getLogger(__name__)
STARTED = time.perf_counter()


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tongket", add_help=True)
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="language of the window (vi or en)")
    parser.add_argument("--database", metavar="URL", help="database URL (default: the user's SQLite file)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="show the window, then quit by itself after the first paint")
    return parser.parse_args(list(argv))


# The translator of Qt's own strings installed in the application (there is one QApplication per process).
_qt_translator: QTranslator | None = None


def apply_language(app: QApplication, language: str) -> None:
    """Switch gettext and Qt's own strings (standard buttons, context menus) to language."""
    i18n.set_language(language)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam) if language == "vi"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    global _qt_translator
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if language != "en":
        try:
            from app.gui.qt_translator import install_qt_translator
        except ImportError:
            return
        _qt_translator = install_qt_translator(app)


# How long a background Python thread (checks, preview, autosave) may hold the interpreter lock while the GUI
# thread waits for it. Python's 5 ms default is paid each time the GUI thread comes back from Qt, several times
# per keystroke: with a 10× report being checked, a key waited up to 90 ms. At 0.5 ms it waited 10 ms
# (tests/perf/bench_typing.py); checking and previewing that report took 128 ms instead of 126.
GUI_SWITCH_INTERVAL_S = 0.0005


def make_application(argv: Sequence[str] = ()) -> QApplication:
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        [sys.argv[0] if sys.argv else "tongket", *argv])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    from app.gui.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def start_url() -> str | None:
    """The database to open without --database: TONGKET_DATABASE_URL's (None: storage reads it), else the shared
    database chosen in the window (its password from the keyring, or asked now), else None for this computer's."""
    import os

    if os.environ.get("TONGKET_DATABASE_URL", "").strip():
        return None
    from app.gui.dialogs.database_dialog import configured_url

    try:
        return configured_url()
    except ValueError:
        log.warning("the shared database in the settings is not a valid address; using this computer's data")
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app until its window closes; returns the exit status."""
    args = _parse(sys.argv[1:] if argv is None else argv)
    app = make_application()
    language = args.lang or ui_state.get(ui_state.LANGUAGE)
    apply_language(app, language if language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE)

    from app.gui.main_window import MainWindow

    holder: dict[str, MainWindow] = {}
    database = {"url": args.database or start_url()}

    def show_window() -> MainWindow:
        window = MainWindow(database_url=database["url"])
        window.language_change_requested.connect(switch_language)
        window.database_change_requested.connect(switch_database)
        holder["window"] = window
        window.show()
        app.processEvents()  # the first paint, before anything slow starts
        if args.smoke_test:
            # The start-up benchmark reads this line.
            print(f"window shown {time.perf_counter() - STARTED:.3f}", flush=True)
        # The database (and SQLAlchemy, the renderer) load after the first paint.
        QTimer.singleShot(0, window.start)
        return window

    def switch_language(language: str) -> None:
        ui_state.put(ui_state.LANGUAGE, language)
        old = holder["window"]
        old.close()
        apply_language(app, language)
        show_window()
        old.deleteLater()

    def switch_database(url: str) -> None:
        # A new session on the other database: the old window saves and closes, a new one opens on it.
        database["url"] = url or None
        old = holder["window"]
        old.close()
        show_window()
        old.deleteLater()

    window = show_window()

    def install_handlers() -> None:
        # After the first paint: the log file and the crash handler are not needed to show the window.
        try:
            from app.logging_setup import setup_logging
        except ImportError:
            logging.basicConfig(level=logging.INFO)
            return
        log_path = setup_logging()
        from app.gui.crash import install_crash_handler

        install_crash_handler(log_path, lambda: holder["window"].editing.flush())

    QTimer.singleShot(0, install_handlers)
    if args.smoke_test:
        def finish() -> None:
            log.info("window shown %.3f s after start", time.perf_counter() - STARTED)
            holder["window"].close()
            app.quit()

        window.database_opened.connect(lambda: QTimer.singleShot(0, finish))
        QTimer.singleShot(15_000, finish)
    return app.exec()
