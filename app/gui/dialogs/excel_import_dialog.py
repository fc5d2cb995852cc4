"""Review of a filled Excel statistics sheet before its figures are saved: what changes and what the checks find."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import numfmt
from app.domain.findings import Severity
from app.i18n import _, ngettext
from app.services.excel import SheetReading

_PREFIXES = {Severity.ERROR: "⛔ ", Severity.WARNING: "⚠ ", Severity.INFO: "ℹ "}


class ExcelImportDialog(QDialog):
    """Shows a SheetReading: the notes, each figure that changes (before → after), the findings; OK saves them."""

    def __init__(self, reading: SheetReading, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reading = reading
        self.setWindowTitle(_("Import figures from Excel"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        errors = sum(1 for f in reading.findings if f.severity is Severity.ERROR)
        lines = [_("Sheet: {file}").format(file=file_name),
                 ngettext("{count} figure changes.", "{count} figures change.", len(reading.changes)).format(
                     count=len(reading.changes))]
        if errors:
            lines.append(ngettext("The checks found {count} error in the sheet's figures; you can save and correct "
                                  "it in the window.", "The checks found {count} errors in the sheet's figures; you "
                                  "can save and correct them in the window.", errors).format(count=errors))
        lines += ["⚠ " + note for note in reading.notes]
        self.summary = QLabel("\n".join(lines), wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        layout.addWidget(QLabel(_("Figures that change:")))
        self.changes = QTreeWidget()
        self.changes.setRootIsDecorated(False)
        self.changes.setHeaderLabels([_("Figure"), _("In the report"), _("In the sheet")])
        for change in reading.changes:
            text = change.field.label
            item = QTreeWidgetItem([text[:1].upper() + text[1:], numfmt.number(change.before),
                                    numfmt.number(change.after)])
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.changes.addTopLevelItem(item)
        header = self.changes.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.changes, 2)

        layout.addWidget(QLabel(_("What the checks find in the sheet's figures:")))
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        for finding in reading.findings:
            self.findings.addItem(_PREFIXES[finding.severity] + finding.message)
        if not reading.findings:
            self.findings.addItem(_("No problems found."))
        layout.addWidget(self.findings, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Save the figures"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
