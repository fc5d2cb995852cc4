"""The outline of the report: pages for the document fields, statistics and targets, then the sections."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.outline import filled_title
from app.domain.report import Report, Section
from app.i18n import _

PAGE_DOCUMENT = "page:document"
PAGE_STATS = "page:stats"
PAGE_TARGETS = "page:targets"
ROLE = Qt.ItemDataRole.UserRole


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their heading needs when it wraps at the pane's width (Qt sizes them for one line)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        tree.viewport().installEventFilter(self)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        style = self.tree.style() or QApplication.style()
        check = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 8
        width = self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - check - 8
        text = str(index.data() or "")
        lines = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 40), 10_000),
                                                Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), lines.height() + 4))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.tree.scheduleDelayedItemsLayout()  # rows wrap anew at the new width
            QTimer.singleShot(0, self, self._keep_current_in_view)  # self: dropped if the tree is gone
        return False

    def _keep_current_in_view(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.tree.scrollToItem(item)


class OutlineNavigator(QWidget):
    """A tree of the report's pages and sections; sections can be switched off and moved among siblings.

    Signals:
        page_selected(str): one of the PAGE_* names was chosen.
        section_selected(object, str): a Section and its printed heading were chosen.
        outline_edited(): a section was switched on or off or moved.
    """

    page_selected = Signal(str)
    section_selected = Signal(object, str)
    outline_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self._filling = False
        self.tree = QTreeWidget(objectName="outline")
        self.tree.setHeaderHidden(True)
        # A long heading wraps onto a second line instead of being cut off at the pane's edge.
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        # Rows of different heights: scrolling by item would misjudge what is in view.
        self.tree.setVerticalScrollMode(QTreeWidget.ScrollMode.ScrollPerPixel)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.up_button = QPushButton(_("Move up"))
        self.down_button = QPushButton(_("Move down"))
        self.up_button.setToolTip(_("Move the section before the one above it (Alt+Up)"))
        self.down_button.setToolTip(_("Move the section after the one below it (Alt+Down)"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        QShortcut(QKeySequence("Alt+Up"), self.tree, lambda: self.move_current(-1))
        QShortcut(QKeySequence("Alt+Down"), self.tree, lambda: self.move_current(1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_report(self, report: Report | None, select: str = PAGE_DOCUMENT) -> None:
        self.report = report
        self._fill(select)

    def _headings(self) -> dict[str, str]:
        assert self.report is not None
        from app.services.export import outline_headings  # the renderer loads with the editor, after the first paint

        return outline_headings(self.report)

    def heading_for(self, section: Section) -> str:
        """The heading section prints under, numbered ("2- Công tác kiểm tra"); its title when it does not print."""
        assert self.report is not None
        return self._headings().get(section.key, filled_title(section.title, self.report.year, self.report.term))

    def _fill(self, select: object) -> None:
        self._filling = True
        self.tree.clear()
        report = self.report
        if report is None:
            self._filling = False
            return
        for name, text in ((PAGE_DOCUMENT, _("Document details")), (PAGE_STATS, _("Statistics")),
                           (PAGE_TARGETS, _("Targets"))):
            item = QTreeWidgetItem([text])
            item.setData(0, ROLE, name)
            self.tree.addTopLevelItem(item)
        headings = self._headings()
        current = None

        def add(parent: QTreeWidgetItem | None, sections: list[Section], level: int) -> None:
            nonlocal current
            for section in sections:
                title = filled_title(section.title, report.year, report.term)
                text = headings.get(section.key, title) if section.enabled else title
                item = QTreeWidgetItem([text])
                item.setData(0, ROLE, section)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if section.enabled else Qt.CheckState.Unchecked)
                # A long heading is cut off in a narrow pane: the tooltip gives it whole.
                item.setToolTip(0, _("{heading}\n\nUntick to leave this section out of the document").format(
                    heading=text if section.enabled else _("{title} (left out)").format(title=title)))
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                if section is select:
                    current = item
                add(item, section.children, level + 1)

        add(None, report.sections, 0)
        self.tree.expandAll()
        top = self._top_items()
        if current is None:
            current = next((item for item in top if item.data(0, ROLE) == select), top[0] if top else None)
        self._filling = False
        if current is not None:  # an empty tree has no current row to set
            self.tree.setCurrentItem(current)

    def _top_items(self) -> list[QTreeWidgetItem]:
        """The rows at the top level of the tree, first to last."""
        return [item for i in range(self.tree.topLevelItemCount()) if (item := self.tree.topLevelItem(i)) is not None]

    def select_page(self, name: str) -> None:
        for item in self._top_items():
            if item.data(0, ROLE) == name:
                self.tree.setCurrentItem(item)
                return

    def select_section(self, key: str) -> None:
        iterator = self._top_items()
        while iterator:
            item = iterator.pop(0)
            data = item.data(0, ROLE)
            if isinstance(data, Section) and data.key == key:
                self.tree.setCurrentItem(item)
                # Again once the rows have their wrapped heights and the scroll bar its range.
                QTimer.singleShot(0, self, self._scroll_to_current)
                return
            iterator.extend(child for i in range(item.childCount()) if (child := item.child(i)) is not None)

    def _scroll_to_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.tree.scrollToItem(item)

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self._update_buttons()
        if self._filling or current is None:
            return
        data = current.data(0, ROLE)
        if isinstance(data, Section):
            self.section_selected.emit(data, self.heading_for(data))
        else:
            self.page_selected.emit(data)

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._filling:
            return
        data = item.data(0, ROLE)
        if isinstance(data, Section):
            enabled = item.checkState(0) == Qt.CheckState.Checked
            if enabled != data.enabled:
                data.enabled = enabled
                self.outline_edited.emit()
                # Renumber after this signal returns: clearing the tree now would delete the item
                # Qt is still emitting from (a crash, seen about once in a dozen runs).
                QTimer.singleShot(0, lambda: self._fill(data))

    def _siblings(self, section: Section) -> list[Section] | None:
        assert self.report is not None
        if section in self.report.sections:
            return self.report.sections
        return next((s.children for s in self.report.walk_sections() if section in s.children), None)

    def move_current(self, step: int) -> None:
        """Move the selected section up (-1) or down (+1) among its siblings."""
        item = self.tree.currentItem()
        data = item.data(0, ROLE) if item is not None else None
        if not isinstance(data, Section):
            return
        siblings = self._siblings(data)
        if siblings is None:
            return
        index = siblings.index(data)
        target = index + step
        if not 0 <= target < len(siblings):
            return
        siblings[index], siblings[target] = siblings[target], siblings[index]
        self.outline_edited.emit()
        self._fill(data)

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        movable = item is not None and isinstance(item.data(0, ROLE), Section)
        self.up_button.setEnabled(movable)
        self.down_button.setEnabled(movable)
