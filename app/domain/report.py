"""A report: its kind and period, the outline of sections with their text, statistics and targets."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.inspection import Discipline, Inspection
from app.domain.member_stats import Membership
from app.domain.organisation import Organisation, Signature
from app.domain.party_life import PartyLife
from app.domain.period import YEAR_PERIODS, Period, PeriodKind
from app.domain.presets import conventions
from app.domain.ratings import Ratings
from app.domain.roster import Roster
from app.domain.spelling import ToneStyle
from app.domain.targets import Target
from app.i18n import N_


class ReportKind(enum.StrEnum):
    """Year-end (tổng kết năm), six-month (sơ kết 6 tháng), mid-term (sơ kết giữa nhiệm kỳ), or one of the two
    reports of a whole term that a committee presents to its congress: the political report (báo cáo chính trị)
    and the committee's self-review (báo cáo kiểm điểm của Ban Chấp hành)."""

    YEAR_END = "year_end"
    SIX_MONTH = "six_month"
    MID_TERM = "mid_term"
    CONGRESS_POLITICAL = "congress_political"
    COMMITTEE_SELF_REVIEW = "committee_self_review"

    @property
    def is_congress(self) -> bool:
        """True for the reports presented to a congress, which cover the whole term."""
        return self in (ReportKind.CONGRESS_POLITICAL, ReportKind.COMMITTEE_SELF_REVIEW)


REPORT_KIND_LABELS: dict[ReportKind, str] = {
    ReportKind.YEAR_END: N_("Year-end review"),
    ReportKind.SIX_MONTH: N_("Six-month review"),
    ReportKind.MID_TERM: N_("Mid-term review"),
    ReportKind.CONGRESS_POLITICAL: N_("Political report to the congress"),
    ReportKind.COMMITTEE_SELF_REVIEW: N_("Committee's self-review for the congress"),
}

# The document-type line over the trích yếu (report-content.md §1a): a report to a congress names its genre there.
DOC_TYPE_NAMES: dict[ReportKind, str] = {
    ReportKind.CONGRESS_POLITICAL: "BÁO CÁO CHÍNH TRỊ",
    ReportKind.COMMITTEE_SELF_REVIEW: "BÁO CÁO KIỂM ĐIỂM",
}
DOC_TYPE_NAME = "BÁO CÁO"
_NAMES_CONGRESS = re.compile(r"(?<!\w)trình\s+Đại\s+hội(?!\w)", re.IGNORECASE)


class ReportStatus(enum.StrEnum):
    DRAFT = "draft"
    FINAL = "final"


REPORT_STATUS_LABELS: dict[ReportStatus, str] = {
    ReportStatus.DRAFT: N_("Draft"),
    ReportStatus.FINAL: N_("Final"),
}


class EntryKind(enum.StrEnum):
    """A paragraph, a "- " bullet, a "+ " bullet one level down, or a statistics table (generated only)."""

    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    SUB_BULLET = "sub_bullet"
    TABLE = "table"


class EntryState(enum.StrEnum):
    """What became of a sentence the app generated from the figures (Entry.source set)."""

    AUTO = "auto"        # follows the figures: rewritten whenever they change
    EDITED = "edited"    # she changed it: it is her text now and no longer follows the figures
    REMOVED = "removed"  # she took it out: not printed, and not generated again


@dataclass(slots=True)
class Entry:
    """One printed paragraph, bullet or table of a section, in document order.

    source: "" for text she typed; for a sentence generated from the figures, its slot
            ("kiem_tra.work": the template's name and the sentence's name in it).
    state: for a generated entry, whether it still follows the figures; ignored when source is "".
    basis: for an EDITED entry, the generated text she started from, so that a later change of the
           figures it stated can be pointed out; "" otherwise.
    text: for a TABLE entry, the name of the table ("membership").
    """

    text: str
    kind: EntryKind = EntryKind.PARAGRAPH
    id: int | None = None
    source: str = ""
    state: EntryState = EntryState.AUTO
    basis: str = ""

    @property
    def is_generated(self) -> bool:
        return bool(self.source)

    @property
    def prints(self) -> bool:
        """True unless she removed this generated entry."""
        return not (self.source and self.state is EntryState.REMOVED)


@dataclass(slots=True)
class Section:
    """A node of the outline: a part, a heading or a sub-heading, with its own text and children.

    key: stable name ("to_chuc_can_bo"); a template named after it adds the sentences
         generated from the statistics (templates/sections/<key>.j2).
    enabled: switched-off sections are kept but not printed, and not numbered.
    """

    key: str
    title: str
    enabled: bool = True
    entries: list[Entry] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    id: int | None = None

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True)
class UnitFigures:
    """The unit the organisation leads, for the share of members in it; 0 where not entered.

    staff: the cán bộ, giáo viên (công chức, viên chức, người lao động) of the agency, school or enterprise at the
           end of the period. population: the people of the locality, where a commune's body reports it.
    """

    staff: int = 0
    population: int = 0


