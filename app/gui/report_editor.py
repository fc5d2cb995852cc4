"""The report editor page: outline on the left, the chosen page in the middle, preview and findings on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from app.domain import fields
from app.domain.fields import FieldKind, FieldRef
from app.domain.findings import Finding, Fix, apply_fix
from app.domain.presence import Presence, presence_line
from app.domain.report import Report, Section
from app.gui.drafting import DraftSync
from app.gui.editing import ReportEditing
from app.gui.widgets.document_fields import DocumentFields
from app.gui.widgets.findings_panel import FindingsPanel
from app.gui.widgets.outline_navigator import (
    PAGE_DOCUMENT,
    PAGE_ROSTER,
    PAGE_STATS,
    PAGE_TARGETS,
    OutlineNavigator,
)
from app.gui.widgets.preview_pane import PreviewPane
from app.gui.widgets.roster_page import RosterPage
from app.gui.widgets.section_editor import SectionEditor, SectionTextEdit
from app.gui.widgets.stats_form import StatsForm
from app.gui.widgets.targets_editor import TargetsEditor
from app.i18n import _


class ReportEditor(QWidget):
    """Edits the report held by an editing controller; every widget writes into that one Report.

    Signals:
        organisation_edit_requested(): a finding names a field of the organisation's profile.
    """

    organisation_edit_requested = Signal()

    def __init__(self, editing: ReportEditing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing = editing
        self.draft_sync = DraftSync(editing, self)
        self.navigator = OutlineNavigator()
        self.document_fields = DocumentFields()
        self.stats_form = StatsForm()
        self.targets_editor = TargetsEditor()
        self.roster_page = RosterPage()
        self.section_editor = SectionEditor()
        self.pages = QStackedWidget()
        for widget in (self.document_fields, self.stats_form, self.targets_editor, self.roster_page,
                       self.section_editor):
            self.pages.addWidget(widget)
        self.preview = PreviewPane()
        self.findings = FindingsPanel()
        findings_title = QLabel(_("Checks"))
        findings_title.setStyleSheet("font-weight: bold;")
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview)
        findings_box = QWidget()
        box_layout = QVBoxLayout(findings_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(findings_title)
        box_layout.addWidget(self.findings)
        right.addWidget(findings_box)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="editor_splitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([250, 680, 520])
        # A quiet row, shown only while someone else has the report open (office mode).
        self.presence_label = QLabel(objectName="presence_label")
        self.presence_label.setStyleSheet("color: #555; padding: 2px 4px;")
        self.presence_label.hide()
        # Shown while the shared database cannot be reached: her edits are kept on this computer meanwhile.
        self.connection_banner = QLabel(objectName="connection_banner", wordWrap=True)
        self.connection_banner.setStyleSheet(
            "background: #fde7e9; color: #8a1f11; border: 1px solid #e8a5a0; padding: 6px 8px;")
        self.connection_banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.connection_banner)
        layout.addWidget(self.presence_label)
        layout.addWidget(self.splitter, 1)

        self.navigator.page_selected.connect(self.on_page_selected)
        self.navigator.section_selected.connect(self.on_section_selected)
        self.navigator.outline_edited.connect(lambda: editing.changed("outline"))
        self.navigator.section_deleted.connect(self.section_editor.forget_section)
        self.document_fields.edited.connect(lambda: editing.changed("document"))
        self.stats_form.edited.connect(lambda: editing.changed("stats"))
        self.targets_editor.edited.connect(lambda: editing.changed("targets"))
        self.roster_page.edited.connect(self.on_roster_edited)
        self.section_editor.edited.connect(lambda: editing.changed("text"))
        self.findings.finding_activated.connect(self.on_finding_activated)
        self.findings.fix_requested.connect(self.on_fix_requested)
        editing.report_loaded.connect(self.on_report_loaded)
        editing.findings_updated.connect(self.on_findings_updated)
        editing.preview_updated.connect(self.preview.show_html)
        editing.prepare_preview = self.preview.prepare
        editing.preview_updated.connect(self._refresh_heading)
        self.draft_sync.sentences_merged.connect(self.section_editor.refresh)

    def text_boxes(self) -> list[QPlainTextEdit]:
        """The multi-line boxes of free text besides the section text: opening sentence, recipients, commendations."""
        boxes = [*self.document_fields.findChildren(QPlainTextEdit), *self.stats_form.findChildren(QPlainTextEdit)]
        return [box for box in boxes if not isinstance(box, SectionTextEdit)]

    def on_report_loaded(self, report: Report | None) -> None:
        self.section_editor.clear_documents()
        for widget in (self.document_fields, self.stats_form, self.targets_editor, self.roster_page):
            widget.set_report(report)
        self.navigator.set_report(report)

    def show_presence(self, others: list[Presence]) -> None:
        """Show who else has the report open ("Đang mở cùng lúc: …"); hidden when nobody has."""
        line = presence_line(others)
        self.presence_label.setText(line)
        self.presence_label.setVisible(bool(line))

    def show_connection_lost(self, lost: bool) -> None:
        """Show or hide the banner saying the shared database cannot be reached and her edits are kept here."""
        self.connection_banner.setText(_(
            "Lost the connection to the shared database. What you type is kept on this computer and will be "
            "saved when the connection is back."))
        self.connection_banner.setVisible(lost)

    def on_page_selected(self, name: str) -> None:
        page = {PAGE_DOCUMENT: self.document_fields, PAGE_STATS: self.stats_form,
                PAGE_TARGETS: self.targets_editor, PAGE_ROSTER: self.roster_page}[name]
        self.pages.setCurrentWidget(page)

    def on_roster_edited(self) -> None:
        """The member list changed: the statistics page shows the counts it now gives; save and check follow."""
        self.stats_form.show_figures()
        self.editing.changed("stats")

    def on_section_selected(self, section: Section, heading: str) -> None:
        self.section_editor.show_section(section, heading)
        self.pages.setCurrentWidget(self.section_editor)

    def _refresh_heading(self) -> None:
        # A section's number changes when one before it starts or stops printing, and an empty section gets its
        # number with its first line: the heading above the editor says what the document says.
        section = self.section_editor.section
        if section is not None and self.navigator.report is not None:
            self.section_editor.heading.setText(self.navigator.heading_for(section))

    def on_findings_updated(self, findings: list[Finding]) -> None:
        self.findings.show_findings(findings)
        self.stats_form.show_findings(findings)

    def on_fix_requested(self, fix: Fix) -> None:
        """Apply a finding's correction to the report, show it where she writes, and record the edit."""
        if self.editing.report is None or not apply_fix(self.editing.report, fix):
            return
        if fields.parse(fix.field).kind is FieldKind.SECTION:
            self.section_editor.refresh()
        else:
            self.document_fields.set_report(self.editing.report)
        self.editing.changed("text")

    def on_finding_activated(self, finding: Finding) -> None:
        """Go to the first field the finding names; a path that names no field raises (a bug of the check)."""
        if not finding.fields:
            return
        ref = fields.parse(finding.fields[0])
        if ref.kind is FieldKind.STAT:
            self.navigator.select_page(PAGE_STATS)
            self.stats_form.focus_field(ref)
        elif ref.kind is FieldKind.TARGET:
            self.navigator.select_page(PAGE_TARGETS)
            self.targets_editor.focus_field(ref)
        elif ref.kind is FieldKind.SECTION:
            section = self._section_at(ref)
            if section is not None:
                self.navigator.select_section(section.key)
                self.section_editor.editor.setFocus()
        elif ref.kind is FieldKind.ORGANISATION:
            self.organisation_edit_requested.emit()
        else:
            self.navigator.select_page(PAGE_DOCUMENT)
            self.document_fields.focus_field(ref)

    def _section_at(self, ref: FieldRef) -> Section | None:
        """The section a field such as "sections.0.children.2.entries.1.text" points into; None when not there."""
        report = self.editing.report
        return None if report is None else ref.section_in(report)
