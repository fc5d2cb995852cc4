"""The main window: welcome, home (organisations and reports) and the report editor; the flows live in controllers."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_DISPLAY_NAME
from app.domain.organisation import Organisation
from app.domain.period import PeriodKind
from app.domain.presence import Presence
from app.domain.report import Report
from app.gui import ui_state
from app.gui.controllers.journal import JournalController
from app.gui.controllers.organisations import OrganisationsController
from app.gui.controllers.prompts import Prompts
from app.gui.controllers.reports import ReportsController
from app.gui.controllers.runner import ServiceRunner, user_message
from app.gui.controllers.transfer import TransferController
from app.gui.editing import ReportEditing
from app.gui.presence import PresenceWatcher
from app.gui.tasks import Tasks

if TYPE_CHECKING:
    from app.gui.collect_page import CollectPage
    from app.gui.controllers.collect import CollectController
    from app.gui.pages import HomePage, WelcomePage
    from app.gui.report_editor import ReportEditor
    from app.gui.widgets.find_replace import FindReplaceDialog
from app.i18n import _

log = logging.getLogger(__name__)

# The size the window asks for on a large screen; a smaller screen gets its whole available area.
PREFERRED_SIZE = QSize(1360, 860)
# The window manager's frame around the window, assumed until the window is shown and the real one is known.
ASSUMED_FRAME = QMargins(8, 32, 8, 8)


def fit_geometry(wanted: QRect, available: QRect, frame: QMargins | None = None) -> QRect:
    """wanted, shrunk and then moved as little as needed so that it and its frame lie inside available.

    available: a screen's available area (without task bars); frame: the window manager's decoration around
    the window's client area (title bar on top; None: no frame). The result is the client area, as
    QWidget.setGeometry takes it.
    """
    inner = available.marginsRemoved(frame) if frame is not None else QRect(available)
    width = max(1, min(wanted.width(), inner.width()))
    height = max(1, min(wanted.height(), inner.height()))
    x = min(max(wanted.x(), inner.left()), inner.left() + inner.width() - width)
    y = min(max(wanted.y(), inner.top()), inner.top() + inner.height() - height)
    return QRect(x, y, width, height)


def centred(size: QSize, available: QRect) -> QRect:
    """A rectangle of size centred in available (it may overhang; fit_geometry then trims it)."""
    return QRect(available.center() - QPoint(size.width() // 2, size.height() // 2), size)


class MainWindow(QMainWindow):
    """One window for everything a secretary does; the flows are controllers, slow work goes through Tasks.

    The database is opened by start(), after the window is on screen, so that SQLAlchemy and the
    renderer are imported after the first paint.

    Signals:
        database_opened(): the database is ready and the first page is shown.
        report_opened(int): the editor shows this report.
        export_finished(str): a .docx was written at this path.
        export_failed(str): the translated reason.
        language_change_requested(str): the user chose another language ("vi" or "en").
        database_change_requested(str): reopen the window on this database URL ("" for the data on this computer).
    """

    database_opened = Signal()
    report_opened = Signal(int)
    export_finished = Signal(str)
    export_failed = Signal(str)
    language_change_requested = Signal(str)
    database_change_requested = Signal(str)

    def __init__(self, tasks: Tasks | None = None, database_url: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setObjectName("main_window")
        self.tasks = tasks or Tasks(parent=self)
        self.database_url = database_url
        self.organisation_id: int | None = None
        self._reopen_last = False
        self._fitted_on_show = False
        self.runner = ServiceRunner(self.tasks, self)
        self.prompts = Prompts(self)
        self.editing = ReportEditing(self.tasks, lambda: self.runner.sessions, self)
        self.presence = PresenceWatcher(self.tasks, lambda: self.runner.sessions, self.editing, self)
        self.journal = JournalController(self.runner, self.prompts, self.editing, self.on_report_fetched, self)
        self.organisations = OrganisationsController(self.runner, self.prompts, self)
        self.reports = ReportsController(self.runner, self.prompts, self.editing, self)
        self.transfer = TransferController(self.runner, self.prompts, self.editing, self)
        self._welcome: WelcomePage | None = None
        self._home: HomePage | None = None
        self._editor: ReportEditor | None = None
        self._find_dialog: FindReplaceDialog | None = None
        self._collect_page: CollectPage | None = None
        self.collect: CollectController | None = None
        self.loading = QLabel(_("Opening the database…"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading)
        self.sample_banner = self._make_sample_banner()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.sample_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.database_label = QLabel()  # the shared database in use; empty for the data on this computer
        self.statusBar().addPermanentWidget(self.database_label)
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

        # Ctrl+H is Replace, as in Word; the reports list takes Ctrl+Shift+H.
        self.home_action = action(_("&Reports"), self.show_home, "Ctrl+Shift+H")
        self.new_report_action = action(_("&New report…"), self.new_report, QKeySequence.StandardKey.New)
        self.export_action = action(_("&Export to Word…"), self.transfer.export_docx, "Ctrl+E")
        self.pdf_action = action(_("Export to &PDF and print…"), self.transfer.export_pdf,
                                 QKeySequence.StandardKey.Print)
        self.save_action = action(_("&Save"), self.save_now, QKeySequence.StandardKey.Save)
        self.import_action = action(_("&Import from file…"), self.transfer.import_file, "Ctrl+I")
        self.import_word_action = action(_("Import from a &Word report…"), self.transfer.import_word)
        self.export_json_action = action(_("Export to &file…"), self.transfer.export_file)
        self.export_excel_action = action(_("Export statistics to E&xcel…"), self.transfer.export_excel)
        self.import_excel_action = action(_("Import figures from Exce&l…"), self.transfer.import_excel)
        self.quit_action = action(_("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.database_action = action(_("Shared &database…"), self.show_database_dialog)
        self.edit_org_action = action(_("Organisation &profile…"), self.edit_organisation)
        self.collect_action = action(_("&Sub-units' reports…"), self.show_collect)
        self.about_action = action(_("&About Tổng Kết"), self.show_about)
        self.undo_action = action(_("&Undo"), lambda: self._section_text("undo"), QKeySequence.StandardKey.Undo)
        self.redo_action = action(_("&Redo"), lambda: self._section_text("redo"), QKeySequence.StandardKey.Redo)
        self.find_action = action(_("&Find…"), lambda: self.find_replace(False), "Ctrl+F")
        self.replace_action = action(_("R&eplace…"), lambda: self.find_replace(True), "Ctrl+H")
        self.vi_action = action("Tiếng Việt", lambda: self.language_change_requested.emit("vi"))
        self.en_action = action("English", lambda: self.language_change_requested.emit("en"))

        menu = self.menuBar().addMenu(_("&File"))
        for act in (self.home_action, self.new_report_action, None, self.save_action, self.export_action,
                    self.pdf_action, None,
                    self.import_action, self.import_word_action, self.export_json_action, None,
                    self.export_excel_action, self.import_excel_action, None, self.database_action, None,
                    self.quit_action):
            menu.addSeparator() if act is None else menu.addAction(act)
        menu = self.menuBar().addMenu(_("&Edit"))
        for act in (self.undo_action, self.redo_action, None, self.find_action, self.replace_action):
            menu.addSeparator() if act is None else menu.addAction(act)
        menu = self.menuBar().addMenu(_("&Organisation"))
        menu.addAction(self.edit_org_action)
        menu.addAction(self.collect_action)
        menu = self.menuBar().addMenu(_("&Language"))
        menu.addAction(self.vi_action)
        menu.addAction(self.en_action)
        menu = self.menuBar().addMenu(_("&Help"))
        menu.addAction(self.about_action)
        toolbar = self.addToolBar(_("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        for act in (self.home_action, self.new_report_action, self.export_action, self.collect_action):
            toolbar.addAction(act)

    def _make_sample_banner(self) -> QFrame:
        banner = QFrame(objectName="sample_banner")
        banner.setStyleSheet("#sample_banner { background: #fff4c2; border-bottom: 1px solid #d9b840; }")
        self.sample_label = QLabel(_("This is the sample report, not one of yours: try anything in it. Closing it "
                                     "changes nothing of your own organisations and reports."))
        self.sample_label.setWordWrap(True)
        self.close_sample_button = QPushButton(_("Close the sample"))
        self.close_sample_button.clicked.connect(self.show_home)
        row = QHBoxLayout(banner)
        row.setContentsMargins(8, 4, 8, 4)
        title = QLabel(_("Sample"))
        title.setStyleSheet("font-weight: bold;")
        row.addWidget(title)
        row.addWidget(self.sample_label, 1)
        row.addWidget(self.close_sample_button)
        banner.hide()
        return banner

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
            home.open_report_requested.connect(self.reports.open)
            home.delete_report_requested.connect(self.reports.delete)
            home.import_requested.connect(self.transfer.import_file)
            home.demo_requested.connect(self.open_demo)
            self.stack.addWidget(home)
        return self._home

    @property
    def editor(self) -> ReportEditor:
        """The editor page, built the first time a report opens (it is the heaviest page)."""
        if self._editor is None:
            from app.gui.report_editor import ReportEditor

            editor = self._editor = ReportEditor(self.editing)
            from app.gui.widgets.spell import attach_spelling, spell_service

            spelling = spell_service()
            editor.section_editor.editor.set_spell_service(spelling)
            for edit in editor.text_boxes():
                attach_spelling(edit, spelling)
            editor.document_fields.tone_style_changed.connect(spelling.set_style)
            editor.document_fields.set_services(self.runner.run_db, lambda: self.runner.sessions)
            editor.organisation_edit_requested.connect(self.edit_organisation)
            # The preview follows the section being edited (a hook the editor page may take over).
            editor.navigator.section_selected.connect(
                lambda section, _heading: editor.preview.show_section(section.key))
            self.stack.addWidget(editor)
            splitter = ui_state.get(ui_state.SPLITTER)
            if not splitter.isEmpty():
                editor.splitter.restoreState(splitter)
        return self._editor

    @property
    def collect_page(self) -> CollectPage:
        """The page of the sub-units' reports, built on first use with its controller (self.collect)."""
        if self._collect_page is None:
            from app.gui.collect_page import CollectPage
            from app.gui.controllers.collect import CollectController

            page = self._collect_page = CollectPage()
            self.collect = CollectController(self.runner, self.prompts, self.editing, page, self)
            page.back_requested.connect(self.show_editor)
            self.collect.rolled_up.connect(self.on_rolled_up)
            self.stack.addWidget(page)
        return self._collect_page

    def show_collect(self) -> None:
        """Show the board of the sub-units' reports for the open report's period (a đảng bộ's report only)."""
        report = self.editing.report
        if report is None or not report.organisation.kind.has_sub_units:
            return
        page = self.collect_page
        assert self.collect is not None
        self.collect.show()
        self.stack.setCurrentWidget(page)

    def on_rolled_up(self, result) -> None:
        """Show the rolled-up figures in the statistics form, each saying its sub-units' parts in its tooltip."""
        from app.services.collect import rolled_sums

        self.editor.stats_form.set_report(self.editing.report)
        sums = rolled_sums(result)
        self.editor.stats_form.set_trace(result.trace, sums)
        self.editing.set_rolled_up(result.trace, sums)

    def _show_stored_trace(self, report_id: int, report: Report) -> None:
        """Bring back the last roll-up's trace of a đảng bộ's report just opened: the parts in each figure's tooltip,
        the figures she typed over marked."""
        from app.services.collect import roll_up_trace

        if not report.organisation.kind.has_sub_units:
            return

        def shown(stored) -> None:
            if stored is not None and self.editing.report is report:
                self.editor.stats_form.set_trace(stored.trace, stored.sums)
                self.editing.set_rolled_up(stored.trace, stored.sums)

        self.runner.run(roll_up_trace, report_id, done=shown)

    def show_editor(self) -> None:
        """Back from the board to the open report."""
        if self.editing.report is not None:
            self.stack.setCurrentWidget(self.editor)

    def _connect(self) -> None:
        self.runner.failed.connect(self.prompts.show_error)
        self.editing.report_saved.connect(self.on_report_saved)
        self.editing.save_failed.connect(self.on_save_failed)
        self.editing.save_conflict.connect(self.on_save_conflict)
        self.presence.others_changed.connect(self.on_presence_changed)
        self.editing.connection_changed.connect(self.on_connection_changed)
        self.stack.currentChanged.connect(lambda _i: self._update_actions())
        self.organisations.organisations_listed.connect(self.on_organisations_listed)
        self.organisations.organisation_updated.connect(self.on_organisation_updated)
        self.organisations.organisation_deleted.connect(self.on_organisation_deleted)
        self.reports.reports_listed.connect(lambda summaries: self.home.set_reports(summaries))
        self.reports.report_fetched.connect(self.on_report_fetched)
        self.reports.report_deleted.connect(lambda _id: self.reports.list_for(self.organisation_id))
        self.transfer.export_finished.connect(self.export_finished)
        self.transfer.export_failed.connect(self.export_failed)
        self.transfer.report_imported.connect(self.reports.open)
        self.transfer.message_posted.connect(self.statusBar().showMessage)

    # -- the window on the screen ---------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = ui_state.get(ui_state.GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            available = self._available_geometry()
            self.setGeometry(fit_geometry(centred(PREFERRED_SIZE, available), available, ASSUMED_FRAME))
        else:
            self.fit_to_screen()

    def _available_geometry(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def fit_to_screen(self, available: QRect | None = None) -> None:
        """Shrink and move the window so that it and its frame lie inside available (default: its screen's area).

        A saved geometry from a larger screen, or the preferred size on a small one, is corrected this way.
        """
        available = available if available is not None else self._available_geometry()
        frame = self._frame_margins()
        fitted = fit_geometry(self.geometry(), available, frame)
        if fitted != self.geometry():
            if self.isMaximized() or self.isFullScreen():
                return  # the window manager sizes these to the screen already
            self.setGeometry(fitted)

    def _frame_margins(self) -> QMargins:
        frame, inner = self.frameGeometry(), self.geometry()
        if not self.isVisible() or frame == inner:
            return ASSUMED_FRAME if not self.isVisible() else QMargins()
        return QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                        frame.right() - inner.right(), frame.bottom() - inner.bottom())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted_on_show:
            # Now the real frame is known: trim again if the assumed one was too small.
            self._fitted_on_show = True
            self.fit_to_screen()

    def _update_actions(self) -> None:
        editing = self._editor is not None and self.stack.currentWidget() is self._editor \
            and self.editing.report is not None
        for act in (self.export_action, self.pdf_action, self.save_action, self.export_json_action,
                    self.export_excel_action, self.import_excel_action, self.undo_action, self.redo_action,
                    self.find_action, self.replace_action):
            act.setEnabled(editing)
        self.new_report_action.setEnabled(self.organisation_id is not None)
        open_report = self.editing.report
        self.collect_action.setEnabled(open_report is not None and open_report.organisation.kind.has_sub_units
                                       and self.stack.currentWidget() is self._editor)
        self.edit_org_action.setEnabled(self.organisation_id is not None)
        report = self.editing.report if editing else None
        self.sample_banner.setVisible(report is not None and report.organisation.is_sample)

    def _section_text(self, what: str) -> None:
        """Undo or redo in the section editor (the text fields undo their own typing with the same keys)."""
        if self._editor is not None:
            getattr(self._editor.section_editor.editor, what)()

    def find_replace(self, replace: bool) -> None:
        """Open the find (or find and replace) window over the open report."""
        if self._editor is None or self.editing.report is None:
            return
        if self._find_dialog is None:
            from app.gui.widgets.find_replace import FindReplaceDialog

            self._find_dialog = FindReplaceDialog(self._editor, self)
        self._find_dialog.open_for(replace)

    # -- database -----------------------------------------------------------------------------

    def install_shortcuts(self) -> None:
        """Give the actions their keys; done after the first paint (binding Qt's key enums takes 25 ms)."""
        for act, shortcut in self._shortcuts:
            act.setShortcut(QKeySequence(shortcut))
        self._shortcuts.clear()

    @property
    def sessions(self):
        """The open database (app.services.sessions); None until start() has opened it."""
        return self.runner.sessions

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
        self.runner.sessions = sessions
        if sessions.path is None:
            from app.services import office

            where = office.server_parts(sessions.location)
            self.database_label.setText(_("Shared database: {database} on {server}").format(
                database=where["database"], server=where["host"]))
        # Edits a killed or disconnected run never saved are offered first; restoring opens their report, so the
        # last report is not reopened meanwhile (its older copy would be saved over them, or conflict with them).
        pending = self.journal.check()
        self._reopen_last = not pending
        self.refresh_home()
        if sessions.notices:  # a damaged file was set aside
            self.prompts.show_error("\n\n".join(sessions.notices))
        self.journal.offer(pending)

    def _on_database_failed(self, exc: BaseException) -> None:
        from app.services.sessions import DamagedDatabaseError

        message, detail = user_message(exc, _("The database could not be opened."))
        self.loading.setText(message)
        if isinstance(exc, DamagedDatabaseError):
            from app.gui.dialogs.database_problem_dialog import offer_recovery

            self.database_problem_dialog = offer_recovery(
                self, exc, self.tasks, self.database_url, self._on_database_opened, self._on_database_failed)
            return
        self.prompts.show_error(message, detail)

    def run_db(self, fn, on_done=None) -> None:
        """Run fn in the database thread; a failure is shown to the user (for widgets handed this callable)."""
        self.runner.run_db(fn, on_done)

    # -- home ---------------------------------------------------------------------------------

    def refresh_home(self, select_org: int | None = None) -> None:
        """List the organisations again and show the home page (the welcome page while there are none)."""
        self.organisations.refresh(select_org)

    def on_organisations_listed(self, orgs: list[Organisation], select: int | None) -> None:
        reopen, self._reopen_last = self._reopen_last, False
        if not orgs:
            self.organisation_id = None
            self.stack.setCurrentWidget(self.welcome)
            self.database_opened.emit()
            return
        self.home.set_organisations(orgs, select if select is not None else self.organisation_id)
        if self.editing.report is None:
            self.stack.setCurrentWidget(self.home)
        self.database_opened.emit()
        last = ui_state.get(ui_state.LAST_REPORT_ID)
        if reopen and last:
            self.reports.open(last, quiet=True)

    def on_organisation_chosen(self, org_id: int | None) -> None:
        self.organisation_id = org_id
        self._update_actions()
        self.reports.list_for(org_id)

    def show_home(self) -> None:
        """Close the open report (its edits are saved) and show the organisations and their reports."""
        if self.sessions is None:
            return
        self.editing.close()
        self.refresh_home()
        self.setWindowTitle(APP_DISPLAY_NAME)
        self._update_actions()

    def current_organisation(self) -> Organisation | None:
        """The organisation of the open report, else the one chosen on the home page."""
        if self.editing.report is not None:
            return self.editing.report.organisation
        return self._home.current_organisation() if self._home is not None else None

    # -- organisations ------------------------------------------------------------------------

    def create_organisation(self) -> None:
        self.organisations.create()

    def edit_organisation(self) -> None:
        self.organisations.edit(self.current_organisation())

    def delete_organisation(self) -> None:
        self.organisations.delete(self._home.current_organisation() if self._home is not None else None)

    def on_organisation_updated(self, organisation: Organisation) -> None:
        report = self.editing.report
        if report is not None and report.organisation.id == organisation.id:
            # The profile dialog knows nothing of the sample flag; the stored one is kept too.
            report.organisation = replace(organisation, is_sample=report.organisation.is_sample)
            self.editor.on_report_loaded(report)
            self.editing.changed("organisation")
            self._show_title(report)

    def on_organisation_deleted(self, organisation_id: int) -> None:
        if self.organisation_id == organisation_id:
            self.organisation_id = None

    # -- reports ------------------------------------------------------------------------------

    def new_report(self) -> None:
        self.reports.new_report(self._home.current_organisation() if self._home is not None else None)

    def open_demo(self) -> None:
        """Open the sample report; it is stored the first time only, and never among her own organisations."""
        self.reports.open_sample()

    def on_report_fetched(self, report_id: int, report: Report) -> None:
        self.editor  # noqa: B018 - built before the report is shown in it
        self.editing.open(report_id, report)
        self.organisation_id = report.organisation.id
        ui_state.put(ui_state.LAST_REPORT_ID, report_id)
        self.stack.setCurrentWidget(self.editor)
        self._show_title(report)
        self._update_actions()
        self._show_stored_trace(report_id, report)
        self.report_opened.emit(report_id)

    def _show_title(self, report: Report) -> None:
        # "… – 2026", or "… – 2025 - 2026" for a school year, as the list of reports shows it.
        period = report.period
        years = f"{period.year} - {period.year + 1}" if period.kind is PeriodKind.SCHOOL_YEAR else str(report.year)
        title = f"{report.organisation.name} – {years}"
        if report.organisation.is_sample:
            title = _("Sample report – {title}").format(title=title)
        self.setWindowTitle(f"{title} – {APP_DISPLAY_NAME}")

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

    def on_save_conflict(self, conflict: object) -> None:
        """Someone else saved the open report: show their values and hers, and let her keep either, field by field."""
        from app.gui.dialogs.conflict_dialog import ConflictDialog

        self.saved_label.setText(_("Not saved"))
        dialog = ConflictDialog(conflict, self)  # type: ignore[arg-type]
        dialog.mine_chosen.connect(self.editing.keep_mine)
        dialog.theirs_chosen.connect(self.editing.keep_theirs)  # reopens theirs: the editor follows report_loaded
        dialog.mix_chosen.connect(self.editing.keep_mix)
        self.conflict_dialog = dialog
        dialog.open()

    def on_connection_changed(self, lost: bool) -> None:
        """The shared database went out of reach (her edits are kept and retried) or answers again."""
        if lost:
            self.saved_label.setText(_("Not saved"))
        if self._editor is not None:
            self._editor.show_connection_lost(lost)

    def on_presence_changed(self, others: list[Presence]) -> None:
        """Show in the editor who else has the open report."""
        if self._editor is not None:
            self._editor.show_presence(others)

    # -- the shared database -------------------------------------------------------------------

    def show_database_dialog(self) -> None:
        """Connect this computer to an office's shared database, or back to its own data; the window reopens."""
        from app.gui.dialogs.database_dialog import DatabaseDialog
        from app.services import office

        url = self.database_url or ""
        current = office.without_password(url) if url and office.is_server_url(url) else ""
        dialog = DatabaseDialog(self.tasks, current or ui_state.get(ui_state.DATABASE_URL), self)
        dialog.database_chosen.connect(self.database_change_requested)
        dialog.local_chosen.connect(lambda: self.database_change_requested.emit(""))
        self.database_dialog = dialog
        dialog.open()

    # -- misc ---------------------------------------------------------------------------------

    def show_about(self) -> None:
        from app.gui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.open()
        self.about_dialog = dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editing.flush()
        self.presence.stop()
        ui_state.put(ui_state.GEOMETRY, self.saveGeometry())
        if self._editor is not None:
            ui_state.put(ui_state.SPLITTER, self._editor.splitter.saveState())
        self.tasks.wait()
        if self.runner.sessions is not None:
            self.runner.sessions.close()
            self.runner.sessions = None
        super().closeEvent(event)
