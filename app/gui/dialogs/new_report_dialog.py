"""Start a report: its year, kind and period, blank or carried over from one of the organisation's earlier reports."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.period import PERIOD_KIND_LABELS, YEAR_PERIODS, PeriodKind, next_term, term_years
from app.domain.report import REPORT_KIND_LABELS, ReportKind, period_kind_of
from app.gui.widgets.wheel_guard import guard_wheel
from app.i18n import _
from app.services.reports import ReportSummary

FIRST_YEAR, LAST_YEAR = 1930, 2100

# Order of the periods within a year, to find the most recent report: mid-year, mid-term, year-end, then the
# reports to the congress at the end of the term.
_PERIOD_ORDER = {ReportKind.SIX_MONTH: 0, ReportKind.MID_TERM: 1, ReportKind.YEAR_END: 2,
                 ReportKind.CONGRESS_POLITICAL: 3, ReportKind.COMMITTEE_SELF_REVIEW: 3}
# Kinds whose period is a term: the dialog asks for its first and last year.
_TERM_KINDS = (ReportKind.MID_TERM, ReportKind.CONGRESS_POLITICAL, ReportKind.COMMITTEE_SELF_REVIEW)
TERM_YEARS = 5  # a committee's usual term (Điều lệ Đảng), proposed when no earlier report names one


def _period(kind: ReportKind, year: int) -> str:
    # Translators: a report in a list, "Tổng kết năm 2024": the kind of report, then its year.
    return _("{kind} {year}").format(kind=_(REPORT_KIND_LABELS[kind]), year=year)


def describe(summary: ReportSummary) -> str:
    """ "Tổng kết năm 2024", "Tổng kết năm học 2024 - 2025": the report's kind and period as the user knows it."""
    if summary.kind.is_congress and summary.term:
        # Translators: a report to the congress in a list, "Báo cáo chính trị trình Đại hội, nhiệm kỳ 2020 - 2025".
        return _("{kind}, term {term}").format(kind=_(REPORT_KIND_LABELS[summary.kind]), term=summary.term)
    if period_kind_of(summary.kind, summary.period_kind) is PeriodKind.SCHOOL_YEAR:
        # Translators: a school's year-end report in a list, "Tổng kết năm học 2024 - 2025".
        return _("Year-end review of the school year {first} - {last}").format(
            first=summary.year, last=summary.year + 1)
    return _period(summary.kind, summary.year)


def proposed_period(previous: list[ReportSummary]) -> PeriodKind:
    """The period a new year-end report covers: the one the newest year-end report covered, else a calendar year."""
    year_end = [s for s in most_recent_first(previous) if s.kind is ReportKind.YEAR_END]
    return year_end[0].period_kind if year_end and year_end[0].period_kind in YEAR_PERIODS \
        else PeriodKind.CALENDAR_YEAR


def proposed_term(previous: list[ReportSummary], this_year: int) -> tuple[int, int]:
    """(first, last) year of the term a report to the congress covers: the newest report's term, or the one after it
    when that report was itself the congress's; (this_year - 5, this_year) without a report naming a term."""
    for summary in most_recent_first(previous):
        years = term_years(next_term(summary.term) if summary.kind.is_congress else summary.term)
        if years is not None:
            return years
    return this_year - TERM_YEARS, this_year


def _period_key(kind: ReportKind, year: int) -> tuple[int, int]:
    return year, _PERIOD_ORDER.get(kind, 0)


def proposed_year(previous: list[ReportSummary], this_year: int) -> int:
    """The year of the report that comes next: the year after the newest year-end report, the same year after
    a six-month or mid-term one (its year-end report is still to write); this_year without reports."""
    if not previous:
        return this_year
    newest = most_recent_first(previous)[0]
    return newest.year + 1 if newest.kind is ReportKind.YEAR_END else newest.year


def most_recent_first(previous: list[ReportSummary]) -> list[ReportSummary]:
    """previous by period, the latest first; reports of the same period by last change."""
    by_change = sorted(previous, key=lambda s: s.updated_at, reverse=True)
    return sorted(by_change, key=lambda s: _period_key(s.kind, s.year), reverse=True)