@dataclass(slots=True)
class Statistics:
    """All figures of the period. units: chi bộ trực thuộc (0 for a chi bộ)."""

    units: int = 0
    membership: Membership = field(default_factory=Membership)
    ratings: Ratings = field(default_factory=Ratings)
    inspection: Inspection = field(default_factory=Inspection)
    discipline: Discipline = field(default_factory=Discipline)
    party_life: PartyLife = field(default_factory=PartyLife)
    unit: UnitFigures = field(default_factory=UnitFigures)


@dataclass(slots=True)
class Settings:
    """Per-report choices where practice varies; settings_for(preset) gives a new report its preset's defaults.

    pad_counts: write counts 1–9 as "01"–"09".
    end_mark: print "./." after the closing paragraph (Party: off; state, Công đoàn, Đoàn: on).
    heading_style: "dash" for "I-"/"1-", "dot" for "I."/"1." (Party: dash; the others: dot).
    margins: the name of one of the preset's page alternatives ("older": 25/25/35/15 mm for Party);
             None for the preset's own margins.
    line_spacing_pt: body line spacing, exactly this many points; None for the preset's (18 pt).
    annexes: print Phụ lục 1–3 (membership movement, ratings, targets) on landscape pages after the
             signature, instead of the tables in the body.
    keep_empty_sections: print the heading of a section with no text, followed by a dotted line to fill in by
             hand; by default such a section is left out and the headings after it are renumbered.
    tone_style: where the tone mark of a final oa, oe, uy goes: NEW "hòa", "thủy", "ủy" (as the app's own wording
             writes) or OLD "hoà", "thuỷ", "uỷ". The spell checker and the tone-mark check both follow it.
    """

    pad_counts: bool = True
    end_mark: bool = False
    heading_style: str = "dash"
    margins: str | None = None
    line_spacing_pt: int | None = None
    annexes: bool = False
    keep_empty_sections: bool = False
    tone_style: ToneStyle = ToneStyle.NEW


def settings_for(preset: str) -> Settings:
    """The settings a new report of an organisation in preset starts with: its end mark and heading style."""
    conv = conventions(preset)
    return Settings(end_mark=conv.end_mark, heading_style=conv.heading_style)


@dataclass(slots=True)
class Report:
    """One report of one organisation for one period.

    number: the document number, None for a draft whose number the clerk fills in.
    issued_on: the date in the header; None prints a blank date for the clerk.
    term: the committee's term, "2025 - 2030", used by mid-term reports and numbering.
    basis: the opening "Thực hiện …" sentence; empty uses the generic one.
    title: the trích yếu; empty uses the conventional one for the kind and year.
    signature / recipients: None falls back to the organisation's.
    targets: this period's targets with results; next_targets: the next period's.
    version: the stored report's version when it was read (raised by each save); None when not from a database.
             A save based on an older version is refused (EditConflict). Not compared, not written to files.
    period_kind: what a year-end report covers: a calendar year (the default) or a school year, starting
                 in year (see period); a six-month, mid-term or congress report's kind fixes its period.
    roster: the chi bộ's members at the end of the period (app.domain.roster); empty when she keeps none.
    yearly_targets: for a report of the whole term, the targets (with results) of the organisation's yearly reports
                 inside the term, by their period; the targets table then gives each year's figure. Filled when the
                 report is read (services.reports.yearly_targets); like version, neither stored, compared nor written
                 to files.
    """

    organisation: Organisation
    year: int
    kind: ReportKind = ReportKind.YEAR_END
    number: int | None = None
    doc_type: str = "BC"
    issued_on: date | None = None
    place: str = ""
    term: str = ""
    basis: str = ""
    title: str = ""
    sections: list[Section] = field(default_factory=list)
    stats: Statistics = field(default_factory=Statistics)
    targets: list[Target] = field(default_factory=list)
    next_targets: list[Target] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    signature: Signature | None = None
    recipients: list[str] | None = None
    status: ReportStatus = ReportStatus.DRAFT
    id: int | None = None
    updated_at: datetime | None = None
    version: int | None = field(default=None, compare=False)
    period_kind: PeriodKind = PeriodKind.CALENDAR_YEAR
    roster: Roster = field(default_factory=Roster)
    yearly_targets: dict[Period, list[Target]] = field(default_factory=dict, compare=False)

    @property
    def period(self) -> Period:
        """The period the report covers; every phrase naming it comes from here."""
        return Period(period_kind_of(self.kind, self.period_kind), self.year, self.term)

    @property
    def effective_signature(self) -> Signature:
        return self.signature if self.signature is not None else self.organisation.signature

    @property
    def effective_recipients(self) -> list[str]:
        return self.recipients if self.recipients is not None else self.organisation.recipients

    @property
    def effective_place(self) -> str:
        return self.place or self.organisation.place

    @property
    def effective_title(self) -> str:
        return self.title or default_title(self.kind, self.period, self.organisation.name)

    @property
    def doc_type_name(self) -> str:
        """The line over the trích yếu: "BÁO CÁO", "BÁO CÁO CHÍNH TRỊ", "BÁO CÁO KIỂM ĐIỂM"."""
        return DOC_TYPE_NAMES.get(self.kind, DOC_TYPE_NAME)

    @property
    def congress_line(self) -> str:
        """The line under the trích yếu of a report to a congress, "trình Đại hội Chi bộ …, nhiệm kỳ 2025 - 2030";
        "" for the other kinds, and when the title she typed names the congress itself ("… lần thứ XXI …")."""
        if not self.kind.is_congress or _NAMES_CONGRESS.search(self.title):
            return ""
        return f"trình {congress_name(self.organisation, self.period.following().term)}"

    @property
    def names_its_author(self) -> bool:
        """True when the title already says whose report it is ("… của Ban Chấp hành …"), so that a sentence does
        not add a second "của …"."""
        org = self.organisation
        authors = {"Ban Chấp hành", "Chi ủy", "Ban Thường vụ", org.issuer_subject, org.body_subject}
        pattern = r"(?<!\w)của (?:" + "|".join(re.escape(a) for a in sorted(authors) if a) + r")(?!\w)"
        return re.search(pattern, f"{self.effective_title} {self.congress_line}") is not None

    @property
    def period_end(self) -> date:
        """The last day the report covers: 30/6 for a six-month report, 31/8 for a school year, else 31/12."""
        return self.period.end

    @property
    def reference_date(self) -> date:
        """The date that decides which regulations and names apply: the date of issue, else the end of the period."""
        return self.issued_on or self.period_end

    def walk_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def section(self, key: str) -> Section | None:
        return next((s for s in self.walk_sections() if s.key == key), None)


