"""The page "Báo cáo của đơn vị trực thuộc": a đảng bộ's board of its sub-units' reports for the open report's period.

Files are dropped on the page (many at once, or a folder) or chosen; the board shows each sub-unit, whether it
sent its report, the errors of that report, when it arrived, and the đảng ủy's rating of it (editable here).
"Tổng hợp vào báo cáo" rolls the current reports up into the open report; the trace panel then lists, for the
figure chosen, each sub-unit's part. The history panel beside it lists every file a sub-unit sent for the period,
when each arrived and the figures where an earlier one differs from the one in use, which it can be made again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import numfmt
from app.domain.fields import label
from app.domain.labels import labels_for
from app.domain.ratings import LEVELS, Level
from app.i18n import _

if TYPE_CHECKING:
    from app.services.collect import BoardRow, Sent

# A figure typed over the roll-up's sum, as the statistics form shades it.
OVERRIDE_BACKGROUND = "#fff1c2"

COL_UNIT, COL_STATE, COL_ERRORS, COL_ARRIVED, COL_FILE, COL_RATING, COL_EXEMPLARY, COL_HISTORY = range(8)


class CollectPage(QWidget):
    """The board of the sub-units' reports of one period, with the drop area and the roll-up's trace.

    Signals:
        files_dropped(list): the paths dropped or chosen (files and folders).
        choose_files_requested()
        choose_folder_requested()
        rating_changed(int, object, bool): a sub-unit's id, its Level (None: not rated), exemplary.
        history_requested(int): a sub-unit's id.
        restore_requested(int): the id of a received report to use again instead of the current one.
        roll_up_requested()
        back_requested()
    """

    files_dropped = Signal(list)
    choose_files_requested = Signal()
    choose_folder_requested = Signal()
    rating_changed = Signal(int, object, bool)
    history_requested = Signal(int)
    restore_requested = Signal(int)
    roll_up_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level_names = labels_for(2026).organisation_levels
        self.setAcceptDrops(True)
        self.setObjectName("collect_page")
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        back = QPushButton(_("Back to the report"))
        back.clicked.connect(self.back_requested)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(back)

        self.drop_area = QFrame(objectName="drop_area")
        self.drop_area.setStyleSheet("#drop_area { border: 2px dashed #8a9bb0; border-radius: 6px; "
                                     "background: #f4f7fb; }")
        hint = QLabel(_("Drop the sub-units' report files here (.docx or .json, many at once, or a folder)"))
        hint.setWordWrap(True)
        choose_files = QPushButton(_("Choose files…"))
        choose_files.clicked.connect(self.choose_files_requested)
        choose_folder = QPushButton(_("Choose a folder…"))
        choose_folder.clicked.connect(self.choose_folder_requested)
        drop_row = QHBoxLayout(self.drop_area)
        drop_row.setContentsMargins(12, 10, 12, 10)
        drop_row.addWidget(hint, 1)
        drop_row.addWidget(choose_files)
        drop_row.addWidget(choose_folder)

        self.summary = QLabel(objectName="board_summary")
        self.refused = QLabel(objectName="refused")
        self.refused.setWordWrap(True)
        self.refused.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refused.setStyleSheet("#refused { color: #a4262c; }")
        self.refused.hide()

        self.board = QTableWidget(0, 8, objectName="board")
        self.board.setHorizontalHeaderLabels([_("Sub-unit"), _("Report"), _("Errors"), _("Received at"), _("File"),
                                              _("Rating by the committee"), _("Exemplary"), _("History")])
        header = self.board.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_UNIT, QHeaderView.ResizeMode.Stretch)
        self.board.verticalHeader().setVisible(False)
        self.board.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.board.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.board.setAlternatingRowColors(True)

        self.trace = QTreeWidget(objectName="trace")
        self.trace.setHeaderLabels([_("Rolled-up figure / sub-unit"), _("Value")])
        self.trace.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.trace.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.trace.header().setStretchLastSection(False)
        trace_box = QWidget()
        trace_layout = QVBoxLayout(trace_box)
        trace_layout.setContentsMargins(0, 0, 0, 0)
        trace_layout.addWidget(self.trace, 1)

        self.history_title = QLabel(_("Choose “View” on a sub-unit's row to see the files it sent."),
                                    objectName="history_title")
        self.history_title.setWordWrap(True)
        self.history = QTreeWidget(objectName="history")
        self.history.setHeaderLabels([_("Received at / figure"), _("File / this file → in use"), _("Errors")])
        self.history.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.history.header().setStretchLastSection(False)
        self.history.currentItemChanged.connect(lambda *_args: self._enable_restore())
        self.restore_button = QPushButton(_("Use this file instead"), objectName="restore")
        self.restore_button.setToolTip(_("Make the chosen earlier file this sub-unit's report again; the one in use "
                                         "now stays in the history. Roll up again to use its figures."))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history, 1)
        history_layout.addWidget(self.restore_button, alignment=Qt.AlignmentFlag.AlignRight)

        self.side = QTabWidget(objectName="side_panel")
        self.side.addTab(trace_box, _("Where each figure comes from"))
        self.side.addTab(history_box, _("Files sent"))

        splitter = QSplitter()
        splitter.addWidget(self.board)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 520])

        self.roll_up_button = QPushButton(_("Roll up into the report"), objectName="roll_up")
        self.roll_up_button.setMinimumHeight(34)
        self.roll_up_button.setToolTip(_("Compute the report's statistics from the sub-units' current reports; "
                                         "the checks list what is missing or wrong."))
        self.roll_up_button.clicked.connect(self.roll_up_requested)
        self.result = QLabel(objectName="roll_up_result")
        self.result.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result, 1)
        bottom.addWidget(self.roll_up_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.drop_area)
        layout.addWidget(self.summary)
        layout.addWidget(self.refused)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # -- dropping files ---------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        else:
            event.ignore()

    # -- showing the board ------------------------------------------------------------------------

    def set_period(self, organisation: str, period: str, year: int) -> None:
        """Title the board; the rating combos name the levels as the regulation in force in year does."""
        self.title.setText(_("Sub-units' reports – {period}").format(period=period))
        self.title.setToolTip(organisation)
        self.level_names = labels_for(year).organisation_levels

    def set_board(self, rows: list[BoardRow]) -> None:
        """Show the board's rows (services.collect.BoardRow)."""
        self.board.setRowCount(0)
        sent = with_errors = 0
        for row in rows:
            r = self.board.rowCount()
            self.board.insertRow(r)
            unit = QTableWidgetItem(row.unit.name)
            unit.setData(Qt.ItemDataRole.UserRole, row.unit.id)
            self.board.setItem(r, COL_UNIT, unit)
            current = row.current
            if current is None:
                state = QTableWidgetItem(_("Not sent"))
                state.setForeground(Qt.GlobalColor.darkRed)
                cells = ["", "", ""]
            else:
                sent += 1
                with_errors += bool(current.errors)
                state = QTableWidgetItem(_("Sent") if row.versions == 1 else
                                         _("Sent again ({count} files)").format(count=row.versions))
                state.setForeground(Qt.GlobalColor.darkGreen)
                cells = [str(current.errors) if current.errors else "–",
                         numfmt.display_datetime(current.received_at.astimezone()), current.file_name]
            self.board.setItem(r, COL_STATE, state)
            for col, text in zip((COL_ERRORS, COL_ARRIVED, COL_FILE), cells, strict=True):
                item = QTableWidgetItem(text)
                if col == COL_ERRORS and current is not None and current.errors:
                    item.setForeground(Qt.GlobalColor.red)
                    item.setToolTip(_("The report has errors of its own; they are listed by the checks after the "
                                      "roll-up."))
                self.board.setItem(r, col, item)
            self.board.setCellWidget(r, COL_RATING, self._rating_box(row))
            self.board.setCellWidget(r, COL_EXEMPLARY, self._exemplary_box(row))
            history = QPushButton(_("View"))
            history.setEnabled(row.versions > 0)
            history.clicked.connect(lambda _checked=False, unit_id=row.unit.id: self.history_requested.emit(unit_id))
            self.board.setCellWidget(r, COL_HISTORY, history)
        self.summary.setText(_("{sent} of {total} sub-units have sent their report; {errors} with errors.").format(
            sent=sent, total=len(rows), errors=with_errors) if rows else
            _("No sub-units yet: drop their report files here and add them as they come."))

    def _rating_box(self, row: BoardRow) -> QComboBox:
        box = QComboBox()
        box.addItem(_("Not rated"), None)
        for level in LEVELS:
            name = self.level_names[level]
            box.addItem(name[:1].upper() + name[1:], level)
        box.setCurrentIndex(max(box.findData(row.rating), 0) if row.rating is not None else 0)
        box.currentIndexChanged.connect(lambda _i, unit_id=row.unit.id: self._emit_rating(unit_id))
        return box

    def _exemplary_box(self, row: BoardRow) -> QWidget:
        cell = QWidget()
        check = QCheckBox()
        check.setChecked(row.exemplary)
        check.setEnabled(row.rating is Level.EXCELLENT)
        check.setToolTip(_("Only a sub-unit rated excellent can be exemplary."))
        check.toggled.connect(lambda _on, unit_id=row.unit.id: self._emit_rating(unit_id))
        layout = QHBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(check, alignment=Qt.AlignmentFlag.AlignCenter)
        return cell

    def row_of(self, unit_id: int) -> int:
        return next(r for r in range(self.board.rowCount())
                    if self.board.item(r, COL_UNIT).data(Qt.ItemDataRole.UserRole) == unit_id)

    def rating_box(self, unit_id: int) -> QComboBox:
        box = self.board.cellWidget(self.row_of(unit_id), COL_RATING)
        assert isinstance(box, QComboBox)
        return box

    def exemplary_box(self, unit_id: int) -> QCheckBox:
        check = self.board.cellWidget(self.row_of(unit_id), COL_EXEMPLARY).findChild(QCheckBox)
        assert isinstance(check, QCheckBox)
        return check

    def _emit_rating(self, unit_id: int) -> None:
        data = self.rating_box(unit_id).currentData()  # Qt hands the Level back as its str value
        level = Level(data) if data else None
        check = self.exemplary_box(unit_id)
        check.setEnabled(level is Level.EXCELLENT)
        self.rating_changed.emit(unit_id, level, check.isChecked() and level is Level.EXCELLENT)

    def show_refused(self, refused: list[tuple[str, str]]) -> None:
        """List the files that were not stored and why (hidden when none)."""
        lines = [_("Not received:")] + [f"• {name}: {message}".replace("\n", " ") for name, message in refused]
        self.refused.setText("\n".join(lines))
        self.refused.setVisible(bool(refused))

    def show_trace(self, trace: dict[str, list[tuple[str, int]]], totals: dict[str, int],
                   sums: dict[str, int] | None = None) -> None:
        """List each rolled-up figure that is not 0 with its sub-units' parts under it.

        totals: the report's figures now; sums: what the roll-up set them to. A figure typed over since (totals
        differs from sums) is shaded and says the sum beside her value.
        """
        self.trace.clear()
        sums = sums or {}
        for path, parts in trace.items():
            total = totals.get(path)
            if total is None or (not total and not any(v for _n, v in parts)):
                continue
            name = label(path)
            rolled = sums.get(path, total)
            shown = str(total) if rolled == total else _("{value} (typed; sum {sum})").format(value=total, sum=rolled)
            item = QTreeWidgetItem([name[:1].upper() + name[1:], shown])
            item.setData(0, Qt.ItemDataRole.UserRole, path)
            tip = "\n".join(f"{unit}: {value}" for unit, value in parts)
            if rolled != total:
                tip = _("Typed by hand; the sub-units' reports add up to {sum}.").format(sum=rolled) + "\n" + tip
                for column in (0, 1):
                    item.setBackground(column, QColor(OVERRIDE_BACKGROUND))
            item.setToolTip(0, tip)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            for unit, value in parts:
                child = QTreeWidgetItem([unit, str(value)])
                child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                item.addChild(child)
            self.trace.addTopLevelItem(item)

    # -- the files a sub-unit sent --------------------------------------------------------------------

    def show_history(self, unit: str, files: list[Sent]) -> None:
        """List the files unit sent for the period, newest first: when each arrived, its name, its errors, and under
        an earlier one the figures it gives otherwise than the file in use (services.collect.Sent)."""
        self.history.clear()
        self.history_title.setText(_("Files sent by {unit} for this period: {count}").format(
            unit=unit, count=len(files)))
        for sent in files:
            received = sent.received
            when = numfmt.display_datetime(received.received_at.astimezone())
            name = received.file_name + (_(" (in use)") if received.is_current else "")
            item = QTreeWidgetItem([when, name, str(received.errors) if received.errors else "–"])
            item.setData(0, Qt.ItemDataRole.UserRole, received.id)
            item.setData(1, Qt.ItemDataRole.UserRole, received.is_current)
            item.setToolTip(1, received.file_name)
            if received.is_current:
                font = item.font(1)
                font.setBold(True)
                for column in range(3):
                    item.setFont(column, font)
            elif not sent.differences:
                item.addChild(QTreeWidgetItem([_("Same figures as the file in use"), ""]))
            for path, then, now in sent.differences:
                text = label(path)
                item.addChild(QTreeWidgetItem([text[:1].upper() + text[1:], f"{then} → {now}"]))
            self.history.addTopLevelItem(item)
            item.setExpanded(not received.is_current)
        self.side.setCurrentIndex(1)
        self._enable_restore()

    def _chosen_file(self) -> QTreeWidgetItem | None:
        item = self.history.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item

    def _enable_restore(self) -> None:
        item = self._chosen_file()
        self.restore_button.setEnabled(item is not None and not item.data(1, Qt.ItemDataRole.UserRole))

    def _on_restore_clicked(self) -> None:
        item = self._chosen_file()
        if item is not None and not item.data(1, Qt.ItemDataRole.UserRole):
            self.restore_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
