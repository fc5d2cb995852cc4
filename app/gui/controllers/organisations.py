"""The organisations flow: list them for the home page, create one, edit a profile, delete one without reports."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.domain.organisation import Organisation
from app.gui.controllers.prompts import Prompts
from app.gui.controllers.runner import ServiceRunner
from app.i18n import _

if TYPE_CHECKING:
    from app.domain.conflicts import EditConflict


class OrganisationsController(QObject):
    """Creates, edits and deletes organisations through their dialog and app.services.organisations.

    A profile someone else saved since the form opened is not overwritten: the conflict dialog shows both values
    per field, and what she keeps is saved on top of the stored version.

    Signals:
        organisations_listed(object, object): every organisation (a list) and the id to select (None: keep).
        organisation_updated(object): the edited Organisation, once it is stored.
        organisation_deleted(int): the id of the deleted organisation.
    """

    organisations_listed = Signal(object, object)
    organisation_updated = Signal(object)
    organisation_deleted = Signal(int)

    def __init__(self, runner: ServiceRunner, prompts: Prompts, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self.prompts = prompts
        self.window = parent
        self.dialog: QWidget | None = None
        self.conflict_dialog: QWidget | None = None

    def refresh(self, select: int | None = None) -> None:
        """List the organisations again; select names the one the home page should show."""
        from app.services import organisations

        self.runner.run(organisations.list_organisations,
                        done=lambda orgs: self.organisations_listed.emit(orgs, select))

    def create(self) -> None:
        """Ask for a new organisation's profile, store it and select it."""
        self._open_dialog(None, self._add)

    def edit(self, organisation: Organisation | None) -> None:
        """Open organisation's profile; the edited profile is stored when accepted."""
        if organisation is not None:
            self._open_dialog(organisation, lambda edited: self._update(edited, organisation))

    def delete(self, organisation: Organisation | None) -> None:
        """Ask, then delete organisation; the database refuses while it has reports (the message says so)."""
        if organisation is None:
            return
        from app.services import organisations

        org_id = organisation.id
        assert org_id is not None

        def delete() -> None:
            self.runner.run(organisations.delete_organisation, org_id, done=lambda _r: self._deleted(org_id))

        self.prompts.ask(_("Delete organisation"),
                         _("Delete the organisation “{name}”? Only an organisation without reports can be "
                           "deleted.").format(name=organisation.name), delete)

    def _deleted(self, organisation_id: int) -> None:
        self.organisation_deleted.emit(organisation_id)
        self.refresh()

    def _open_dialog(self, organisation: Organisation | None, on_accepted: Callable[[Organisation], None]) -> None:
        from app.gui.dialogs.organisation_dialog import OrganisationDialog
        from app.gui.widgets.spell import attach_spelling, spell_service

        dialog = OrganisationDialog(organisation, self.window)
        attach_spelling(dialog.recipients_edit, spell_service())
        dialog.organisation_accepted.connect(on_accepted)
        dialog.open()
        self.dialog = dialog

    def _add(self, organisation: Organisation) -> None:
        from app.services import organisations

        def failed(exc: BaseException) -> None:
            self._refused(exc, organisation, self._add)

        self.runner.run(organisations.add_organisation, organisation, done=lambda org_id: self.refresh(org_id),
                        failed=failed)

    def _update(self, organisation: Organisation, base: Organisation | None) -> None:
        """Store the edited profile; base is the profile as the form opened it (for a conflict's field list)."""
        from app.services import organisations

        def stored(_result: object) -> None:
            self.organisation_updated.emit(organisation)
            self.refresh(organisation.id)

        def failed(exc: BaseException) -> None:
            from app.domain.conflicts import EditConflict

            if isinstance(exc, EditConflict):
                self._show_conflict(exc, organisation)
            else:
                self._refused(exc, organisation, lambda edited: self._update(edited, base))

        self.runner.run(organisations.update_organisation, organisation, base, done=stored, failed=failed)

    def _refused(self, exc: BaseException, organisation: Organisation,
                 on_accepted: Callable[[Organisation], None]) -> None:
        """A profile the database did not take (the shared server out of reach, a disk full): say why, and open the
        form again with what she typed, so that OK tries again and nothing she typed is lost."""
        self.runner.report_failure(exc)
        self._open_dialog(organisation, on_accepted)

    def _show_conflict(self, conflict: EditConflict, mine: Organisation) -> None:
        """Someone else saved the profile since she opened it: show both values per field and let her choose."""
        from app.domain.conflicts import merge_organisation
        from app.gui.dialogs.conflict_dialog import ConflictDialog

        theirs = conflict.theirs
        assert isinstance(theirs, Organisation)
        if not conflict.conflicts:  # what is stored is what she entered: nothing to choose
            self._update(merge_organisation(theirs, mine, ()), theirs)
            return
        dialog = ConflictDialog(conflict, self.window)

        def keep(paths: Collection[str]) -> None:
            self._update(merge_organisation(theirs, mine, paths), theirs)

        def keep_theirs() -> None:
            self.organisation_updated.emit(theirs)
            self.refresh(theirs.id)

        dialog.mine_chosen.connect(lambda: keep(()))
        dialog.mix_chosen.connect(keep)
        dialog.theirs_chosen.connect(keep_theirs)
        dialog.open()
        self.conflict_dialog = dialog
