"""The report being edited: autosave, findings and preview, kept off the GUI thread where they are slow."""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.errors import UserError
from app.domain.findings import Finding
from app.domain.report import Report
from app.gui.tasks import Tasks
from app.i18n import _

log = logging.getLogger(__name__)


def lint(report: Report) -> list[Finding]:
    """Every finding the findings panel lists for report: arithmetic, profile, conventions and the drafting."""
    from app.services.drafting import check_report

    return check_report(report)


class Debouncer(QObject):
    """Calls fn delay ms after the last poke, and no later than max_delay ms after the first one."""

    def __init__(self, fn: Callable[[], None], delay: int, max_delay: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quiet = QTimer(self, singleShot=True, interval=delay)
        self._deadline = QTimer(self, singleShot=True, interval=max_delay)
        for timer in (self._quiet, self._deadline):
            timer.timeout.connect(fn)

    def poke(self) -> None:
        self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def cancel(self) -> None:
        self._quiet.stop()
        self._deadline.stop()

    def delay(self, msecs: int) -> None:
        """Try again in msecs (after a failure), whatever the usual delays."""
        self.cancel()
        self._quiet.start(msecs)


class ReportEditing(QObject):
    """Holds the open report; every edit goes through changed(), which schedules a save and a preview.

    Saving is debounced (SAVE_DELAY_MS after the last edit, and at most SAVE_MAX_DELAY_MS after the
    first unsaved one) and writes a snapshot of the whole report in the database thread, so a killed
    process loses at most the last second of typing.

    Signals:
        report_loaded(object): a Report was opened (None when closed).
        report_changed(str): an edit happened; the argument names the area ("text", "stats", …).
        report_saved(object): the datetime of the save that landed.
        save_failed(str): a translated message; the edits stay in memory and are retried.
        findings_updated(object): the current list of Finding.
        preview_updated(str): HTML of the document as it stands.
    """

    report_loaded = Signal(object)
    report_changed = Signal(str)
    report_saved = Signal(object)
    save_failed = Signal(str)
    findings_updated = Signal(object)
    preview_updated = Signal(str)

    SAVE_DELAY_MS = 400
    SAVE_MAX_DELAY_MS = 800
    PREVIEW_DELAY_MS = 150
    PREVIEW_MAX_DELAY_MS = 400

    def __init__(self, tasks: Tasks, sessions: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._sessions = sessions
        self.report: Report | None = None
        self.report_id: int | None = None
        self.findings: list[Finding] = []
        self._dirty = False
        self._saving = False
        self._preview_seq = 0
        # Continuous typing keeps restarting a plain debounce; the max delay bounds what a kill loses.
        self._save = Debouncer(self.save_now, self.SAVE_DELAY_MS, self.SAVE_MAX_DELAY_MS, self)
        self._preview = Debouncer(self.refresh_preview, self.PREVIEW_DELAY_MS, self.PREVIEW_MAX_DELAY_MS, self)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def open(self, report_id: int, report: Report) -> None:
        """Start editing report (already loaded from the database under report_id)."""
        self.flush()
        self.report_id, self.report, self._dirty = report_id, report, False
        self.report_loaded.emit(report)
        self._update_findings()
        self.refresh_preview()

    def close(self) -> None:
        self.flush()
        self.report_id, self.report = None, None
        self.report_loaded.emit(None)

    def changed(self, area: str) -> None:
        """Record that the report was edited in area; save and preview follow shortly."""
        if self.report is None:
            return
        self._dirty = True
        self._save.poke()
        self._preview.poke()
        self._update_findings()
        self.report_changed.emit(area)

    def _update_findings(self) -> None:
        assert self.report is not None
        self.findings = lint(self.report)
        self.findings_updated.emit(self.findings)

    def save_now(self) -> None:
        """Write the report now if it has unsaved edits (Ctrl+S, closing, switching reports)."""
        self._save.cancel()
        if self.report is None or not self._dirty:
            return
        if self._saving:
            self._save.poke()  # one save at a time; this one follows the running one
            return
        from app.services import reports

        snapshot, report_id, sessions = copy.deepcopy(self.report), self.report_id, self._sessions()
        self._dirty, self._saving = False, True

        def save() -> datetime:
            reports.replace_report(sessions, report_id, snapshot)
            return datetime.now()

        self.tasks.run_db(save, self._on_saved, self._on_save_failed)

    def flush(self) -> None:
        """Save pending edits and wait until they are written (before closing or switching)."""
        self.save_now()
        self.tasks.wait()

    def _on_saved(self, when: datetime) -> None:
        self._saving = False
        self.report_saved.emit(when)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._dirty = True
        if isinstance(exc, UserError):
            message = exc.message
        else:
            log.error("autosave failed", exc_info=exc)
            message = _("Your changes could not be saved yet; they will be saved again shortly.")
        self.save_failed.emit(message)
        self._save.delay(3000)

    def refresh_preview(self) -> None:
        """Rebuild the preview HTML in the render thread; only the newest result is shown."""
        self._preview.cancel()
        if self.report is None:
            return
        snapshot = copy.deepcopy(self.report)
        self._preview_seq += 1
        seq = self._preview_seq

        def build() -> str:
            from app.services.export import preview_html

            return preview_html(snapshot)

        def done(html: str) -> None:
            if seq == self._preview_seq:
                self.preview_updated.emit(html)

        def failed(exc: BaseException) -> None:
            if seq != self._preview_seq:
                return
            message = exc.message if isinstance(exc, UserError) else _("The preview could not be built.")
            if not isinstance(exc, UserError):
                log.error("preview failed", exc_info=exc)
            self.preview_updated.emit(f"<p style='color:#a00'>{message}</p>")

        self.tasks.run_render(build, done, failed)
