"""The About dialog: name, version, where the data and the log file are, and the Qt and Python versions."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_DISPLAY_NAME, __version__, paths
from app.gui.icons import app_icon
from app.i18n import _
from app.logging_setup import LOG_FILE_NAME

ICON_SIZE = 64  # pixels


class AboutDialog(QDialog):
    """Tells which version runs and where its files are, so that a user can tell support."""

    def __init__(self, parent: QWidget | None = None, *, data_dir: Path | None = None,
                 log_path: Path | None = None) -> None:
        """data_dir and log_path default to the user data folder and its logs/tongket.log."""
        super().__init__(parent)
        data_dir = data_dir if data_dir is not None else paths.user_data_dir()
        log_path = log_path if log_path is not None else data_dir / "logs" / LOG_FILE_NAME
        self.setWindowTitle(_("About {app}").format(app=APP_DISPLAY_NAME))
        self.setWindowIcon(app_icon())

        self.icon_label = QLabel()
        self.icon_label.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.name_label = QLabel(APP_DISPLAY_NAME)
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.version_label = QLabel(_("Version {version}").format(version=__version__))
        self.description_label = QLabel(_("Drafts the year-end report of a Party committee as a Word document."))
        self.description_label.setWordWrap(True)

        self.data_dir_label = _path_label(data_dir)
        self.log_path_label = _path_label(log_path)
        self.versions_label = QLabel(_("Qt {qt}, PySide6 {pyside}, Python {python}").format(
            qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()))
        self.versions_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        files = QFormLayout()
        files.addRow(_("Data folder:"), self.data_dir_label)
        files.addRow(_("Log file:"), self.log_path_label)
        files.addRow(_("Built with:"), self.versions_label)

        text = QVBoxLayout()
        text.addWidget(self.name_label)
        text.addWidget(self.version_label)
        text.addWidget(self.description_label)
        text.addSpacing(8)
        text.addLayout(files)
        top = QHBoxLayout()
        top.addWidget(self.icon_label)
        top.addSpacing(12)
        top.addLayout(text, 1)

        # A button of our own: Qt ships no Vietnamese catalog for its standard "Close".
        self.close_button = QPushButton(_("Close"))
        self.close_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)


def _path_label(path: Path) -> QLabel:
    """A label showing a path the user can select and copy."""
    label = QLabel(str(path))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label
