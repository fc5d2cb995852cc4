"""Keeps the open report's computed sentences in step with its figures, off the GUI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain import drafting
from app.domain.drafting import Generated
from app.domain.errors import UserError
from app.domain.report import Report
from app.gui.editing import ReportEditing

log = logging.getLogger(__name__)

# Edits of these areas cannot change what the figures say; every other area can.
_QUIET_AREAS = frozenset({"text", "generated"})


class DraftSync(QObject):
    """Rewords the computed sentences when the figures change and merges them into the open report.

    The sentences are worded in the render thread from a snapshot; the result is merged on the GUI thread into
    the report being edited (only its AUTO entries change), then the edit is recorded as area "generated", so
    that it is saved, previewed and checked like any other.

    Signals:
        sentences_merged(): the open report's computed sentences changed.
    """

    sentences_merged = Signal()

    DELAY_MS = 150

    def __init__(self, editing: ReportEditing, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editing = editing
        self._seq = 0
        self._timer = QTimer(self, singleShot=True, interval=self.DELAY_MS)
        self._timer.timeout.connect(self.regenerate)
        editing.report_loaded.connect(self.on_report_loaded)
        editing.report_changed.connect(self.on_report_changed)

    def on_report_loaded(self, report: Report | None) -> None:
        self._seq += 1
        if report is not None:
            self.regenerate()

    def on_report_changed(self, area: str) -> None:
        if area not in _QUIET_AREAS:
            self._timer.start()

    def regenerate(self) -> None:
        """Word the sentences of a snapshot of the open report; the newest result is merged when it arrives."""
        self._timer.stop()
        report = self.editing.report
        if report is None:
            return
        self._seq += 1
        seq, snapshot = self._seq, self.editing.snapshot()

        def build() -> dict[str, list[Generated]]:
            from app.services.drafting import generated_sentences

            return generated_sentences(snapshot)

        def done(generated: dict[str, list[Generated]]) -> None:
            if seq != self._seq or self.editing.report is not report:
                return
            if drafting.refresh(report, generated):
                self.sentences_merged.emit()
                self.editing.changed("generated")

        def failed(exc: BaseException) -> None:
            # The preview shows the same failure with its message; nothing is merged meanwhile.
            if not isinstance(exc, UserError):
                log.error("wording the computed sentences failed", exc_info=exc)

        self.editing.tasks.run_render(build, done, failed)
