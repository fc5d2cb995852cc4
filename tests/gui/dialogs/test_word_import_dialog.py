"""The review dialog of a report read from Word: what it shows, the ticks of the figures, and what OK stores."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.gui.dialogs.word_import_dialog import WordImportDialog
from app.services import reports, word_import
from app.services.sessions import open_sessions
from tests.importers.word_fixtures import SPECS, build

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def reading(tmp_path):
    return word_import.read_word_file(build(SPECS[3], tmp_path / "bao_cao.docx"))  # the one with a body table


def test_it_shows_the_header_the_headings_where_they_went_and_what_was_not_understood(qtbot, reading):
    dialog = WordImportDialog(reading)
    qtbot.addWidget(dialog)
    assert "ĐẢNG ỦY CƠ QUAN ĐẢNG - ĐOÀN THỂ" in dialog.summary.text()
    assert "Số 25-BC/ĐU" in dialog.summary.text()
    top = [dialog.headings.topLevelItem(i).text(0) for i in range(dialog.headings.topLevelItemCount())]
    assert top == ["Phần thứ nhất KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025", "Phần thứ hai PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026"]
    first = dialog.headings.topLevelItem(0).child(0)
    assert (first.text(0), first.text(1), first.text(2)) == ("I- ĐẶC ĐIỂM TÌNH HÌNH", "ĐẶC ĐIỂM TÌNH HÌNH", "2")
    assert dialog.not_understood.count() == 1
    assert dialog.figures.count() == len(reading.proposals) > 0


def test_unticking_a_figure_leaves_it_out_and_ok_stores_the_report_with_the_others(qtbot, reading):
    dialog = WordImportDialog(reading)
    qtbot.addWidget(dialog)
    dialog.show()
    row = next(i for i, p in enumerate(reading.proposals) if p.field == "stats.membership.admitted")
    item = dialog.figures.item(row)
    dialog.figures.scrollToItem(item)
    rect = dialog.figures.visualItemRect(item)
    qtbot.mouseClick(dialog.figures.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))
    if item.checkState() is Qt.CheckState.Checked:  # the click selected the row: the space bar ticks
        qtbot.keyClick(dialog.figures, Qt.Key.Key_Space)
    assert item.checkState() is Qt.CheckState.Unchecked
    accepted = dialog.accepted_proposals()
    assert "stats.membership.admitted" not in {p.field for p in accepted}
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    database = open_sessions()
    try:
        report_id = word_import.store_reading(database, reading, accepted)
        stored = reports.get_report(database, report_id)
    finally:
        database.close()
    assert stored.stats.membership.admitted == 0
    assert stored.stats.units == 13
    assert [e.text for e in stored.section("dan_van").entries] == [SPECS[3].outline[8][3][0]]


def test_cancel_stores_nothing(qtbot, reading):
    dialog = WordImportDialog(reading)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.result() == 0
