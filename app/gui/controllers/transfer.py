"""The import and export flow: the open report to .docx or to a report file, and a report file back in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.domain.findings import has_errors
from app.domain.report import ReportKind
from app.gui import ui_state
from app.gui.controllers.prompts import Prompts
from app.gui.controllers.runner import ServiceRunner, set_busy, user_message
from app.gui.editing import ReportEditing
from app.i18n import _

if TYPE_CHECKING:
    from app.domain.consolidation import SubUnitPart

# The file name offered for a report of each kind; the year follows.
FILE_STEMS = {ReportKind.YEAR_END: "Bao-cao-tong-ket", ReportKind.SIX_MONTH: "Bao-cao-so-ket-6-thang",
              ReportKind.MID_TERM: "Bao-cao-giua-nhiem-ky", ReportKind.CONGRESS_POLITICAL: "Bao-cao-chinh-tri",
              ReportKind.COMMITTEE_SELF_REVIEW: "Bao-cao-kiem-diem"}


class TransferController(QObject):
    """Asks where, then writes or reads in the background; the .docx in the render thread, files in the database's.

    Signals:
        export_finished(str): a .docx was written at this path.
        export_failed(str): the translated reason.
        pdf_finished(str): a PDF was written at this path (and handed to the system's viewer to print).
        report_imported(int): a report file was stored as a new report with this id (or, from an Excel sheet,
            the figures were saved into the open report with this id).
        message_posted(str, int): a status-bar message and how long to show it (ms; 0: until replaced).
    """

    export_finished = Signal(str)
    export_failed = Signal(str)
    pdf_finished = Signal(str)
    report_imported = Signal(int)
    message_posted = Signal(str, int)

    def __init__(self, runner: ServiceRunner, prompts: Prompts, editing: ReportEditing, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.prompts = prompts
        self.editing = editing
        self.window = parent
        self.file_dialog: QFileDialog | None = None
        self.word_dialog: QWidget | None = None
        self.excel_dialog: QWidget | None = None

    # -- .docx ----------------------------------------------------------------------------------

    def export_docx(self) -> None:
        """Ctrl+E: confirm when the checks found errors, then ask where to write the .docx."""
        if self.editing.report is None:
            return
        if has_errors(self.editing.findings):
            self.prompts.ask(_("Export to Word"), _("The checks found errors in the figures. Export anyway?"),
                             self.ask_export_path, icon=QMessageBox.Icon.Warning)
            return
        self.ask_export_path()

    def suggested_file_name(self) -> str:
        report = self.editing.report
        assert report is not None
        return f"{FILE_STEMS[report.kind]}-{report.year}.docx"

    def ask_export_path(self) -> None:
        folder = ui_state.get(ui_state.LAST_EXPORT_DIR) or str(Path.home())
        self._ask_path(_("Export to Word"), Path(folder) / self.suggested_file_name(), _("Word documents (*.docx)"),
                       "docx", self.export_to, save=True)

    def export_to(self, path: Path) -> None:
        """Write the open report to path in the render thread; the result is announced."""
        from app.services.export import export_docx

        if self.editing.report is None:
            return
        self.editing.save_now()
        snapshot = self.editing.snapshot()
        ui_state.put(ui_state.LAST_EXPORT_DIR, str(path.parent))
        self.message_posted.emit(_("Exporting…"), 0)
        set_busy(True)

        def done(_result: object) -> None:
            set_busy(False)
            self.message_posted.emit(_("Exported to {path}").format(path=path), 8000)
            self.export_finished.emit(str(path))
            self.prompts.inform(_("Export to Word"), _("The report was written to:\n{path}").format(path=path),
                                (_("Open file"), lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))),
                                (_("Open folder"),
                                 lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))),
                                (_("Export to PDF"), lambda: self.export_pdf_of(path)))

        def failed(exc: BaseException) -> None:
            set_busy(False)
            message, detail = user_message(exc, _("The report could not be exported; the details are in the log "
                                                  "file."))
            self.message_posted.emit(message, 8000)
            self.export_failed.emit(message)
            self.prompts.show_error(message, detail)

        self.with_sub_units(lambda sub_units: self.runner.tasks.run_render(
            lambda: export_docx(snapshot, path, sub_units=sub_units), done, failed), failed)

    # -- PDF and printing ------------------------------------------------------------------------

    def export_pdf(self) -> None:
        """Ctrl+P: a PDF of the open report, made by LibreOffice from the same .docx, then opened to print."""
        if self.editing.report is None:
            return
        folder = ui_state.get(ui_state.LAST_EXPORT_DIR) or str(Path.home())
        self._ask_path(_("Export to PDF"), Path(folder) / Path(self.suggested_file_name()).with_suffix(".pdf"),
                       _("PDF documents (*.pdf)"), "pdf", self.export_pdf_to, save=True)

    def export_pdf_to(self, pdf: Path) -> None:
        """Write the .docx beside pdf and the PDF from it, in the render thread; open the PDF when done."""
        from app.services.export import export_pdf

        if self.editing.report is None:
            return
        self.editing.save_now()
        snapshot = self.editing.snapshot()
        ui_state.put(ui_state.LAST_EXPORT_DIR, str(pdf.parent))
        self.with_sub_units(lambda sub_units: self._make_pdf(lambda: export_pdf(snapshot, pdf, sub_units=sub_units),
                                                             pdf))

    def with_sub_units(self, then: Callable[[Sequence[SubUnitPart] | None], None],
                       failed: Callable[[BaseException], None] | None = None) -> None:
        """then(the figures of the sub-units the open report was rolled up from, or None), read from the database.

        A report rolled up from its sub-units prints their figures as an annex.
        """
        from app.services.collect import consolidation_parts

        if self.editing.report_id is None:
            then(None)
        else:
            self.runner.run(consolidation_parts, self.editing.report_id, done=then, failed=failed)

    def export_pdf_of(self, docx: Path) -> None:
        """The PDF of a .docx just exported, next to it."""
        from app.services.export import docx_to_pdf

        pdf = docx.with_suffix(".pdf")
        self._make_pdf(lambda: docx_to_pdf(docx, pdf), pdf)

    def _make_pdf(self, make: Callable[[], object], pdf: Path) -> None:
        self.message_posted.emit(_("Making the PDF with LibreOffice…"), 0)
        set_busy(True)

        def done(_result: object) -> None:
            set_busy(False)
            self.message_posted.emit(_("Exported to {path}").format(path=pdf), 8000)
            self.pdf_finished.emit(str(pdf))
            # The system's PDF viewer opens it; printing is one click from there.
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))

        def failed(exc: BaseException) -> None:
            set_busy(False)
            message, detail = user_message(exc, _("The PDF could not be made; the details are in the log file."))
            self.message_posted.emit(message, 8000)
            self.prompts.show_error(message, detail)

        self.runner.tasks.run_render(make, done, failed)

    # -- report files ---------------------------------------------------------------------------

    def import_file(self) -> None:
        """Ask for a report file and store it as a new report."""
        folder = ui_state.get(ui_state.LAST_IMPORT_DIR) or str(Path.home())
        self._ask_path(_("Import a report"), Path(folder), _("Tổng Kết reports (*.json *.docx)"), "json",
                       self.import_from, save=False)

    def import_from(self, path: Path) -> None:
        """Read the report file at path and store it as a new report (of a new organisation, hers)."""
        from app.services import reports

        ui_state.put(ui_state.LAST_IMPORT_DIR, str(path.parent))
        self.runner.run(reports.import_report, path, done=self.report_imported.emit, busy=True)

    # -- last year's report from Word ----------------------------------------------------------

    def import_word(self) -> None:
        """Ask for a report typed in Word (.docx), read it, show what was recognised; OK stores it."""
        folder = ui_state.get(ui_state.LAST_IMPORT_DIR) or str(Path.home())
        self._ask_path(_("Import from a Word report"), Path(folder), _("Word documents (*.docx)"), "docx",
                       self.import_word_from, save=False)

    def import_word_from(self, path: Path) -> None:
        """Read the .docx at path in the background, then open the review dialog."""
        from app.services import word_import

        ui_state.put(ui_state.LAST_IMPORT_DIR, str(path.parent))
        self.runner.run(lambda _sessions: word_import.read_word_file(path), done=self.review_word, busy=True)

    def review_word(self, reading: object) -> None:
        """The review dialog over a reading; OK stores the report with the ticked figures and opens it."""
        from app.gui.dialogs.word_import_dialog import WordImportDialog
        from app.services import word_import

        assert isinstance(reading, word_import.Reading)
        dialog = WordImportDialog(reading, self.window)
        self.word_dialog = dialog

        def store() -> None:
            self.runner.run(word_import.store_reading, reading, dialog.accepted_proposals(),
                            done=self.report_imported.emit, busy=True)

        dialog.accepted.connect(store)
        dialog.open()

    # -- the statistics as an Excel sheet -------------------------------------------------------

    def export_excel(self) -> None:
        """Ask where to write the open report's statistics sheet (.xlsx), to fill in and import back."""
        if self.editing.report is None:
            return
        folder = ui_state.get(ui_state.LAST_EXPORT_DIR) or str(Path.home())
        name = f"Bang-so-lieu-{self.editing.report.year}.xlsx"
        self._ask_path(_("Export statistics to Excel"), Path(folder) / name, _("Excel workbooks (*.xlsx)"), "xlsx",
                       self.export_excel_to, save=True)

    def export_excel_to(self, path: Path) -> None:
        """Write the sheet at path: the report's figures, or empty cells while none is entered."""
        from app.services import excel

        if self.editing.report is None:
            return
        snapshot = self.editing.snapshot()
        ui_state.put(ui_state.LAST_EXPORT_DIR, str(path.parent))

        def write() -> None:
            excel.export_stats_sheet(snapshot, path, blank=not excel.has_figures(snapshot))

        def done(_result: object) -> None:
            self.message_posted.emit(_("Exported to {path}").format(path=path), 8000)
            self.export_finished.emit(str(path))

        self.runner.run_db(write, done)

    def import_excel(self) -> None:
        """Ask for a filled statistics sheet, read it against the open report, show what changes; OK saves."""
        if self.editing.report is None:
            return
        folder = ui_state.get(ui_state.LAST_IMPORT_DIR) or str(Path.home())
        self._ask_path(_("Import figures from Excel"), Path(folder), _("Excel workbooks (*.xlsx)"), "xlsx",
                       self.import_excel_from, save=False)

    def import_excel_from(self, path: Path) -> None:
        """Read the sheet at path in the background against the open report, then open the review dialog."""
        from app.services import excel

        if self.editing.report is None:
            return
        ui_state.put(ui_state.LAST_IMPORT_DIR, str(path.parent))
        snapshot = self.editing.snapshot()
        self.runner.run(lambda _sessions: excel.read_stats_sheet(path, snapshot),
                        done=lambda reading: self.review_excel(reading, path.name), busy=True)

    def review_excel(self, reading: object, file_name: str) -> None:
        """The review dialog over a sheet's reading; OK saves its figures into the open report and reloads it."""
        from app.gui.dialogs.excel_import_dialog import ExcelImportDialog
        from app.services import excel

        assert isinstance(reading, excel.SheetReading)
        dialog = ExcelImportDialog(reading, file_name, self.window)
        self.excel_dialog = dialog

        def store() -> None:
            report_id = self.editing.report_id
            if report_id is None:
                return
            self.editing.flush()  # her edits are stored first; the sheet changes only its figures
            before = self.editing.snapshot()
            self.runner.run(excel.store_reading, report_id, before, reading, done=self.report_imported.emit,
                            busy=True)

        dialog.accepted.connect(store)
        dialog.open()

    def export_file(self) -> None:
        """Ask where to write the open report as a report file."""
        if self.editing.report is None:
            return
        folder = ui_state.get(ui_state.LAST_EXPORT_DIR) or str(Path.home())
        name = Path(self.suggested_file_name()).with_suffix(".json").name
        self._ask_path(_("Export to file"), Path(folder) / name, _("Tổng Kết reports (*.json)"), "json",
                       self.export_file_to, save=True)

    def export_file_to(self, path: Path) -> None:
        """Write the open report to path as a report file."""
        from app.services import interchange

        if self.editing.report is None:
            return
        snapshot = self.editing.snapshot()
        self.runner.run_db(lambda: interchange.export_report_file(snapshot, path),
                           lambda _r: self.message_posted.emit(_("Exported to {path}").format(path=path), 8000))

    def _ask_path(self, title: str, start: Path, name_filter: str, suffix: str, then: Callable[[Path], None], *,
                  save: bool) -> None:
        dialog = QFileDialog(self.window, title, str(start), name_filter)
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix(suffix)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda chosen: then(Path(chosen)))
        dialog.open()
        self.file_dialog = dialog
