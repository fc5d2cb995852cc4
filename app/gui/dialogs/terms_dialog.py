"""The committee's terms (nhiệm kỳ) of an organisation, listed, added, edited and deleted: they decide numbering."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import numfmt
from app.domain.numbering import Term
from app.gui.tasks import RunDb
from app.i18n import _

if TYPE_CHECKING:
    from app.services.sessions import Database

DATE_FORMAT = "dd/MM/yyyy"
_ERROR_COLOUR = "#b3261e"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class TermsDialog(QDialog):
    """Lists the committee's terms of an organisation; the form under the table adds, saves or deletes one.

    Every change is written at once through run_db (the database thread), so the dialog only closes.
    Party numbers run on through a term (Hướng dẫn 36-HD/VPTW point 1.3), so the dates matter more than the name.

    Signals:
        terms_changed(): a term was added, saved or deleted (the list is reloaded after it).
    """

    terms_changed = Signal()

    NAME, START, END = range(3)

    def __init__(self, organisation_id: int, run_db: RunDb, sessions: Callable[[], Database],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.organisation_id = organisation_id
        self._run_db = run_db
        self._sessions = sessions
        self.terms: list[Term] = []
        self._select_id: int | None = None
        self.setWindowTitle(_("Terms of the committee"))

        intro = QLabel(_("Party documents are numbered from 01 through each term of the committee. Record the "
                         "terms so that the next number is taken from the right one."))
        intro.setWordWrap(True)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Term"), _("Starts on"), _("Ends on")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (self.START, self.END):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(self.table.fontMetrics().lineSpacing() * 8)

        form_box = QGroupBox(_("Term"))
        form = QFormLayout(form_box)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("2025 - 2030")
        form.addRow(_("Name:"), self.name_edit)
        self.start_edit = self._date_edit()
        self.start_edit.setToolTip(_("The day after the congress that elected the committee closed."))
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_edit)
        start_row.addStretch(1)
        form.addRow(_("Starts on:"), start_row)
        self.ended_check = QCheckBox(_("Ended on"))
        self.end_edit = self._date_edit()
        self.end_edit.setToolTip(_("The day the next congress closed. Leave it unticked while the term runs."))
        end_row = QHBoxLayout()
        end_row.addWidget(self.ended_check)
        end_row.addWidget(self.end_edit)
        end_row.addStretch(1)
        form.addRow(_("End:"), end_row)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {_ERROR_COLOUR};")
        self.problem_label.setVisible(False)
        form.addRow(self.problem_label)

        self.add_button = QPushButton(_("Add term"))
        self.save_button = QPushButton(_("Save changes"))
        self.delete_button = QPushButton(_("Delete term"))
        self.delete_button.setToolTip(_("The numbers already issued stay in the register."))
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        form.addRow(actions)

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(form_box)
        layout.addWidget(self.button_box)

        self._clear_form()
        self.table.itemSelectionChanged.connect(self.on_selection_changed)
        self.name_edit.textChanged.connect(self._update_buttons)
        self.start_edit.dateChanged.connect(self._update_buttons)
        self.end_edit.dateChanged.connect(self._update_buttons)
        self.ended_check.toggled.connect(self.end_edit.setEnabled)
        self.ended_check.toggled.connect(self._update_buttons)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.button_box.rejected.connect(self.reject)
        self._update_buttons()
        self.resize(max(self.sizeHint().width(), 560), max(self.sizeHint().height(), 460))
        self.reload()

    @staticmethod
    def _date_edit() -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        return edit

    # -- data ----------------------------------------------------------------------------------

    def set_organisation(self, organisation_id: int) -> None:
        """Show the terms of another organisation (or the same one afresh)."""
        self.organisation_id = organisation_id
        self.reload()

    def reload(self) -> None:
        """Read the organisation's terms again in the database thread and show them."""
        from app.services import numbering

        sessions, org_id = self._sessions(), self.organisation_id
        self._run_db(lambda: numbering.list_terms(sessions, org_id), self._show_terms)

    def _show_terms(self, terms: list[Term]) -> None:
        self.terms = list(terms)
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(self.terms))
            for row, term in enumerate(self.terms):
                ends = numfmt.display_date(term.ends_on) if term.ends_on else _("(running)")
                for column, text in ((self.NAME, term.label), (self.START, numfmt.display_date(term.starts_on)),
                                     (self.END, ends)):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, term.id)
                    self.table.setItem(row, column, item)
            self.table.clearSelection()
        finally:
            self.table.blockSignals(False)
        selected = next((i for i, t in enumerate(self.terms) if t.id == self._select_id), None)
        self._select_id = None
        if selected is not None:
            self.table.selectRow(selected)
        else:
            self._clear_form()
        self._update_buttons()

    def selected_term(self) -> Term | None:
        """The term of the selected row; None when no row is selected."""
        rows = self.table.selectionModel().selectedRows()
        return self.terms[rows[0].row()] if rows else None

    def form_term(self) -> Term:
        """The term as the form shows it, with the id of the selected row (None for a new one)."""
        selected = self.selected_term()
        return Term(
            label=" ".join(self.name_edit.text().split()),
            starts_on=_day(self.start_edit),
            ends_on=_day(self.end_edit) if self.ended_check.isChecked() else None,
            id=selected.id if selected else None,
        )

    def problem(self) -> str:
        """What stops the form's term from being saved; empty when it can be."""
        term = self.form_term()
        if not term.label:
            return _("Give the term a name, such as “2025 - 2030”.")
        if term.ends_on is not None and term.ends_on < term.starts_on:
            return _("A term cannot end ({end}) before it starts ({start}).").format(
                end=numfmt.display_date(term.ends_on), start=numfmt.display_date(term.starts_on))
        return ""

    # -- slots ---------------------------------------------------------------------------------

    def on_selection_changed(self) -> None:
        term = self.selected_term()
        if term is None:
            self._clear_form()
        else:
            self.name_edit.setText(term.label)
            self.start_edit.setDate(_qdate(term.starts_on))
            self.ended_check.setChecked(term.ends_on is not None)
            self.end_edit.setDate(_qdate(term.ends_on or term.starts_on))
            self.end_edit.setEnabled(term.ends_on is not None)
        self._update_buttons()

    def on_add_clicked(self) -> None:
        if self.problem():
            return
        from app.services import numbering

        term = self.form_term()
        term.id = None
        sessions, org_id = self._sessions(), self.organisation_id
        self._run_db(lambda: numbering.add_term(sessions, org_id, term), self._on_written)

    def on_save_clicked(self) -> None:
        term = self.form_term()
        if term.id is None or self.problem():
            return
        from app.services import numbering

        sessions = self._sessions()

        def update() -> int | None:
            numbering.update_term(sessions, term)
            return term.id

        self._run_db(update, self._on_written)

    def on_delete_clicked(self) -> None:
        term = self.selected_term()
        if term is None or term.id is None:
            return
        from app.services import numbering

        sessions, term_id = self._sessions(), term.id
        self._run_db(lambda: numbering.delete_term(sessions, term_id), lambda _r: self._on_written(None))

    def _on_written(self, term_id: object) -> None:
        self._select_id = term_id if isinstance(term_id, int) else None
        self.terms_changed.emit()
        self.reload()

    def _clear_form(self) -> None:
        """A new term: the next one after the last recorded, or one starting today."""
        last = self.terms[-1] if self.terms else None
        start = last.ends_on + timedelta(days=1) if last is not None and last.ends_on is not None else date.today()
        self.name_edit.clear()
        self.start_edit.setDate(_qdate(start))
        self.ended_check.setChecked(False)
        self.end_edit.setDate(_qdate(start))
        self.end_edit.setEnabled(False)

    def _update_buttons(self, *_args: object) -> None:
        problem = self.problem()
        # An empty name is what every new form starts with: say nothing about it until there is a date problem.
        shown = problem if self.name_edit.text().strip() else ""
        self.problem_label.setText(shown)
        self.problem_label.setVisible(bool(shown))
        selected = self.selected_term() is not None
        self.add_button.setEnabled(not problem)
        self.save_button.setEnabled(selected and not problem)
        self.delete_button.setEnabled(selected)


def _day(edit: QDateEdit) -> date:
    # PySide6 types QDate.toPython() as object; for a valid QDate (a QDateEdit always holds one) it is a date.
    return cast(date, edit.date().toPython())
