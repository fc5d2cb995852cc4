"""The welcome page (empty database) and the home page (organisations and their reports)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import APP_DISPLAY_NAME
from app.domain import numfmt
from app.domain.organisation import Organisation
from app.domain.period import PeriodKind
from app.domain.report import REPORT_KIND_LABELS, REPORT_STATUS_LABELS, ReportKind, ReportStatus, period_kind_of
from app.i18n import _

if TYPE_CHECKING:
    from app.services.reports import ReportSummary


class WelcomePage(QWidget):
    """First run: create the organisation, or look at the demo report.

    Signals:
        create_organisation_requested()
        demo_requested()
    """

    create_organisation_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("Welcome to {app}").format(app=APP_DISPLAY_NAME))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(_("Tổng Kết drafts the year-end report of your Party committee: you fill in the figures "
                        "and the text, it computes every percentage and lays the document out ready to sign. "
                        "Everything you type is saved as you go."))
        text.setWordWrap(True)
        self.create_button = QPushButton(_("Create my organisation"))
        self.demo_button = QPushButton(_("Open the demo report"))
        for button in (self.create_button, self.demo_button):
            button.setMinimumHeight(44)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_organisation_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title, alignment=Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(12)
        column.addWidget(text)
        column.addSpacing(24)
        column.addWidget(self.create_button)
        column.addWidget(self.demo_button)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 2)
        outer.addStretch(1)


class HomePage(QWidget):
    """Organisations and the reports of the chosen one.

    Signals:
        organisation_chosen(object): the organisation id chosen in the list.
        new_organisation_requested()
        delete_organisation_requested()
        edit_organisation_requested()
        new_report_requested()
        open_report_requested(int)
        delete_report_requested(int)
        import_requested()
        demo_requested()
    """

    organisation_chosen = Signal(object)
    new_organisation_requested = Signal()
    delete_organisation_requested = Signal()
    edit_organisation_requested = Signal()
    new_report_requested = Signal()
    open_report_requested = Signal(int)
    delete_report_requested = Signal(int)
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.organisations: list[Organisation] = []
        self.organisation_box = QComboBox(objectName="organisations")
        self.organisation_box.setMinimumWidth(360)
        self.organisation_box.currentIndexChanged.connect(self._on_organisation_changed)
        add_org = QPushButton(_("New organisation…"))
        add_org.clicked.connect(self.new_organisation_requested)
        self.edit_org = QPushButton(_("Edit profile…"))
        self.edit_org.clicked.connect(self.edit_organisation_requested)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Organisation:")))
        top.addWidget(self.organisation_box, 1)
        top.addWidget(self.edit_org)
        top.addWidget(add_org)
        self.delete_org = QPushButton(_("Delete organisation…"))
        self.delete_org.setToolTip(_("Only an organisation without reports can be deleted."))
        self.delete_org.clicked.connect(self.delete_organisation_requested)
        top.addWidget(self.delete_org)

        self.table = QTableWidget(0, 4, objectName="reports")
        self.table.setHorizontalHeaderLabels([_("Year"), _("Kind"), _("Status"), _("Last edited")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemDoubleClicked.connect(lambda _item: self._open())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.new_button = QPushButton(_("New report…"))
        self.new_button.clicked.connect(self.new_report_requested)
        self.open_button = QPushButton(_("Open"))
        self.open_button.clicked.connect(self._open)
        self.delete_button = QPushButton(_("Delete…"))
        self.delete_button.clicked.connect(self._delete)
        import_button = QPushButton(_("Import from file…"))
        import_button.clicked.connect(self.import_requested)
        demo_button = QPushButton(_("Open the demo report"))
        demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(import_button)
        buttons.addWidget(demo_button)

        self.sample_note = QLabel(_("Sample: these reports show how a finished report looks. They are not yours, "
                                    "and nothing you do here changes your own organisations."),
                                  objectName="sample_note")
        self.sample_note.setWordWrap(True)
        self.sample_note.setStyleSheet("#sample_note { background: #fff4c2; padding: 4px; }")
        self.sample_note.hide()

        # What a new organisation's empty list means, and the first step.
        self.empty_note = QLabel(_("This organisation has no report yet. Click “New report…” to start one, or "
                                   "“Open the demo report” to see a finished report first."),
                                 objectName="empty_note")
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet("#empty_note { color: #444; padding: 8px 4px; }")
        self.empty_note.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sample_note)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_organisations(self, organisations: list[Organisation], select_id: int | None) -> None:
        """List organisations, hers first and the sample after a line, marked; select_id None: the first."""
        hers = [org for org in organisations if not org.is_sample]
        samples = [org for org in organisations if org.is_sample]
        self.organisations = hers + samples
        self.organisation_box.blockSignals(True)
        self.organisation_box.clear()
        for org in hers:
            self.organisation_box.addItem(org.name, org.id)
        if hers and samples:
            self.organisation_box.insertSeparator(self.organisation_box.count())
        for org in samples:
            self.organisation_box.addItem(_("Sample: {name}").format(name=org.name), org.id)
        index = self.organisation_box.findData(select_id) if select_id is not None else 0
        self.organisation_box.setCurrentIndex(max(index, 0))
        self.organisation_box.blockSignals(False)
        self.edit_org.setEnabled(bool(organisations))
        self.delete_org.setEnabled(bool(organisations))
        self.new_button.setEnabled(bool(organisations))
        self._on_organisation_changed()

    def current_organisation(self) -> Organisation | None:
        org_id = self.organisation_box.currentData()
        return next((o for o in self.organisations if o.id == org_id), None)

    def set_reports(self, summaries: list[ReportSummary]) -> None:
        self.table.setRowCount(0)
        for summary in summaries:
            row = self.table.rowCount()
            self.table.insertRow(row)
            # A school year reads "2025 - 2026", as the report names it.
            school = period_kind_of(ReportKind(summary.kind), summary.period_kind) is PeriodKind.SCHOOL_YEAR
            # A report to the congress reads by its term, "2020 - 2025".
            span = summary.term if ReportKind(summary.kind).is_congress and summary.term else str(summary.year)
            year = QTableWidgetItem(f"{summary.year} - {summary.year + 1}" if school else span)
            year.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.table.setItem(row, 0, year)
            self.table.setItem(row, 1, QTableWidgetItem(_(REPORT_KIND_LABELS[ReportKind(summary.kind)])))
            self.table.setItem(row, 2, QTableWidgetItem(_(REPORT_STATUS_LABELS[ReportStatus(summary.status)])))
            when = summary.updated_at.astimezone() if summary.updated_at else None
            self.table.setItem(row, 3, QTableWidgetItem(numfmt.display_datetime(when) if when else ""))
        if summaries:
            self.table.selectRow(0)
        self.empty_note.setVisible(not summaries and self.current_organisation() is not None)
        self._update_buttons()

    def selected_report_id(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _on_organisation_changed(self, *_args: object) -> None:
        org = self.current_organisation()
        self.sample_note.setVisible(org is not None and org.is_sample)
        self.organisation_chosen.emit(self.organisation_box.currentData())

    def _open(self) -> None:
        report_id = self.selected_report_id()
        if report_id is not None:
            self.open_report_requested.emit(report_id)

    def _delete(self) -> None:
        report_id = self.selected_report_id()
        if report_id is not None:
            self.delete_report_requested.emit(report_id)

    def _update_buttons(self) -> None:
        chosen = self.selected_report_id() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

