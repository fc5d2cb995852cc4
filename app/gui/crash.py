"""Last resort for bugs: log the traceback, save the open report, and tell the user where the log file is."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_DISPLAY_NAME
from app.i18n import _

log = logging.getLogger(__name__)

SaveOpenReport = Callable[[], None]
ShowMessage = Callable[[str], None]

_installed: CrashHandler | None = None


class CrashHandler(QObject):
    """The sys.excepthook and threading.excepthook of the app, made by install_crash_handler().

    The traceback is logged at once, on the thread that failed. Saving and the message happen on the thread
    that owns this object (the GUI thread), where the save callback may touch widgets and the database.

    Signals:
        crashed(str): an unhandled exception was logged; carries the name of the thread it happened on.
    """

    crashed = Signal(str)

    def __init__(
        self, log_path: Path, save_open_report: SaveOpenReport | None, show_message: ShowMessage | None = None
    ) -> None:
        super().__init__()
        self.log_path = log_path
        self.save_open_report = save_open_report
        self.show_message: ShowMessage = show_message or self._open_message_box
        self._box: QMessageBox | None = None
        self._handling = False
        self._previous_excepthook = sys.excepthook
        self._previous_threading_excepthook = threading.excepthook
        # Emitted on a worker thread, the signal is queued to this object's thread.
        self.crashed.connect(self.on_crashed)

    def install(self) -> None:
        self._previous_excepthook = sys.excepthook
        self._previous_threading_excepthook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.threading_excepthook

    def uninstall(self) -> None:
        """Put back the hooks that were there before install(), unless someone replaced ours since."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_excepthook
        if threading.excepthook == self.threading_excepthook:
            threading.excepthook = self._previous_threading_excepthook

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_excepthook(exc_type, exc, tb)
            return
        self._report(exc_type, exc, tb, threading.current_thread().name)

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:  # what threading does by default: a thread may end itself this way
            return
        name = args.thread.name if args.thread is not None else threading.current_thread().name
        self._report(args.exc_type, args.exc_value, args.exc_traceback, name)

    def _report(
        self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None, thread: str
    ) -> None:
        # Without a log file (setup_logging() not called or failed) logging's last resort prints to stderr.
        log.critical("Unhandled exception in thread %s", thread, exc_info=(exc_type, exc, tb))  # type: ignore[arg-type]
        self.crashed.emit(thread)

    @Slot(str)
    def on_crashed(self, thread: str) -> None:
        # An error raised while we save or show the message is logged by the hook, but not handled twice.
        if self._handling:
            return
        self._handling = True
        try:
            saved = self._save()
            self.show_message(self.message(saved))
        except Exception:
            log.exception("the crash handler failed")
        finally:
            self._handling = False

    def _save(self) -> bool | None:
        """True when the open report was saved, False when saving failed, None without a save callback."""
        if self.save_open_report is None:
            return None
        try:
            self.save_open_report()
        except Exception:
            log.exception("could not save the open report after the error")
            return False
        log.info("saved the open report after the error")
        return True

    def message(self, saved: bool | None) -> str:
        """What the user is told: the error, whether their work was saved, the log file, what to do next."""
        if saved is None:
            text = _("{app} met an unexpected error. Details are in the log file: {path}")
        elif saved:
            text = _("{app} met an unexpected error. Your work has been saved. Details are in the log file: {path}")
        else:
            text = _(
                "{app} met an unexpected error and could not save your work. Details are in the log file: {path}"
            )
        advice = _("It is best to close {app} and open it again.")
        return (text + "\n\n" + advice).format(app=APP_DISPLAY_NAME, path=self.log_path)

    def _open_message_box(self, text: str) -> None:
        if QApplication.instance() is None:  # the error came before the window: stderr is all there is
            if sys.stderr is not None:
                print(text, file=sys.stderr)
            return
        if self._box is not None and self._box.isVisible():
            return  # one message is enough for a burst of errors
        box = QMessageBox(QMessageBox.Icon.Critical, _("Unexpected error"), text, QMessageBox.StandardButton.Ok,
                          QApplication.activeWindow())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._box = box
        if QThread.currentThread().loopLevel() == 0:
            # No event loop runs (the error came before app.exec() or after it returned): a non-blocking
            # box would vanish with the process, so this one time it blocks.
            box.exec()
        else:
            box.open()


def install_crash_handler(
    log_path: Path, save_open_report: SaveOpenReport | None = None, *, show_message: ShowMessage | None = None
) -> CrashHandler:
    """Make unhandled exceptions, on any thread, logged, followed by a save of the open report and a message.

    Call it on the GUI thread. save_open_report is called on the GUI thread and may be None when there is
    nothing to save; show_message (default: a Vietnamese QMessageBox naming log_path) receives the text.
    A second call replaces the handler of the first.
    """
    global _installed
    if _installed is not None:
        _installed.uninstall()
    handler = CrashHandler(log_path, save_open_report, show_message)
    handler.install()
    _installed = handler
    return handler


def uninstall_crash_handler() -> None:
    """Restore the hooks that were there before install_crash_handler()."""
    global _installed
    if _installed is not None:
        _installed.uninstall()
        _installed = None
