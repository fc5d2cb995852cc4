"""The chi bộ's member list (danh sách đảng viên): one row per member, typed in place, and the counts it gives.

When "Compute the figures from the list" is on, the counts of the statistics (members at the end and their split,
women, admissions, the members' ratings, badges) follow the list and are read-only on the statistics page.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import numfmt
from app.domain.labels import labels_for
from app.domain.member_stats import BADGE_YEARS
from app.domain.ratings import LEVELS, Level
from app.domain.report import Report
from app.domain.roster import MEMBER_STATUS_LABELS, SEX_LABELS, THEORY_LEVELS, Member, MemberStatus, Sex
from app.domain.roster_stats import apply_roster, counted_members, roster_figures
from app.gui.widgets.wheel_guard import guard_wheel
from app.i18n import _

(COL_NAME, COL_STATUS, COL_ADMITTED, COL_SEX, COL_RATING, COL_EXEMPLARY, COL_BIRTH, COL_THEORY,
 COL_BADGE) = range(9)
DATA = Qt.ItemDataRole.UserRole
_BAD = QBrush(QColor("#f8d0d0"))


def parse_day(text: str) -> date | None:
    """ "19/05/1996" (or "19/5/1996") as a date; None for ""; raises ValueError for anything else."""
    text = text.strip()
    if not text:
        return None
    return datetime.strptime(text, "%d/%m/%Y").date()


class ChoiceDelegate(QStyledItemDelegate):
    """A cell edited with a choice list: each choice a (label, value) pair; the value lives in the item's UserRole."""

    def __init__(self, choices: list[tuple[str, object]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for text, value in self.choices:
            combo.addItem(text, value)
        guard_wheel(combo)  # scrolling the list must not change a member's choice under the pointer
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(DATA)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), DATA)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class RosterPage(QWidget):
    """The member list of the report's chi bộ, its three choices and a line with the counts it gives.

    Signals:
        edited(): the list or a choice changed (the report, and its counts when the list is in use, are updated).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self._loading = False
        title = QLabel(_("Members of the Party cell"))
        title.setStyleSheet("font-weight: bold;")
        self.privacy_note = QLabel(_(
            "The list stays on this computer (or in your office's database). It is not put into exported data "
            "files unless you tick “Include the list when exporting a data file”."), objectName="roster_privacy")
        self.privacy_note.setWordWrap(True)
        self.use_box = QCheckBox(_("Compute the figures from the list"), objectName="roster_in_use")
        self.use_box.setToolTip(_(
            "The members at the end, full and probationary members, women, admissions in the period, the ratings "
            "of the members and the badges are counted from the list; on the statistics page they can no longer "
            "be typed."))
        self.annex_box = QCheckBox(_("Print the members' ratings as an appendix"), objectName="roster_annex")
        self.export_box = QCheckBox(_("Include the list when exporting a data file"), objectName="roster_export")
        for box in (self.use_box, self.annex_box, self.export_box):
            box.toggled.connect(self._on_choice_toggled)

        self.table = QTableWidget(0, 9, objectName="roster_table")
        self.table.setHorizontalHeaderLabels([
            _("Full name"), _("Full or probationary"), _("Admitted on"), _("Sex"), _("Rating this period"),
            _("Exemplary"), _("Year of birth"), _("Political theory"), _("Badge (years)")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The five columns every chi bộ fills fit the middle pane at 1366×768; the optional ones follow, reached by
        # scrolling sideways.
        for column, width in ((COL_NAME, 150), (COL_STATUS, 108), (COL_ADMITTED, 92), (COL_SEX, 58),
                              (COL_RATING, 185)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.SelectedClicked | triggers.EditKeyPressed
                                   | triggers.AnyKeyPressed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.itemChanged.connect(self._on_item_changed)
        self._status = ChoiceDelegate([(_(label), status.value) for status, label in MEMBER_STATUS_LABELS.items()])
        self._sex = ChoiceDelegate([(_(label), sex.value) for sex, label in SEX_LABELS.items()])
        self._rating = ChoiceDelegate([])
        self._yes_no = ChoiceDelegate([(_("No"), False), (_("Yes"), True)])
        self._theory = ChoiceDelegate([("", ""), *((level, level) for level in THEORY_LEVELS)])
        self._badge = ChoiceDelegate([("", None), *((str(years), years) for years in BADGE_YEARS)])
        for column, delegate in ((COL_STATUS, self._status), (COL_SEX, self._sex), (COL_RATING, self._rating),
                                 (COL_EXEMPLARY, self._yes_no), (COL_THEORY, self._theory),
                                 (COL_BADGE, self._badge)):
            self.table.setItemDelegateForColumn(column, delegate)

        self.add_button = QPushButton(_("Add a member"), objectName="roster_add")
        self.add_button.clicked.connect(self.add_member)
        self.delete_button = QPushButton(_("Delete the member"), objectName="roster_delete")
        self.delete_button.clicked.connect(self.delete_current)
        self.summary = QLabel(objectName="roster_summary")
        self.summary.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.privacy_note)
        layout.addWidget(self.use_box)
        layout.addWidget(self.annex_box)
        layout.addWidget(self.export_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)

    # -- showing ----------------------------------------------------------------------------------------------

    def set_report(self, report: Report | None) -> None:
        """Show report's member list and choices (None clears the page)."""
        self.report = report
        self._loading = True
        try:
            self.table.setRowCount(0)
            if report is None:
                return
            names = labels_for(report.period.rating_year, report.reference_date).member_levels
            self._rating.choices = [(_("Not rated"), None),
                                    *((names[level][:1].upper() + names[level][1:], level.value) for level in LEVELS)]
            roster = report.roster
            self.use_box.setChecked(roster.in_use)
            self.annex_box.setChecked(roster.annex)
            self.export_box.setChecked(roster.export)
            for member in roster.members:
                self._append(member)
        finally:
            self._loading = False
        self._refresh_summary()

    def _choice_text(self, delegate: ChoiceDelegate, value: object) -> str:
        return next((text for text, choice in delegate.choices if choice == value), "")

    def _append(self, member: Member) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cells = {
            COL_NAME: (member.name, None),
            COL_STATUS: (self._choice_text(self._status, member.status.value), member.status.value),
            COL_ADMITTED: ("" if member.admitted_on is None else member.admitted_on.strftime("%d/%m/%Y"), None),
            COL_SEX: (self._choice_text(self._sex, member.sex.value), member.sex.value),
            COL_RATING: (self._choice_text(self._rating, None if member.rating is None else member.rating.value),
                         None if member.rating is None else member.rating.value),
            COL_EXEMPLARY: (self._choice_text(self._yes_no, member.exemplary), member.exemplary),
            COL_BIRTH: ("" if member.birth_year is None else str(member.birth_year), None),
            COL_THEORY: (member.theory_level, member.theory_level),
            COL_BADGE: ("" if member.badge is None else str(member.badge), member.badge),
        }
        for column, (text, value) in cells.items():
            item = QTableWidgetItem(text)
            if value is not None or column in (COL_RATING, COL_BADGE):
                item.setData(DATA, value)
            self.table.setItem(row, column, item)

    def _refresh_summary(self) -> None:
        report = self.report
        if report is None:
            self.summary.setText("")
            return
        figures = {ref.stat_name: value for ref, value in roster_figures(report.roster.members, report.period).items()}
        self.summary.setText(_(
            "The list gives: {total} members ({official} full, {probationary} probationary), {female} women, "
            "{admitted} admitted in the period; rated: {rated}, not rated: {not_rated}.").format(
                total=numfmt.number(figures["membership.closing_total"]),
                official=numfmt.number(figures["membership.closing_official"]),
                probationary=numfmt.number(figures["membership.closing_probationary"]),
                female=numfmt.number(figures["membership.female"]),
                admitted=numfmt.number(figures["membership.admitted"]),
                rated=numfmt.number(figures["ratings.members.total"] - figures["ratings.members.not_rated"]),
                not_rated=numfmt.number(figures["ratings.members.not_rated"])))

    # -- editing ----------------------------------------------------------------------------------------------

    def add_member(self) -> None:
        """A new row at the end, its name cell open for typing."""
        if self.report is None:
            return
        self._loading = True
        try:
            self._append(Member(""))
        finally:
            self._loading = False
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, COL_NAME)
        name = self.table.item(row, COL_NAME)
        if name is not None:
            self.table.editItem(name)
        self._changed()

    def delete_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self.report is not None:
            self.table.removeRow(row)
            self._changed()

    def _on_choice_toggled(self, _checked: bool) -> None:
        if self._loading or self.report is None:
            return
        roster = self.report.roster
        roster.in_use, roster.annex, roster.export = (
            self.use_box.isChecked(), self.annex_box.isChecked(), self.export_box.isChecked())
        self._changed()

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self._changed()

    def _changed(self) -> None:
        """Read the table back into the report, count it when in use, and say so."""
        assert self.report is not None
        self.report.roster.members = self.members()
        apply_roster(self.report)
        self._refresh_summary()
        self.edited.emit()

    def members(self) -> list[Member]:
        """The rows as members; a cell she typed wrong (a date, a year) is marked and keeps the value it had."""
        assert self.report is not None
        before = self.report.roster.members
        out = []
        self._loading = True
        try:
            for row in range(self.table.rowCount()):
                old = before[row] if row < len(before) else Member("")
                out.append(self._member(row, old))
        finally:
            self._loading = False
        return out

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item: QTableWidgetItem | None = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem("")
            self.table.setItem(row, column, item)
        return item

    def _mark(self, item: QTableWidgetItem, problem: str) -> None:
        item.setBackground(_BAD if problem else QBrush())
        item.setToolTip(problem)

    def _member(self, row: int, old: Member) -> Member:
        cell = lambda column: self._cell(row, column)  # noqa: E731
        admitted = old.admitted_on
        try:
            admitted = parse_day(cell(COL_ADMITTED).text())
            self._mark(cell(COL_ADMITTED), "")
        except ValueError:
            self._mark(cell(COL_ADMITTED), _("Type the date as dd/mm/yyyy, for example 19/05/1996."))
        birth_year = old.birth_year
        text = cell(COL_BIRTH).text().strip()
        if not text:
            birth_year = None
            self._mark(cell(COL_BIRTH), "")
        elif text.isdigit() and 1900 <= int(text) <= 2100:
            birth_year = int(text)
            self._mark(cell(COL_BIRTH), "")
        else:
            self._mark(cell(COL_BIRTH), _("Type the year of birth as four digits, for example 1985."))
        rating = cell(COL_RATING).data(DATA)
        badge = cell(COL_BADGE).data(DATA)
        return Member(
            name=" ".join(cell(COL_NAME).text().split()),
            status=MemberStatus(cell(COL_STATUS).data(DATA) or MemberStatus.OFFICIAL.value),
            sex=Sex(cell(COL_SEX).data(DATA) or Sex.MALE.value),
            admitted_on=admitted,
            rating=None if rating is None else Level(rating),
            exemplary=bool(cell(COL_EXEMPLARY).data(DATA)),
            birth_year=birth_year,
            theory_level=cell(COL_THEORY).data(DATA) or "",
            badge=None if badge is None else int(badge),
        )

    def counted(self) -> int:
        """How many rows are members (have a name)."""
        return 0 if self.report is None else len(counted_members(self.report.roster.members))
