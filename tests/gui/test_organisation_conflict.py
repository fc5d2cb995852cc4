"""Two clerks on one organisation profile: her OK after his save shows both values per field and lets her choose.

Each test runs on both engines (engine_window); the other clerk saves through a connection of his own.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services import organisations
from app.services.sessions import open_sessions
from tests.gui.keys import type_text
from tests.gui.test_main_window import click, open_demo


def his_place_change(window, place: str) -> None:
    """Another clerk, on his own connection, saves a new place name in the open report's organisation profile."""
    other = open_sessions(window.database_url)
    try:
        his = organisations.get_organisation(other, window.editing.report.organisation.id)
        organisations.update_organisation(other, replace(his, place=place))
    finally:
        other.close()


def type_profile(qtbot, window, fields: dict[str, str]):
    """She opens the profile form, types fields (path → text) and clicks OK; returns the form."""
    window.edit_org_action.trigger()
    form = window.organisations.dialog
    for path, text in fields.items():
        edit = form.edits[path]
        edit.setFocus()
        edit.selectAll()
        type_text(edit, text)
    click(qtbot, form.button_box.button(QDialogButtonBox.StandardButton.Ok))
    return form


def her_profile_edit_is_refused(qtbot, window, fields: dict[str, str]):
    """She types fields into the profile form and clicks OK; returns the conflict dialog shown."""
    type_profile(qtbot, window, fields)
    qtbot.waitUntil(lambda: window.organisations.conflict_dialog is not None
                    and window.organisations.conflict_dialog.isVisible())
    return window.organisations.conflict_dialog


def rows(dialog) -> dict[str, tuple[str, str]]:
    table = dialog.table
    return {table.item(row, 0).text().split("\n")[0]: (table.item(row, 1).text(), table.item(row, 2).text())
            for row in range(table.rowCount())}


def stored(window):
    return organisations.get_organisation(window.sessions, window.editing.report.organisation.id)


def test_her_profile_after_his_shows_both_values_named_as_in_the_form(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    his_place_change(window, "Quận Một")

    dialog = her_profile_edit_is_refused(qtbot, window, {"organisation.place": "Quận Ba",
                                                         "organisation.signature.name": "Lê Thị C"})

    assert dialog.windowTitle() == "Người khác đã lưu hồ sơ tổ chức này"
    assert rows(dialog) == {"Địa danh": ("Quận Một", "Quận Ba"),
                            "Họ tên người ký": (rows(dialog)["Họ tên người ký"][0], "Lê Thị C")}
    assert stored(window).place == "Quận Một"  # nothing of hers written yet


def test_keeping_his_place_and_her_signer_saves_both(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    his_place_change(window, "Quận Một")
    dialog = her_profile_edit_is_refused(qtbot, window, {"organisation.place": "Quận Ba",
                                                         "organisation.signature.name": "Lê Thị C"})
    place_row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text().startswith("Địa"))
    theirs = dialog.choices[place_row][0]

    qtbot.mouseClick(theirs, Qt.MouseButton.LeftButton, pos=theirs.rect().center())
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        click(qtbot, dialog.mix_button)

    profile = stored(window)
    assert (profile.place, profile.signature.name) == ("Quận Một", "Lê Thị C")
    assert window.editing.report.organisation.place == "Quận Một"


def test_keeping_all_of_hers_overwrites_his_place(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    his_place_change(window, "Quận Một")
    dialog = her_profile_edit_is_refused(qtbot, window, {"organisation.place": "Quận Ba"})

    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        click(qtbot, dialog.mine_button)

    assert stored(window).place == "Quận Ba"


def test_keeping_all_of_his_leaves_the_stored_profile_and_shows_it(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    his_place_change(window, "Quận Một")
    dialog = her_profile_edit_is_refused(qtbot, window, {"organisation.place": "Quận Ba"})

    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        click(qtbot, dialog.theirs_button)

    assert stored(window).place == "Quận Một"
    assert window.editing.report.organisation.place == "Quận Một"


def test_a_profile_the_server_did_not_take_opens_again_with_what_she_typed_and_ok_saves_it(
        qtbot, engine_window, monkeypatch):
    from app.domain.errors import ConnectionLost

    window = engine_window
    open_demo(qtbot, window)
    real = organisations.update_organisation
    calls = []

    def out_of_reach(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise ConnectionLost("Mất kết nối tới cơ sở dữ liệu dùng chung.")
        return real(*args, **kwargs)

    monkeypatch.setattr(organisations, "update_organisation", out_of_reach)
    messages = []
    window.runner.failed.connect(lambda *args: messages.append(args))
    first = type_profile(qtbot, window, {"organisation.place": "Quận Ba"})

    qtbot.waitUntil(lambda: window.organisations.dialog is not first and window.organisations.dialog.isVisible())
    assert messages and "Mất kết nối" in " ".join(map(str, messages[0]))
    again = window.organisations.dialog
    assert again.edits["organisation.place"].text() == "Quận Ba"  # what she typed, not the stored profile
    assert stored(window).place != "Quận Ba"

    click(qtbot, again.button_box.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: stored(window).place == "Quận Ba")
    assert len(calls) == 2
