"""The main window: welcome, home (organisations and reports) and the report editor, with export."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from app import APP_DISPLAY_NAME
from app.domain.errors import UserError
from app.domain.findings import has_errors
from app.domain.organisation import Organisation
from app.domain.report import ReportKind
from app.gui import ui_state
from app.gui.editing import ReportEditing
from app.gui.tasks import Tasks

if TYPE_CHECKING:
    from app.gui.pages import HomePage, WelcomePage
    from app.gui.report_editor import ReportEditor
from app.i18n import _

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """One window for everything a secretary does; slow work goes through Tasks.

    The database is opened by start(), after the window is on screen, so that SQLAlchemy and the
    renderer are imported after the first paint.

    Signals:
        database_opened(): the database is ready and the first page is shown.
        report_opened(int): the editor shows this report.
        export_finished(str): a .docx was written at this path.
        export_failed(str): the translated reason.
        language_change_requested(str): the user chose another language ("vi" or "en").
    """

    database_opened = Signal()
    report_opened = Signal(int)
    export_finished = Signal(str)
    export_failed = Signal(str)
    language_change_requested = Signal(str)

    def __init__(self, tasks: Tasks | None = None, database_url: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setObjectName("main_window")
        self.tasks = tasks or Tasks(parent=self)
        self.database_url = database_url
        self.sessions = None
        self.organisation_id: int | None = None
        self.editing = ReportEditing(self.tasks, lambda: self.sessions, self)
        self._welcome: WelcomePage | None = None
        self._home: HomePage | None = None
        self._editor: ReportEditor | None = None
        self.loading = QLabel(_("Opening the database…"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading)
        self.setCentralWidget(self.stack)
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        self._make_actions()
        self._connect()
        self._restore_state()
        self._update_actions()

    # -- set-up -------------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self._shortcuts: list[tuple[QAction, QKeySequence.StandardKey | str]] = []

        def action(text: str, slot, shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                self._shortcuts.append((act, shortcut))
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.home_action = action(_("&Reports"), self.show_home, "Ctrl+H")
        self.new_report_action = action(_("&New report…"), self.new_report, QKeySequence.StandardKey.New)
        self.export_action = action(_("&Export to Word…"), self.export_docx, "Ctrl+E")
        self.save_action = action(_("&Save"), self.save_now, QKeySequence.StandardKey.Save)
        self.import_action = action(_("&Import from file…"), self.import_json, "Ctrl+I")
        self.export_json_action = action(_("Export to &file…"), self.export_json)
        self.quit_action = action(_("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.edit_org_action = action(_("Organisation &profile…"), self.edit_organisation)
        self.about_action = action(_("&About Tổng Kết"), self.show_about)
        self.vi_action = action("Tiếng Việt", lambda: self.language_change_requested.emit("vi"))
        self.en_action = action("English", lambda: self.language_change_requested.emit("en"))

        menu = self.menuBar().addMenu(_("&File"))
        for act in (self.home_action, self.new_report_action, None, self.save_action, self.export_action, None,
                    self.import_action, self.export_json_action, None, self.quit_action):
            menu.addSeparator() if act is None else menu.addAction(act)
        menu = self.menuBar().addMenu(_("&Organisation"))
        menu.addAction(self.edit_org_action)
        menu = self.menuBar().addMenu(_("&Language"))
        menu.addAction(self.vi_action)
        menu.addAction(self.en_action)
        menu = self.menuBar().addMenu(_("&Help"))
        menu.addAction(self.about_action)
        toolbar = self.addToolBar(_("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        for act in (self.home_action, self.new_report_action, self.export_action):
            toolbar.addAction(act)

    # The pages are built on first use, after the window is on screen.

    @property
    def welcome(self) -> WelcomePage:
        if self._welcome is None:
            from app.gui.pages import WelcomePage

            self._welcome = WelcomePage()
            self._welcome.create_organisation_requested.connect(self.create_organisation)
            self._welcome.demo_requested.connect(self.open_demo)
            self.stack.addWidget(self._welcome)
        return self._welcome

    @property
    def home(self) -> HomePage:
        if self._home is None:
            from app.gui.pages import HomePage

            home = self._home = HomePage()
            home.organisation_chosen.connect(self.on_organisation_chosen)
            home.new_organisation_requested.connect(self.create_organisation)
            home.delete_organisation_requested.connect(self.delete_organisation)
            home.edit_organisation_requested.connect(self.edit_organisation)
            home.new_report_requested.connect(self.new_report)
            home.open_report_requested.connect(self.open_report)
            home.delete_report_requested.connect(self.delete_report)
            home.import_requested.connect(self.import_json)
            home.demo_requested.connect(self.open_demo)
            self.stack.addWidget(home)
        return self._home

    def _connect(self) -> None:
        self.editing.report_saved.connect(self.on_report_saved)
        self.editing.save_failed.connect(self.on_save_failed)
        self.stack.currentChanged.connect(lambda _i: self._update_actions())

    @property
    def editor(self) -> ReportEditor:
        """The editor page, built the first time a report opens (it is the heaviest page)."""
        if self._editor is None:
            from app.gui.report_editor import ReportEditor

            self._editor = ReportEditor(self.editing)
            self._editor.document_fields.set_services(self.run_db, lambda: self.sessions)
            self._editor.organisation_edit_requested.connect(self.edit_organisation)
            self.stack.addWidget(self._editor)
            splitter = ui_state.get(ui_state.SPLITTER)
            if not splitter.isEmpty():
                self._editor.splitter.restoreState(splitter)
        return self._editor

    def _restore_state(self) -> None:
        geometry = ui_state.get(ui_state.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)

    def _update_actions(self) -> None:
        editing = self._editor is not None and self.stack.currentWidget() is self._editor \
            and self.editing.report is not None
        for act in (self.export_action, self.save_action, self.export_json_action):
            act.setEnabled(editing)
        self.new_report_action.setEnabled(self.organisation_id is not None)
        self.edit_org_action.setEnabled(self.organisation_id is not None)

    # -- database -----------------------------------------------------------------------------

    def install_shortcuts(self) -> None:
        """Give the actions their keys; done after the first paint (binding Qt's key enums takes 25 ms)."""
        for act, shortcut in self._shortcuts:
            act.setShortcut(QKeySequence(shortcut))
        self._shortcuts.clear()

    def start(self) -> None:
        """Open the database in the database thread, then show the welcome or the home page."""
        self.install_shortcuts()
        url = self.database_url

        def open_database():
            # Imported here, in the database thread: SQLAlchemy and Alembic take a third of a second.
            from app.services.sessions import open_sessions

            return open_sessions(url)

        self.tasks.run_db(open_database, self._on_database_opened, self._on_database_failed)

    def _on_database_opened(self, sessions) -> None:
        self.sessions = sessions
        self.refresh_home(select_org=None, reopen_last=True)

    def _on_database_failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, UserError) else _("The database could not be opened.")
        if not isinstance(exc, UserError):
            log.error("opening the database failed", exc_info=exc)
        self.loading.setText(message)
        self.show_error(message)

    def run_db(self, fn, on_done=None) -> None:
        """Run fn in the database thread; a failure is shown to the user."""
        self.tasks.run_db(fn, on_done, self._on_task_failed)

    def _on_task_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.show_error(exc.message, exc.detail)
        else:
            log.error("background task failed", exc_info=exc)
            self.show_error(_("Something went wrong; the details are in the log file."))

    def refresh_home(self, select_org: int | None = None, reopen_last: bool = False) -> None:
        from app.services import organisations

        sessions = self.sessions

        def done(orgs: list[Organisation]) -> None:
            if not orgs:
                self.organisation_id = None
                self.stack.setCurrentWidget(self.welcome)
                self.database_opened.emit()
                return
            chosen = select_org if select_org is not None else self.organisation_id
            self.home.set_organisations(orgs, chosen)
            if self.editing.report is None:
                self.stack.setCurrentWidget(self.home)
            self.database_opened.emit()
            last = ui_state.get(ui_state.LAST_REPORT_ID)
            if reopen_last and last:
                self.open_report(last, quiet=True)

        self.run_db(lambda: organisations.list_organisations(sessions), done)

    def on_organisation_chosen(self, org_id: int | None) -> None:
        self.organisation_id = org_id
        self._update_actions()
        if org_id is None:
            self.home.set_reports([])
            return
        from app.services import reports

        sessions = self.sessions
        self.run_db(lambda: reports.list_reports(sessions, org_id), self.home.set_reports)

    # -- organisations ------------------------------------------------------------------------

    def _open_organisation_dialog(self, organisation: Organisation | None, on_accepted) -> None:
        from app.gui.dialogs.organisation_dialog import OrganisationDialog

        dialog = OrganisationDialog(organisation, self)
        dialog.organisation_accepted.connect(on_accepted)
        dialog.open()
        self.organisation_dialog = dialog

    def create_organisation(self) -> None:
        self._open_organisation_dialog(None, self._add_organisation)

    def _add_organisation(self, organisation: Organisation) -> None:
        from app.services import organisations

        sessions = self.sessions
        self.run_db(lambda: organisations.add_organisation(sessions, organisation),
                    lambda org_id: self.refresh_home(select_org=org_id))

    def edit_organisation(self) -> None:
        if self.editing.report is not None:
            org = self.editing.report.organisation
        else:
            org = self._home.current_organisation() if self._home is not None else None
        if org is not None:
            self._open_organisation_dialog(org, self._update_organisation)

    def _update_organisation(self, organisation: Organisation) -> None:
        from app.services import organisations

        sessions = self.sessions
        if self.editing.report is not None and self.editing.report.organisation.id == organisation.id:
            self.editing.report.organisation = organisation
            self.editor.on_report_loaded(self.editing.report)
            self.editing.changed("organisation")
        self.run_db(lambda: organisations.update_organisation(sessions, organisation),
                    lambda _r: self.refresh_home(select_org=organisation.id))

    def delete_organisation(self) -> None:
        org = self._home.current_organisation() if self._home is not None else None
        if org is None:
            return

        def delete() -> None:
            from app.services import organisations

            sessions = self.sessions
            self.organisation_id = None
            self.run_db(lambda: organisations.delete_organisation(sessions, org.id),
                        lambda _r: self.refresh_home())

        self.ask(_("Delete organisation"),
                 _("Delete the organisation “{name}”? Only an organisation without reports can be "
                   "deleted.").format(name=org.name), delete)

    # -- reports ------------------------------------------------------------------------------

    def show_home(self) -> None:
        if self.sessions is None:
            return
        self.editing.close()
        self.refresh_home()
        self.setWindowTitle(APP_DISPLAY_NAME)

    def new_report(self) -> None:
        org = self._home.current_organisation() if self._home is not None else None
        if org is None:
            return
        from app.gui.dialogs.new_report_dialog import NewReportDialog
        from app.services import reports

        sessions = self.sessions

        def ask(previous: list) -> None:
            dialog = NewReportDialog(org.name, previous, date.today().year, self)
            dialog.report_requested.connect(lambda y, k, p: self._create_report(org, y, ReportKind(k), p))
            dialog.open()
            self.new_report_dialog = dialog

        self.run_db(lambda: reports.list_reports(sessions, org.id), ask)

    def _create_report(self, org: Organisation, year: int, kind: ReportKind, previous_id: int | None) -> None:
        from app.services import reports

        sessions = self.sessions
        if previous_id is not None:
            self.run_db(lambda: reports.new_report_from_previous(sessions, previous_id, year, kind), self.open_report)
            return
        from app.domain.outline import default_outline
        from app.domain.report import Report, settings_for

        report = Report(organisation=org, year=year, kind=kind, sections=default_outline(kind, org.kind),
                        settings=settings_for(org.preset))
        self.run_db(lambda: reports.save_new_report(sessions, report), self.open_report)

    def open_demo(self) -> None:
        """Store a fresh copy of the demo report and open it."""
        from app.domain.demo import demo_report
        from app.services import reports

        sessions = self.sessions
        self.run_db(lambda: reports.save_new_report(sessions, demo_report()), self.open_report)

    def open_report(self, report_id: int, quiet: bool = False) -> None:
        from app.services import reports

        sessions = self.sessions

        def failed(exc: BaseException) -> None:
            if quiet:
                ui_state.put(ui_state.LAST_REPORT_ID, 0)
            else:
                self._on_task_failed(exc)

        def done(report) -> None:
            self.editor  # noqa: B018 - built before the report is shown in it
            self.editing.open(report_id, report)
            self.organisation_id = report.organisation.id
            ui_state.put(ui_state.LAST_REPORT_ID, report_id)
            self.stack.setCurrentWidget(self.editor)
            self.setWindowTitle(f"{report.organisation.name} – {report.year} – {APP_DISPLAY_NAME}")
            self._update_actions()
            self.report_opened.emit(report_id)

        self.editing.flush()
        self.tasks.run_db(lambda: reports.get_report(sessions, report_id), done, failed)

    def delete_report(self, report_id: int) -> None:
        def delete() -> None:
            from app.services import reports

            sessions = self.sessions
            self.run_db(lambda: reports.delete_report(sessions, report_id),
                        lambda _r: self.on_organisation_chosen(self.organisation_id))

        self.ask(_("Delete report"), _("Delete this report and everything in it? This cannot be undone."), delete)

    def save_now(self) -> None:
        """Ctrl+S: everything is saved as you type; this writes at once and says so."""
        if self.editing.report is None:
            return
        if self.editing.dirty:
            self.editing.save_now()
        else:
            self.statusBar().showMessage(_("Everything is saved."), 4000)

    def on_report_saved(self, when: datetime) -> None:
        self.saved_label.setText(_("Saved at {time}").format(time=when.strftime("%H:%M:%S")))

    def on_save_failed(self, message: str) -> None:
        self.saved_label.setText(_("Not saved"))
        self.statusBar().showMessage(message, 8000)

    # -- export -------------------------------------------------------------------------------

    def export_docx(self) -> None:
        """Ctrl+E: confirm when the checks found errors, then ask where to write the .docx."""
        if self.editing.report is None:
            return
        if has_errors(self.editing.findings):
            self.ask(_("Export to Word"), _("The checks found errors in the figures. Export anyway?"),
                     self.ask_export_path, icon=QMessageBox.Icon.Warning)
            return
        self.ask_export_path()

    def suggested_file_name(self) -> str:
        report = self.editing.report
        assert report is not None
        from app.domain.report import ReportKind as K

        kind = {K.YEAR_END: "Bao-cao-tong-ket", K.SIX_MONTH: "Bao-cao-so-ket-6-thang",
                K.MID_TERM: "Bao-cao-giua-nhiem-ky"}[report.kind]
        return f"{kind}-{report.year}.docx"

    def ask_export_path(self) -> None:
        folder = ui_state.get(ui_state.LAST_EXPORT_DIR) or str(Path.home())
        dialog = QFileDialog(self, _("Export to Word"), str(Path(folder) / self.suggested_file_name()),
                             _("Word documents (*.docx)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("docx")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()
        self.file_dialog = dialog

    def export_to(self, path: Path) -> None:
        """Write the open report to path in the render thread; the result is announced."""
        import copy

        from app.services.export import export_docx

        self.editing.save_now()
        snapshot = copy.deepcopy(self.editing.report)
        ui_state.put(ui_state.LAST_EXPORT_DIR, str(path.parent))
        self.statusBar().showMessage(_("Exporting…"))
        self.set_busy(True)

        def done(_result: object) -> None:
            self.set_busy(False)
            self.statusBar().showMessage(_("Exported to {path}").format(path=path), 8000)
            self.export_finished.emit(str(path))
            box = QMessageBox(QMessageBox.Icon.Information, _("Export to Word"),
                              _("The report was written to:\n{path}").format(path=path),
                              QMessageBox.StandardButton.Ok, self)
            open_folder = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
            open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
            box.open()
            self.info_box = box

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            if isinstance(exc, UserError):
                message = exc.message
            else:
                log.error("export failed", exc_info=exc)
                message = _("The report could not be exported; the details are in the log file.")
            self.statusBar().showMessage(message, 8000)
            self.export_failed.emit(message)
            self.show_error(message, exc.detail if isinstance(exc, UserError) else None)

        self.tasks.run_render(lambda: export_docx(snapshot, path), done, failed)

    # -- JSON ---------------------------------------------------------------------------------

    def import_json(self) -> None:
        folder = ui_state.get(ui_state.LAST_IMPORT_DIR) or str(Path.home())
        dialog = QFileDialog(self, _("Import a report"), folder, _("Tổng Kết reports (*.json)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.import_from(Path(path)))
        dialog.open()
        self.file_dialog = dialog

    def import_from(self, path: Path) -> None:
        from app.services import interchange, reports

        ui_state.put(ui_state.LAST_IMPORT_DIR, str(path.parent))
        sessions = self.sessions
        self.set_busy(True)

        def done(report_id: int) -> None:
            self.set_busy(False)
            self.open_report(report_id)

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            self._on_task_failed(exc)

        self.tasks.run_db(lambda: reports.save_new_report(sessions, interchange.import_report_file(path)),
                          done, failed)

    def export_json(self) -> None:
        if self.editing.report is None:
            return
        folder = ui_state.get(ui_state.LAST_EXPORT_DIR) or str(Path.home())
        name = Path(self.suggested_file_name()).with_suffix(".json").name
        dialog = QFileDialog(self, _("Export to file"), str(Path(folder) / name), _("Tổng Kết reports (*.json)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("json")
        dialog.fileSelected.connect(lambda p: self.export_json_to(Path(p)))
        dialog.open()
        self.file_dialog = dialog

    def export_json_to(self, path: Path) -> None:
        import copy

        from app.services import interchange

        snapshot = copy.deepcopy(self.editing.report)
        self.run_db(lambda: interchange.export_report_file(snapshot, path),
                    lambda _r: self.statusBar().showMessage(_("Exported to {path}").format(path=path), 8000))

    # -- misc ---------------------------------------------------------------------------------

    def ask(self, title: str, question: str, on_yes, icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> None:
        """A Yes/No question, No by default, opened without blocking; on_yes() runs when the answer is Yes."""
        box = QMessageBox(icon, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda answer: on_yes() if answer == QMessageBox.StandardButton.Yes else None)
        box.open()
        self.question_box = box

    def set_busy(self, busy: bool) -> None:
        """A wait cursor while an export or an import runs in the background."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        elif QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()

    def show_error(self, message: str, detail: str | None = None) -> None:
        """A warning the user can act on; detail (what exactly is wrong) goes under the message."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_DISPLAY_NAME, message, QMessageBox.StandardButton.Ok, self)
        if detail:
            box.setInformativeText(detail)
        box.open()
        self.error_box = box

    def show_about(self) -> None:
        from app.gui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.open()
        self.about_dialog = dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.editing.flush()
        ui_state.put(ui_state.GEOMETRY, self.saveGeometry())
        if self._editor is not None:
            ui_state.put(ui_state.SPLITTER, self._editor.splitter.saveState())
        self.tasks.wait()
        if self.sessions is not None:
            self.sessions.close()
            self.sessions = None
        super().closeEvent(event)
