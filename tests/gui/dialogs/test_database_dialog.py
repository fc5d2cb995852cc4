"""The shared-database dialog: a real check against the test PostgreSQL cluster, the password kept out of the settings
file (in a keyring when there is one, asked at each start when there is none), and messages in Vietnamese."""

from __future__ import annotations

import logging

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt

from app.gui import ui_state
from app.gui.dialogs import database_dialog
from app.gui.dialogs.database_dialog import DatabaseDialog, PasswordDialog, configured_url
from app.gui.tasks import Tasks
from app.services import office
from tests.gui.keys import type_text


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict, standing for the OS's password store."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[service, username] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    store = MemoryKeyring()
    keyring.set_keyring(store)
    return store


@pytest.fixture(params=[pytest.param("postgresql", marks=pytest.mark.postgresql)])
def server(postgresql_cluster):
    """A database of the test's own in the cluster: its URL (with the password)."""
    url = postgresql_cluster.create()
    yield url
    postgresql_cluster.drop(url)


def parts(url: str) -> dict:
    return office.server_parts(url)


def open_dialog(qtbot, current: str = "") -> DatabaseDialog:
    dialog = DatabaseDialog(Tasks(inline=True), current)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(qtbot, dialog: DatabaseDialog, url: str, password: str | None = None) -> None:
    """Type the server's details into the fields, as the office's IT person reads them out."""
    p = parts(url)
    for edit, text in ((dialog.host_edit, p["host"]), (dialog.database_edit, p["database"]),
                       (dialog.user_edit, p["user"]), (dialog.password_edit, p["password"] if password is None
                                                       else password)):
        edit.setFocus()
        edit.clear()
        type_text(edit, str(text))
    dialog.port_spin.setValue(int(p["port"]))


def settings_text(isolated_settings) -> str:
    ui_state.settings().sync()
    return "\n".join(f.read_text(encoding="utf-8") for f in isolated_settings.rglob("*.ini"))


def test_testing_a_good_connection_says_the_database_is_ready(qtbot, server):
    dialog = open_dialog(qtbot)
    fill(qtbot, dialog, server)

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)

    assert dialog.result_label.text() == "Đã kết nối. Cơ sở dữ liệu sẵn sàng để dùng."


def test_a_wrong_password_is_named_in_vietnamese_without_the_password(qtbot, server, caplog):
    caplog.set_level(logging.DEBUG)
    dialog = open_dialog(qtbot)
    fill(qtbot, dialog, server, password="sai-mat-khau-91")

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)

    shown = dialog.result_label.text()
    assert shown == "Máy chủ từ chối tên người dùng hoặc mật khẩu của tongket. Hãy kiểm tra lại cả hai rồi thử lại."
    assert "sai-mat-khau-91" not in caplog.text and parts(server)["password"] not in caplog.text


def test_a_missing_database_and_a_server_that_does_not_answer_say_so(qtbot, server):
    dialog = open_dialog(qtbot)
    fill(qtbot, dialog, server)
    dialog.database_edit.setText("khong_co")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "không có cơ sở dữ liệu nào tên khong_co" in dialog.result_label.text()

    dialog.database_edit.setText(str(parts(server)["database"]))
    dialog.port_spin.setValue(1)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text().startswith("Không kết nối được máy chủ cơ sở dữ liệu")
    assert parts(server)["password"] not in dialog.result_label.text()


@pytest.mark.postgresql
def test_an_empty_database_is_said_to_get_its_tables(qtbot, postgresql_cluster):
    url = postgresql_cluster.create()
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    try:
        assert office.check_connection(url) is office.SchemaState.EMPTY
        assert "tạo các bảng" in office.result_message(office.SchemaState.EMPTY)
    finally:
        postgresql_cluster.drop(url)


def test_pasting_an_address_fills_the_fields(qtbot):
    dialog = open_dialog(qtbot)
    dialog.url_edit.setFocus()
    type_text(dialog.url_edit, "postgresql://vanthu:bi-mat@may-chu:5433/tongket")

    assert (dialog.host_edit.text(), dialog.port_spin.value(), dialog.database_edit.text(),
            dialog.user_edit.text(), dialog.password_edit.text()) == ("may-chu", 5433, "tongket", "vanthu", "bi-mat")


def test_using_it_keeps_the_password_in_the_keyring_and_out_of_the_settings_file(
        qtbot, server, memory_keyring, isolated_settings):
    dialog = open_dialog(qtbot)
    fill(qtbot, dialog, server)
    assert dialog.remember_check.isVisible() and dialog.remember_check.isChecked()

    with qtbot.waitSignal(dialog.database_chosen) as chosen:
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)

    password = str(parts(server)["password"])
    assert parts(chosen.args[0])["password"] == password
    text = settings_text(isolated_settings)
    assert "database_url" in text and parts(server)["database"] in text
    assert password not in text
    assert list(memory_keyring.passwords.values()) == [password]
    # The next start opens the shared database with the password from the keyring, asking nothing.
    assert parts(configured_url(ask=False)) == parts(server)


