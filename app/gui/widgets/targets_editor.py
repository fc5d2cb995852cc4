"""This period's targets with their results and attainment, and next period's targets."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import numfmt
from app.domain.fields import FieldKind, FieldRef
from app.domain.report import Report
from app.domain.targets import Comparator, Target
from app.gui.widgets.wheel_guard import guard_wheel
from app.i18n import _

COL_LABEL, COL_UNIT, COL_KIND, COL_COMPARATOR, COL_VALUE, COL_RESULT, COL_ATTAINED = range(7)
# The column of each attribute of a Target a finding can name.
_COLUMNS = {"label": COL_LABEL, "unit": COL_UNIT, "is_percent": COL_KIND, "comparator": COL_COMPARATOR,
            "value": COL_VALUE, "result": COL_RESULT}


def parse_decimal(text: str) -> Decimal | None:
    """ "98,5", "98.5", "1.462" (a thousands dot) and "" (None); raises ValueError on anything else."""
    text = text.strip().replace(" ", "").removesuffix("%")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(".") == 1 and len(text.split(".")[1]) == 3:
        text = text.replace(".", "")  # "1.462" is a count with a thousands dot
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc


def _plain(value: Decimal | None) -> str:
    return "" if value is None else numfmt.number(value)


class TargetsTable(QTableWidget):
    """One list of targets; with_results adds the result and a computed attainment column.

    Signals:
        targets_edited(): the list changed (read it with targets()).
    """

    targets_edited = Signal()

    def __init__(self, with_results: bool, parent: QWidget | None = None) -> None:
        headers = [_("Target"), _("Unit"), _("Kind"), _("Phrased as"), _("Target value")]
        if with_results:
            headers += [_("Result"), _("Attainment")]
        super().__init__(0, len(headers), parent)
        self.with_results = with_results
        self._loading = False
        self.setHorizontalHeaderLabels(headers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The label is what the user reads: it keeps a useful width and the table scrolls instead.
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_LABEL, 260)
        header.setStretchLastSection(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.itemChanged.connect(self._on_item_changed)

    def set_targets(self, targets: list[Target]) -> None:
        self._loading = True
        try:
            self.setRowCount(0)
            for target in targets:
                self._append(target)
        finally:
            self._loading = False
        self._refresh_attainment()
        self.resizeRowsToContents()

    def _append(self, target: Target) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, COL_LABEL, QTableWidgetItem(target.label))
        self.setItem(row, COL_UNIT, QTableWidgetItem(target.unit))
        kind = QComboBox()
        kind.addItem(_("Count"), False)
        kind.addItem(_("Rate (%)"), True)
        kind.setCurrentIndex(1 if target.is_percent else 0)
        kind.currentIndexChanged.connect(self._on_changed)
        self.setCellWidget(row, COL_KIND, kind)
        comparator = QComboBox()
        comparator.addItem(_("at least"), Comparator.AT_LEAST.value)
        comparator.addItem(_("more than"), Comparator.MORE_THAN.value)
        comparator.setCurrentIndex(comparator.findData(target.comparator.value))
        comparator.currentIndexChanged.connect(self._on_changed)
        self.setCellWidget(row, COL_COMPARATOR, comparator)
        # Scrolling the table with the wheel must not change the kind or wording of the targets it passes.
        guard_wheel(kind, comparator)
        value = QTableWidgetItem(_plain(target.value))
        value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setItem(row, COL_VALUE, value)
        if self.with_results:
            result = QTableWidgetItem(_plain(target.result))
            result.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, COL_RESULT, result)
            attained = QTableWidgetItem()
            attained.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(row, COL_ATTAINED, attained)

    def add_target(self) -> None:
        self._loading = True
        try:
            self._append(Target(label="", value=Decimal(1)))
        finally:
            self._loading = False
        self.setCurrentCell(self.rowCount() - 1, COL_LABEL)
        added = self.item(self.rowCount() - 1, COL_LABEL)
        if added is not None:  # _append gave the new row its cells
            self.editItem(added)
        self._on_changed()

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            self._on_changed()

    def targets(self) -> list[Target]:
        """The targets as shown; a cell that is not a number keeps the target's value at 0 and is marked."""
        out = []
        for row in range(self.rowCount()):
            label = self._text(row, COL_LABEL).strip()
            unit = self._text(row, COL_UNIT).strip()
            value = self._number(row, COL_VALUE) or Decimal(0)
            result = self._number(row, COL_RESULT) if self.with_results else None
            out.append(Target(
                label=label, value=value, unit=unit,
                is_percent=bool(self._choice(row, COL_KIND)),
                comparator=Comparator(self._choice(row, COL_COMPARATOR)),
                result=result,
            ))
        return out

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item else ""

    def _choice(self, row: int, column: int) -> Any:
        """The data of the item chosen in the combo box of a cell, as it was stored there."""
        combo = self.cellWidget(row, column)
        assert isinstance(combo, QComboBox), "the kind and comparator cells hold combo boxes"
        return combo.currentData()

    def _number(self, row: int, column: int) -> Decimal | None:
        item = self.item(row, column)
        if item is None:
            return None
        try:
            value = parse_decimal(item.text())
        except ValueError:
            item.setToolTip(_("Type a number, for example 90 or 98,5"))
            item.setBackground(Qt.GlobalColor.yellow)
            return None
        item.setToolTip("")
        item.setData(Qt.ItemDataRole.BackgroundRole, None)
        return value

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        self._on_changed()

    def _on_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._refresh_attainment()
        self.targets_edited.emit()

    def _refresh_attainment(self) -> None:
        if not self.with_results:
            return
        self._loading = True
        try:
            for row, target in enumerate(self.targets()):
                item = self.item(row, COL_ATTAINED)
                if item is None:  # every row has its attainment cell; nothing to show without one
                    continue
                if target.attained is not None:
                    text = _("{percent} of target").format(percent=numfmt.percent(target.attained))
                    if target.exceeded_by is not None:
                        text += " " + _("(exceeded by {percent})").format(percent=numfmt.percent(target.exceeded_by))
                elif target.met is None:
                    text = ""
                else:
                    text = _("met") if target.met else _("not met")
                item.setText(text)
        finally:
            self._loading = False


