"""The shared-database dialog: server, port, database, user and password (or a pasted URL), checked, then used."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.presence import this_user
from app.gui import ui_state
from app.gui.tasks import Tasks
from app.i18n import _

# Colours of the check's result: dark enough to read on the light window background.
GOOD, BAD = "#1e6b2a", "#b3261e"


class DatabaseDialog(QDialog):
    """Where an office's IT person or a clerk connects this computer to the shared PostgreSQL database.

    "Test the connection" connects in the database thread and says, in her words, what it found: the database ready,
    empty (the app creates its tables), older (upgraded when used), newer than this app, or why it cannot connect.
    "Use this database" checks again, stores the URL without its password (ui_state.DATABASE_URL) and the password in
    the OS keyring when she ticks it and there is one, and reopens the window on that database. "Back to the data on
    this computer" forgets the shared database and reopens the window on the SQLite file. The password is never
    written to the settings file or the log.

    Signals:
        database_chosen(str): the full URL (with its password, in memory only) to reopen the window on.
        local_chosen(): reopen the window on the data on this computer.
    """

    database_chosen = Signal(str)
    local_chosen = Signal()

    def __init__(self, tasks: Tasks, current_url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.services import office

        self.tasks = tasks
        self._upgrade_agreed = ""  # the URL of an older database she was told will be upgraded
        self.setWindowTitle(_("Shared database"))
        intro = QLabel(_(
            "Several people in an office can work on the same organisations and reports when every computer uses "
            "one PostgreSQL database. Ask whoever runs the server for these details. The window reopens on the "
            "database you choose."))
        intro.setWordWrap(True)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("postgresql://vanthu@may-chu:5432/tongket")
        self.url_edit.setToolTip(_("Paste the whole address here to fill in the fields below."))
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText("192.168.1.10")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(office.SERVER_PORT)
        self.database_edit = QLineEdit()
        self.database_edit.setPlaceholderText("tongket")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(_("Remember the password on this computer (in the system's password store)"))
        self.keyring_usable = office.keyring_usable()
        self.remember_check.setChecked(self.keyring_usable)
        self.remember_check.setVisible(self.keyring_usable)
        self.no_keyring_label = QLabel(_("This computer has no password store: the app will ask for the password "
                                         "each time it starts."))
        self.no_keyring_label.setWordWrap(True)
        self.no_keyring_label.setVisible(not self.keyring_usable)

        self.name_edit = QLineEdit(ui_state.get(ui_state.PRESENCE_NAME))
        self.name_edit.setPlaceholderText(this_user())
        self.name_edit.setToolTip(_(
            "Others who open the same report see this name and this computer's name above it. Left empty, the name "
            "you log in to the computer with is shown."))

        form = QFormLayout()
        form.addRow(_("Paste an address (URL):"), self.url_edit)
        form.addRow(_("Server:"), self.host_edit)
        form.addRow(_("Port:"), self.port_spin)
        form.addRow(_("Database:"), self.database_edit)
        form.addRow(_("User name:"), self.user_edit)
        form.addRow(_("Password:"), self.password_edit)
        form.addRow("", self.remember_check)
        form.addRow("", self.no_keyring_label)
        form.addRow(_("Your name, as others see it:"), self.name_edit)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.test_button = QPushButton(_("&Test the connection"))
        self.use_button = QPushButton(_("&Use this database"))
        self.local_button = QPushButton(_("&Back to the data on this computer"))
        self.close_button = QPushButton(_("Close"))
        self.local_button.setEnabled(bool(current_url))
        self.use_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.local_button)
        row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)

        self.url_edit.textEdited.connect(self.on_url_edited)
        self.test_button.clicked.connect(lambda: self.check(use=False))
        self.use_button.clicked.connect(lambda: self.check(use=True))
        self.local_button.clicked.connect(self.on_local_clicked)
        self.close_button.clicked.connect(self.reject)
        if current_url:
            self._fill(current_url)

    def _fill(self, url: str) -> None:
        from app.services import office

        try:
            parts = office.server_parts(url)
        except ValueError:
            return
        self.host_edit.setText(str(parts["host"]))
        self.port_spin.setValue(int(parts["port"]) or office.SERVER_PORT)
        self.database_edit.setText(str(parts["database"]))
        self.user_edit.setText(str(parts["user"]))
        if parts["password"]:
            self.password_edit.setText(str(parts["password"]))

    def on_url_edited(self, text: str) -> None:
        from app.services import office

        if office.is_server_url(text):
            self._fill(text)
            self._show("", good=True)

    def url(self) -> str:
        """The URL the fields name, with the password typed."""
        from app.services import office

        return office.server_url(self.host_edit.text().strip(), self.port_spin.value(),
                                 self.database_edit.text().strip(), self.user_edit.text().strip(),
                                 self.password_edit.text())

    def check(self, use: bool) -> None:
        """Test the connection in the database thread; when use, switch to the database once it answered well."""
        from app.services import office

        if not (self.host_edit.text().strip() and self.database_edit.text().strip()):
            self._show(_("Fill in the server and the database."), good=False)
            return
        url = self.url()
        self._busy(True)
        self._show(_("Connecting…"), good=True)

        def done(state: office.SchemaState, use: bool = use) -> None:
            self._busy(False)
            usable = state is not office.SchemaState.NEWER
            message = office.result_message(state)
            if use and state is office.SchemaState.OLDER and self._upgrade_agreed != url:
                # An upgrade cannot be undone: she reads that first, and clicks again to go ahead.
                self._upgrade_agreed = url
                message += "\n" + _("Click “Use this database” again to upgrade it and use it.")
                use = False
            self._show(message, good=usable)
            if use and usable:
                self._use(url)

        def failed(exc: BaseException) -> None:
            self._busy(False)
            message = exc.message if isinstance(exc, UserError) else _("The connection could not be tested.")
            self._show(message, good=False)

        self.tasks.run_db(lambda: office.check_connection(url), done, failed)

    def _use(self, url: str) -> None:
        from app.services import office

        stored = office.without_password(url)
        password = self.password_edit.text()
        if password and self.remember_check.isChecked():
            office.remember_password(stored, password)
        else:
            office.forget_password(stored)
        ui_state.put(ui_state.DATABASE_URL, stored)
        ui_state.put(ui_state.PRESENCE_NAME, self.name_edit.text().strip())
        self.accept()
        self.database_chosen.emit(url)

    def on_local_clicked(self) -> None:
        ui_state.put(ui_state.DATABASE_URL, "")
        self.accept()
        self.local_chosen.emit()

    def _busy(self, busy: bool) -> None:
        for button in (self.test_button, self.use_button, self.local_button):
            button.setEnabled(not busy)

    def _show(self, message: str, good: bool) -> None:
        self.result_label.setText(message)
        self.result_label.setStyleSheet(f"color: {GOOD if good else BAD};")


class PasswordDialog(QDialog):
    """Asks for the shared database's password at start, where no password store keeps it; nothing is written.

    Signals:
        password_given(str): the password typed, when OK is clicked.
    """

    password_given = Signal(str)

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.services import office

        parts = office.server_parts(url)
        self.setWindowTitle(_("Password of the shared database"))
        label = QLabel(_("Password of {user} for the database {database} on {server}:").format(
            user=parts["user"], database=parts["database"], server=parts["host"]))
        label.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        hint = QLabel(_("Cancel opens the data on this computer instead."))
        hint.setWordWrap(True)
        self.ok_button = QPushButton(_("Open"))
        self.cancel_button = QPushButton(_("Cancel"))
        self.ok_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.on_ok_clicked)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.password_edit)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def on_ok_clicked(self) -> None:
        self.accept()
        self.password_given.emit(self.password_edit.text())


def configured_url(ask: bool = True, parent: QWidget | None = None) -> str | None:
    """The shared database chosen in the settings, with its password (from the keyring, or asked now when ask).

    None when none is chosen, or she cancelled the password question: the data on this computer is used then.
    """
    from app.services import office

    stored = ui_state.get(ui_state.DATABASE_URL)
    if not stored:
        return None
    if not office.server_parts(stored)["user"]:
        return stored
    password = office.stored_password(stored)
    if password is None:
        if not ask:
            return None
        dialog = PasswordDialog(stored, parent)
        given: list[str] = []
        dialog.password_given.connect(given.append)
        dialog.exec()
        if not given:
            return None
        password = given[0]
    return office.with_password(stored, password)