def test_without_a_keyring_the_password_is_asked_at_each_start_and_never_written(
        qtbot, server, isolated_settings, monkeypatch):
    dialog = open_dialog(qtbot)
    assert not dialog.remember_check.isVisible() and not dialog.remember_check.isChecked()
    assert "hỏi mật khẩu mỗi lần" in dialog.no_keyring_label.text() and dialog.no_keyring_label.isVisible()
    fill(qtbot, dialog, server)
    with qtbot.waitSignal(dialog.database_chosen):
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    password = str(parts(server)["password"])
    assert password not in settings_text(isolated_settings)

    asked: list[PasswordDialog] = []

    def answer(self: PasswordDialog) -> int:  # she types the password into the real dialog and clicks Open
        asked.append(self)
        type_text(self.password_edit, password)
        qtbot.mouseClick(self.ok_button, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(PasswordDialog, "exec", answer)
    assert parts(configured_url()) == parts(server)
    assert len(asked) == 1 and "tongket" in asked[0].findChildren(database_dialog.QLabel)[0].text()
    assert password not in settings_text(isolated_settings)


def test_cancelling_the_password_question_opens_this_computers_data(qtbot, monkeypatch):
    ui_state.put(ui_state.DATABASE_URL, "postgresql://vanthu@may-chu:5432/tongket")
    monkeypatch.setattr(PasswordDialog, "exec", lambda self: self.reject() or 0)

    assert configured_url() is None


def test_back_to_this_computer_forgets_the_shared_database(qtbot):
    ui_state.put(ui_state.DATABASE_URL, "postgresql://vanthu@may-chu:5432/tongket")
    dialog = open_dialog(qtbot, "postgresql://vanthu@may-chu:5432/tongket")
    assert dialog.host_edit.text() == "may-chu"

    with qtbot.waitSignal(dialog.local_chosen):
        qtbot.mouseClick(dialog.local_button, Qt.MouseButton.LeftButton)

    assert ui_state.get(ui_state.DATABASE_URL) == ""


def test_the_window_menu_opens_the_dialog_and_asks_to_reopen_on_the_chosen_database(qtbot, server):
    from app.gui.main_window import MainWindow

    window = MainWindow(tasks=Tasks(inline=True))
    qtbot.addWidget(window)
    assert window.database_action.text().replace("&", "") == "Cơ sở dữ liệu dùng chung…"
    window.database_action.trigger()
    dialog = window.database_dialog
    fill(qtbot, dialog, server)

    with qtbot.waitSignal(window.database_change_requested) as requested:
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)

    assert parts(requested.args[0]) == parts(server)


def test_the_variable_takes_precedence_over_the_windows_setting(memory_keyring, monkeypatch):
    from app.gui.application import start_url

    ui_state.put(ui_state.DATABASE_URL, "postgresql://vanthu@may-chu:5432/tongket")
    office.remember_password("postgresql://vanthu@may-chu:5432/tongket", "bi-mat")
    assert parts(start_url()) == parts("postgresql://vanthu:bi-mat@may-chu:5432/tongket")

    monkeypatch.setenv("TONGKET_DATABASE_URL", "postgresql://khac@may-khac/tongket")
    assert start_url() is None  # the storage layer reads the variable itself


def test_an_older_database_is_upgraded_only_after_she_read_so_and_clicked_again(qtbot, server):
    from sqlalchemy import create_engine, text

    engine = create_engine(server)
    with engine.begin() as connection:  # as the previous version leaves it (only its revision is read)
        connection.execute(text("UPDATE alembic_version SET version_num = '0009_received_reports'"))
    engine.dispose()
    dialog = open_dialog(qtbot)
    fill(qtbot, dialog, server)
    chosen: list[str] = []
    dialog.database_chosen.connect(chosen.append)

    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert chosen == []
    assert "sẽ được nâng cấp" in dialog.result_label.text()
    assert "lần nữa" in dialog.result_label.text()

    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert len(chosen) == 1
    assert office.check_connection(server) is office.SchemaState.OLDER  # the checks wrote nothing


def test_the_status_bar_names_the_shared_database_and_nothing_for_this_computers(qtbot, engine_window):
    label = engine_window.database_label.text()
    if engine_window.sessions.path is not None:
        assert label == ""
    else:
        where = parts(engine_window.database_url)
        assert label == f"CSDL dùng chung: {where['database']} trên {where['host']}"
        assert str(where["password"]) not in label


def test_the_name_she_types_is_the_one_others_see_beside_the_report(qtbot, server, memory_keyring, isolated_settings):
    from app.domain.presence import this_user

    dialog = open_dialog(qtbot)
    assert dialog.name_edit.text() == "" and dialog.name_edit.placeholderText() == this_user()
    fill(qtbot, dialog, server)
    dialog.name_edit.setFocus()
    type_text(dialog.name_edit, "Đồng chí Văn thư")

    with qtbot.waitSignal(dialog.database_chosen):
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)

    assert ui_state.get(ui_state.PRESENCE_NAME) == "Đồng chí Văn thư"
    assert open_dialog(qtbot).name_edit.text() == "Đồng chí Văn thư"  # shown again the next time
