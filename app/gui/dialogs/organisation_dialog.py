"""The organisation profile form: format, header, code, place, signature, recipients, house style; checked as typed."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

from app.domain.fields import org_field
from app.domain.findings import Finding, Severity, has_errors
from app.domain.org_checks import (
    REQUIRED,
    check_organisation,
    default_authority,
    default_issuer_code,
    label,
)
from app.domain.organisation import ORG_KIND_LABELS, Organisation, OrgKind, Signature, default_recipients
from app.domain.presets import PRESET_LABELS, Preset, conventions, usual_profiles
from app.i18n import N_, _


def _o(name: str) -> str:
    """The dotted path of a field of the profile ("organisation.upper_body"), built and checked by app.domain.fields."""
    return org_field(name).path


# Colours of a problem under a field; dark enough to read on the light window background.
SEVERITY_COLOURS = {Severity.ERROR: "#b3261e", Severity.WARNING: "#8a5a00", Severity.INFO: "#555555"}


@dataclass(frozen=True)
class _Field:
    path: str
    label: str
    placeholder: str
    tooltip: str
    upper: bool = False


# Examples of the two header lines, by document format.
_EXAMPLES = {
    "party": ("ĐẢNG BỘ TỈNH THÁI NGUYÊN", "ĐẢNG ỦY XÃ LA BẰNG"),
    "state": ("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "ỦY BAN NHÂN DÂN XÃ LA BẰNG"),
    "cong-doan": ("CÔNG ĐOÀN VIÊN CHỨC TỈNH", "CÔNG ĐOÀN TRƯỜNG THCS LA BẰNG"),
    "doan": ("BCH ĐOÀN TỈNH THÁI NGUYÊN", "BCH ĐOÀN XÃ LA BẰNG"),
}


@dataclass(frozen=True)
class _Example:
    """What a Party body of one kind writes in its profile, shown as placeholders: the name, the two header lines,
    the name in running text and the Nơi nhận list."""

    name: str
    upper_body: str
    issuer_name: str
    short_name: str
    recipients: str


_DANG_BO_EXAMPLE = _Example("Đảng bộ xã La Bằng", "ĐẢNG BỘ TỈNH THÁI NGUYÊN", "ĐẢNG ỦY XÃ LA BẰNG", "Đảng bộ xã",
                            "- Ban Thường vụ Tỉnh ủy (để báo cáo),\n- Lưu Văn phòng Đảng ủy.")
# A chi bộ is headed by the đảng bộ it belongs to and issues in its own name; it reports to that đảng ủy.
_PARTY_EXAMPLES: dict[OrgKind, _Example] = {
    OrgKind.CHI_BO_CO_SO: _Example("Chi bộ Trường THCS La Bằng", "ĐẢNG BỘ XÃ LA BẰNG", "CHI BỘ TRƯỜNG THCS LA BẰNG",
                                   "Chi bộ", "- Đảng ủy xã La Bằng (để báo cáo),\n- Lưu Chi bộ."),
    OrgKind.CHI_BO_TRUC_THUOC: _Example("Chi bộ xóm Đồng Tiến", "ĐẢNG BỘ XÃ LA BẰNG", "CHI BỘ XÓM ĐỒNG TIẾN",
                                        "Chi bộ", "- Đảng ủy xã La Bằng (để báo cáo),\n- Lưu Chi bộ."),
}

# Line edits in form order. Placeholders are Vietnamese examples of what the header prints.
_HEADER_FIELDS = (
    _Field(_o("name"), N_("Name of the organisation:"), "Đảng bộ xã La Bằng",
           N_("How the app lists this organisation.")),
    _Field(_o("upper_body"), N_("Upper-level Party organisation:"), "ĐẢNG BỘ TỈNH THÁI NGUYÊN",
           N_("First line of the header: the Party organisation one level up, not its committee. "
              "Printed in capitals."), upper=True),
    _Field(_o("issuer_name"), N_("Issuing body:"), "ĐẢNG ỦY XÃ LA BẰNG",
           N_("Second line of the header, in bold: the committee or Party cell that issues the report. "
              "Printed in capitals."), upper=True),
    _Field(_o("issuer_code"), N_("Issuer code:"), "ĐU",
           N_("The code after the slash in the document number: ĐU for a Party committee, CB for a Party cell."),
           upper=True),
    _Field(_o("place"), N_("Place name:"), "La Bằng",
           N_("Written before the date: \"La Bằng, ngày … tháng … năm …\".")),
    _Field(_o("short_name"), N_("Name in running text:"), "Đảng bộ xã",
           N_("How the report names the organisation in its sentences.")),
)
_SIGNATURE_FIELDS = (
    _Field(_o("signature.authority"), N_("Signing authority:"), "T/M ĐẢNG ỦY",
           N_("A committee or Party cell signs on behalf of the collective: T/M ĐẢNG ỦY, T/M CHI BỘ."), upper=True),
    _Field(_o("signature.position"), N_("Position of the signer:"), "BÍ THƯ",
           N_("BÍ THƯ, or PHÓ BÍ THƯ when the deputy signs."), upper=True),
    _Field(_o("signature.name"), N_("Full name of the signer:"), "Nguyễn Văn An",
           N_("The name only, without a title such as TS. or ThS. It may stay empty in a draft.")),
)


def clean(text: str) -> str:
    """text in NFC (Unikey may send decomposed letters), without outer or repeated spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# The usual issuer code, collective and signer of a body issuing in a preset other than the Party's, whose
