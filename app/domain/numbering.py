"""Document numbers: Party numbers run per document type through the committee's term, state numbers per year.

Hướng dẫn 36-HD/VPTW (point 1.3): a Party body numbers each type of document from 01 through the whole term of its
committee (from the day after one congress closes to the close of the next); a state body restarts at 01
on 1 January (NĐ 30, Article 15). The register keeps every number issued; these functions decide which
of them share a numbering period with a new one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.domain.findings import Finding, Severity
from app.domain.numfmt import display_date
from app.domain.presets import Conventions
from app.i18n import _


@dataclass(slots=True)
class Term:
    """A term of the committee (nhiệm kỳ cấp ủy), "2025 - 2030".

    starts_on: the day after the congress that elected the committee closed.
    ends_on: the day the next congress closed; None while the term runs.
    """

    label: str
    starts_on: date
    ends_on: date | None = None
    id: int | None = None

    def covers(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


@dataclass(slots=True)
class IssuedNumber:
    """One number taken from the register: its type, the date of the document, and the report it went to."""

    organisation_id: int
    doc_type: str
    number: int
    issued_on: date
    report_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """The span whose numbers run on from 01: a term, a calendar year, or (without a term) everything so far.

    start / end: inclusive dates; None leaves that side open.
    """

    label: str
    start: date | None
    end: date | None

    def holds(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def period_for(numbering: str, day: date, terms: Iterable[Term]) -> Period:
    """The numbering period of a document dated day: "year" restarts on 1 January, "term" runs through the term.

    With "term" and no recorded term covering day, numbers run on since the last term that started before day,
    or since the first number of all when none did: never restarting is the safe side of the rule.
    """
    if numbering == "year":
        return Period(_("the year {year}").format(year=day.year), date(day.year, 1, 1), date(day.year, 12, 31))
    started = sorted((t for t in terms if t.starts_on <= day), key=lambda t: t.starts_on)
    covering = [t for t in started if t.covers(day)]
    if covering:
        term = covering[-1]
        return Period(_("the term {term}").format(term=term.label), term.starts_on, term.ends_on)
    if started:
        return Period(_("the term {term}").format(term=started[-1].label), started[-1].starts_on, None)
    return Period(_("all numbers so far (no term recorded)"), None, None)


def next_number(issued: Iterable[IssuedNumber]) -> int:
    """The number after the highest one issued in the period: 1 for the first document."""
    return max((n.number for n in issued), default=0) + 1


def number_findings(number: int, doc_type: str, period: Period, issued: list[IssuedNumber], *,
                    conv: Conventions, report_id: int | None = None) -> list[Finding]:
    """Warnings about taking number for a document of doc_type in period, given the numbers issued in it.

    conv: the conventions of the organisation's preset (how numbers run and are padded).
    issued: the period's numbers of the same type; the report's own earlier registration is not a duplicate.
    """
    others = [n for n in issued if report_id is None or n.report_id != report_id]
    following = next_number(others)
    same = [n for n in others if n.number == number]
    if same:
        first = same[0]
        return [Finding("number.duplicate", Severity.WARNING, ("number",), _(
            "Number {number} of the {type} documents was already issued in {period}, on {date}. Take the next "
            "free number, {next}.").format(number=conv.padded(number), type=doc_type, period=period.label,
                                           date=display_date(first.issued_on), next=conv.padded(following)))]
    if conv.numbering == "term" and others and number < max(n.number for n in others):
        return [Finding("number.restarted", Severity.WARNING, ("number",), _(
            "Number {number} is lower than the numbers already issued in {period}: Party documents are numbered "
            "through the committee's term and do not start again in January. The next number is {next}.").format(
                number=conv.padded(number), period=period.label, next=conv.padded(following)))]
    return []
