"""Ctrl+P makes a PDF of the open report through LibreOffice; without it, a message says what to install."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.gui import ui_state
from tests.gui.test_main_window import open_demo, window  # noqa: F401 - the window fixture


def test_without_libreoffice_the_docx_is_written_and_a_message_names_what_to_install(
        qtbot, window, tmp_path, monkeypatch):  # noqa: F811
    from app.services import export

    monkeypatch.setattr(export, "find_libreoffice", lambda: None)
    open_demo(qtbot, window)
    window.pdf_action.trigger()
    window.transfer.file_dialog.selectFile(str(tmp_path / "bao-cao.pdf"))
    window.transfer.file_dialog.accept()
    qtbot.waitUntil(lambda: window.prompts.error_box is not None and window.prompts.error_box.isVisible(),
                    timeout=20_000)
    assert "LibreOffice" in window.prompts.error_box.text()
    assert (tmp_path / "bao-cao.docx").exists()
    assert ui_state.get(ui_state.LAST_EXPORT_DIR) == str(tmp_path)


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_export_notice_offers_the_pdf_of_the_file_just_written(qtbot, window, tmp_path, monkeypatch):  # noqa: F811
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    open_demo(qtbot, window)
    target = tmp_path / "bao-cao.docx"
    with qtbot.waitSignal(window.export_finished, timeout=20_000):
        window.transfer.export_to(target)
    box = window.prompts.info_box
    labels = [b.text() for b in box.buttons()]
    assert "Mở tệp" in labels and "Xuất PDF" in labels
    pdf_button = next(b for b in box.buttons() if b.text() == "Xuất PDF")
    with qtbot.waitSignal(window.transfer.pdf_finished, timeout=120_000):
        pdf_button.click()
    assert Path(opened[-1]) == target.with_suffix(".pdf")
    assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    assert isinstance(box, QMessageBox)
