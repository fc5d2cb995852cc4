"""The document's own fields: number (from the register), date, place, term, period, title, opening, signature,
recipients and settings (margins, line spacing, appendices)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import fields as F
from app.domain.fields import Field, FieldKind, FieldRef
from app.domain.findings import Finding
from app.domain.organisation import Signature
from app.domain.period import PERIOD_KIND_LABELS, YEAR_PERIODS, PeriodKind
from app.domain.presets import margin_choices
from app.domain.report import Report, ReportKind, ReportStatus, default_title
from app.domain.spelling import TONE_EXAMPLES, ToneStyle
from app.gui.dialogs.organisation_dialog import SEVERITY_COLOURS
from app.gui.tasks import RunDb
from app.gui.widgets.date_edit import DateEdit
from app.gui.widgets.wheel_guard import guard_wheel_under
from app.i18n import _

if TYPE_CHECKING:
    from app.gui.dialogs.terms_dialog import TermsDialog
    from app.services.sessions import Database

# The body line spacing every preset's layout gives (templates/layouts/*.toml, styles.normal): exactly 18 pt.
FORMAT_LINE_SPACING_PT = 18
_INFO_COLOUR = "#555555"


class LineSpacingBox(QDoubleSpinBox):
    """Line spacing in points; its minimum stands for None, "as the document format".

    Stepping up from that special value goes to the format's own spacing rather than to the minimum + 1.
    """

    SPECIAL = 9.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(0)  # Settings.line_spacing_pt holds whole points
        self.setRange(self.SPECIAL, 40)
        self.setSingleStep(1)
        self.setSuffix(" pt")
        self.setSpecialValueText(_("as the document format ({points} pt)").format(points=FORMAT_LINE_SPACING_PT))

    def points(self) -> int | None:
        """The spacing chosen, in whole points; None for the document format's own."""
        return None if self.value() <= self.SPECIAL else round(self.value())

    def set_points(self, points: float | None) -> None:
        self.setValue(self.SPECIAL if points is None else points)

    def stepBy(self, steps: int) -> None:
        if self.value() <= self.SPECIAL and steps > 0:
            self.setValue(FORMAT_LINE_SPACING_PT)
        else:
            super().stepBy(steps)


