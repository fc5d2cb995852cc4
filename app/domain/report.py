"""A report: its kind and period, the outline of sections with their text, statistics and targets."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.inspection import Discipline, Inspection
from app.domain.member_stats import Membership
from app.domain.organisation import Organisation, Signature
from app.domain.party_life import PartyLife
from app.domain.ratings import Ratings
from app.domain.targets import Target
from app.i18n import N_


class ReportKind(enum.StrEnum):
    """Year-end (tổng kết năm), six-month (sơ kết 6 tháng) or mid-term (sơ kết giữa nhiệm kỳ)."""

    YEAR_END = "year_end"
    SIX_MONTH = "six_month"
    MID_TERM = "mid_term"


REPORT_KIND_LABELS: dict[ReportKind, str] = {
    ReportKind.YEAR_END: N_("Year-end review"),
    ReportKind.SIX_MONTH: N_("Six-month review"),
    ReportKind.MID_TERM: N_("Mid-term review"),
}


class ReportStatus(enum.StrEnum):
    DRAFT = "draft"
    FINAL = "final"


REPORT_STATUS_LABELS: dict[ReportStatus, str] = {
    ReportStatus.DRAFT: N_("Draft"),
    ReportStatus.FINAL: N_("Final"),
}


class EntryKind(enum.StrEnum):
    """A paragraph, a "- " bullet, or a "+ " bullet one level down."""

    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    SUB_BULLET = "sub_bullet"


@dataclass(slots=True)
class Entry:
    text: str
    kind: EntryKind = EntryKind.PARAGRAPH
    id: int | None = None


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
class Statistics:
    """All figures of the period. units: chi bộ trực thuộc (0 for a chi bộ)."""

    units: int = 0
    membership: Membership = field(default_factory=Membership)
    ratings: Ratings = field(default_factory=Ratings)
    inspection: Inspection = field(default_factory=Inspection)
    discipline: Discipline = field(default_factory=Discipline)
    party_life: PartyLife = field(default_factory=PartyLife)


@dataclass(slots=True)
class Settings:
    """Per-report choices where practice varies.

    pad_counts: write counts 1–9 as "01"–"09".
    end_mark: print "./." after the closing paragraph.
    heading_style: "dash" for "I-"/"1-", "dot" for "I."/"1.".
    """

    pad_counts: bool = True
    end_mark: bool = False
    heading_style: str = "dash"


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
        return self.title or default_title(self.kind, self.year, self.term)

    def walk_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def section(self, key: str) -> Section | None:
        return next((s for s in self.walk_sections() if s.key == key), None)


def default_title(kind: ReportKind, year: int, term: str = "") -> str:
    """The conventional trích yếu (report-content.md §1); it starts lower-case."""
    if kind is ReportKind.SIX_MONTH:
        return (
            f"sơ kết công tác xây dựng Đảng 6 tháng đầu năm {year}, "
            f"nhiệm vụ trọng tâm 6 tháng cuối năm {year}"
        )
    if kind is ReportKind.MID_TERM:
        suffix = f", nhiệm kỳ {term}" if term else ""
        return f"sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ{suffix}"
    return f"tổng kết công tác xây dựng Đảng năm {year}, phương hướng, nhiệm vụ năm {year + 1}"
