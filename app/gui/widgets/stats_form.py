"""The statistics form: one spin box per count, totals and percentages computed as the user types."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import numfmt
from app.domain.checks import label
from app.domain.findings import Finding, Severity
from app.domain.labels import rating_field_label
from app.domain.report import Report
from app.gui.widgets.paths import get_path, set_path
from app.i18n import N_, _

S = "stats."
M = "stats.membership."
RO = "stats.ratings.organisations."
RM = "stats.ratings.members."
I = "stats.inspection."
D = "stats.discipline."
P = "stats.party_life."
_LEVELS = ("excellent", "good", "complete", "not_complete")

# (group title, [field paths]); every field is a count ≥ 0, labelled through checks.FIELD_LABELS.
GROUPS: list[tuple[str, list[str]]] = [
    (N_("Organisation"), [S + "units"]),
    (N_("Membership movement"), [M + f for f in (
        "opening_total", "opening_probationary", "admitted", "transferred_in", "transferred_in_probationary",
        "transferred_out", "transferred_out_probationary", "deceased", "struck_off", "struck_off_probationary",
        "expelled", "left_party", "recognised_official", "closing_total", "closing_official",
        "closing_probationary", "female", "exempt", "temporary_in", "temporary_out", "candidates_trained",
        "candidates")]),
    (N_("Ratings of Party cells"), [RO + f for f in ("total", *_LEVELS, "not_rated", "exemplary")]),
    (N_("Ratings of members"), [RM + f for f in ("total", *_LEVELS, "not_rated", "exemplary")]),
    (N_("Inspection and supervision"), [I + f for f in (
        "scheduled.organisations", "scheduled.members", "topical_supervision.organisations",
        "topical_supervision.members", "regular_supervision.organisations", "regular_supervision.members",
        "violation_signs.organisations", "violation_signs.members", "lower_level_tasks", "finance", "dues",
        "denunciations", "complaints", "members_violating", "members_to_discipline")]),
    (N_("Discipline"), [D + f for f in (
        "members.total", "members.reprimand", "members.warning", "members.removal", "members.expulsion",
        "members.probationary", "organisations.total", "organisations.reprimand", "organisations.warning",
        "organisations.dissolution")]),
    (N_("Study and Party life"), [P + f for f in (
        "resolutions_studied", "study_participants", "study_members", "meetings_held", "meetings_required",
        "thematic_meetings", "theme_plan_units")]),
]

_ERROR_STYLE = "QSpinBox, QLineEdit, QPlainTextEdit { border: 2px solid #c62828; }"
_WARNING_STYLE = "QSpinBox, QLineEdit, QPlainTextEdit { border: 2px solid #ef8f00; }"


class StatsForm(QScrollArea):
    """All figures of the report; every change updates the report and the computed lines at once.

    Signals:
        edited(): a figure or statistic text changed (the report object is already updated).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.report: Report | None = None
        self.fields: dict[str, QWidget] = {}
        self._computed: list[tuple[QLabel, Callable[[Report], str]]] = []
        self._group_notes: dict[str, QLabel] = {}
        self._loading = False
        self._row_labels: dict[str, QWidget] = {}
        inner = QWidget()
        column = QVBoxLayout(inner)
        for title, paths in GROUPS:
            column.addWidget(self._group(title, paths))
        column.addWidget(self._texts_group())
        column.addStretch(1)
        self.setWidget(inner)

    def _group(self, title: str, paths: list[str]) -> QGroupBox:
        box = QGroupBox(_(title))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for path in paths:
            spin = QSpinBox(objectName=path)
            spin.setRange(0, 9_999_999)
            spin.setGroupSeparatorShown(True)
            spin.setAccelerated(True)
            spin.valueChanged.connect(lambda value, p=path: self.on_value_changed(p, value))
            self.fields[path] = spin
            row = QHBoxLayout()
            row.addWidget(spin)
            extra = self._computed_for(path)
            if extra is not None:
                row.addWidget(extra)
            row.addStretch(1)
            text = label(path)
            form.addRow(text[:1].upper() + text[1:], row)
            self._row_labels[path] = form.labelForField(row)
        note = QLabel(wordWrap=True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.hide()
        form.addRow(note)
        self._group_notes[title] = note
        for summary in self._summaries_for(title):
            form.addRow(summary)
        return box

    def _computed_for(self, path: str) -> QLabel | None:
        """A label beside a field showing its share, recomputed from the counts on every change."""
        for prefix in (RO, RM):
            level = path.removeprefix(prefix)
            if path.startswith(prefix) and level in _LEVELS:
                index = _LEVELS.index(level)

                def share(report: Report, prefix=prefix, index=index) -> str:
                    counts = get_path(report, prefix[:-1])
                    return numfmt.breakdown_of([getattr(counts, lv) for lv in _LEVELS])[index]

                return self._computed_label(share)
        if path == P + "study_participants":
            return self._computed_label(lambda r: numfmt.percent_of(
                r.stats.party_life.study_participants, r.stats.party_life.study_members))
        if path == M + "female":
            return self._computed_label(lambda r: numfmt.percent_of(
                r.stats.membership.female, r.stats.membership.closing_total))
        return None

    def _computed_label(self, fn: Callable[[Report], str]) -> QLabel:
        lab = QLabel()
        lab.setMinimumWidth(60)
        self._computed.append((lab, fn))
        return lab

    def _summaries_for(self, title: str) -> list[QLabel]:
        """Lines under a group that show the totals the checks expect."""
        if title == GROUPS[1][0]:
            return [
                self._computed_label(lambda r: _("By the movement, members at the end: {n}").format(
                    n=numfmt.number(r.stats.membership.expected_closing_total))),
                self._computed_label(lambda r: _("Full + probationary members at the end: {n}").format(
                    n=numfmt.number(r.stats.membership.closing_official + r.stats.membership.closing_probationary))),
                self._computed_label(lambda r: _("By the movement, probationary members at the end: {n}").format(
                    n=numfmt.number(r.stats.membership.expected_closing_probationary))),
            ]
        if title in (GROUPS[2][0], GROUPS[3][0]):
            prefix = RO if title == GROUPS[2][0] else RM
            return [self._computed_label(lambda r, p=prefix: _("Rated: {rated}; with those not rated: {all}").format(
                rated=numfmt.number(get_path(r, p[:-1]).rated),
                all=numfmt.number(get_path(r, p[:-1]).rated + get_path(r, p[:-1]).not_rated)))]
        if title == GROUPS[5][0]:
            return [self._computed_label(lambda r: _("Sum of the forms: {n}").format(
                n=numfmt.number(r.stats.discipline.members.forms_sum)))]
        return []

    def _texts_group(self) -> QGroupBox:
        box = QGroupBox(_("Annual theme and commendations"))
        form = QFormLayout(box)
        theme = QLineEdit(objectName=P + "annual_theme")
        theme.setPlaceholderText(_("The theme of the year, without quotation marks"))
        theme.textEdited.connect(lambda text: self.on_text_changed(P + "annual_theme", text))
        self.fields[P + "annual_theme"] = theme
        form.addRow(_("Annual theme"), theme)
        commendations = QPlainTextEdit(objectName=P + "commendations")
        commendations.setPlaceholderText(_("One commendation per line"))
        commendations.setFixedHeight(90)
        commendations.textChanged.connect(self._on_commendations_changed)
        self.fields[P + "commendations"] = commendations
        form.addRow(_("Commendations"), commendations)
        return box

    def set_report(self, report: Report | None) -> None:
        """Show report's figures (None clears the form)."""
        self.report = report
        if report is None:
            return
        for path, row_label in self._row_labels.items():
            # Rating levels are named in the wording of the report's year (templates/labels/ratings.toml).
            if isinstance(row_label, QLabel) and (dated := rating_field_label(path, report.year)):
                row_label.setText(dated[:1].upper() + dated[1:])
        self._loading = True
        try:
            for path, widget in self.fields.items():
                value = get_path(report, path)
                if isinstance(widget, QSpinBox):
                    widget.setValue(int(value))
                elif isinstance(widget, QLineEdit):
                    widget.setText(value)
                elif isinstance(widget, QPlainTextEdit):
                    widget.setPlainText("\n".join(value))
        finally:
            self._loading = False
        self.refresh_computed()

    def on_value_changed(self, path: str, value: int) -> None:
        if self._loading or self.report is None:
            return
        set_path(self.report, path, value)
        self.refresh_computed()
        self.edited.emit()

    def on_text_changed(self, path: str, text: str) -> None:
        if self._loading or self.report is None:
            return
        set_path(self.report, path, text.strip())
        self.edited.emit()

    def _on_commendations_changed(self) -> None:
        if self._loading or self.report is None:
            return
        text = self.fields[P + "commendations"].toPlainText()
        self.report.stats.party_life.commendations = [ln.strip() for ln in text.splitlines() if ln.strip()]
        self.edited.emit()

    def refresh_computed(self) -> None:
        if self.report is None:
            return
        for lab, fn in self._computed:
            lab.setText(fn(self.report))

    def show_findings(self, findings: list[Finding]) -> None:
        """Mark each field a finding names, and list the messages under its group."""
        worst: dict[str, Severity] = {}
        messages: dict[str, list[str]] = {title: [] for title, _paths in GROUPS}
        for finding in findings:
            for path in finding.fields:
                if path in self.fields:
                    worst[path] = max(worst.get(path, finding.severity), finding.severity)
            group = next((t for t, paths in GROUPS if finding.fields and finding.fields[0] in paths), None)
            if group is not None:
                messages[group].append(("⛔ " if finding.is_error else "⚠ ") + finding.message)
        for path, widget in self.fields.items():
            severity = worst.get(path)
            widget.setStyleSheet("" if severity is None else
                                 _ERROR_STYLE if severity >= Severity.ERROR else _WARNING_STYLE)
            widget.setToolTip("\n".join(f.message for f in findings if path in f.fields))
        for title, note in self._group_notes.items():
            note.setText("\n".join(messages[title]))
            note.setVisible(bool(messages[title]))

    def focus_field(self, path: str) -> bool:
        """Scroll to and focus the widget of path; False when the form has no such field."""
        widget = self.fields.get(path)
        if widget is None:
            return False
        self.ensureWidgetVisible(widget, 50, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QSpinBox):
            widget.selectAll()
        return True