# codes follow no rule by kind: data in templates/layouts/<preset>.toml [conventions.usual]. They fill empty
# fields only and are there to be overwritten.
_OTHER_PRESET_DEFAULTS: dict[str, tuple[str, str, str]] = {
    preset: (usual.issuer_code, usual.collective, usual.position) for preset, usual in usual_profiles().items()
}


def usual_issuer_code(preset: str, kind: OrgKind) -> str:
    """The issuer code a body of kind issuing in preset usually has; empty when it varies."""
    if preset == Preset.PARTY or preset not in _OTHER_PRESET_DEFAULTS:
        return default_issuer_code(kind)
    return _OTHER_PRESET_DEFAULTS[preset][0]


def usual_authority(preset: str, kind: OrgKind) -> str:
    """The authority line such a body signs under: "T/M ĐẢNG ỦY" (Party), "TM. ỦY BAN NHÂN DÂN" (state) …"""
    if preset == Preset.PARTY or preset not in _OTHER_PRESET_DEFAULTS:
        return default_authority(kind)
    return f"{conventions(preset).on_behalf} {_OTHER_PRESET_DEFAULTS[preset][1]}"


def usual_position(preset: str) -> str:
    """The position of the usual signer: "BÍ THƯ", or "CHỦ TỊCH" for a state or union body."""
    return _OTHER_PRESET_DEFAULTS[preset][2] if preset in _OTHER_PRESET_DEFAULTS else "BÍ THƯ"


def usual_recipients(preset: str, kind: OrgKind) -> list[str]:
    """The usual Nơi nhận list: the Party's by kind; else the superior body and the filed copy in its marks."""
    if preset == Preset.PARTY or preset not in _OTHER_PRESET_DEFAULTS:
        return default_recipients(kind)
    conv = conventions(preset)
    return [f"- Cơ quan cấp trên (để báo cáo){conv.recipient_end}", f"{conv.archive}{conv.recipient_last_end}"]


