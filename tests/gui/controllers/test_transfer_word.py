"""Nhập từ báo cáo Word: the .docx read in the background, reviewed, stored on OK; nothing from a bad file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.gui.controllers.transfer import TransferController
from app.services import reports
from tests.importers.word_fixtures import SPECS, build


def _controller(runner, prompts, editing, parent) -> TransferController:
    return TransferController(runner, prompts, editing, parent)


def test_a_word_report_is_reviewed_then_stored_with_the_ticked_figures(qtbot, runner, prompts, editing, parent,
                                                                      tmp_path):
    controller = _controller(runner, prompts, editing, parent)
    path = build(SPECS[8], tmp_path / "chi_bo.docx")
    controller.import_word_from(path)
    qtbot.waitUntil(lambda: controller.word_dialog is not None and controller.word_dialog.isVisible())
    dialog = controller.word_dialog
    assert dialog.figures.count() == 7
    with qtbot.waitSignal(controller.report_imported) as imported:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    stored = reports.get_report(runner.sessions, imported.args[0])
    assert stored.organisation.issuer_name == "CHI BỘ TRƯỜNG TIỂU HỌC AN BÌNH"
    assert stored.stats.membership.closing_total == 29
    assert [s.key for s in stored.sections] == ["phan_1", "phan_2"]


def test_a_file_that_is_not_a_word_report_says_why_and_stores_nothing(qtbot, runner, prompts, editing, parent,
                                                                     tmp_path):
    controller = _controller(runner, prompts, editing, parent)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    controller.import_word_from(bad)
    qtbot.waitUntil(lambda: "bad.docx" in prompts.error_box.text())
    assert controller.word_dialog is None
    assert reports.list_reports(runner.sessions) == []
    assert QApplication.overrideCursor() is None
