"""The app icon as a QIcon, from the PNG renderings in resources/icons (the window, the About dialog)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from app import paths


def app_icon() -> QIcon:
    """The Tổng Kết icon at every size shipped; a null QIcon when the files are missing."""
    icon = QIcon()
    for file in paths.app_icon_files():
        icon.addFile(str(file))
    return icon
