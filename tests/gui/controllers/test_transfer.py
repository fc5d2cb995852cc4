"""The import and export flow: .docx written in the background, report files out and back in."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.gui import ui_state
from app.gui.controllers.transfer import TransferController
from app.services import interchange, reports


@pytest.fixture
def controller(runner, prompts, editing, parent):
    return TransferController(runner, prompts, editing, parent)


@pytest.fixture
def opened(runner, editing, demo):
    report_id = reports.save_new_report(runner.sessions, demo)
    editing.open(report_id, reports.get_report(runner.sessions, report_id))
    return report_id


def test_the_open_report_is_written_as_docx_and_the_folder_remembered(qtbot, controller, opened, prompts, tmp_path):
    target = tmp_path / "bao-cao.docx"
    with qtbot.waitSignal(controller.export_finished, timeout=20_000) as finished:
        controller.export_to(target)
    assert finished.args == [str(target)]
    with zipfile.ZipFile(target) as docx:
        assert "ĐẢNG ỦY" in docx.read("word/document.xml").decode("utf-8")
    assert ui_state.get(ui_state.LAST_EXPORT_DIR) == str(tmp_path)
    assert str(target) in prompts.info_box.text()
    assert QApplication.overrideCursor() is None


def test_the_suggested_file_name_says_the_kind_and_year(controller, opened, editing):
    assert controller.suggested_file_name() == f"Bao-cao-tong-ket-{editing.report.year}.docx"


def test_errors_in_the_figures_ask_before_the_export(controller, opened, editing, prompts):
    editing.report.stats.membership.closing_total = 1
    editing.changed("stats")
    controller.export_docx()
    assert prompts.question_box.icon() == QMessageBox.Icon.Warning
    prompts.question_box.button(QMessageBox.StandardButton.No).click()
    assert controller.file_dialog is None


def test_a_report_file_goes_out_and_comes_back_in_as_a_new_report_of_her_own(qtbot, controller, opened, runner,
                                                                              tmp_path):
    path = tmp_path / "r.json"
    with qtbot.waitSignal(controller.message_posted) as posted:
        controller.export_file_to(path)
    assert str(path) in posted.args[0]
    assert interchange.import_report_file(path).year == 2026
    with qtbot.waitSignal(controller.report_imported) as imported:
        controller.import_from(path)
    assert imported.args[0] != opened
    assert len(reports.list_reports(runner.sessions)) == 2
    assert ui_state.get(ui_state.LAST_IMPORT_DIR) == str(tmp_path)


def test_an_imported_sample_is_stored_as_hers(qtbot, controller, runner, tmp_path):
    sample = reports.get_report(runner.sessions, reports.open_sample(runner.sessions))
    path = tmp_path / "mau.json"
    interchange.export_report_file(sample, path)
    with qtbot.waitSignal(controller.report_imported) as imported:
        controller.import_from(path)
    assert not reports.get_report(runner.sessions, imported.args[0]).organisation.is_sample


def test_a_bad_file_says_why_and_stores_nothing(controller, runner, prompts, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    controller.import_from(bad)
    assert "bad.json" in prompts.error_box.text()
    assert reports.list_reports(runner.sessions) == []
    assert QApplication.overrideCursor() is None