class DocumentFields(QScrollArea):
    """Form over the report's header, title, opening and signature fields.

    Empty fields fall back to the organisation's profile, shown as placeholder text. The number can be
    taken from the organisation's register and entered in it, and the committee's terms edited, once
    set_services() has given the widget the database thread and the database.

    Signals:
        edited(): a field changed (the report object is already updated).
        tone_style_changed(object): the report's tone-mark style (ToneStyle) was chosen or loaded.
        number_registered(object): the report's number was entered in the register; the list of Finding
            about it (a duplicate, a number lower than the term's), empty when it is fine.
    """

    edited = Signal()
    tone_style_changed = Signal(object)
    number_registered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.report: Report | None = None
        self._loading = False
        self._run_db: RunDb | None = None
        self._sessions: Callable[[], Database] | None = None
        self.terms_dialog: TermsDialog | None = None
        inner = QWidget()
        column = QVBoxLayout(inner)

        header = QGroupBox(_("Number, date and place"))
        form = QFormLayout(header)
        self.number = QSpinBox(objectName="report.number")
        self.number.setRange(0, 9999)
        self.number.setSpecialValueText(_("(blank: the clerk fills it in)"))
        self.number.valueChanged.connect(self._changed)
        self.number.valueChanged.connect(self._clear_number_status)
        self.next_number_button = QPushButton(_("Take the next number"))
        self.next_number_button.setToolTip(_("The number after the highest one this organisation issued for this "
                                             "type of document in the term (or, for state documents, the year) "
                                             "of the date."))
        self.next_number_button.clicked.connect(self.on_next_number_clicked)
        self.register_button = QPushButton(_("Enter in the register"))
        self.register_button.setToolTip(_("Record the number and the date in the organisation's register, so that "
                                          "no other document takes it."))
        self.register_button.clicked.connect(self.on_register_clicked)
        self.number_status = QLabel(objectName="number_status")
        self.number_status.setWordWrap(True)
        self.number_status.setVisible(False)
        number_cell = QWidget()
        number_column = QVBoxLayout(number_cell)
        number_column.setContentsMargins(0, 0, 0, 0)
        number_column.setSpacing(2)
        # The buttons under the number rather than beside it, so that the page stays usable when narrow.
        row = QHBoxLayout()
        row.addWidget(self.next_number_button)
        row.addWidget(self.register_button)
        row.addStretch(1)
        number_column.addWidget(self.number)
        number_column.addLayout(row)
        number_column.addWidget(self.number_status)
        form.addRow(_("Document number"), number_cell)
        self.dated = QCheckBox(_("Print the date"))
        # Typed as dd/mm/yyyy; an impossible date is refused beside the field, never turned into another one.
        self.date = DateEdit()
        self.date.setObjectName("report.issued_on")
        self.dated.toggled.connect(self.date.setEnabled)
        self.dated.toggled.connect(self._changed)
        self.date.date_changed.connect(self._changed)
        for signal in (self.dated.toggled, self.date.date_changed):
            signal.connect(self._clear_number_status)
        row = QHBoxLayout()
        row.addWidget(self.dated)
        row.addWidget(self.date, 1)
        form.addRow(_("Date"), row)
        self.place = self._line("report.place", form, _("Place name"))
        self.term = QLineEdit(objectName="report.term")
        self.term.textEdited.connect(self._changed)
        self.term.setPlaceholderText("2025 - 2030")
        self.terms_button = QPushButton(_("Terms…"))
        self.terms_button.setToolTip(_("Record the committee's terms: Party documents are numbered through "
                                       "each term."))
        self.terms_button.clicked.connect(self.on_terms_clicked)
        row = QHBoxLayout()
        row.addWidget(self.term, 1)
        row.addWidget(self.terms_button)
        form.addRow(_("Committee term"), row)
        column.addWidget(header)

        content = QGroupBox(_("Title and opening"))
        form = QFormLayout(content)
        # What a year-end report covers; the title, part titles and sentences follow it.
        self.period = QComboBox(objectName="report.period_kind")
        for period in YEAR_PERIODS:
            self.period.addItem(_(PERIOD_KIND_LABELS[period]), period.value)
        self.period.setToolTip(_("A school's chi bộ reports on the school year: its title, part titles "
                                 "and sentences then say \"năm học\"."))
        self.period.currentIndexChanged.connect(self._changed)
        form.addRow(_("Period:"), self.period)
        self.title = self._line("report.title", form, _("Title (trích yếu)"))
        self.basis = QPlainTextEdit(objectName="report.basis")
        self.basis.setFixedHeight(90)
        # Not translated: it shows the Vietnamese wording the report itself uses.
        self.basis.setPlaceholderText("Thực hiện Hướng dẫn số …, ngày … của …, … báo cáo … như sau:")
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
        self.tone_style = QComboBox(objectName="report.settings.tone_style")
        for style in ToneStyle:
            self.tone_style.addItem(TONE_EXAMPLES[style], style.value)
        self.tone_style.setToolTip(_("Where the tone mark of a final oa, oe, uy goes. The spell check underlines "
                                     "words written the other way and the checks list them."))
        self.tone_style.currentIndexChanged.connect(self._changed)
        form.addRow(_("Tone marks"), self.tone_style)
        self.margins = QComboBox(objectName="report.settings.margins")
        self.margins.currentIndexChanged.connect(self._changed)
        form.addRow(_("Margins"), self.margins)
        self.line_spacing = LineSpacingBox()
        self.line_spacing.setObjectName("report.settings.line_spacing_pt")
        self.line_spacing.setToolTip(_("The space between the lines of the body, exactly this many points."))
        self.line_spacing.valueChanged.connect(self._changed)
        form.addRow(_("Line spacing"), self.line_spacing)
        self.annexes = QCheckBox(_("Print Phụ lục 1–3 after the signature"), objectName="report.settings.annexes")
        self.annexes.setToolTip(_("Membership movement, ratings and targets go on landscape pages after the "
                                  "signature instead of in the body."))
        self.annexes.toggled.connect(self._changed)
        form.addRow(_("Appendices"), self.annexes)
        self.keep_empty = QCheckBox(_("Print sections with no text, with a dotted line to fill in"),
                                    objectName="report.settings.keep_empty_sections")
        self.keep_empty.setToolTip(_("Off: a section with no text is left out and the headings after it are "
                                     "renumbered. On: its heading prints with a dotted line to write on by hand."))
        self.keep_empty.toggled.connect(self._changed)
        form.addRow(_("Empty sections"), self.keep_empty)
        self.status = QComboBox()
        self.status.addItem(_("Draft"), ReportStatus.DRAFT.value)
        self.status.addItem(_("Final"), ReportStatus.FINAL.value)
        self.status.currentIndexChanged.connect(self._changed)
        form.addRow(_("Status"), self.status)
        column.addWidget(options)
        column.addStretch(1)
        self.setWidget(inner)
        # A wheel turn over a number box or a list scrolls the page unless she is in that box.
        guard_wheel_under(inner)
        # The widget of each field of the report itself; a finding about a field jumps to it.
        self.fields: dict[FieldRef, QWidget] = {
            Field.NUMBER: self.number, Field.DOC_TYPE: self.number, Field.ISSUED_ON: self.date,
            Field.PLACE: self.place, Field.TERM: self.term, Field.TITLE: self.title, Field.BASIS: self.basis,
            Field.SIGNATURE: self.authority, Field.SIGNATURE_AUTHORITY: self.authority,
            Field.SIGNATURE_POSITION: self.position, Field.SIGNATURE_NAME: self.signer,
            Field.RECIPIENTS: self.recipients, Field.MARGINS: self.margins, Field.LINE_SPACING: self.line_spacing,
            Field.ANNEXES: self.annexes, Field.PAD_COUNTS: self.pad_counts, Field.END_MARK: self.end_mark,
            Field.HEADING_STYLE: self.heading_style, Field.STATUS: self.status,
            F.report_field("settings.keep_empty_sections"): self.keep_empty,
            F.report_field("settings.tone_style"): self.tone_style,
        }
        self._update_number_buttons()

    def set_services(self, run_db: RunDb, sessions_getter: Callable[[], Database]) -> None:
        """Give the widget the database thread (run_db(fn, on_done)) and the open database (sessions_getter()).

        Without them the register and terms buttons stay disabled.
        """
        self._run_db, self._sessions = run_db, sessions_getter
        self._update_number_buttons()

    def _line(self, name: str, form: QFormLayout, text: str) -> QLineEdit:
        edit: QLineEdit = QLineEdit(objectName=name)
        edit.textEdited.connect(self._changed)
        form.addRow(text, edit)
        return edit

    def set_report(self, report: Report | None) -> None:
        self.report = report
        self._clear_number_status()
        self._update_number_buttons()
        if report is None:
            return
        self._loading = True
        try:
            org = report.organisation
            self._fill_margins(org.preset, report.settings.margins)
            self.line_spacing.set_points(report.settings.line_spacing_pt)
            self.annexes.setChecked(report.settings.annexes)
            self.keep_empty.setChecked(report.settings.keep_empty_sections)
            self.number.setValue(report.number or 0)
            self.dated.setChecked(report.issued_on is not None)
            self.date.setEnabled(report.issued_on is not None)
            self.date.set_date(report.issued_on or date.today())
            self.place.setText(report.place)
            self.place.setPlaceholderText(org.place)
            self.term.setText(report.term)
            # A six-month, mid-term or congress report's kind fixes its period: the box shows it and stays disabled.
            if report.kind is ReportKind.YEAR_END:
                self.period.setCurrentIndex(max(0, self.period.findData(report.period.kind.value)))
            else:
                self.period.setCurrentIndex(-1)
                self.period.setPlaceholderText(_(PERIOD_KIND_LABELS[report.period.kind]))
            self.period.setEnabled(report.kind is ReportKind.YEAR_END)
            self.title.setText(report.title)
            self.title.setPlaceholderText(default_title(report.kind, report.period, org.name))
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
            self.tone_style.setCurrentIndex(max(0, self.tone_style.findData(report.settings.tone_style.value)))
        finally:
            self._loading = False
        self.tone_style_changed.emit(report.settings.tone_style)

    def _changed(self, *_args: object) -> None:
        if self._loading or self.report is None:
            return
        r = self.report
        r.number = self.number.value() or None
        r.issued_on = self.date.date() if self.dated.isChecked() else None
        r.place = self.place.text().strip()
        r.term = self.term.text().strip()
        if r.kind is ReportKind.YEAR_END and self.period.currentIndex() >= 0:
            r.period_kind = PeriodKind(self.period.currentData())
            self.title.setPlaceholderText(default_title(r.kind, r.period, r.organisation.name))
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
        r.settings.margins = self.margins.currentData()
        r.settings.line_spacing_pt = self.line_spacing.points()
        r.settings.annexes = self.annexes.isChecked()
        r.settings.keep_empty_sections = self.keep_empty.isChecked()
        style = ToneStyle(self.tone_style.currentData())
        style_changed = style is not r.settings.tone_style
        r.settings.tone_style = style
        r.status = ReportStatus(self.status.currentData())
        self._update_number_buttons()
        self.edited.emit()
        if style_changed:
            self.tone_style_changed.emit(style)

    def _fill_margins(self, preset: str, current: str | None) -> None:
        """The preset's margins, its own first (None); a choice it does not offer stays, named as stored."""
        self.margins.clear()
        choices = margin_choices(preset)
        for name, label in choices.items():
            text = _("As the document format: {margins}").format(margins=label) if name is None else label
            self.margins.addItem(text, name)
        if current is not None and current not in choices:
            self.margins.addItem(current, current)  # the linter says the format has no such margins
        self.margins.setCurrentIndex(0 if current is None else self.margins.findData(current))

    # -- the register ----------------------------------------------------------------------------

    def _organisation_id(self) -> int | None:
        return self.report.organisation.id if self.report is not None else None

    def _update_number_buttons(self) -> None:
        ready = self._run_db is not None and self._organisation_id() is not None
        self.next_number_button.setEnabled(ready)
        self.terms_button.setEnabled(ready)
        registrable = ready and self.report is not None and self.report.id is not None \
            and self.report.number is not None and self.report.issued_on is not None
        self.register_button.setEnabled(registrable)

    def on_next_number_clicked(self) -> None:
        """Ask the register for the next number of the report's type in the period of its date, and put it in."""
        org_id = self._organisation_id()
        if self._run_db is None or self._sessions is None or org_id is None or self.report is None:
            return
        from app.services import numbering

        sessions, doc_type = self._sessions(), self.report.doc_type
        day = self.date.date()  # the date the report will carry, printed or not
        self._run_db(lambda: numbering.suggest_next_number(sessions, org_id, doc_type, day), self._on_number_suggested)

    def _on_number_suggested(self, number: int) -> None:
        if self.report is None:
            return
        self.number.setValue(number)  # valueChanged updates the report and emits edited
        self.number.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_register_clicked(self) -> None:
        """Enter the report's number and date in the register, then show what is wrong with them, if anything."""
        report, org_id = self.report, self._organisation_id()
        if self._run_db is None or self._sessions is None or report is None or org_id is None or \
                report.id is None or report.number is None or report.issued_on is None:
            return
        from app.services import numbering

        # The number and date as shown, not as last autosaved: register_report_number() would read the
        # stored report, which can be a moment behind the form.
        sessions = self._sessions()
        args = (org_id, report.doc_type, report.number, report.issued_on, report.id)
        self._run_db(lambda: numbering.register_number(sessions, *args), self._on_number_registered)

    def _on_number_registered(self, findings: list[Finding]) -> None:
        if findings:
            worst = max(f.severity for f in findings)
            self.number_status.setText("\n".join(f.message for f in findings))
            self.number_status.setStyleSheet(f"color: {SEVERITY_COLOURS[worst]};")
        else:
            self.number_status.setText(_("Entered in the register."))
            self.number_status.setStyleSheet(f"color: {_INFO_COLOUR};")
        self.number_status.setVisible(True)
        self.number_registered.emit(findings)

    def _clear_number_status(self, *_args: object) -> None:
        if self._loading:
            return
        self.number_status.clear()
        self.number_status.setVisible(False)

    def on_terms_clicked(self) -> None:
        org_id = self._organisation_id()
        if self._run_db is None or self._sessions is None or org_id is None:
            return
        from app.gui.dialogs.terms_dialog import TermsDialog

        # One dialog, kept: a list still loading in the database thread never lands on a deleted one.
        if self.terms_dialog is None:
            self.terms_dialog = TermsDialog(org_id, self._run_db, self._sessions, self)
        else:
            self.terms_dialog.set_organisation(org_id)
        self.terms_dialog.open()

    def widget_for(self, ref: FieldRef | str) -> QWidget | None:
        """The widget of a field of the report itself (a recipient line: the recipients box); None for another."""
        ref = F.parse(ref) if isinstance(ref, str) else ref
        if ref.kind is not FieldKind.REPORT:
            return None
        if isinstance(ref.parts[-1], int):  # "recipients.2"
            ref = FieldRef(ref.kind, ref.parts[:-1])
        return self.fields.get(ref)

    def focus_field(self, ref: FieldRef | str) -> bool:
        """Scroll to and focus the widget of the field ref; False when this page has no such field."""
        widget = self.widget_for(ref)
        if widget is None:
            return False
        self.ensureWidgetVisible(widget, 50, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
