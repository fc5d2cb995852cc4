"""Row classes of the database schema; migrations/versions/ creates and changes the same tables.

Enums are stored as their .value strings and decimals as text, so the schema stays portable
(SQLite now, PostgreSQL later). Every integer statistic is one row of `figures` under a dotted key
("membership.closing_total"), so an autosaved field is one upsert and a new statistic needs no migration.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Explicit constraint names, so that later migrations can address them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime stored as a naive UTC timestamp, the same on every backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base of every row class; its metadata names constraints by NAMING_CONVENTION."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class OrganisationRow(Base):
    """The issuing body's profile; recipients is a JSON list of lines."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    upper_body: Mapped[str] = mapped_column(Text)
    issuer_name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    issuer_code: Mapped[str] = mapped_column(String(32))
    place: Mapped[str] = mapped_column(Text)
    short_name: Mapped[str] = mapped_column(Text)
    signature_authority: Mapped[str] = mapped_column(Text)
    signature_position: Mapped[str] = mapped_column(Text)
    signature_name: Mapped[str] = mapped_column(Text)
    recipients: Mapped[list[str]] = mapped_column(JSON)
    preset: Mapped[str] = mapped_column(String(16))
    reference_docx: Mapped[str] = mapped_column(Text)
    templates_dir: Mapped[str] = mapped_column(Text)
    # The demo organisation "Open the demo report" stores once and reopens; never one of hers.
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    # The organisation it belongs to (a chi bộ's đảng bộ); deleting that one leaves this one standing alone.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    # Raised by every change of the profile: a change based on an older version is refused (EditConflict).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))


class ReportRow(Base):
    """One report; the signature_* and recipients columns are NULL when the organisation's apply."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    # RESTRICT: deleting an organisation must not silently take its reports with it.
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    # app.domain.period.PeriodKind: a calendar or school year for a year-end report.
    period_kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[int | None] = mapped_column(Integer)
    doc_type: Mapped[str] = mapped_column(String(32))
    issued_on: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(Text)
    term: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    pad_counts: Mapped[bool] = mapped_column(Boolean)
    end_mark: Mapped[bool] = mapped_column(Boolean)
    heading_style: Mapped[str] = mapped_column(String(16))
    # NULL: the preset's own margins and line spacing.
    margins: Mapped[str | None] = mapped_column(String(32))
    line_spacing_pt: Mapped[int | None] = mapped_column(Integer)
    annexes: Mapped[bool] = mapped_column(Boolean)
    keep_empty_sections: Mapped[bool] = mapped_column(Boolean)
    tone_style: Mapped[str] = mapped_column(String(8))
    signature_authority: Mapped[str | None] = mapped_column(Text)
    signature_position: Mapped[str | None] = mapped_column(Text)
    signature_name: Mapped[str | None] = mapped_column(Text)
    recipients: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Raised by every save: a save based on an older version is refused (EditConflict), never silently applied.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    # app.domain.roster.Roster's choices: the counts from the member list, its annex, the list in exported files.
    roster_in_use: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    roster_annex: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    roster_export: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class RosterMemberRow(Base):
    """One member of a chi bộ's roster in a report, at its position in the list (app.domain.roster.Member)."""

    __tablename__ = "roster_members"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    sex: Mapped[str] = mapped_column(String(8))
    admitted_on: Mapped[date | None] = mapped_column(Date)
    # NULL: not rated in the report's period.
    rating: Mapped[str | None] = mapped_column(String(16))
    exemplary: Mapped[bool] = mapped_column(Boolean)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    theory_level: Mapped[str] = mapped_column(Text)
    badge: Mapped[int | None] = mapped_column(Integer)


class SectionRow(Base):
    """A node of a report's outline; parent_id is NULL for the two parts."""

    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    enabled: Mapped[bool] = mapped_column(Boolean)

    parent: Mapped[SectionRow | None] = relationship(remote_side=[id])
    entries: Mapped[list[EntryRow]] = relationship(passive_deletes=True)


class EntryRow(Base):
    """A paragraph, bullet or generated table of a section, at its position in the section."""

    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    # "" for her text; else the slot of the sentence generated from the figures, its EntryState and basis.
    source: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    basis: Mapped[str] = mapped_column(Text)


class FigureRow(Base):
    """One integer statistic of a report under its dotted key ("ratings.members.good")."""

    __tablename__ = "figures"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class StatisticTextRow(Base):
    """One non-integer statistic (a text, a list of texts, an optional level) as JSON under its dotted key."""

    __tablename__ = "statistic_texts"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=False)


class TargetRow(Base):
    """A chỉ tiêu of the report's "current" period (with its result) or of the "next" one."""

    __tablename__ = "targets"
    __table_args__ = (CheckConstraint("period IN ('current', 'next')", name="period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(8))
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(Text)
    is_percent: Mapped[bool] = mapped_column(Boolean)
    comparator: Mapped[str] = mapped_column(String(16))
    result: Mapped[str | None] = mapped_column(String(40))


class TermRow(Base):
    """A term of an organisation's committee; ends_on is NULL while it runs."""

    __tablename__ = "terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(Text)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)


class IssuedNumberRow(Base):
    """A document number taken from an organisation's register; report_id is NULL for other documents
    and for reports deleted since (their number stays used)."""

    __tablename__ = "issued_numbers"
    __table_args__ = (CheckConstraint("number >= 1", name="number"),
                      Index("ix_issued_numbers_lookup", "organisation_id", "doc_type", "issued_on"))

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    doc_type: Mapped[str] = mapped_column(String(32))
    number: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReceivedReportRow(Base):
    """A sub-unit's report file as its parent received it for a period; is_current marks the one in use.

    A re-sent file becomes the current one and the earlier ones stay as history (is_current false).
    data: the report's interchange JSON; errors: how many errors its own checks found when it arrived.
    """

    __tablename__ = "received_reports"
    __table_args__ = (Index("ix_received_reports_period", "parent_id", "kind", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    data: Mapped[str] = mapped_column(Text)
    errors: Mapped[int] = mapped_column(Integer)
    is_current: Mapped[bool] = mapped_column(Boolean)


class SubUnitRatingRow(Base):
    """The parent's rating of one of its sub-units for a period (a Level value; NULL: not rated yet).

    exemplary: rated "tiêu biểu" as well (only an excellent one can be).
    """

    __tablename__ = "sub_unit_ratings"

    unit_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    level: Mapped[str | None] = mapped_column(String(16))
    exemplary: Mapped[bool] = mapped_column(Boolean)


class ConsolidationRow(Base):
    """That a report was rolled up from its sub-units' reports, when, and their figures then (for the annex).

    parts: [{"name": sub-unit name, "stats": its statistics as the interchange writes them}, …] in board order.
    trace: {figure path: [[sub-unit name, value], …]}, the parts of each rolled-up figure (NULL before 0011).
    sums: {figure path: the rolled-up value}, what each figure was set to, so that a figure typed over it since is
    told from it (NULL before 0011).
    """

    __tablename__ = "consolidations"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    consolidated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    parts: Mapped[Any] = mapped_column(JSON, nullable=False)
    trace: Mapped[Any] = mapped_column(JSON, nullable=True)
    sums: Mapped[Any] = mapped_column(JSON, nullable=True)


class PresenceRow(Base):
    """One window that has a report open: who (her user name and computer), and when it last said so.

    seen_at is the database server's clock (never the PC's), refreshed by a heartbeat; a row older than the timeout
    is a window that was killed or lost its network, and counts for nobody.
    """

    __tablename__ = "presence"

    session_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    user_name: Mapped[str] = mapped_column(Text)
    machine: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
