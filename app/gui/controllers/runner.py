"""Runs a service function in the database thread with the open database; a failure becomes a message."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from app.domain.errors import UserError
from app.gui.tasks import Done, Failed, Tasks
from app.i18n import _

log = logging.getLogger(__name__)


def user_message(exc: BaseException, fallback: str | None = None) -> tuple[str, str]:
    """What to tell the user about exc: (message, detail); a bug is logged and told as fallback.

    fallback: the sentence shown for anything but a UserError (None: "Something went wrong…").
    """
    if isinstance(exc, UserError):
        return exc.message, exc.detail or ""
    log.error("background task failed", exc_info=exc)
    return fallback or _("Something went wrong; the details are in the log file."), ""


class ServiceRunner(QObject):
    """The one way the window calls app.services: run(fn, *args) calls fn(sessions, *args) in the database thread.

    sessions is the open database (None until the main window has opened it). A failure without its own
    handler is logged when it is a bug and announced with failed.

    Signals:
        failed(str, str): a translated message and its detail ("" for none), to show to the user.
    """

    failed = Signal(str, str)

    def __init__(self, tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.sessions: Any = None

    def run(self, fn: Callable[..., Any], *args: Any, done: Done | None = None, failed: Failed | None = None,
            busy: bool = False) -> None:
        """Call fn(sessions, *args) in the database thread; done(result) or failed(exc) follow on the GUI thread.

        busy: show a wait cursor until it finishes (imports and other work she waits for).
        """
        sessions = self.sessions
        on_error = failed or self.report_failure
        if not busy:
            self.tasks.run_db(lambda: fn(sessions, *args), done, on_error)
            return
        set_busy(True)

        def finished(result: Any) -> None:
            set_busy(False)
            if done is not None:
                done(result)

        def broke(exc: BaseException) -> None:
            set_busy(False)
            on_error(exc)

        self.tasks.run_db(lambda: fn(sessions, *args), finished, broke)

    def run_db(self, fn: Callable[[], Any], on_done: Done | None = None) -> None:
        """Run fn() (which finds the database itself) in the database thread; a failure is announced."""
        self.tasks.run_db(fn, on_done, self.report_failure)

    def report_failure(self, exc: BaseException) -> None:
        """Announce exc with failed (a bug is logged first)."""
        self.failed.emit(*user_message(exc))


def set_busy(busy: bool) -> None:
    """A wait cursor while an export or an import runs in the background."""
    if busy:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    elif QApplication.overrideCursor() is not None:
        QApplication.restoreOverrideCursor()
