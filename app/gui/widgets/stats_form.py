"""The statistics form: one spin box per count, totals and percentages computed as the user types.

It fits the organisation: a chi bộ sees no figures about organisations under it and gives its own rating
as one choice; a đảng bộ sees the ratings of its chi bộ. The figures that follow from others (the closing
membership and its split, the totals of ratings and discipline) are filled in while she has not typed in
their boxes, and "Fill in from the movement" takes the closing membership from the movement in one click.

After a roll-up from the sub-units' reports (set_trace), each rolled-up figure says its parts in its tooltip; one
she types over is shaded, says the sum it replaced, and has a button that puts the sum back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import fields as F
from app.domain import numfmt
from app.domain.checks import DERIVED_FIELDS, MEMBERSHIP_CLOSING_FIELDS, applies, proposed_figure
from app.domain.fields import Field, FieldRef, label
from app.domain.findings import Finding, Severity
from app.domain.labels import labels_for, rating_field_label
from app.domain.organisation import OrgKind
from app.domain.ratings import LEVELS, Level, RatingCounts
from app.domain.report import Report
from app.domain.roster_stats import ROSTER_FIELDS, gives_counts
from app.domain.stat_groups import GROUPS, RATING_LEVELS
from app.gui.widgets.wheel_guard import guard_wheel_under
from app.i18n import N_, _

_LEVELS = RATING_LEVELS

SELF_RATING = Field.SELF_RATING
_STUDY_PARTICIPANTS = F.stat("party_life.study_participants")
_FEMALE = F.stat("membership.female")
_STAFF = F.stat("unit.staff")
_POPULATION = F.stat("unit.population")
# The group a chi bộ sees instead of the ratings of the chi bộ under a đảng bộ.
SELF_RATING_GROUP = N_("Rating of the Party cell")

_ERROR_STYLE = "QSpinBox, QLineEdit, QPlainTextEdit { border: 2px solid #c62828; }"
_WARNING_STYLE = "QSpinBox, QLineEdit, QPlainTextEdit { border: 2px solid #ef8f00; }"
_PREFIXES = {Severity.ERROR: "⛔ ", Severity.WARNING: "⚠ ", Severity.INFO: "ℹ "}
# A rolled-up figure she typed over: shaded, whatever border a finding gives it.
_OVERRIDE_BACKGROUND = "#fff1c2"


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
        self.fields: dict[FieldRef, QWidget] = {}
        self._computed: list[tuple[QLabel, Callable[[Report], str]]] = []
        self._group_notes: dict[str, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._trace: dict[FieldRef, str] = {}  # a rolled-up figure's parts, said in its tooltip
        self._sums: dict[FieldRef, int] = {}  # each rolled-up figure's value as the roll-up set it
        self.revert_buttons: dict[FieldRef, QToolButton] = {}  # "put the sum back", shown on a figure typed over
        self._shown_overrides: dict[FieldRef, int] = {}
        self._findings: list[Finding] = []
        self._rows: dict[FieldRef, tuple[QFormLayout, QHBoxLayout]] = {}
        # The figures that follow from others which she typed herself (or which held a figure when the
        # report was opened): those are hers and are never filled in for her.
        self._own: set[FieldRef] = set()
        self._kind: OrgKind | None = None
        self._loading = False
        self._row_labels: dict[FieldRef, QWidget] = {}
        inner = QWidget()
        column = QVBoxLayout(inner)
        for title, paths in GROUPS:
            column.addWidget(self._group(title, paths))
            if title == GROUPS[2][0]:
                column.addWidget(self._self_rating_group())
        column.addWidget(self._texts_group())
        column.addStretch(1)
        self.setWidget(inner)
        # A wheel turn over a number box scrolls the page unless she is in that box.
        guard_wheel_under(inner)

    def _group(self, title: str, paths: list[FieldRef]) -> QGroupBox:
        box = QGroupBox(_(title))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for path in paths:
            spin = QSpinBox(objectName=path.path)
            spin.setRange(0, 9_999_999)
            spin.setGroupSeparatorShown(True)
            spin.setAccelerated(True)
            spin.valueChanged.connect(lambda value, p=path: self.on_value_changed(p, value))
            self.fields[path] = spin
            row = QHBoxLayout()
            row.addWidget(spin)
            revert = QToolButton(objectName=f"revert:{path.path}")
            revert.setAutoRaise(True)
            revert.hide()
            revert.clicked.connect(lambda _checked=False, p=path: self.revert_to_sum(p))
            self.revert_buttons[path] = revert
            row.addWidget(revert)
            extra = self._computed_for(path)
            if extra is not None:
                row.addWidget(extra)
            row.addStretch(1)
            text = label(path)
            form.addRow(text[:1].upper() + text[1:], row)
            self._row_labels[path] = form.labelForField(row)
            self._rows[path] = (form, row)
        note = QLabel(wordWrap=True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.hide()
        form.addRow(note)
        self._group_notes[title] = note
        for summary in self._summaries_for(title):
            form.addRow(summary)
        if title == GROUPS[1][0]:
            self.fill_closing_button = QPushButton(_("Fill in the end of the period from the movement"))
            self.fill_closing_button.setObjectName("fill_closing")
            self.fill_closing_button.setToolTip(_(
                "Put the members at the end, and how many of them are full and probationary members, as the "
                "movement gives them. Figures you typed there are replaced."))
            self.fill_closing_button.clicked.connect(self.on_fill_closing_clicked)
            button_row = QHBoxLayout()
            button_row.addWidget(self.fill_closing_button)
            button_row.addStretch(1)
            form.addRow(button_row)
        self._groups[title] = box
        return box

    def _self_rating_group(self) -> QGroupBox:
        """The level the chi bộ proposes for itself: one choice, or none said."""
        box = QGroupBox(_(SELF_RATING_GROUP))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.self_rating = QComboBox(objectName=SELF_RATING.path)
        self.self_rating.setToolTip(_("The level the Party cell rates itself at; the Party committee above "
                                      "decides. It is printed as the Party cell's proposal."))
        self.self_rating.currentIndexChanged.connect(self.on_self_rating_changed)
        self.fields[SELF_RATING] = self.self_rating
        text = label(SELF_RATING)
        form.addRow(text[:1].upper() + text[1:], self.self_rating)
        self._groups[SELF_RATING_GROUP] = box
        return box

    def _fill_self_rating(self, report: Report) -> None:
        """The four levels in the wording of the report's year, and "not said"; the report's own chosen."""
        combo = self.self_rating
        combo.clear()
        combo.addItem(_("(not said)"), None)
        names = labels_for(report.year, report.reference_date).organisation_levels
        for level in LEVELS:
            combo.addItem(names[level][:1].upper() + names[level][1:], level.value)
        chosen = report.stats.ratings.self_rating
        combo.setCurrentIndex(0 if chosen is None else combo.findData(chosen.value))

    def _computed_for(self, ref: FieldRef) -> QLabel | None:
        """A label beside a field showing its share, recomputed from the counts on every change."""
        who, level = ref.parts[1:-1], ref.parts[-1]
        if len(who) == 2 and who[0] == "ratings" and level in _LEVELS:
            index = _LEVELS.index(str(level))

            def share(report: Report, who: str = str(who[1]), index: int = index) -> str:
                counts = getattr(report.stats.ratings, who)
                return numfmt.breakdown_of([getattr(counts, lv) for lv in _LEVELS])[index]

            return self._computed_label(share)
        if ref == _STUDY_PARTICIPANTS:
            return self._computed_label(lambda r: numfmt.percent_of(
                r.stats.party_life.study_participants, r.stats.party_life.study_members))
        if ref == _FEMALE:
            return self._computed_label(lambda r: numfmt.percent_of(
                r.stats.membership.female, r.stats.membership.closing_total))
        if ref in (_STAFF, _POPULATION):
            # The members' share of the staff (or of the people), as the report words it.
            def members_share(report: Report, whole: FieldRef = ref) -> str:
                value = int(whole.get(report))
                return _("members: {share}").format(share=numfmt.percent_of(
                    report.stats.membership.closing_total, value)) if value else ""

            return self._computed_label(members_share)
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
            who = "organisations" if title == GROUPS[2][0] else "members"

            def rated(r: Report) -> str:
                counts: RatingCounts = getattr(r.stats.ratings, who)  # organisations or members
                return _("Rated: {rated}; with those not rated: {all}").format(
                    rated=numfmt.number(counts.rated), all=numfmt.number(counts.rated + counts.not_rated))

            return [self._computed_label(rated)]
        if title == GROUPS[5][0]:
            return [self._computed_label(lambda r: _("Sum of the forms: {n}").format(
                n=numfmt.number(r.stats.discipline.members.forms_sum)))]
        return []

    def _texts_group(self) -> QGroupBox:
        box = QGroupBox(_("Annual theme and commendations"))
        form = QFormLayout(box)
        theme = QLineEdit(objectName=Field.ANNUAL_THEME.path)
        theme.setPlaceholderText(_("The theme of the year, without quotation marks"))
        theme.textEdited.connect(lambda text: self.on_text_changed(Field.ANNUAL_THEME, text))
        self.fields[Field.ANNUAL_THEME] = theme
        form.addRow(_("Annual theme"), theme)
        commendations = QPlainTextEdit(objectName=Field.COMMENDATIONS.path)
        commendations.setPlaceholderText(_("One commendation per line"))
        commendations.setFixedHeight(90)
        commendations.textChanged.connect(self._on_commendations_changed)
        self.fields[Field.COMMENDATIONS] = commendations
        form.addRow(_("Commendations"), commendations)
        return box

    def set_report(self, report: Report | None) -> None:
        """Show report's figures (None clears the form), only those its organisation's kind reports."""
        if report is not self.report:
            self._trace, self._sums = {}, {}
        self.report = report
        if report is None:
            return
        for path, row_label in self._row_labels.items():
            # Rating levels are named in the wording of the report's year (templates/labels/ratings.toml).
            if isinstance(row_label, QLabel) and (dated := rating_field_label(path, report.year)):
                row_label.setText(dated[:1].upper() + dated[1:])
        self._show_kind(report.organisation.kind)
        self._loading = True
        try:
            self._fill_self_rating(report)
            for path, widget in self.fields.items():
                if path == SELF_RATING:
                    continue
                value = path.get(report)
                if isinstance(widget, QSpinBox):
                    widget.setValue(int(value))
                elif isinstance(widget, QLineEdit):
                    widget.setText(value)
                elif isinstance(widget, QPlainTextEdit):
                    widget.setPlainText("\n".join(value))
        finally:
            self._loading = False
        # Opening a report changes nothing in it: a figure already there counts as hers.
        self._own = {ref for ref in DERIVED_FIELDS if ref.get(report)}
        self._show_roster_mode()
        self.refresh_computed()
        self._show_overrides(force=True)  # showing the rows (_show_kind) showed every button in them

    def show_figures(self) -> None:
        """Show the counts again after the member list changed them (or stopped giving them)."""
        if self.report is None:
            return
        self._loading = True
        try:
            for path in ROSTER_FIELDS:
                spin = self.fields.get(path)
                if isinstance(spin, QSpinBox):
                    spin.setValue(int(path.get(self.report)))
        finally:
            self._loading = False
        self._show_roster_mode()
        self.refresh_computed()
        self.show_findings(self._findings)

    def _from_roster(self) -> bool:
        return self.report is not None and gives_counts(self.report.roster)

    def _show_roster_mode(self) -> None:
        """The counts the member list gives are read-only while it is in use."""
        computed = self._from_roster()
        for path in ROSTER_FIELDS:
            spin = self.fields.get(path)
            if isinstance(spin, QSpinBox):
                # Read-only keeps the box's size and its arrows (inactive): without them a marked box showed no value.
                spin.setReadOnly(computed)
        self.fill_closing_button.setVisible(not computed)

    def _show_kind(self, kind: OrgKind) -> None:
        """Show the rows and groups a body of kind reports; the others keep their values, hidden."""
        self._kind = kind
        for path, (form, row) in self._rows.items():
            form.setRowVisible(row, applies(path, kind))
        for title, paths in GROUPS:
            self._groups[title].setVisible(any(applies(path, kind) for path in paths))
        self._groups[SELF_RATING_GROUP].setVisible(applies(SELF_RATING, kind))

    def widget_for(self, ref: FieldRef | str) -> QWidget | None:
        """The widget that shows the field ref (a FieldRef or its dotted path); None when the form has none."""
        return self.fields.get(F.parse(ref) if isinstance(ref, str) else ref)

    def is_shown(self, ref: FieldRef | str) -> bool:
        """True when the form offers the field ref for the report's organisation."""
        ref = F.parse(ref) if isinstance(ref, str) else ref
        return ref in self.fields and (self._kind is None or applies(ref, self._kind))

    def on_value_changed(self, path: FieldRef, value: int) -> None:
        if self._loading or self.report is None:
            return
        path.set(self.report, value)
        if path in DERIVED_FIELDS:
            self._own.add(path)  # she typed here: it is hers from now on
        self._follow()
        self.refresh_computed()
        self._show_overrides()
        self.edited.emit()

    def _follow(self) -> None:
        """Fill in each figure that follows from others and is not hers, in order (the split after the total)."""
        assert self.report is not None
        for path in DERIVED_FIELDS:
            if path in self._own or not self.is_shown(path) or (self._from_roster() and path in ROSTER_FIELDS):
                continue
            value = proposed_figure(self.report, path)
            self._set_figure(path, 0 if value is None else value)

    def _set_figure(self, path: FieldRef, value: int) -> None:
        assert self.report is not None
        if path.get(self.report) == value:
            return
        path.set(self.report, value)
        spin = self.fields[path]
        assert isinstance(spin, QSpinBox)
        self._loading = True
        try:
            spin.setValue(value)
        finally:
            self._loading = False

    def on_fill_closing_clicked(self) -> None:
        """Take the closing membership and its split from the movement, over what was typed there."""
        if self.report is None:
            return
        self._own -= set(MEMBERSHIP_CLOSING_FIELDS)
        self._follow()
        self.refresh_computed()
        self._show_overrides()
        self.edited.emit()

    def on_self_rating_changed(self, _index: int) -> None:
        if self._loading or self.report is None:
            return
        value = self.self_rating.currentData()
        self.report.stats.ratings.self_rating = None if value is None else Level(value)
        self.edited.emit()

    def on_text_changed(self, path: FieldRef, text: str) -> None:
        if self._loading or self.report is None:
            return
        path.set(self.report, text.strip())
        self.edited.emit()

    def _on_commendations_changed(self) -> None:
        if self._loading or self.report is None:
            return
        box = self.fields[Field.COMMENDATIONS]
        assert isinstance(box, QPlainTextEdit)
        text = box.toPlainText()
        self.report.stats.party_life.commendations = [ln.strip() for ln in text.splitlines() if ln.strip()]
        self.edited.emit()

    def refresh_computed(self) -> None:
        if self.report is None:
            return
        for lab, fn in self._computed:
            lab.setText(fn(self.report))
        self.fill_closing_button.setEnabled(any(
            (value := proposed_figure(self.report, ref)) is not None and value != ref.get(self.report)
            for ref in MEMBERSHIP_CLOSING_FIELDS))

    def set_trace(self, trace: dict[str, list[tuple[str, int]]], sums: dict[str, int] | None = None) -> None:
        """Say in each rolled-up figure's tooltip the sub-units' figures it adds up, and mark each figure that differs
        from its rolled-up value in sums (kept while the report is open; the roll-up's record brings it back when
        the report is opened again)."""
        self._trace, self._sums = {}, {}
        for path, parts in trace.items():
            try:
                ref = F.parse(path)
            except F.UnknownField:
                continue
            if ref in self.fields and parts:
                self._trace[ref] = _("From the sub-units' reports:") + "\n" + "\n".join(
                    f"{name}: {value}" for name, value in parts)
        for path, total in (sums or {}).items():
            try:
                ref = F.parse(path)
            except F.UnknownField:
                continue
            if isinstance(self.fields.get(ref), QSpinBox):
                self._sums[ref] = total
        self._show_overrides(force=True)

    def overridden(self) -> dict[FieldRef, int]:
        """Each rolled-up figure she typed over, with the sum it replaced."""
        if self.report is None:
            return {}
        return {ref: total for ref, total in self._sums.items() if ref.get(self.report) != total}

    def revert_to_sum(self, ref: FieldRef) -> None:
        """Put the rolled-up value back into a figure she typed over (one click on its button)."""
        total = self._sums.get(ref)
        spin = self.fields.get(ref)
        if total is not None and isinstance(spin, QSpinBox):
            spin.setValue(total)  # on_value_changed stores it and says the report changed

    def _show_overrides(self, *, force: bool = False) -> None:
        """Show which rolled-up figures she typed over; nothing is redrawn while that set is unchanged (typing)."""
        overridden = self.overridden()
        if overridden == self._shown_overrides and not force:
            return
        self._shown_overrides = overridden
        for ref, button in self.revert_buttons.items():
            total = overridden.get(ref)
            button.setVisible(total is not None)
            if total is not None:
                button.setText(_("↺ Sum {sum}").format(sum=numfmt.number(total)))
                button.setToolTip(_("Typed by hand; the sub-units' reports add up to {sum}.").format(
                    sum=numfmt.number(total)) + "\n" + _(
                    "Click to put back the sum of the sub-units' reports, {sum}.").format(sum=numfmt.number(total)))
        self.show_findings(self._findings)

    def show_findings(self, findings: list[Finding]) -> None:
        """Mark each field a finding names, and list the messages under its group.

        An error or a warning marks every field it names; a figure not entered yet (INFO) is only said, under its
        group and in the field's tooltip. A rolled-up figure she typed over is shaded and says so in its tooltip.
        """
        self._findings = findings
        worst: dict[FieldRef, Severity] = {}
        messages: dict[str, list[str]] = {title: [] for title, _paths in GROUPS}
        named: list[tuple[Finding, tuple[FieldRef, ...]]] = [(f, tuple(map(F.parse, f.fields))) for f in findings]
        for finding, refs in named:
            marked = refs if finding.severity > Severity.INFO else ()
            for ref in marked:
                if ref in self.fields:
                    worst[ref] = max(worst.get(ref, finding.severity), finding.severity)
            group = next((t for t, paths in GROUPS if refs and refs[0] in paths), None)
            if group is not None:
                messages[group].append(_PREFIXES[finding.severity] + finding.message)
        styles = {Severity.ERROR: _ERROR_STYLE, Severity.WARNING: _WARNING_STYLE}
        overridden = self.overridden()
        for path, widget in self.fields.items():
            if path == SELF_RATING:
                continue
            severity = worst.get(path)
            style = "" if severity is None else styles[severity]
            notes = [f.message for f, refs in named if path in refs]
            if path in overridden:
                style += f" QSpinBox {{ background: {_OVERRIDE_BACKGROUND}; }}"
                notes.insert(0, _("Typed by hand; the sub-units' reports add up to {sum}.").format(
                    sum=numfmt.number(overridden[path])))
            if self._from_roster() and path in ROSTER_FIELDS:
                notes.insert(0, _("Computed from the member list."))
            widget.setStyleSheet(style.strip())
            widget.setToolTip("\n".join(notes + ([self._trace[path]] if path in self._trace else [])))
        for title, note in self._group_notes.items():
            note.setText("\n".join(messages[title]))
            note.setVisible(bool(messages[title]))

    def focus_field(self, ref: FieldRef | str) -> bool:
        """Scroll to and focus the widget of the field ref; False when the form has no such field.

        An item of a list (commendation 2) is shown in the list's box.
        """
        ref = F.parse(ref) if isinstance(ref, str) else ref
        widget = self.fields.get(ref)
        if widget is None and isinstance(ref.parts[-1], int):
            widget = self.fields.get(FieldRef(ref.kind, ref.parts[:-1]))
        if widget is None:
            return False
        self.ensureWidgetVisible(widget, 50, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QSpinBox):
            widget.selectAll()
        return True
