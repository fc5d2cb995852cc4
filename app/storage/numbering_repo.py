"""The number register in the database: committee terms and issued numbers; functions take a Session, never commit."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete as sql_delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import UserError
from app.domain.numbering import IssuedNumber, Period, Term
from app.i18n import _
from app.storage.tables import IssuedNumberRow, TermRow


def list_terms(session: Session, organisation_id: int) -> list[Term]:
    """The organisation's terms, oldest first."""
    rows = session.scalars(
        select(TermRow).where(TermRow.organisation_id == organisation_id).order_by(TermRow.starts_on, TermRow.id))
    return [Term(row.label, row.starts_on, row.ends_on, row.id) for row in rows]


def add_term(session: Session, organisation_id: int, term: Term) -> int:
    """Store a term of the organisation's committee (its id is ignored) and return the new id."""
    row = TermRow(organisation_id=organisation_id, label=term.label, starts_on=term.starts_on, ends_on=term.ends_on)
    session.add(row)
    session.flush()
    return row.id


def update_term(session: Session, term: Term) -> None:
    """Overwrite the stored term term.id."""
    row = session.get(TermRow, term.id) if term.id is not None else None
    if row is None:
        raise UserError(_("The term no longer exists; it may have been deleted."))
    row.label, row.starts_on, row.ends_on = term.label, term.starts_on, term.ends_on


def delete_term(session: Session, term_id: int) -> None:
    """Delete a term; the numbers issued in it stay in the register."""
    session.execute(sql_delete(TermRow).where(TermRow.id == term_id))


def numbers_in(session: Session, organisation_id: int, doc_type: str, period: Period) -> list[IssuedNumber]:
    """The numbers of one type the organisation issued in period, by number."""
    query = select(IssuedNumberRow).where(
        IssuedNumberRow.organisation_id == organisation_id, IssuedNumberRow.doc_type == doc_type)
    if period.start is not None:
        query = query.where(IssuedNumberRow.issued_on >= period.start)
    if period.end is not None:
        query = query.where(IssuedNumberRow.issued_on <= period.end)
    return [_to_domain(row) for row in session.scalars(query.order_by(IssuedNumberRow.number, IssuedNumberRow.id))]


def list_numbers(session: Session, organisation_id: int, doc_type: str | None = None) -> list[IssuedNumber]:
    """Every number the organisation issued (of one type when given), newest first."""
    query = select(IssuedNumberRow).where(IssuedNumberRow.organisation_id == organisation_id)
    if doc_type is not None:
        query = query.where(IssuedNumberRow.doc_type == doc_type)
    rows = session.scalars(query.order_by(IssuedNumberRow.issued_on.desc(), IssuedNumberRow.number.desc()))
    return [_to_domain(row) for row in rows]


def number_of_report(session: Session, report_id: int, doc_type: str) -> IssuedNumber | None:
    """The register's entry for a report's number of that type; None when it has none."""
    row = session.scalars(select(IssuedNumberRow).where(
        IssuedNumberRow.report_id == report_id, IssuedNumberRow.doc_type == doc_type)).first()
    return None if row is None else _to_domain(row)


def save_number(session: Session, issued: IssuedNumber) -> int:
    """Add issued to the register, or overwrite the entry issued.id; return its id."""
    row = session.get(IssuedNumberRow, issued.id) if issued.id is not None else None
    if row is None:
        row = IssuedNumberRow(created_at=datetime.now(UTC))
        session.add(row)
    row.organisation_id = issued.organisation_id
    row.doc_type = issued.doc_type
    row.number = issued.number
    row.issued_on = issued.issued_on
    row.report_id = issued.report_id
    session.flush()
    return row.id


def delete_number(session: Session, number_id: int) -> None:
    """Take a number out of the register (it was entered by mistake)."""
    session.execute(sql_delete(IssuedNumberRow).where(IssuedNumberRow.id == number_id))


def _to_domain(row: IssuedNumberRow) -> IssuedNumber:
    return IssuedNumber(row.organisation_id, row.doc_type, row.number, row.issued_on, row.report_id, row.id)

