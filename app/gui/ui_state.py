"""Every QSettings key the app uses, declared once with its type and default (IniFormat)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Key(Generic[T]):
    name: str
    type: type
    default: T


# UI state: where things were left.
GEOMETRY = Key("state/geometry", QByteArray, QByteArray())
WINDOW_STATE = Key("state/window_state", QByteArray, QByteArray())
SPLITTER = Key("state/editor_splitter", QByteArray, QByteArray())
LAST_EXPORT_DIR = Key("state/last_export_dir", str, "")
LAST_IMPORT_DIR = Key("state/last_import_dir", str, "")
LAST_REPORT_ID = Key("state/last_report_id", int, 0)

# Preferences: what the user chose.
LANGUAGE = Key("preferences/language", str, "vi")
PREVIEW_VISIBLE = Key("preferences/preview_visible", bool, True)
PREVIEW_ZOOM = Key("preferences/preview_zoom", int, 100)  # per cent, one of preview_pane.ZOOM_STEPS
# The name other clerks see when she has a report open (office mode); empty: her user name on this computer.
PRESENCE_NAME = Key("preferences/presence_name", str, "")
# The office's shared database, WITHOUT its password (that is in the OS keyring, or asked at each start);
# "" for the data on this computer (the SQLite file).
DATABASE_URL = Key("preferences/database_url", str, "")


def settings() -> QSettings:
    """The app's settings file (INI in the user's config folder; QCoreApplication names it)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     _org(), _app())


def _org() -> str:
    from app import ORG_NAME

    return ORG_NAME


def _app() -> str:
    from app import APP_NAME

    return APP_NAME


def get(key: Key[T], store: QSettings | None = None) -> T:
    store = store or settings()
    value: Any = store.value(key.name, key.default)
    if key.type is bool and isinstance(value, str):
        return value.lower() == "true"  # type: ignore[return-value]
    if key.type is int:
        try:
            return int(value)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return key.default
    if value is None:
        return key.default
    stored: T = value  # QSettings gives back the value stored under the key, of the key's type
    return stored


def put(key: Key[T], value: T, store: QSettings | None = None) -> None:
    (store or settings()).setValue(key.name, value)
