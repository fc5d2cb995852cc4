"""The outline of the report: pages for the document fields, statistics and targets, then the sections.

Sections can be switched off, moved among their siblings, renamed in place (F2, a double click or Đổi tên), and
she can add sections of her own beside or under the chosen one and delete them (app.domain.outline).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRegularExpression,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from app.domain import outline
from app.domain.bounds import MAX_TITLE
from app.domain.errors import UserError
from app.domain.outline import filled_title
from app.domain.report import Report, Section
from app.i18n import _

PAGE_DOCUMENT = "page:document"
PAGE_STATS = "page:stats"
PAGE_TARGETS = "page:targets"
PAGE_ROSTER = "page:roster"  # a chi bộ's member list
ROLE = Qt.ItemDataRole.UserRole


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their heading needs when it wraps at the pane's width (Qt sizes them for one line)."""

    def __init__(self, tree: QTreeWidget, navigator: OutlineNavigator) -> None:
        super().__init__(tree)
        self.tree = tree
        self.navigator = navigator
        tree.viewport().installEventFilter(self)

    # Renaming in place edits the section's title, not the numbered heading the row shows.
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("section_title_editor")
        editor.setMaxLength(MAX_TITLE)
        editor.setToolTip(_("Type the heading without its number: it is numbered when printed. {year}, {next_year} "
                            "and {term} print as the report's year, the next year and the term."))
        # Enter does nothing on a blank name: the editor stays open until she types one or presses Esc.
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\s*\S.*$"), editor))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        section = index.data(ROLE)
        if isinstance(editor, QLineEdit) and isinstance(section, Section):
            editor.setText(section.title)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        section = index.data(ROLE)
        if isinstance(editor, QLineEdit) and isinstance(section, Section):
            self.navigator.rename(section, editor.text())

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
        if isinstance(watched, QLineEdit):
            return super().eventFilter(watched, event)  # the title editor's Enter, Esc and focus out
        return False

    def _keep_current_in_view(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.tree.scrollToItem(item)


class OutlineNavigator(QWidget):
    """A tree of the report's pages and sections; sections can be switched off, moved among siblings and renamed,
    and sections of her own added and deleted.

    Signals:
        page_selected(str): one of the PAGE_* names was chosen.
        section_selected(object, str): a Section and its printed heading were chosen.
        outline_edited(): a section was switched on or off, moved, renamed, added or deleted.
        section_deleted(object): a Section (with the sections under it) was taken out of the report.
    """

    page_selected = Signal(str)
    section_selected = Signal(object, str)
    outline_edited = Signal()
    section_deleted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self._filling = False
        self.tree = QTreeWidget(objectName="outline")
        self.tree.setHeaderHidden(True)
        # A long heading wraps onto a second line instead of being cut off at the pane's edge.
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree, self))
        self.tree.setEditTriggers(QTreeWidget.EditTrigger.DoubleClicked | QTreeWidget.EditTrigger.EditKeyPressed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)
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
        self.add_button = QPushButton(_("Add section"))
        self.add_child_button = QPushButton(_("Add sub-section"))
        self.rename_button = QPushButton(_("Rename"))
        self.delete_button = QPushButton(_("Delete section"))
        self.add_button.setToolTip(_("Add a section of your own after the chosen one, at its level"))
        self.add_child_button.setToolTip(_("Add a section of your own under the chosen one"))
        self.rename_button.setToolTip(_("Change the heading of the chosen section (F2)"))
        self.delete_button.setToolTip(_("Delete the chosen section of your own; sections of the standard outline "
                                        "are unticked instead"))
        self.add_button.clicked.connect(self.add_section)
        self.add_child_button.clicked.connect(self.add_subsection)
        self.rename_button.clicked.connect(self.rename_current)
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QGridLayout()
        for index, button in enumerate((self.up_button, self.down_button, self.add_button, self.add_child_button,
                                        self.rename_button, self.delete_button)):
            buttons.addWidget(button, index // 2, index % 2)
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
        return self._headings().get(section.key, filled_title(section.title, self.report.period))

    def _fill(self, select: object) -> None:
        self._filling = True
        self.tree.clear()
        report = self.report
        if report is None:
            self._filling = False
            return
        pages = [(PAGE_DOCUMENT, _("Document details")), (PAGE_STATS, _("Statistics"))]
        if report.organisation.kind.is_chi_bo:
            pages.append((PAGE_ROSTER, _("Member list")))
        pages.append((PAGE_TARGETS, _("Targets")))
        for name, text in pages:
            item = QTreeWidgetItem([text])
            item.setData(0, ROLE, name)
            self.tree.addTopLevelItem(item)
        headings = self._headings()
        current = None

        def add(parent: QTreeWidgetItem | None, sections: list[Section], level: int) -> None:
            nonlocal current
            for section in sections:
                title = filled_title(section.title, report.period)
                text = headings.get(section.key, title) if section.enabled else title
                item = QTreeWidgetItem([text])
                item.setData(0, ROLE, section)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
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

    def current_section(self) -> Section | None:
        """The section chosen in the outline; None when a page or nothing is."""
        item = self.tree.currentItem()
        data = item.data(0, ROLE) if item is not None else None
        return data if isinstance(data, Section) else None

    def _item_of(self, section: Section) -> QTreeWidgetItem | None:
        iterator = QTreeWidgetItemIterator(self.tree)
        while (item := iterator.value()) is not None:
            if item.data(0, ROLE) is section:
                return item
            iterator += 1
        return None

    def add_section(self) -> None:
        """Add a section of her own after the chosen one, at its level, and start typing its name."""
        current = self.current_section()
        if current is not None and self.report is not None:
            self._added(outline.add_section(self.report, current, _("New section")))

    def add_subsection(self) -> None:
        """Add a section of her own as the last one under the chosen one, and start typing its name."""
        current = self.current_section()
        if current is not None and self.report is not None and outline.can_add_child(self.report, current):
            self._added(outline.add_subsection(self.report, current, _("New section")))

    def _added(self, section: Section) -> None:
        self.outline_edited.emit()
        self._fill(section)
        self.rename_current()

    def rename_current(self) -> None:
        """Open the chosen section's name for typing in place; Enter keeps it, Esc leaves it as it was."""
        item = self.tree.currentItem()
        if item is not None and isinstance(item.data(0, ROLE), Section):
            self.tree.scrollToItem(item)
            self.tree.editItem(item, 0)

    def rename(self, section: Section, title: str) -> None:
        """Give section the heading title (typed in place); a blank one changes nothing."""
        try:
            changed = outline.rename_section(section, title)
        except UserError:
            return  # the editor refuses a blank name; nothing else can reach here
        if changed:
            self.outline_edited.emit()
            # Renumber once the editor has closed: clearing the tree now would delete the item being edited.
            QTimer.singleShot(0, self, lambda: self._fill(section))

    def delete_current(self) -> None:
        """Delete the chosen section of her own, asking first when it holds text."""
        section = self.current_section()
        if section is None or self.report is None or not outline.is_custom(section):
            return
        if not outline.has_text(section):
            self._delete(section)
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Delete section"),
                          _("Delete the section \"{title}\" and the text in it?").format(title=section.title),
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirm_delete")
        box.setInformativeText(_("Its paragraphs and the sections under it are deleted with it."))
        delete = box.addButton(_("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._delete(section) if button is delete else None)
        box.open()

    def _delete(self, section: Section) -> None:
        assert self.report is not None
        siblings = outline.siblings_of(self.report, section)
        index = next(i for i, s in enumerate(siblings) if s is section)
        parent = next((s for s in self.report.walk_sections() if s.children is siblings), None)
        outline.delete_section(self.report, section)
        self.section_deleted.emit(section)
        # The next one takes its place; the one before when it was last; its parent when it was alone.
        nearest = siblings[index] if index < len(siblings) else siblings[index - 1] if siblings else parent
        self.outline_edited.emit()
        self._fill(nearest if nearest is not None else PAGE_DOCUMENT)

    def _can_add_child(self, section: Section) -> bool:
        try:
            return self.report is not None and outline.can_add_child(self.report, section)
        except ValueError:  # a row of the outline being cleared for another report
            return False

    def _show_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None or not isinstance(item.data(0, ROLE), Section):
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        for button in (self.add_button, self.add_child_button, self.rename_button, self.delete_button):
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        section = item.data(0, ROLE)
        standard = outline.standard_title(self.report, section) if self.report is not None else None
        if standard is not None and standard != section.title:
            assert self.report is not None
            shown = filled_title(standard, self.report.period)
            shown = shown if len(shown) <= 50 else f"{shown[:50].rstrip()}…"
            menu.addAction(_("Restore the standard name \"{title}\"").format(title=shown),
                           lambda: self.rename(section, standard))
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _update_buttons(self) -> None:
        section = self.current_section()
        movable = section is not None
        for button in (self.up_button, self.down_button, self.add_button, self.rename_button):
            button.setEnabled(movable)
        self.add_child_button.setEnabled(section is not None and self._can_add_child(section))
        self.delete_button.setEnabled(section is not None and outline.is_custom(section))
