"""The About dialog: the version, where the data and the log are, and a Close button that closes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import APP_DISPLAY_NAME, __version__
from app.gui.dialogs.about_dialog import AboutDialog
from app.i18n import _

# The offscreen platform cannot pass a window's size limits on; that is not the dialog's fault.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def make(qtbot, **kwargs):
    dialog = AboutDialog(**kwargs)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_about_shows_the_name_and_the_version(qtbot):
    dialog = make(qtbot)
    assert dialog.isVisible()
    assert dialog.name_label.text() == APP_DISPLAY_NAME
    assert __version__ in dialog.version_label.text()
    assert dialog.version_label.text() == _("Version {version}").format(version=__version__)
    assert APP_DISPLAY_NAME in dialog.windowTitle()


def test_about_is_in_vietnamese():
    # The catalog translates the dialog's own strings (Qt's standard buttons are not used).
    assert _("Version {version}") != "Version {version}"
    assert _("Close") != "Close"
    assert _("About {app}") != "About {app}"


def test_about_names_the_data_folder_and_the_log_file(qtbot, data_dir):
    dialog = make(qtbot)
    assert dialog.data_dir_label.text() == str(data_dir)
    assert dialog.log_path_label.text() == str(data_dir / "logs" / "tongket.log")


def test_about_shows_the_log_file_it_is_given(qtbot, tmp_path):
    log = tmp_path / "elsewhere" / "tongket.log"
    dialog = make(qtbot, log_path=log)
    assert dialog.log_path_label.text() == str(log)


def test_about_shows_the_qt_and_python_versions(qtbot):
    import platform

    from PySide6.QtCore import qVersion

    dialog = make(qtbot)
    text = dialog.versions_label.text()
    assert qVersion() in text and platform.python_version() in text


def test_about_has_the_app_icon(qtbot):
    dialog = make(qtbot)
    assert not dialog.icon_label.pixmap().isNull()
    assert not dialog.windowIcon().isNull()


def test_close_button_closes_the_dialog(qtbot):
    dialog = make(qtbot)
    with qtbot.waitSignal(dialog.finished, timeout=1000):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