class OrganisationDialog(QDialog):
    """Create or edit an organisation's profile; problems show under each field while the user types.

    OK stays disabled while a problem is an error (an empty header field, a committee named as the
    upper level, "K/T" under a committee, a house-style file that lacks the app's styles …); warnings
    do not block. Fields are stored in NFC, and the header and signature lines in capitals, but shown
    as typed. The Party rules apply only while the document format is the Party's; choosing another
    format or kind puts its usual code, authority and recipients where the old ones' defaults still
    stand. Attributes that the form does not show (the id …) are kept from the organisation being edited.

    Signals:
        organisation_accepted(object): the Organisation as entered, when OK is clicked; it keeps the
            id of the organisation edited, None for a new one.
    """

    organisation_accepted = Signal(object)

    def __init__(self, organisation: Organisation | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = organisation or Organisation(name="", upper_body="", issuer_name="")
        self._row_labels: dict[str, QLabel] = {}
        # A new profile shows a field's problems once the user has been there; an existing one at once.
        self._touched: set[str] = set() if organisation is None else {"*"}
        self._kind = self._original.kind
        self._preset = self._original.preset if self._original.preset in set(Preset) else Preset.PARTY.value
        self._reference = self._original.reference_docx
        self._templates = self._original.templates_dir
        # Problems of the chosen house-style file and templates folder, checked when chosen (reading them is slow).
        self._file_findings: dict[str, list[Finding]] = {}
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(_("Organisation details") if organisation else _("New organisation"))

        self.edits: dict[str, QLineEdit] = {}
        self._problem_labels: dict[str, QLabel] = {}

        header = QGroupBox(_("Header of the report"))
        header_form = self._form(header)
        self.preset_combo = QComboBox()
        for preset in Preset:
            self.preset_combo.addItem(_(PRESET_LABELS[preset]), preset.value)
        self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(self._preset)))
        self.preset_combo.setToolTip(_("The rules the report is written and checked by. Choosing a format fills "
                                       "in its usual issuer code and signing authority."))
        self._add_row(header_form, _("Document format:"), _o("preset"), self.preset_combo)
        self.kind_combo = QComboBox()
        for kind in OrgKind:
            self.kind_combo.addItem(_(ORG_KIND_LABELS[kind]), kind.value)
        self.kind_combo.setCurrentIndex(list(OrgKind).index(self._kind))
        self.kind_combo.setToolTip(_("Choosing a kind fills in its usual issuer code and signing authority."))
        for spec in _HEADER_FIELDS:
            if spec.path == _o("upper_body"):
                self._add_row(header_form, _("Kind of organisation:"), _o("kind"), self.kind_combo)
            edit = self._line_edit(spec)
            if spec.path == _o("issuer_code"):
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
        hint = self.recipients_hint = QLabel()
        hint.setWordWrap(True)
        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setTabChangesFocus(True)
        self.recipients_edit.setPlaceholderText("- Ban Thường vụ Tỉnh ủy (để báo cáo),\n- Lưu Văn phòng Đảng ủy.")
        self.recipients_edit.setMinimumHeight(self.recipients_edit.fontMetrics().lineSpacing() * 6)
        self.fill_recipients_button = QPushButton(_("Fill in the usual list"))
        self.fill_recipients_button.setToolTip(_("Replace the list with the usual recipients for this kind of "
                                                 "organisation; you can then edit it."))
        fill_row = QHBoxLayout()
        fill_row.addStretch(1)
        fill_row.addWidget(self.fill_recipients_button)
        recipients_layout.addWidget(hint)
        recipients_layout.addWidget(self.recipients_edit, 1)
        recipients_layout.addWidget(self._problem_label(_o("recipients")))
        recipients_layout.addLayout(fill_row)

        house = QGroupBox(_("House style (optional)"))
        house_form = self._form(house)
        self.reference_edit, self.reference_button, self.reference_clear_button = self._path_row(
            house_form, _("House-style file:"), _o("reference_docx"), _("Built-in style"), _("Choose file…"),
            _("A copy of the app's reference .docx whose styles (fonts, sizes, spacing) your office changed in "
              "Word. Empty: the built-in style of the document format."))
        self.templates_edit, self.templates_button, self.templates_clear_button = self._path_row(
            house_form, _("Wording templates folder:"), _o("templates_dir"), _("Built-in wording"),
            _("Choose folder…"),
            _("A folder of .j2 files that replace the app's wording templates of the same name. "
              "Empty: the built-in wording."))
        for pair in ((self.reference_button, self.templates_button),
                     (self.reference_clear_button, self.templates_clear_button)):
            width = max(button.sizeHint().width() for button in pair)  # so that both path fields line up
            for button in pair:
                button.setMinimumWidth(width)

        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)

        left = QVBoxLayout()
        left.addWidget(header)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(signature)
        right.addWidget(recipients, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        # Across both columns: paths are long, and so are the problems of a house-style file.
        layout.addWidget(house)
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
        self.preset_combo.currentIndexChanged.connect(self.on_preset_changed)
        self.reference_button.clicked.connect(self.on_choose_reference_clicked)
        self.templates_button.clicked.connect(self.on_choose_templates_clicked)
        self.reference_clear_button.clicked.connect(lambda: self.set_reference(""))
        self.templates_clear_button.clicked.connect(lambda: self.set_templates(""))
        self.fill_recipients_button.clicked.connect(self.on_fill_recipients_clicked)
        self.button_box.accepted.connect(self.on_accepted)
        self.button_box.rejected.connect(self.reject)
        self._check_reference()
        self._check_templates()
        self._show_paths()
        self._show_format_words()
        self._refresh()
        size = self.sizeHint()
        self.resize(max(size.width(), 940), size.height())

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
        self._row_labels[path] = row_label
        form.addRow(row_label, cell)

    def _path_row(self, form: QFormLayout, text: str, path: str, placeholder: str, choose_text: str,
                  tooltip: str) -> tuple[QLineEdit, QPushButton, QPushButton]:
        """A read-only path with "Choose…" and "Clear" buttons, and its problems under it."""
        edit = QLineEdit(readOnly=True)
        edit.setPlaceholderText(placeholder)
        choose = QPushButton(choose_text)
        choose.setToolTip(tooltip)
        # Translators: a button that stops using the chosen file or folder, going back to the built-in one.
        clear = QPushButton(_("Clear"))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(edit, 1)
        row_layout.addWidget(choose)
        row_layout.addWidget(clear)
        self._add_row(form, text, path, row)
        return edit, choose, clear

    def _load(self, org: Organisation) -> None:
        values = {
            _o("name"): org.name, _o("upper_body"): org.upper_body, _o("issuer_name"): org.issuer_name,
            _o("issuer_code"): org.issuer_code, _o("place"): org.place, _o("short_name"): org.short_name,
            _o("signature.authority"): org.signature.authority, _o("signature.position"): org.signature.position,
            _o("signature.name"): org.signature.name,
        }
        for path, value in values.items():
            self.edits[path].setText(value)
            self.edits[path].setCursorPosition(0)  # a long name shows its start, not its end
        self.recipients_edit.setPlainText("\n".join(org.recipients))

    # -- reading -----------------------------------------------------------------------------

    def _value(self, path: str, upper: bool = False) -> str:
        text = clean(self.edits[path].text())
        return text.upper() if upper else text

    def kind(self) -> OrgKind:
        """The kind chosen in the combo box."""
        return OrgKind(self.kind_combo.currentData())

    def preset(self) -> str:
        """The document format chosen (a Preset value: "party", "state" …)."""
        return str(self.preset_combo.currentData())

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
            name=value(_o("name")),
            short_name=value(_o("short_name")),
            upper_body=value(_o("upper_body")),
            issuer_name=value(_o("issuer_name")),
            kind=self.kind(),
            preset=self.preset(),
            reference_docx=self._reference,
            templates_dir=self._templates,
            issuer_code=value(_o("issuer_code")),
            place=value(_o("place")),
            signature=Signature(
                authority=value(_o("signature.authority")),
                position=value(_o("signature.position")),
                name=value(_o("signature.name")),
            ),
            recipients=self.recipients(),
        )

    def findings(self) -> list[Finding]:
        """The problems of the organisation as entered, with those of its house-style file and templates folder."""
        found = check_organisation(self.organisation())
        for file_findings in self._file_findings.values():
            found += file_findings
        return sorted(found, key=lambda f: -f.severity)

    def problem_label(self, path: str) -> QLabel:
        """The label under the field at path ("organisation.upper_body") that shows its problems."""
        return self._problem_labels[path]

    # -- slots -------------------------------------------------------------------------------

    def _touch(self, path: str) -> None:
        if path not in self._touched:
            self._touched.add(path)
            self._refresh()

    def on_recipients_changed(self) -> None:
        self._touched.add(_o("recipients"))
        self._refresh()

    def on_kind_changed(self, _index: int) -> None:
        """Follow the new kind's usual code, authority and recipients where the old kind's are still there."""
        old = self._kind
        self._kind = self.kind()
        self._follow_defaults(self._preset, old)
        self._show_examples()
        self._refresh()

    def on_preset_changed(self, _index: int) -> None:
        """Check by the new format's rules, and follow its usual code, authority and recipients where the
        old format's are still there."""
        old = self._preset
        self._preset = self.preset()
        self._follow_defaults(old, self._kind)
        self._check_reference()  # the page and margins it is compared with are the format's
        self._show_format_words()
        self._refresh()

    def _show_format_words(self) -> None:
        """Labels, examples and the recipients rule in the words of the chosen document format."""
        from app.domain.presets import conventions

        conv = conventions(self._preset)
        self.recipients_hint.setText(_(
            "One recipient per line. Every line starts with “- ” and ends with “{end}”; the last one, "
            "“{archive} …”, ends with “{last}”."
        ).format(end=conv.recipient_end, archive=conv.archive, last=conv.recipient_last_end))
        party = self._preset == "party"
        self._show_examples()
        label = self._form_label(_o("upper_body"))
        if label is not None:
            label.setText(_("Upper-level Party organisation:") if party else _("Upper-level body:"))

    def _show_examples(self) -> None:
        """Placeholders that show what a body of the chosen format and kind writes: a chi bộ sees a chi bộ."""
        example = _PARTY_EXAMPLES.get(self._kind, _DANG_BO_EXAMPLE)
        upper, issuer = example.upper_body, example.issuer_name
        if self._preset != "party":
            upper, issuer = _EXAMPLES.get(self._preset, _EXAMPLES["party"])
        placeholders = {
            _o("name"): example.name, _o("upper_body"): upper, _o("issuer_name"): issuer,
            _o("short_name"): example.short_name,
            _o("issuer_code"): usual_issuer_code(self._preset, self._kind) or "ĐU",
            _o("signature.authority"): usual_authority(self._preset, self._kind),
            _o("signature.position"): usual_position(self._preset),
        }
        for path, text in placeholders.items():
            self.edits[path].setPlaceholderText(text)
        if self._preset == "party":
            self.recipients_edit.setPlaceholderText(example.recipients)

    def _form_label(self, path: str) -> QLabel | None:
        return self._row_labels.get(path)

    def _follow_defaults(self, old_preset: str, old_kind: OrgKind) -> None:
        """Replace each field that holds the usual value of (old_preset, old_kind), or nothing, by the new one."""
        new_preset, new_kind = self._preset, self._kind
        for path, old, new in (
            (_o("issuer_code"), usual_issuer_code(old_preset, old_kind), usual_issuer_code(new_preset, new_kind)),
            (_o("signature.authority"), usual_authority(old_preset, old_kind), usual_authority(new_preset, new_kind)),
            (_o("signature.position"), usual_position(old_preset), usual_position(new_preset)),
        ):
            edit = self.edits[path]
            if old != new and clean(edit.text()).upper() in ("", old):
                edit.setText(new)
        old_recipients = usual_recipients(old_preset, old_kind)
        new_recipients = usual_recipients(new_preset, new_kind)
        if old_recipients != new_recipients and self.recipients() == old_recipients:
            self._set_recipients(new_recipients)

    def on_fill_recipients_clicked(self) -> None:
        self._set_recipients(usual_recipients(self.preset(), self.kind()))
        self.recipients_edit.setFocus()

    # -- house style ---------------------------------------------------------------------------

    def on_choose_reference_clicked(self) -> None:
        self._open_file_dialog(_("Choose the house-style file"), self._reference, directory=False,
                               chosen=self.set_reference)

    def on_choose_templates_clicked(self) -> None:
        self._open_file_dialog(_("Choose the folder of wording templates"), self._templates, directory=True,
                               chosen=self.set_templates)

    def _open_file_dialog(self, caption: str, current: str, directory: bool, chosen) -> None:
        start = Path(current).expanduser() if current else Path.home()
        folder = start if directory or not current else start.parent
        dialog = QFileDialog(self, caption, str(folder))
        if directory:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
            dialog.setNameFilter(_("Word documents (*.docx)"))
            if current:
                dialog.selectFile(str(start))
        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    def set_reference(self, path: str) -> None:
        """Use the house-style file at path ("" for the built-in style) and show what it lacks."""
        self._reference = path
        self._touched.add(_o("reference_docx"))
        self._check_reference()
        self._show_paths()
        self._refresh()

    def set_templates(self, path: str) -> None:
        """Use the templates folder at path ("" for the built-in wording) and show what is wrong in it."""
        self._templates = path
        self._touched.add(_o("templates_dir"))
        self._check_templates()
        self._show_paths()
        self._refresh()

    def _check_reference(self) -> None:
        # Imported here: python-docx is only needed once a house style is chosen.
        from app.services.export import check_house_style

        path = _o("reference_docx")
        self._file_findings[path] = check_house_style(Path(self._reference), self._preset) if self._reference else []

    def _check_templates(self) -> None:
        from app.services.export import check_template_folder

        path = _o("templates_dir")
        self._file_findings[path] = check_template_folder(Path(self._templates)) if self._templates else []

    def _show_paths(self) -> None:
        for edit, clear, value in ((self.reference_edit, self.reference_clear_button, self._reference),
                                   (self.templates_edit, self.templates_clear_button, self._templates)):
            edit.setText(value)
            edit.setCursorPosition(0)
            edit.setToolTip(value or edit.placeholderText())
            clear.setEnabled(bool(value))

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
        code = self._value(_o("issuer_code"), upper=True)
        conv = conventions(self._preset)
        number = conv.document_number(5, conv.report_type, code or "…")
        self.number_preview.setText(_("Printed as \"{number}\"").format(number=number))

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
