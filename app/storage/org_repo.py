"""Organisations in the database: functions that take a Session, never commit, and return domain objects."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Table, func, select
from sqlalchemy import delete as sql_delete
from sqlalchemy import update as update_statement
from sqlalchemy.orm import Session

from app.domain.conflicts import EditConflict, organisation_conflicts
from app.domain.errors import UserError
from app.domain.organisation import Organisation, OrgKind, Signature
from app.i18n import _
from app.storage.tables import OrganisationRow, ReportRow


def add(session: Session, organisation: Organisation) -> int:
    """Insert organisation (its id is ignored) and return the new id."""
    # Where it belongs is set when it is added; editing the profile never moves it.
    row = OrganisationRow(is_sample=organisation.is_sample, parent_id=organisation.parent_id)
    _fill(row, organisation)
    session.add(row)
    session.flush()
    return row.id


def get(session: Session, organisation_id: int) -> Organisation:
    """The organisation with this id; UserError when it no longer exists."""
    return to_domain(_row(session, organisation_id))


def exists(session: Session, organisation_id: int) -> bool:
    """True when an organisation with this id is stored."""
    return session.get(OrganisationRow, organisation_id) is not None


def list_all(session: Session) -> list[Organisation]:
    """Every organisation, by name."""
    rows = session.scalars(select(OrganisationRow).order_by(OrganisationRow.name, OrganisationRow.id))
    return [to_domain(row) for row in rows]


def sample_id(session: Session) -> int | None:
    """The id of the stored sample organisation (the oldest when there are several); None when there is none."""
    return session.scalar(
        select(OrganisationRow.id).where(OrganisationRow.is_sample.is_(True)).order_by(OrganisationRow.id).limit(1)
    )


def children(session: Session, parent_id: int) -> list[Organisation]:
    """The organisations that belong to parent_id, by name."""
    rows = session.scalars(select(OrganisationRow).where(OrganisationRow.parent_id == parent_id)
                           .order_by(OrganisationRow.name, OrganisationRow.id))
    return [to_domain(row) for row in rows]


def ancestors(session: Session, organisation_id: int) -> list[int]:
    """The ids above organisation_id, nearest first (a loop in the stored tree ends the list)."""
    seen: list[int] = []
    parent = session.scalar(select(OrganisationRow.parent_id).where(OrganisationRow.id == organisation_id))
    while parent is not None and parent not in seen:
        seen.append(parent)
        parent = session.scalar(select(OrganisationRow.parent_id).where(OrganisationRow.id == parent))
    return seen


def update(session: Session, organisation: Organisation, base: Organisation | None = None) -> None:
    """Overwrite the stored profile of organisation.id with organisation's fields; whether it is the sample stays.

    When organisation.version is set, EditConflict if someone changed the profile since that version (nothing
    is written); base is the profile as it was read then, for the conflict's field-by-field list. The stored
    version is raised by one and organisation.version set to it.
    """
    if organisation.id is None:
        raise ValueError("update needs an organisation with an id")
    table: Table = OrganisationRow.__table__  # type: ignore[assignment]
    statement = update_statement(table).where(table.c.id == organisation.id).values(version=table.c.version + 1)
    if organisation.version is not None:
        statement = statement.where(table.c.version == organisation.version)
    result = cast("CursorResult[Any]", session.execute(statement.execution_options(synchronize_session=False)))
    if result.rowcount == 0:
        theirs = get(session, organisation.id)  # UserError when it was deleted
        raise EditConflict(theirs, organisation_conflicts(base or organisation, theirs, organisation))
    row = _row(session, organisation.id)
    session.refresh(row, ["version"])
    _fill(row, organisation)
    organisation.version = row.version


def delete(session: Session, organisation_id: int) -> None:
    """Delete the organisation; the database refuses while reports refer to it (see count_reports)."""
    # A DELETE's result is a CursorResult (it has rowcount); Session.execute is typed to return any Result.
    statement = sql_delete(OrganisationRow).where(OrganisationRow.id == organisation_id)
    result = cast(CursorResult[Any], session.execute(statement))
    if result.rowcount == 0:
        raise UserError(_not_found())


def count_reports(session: Session, organisation_id: int) -> int:
    """How many reports the organisation has."""
    return session.scalar(
        select(func.count()).select_from(ReportRow).where(ReportRow.organisation_id == organisation_id)
    ) or 0


def to_domain(row: OrganisationRow) -> Organisation:
    """The Organisation of a row."""
    return Organisation(
        id=row.id,
        name=row.name,
        upper_body=row.upper_body,
        issuer_name=row.issuer_name,
        kind=OrgKind(row.kind),
        issuer_code=row.issuer_code,
        place=row.place,
        short_name=row.short_name,
        signature=Signature(row.signature_authority, row.signature_position, row.signature_name),
        recipients=list(row.recipients),
        preset=row.preset,
        reference_docx=row.reference_docx,
        templates_dir=row.templates_dir,
        is_sample=row.is_sample,
        parent_id=row.parent_id,
        version=row.version,
    )


def _fill(row: OrganisationRow, organisation: Organisation) -> None:
    row.name = organisation.name
    row.upper_body = organisation.upper_body
    row.issuer_name = organisation.issuer_name
    row.kind = organisation.kind.value
    row.issuer_code = organisation.issuer_code
    row.place = organisation.place
    row.short_name = organisation.short_name
    row.signature_authority = organisation.signature.authority
    row.signature_position = organisation.signature.position
    row.signature_name = organisation.signature.name
    row.recipients = list(organisation.recipients)
    row.preset = organisation.preset
    row.reference_docx = organisation.reference_docx
    row.templates_dir = organisation.templates_dir


def _row(session: Session, organisation_id: int) -> OrganisationRow:
    row = session.get(OrganisationRow, organisation_id)
    if row is None:
        raise UserError(_not_found())
    return row


def _not_found() -> str:
    return _("The organisation no longer exists; it may have been deleted.")
