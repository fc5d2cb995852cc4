"""Edits an earlier run never saved (the connection lost, a conflict left open, the program killed), offered back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app import APP_DISPLAY_NAME
from app.domain.report import Report
from app.gui.controllers.prompts import Prompts
from app.gui.controllers.runner import ServiceRunner
from app.gui.editing import ReportEditing
from app.i18n import _, ngettext

log = logging.getLogger(__name__)


class JournalController(QObject):
    """At start, offers the journal's pending edits back ("Khôi phục những thay đổi chưa ghi").

    Restoring saves them through the version check: those nobody touched since are saved at once; the first one
    someone else saved meanwhile opens in the editor, where its save shows the usual conflict dialog. The others
    stay in the journal for the next start. Discarding renames the files (.discarded), never deletes them.

    Signals:
        restored(object): the services.journal.Restored outcome, once restoring is done.
    """

    restored = Signal(object)

    def __init__(self, runner: ServiceRunner, prompts: Prompts, editing: ReportEditing,
                 show_report: Callable[[int, Report], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.prompts = prompts
        self.editing = editing
        self.show_report = show_report
        self.window = parent
        self.box: QMessageBox | None = None
        self.entries: list[Any] = []

    def check(self) -> list[Any]:
        """The pending edits of the open database in the journal (services.journal.PendingEdit), newest first.

        Read here, on the GUI thread: a few small local files, and the window must know before it reopens a report.
        """
        from app.services import journal

        try:
            return journal.pending(self.runner.sessions.location)
        except OSError as exc:  # the data folder cannot be read: nothing to offer, and the window still opens
            log.error("the journal cannot be read: %s", exc)
            return []

    def offer(self, entries: list[Any]) -> None:
        """Ask whether to restore entries (services.journal.PendingEdit, newest first), to discard them, or later."""
        self.entries = entries
        if not entries:
            return
        text = ngettext(
            "Changes to {count} report were not saved to the database when {app} last closed (the connection was "
            "lost, a conflict was left unanswered, or the program was stopped). They were kept on this computer.",
            "Changes to {count} reports were not saved to the database when {app} last closed (the connection was "
            "lost, a conflict was left unanswered, or the program was stopped). They were kept on this computer.",
            len(entries)).format(count=len(entries), app=APP_DISPLAY_NAME)
        box = QMessageBox(QMessageBox.Icon.Question, _("Restore unsaved changes"), text,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(_(
            "Restoring saves them now. If someone else saved the same report meanwhile, you will see both versions "
            "and choose."))
        box.setDetailedText("\n".join(self._describe(entry) for entry in entries))
        self.restore_button = box.addButton(_("Restore unsaved changes"), QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = box.addButton(_("Discard them"), QMessageBox.ButtonRole.DestructiveRole)
        self.later_button = box.addButton(_("Ask me next time"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.restore_button)
        box.buttonClicked.connect(self._answered)
        self.box = box
        box.open()

    def _describe(self, entry: Any) -> str:
        report = entry.mine
        when = entry.written_at.astimezone().strftime("%d/%m/%Y %H:%M")
        changed = ngettext("{count} field changed", "{count} fields changed", len(entry.changed)).format(
            count=len(entry.changed))
        return f"{report.organisation.name} – {report.year} ({when}): {changed}"

    def _answered(self, button: object) -> None:
        entries, self.entries = self.entries, []
        if button is self.restore_button:
            self.restore(entries)
        elif button is self.discard_button:
            from app.services import journal

            self.runner.run_db(lambda: journal.discard_all(entries))

    def restore(self, entries: list[Any]) -> None:
        """Save entries; open the first one refused as a conflict (its dialog follows), else the newest saved."""
        from app.services import journal, reports

        def done(outcome: journal.Restored) -> None:
            if outcome.dropped:
                self.prompts.show_error(_("Some changes could not be restored: their report was deleted."),
                                        "\n".join(f"{self._describe(entry)}: {why}" for entry, why in outcome.dropped))
            if outcome.conflicts:
                entry = outcome.conflicts[0]
                self.show_report(entry.report_id, entry.mine)
                self.editing.resume(entry.base)
            elif outcome.saved:
                report_id = outcome.saved[0]
                self.runner.run_db(lambda: reports.get_report(self.runner.sessions, report_id),
                                   lambda report: self.show_report(report_id, report))
            self.restored.emit(outcome)

        self.runner.run(journal.restore, entries, done=done)
