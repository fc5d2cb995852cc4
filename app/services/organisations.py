"""Organisation actions of the GUI and the CLI: one function per action, each one transaction."""

from __future__ import annotations

from dataclasses import replace

from app.domain.errors import UserError
from app.domain.organisation import Organisation
from app.i18n import _, ngettext
from app.storage import org_repo
from app.storage.db import Database


def list_organisations(sessions: Database) -> list[Organisation]:
    """Every stored organisation, by name."""
    with sessions.begin() as session:
        return org_repo.list_all(session)


def get_organisation(sessions: Database, organisation_id: int) -> Organisation:
    """The organisation with this id; UserError when it was deleted."""
    with sessions.begin() as session:
        return org_repo.get(session, organisation_id)


def add_organisation(sessions: Database, organisation: Organisation) -> int:
    """Store a new organisation (its id is ignored) and return its id."""
    with sessions.begin() as session:
        return org_repo.add(session, organisation)


def add_sub_unit(sessions: Database, parent_id: int, organisation: Organisation) -> int:
    """Store organisation (its id is ignored) as belonging to parent_id and return its id.

    UserError when the parent no longer exists or is a chi bộ, which has no sub-units.
    """
    with sessions.begin() as session:
        parent = org_repo.get(session, parent_id)
        if not parent.kind.has_sub_units:
            raise UserError(_("{name} is a chi bộ: it has no sub-units. Add the chi bộ to its đảng bộ.").format(
                name=parent.name))
        return org_repo.add(session, replace(organisation, parent_id=parent_id, id=None))


def list_children(sessions: Database, parent_id: int) -> list[Organisation]:
    """The organisations stored as belonging to parent_id, by name."""
    with sessions.begin() as session:
        return org_repo.children(session, parent_id)


def update_organisation(sessions: Database, organisation: Organisation, base: Organisation | None = None) -> None:
    """Save the edited profile of a stored organisation; reports without their own signature or recipients follow it.

    When organisation.version is set (it was read from the database), EditConflict, writing nothing, if someone
    changed the profile since; base, the profile as read, lets the conflict say which side changed each field.
    organisation.version is then the stored version.
    """
    with sessions.begin() as session:
        org_repo.update(session, organisation, base)


def delete_organisation(sessions: Database, organisation_id: int) -> None:
    """Delete an organisation that has no reports; UserError while it has some."""
    with sessions.begin() as session:
        count = org_repo.count_reports(session, organisation_id)
        if count:
            raise UserError(ngettext(
                "The organisation still has {count} report. Delete it first.",
                "The organisation still has {count} reports. Delete them first.",
                count,
            ).format(count=count))
        org_repo.delete(session, organisation_id)