class TargetsEditor(QWidget):
    """Both lists of targets, with buttons to add and remove rows.

    Signals:
        edited(): either list changed (the report object is already updated).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.current = TargetsTable(with_results=True)
        self.current.setObjectName("targets")
        self.next = TargetsTable(with_results=False)
        self.next.setObjectName("next_targets")
        layout = QVBoxLayout(self)
        for title, table, hint in (
            (_("This period's targets and results"), self.current,
             _("Attainment is computed: result ÷ target × 100. A rate target is met or not met.")),
            (_("Next period's targets"), self.next, _("They are printed under “Các chỉ tiêu chủ yếu”.")),
        ):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            note = QLabel(hint, wordWrap=True)
            inner.addWidget(note)
            inner.addWidget(table, 1)
            row = QHBoxLayout()
            add = QPushButton(_("Add target"))
            add.clicked.connect(table.add_target)
            remove = QPushButton(_("Remove target"))
            remove.clicked.connect(table.remove_current)
            row.addWidget(add)
            row.addWidget(remove)
            row.addStretch(1)
            inner.addLayout(row)
            layout.addWidget(box, 1)
            table.targets_edited.connect(self._on_edited)

    def set_report(self, report: Report | None) -> None:
        self.report = report
        if report is not None:
            self.current.set_targets(report.targets)
            self.next.set_targets(report.next_targets)

    def _on_edited(self) -> None:
        if self.report is None:
            return
        self.report.targets = self.current.targets()
        self.report.next_targets = self.next.targets()
        self.edited.emit()

    def focus_field(self, ref: FieldRef) -> bool:
        """Select the cell of a target field ("targets.2.result", "next_targets.0"); False when there is no such row."""
        if ref.kind is not FieldKind.TARGET or ref.index is None:
            return False
        table = self.next if ref.is_next_target else self.current
        if not 0 <= ref.index < table.rowCount():
            return False
        column = _COLUMNS.get(ref.attr, COL_VALUE)
        if column == COL_RESULT and not table.with_results:
            column = COL_VALUE
        table.setCurrentCell(ref.index, column)
        table.setFocus()
        return True