class NewReportDialog(QDialog):
    """Ask for the year, kind and period of a new report and whether it starts blank or from an earlier one.

    A year-end report covers a calendar year or a school year (September to August, starting in the year
    chosen); the period proposed is the newest year-end report's (proposed_period).

    Starting from an earlier report keeps its outline and texts, signature and recipients (see
    services.reports.carry_over). That choice is disabled when the organisation has no report yet.
    The year proposed is the one after the organisation's newest report (proposed_year), else this_year.

    Signals:
        report_requested(int, str, object, str, str): the year, the ReportKind value, the id of the report
            to start from (None for a blank report), the PeriodKind value and the term ("2020 - 2025"; "" for a
            report whose period is not a term), when OK is clicked.

    A report whose period is a term (mid-term, and the two reports to a congress) asks for the term's first and
    last year; a report to the congress is of the term's last year, and its title names the next term.
    """

    report_requested = Signal(int, str, object, str, str)

    def __init__(self, organisation_name: str, previous: list[ReportSummary], this_year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New report"))
        self._previous = most_recent_first(previous)

        organisation = QLabel(_("Organisation: {name}").format(name=organisation_name))
        organisation.setWordWrap(True)
        font = organisation.font()
        font.setBold(True)
        organisation.setFont(font)

        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR, LAST_YEAR)
        self.year_spin.setGroupSeparatorShown(False)
        self.year_spin.setValue(min(max(proposed_year(previous, this_year), FIRST_YEAR), LAST_YEAR))
        self.kind_combo = QComboBox()
        for kind in ReportKind:
            self.kind_combo.addItem(_(REPORT_KIND_LABELS[kind]), kind.value)
        self.period_combo = QComboBox()
        for period in YEAR_PERIODS:
            self.period_combo.addItem(_(PERIOD_KIND_LABELS[period]), period.value)
        self._year_period = YEAR_PERIODS.index(proposed_period(previous))
        self.period_combo.setCurrentIndex(self._year_period)
        self.period_combo.setToolTip(_("A school's chi bộ reports on the school year: its title, part titles "
                                       "and sentences then say \"năm học\"."))
        first, last = proposed_term(previous, this_year)
        self.term_from_spin = QSpinBox()
        self.term_to_spin = QSpinBox()
        for spin, value in ((self.term_from_spin, first), (self.term_to_spin, last)):
            spin.setRange(FIRST_YEAR, LAST_YEAR)
            spin.setGroupSeparatorShown(False)
            spin.setValue(min(max(value, FIRST_YEAR), LAST_YEAR))
        self.term_from_spin.setAccessibleName(_("First year of the term"))
        self.term_to_spin.setAccessibleName(_("Last year of the term"))
        self.term_row = QWidget()
        term_layout = QHBoxLayout(self.term_row)
        term_layout.setContentsMargins(0, 0, 0, 0)
        term_layout.addWidget(self.term_from_spin)
        term_layout.addWidget(QLabel("-"))
        term_layout.addWidget(self.term_to_spin)
        term_layout.addStretch(1)
        self.term_row.setToolTip(_("The committee's term: a report to the congress covers it whole, and its title "
                                   "names the next term."))
        guard_wheel(self.year_spin, self.kind_combo, self.period_combo, self.term_from_spin, self.term_to_spin)
        form = QFormLayout()
        form.addRow(_("Year:"), self.year_spin)
        form.addRow(_("Kind of report:"), self.kind_combo)
        form.addRow(_("Period:"), self.period_combo)
        self.term_label = QLabel(_("Term:"))
        form.addRow(self.term_label, self.term_row)

        start = QGroupBox(_("Start"))
        self.blank_radio = QRadioButton(_("Start from a blank report"))
        self.previous_radio = QRadioButton(_("Start from the previous period's report"))
        self.previous_radio.setToolTip(_("Keeps its outline and texts, signature and recipients; "
                                         "the figures of the new period start empty."))
        self.start_group = QButtonGroup(self)
        self.start_group.addButton(self.blank_radio)
        self.start_group.addButton(self.previous_radio)
        self.previous_combo = QComboBox()
        for summary in self._previous:
            self.previous_combo.addItem(describe(summary), summary.id)
        self.previous_combo.setAccessibleName(_("Report to start from"))
        self.previous_combo.setPlaceholderText(_("No earlier report"))
        # The combo follows the period (the latest report before it) until the user picks one.
        self._previous_picked = False
        start_layout = QVBoxLayout(start)
        start_layout.addWidget(self.blank_radio)
        start_layout.addWidget(self.previous_radio)
        previous_row = QFormLayout()
        previous_row.setContentsMargins(24, 0, 0, 0)
        previous_row.addRow(self.previous_combo)
        start_layout.addLayout(previous_row)
        if self._previous:
            self.previous_radio.setChecked(True)
        else:
            self.blank_radio.setChecked(True)
            self.previous_radio.setEnabled(False)
            self.previous_radio.setToolTip(_("This organisation has no earlier report yet."))

        self.duplicate_label = QLabel()
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setStyleSheet("color: #8a5a00;")
        self.duplicate_label.setVisible(False)

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create"))

        layout = QVBoxLayout(self)
        layout.addWidget(organisation)
        layout.addLayout(form)
        layout.addWidget(self.duplicate_label)
        layout.addWidget(start)
        layout.addStretch(1)
        layout.addWidget(self.button_box)

        self.previous_radio.toggled.connect(self.on_start_toggled)
        self.year_spin.valueChanged.connect(self.on_period_changed)
        self.kind_combo.currentIndexChanged.connect(self.on_period_changed)
        self.period_combo.currentIndexChanged.connect(self.on_period_changed)
        self.term_from_spin.valueChanged.connect(self.on_period_changed)
        self.term_to_spin.valueChanged.connect(self.on_period_changed)
        self.previous_combo.activated.connect(self.on_previous_activated)
        self.button_box.accepted.connect(self.on_accepted)
        self.button_box.rejected.connect(self.reject)
        self.on_start_toggled(self.previous_radio.isChecked())
        self.on_period_changed()
        self.setMinimumWidth(440)

    def kind(self) -> ReportKind:
        """The kind chosen in the combo box."""
        return ReportKind(self.kind_combo.currentData())

    def period_kind(self) -> PeriodKind:
        """The period the report covers: the one chosen for a year-end report, the kind's own otherwise."""
        chosen = self.period_combo.currentData()  # None while another kind of report names its own period
        return period_kind_of(self.kind(), PeriodKind(chosen) if chosen else PeriodKind.CALENDAR_YEAR)

    def term(self) -> str:
        """ "2020 - 2025" for a report whose period is a term; "" for the others."""
        if self.kind() not in _TERM_KINDS:
            return ""
        return f"{self.term_from_spin.value()} - {self.term_to_spin.value()}"

    def previous_id(self) -> int | None:
        """The id of the report to start from; None for a blank report."""
        if not self.previous_radio.isChecked() or self.previous_combo.currentIndex() < 0:
            return None
        previous_id: int = self.previous_combo.currentData()  # each item's data is a report id
        return previous_id

    def on_start_toggled(self, from_previous: bool) -> None:
        self.previous_combo.setEnabled(from_previous and bool(self._previous))

    def on_previous_activated(self, _index: int) -> None:
        self._previous_picked = True

    def on_period_changed(self, *_args: object) -> None:
        """Offer the latest report before the period, and warn when the period already has one."""
        kind = self.kind()
        self.period_combo.setEnabled(kind is ReportKind.YEAR_END)
        # Another kind fixes its period: the box names it ("Cả nhiệm kỳ") and keeps the year-end choice for later.
        if kind is ReportKind.YEAR_END:
            if self.period_combo.currentIndex() < 0:
                self.period_combo.setCurrentIndex(self._year_period)
        else:
            if self.period_combo.currentIndex() >= 0:
                self._year_period = self.period_combo.currentIndex()
            self.period_combo.setPlaceholderText(_(PERIOD_KIND_LABELS[period_kind_of(kind)]))
            self.period_combo.setCurrentIndex(-1)
        self.term_label.setVisible(kind in _TERM_KINDS)
        self.term_row.setVisible(kind in _TERM_KINDS)
        # The term ends after it starts; a report to the congress is of the term's last year.
        self.term_to_spin.setMinimum(min(self.term_from_spin.value() + 1, LAST_YEAR))
        self.year_spin.setEnabled(not kind.is_congress)
        if kind.is_congress and self.year_spin.value() != self.term_to_spin.value():
            self.year_spin.setValue(self.term_to_spin.value())  # comes back here through valueChanged
            return
        year = self.year_spin.value()
        # A school year starting in the year chosen: the box reads "2025 - 2026".
        school = self.period_kind() is PeriodKind.SCHOOL_YEAR
        self.year_spin.setSuffix(f" - {year + 1}" if school else "")
        if not self._previous_picked and self._previous:
            new = _period_key(kind, year)
            earlier = [i for i, s in enumerate(self._previous) if _period_key(s.kind, s.year) < new]
            self.previous_combo.setCurrentIndex(earlier[0] if earlier else 0)
        exists = any(s.year == year and s.kind == kind for s in self._previous)
        self.duplicate_label.setVisible(exists)
        if exists:
            self.duplicate_label.setText(
                _("This organisation already has a report \"{report}\"; a second one will be created.").format(
                    report=_period(kind, year)))

    def on_accepted(self) -> None:
        self.report_requested.emit(self.year_spin.value(), self.kind().value, self.previous_id(),
                                   self.period_kind().value, self.term())
        self.accept()
