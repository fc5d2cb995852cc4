"""The organisation dialog on a house-style file that holds more than a look, or is hostile: she is told, in place."""

from __future__ import annotations

import zipfile

import docx
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.gui.dialogs.organisation_dialog import OrganisationDialog
from app.render.reference import reference_path
from tests.gui.dialogs.test_organisation_dialog import O, choose_in_file_dialog, existing

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def dialog(qtbot):
    dialog = OrganisationDialog(existing())
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def ok_enabled(dialog) -> bool:
    return dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_a_house_style_with_a_letter_in_it_shows_what_is_left_out_and_allows_ok(qtbot, dialog, tmp_path):
    path = tmp_path / "cong-van-cu.docx"
    document = docx.Document(str(reference_path()))
    document.add_paragraph("Nội dung công văn cũ")
    document.save(str(path))

    choose_in_file_dialog(qtbot, dialog, dialog.reference_button, path)

    problem = dialog.problem_label(O + "reference_docx")
    assert problem.isVisible()
    assert "chỉ lấy các kiểu, phông chữ, thiết lập trang và chủ đề" in problem.text()
    assert "thân văn bản" in problem.text()
    assert ok_enabled(dialog)


def test_a_zip_bomb_chosen_as_house_style_is_named_and_blocks_ok(qtbot, dialog, tmp_path):
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(reference_path()) as base, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            out.writestr(info.filename, base.read(info))
        out.writestr("word/media/zero.bin", b"\0" * (100 * 1024 * 1024))

    choose_in_file_dialog(qtbot, dialog, dialog.reference_button, path)

    problem = dialog.problem_label(O + "reference_docx")
    assert problem.isVisible()
    assert "vượt xa mức một tài liệu Word có" in problem.text()
    assert not ok_enabled(dialog)
