"""The reports flow: list an organisation's reports, start a new one, open, delete, and the sample report."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.domain.organisation import Organisation
from app.domain.period import PeriodKind
from app.domain.report import ReportKind
from app.gui import ui_state
from app.gui.controllers.prompts import Prompts
from app.gui.controllers.runner import ServiceRunner
from app.gui.editing import ReportEditing
from app.i18n import _


class ReportsController(QObject):
    """Starts, opens and deletes reports through app.services.reports; the window shows what it fetched.

    Signals:
        reports_listed(object): the ReportSummary list of the organisation asked for.
        report_fetched(int, object): a report was loaded to be edited (its id and the Report).
        report_deleted(int): the id of the deleted report.
    """

    reports_listed = Signal(object)
    report_fetched = Signal(int, object)
    report_deleted = Signal(int)

    def __init__(self, runner: ServiceRunner, prompts: Prompts, editing: ReportEditing, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.prompts = prompts
        self.editing = editing
        self.window = parent
        self.new_report_dialog: QWidget | None = None

    def list_for(self, organisation_id: int | None) -> None:
        """List the reports of an organisation (None: an empty list)."""
        if organisation_id is None:
            self.reports_listed.emit([])
            return
        from app.services import reports

        self.runner.run(reports.list_reports, organisation_id, done=self.reports_listed.emit)

    def new_report(self, organisation: Organisation | None) -> None:
        """Ask for the year, kind and a report to start from, then store the new report and open it."""
        if organisation is None:
            return
        from app.gui.dialogs.new_report_dialog import NewReportDialog
        from app.services import reports

        def ask(previous: list[reports.ReportSummary]) -> None:
            dialog = NewReportDialog(organisation.name, previous, date.today().year, self.window)
            dialog.report_requested.connect(
                lambda year, kind, prev, period, term: self.create(organisation, year, ReportKind(kind), prev,
                                                                   PeriodKind(period), term))
            dialog.open()
            self.new_report_dialog = dialog

        self.runner.run(reports.list_reports, organisation.id, done=ask)

    def create(self, organisation: Organisation, year: int, kind: ReportKind, previous_id: int | None,
               period_kind: PeriodKind = PeriodKind.CALENDAR_YEAR, term: str = "") -> None:
        """Store a new report for organisation covering (year, kind, period_kind), blank or carried over from
        previous_id, and open it; term ("2020 - 2025") for a report whose period is a term, "" otherwise."""
        from app.services import reports

        if previous_id is not None:
            self.runner.run(reports.new_report_from_previous, previous_id, year, kind, period_kind, term or None,
                            done=self.open)
            return
        from app.domain.outline import default_outline
        from app.domain.report import Report, settings_for

        report = Report(organisation=organisation, year=year, kind=kind, period_kind=period_kind, term=term,
                        sections=default_outline(kind, organisation.kind), settings=settings_for(organisation.preset))
        self.runner.run(reports.save_new_report, report, done=self.open)

    def open_sample(self) -> None:
        """Open the sample report: stored the first time, the same one every time after."""
        from app.services import reports

        self.runner.run(reports.open_sample, done=self.open)

    def open(self, report_id: int, quiet: bool = False) -> None:
        """Save what is being edited, then load report_id; quiet: a report that is gone is forgotten silently."""
        from app.services import reports

        def failed(exc: BaseException) -> None:
            if quiet:
                ui_state.put(ui_state.LAST_REPORT_ID, 0)
            else:
                self.runner.report_failure(exc)

        self.editing.flush()
        self.runner.run(reports.get_report, report_id, done=lambda report: self.report_fetched.emit(report_id, report),
                        failed=failed)

    def delete(self, report_id: int) -> None:
        """Ask, then delete the report with everything in it."""
        from app.services import reports

        def delete() -> None:
            self.runner.run(reports.delete_report, report_id, done=lambda _r: self.report_deleted.emit(report_id))

        self.prompts.ask(_("Delete report"), _("Delete this report and everything in it? This cannot be undone."),
                         delete)
