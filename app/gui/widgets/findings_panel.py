"""The list of findings; activating one jumps to its field, and a finding the app can correct offers “Sửa giúp”."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QStyle, QWidget

from app.domain.findings import Finding, Fix, Severity
from app.i18n import _


class FindingsPanel(QListWidget):
    """Every finding of the checks, errors first.

    A finding that carries a Fix offers it in its context menu (right-click, or the menu key) as “Sửa giúp”; the
    panel does not change the report itself: the owner applies the fix (app.domain.findings.apply_fix).

    Signals:
        finding_activated(object): the Finding the user clicked or pressed Enter on.
        fix_requested(object): the Fix of the finding whose “Sửa giúp” the user chose.
    """

    finding_activated = Signal(object)
    fix_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)
        self.customContextMenuRequested.connect(self._on_context_menu)
        self.findings: list[Finding] = []
        self.fix_menu: QMenu | None = None  # the last context menu shown, for tests

    def show_findings(self, findings: list[Finding]) -> None:
        self.findings = list(findings)
        self.clear()
        if not findings:
            item = QListWidgetItem(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
                                   _("No problems found."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
            return
        icons = {
            Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
            Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
            Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
        }
        for finding in findings:
            item = QListWidgetItem(self.style().standardIcon(icons[finding.severity]), finding.message)
            item.setData(Qt.ItemDataRole.UserRole, finding)
            if finding.fix is not None:
                item.setToolTip(_("Click to go to the field; right-click to let the app correct it (“{old}” → “{new}”)."
                                  ).format(old=finding.fix.old, new=finding.fix.new))
            else:
                item.setToolTip(_("Click to go to the field"))
            self.addItem(item)

    def fix_action(self, finding: Finding, parent: QWidget) -> QAction | None:
        """The “Sửa giúp” action of a finding, emitting fix_requested; None when the finding has no fix."""
        fix = finding.fix
        if fix is None:
            return None
        action = QAction(_("Fix it for me: “{old}” → “{new}”").format(old=fix.old, new=fix.new), parent)
        action.setObjectName("fix_action")
        action.triggered.connect(lambda: self._request(fix))
        return action

    def _request(self, fix: Fix) -> None:
        self.fix_requested.emit(fix)

    def _on_context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos) or self.currentItem()  # the menu key opens it on the current row
        finding = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if finding is None or finding.fix is None:
            return
        if self.fix_menu is not None:
            self.fix_menu.deleteLater()
        self.fix_menu = QMenu(self)
        action = self.fix_action(finding, self.fix_menu)
        assert action is not None
        self.fix_menu.addAction(action)
        self.fix_menu.popup(self.viewport().mapToGlobal(pos))

    def _on_item(self, item: QListWidgetItem) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole)
        if finding is not None:
            self.finding_activated.emit(finding)
