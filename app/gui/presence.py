"""Who else has the open report: a heartbeat for this window, and the other windows' names, off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.presence import HEARTBEAT, Presence, new_session_id, this_computer, this_user
from app.gui import ui_state
from app.gui.editing import ReportEditing
from app.gui.tasks import Tasks

log = logging.getLogger(__name__)


class PresenceWatcher(QObject):
    """Beats this window's heartbeat for the report editing has open, every HEARTBEAT s, and reads the others'.

    The rows live in the database (services.presence) and are timed by its server; a missed beat (the database
    unreachable for a while) is simply retried at the next one. stop() leaves at once (the window closes).

    Signals:
        others_changed(object): the list of Presence of the other windows on the open report (empty: nobody).
    """

    others_changed = Signal(object)

    def __init__(self, tasks: Tasks, sessions: Callable[[], Any], editing: ReportEditing,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._sessions = sessions
        self.session_id = new_session_id()
        self.user_name = ui_state.get(ui_state.PRESENCE_NAME).strip() or this_user()
        self.machine = this_computer()
        self.report_id: int | None = None
        self.others: list[Presence] = []
        self._timer = QTimer(self, interval=round(HEARTBEAT * 1000))
        self._timer.timeout.connect(self.beat)
        editing.report_loaded.connect(lambda _report: self.follow(editing.report_id))

    def follow(self, report_id: int | None) -> None:
        """Show this window on report_id (None: on no report), leaving the report it was on."""
        if report_id != self.report_id and self.report_id is not None:
            self._leave()
        self.report_id = report_id
        if report_id is None:
            self._timer.stop()
            self._show([])
            return
        self.beat()
        self._timer.start()

    def beat(self) -> None:
        """Say this window has the report open, and show who else has."""
        sessions, report_id = self._sessions(), self.report_id
        if sessions is None or report_id is None:
            return
        from app.services import presence

        session_id, user_name, machine = self.session_id, self.user_name, self.machine

        def done(others: list[Presence]) -> None:
            if report_id == self.report_id:
                self._show(others)

        def failed(exc: BaseException) -> None:
            log.info("presence heartbeat failed: %s", exc)

        self.tasks.run_db(lambda: presence.beat(sessions, session_id, report_id, user_name, machine), done, failed)

    def stop(self) -> None:
        """The window closes: stop beating and leave now (queued before the database is closed)."""
        self._timer.stop()
        if self.report_id is not None:
            self._leave()
        self.report_id = None

    def _leave(self) -> None:
        sessions = self._sessions()
        if sessions is None:
            return
        from app.services import presence

        session_id = self.session_id

        def failed(exc: BaseException) -> None:
            log.info("presence could not be cleared (it times out): %s", exc)

        self.tasks.run_db(lambda: presence.leave(sessions, session_id), None, failed)

    def _show(self, others: list[Presence]) -> None:
        if others != self.others:
            self.others = others
            self.others_changed.emit(others)
