"""The organisation profile form: header names, code, place, signature and recipients, checked as the user types."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.findings import Finding, Severity, has_errors
from app.domain.org_checks import (
    REQUIRED,
    check_organisation,
    default_authority,
    default_issuer_code,
    is_party,
    label,
)
from app.domain.organisation import ORG_KIND_LABELS, Organisation, OrgKind, Signature, default_recipients
from app.i18n import N_, _

O = "organisation."

# Colours of a problem under a field; dark enough to read on the light window background.
SEVERITY_COLOURS = {Severity.ERROR: "#b3261e", Severity.WARNING: "#8a5a00", Severity.INFO: "#555555"}


@dataclass(frozen=True)
class _Field:
    path: str
    label: str
    placeholder: str
    tooltip: str
    upper: bool = False


# Line edits in form order. Placeholders are Vietnamese examples of what the header prints.
_HEADER_FIELDS = (
    _Field(O + "name", N_("Name of the organisation:"), "Đảng bộ xã La Bằng",
           N_("How the app lists this organisation.")),
    _Field(O + "upper_body", N_("Upper-level Party organisation:"), "ĐẢNG BỘ HUYỆN ĐẠI TỪ",
           N_("First line of the header: the Party organisation one level up, not its committee. "
              "Printed in capitals."), upper=True),
    _Field(O + "issuer_name", N_("Issuing body:"), "ĐẢNG ỦY XÃ LA BẰNG",
           N_("Second line of the header, in bold: the committee or Party cell that issues the report. "
              "Printed in capitals."), upper=True),
    _Field(O + "issuer_code", N_("Issuer code:"), "ĐU",
           N_("The code after the slash in the document number: ĐU for a Party committee, CB for a Party cell."),
           upper=True),
    _Field(O + "place", N_("Place name:"), "La Bằng",
           N_("Written before the date: \"La Bằng, ngày … tháng … năm …\".")),
    _Field(O + "short_name", N_("Name in running text:"), "Đảng bộ xã",
           N_("How the report names the organisation in its sentences.")),
)
_SIGNATURE_FIELDS = (
    _Field(O + "signature.authority", N_("Signing authority:"), "T/M ĐẢNG ỦY",
           N_("A committee or Party cell signs on behalf of the collective: T/M ĐẢNG ỦY, T/M CHI BỘ."), upper=True),
    _Field(O + "signature.position", N_("Position of the signer:"), "BÍ THƯ",
           N_("BÍ THƯ, or PHÓ BÍ THƯ when the deputy signs."), upper=True),
    _Field(O + "signature.name", N_("Full name of the signer:"), "Nguyễn Văn An",
           N_("The name only, without a title such as TS. or ThS. It may stay empty in a draft.")),
)


def clean(text: str) -> str:
    """text in NFC (Unikey may send decomposed letters), without outer or repeated spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


