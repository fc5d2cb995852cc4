"""The document's own fields: number, date, place, title, opening, signature, recipients and settings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.organisation import Signature
from app.domain.report import Report, ReportStatus, default_title
from app.i18n import _


class DocumentFields(QScrollArea):
    """Form over the report's header, title, opening and signature fields.

    Empty fields fall back to the organisation's profile, shown as placeholder text.

    Signals:
        edited(): a field changed (the report object is already updated).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.report: Report | None = None
        self._loading = False
        inner = QWidget()
        column = QVBoxLayout(inner)

        header = QGroupBox(_("Number, date and place"))
        form = QFormLayout(header)
        self.number = QSpinBox(objectName="report.number")
        self.number.setRange(0, 9999)
        self.number.setSpecialValueText(_("(blank: the clerk fills it in)"))
        self.number.valueChanged.connect(self._changed)
        form.addRow(_("Document number"), self.number)
        self.dated = QCheckBox(_("Print the date"))
        self.date = QDateEdit(objectName="report.issued_on")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.dated.toggled.connect(self.date.setEnabled)
        self.dated.toggled.connect(self._changed)
        self.date.dateChanged.connect(self._changed)
        row = QHBoxLayout()
        row.addWidget(self.dated)
        row.addWidget(self.date)
        row.addStretch(1)
        form.addRow(_("Date"), row)
        self.place = self._line("report.place", form, _("Place name"))
        self.term = self._line("report.term", form, _("Committee term"))
        self.term.setPlaceholderText("2025 - 2030")
        column.addWidget(header)

        content = QGroupBox(_("Title and opening"))
        form = QFormLayout(content)
        self.title = self._line("report.title", form, _("Title (trích yếu)"))
        self.basis = QPlainTextEdit(objectName="report.basis")
        self.basis.setFixedHeight(90)
        self.basis.setPlaceholderText(_("Thực hiện Hướng dẫn số …, ngày … của …, … báo cáo … như sau:"))
        self.basis.textChanged.connect(self._changed)
        form.addRow(_("Opening sentence"), self.basis)
        column.addWidget(content)

        sign = QGroupBox(_("Signature and recipients"))
        form = QFormLayout(sign)
        self.authority = self._line("report.signature.authority", form, _("Authority (T/M …)"))
        self.position = self._line("report.signature.position", form, _("Position"))
        self.signer = self._line("report.signature.name", form, _("Signer's name"))
        self.recipients = QPlainTextEdit(objectName="report.recipients")
        self.recipients.setFixedHeight(110)
        self.recipients.textChanged.connect(self._changed)
        form.addRow(_("Recipients (one per line)"), self.recipients)
        column.addWidget(sign)

        options = QGroupBox(_("Settings"))
        form = QFormLayout(options)
        self.pad_counts = QCheckBox(_("Write counts 1–9 as 01–09"))
        self.pad_counts.toggled.connect(self._changed)
        form.addRow(self.pad_counts)
        self.end_mark = QCheckBox(_("End the text with “./.”"))
        self.end_mark.toggled.connect(self._changed)
        form.addRow(self.end_mark)
        self.heading_style = QComboBox()
        self.heading_style.addItem(_("I- / 1- (traditional)"), "dash")
        self.heading_style.addItem(_("I. / 1. (newer)"), "dot")
        self.heading_style.currentIndexChanged.connect(self._changed)
        form.addRow(_("Heading numbers"), self.heading_style)
        self.status = QComboBox()
        self.status.addItem(_("Draft"), ReportStatus.DRAFT.value)
        self.status.addItem(_("Final"), ReportStatus.FINAL.value)
        self.status.currentIndexChanged.connect(self._changed)
        form.addRow(_("Status"), self.status)
        column.addWidget(options)
        column.addStretch(1)
        self.setWidget(inner)
        self.fields = {w.objectName(): w for w in (self.number, self.date, self.place, self.term, self.title,
                                                   self.basis, self.authority, self.position, self.signer,
                                                   self.recipients)}

    def _line(self, name: str, form: QFormLayout, text: str) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.textEdited.connect(self._changed)
        form.addRow(text, edit)
        return edit

    def set_report(self, report: Report | None) -> None:
        self.report = report
        if report is None:
            return
        self._loading = True
        try:
            org = report.organisation
            self.number.setValue(report.number or 0)
            self.dated.setChecked(report.issued_on is not None)
            self.date.setEnabled(report.issued_on is not None)
            self.date.setDate(QDate(report.issued_on or date.today()))
            self.place.setText(report.place)
            self.place.setPlaceholderText(org.place)
            self.term.setText(report.term)
            self.title.setText(report.title)
            self.title.setPlaceholderText(default_title(report.kind, report.year, report.term))
            self.basis.setPlainText(report.basis)
            own = report.signature
            self.authority.setText(own.authority if own else "")
            self.position.setText(own.position if own else "")
            self.signer.setText(own.name if own else "")
            self.authority.setPlaceholderText(org.signature.authority)
            self.position.setPlaceholderText(org.signature.position)
            self.signer.setPlaceholderText(org.signature.name)
            self.recipients.setPlainText("\n".join(report.recipients or []))
            self.recipients.setPlaceholderText("\n".join(org.recipients))
            self.pad_counts.setChecked(report.settings.pad_counts)
            self.end_mark.setChecked(report.settings.end_mark)
            self.heading_style.setCurrentIndex(max(0, self.heading_style.findData(report.settings.heading_style)))
            self.status.setCurrentIndex(max(0, self.status.findData(report.status.value)))
        finally:
            self._loading = False

    def _changed(self, *_args: object) -> None:
        if self._loading or self.report is None:
            return
        r = self.report
        r.number = self.number.value() or None
        r.issued_on = self.date.date().toPython() if self.dated.isChecked() else None
        r.place = self.place.text().strip()
        r.term = self.term.text().strip()
        r.title = self.title.text().strip()
        r.basis = self.basis.toPlainText().strip()
        parts = (self.authority.text().strip(), self.position.text().strip(), self.signer.text().strip())
        if any(parts):
            fallback = r.organisation.signature
            r.signature = Signature(parts[0] or fallback.authority, parts[1] or fallback.position,
                                    parts[2] or fallback.name)
        else:
            r.signature = None
        lines = [ln.strip() for ln in self.recipients.toPlainText().splitlines() if ln.strip()]
        r.recipients = lines or None
        r.settings.pad_counts = self.pad_counts.isChecked()
        r.settings.end_mark = self.end_mark.isChecked()
        r.settings.heading_style = self.heading_style.currentData()
        r.status = ReportStatus(self.status.currentData())
        self.edited.emit()

    def focus_field(self, path: str) -> bool:
        widget = self.fields.get(path) or self.fields.get(path.rsplit(".", 1)[0])
        if widget is None:
            return False
        self.ensureWidgetVisible(widget, 50, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
