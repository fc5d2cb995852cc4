"""Review of a report read from Word before it is stored: what was recognised, where each heading went, what was
not understood, and the figures its sentences state, each with a tick."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.fields import label as field_label
from app.domain.report import REPORT_KIND_LABELS
from app.i18n import _, ngettext
from app.services.word_import import Proposal, Reading


class WordImportDialog(QDialog):
    """Shows a Reading; OK means: store the report, with the ticked figures filled in (accepted_proposals())."""

    def __init__(self, reading: Reading, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reading = reading
        self.setWindowTitle(_("Import from a Word report"))
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        header = reading.header
        missing = _("(not found)")
        self.summary = QLabel("\n".join([
            _("Issuer: {value}").format(value=header.issuer or missing),
            _("Upper-level body: {value}").format(value=header.upper_body or missing),
            _("Number: {value}").format(value=header.number_text or missing),
            _("Place and date: {value}").format(value=header.date_text or missing),
            _("Kind: {kind}, year {year}").format(kind=_(REPORT_KIND_LABELS[reading.kind]), year=reading.year),
            ngettext("{count} paragraph recovered", "{count} paragraphs recovered", reading.paragraphs).format(
                count=reading.paragraphs),
        ]))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        layout.addWidget(QLabel(_("Headings and the section each went to:")))
        self.headings = QTreeWidget()
        self.headings.setHeaderLabels([_("Heading as typed"), _("Section"), _("Paragraphs")])
        parents: list[QTreeWidgetItem] = []
        titles = {s.key: s.title for s in reading.report.walk_sections()}
        for heading in reading.headings:
            where = titles.get(heading.key, heading.key) if heading.matched else _("a section of her own")
            item = QTreeWidgetItem([heading.text, where, str(heading.paragraphs)])
            del parents[heading.depth:]
            if parents:
                parents[-1].addChild(item)
            else:
                self.headings.addTopLevelItem(item)
            parents.append(item)
        self.headings.expandAll()
        self.headings.resizeColumnToContents(0)
        layout.addWidget(self.headings, 3)

        layout.addWidget(QLabel(_("Figures its sentences state (ticked ones fill the statistics):")))
        self.figures = QListWidget()
        for proposal in reading.proposals:
            figure = QListWidgetItem(_("{field} = {value}  “{phrase}”").format(
                field=field_label(proposal.field), value=proposal.value, phrase=proposal.phrase))
            figure.setFlags(figure.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            figure.setCheckState(Qt.CheckState.Checked)
            self.figures.addItem(figure)
        layout.addWidget(self.figures, 2)

        layout.addWidget(QLabel(_("Not understood, kept as text:")))
        self.not_understood = QListWidget()
        self.not_understood.addItems(reading.not_understood or [_("(nothing)")])
        layout.addWidget(self.not_understood, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def accepted_proposals(self) -> list[Proposal]:
        """The proposed figures she left ticked."""
        return [proposal for row, proposal in enumerate(self.reading.proposals)
                if self.figures.item(row).checkState() is Qt.CheckState.Checked]
