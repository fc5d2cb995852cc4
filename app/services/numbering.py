"""The number register of an organisation: its committee terms, the next number to take, duplicates warned about.

Party bodies number each document type through the committee's term, state bodies per calendar year
(the preset's conventions say which; 36-HD/VPTW point 1.3, NĐ 30 art. 15). Each function is one transaction.
"""

from __future__ import annotations

from datetime import date

from app.domain.errors import UserError
from app.domain.findings import Finding
from app.domain.numbering import IssuedNumber, Period, Term, next_number, number_findings, period_for
from app.domain.numfmt import display_date
from app.domain.presets import conventions
from app.i18n import _
from app.storage import numbering_repo, org_repo, report_repo
from app.storage.db import Database, Session


def list_terms(sessions: Database, organisation_id: int) -> list[Term]:
    """The organisation's committee terms, oldest first."""
    with sessions.begin() as session:
        return numbering_repo.list_terms(session, organisation_id)


def add_term(sessions: Database, organisation_id: int, term: Term) -> int:
    """Record a term of the organisation's committee and return its id; UserError when it ends before it starts."""
    _check_term(term)
    with sessions.begin() as session:
        return numbering_repo.add_term(session, organisation_id, term)


def update_term(sessions: Database, term: Term) -> None:
    """Save an edited term (its dates decide which numbers run on together)."""
    _check_term(term)
    with sessions.begin() as session:
        numbering_repo.update_term(session, term)


def delete_term(sessions: Database, term_id: int) -> None:
    """Delete a term; the numbers stay in the register."""
    with sessions.begin() as session:
        numbering_repo.delete_term(session, term_id)


def _check_term(term: Term) -> None:
    if term.ends_on is not None and term.ends_on < term.starts_on:
        raise UserError(_("A term cannot end ({end}) before it starts ({start}).").format(
            end=display_date(term.ends_on), start=display_date(term.starts_on)))


def numbering_period(sessions: Database, organisation_id: int, issued_on: date) -> Period:
    """The period whose numbers a document of that date continues: the term, or the year for state documents."""
    with sessions.begin() as session:
        return _period(session, organisation_id, issued_on)


def _period(session: Session, organisation_id: int, issued_on: date) -> Period:
    organisation = org_repo.get(session, organisation_id)
    return period_for(conventions(organisation.preset).numbering, issued_on,
                      numbering_repo.list_terms(session, organisation_id))


def suggest_next_number(sessions: Database, organisation_id: int, doc_type: str, issued_on: date) -> int:
    """The number to give the organisation's next document of doc_type dated issued_on: the period's highest + 1."""
    with sessions.begin() as session:
        period = _period(session, organisation_id, issued_on)
        return next_number(numbering_repo.numbers_in(session, organisation_id, doc_type, period))


def check_number(sessions: Database, organisation_id: int, doc_type: str, number: int, issued_on: date,
                 report_id: int | None = None) -> list[Finding]:
    """Warnings about giving number to a document: already taken in its period, or lower than the term's numbers."""
    with sessions.begin() as session:
        return _findings(session, organisation_id, doc_type, number, issued_on, report_id)


def _findings(session: Session, organisation_id: int, doc_type: str, number: int, issued_on: date,
              report_id: int | None) -> list[Finding]:
    organisation = org_repo.get(session, organisation_id)
    conv = conventions(organisation.preset)
    period = period_for(conv.numbering, issued_on, numbering_repo.list_terms(session, organisation_id))
    issued = numbering_repo.numbers_in(session, organisation_id, doc_type, period)
    return number_findings(number, doc_type, period, issued, conv=conv, report_id=report_id)


def register_number(sessions: Database, organisation_id: int, doc_type: str, number: int, issued_on: date,
                    report_id: int | None = None) -> list[Finding]:
    """Enter number in the register and return the warnings about it (a duplicate is entered all the same).

    A report has one entry per type: registering it again moves its entry to the new number and date.
    """
    if number < 1:
        raise UserError(_("A document number is 1 or more."))
    with sessions.begin() as session:
        findings = _findings(session, organisation_id, doc_type, number, issued_on, report_id)
        existing = numbering_repo.number_of_report(session, report_id, doc_type) if report_id is not None else None
        numbering_repo.save_number(session, IssuedNumber(
            organisation_id, doc_type, number, issued_on, report_id, existing.id if existing else None))
        return findings


def register_report_number(sessions: Database, report_id: int) -> list[Finding]:
    """Enter a stored report's number and date in its organisation's register; UserError when it lacks either."""
    with sessions.begin() as session:
        report = report_repo.get(session, report_id)
    if report.number is None or report.issued_on is None:
        raise UserError(_("Give the report a number and a date before entering it in the register."))
    assert report.organisation.id is not None
    return register_number(sessions, report.organisation.id, report.doc_type, report.number, report.issued_on,
                           report_id)


def list_numbers(sessions: Database, organisation_id: int, doc_type: str | None = None) -> list[IssuedNumber]:
    """The organisation's register (of one type when given), newest first."""
    with sessions.begin() as session:
        return numbering_repo.list_numbers(session, organisation_id, doc_type)


def delete_number(sessions: Database, number_id: int) -> None:
    """Take an entry entered by mistake out of the register."""
    with sessions.begin() as session:
        numbering_repo.delete_number(session, number_id)