def period_kind_of(kind: ReportKind, chosen: PeriodKind = PeriodKind.CALENDAR_YEAR) -> PeriodKind:
    """The period a report of kind covers: a six-month, mid-term or congress report's is fixed; a year-end report
    covers the chosen calendar or school year (or a whole term); anything else falls back to the calendar year."""
    if kind is ReportKind.SIX_MONTH:
        return PeriodKind.SIX_MONTHS
    if kind is ReportKind.MID_TERM:
        return PeriodKind.TERM_SO_FAR
    if kind.is_congress:
        return PeriodKind.WHOLE_TERM
    return chosen if chosen in (*YEAR_PERIODS, PeriodKind.WHOLE_TERM) else PeriodKind.CALENDAR_YEAR


def default_title(kind: ReportKind, period: Period, organisation_name: str = "") -> str:
    """The conventional trích yếu (report-content.md §1); it starts lower-case.

    organisation_name: names the congress of a mid-term report ("Nghị quyết Đại hội Đảng bộ Trường …")
    when it is the name of a đảng bộ or chi bộ.
    """
    if kind is ReportKind.SIX_MONTH:
        return f"sơ kết công tác xây dựng Đảng {period.phrase}, nhiệm vụ trọng tâm {period.next_phrase}"
    if kind.is_congress:
        # Under "BÁO CÁO CHÍNH TRỊ" / "BÁO CÁO KIỂM ĐIỂM": whose report, for which term; the congress follows.
        body = organisation_name if organisation_name.startswith(("Đảng bộ", "Chi bộ")) else "Đảng bộ"
        suffix = f", nhiệm kỳ {period.term}" if period.term else ""
        return f"của Ban Chấp hành {body}{suffix}"
    if kind is ReportKind.MID_TERM:
        body = organisation_name if organisation_name.startswith(("Đảng bộ", "Chi bộ")) else "Đảng bộ"
        suffix = f", nhiệm kỳ {period.term}" if period.term else ""
        return f"sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội {body}{suffix}"
    return f"tổng kết công tác xây dựng Đảng {period.phrase}, phương hướng, nhiệm vụ {period.next_phrase}"


def congress_name(organisation: Organisation, term: str) -> str:
    """The congress a report of the whole term goes to: "Đại hội Chi bộ …, nhiệm kỳ 2025 - 2030" (all its members
    meet), "Đại hội đại biểu Đảng bộ …, nhiệm kỳ 2025 - 2030" (a đảng bộ meets by delegates).

    term: the next term; "" leaves it out.
    """
    name = organisation.name
    if not name.startswith(("Đảng bộ", "Chi bộ")):
        name = "Chi bộ" if organisation.kind.is_chi_bo else "Đảng bộ"
    congress = "Đại hội" if organisation.kind.is_chi_bo else "Đại hội đại biểu"
    suffix = f", nhiệm kỳ {term}" if term else ""
    return f"{congress} {name}{suffix}"
