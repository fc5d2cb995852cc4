"""The list of findings; activating one jumps to its field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from app.domain.findings import Finding, Severity
from app.i18n import _


class FindingsPanel(QListWidget):
    """Every finding of the checks, errors first.

    Signals:
        finding_activated(object): the Finding the user clicked or pressed Enter on.
    """

    finding_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)
        self.findings: list[Finding] = []

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
            item.setToolTip(_("Click to go to the field"))
            self.addItem(item)

    def _on_item(self, item: QListWidgetItem) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole)
        if finding is not None:
            self.finding_activated.emit(finding)