class OrganisationDialog(QDialog):
    """Create or edit an organisation's profile; problems show under each field while the user types.

    OK stays disabled while a problem is an error (an empty header field, a committee named as the
    upper level, "K/T" under a committee …); warnings do not block. Fields are stored in NFC, and the
    header and signature lines in capitals, but shown as typed. Attributes that the form does not
    show (the id, the document preset …) are kept from the organisation being edited.

    Signals:
        organisation_accepted(object): the Organisation as entered, when OK is clicked; it keeps the
            id of the organisation edited, None for a new one.
    """

    organisation_accepted = Signal(object)

    def __init__(self, organisation: Organisation | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = organisation or Organisation(name="", upper_body="", issuer_name="")
        # A new profile shows a field's problems once the user has been there; an existing one at once.
        self._touched: set[str] = set() if organisation is None else {"*"}
        self._kind = self._original.kind
        self.setWindowTitle(_("Organisation details") if organisation else _("New organisation"))

        self.edits: dict[str, QLineEdit] = {}
        self._problem_labels: dict[str, QLabel] = {}

        header = QGroupBox(_("Header of the report"))
        header_form = self._form(header)
        self.kind_combo = QComboBox()
        for kind in OrgKind:
            self.kind_combo.addItem(_(ORG_KIND_LABELS[kind]), kind.value)
        self.kind_combo.setCurrentIndex(list(OrgKind).index(self._kind))
        self.kind_combo.setToolTip(_("Choosing a kind fills in its usual issuer code and signing authority."))
        for spec in _HEADER_FIELDS:
            if spec.path == O + "upper_body":
                self._add_row(header_form, _("Kind of organisation:"), O + "kind", self.kind_combo)
            edit = self._line_edit(spec)
            if spec.path == O + "issuer_code":
                edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("ĐUKBTG") * 2)
                self.number_preview = QLabel()
                self.number_preview.setToolTip(_("How the number of a report will look."))
                row = QWidget()
                row_layout = QHBoxLayout(row)
                row_layout.setContentsMargins(0, 0, 0, 0)
                row_layout.addWidget(edit)
                row_layout.addWidget(self.number_preview, 1)
                self._add_row(header_form, _(spec.label), spec.path, row)
            else:
                self._add_row(header_form, _(spec.label), spec.path, edit)

        signature = QGroupBox(_("Signature"))
        signature_form = self._form(signature)
        for spec in _SIGNATURE_FIELDS:
            self._add_row(signature_form, _(spec.label), spec.path, self._line_edit(spec))

        recipients = QGroupBox(_("Recipients (Nơi nhận)"))
        recipients_layout = QVBoxLayout(recipients)
        hint = QLabel(_("One recipient per line. Every line starts with \"- \" and ends with a comma; "
                        "the last one, \"- Lưu …\", ends with a full stop."))
        hint.setWordWrap(True)
        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setTabChangesFocus(True)
        self.recipients_edit.setPlaceholderText("- Ban Thường vụ Huyện ủy (để báo cáo),\n- Lưu Văn phòng Đảng ủy.")
        self.recipients_edit.setMinimumHeight(self.recipients_edit.fontMetrics().lineSpacing() * 6)
        self.fill_recipients_button = QPushButton(_("Fill in the usual list"))
        self.fill_recipients_button.setToolTip(_("Replace the list with the usual recipients for this kind of "
                                                 "organisation; you can then edit it."))
        fill_row = QHBoxLayout()
        fill_row.addStretch(1)
        fill_row.addWidget(self.fill_recipients_button)
        recipients_layout.addWidget(hint)
        recipients_layout.addWidget(self.recipients_edit, 1)
        recipients_layout.addWidget(self._problem_label(O + "recipients"))
        recipients_layout.addLayout(fill_row)

        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)

        right = QVBoxLayout()
        right.addWidget(signature)
        right.addWidget(recipients, 1)
        columns = QHBoxLayout()
        columns.addWidget(header, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint_label, 1)
        bottom.addWidget(self.button_box)
        layout.addLayout(bottom)

        self._load(self._original)
        for path, edit in self.edits.items():
            edit.textChanged.connect(self._refresh)
            edit.textEdited.connect(lambda _text, path=path: self._touch(path))
            edit.editingFinished.connect(lambda path=path: self._touch(path))
        self.recipients_edit.textChanged.connect(self.on_recipients_changed)
        self.kind_combo.currentIndexChanged.connect(self.on_kind_changed)
        self.fill_recipients_button.clicked.connect(self.on_fill_recipients_clicked)
        self.button_box.accepted.connect(self.on_accepted)
        self.button_box.rejected.connect(self.reject)
        self._refresh()
        hint = self.sizeHint()
        self.resize(max(hint.width(), 940), hint.height())

    # -- building ----------------------------------------------------------------------------

    @staticmethod
    def _form(group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _line_edit(self, spec: _Field) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(spec.placeholder)
        edit.setToolTip(_(spec.tooltip))
        self.edits[spec.path] = edit
        return edit

    def _problem_label(self, path: str) -> QLabel:
        problem = QLabel()
        problem.setObjectName("problem")
        problem.setWordWrap(True)
        problem.setVisible(False)
        self._problem_labels[path] = problem
        return problem

    def _add_row(self, form: QFormLayout, text: str, path: str, field: QWidget) -> None:
        cell = QWidget()
        cell_layout = QVBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.setSpacing(2)
        cell_layout.addWidget(field)
        cell_layout.addWidget(self._problem_label(path))
        row_label = QLabel(text)
        row_label.setBuddy(field)
        form.addRow(row_label, cell)

    def _load(self, org: Organisation) -> None:
        values = {
            O + "name": org.name, O + "upper_body": org.upper_body, O + "issuer_name": org.issuer_name,
            O + "issuer_code": org.issuer_code, O + "place": org.place, O + "short_name": org.short_name,
            O + "signature.authority": org.signature.authority, O + "signature.position": org.signature.position,
            O + "signature.name": org.signature.name,
        }
        for path, value in values.items():
            self.edits[path].setText(value)
        self.recipients_edit.setPlainText("\n".join(org.recipients))

    # -- reading -----------------------------------------------------------------------------

    def _value(self, path: str, upper: bool = False) -> str:
        text = clean(self.edits[path].text())
        return text.upper() if upper else text

    def kind(self) -> OrgKind:
        """The kind chosen in the combo box."""
        return OrgKind(self.kind_combo.currentData())

    def recipients(self) -> list[str]:
        """The recipient lines as stored: cleaned, blank lines left out."""
        return [line for line in (clean(raw) for raw in self.recipients_edit.toPlainText().splitlines()) if line]

    def organisation(self) -> Organisation:
        """The organisation as entered: NFC, the header and signature lines in capitals, the id kept."""
        upper = {spec.path for spec in (*_HEADER_FIELDS, *_SIGNATURE_FIELDS) if spec.upper}

        def value(path: str) -> str:
            return self._value(path, path in upper)

        return replace(
            self._original,
            name=value(O + "name"),
            short_name=value(O + "short_name"),
            upper_body=value(O + "upper_body"),
            issuer_name=value(O + "issuer_name"),
            kind=self.kind(),
            issuer_code=value(O + "issuer_code"),
            place=value(O + "place"),
            signature=Signature(
                authority=value(O + "signature.authority"),
                position=value(O + "signature.position"),
                name=value(O + "signature.name"),
            ),
            recipients=self.recipients(),
        )

    def findings(self) -> list[Finding]:
        """The problems of the organisation as entered."""
        return check_organisation(self.organisation())

    def problem_label(self, path: str) -> QLabel:
        """The label under the field at path ("organisation.upper_body") that shows its problems."""
        return self._problem_labels[path]

    # -- slots -------------------------------------------------------------------------------

    def _touch(self, path: str) -> None:
        if path not in self._touched:
            self._touched.add(path)
            self._refresh()

    def on_recipients_changed(self) -> None:
        self._touched.add(O + "recipients")
        self._refresh()

    def on_kind_changed(self, _index: int) -> None:
        """Follow the new kind's usual code, authority and recipients where the old kind's are still there."""
        old, new = self._kind, self.kind()
        self._kind = new
        if not is_party(self._original):
            return
        code, authority = self.edits[O + "issuer_code"], self.edits[O + "signature.authority"]
        if clean(code.text()).upper() in ("", default_issuer_code(old)):
            code.setText(default_issuer_code(new))
        if clean(authority.text()).upper() in ("", default_authority(old)):
            authority.setText(default_authority(new))
        if self.recipients() == default_recipients(old):
            self._set_recipients(default_recipients(new))
        self._refresh()

    def on_fill_recipients_clicked(self) -> None:
        self._set_recipients(default_recipients(self.kind()))
        self.recipients_edit.setFocus()

    def _set_recipients(self, lines: list[str]) -> None:
        # Through a cursor rather than setPlainText(), so that Ctrl+Z brings the user's own list back.
        cursor = self.recipients_edit.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText("\n".join(lines))

    def on_accepted(self) -> None:
        organisation = self.organisation()
        if has_errors(check_organisation(organisation)):
            return
        self.organisation_accepted.emit(organisation)
        self.accept()

    def _refresh(self) -> None:
        """Show each field's problems under it, and allow OK only while no problem is an error."""
        findings = self.findings()
        by_field: dict[str, list[Finding]] = {path: [] for path in self._problem_labels}
        for finding in findings:
            path = next((p for p in finding.fields if p in by_field), None)
            if path is not None:
                by_field[path].append(finding)
        for path, problem in self._problem_labels.items():
            shown = by_field[path] if ("*" in self._touched or path in self._touched) else []
            problem.setVisible(bool(shown))
            if shown:
                worst = max(f.severity for f in shown)
                problem.setText("\n".join(f.message for f in shown))
                problem.setStyleSheet(f"color: {SEVERITY_COLOURS[worst]};")
            else:
                problem.clear()
        code = self._value(O + "issuer_code", upper=True)
        self.number_preview.setVisible(is_party(self._original))
        self.number_preview.setText(_("Printed as \"{number}\"").format(number=f"Số 05-BC/{code or '…'}"))

        blocked = has_errors(findings)
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not blocked)
        missing = [label(p) for p in REQUIRED if any(p in f.fields and f.code == "organisation.required"
                                                       for f in findings)]
        if missing:
            self.hint_label.setText(_("Still to fill in: {fields}.").format(fields=", ".join(missing)))
        elif blocked:
            self.hint_label.setText(_("Correct the problems shown in red to continue."))
        else:
            self.hint_label.clear()
