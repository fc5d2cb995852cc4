"""An office's shared database: its URL in parts, a connection check, and the password kept in the OS keyring.

The URL is stored without its password; the password goes to the operating system's keyring (Windows Credential
Manager, macOS Keychain, the Secret Service on a Linux desktop) through the keyring library. Where no keyring can
be used (a Linux machine without a desktop session), nothing stores it: the window asks for it at each start.
"""

from __future__ import annotations

import logging

from app.i18n import _
from app.storage import db
from app.storage.db import SERVER_PORT, SchemaState

__all__ = [
    "SERVER_PORT", "SchemaState", "check_connection", "forget_password", "is_server_url", "keyring_usable",
    "remember_password", "result_message", "server_parts", "server_url", "stored_password", "with_password",
    "without_password",
]

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Tổng Kết – cơ sở dữ liệu dùng chung"

server_url = db.server_url
server_parts = db.server_parts
without_password = db.without_password
with_password = db.with_password
is_server_url = db.is_server_url


def check_connection(url: str) -> SchemaState:
    """Connect to url and compare its schema with this app's, writing nothing; UserError saying what is wrong."""
    return db.check_server(url)


def result_message(state: SchemaState) -> str:
    """What a successful check means for her, translated."""
    if state is SchemaState.EMPTY:
        return _("Connected. The database is empty: the app will create its tables when you use it.")
    if state is SchemaState.CURRENT:
        return _("Connected. The database is ready to use.")
    if state is SchemaState.OLDER:
        return _("Connected. The database was made by an older version of the app: it will be upgraded when you "
                 "use it, after its tables are copied, rows and all, into a backup schema on the server; older "
                 "versions cannot open it afterwards.")
    return _("Connected, but the database was written by a newer version of the app. Install the newer version "
             "on this computer to use it.")


def _account(url: str) -> str:
    """The keyring's name for the password of url: its URL without the password."""
    return without_password(url)


def keyring_usable() -> bool:
    """Whether the OS keyring can hold a password here (False on a machine without one: ask at each start)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and backend.priority > 0


def remember_password(url: str, password: str) -> bool:
    """Keep password for url in the OS keyring; False, storing nothing, where no keyring can be used."""
    if not keyring_usable():
        return False
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, _account(url), password)
    except KeyringError as exc:
        log.warning("the keyring refused the password: %s", type(exc).__name__)
        return False
    return True


def stored_password(url: str) -> str | None:
    """The password kept for url in the OS keyring; None when there is none or no keyring."""
    if not keyring_usable():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, _account(url))
    except KeyringError as exc:
        log.warning("the keyring could not be read: %s", type(exc).__name__)
        return None


def forget_password(url: str) -> None:
    """Remove the password kept for url, if any."""
    if not keyring_usable():
        return
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, _account(url))
    except PasswordDeleteError:
        pass
    except KeyringError as exc:
        log.warning("the keyring could not forget the password: %s", type(exc).__name__)

