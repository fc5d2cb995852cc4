"""Collecting the sub-units' reports into the open report: receive files, ask when unsure, rate, roll up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from app.domain.report import REPORT_KIND_LABELS
from app.gui import ui_state
from app.gui.collect_page import CollectPage
from app.gui.controllers.prompts import Prompts
from app.gui.controllers.runner import ServiceRunner
from app.gui.editing import ReportEditing
from app.i18n import _

if TYPE_CHECKING:
    from app.domain.consolidation import ReceivedReport
    from app.services.collect import BoardRow, Unknown, Unsure


class CollectController(QObject):
    """Drives the page "Báo cáo của đơn vị trực thuộc" for the report open in the editor.

    Signals:
        board_shown(): the board was filled (after opening, receiving or rating).
        history_shown(): the files a sub-unit sent are listed in the side panel.
        rolled_up(object): the Consolidation applied to the open report.
    """

    board_shown = Signal()
    history_shown = Signal()
    rolled_up = Signal(object)
    _prepared = False  # collect.prepare() ran in this process

    def __init__(self, runner: ServiceRunner, prompts: Prompts, editing: ReportEditing, page: CollectPage,
                 window: QWidget) -> None:
        super().__init__(window)
        self.runner, self.prompts, self.editing, self.page, self.window = runner, prompts, editing, page, window
        page.files_dropped.connect(self.receive)
        page.choose_files_requested.connect(self.choose_files)
        page.choose_folder_requested.connect(self.choose_folder)
        page.rating_changed.connect(self.set_rating)
        page.history_requested.connect(self.show_history)
        page.restore_requested.connect(self.restore)
        page.roll_up_requested.connect(self.roll_up)
        self.dialog: QWidget | None = None  # the question open about a received file, if any
        self._refused: list[tuple[str, str]] = []
        self._refused_for: int | None = None  # the report the refused files were dropped for
        self._questions: list[Unsure | Unknown] = []
        self._choices: dict[Path, int] = {}
        self._new_units: list[Path] = []
        self._history_unit: int | None = None  # the sub-unit whose files the side panel lists

    def _period(self) -> tuple[int, object, int] | None:
        report = self.editing.report
        if report is None or report.organisation.id is None:
            return None
        return report.organisation.id, report.kind, report.year

    def show(self) -> None:
        """Fill the page for the open report's organisation and period."""
        report = self.editing.report
        if report is None:
            return
        period = _("{kind} {year}").format(kind=_(REPORT_KIND_LABELS[report.kind]), year=report.year)
        self.page.set_period(report.organisation.name, period, report.year)
        if self._refused_for != self.editing.report_id:  # the files refused for this report stay listed
            self._refused, self._refused_for = [], self.editing.report_id
        self.page.show_refused(self._refused)
        self.refresh()
        self._show_stored_trace()
        if not CollectController._prepared:
            # Compiling the sentence templates and the schema's validator costs the first file received a second
            # or more; done now, in the background, while she looks at the board.
            from app.services import collect

            CollectController._prepared = True
            self.runner.run(lambda _sessions: collect.prepare())

    def _show_stored_trace(self) -> None:
        """The trace of the open report's last roll-up, as stored (it outlives the session)."""
        from app.domain.consolidation import figures_of
        from app.services.collect import roll_up_trace

        report, report_id = self.editing.report, self.editing.report_id
        if report is None or report_id is None:
            return

        def shown(stored) -> None:
            if self.editing.report is report:
                if stored is None:
                    self.page.trace.clear()
                else:
                    self.page.show_trace(stored.trace, figures_of(report.stats), stored.sums)

        self.runner.run(roll_up_trace, report_id, done=shown)

    def refresh(self) -> None:
        from app.services import collect

        period = self._period()
        if period is not None:
            self.runner.run(collect.board, *period, done=self._on_board)

    def _on_board(self, rows: list[BoardRow]) -> None:
        self.page.set_board(rows)
        self.board_shown.emit()

    # -- receiving files ---------------------------------------------------------------------------

    def choose_files(self) -> None:
        folder = ui_state.get(ui_state.LAST_IMPORT_DIR) or str(Path.home())
        files, _filter = QFileDialog.getOpenFileNames(self.window, _("Choose the sub-units' report files"), folder,
                                                      _("Tổng Kết reports (*.json *.docx)"))
        if files:
            self.receive([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = ui_state.get(ui_state.LAST_IMPORT_DIR) or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self.window, _("Choose the folder of the sub-units' reports"),
                                                  folder)
        if chosen:
            self.receive([Path(chosen)])

    def receive(self, paths: list[Path], choices: dict[Path, int] | None = None,
                new_units: list[Path] | None = None) -> None:
        """Read, match and store the files (folders: their .json and .docx files); then ask about the unsure.

        choices and new_units: her answers about the files of the previous call (a follow-up stores only those).
        """
        from app.services import collect
        from app.services.consolidation import sub_unit_files

        period = self._period()
        if period is None:
            return
        follow_up = choices is not None or new_units is not None
        if paths and not follow_up:
            ui_state.put(ui_state.LAST_IMPORT_DIR, str(Path(paths[0]).parent))

        def work(sessions, parent_id, kind, year):
            return collect.receive_files(sessions, parent_id, kind, year, sub_unit_files(paths),
                                         choices=choices, new_units=new_units or ())

        self.runner.run(work, *period, done=lambda intake: self._on_intake(intake, follow_up), busy=True)

    def _on_intake(self, intake, follow_up: bool) -> None:
        self._refused = ([*self._refused] if follow_up else []) + intake.refused
        self.page.show_refused(self._refused)
        if follow_up:
            self.refresh()
            return
        self._questions = [*intake.unsure, *intake.unknown]
        self._choices, self._new_units = {}, []
        self._ask_next()

    def _ask_next(self) -> None:
        """Ask about the next file whose sub-unit is unsure or unknown, one window at a time; then store them."""
        from app.services.collect import Unsure

        if not self._questions:
            self.dialog = None
            if self._choices or self._new_units:
                self.receive([*self._choices, *self._new_units], self._choices, self._new_units)
            else:
                self.refresh()
            return
        question = self._questions.pop(0)
        if isinstance(question, Unsure):
            names = [c.name for c in question.candidates] + [_("None of these: leave the file out")]
            ask = QInputDialog(self.window)
            ask.setWindowTitle(_("Which sub-unit sent this file?"))
            ask.setLabelText(_("{file} is from “{name}”, which is not exactly any sub-unit. Which is it?").format(
                file=question.path.name, name=question.name))
            ask.setComboBoxItems(names)
            ask.setComboBoxEditable(False)

            def chosen(name: str, unsure=question, names=names) -> None:
                if name in names[:-1]:
                    self._choices[unsure.path] = unsure.candidates[names.index(name)].id

            ask.textValueSelected.connect(chosen)
            dialog: QInputDialog | QMessageBox = ask
        else:
            box = QMessageBox(QMessageBox.Icon.Question, _("A sub-unit not yet listed"), _(
                "{file} is from “{name}”, which is not among the sub-units. Add it as a new sub-unit?").format(
                file=question.path.name, name=question.organisation.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
            yes = box.button(QMessageBox.StandardButton.Yes)
            box.buttonClicked.connect(
                lambda button, path=question.path, yes=yes: self._new_units.append(path) if button is yes else None)
            dialog = box
        dialog.finished.connect(lambda _result: QTimer.singleShot(0, self._ask_next))
        self.dialog = dialog
        dialog.open()

    # -- ratings and history -----------------------------------------------------------------------

    def set_rating(self, unit_id: int, level, exemplary: bool) -> None:
        from app.services import collect

        period = self._period()
        if period is not None:
            _parent, kind, year = period
            self.runner.run(collect.set_rating, unit_id, kind, year, level, exemplary)

    def show_history(self, unit_id: int) -> None:
        """List in the side panel every file the sub-unit sent for the period, with what differs from the current."""
        from app.services import collect

        period = self._period()
        if period is None:
            return
        _parent, kind, year = period
        row = next((r for r in range(self.page.board.rowCount()) if self.page.board.item(r, 0).data(
            Qt.ItemDataRole.UserRole) == unit_id), None)
        name = self.page.board.item(row, 0).text() if row is not None else ""
        self._history_unit = unit_id

        def shown(files) -> None:
            self.page.show_history(name, files)
            self.history_shown.emit()

        self.runner.run(collect.sent_files, unit_id, kind, year, done=shown)

    def restore(self, received_id: int) -> None:
        """Make an earlier file the sub-unit's current report again; the board and its history follow."""
        from app.services import collect

        def restored(received: ReceivedReport) -> None:
            self.refresh()
            self.show_history(received.unit_id)

        self.runner.run(collect.restore, received_id, done=restored)

    # -- rolling up --------------------------------------------------------------------------------

    def roll_up(self) -> None:
        """Roll the sub-units' current reports up into the open report; the findings go to the checks panel."""
        from app.services import collect

        if self.editing.report is None or self.editing.report_id is None:
            return
        self.editing.save_now()
        self.runner.run(collect.roll_up, self.editing.report_id, self.editing.snapshot(), done=self._apply,
                        busy=True)

    def _apply(self, result) -> None:
        from app.domain.consolidation import figures_of
        from app.services.collect import rolled_sums

        report = self.editing.report
        if report is None:
            return
        report.stats = result.report.stats
        self.editing.changed("stats")
        self.editing.set_extra_findings(result.findings)
        self.page.show_trace(result.trace, figures_of(result.report.stats), rolled_sums(result))
        errors = sum(1 for f in result.findings if f.is_error)
        self.page.result.setText(_("Rolled up from {count} sub-units' reports; {errors} errors and {others} other "
                                   "notes are in the report's checks.").format(
            count=len(result.included), errors=errors, others=len(result.findings) - errors))
        self.rolled_up.emit(result)
