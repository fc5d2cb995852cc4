"""The page of the sub-units' reports: 13 chi bộ files dropped, rated on the board, rolled up, exported with the annex;
a figure typed over the sum marked, kept across a restart and put back in one click."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.domain import fields as F
from app.domain.codec import to_dict
from app.domain.demo import demo_statistics, demo_subunit_exemplary, demo_subunit_ratings, demo_subunit_reports
from app.gui.collect_page import COL_ERRORS, COL_STATE, COL_UNIT
from app.gui.main_window import MainWindow
from app.gui.tasks import Tasks
from app.services import organisations
from tests.gui.test_main_window import click, open_demo
from tests.services.test_consolidation import write_subunits


@pytest.fixture
def window(qtbot):
    win = MainWindow(tasks=Tasks(inline=True))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    with qtbot.waitSignal(win.database_opened, timeout=10_000):
        win.start()
    yield win
    win.close()


def drop(page, paths: list[Path]) -> None:
    """Drop paths on the page as a file manager does: one QDropEvent carrying their URLs, given to the page's drop
    handler (QApplication delivers a drop only during a drag the platform started, which offscreen has none of)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(page.width() / 2, page.height() / 2), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)
    assert event.isAccepted()


def open_board_with_chi_bo(qtbot, window) -> None:
    open_demo(qtbot, window)
    parent_id = window.editing.report.organisation.id
    for report in demo_subunit_reports():
        organisations.add_sub_unit(window.sessions, parent_id, report.organisation)
    assert window.collect_action.isEnabled()
    with qtbot.waitSignal(window.collect_page.collect.board_shown if window.collect else
                          _board_shown(window), timeout=10_000):
        window.collect_action.trigger()


def _board_shown(window):
    window.collect_page  # noqa: B018 - builds the page and its controller
    return window.collect.board_shown


def test_thirteen_dropped_chi_bo_files_are_rolled_up_and_exported_with_the_annex(qtbot, window, tmp_path):
    open_board_with_chi_bo(qtbot, window)
    page = window.collect_page
    assert window.stack.currentWidget() is page and page.board.rowCount() == 13
    assert {page.board.item(r, COL_STATE).text() for r in range(13)} == {"Chưa gửi"}

    with qtbot.waitSignal(window.collect.board_shown, timeout=30_000):
        drop(page, write_subunits(tmp_path / "in"))

    assert {page.board.item(r, COL_STATE).text() for r in range(13)} == {"Đã gửi"}
    assert {page.board.item(r, COL_ERRORS).text() for r in range(13)} == {"–"}
    ratings, exemplary = demo_subunit_ratings(), demo_subunit_exemplary()
    for r in range(13):
        name = page.board.item(r, COL_UNIT).text()
        unit_id = page.board.item(r, COL_UNIT).data(Qt.ItemDataRole.UserRole)
        box = page.rating_box(unit_id)
        box.setCurrentIndex(box.findData(ratings[name]))
        if name in exemplary:
            page.exemplary_box(unit_id).setChecked(True)

    with qtbot.waitSignal(window.collect.rolled_up, timeout=30_000) as rolled:
        click(qtbot, page.roll_up_button)

    result = rolled.args[0]
    assert to_dict(window.editing.report.stats) == to_dict(demo_statistics())
    assert [f for f in result.findings if f.is_error] == []
    females = next(page.trace.topLevelItem(i) for i in range(page.trace.topLevelItemCount())
                   if page.trace.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "stats.membership.female")
    assert females.text(1) == "41" and females.childCount() == 13
    assert sum(int(females.child(i).text(1)) for i in range(13)) == 41

    click(qtbot, next(b for b in page.findChildren(type(page.roll_up_button)) if b.text() == "Quay lại báo cáo"))
    assert window.stack.currentWidget() is window.editor
    female = window.editor.stats_form.widget_for("stats.membership.female")
    assert female.value() == 41 and "Chi bộ Khoa Cơ khí: 8" in female.toolTip()
    out = tmp_path / "dang-bo.docx"
    with qtbot.waitSignal(window.export_finished, timeout=30_000):
        window.transfer.export_to(out)

    document = docx.Document(str(out))
    assert any(p.text.startswith("Tổng hợp số liệu các chi bộ") for p in document.paragraphs)
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    rows = next(t for t in tables if t[0][:3] == ["TT", "Chi bộ", "Đảng viên đầu năm"])
    assert len(rows) == 1 + 13 + 1
    assert {row[1] for row in rows[1:-1]} == {r.organisation.name for r in demo_subunit_reports()}
    closing = rows[0].index("Đảng viên cuối năm")
    assert rows[-1][1] == "Tổng cộng" and rows[-1][closing] == "98"
    assert sum(int(row[closing]) for row in rows[1:-1]) == 98
    ratings = next(t for t in tables if t[0][:3] == ["TT", "Chi bộ", "Tổng số đảng viên"])
    assert ratings[-1][1:4] == ["Tổng cộng", "98", "13"] and ratings[-1][-2:] == ["0", ""]
    assert sorted(row[-1] for row in ratings[1:-1]) == ["HTTNV"] * 11 + ["HTXSNV"] * 2
    section = document.sections[-1]
    assert section.page_width > section.page_height  # the annex is on landscape pages


def test_a_bad_file_dropped_with_good_ones_is_listed_and_stores_nothing(qtbot, window, tmp_path):
    open_board_with_chi_bo(qtbot, window)
    page = window.collect_page
    good = write_subunits(tmp_path / "in")[:2]
    bad = tmp_path / "in" / "hong.json"
    bad.write_text("{không phải JSON", encoding="utf-8")

    with qtbot.waitSignal(window.collect.board_shown, timeout=30_000):
        drop(page, [*good, bad])

    assert page.refused.isVisible() and "hong.json" in page.refused.text()
    assert sorted(page.board.item(r, COL_STATE).text() for r in range(13)).count("Đã gửi") == 2

    with qtbot.waitSignal(window.collect.rolled_up, timeout=30_000):
        click(qtbot, page.roll_up_button)
    window.show_editor()
    panel = window.editor.findings
    qtbot.waitUntil(lambda: any("Chi bộ Học sinh - Sinh viên" in panel.item(i).text()
                                for i in range(panel.count())), timeout=10_000)
    missing = [panel.item(i).text() for i in range(panel.count()) if "chưa có báo cáo kỳ này" in panel.item(i).text()]
    assert len(missing) == 11, missing


def test_an_unknown_chi_bo_is_added_on_the_spot_and_an_unsure_one_asked_about(qtbot, window, tmp_path):
    from dataclasses import replace

    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from app.services.interchange import export_report_file

    open_board_with_chi_bo(qtbot, window)
    page = window.collect_page
    first, fourth = demo_subunit_reports()[0], demo_subunit_reports()[3]
    new = replace(first, organisation=replace(first.organisation, name="Chi bộ Thư viện", issuer_name="CHI BỘ TV"))
    typo = replace(fourth, organisation=replace(fourth.organisation, name=fourth.organisation.name + " (cũ)",
                                                issuer_name="X"))
    export_report_file(new, tmp_path / "tv.json")
    export_report_file(typo, tmp_path / "typo.json")

    drop(page, [tmp_path / "typo.json", tmp_path / "tv.json"])

    ask = window.collect.dialog
    assert isinstance(ask, QInputDialog) and ask.isVisible() and "typo.json" in ask.labelText()
    assert ask.comboBoxItems()[0] == fourth.organisation.name
    ask.setTextValue(fourth.organisation.name)
    ask.accept()
    qtbot.waitUntil(lambda: isinstance(window.collect.dialog, QMessageBox), timeout=5_000)
    box = window.collect.dialog
    assert "Chi bộ Thư viện" in box.text()
    with qtbot.waitSignal(window.collect.board_shown, timeout=30_000):
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))

    assert page.board.rowCount() == 14
    states = {page.board.item(r, COL_UNIT).text(): page.board.item(r, COL_STATE).text() for r in range(14)}
    assert states["Chi bộ Thư viện"] == "Đã gửi" and states[fourth.organisation.name] == "Đã gửi"
    assert sum(state == "Đã gửi" for state in states.values()) == 2


FEMALE = "stats.membership.female"


def type_into(qtbot, spin, text: str) -> None:
    qtbot.mouseClick(spin.lineEdit(), Qt.MouseButton.LeftButton)
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    spin.interpretText()


def roll_up(qtbot, window):
    with qtbot.waitSignal(window.collect.rolled_up, timeout=30_000) as rolled:
        click(qtbot, window.collect_page.roll_up_button)
    return rolled.args[0]


def test_a_figure_typed_over_the_sum_is_marked_kept_after_a_restart_flagged_and_put_back_in_one_click(
        qtbot, window, tmp_path):
    open_board_with_chi_bo(qtbot, window)
    with qtbot.waitSignal(window.collect.board_shown, timeout=30_000):
        drop(window.collect_page, write_subunits(tmp_path / "in"))
    roll_up(qtbot, window)
    window.show_editor()
    form = window.editor.stats_form
    female, revert = form.widget_for(FEMALE), form.revert_buttons[F.parse(FEMALE)]
    assert female.value() == 41 and revert.isHidden() and "background" not in female.styleSheet()

    type_into(qtbot, female, "45")

    assert window.editing.report.stats.membership.female == 45
    assert not revert.isHidden() and "41" in revert.text()
    assert "background" in female.styleSheet()
    assert "Đã sửa tay; tổng từ báo cáo của các đơn vị trực thuộc là 41" in female.toolTip() and "Chi bộ Khoa Cơ khí: 8" in female.toolTip()
    [live] = [f for f in window.editing.findings if f.code == "consolidation.override"]
    assert "45" in live.message and "41" in live.message  # in the checks panel as soon as she types, not at roll-up
    window.editing.save_now()
    window.close()

    again = MainWindow(tasks=Tasks(inline=True))
    qtbot.addWidget(again)
    again.resize(1366, 768)
    again.show()
    with qtbot.waitSignal(again.report_opened, timeout=10_000):
        again.start()
    form = again.editor.stats_form
    female, revert = form.widget_for(FEMALE), form.revert_buttons[F.parse(FEMALE)]
    qtbot.waitUntil(lambda: "Chi bộ Khoa Cơ khí: 8" in female.toolTip(), timeout=10_000)
    assert female.value() == 45 and not revert.isHidden() and "background" in female.styleSheet()
    qtbot.waitUntil(lambda: any(f.code == "consolidation.override" for f in again.editing.findings), timeout=10_000)
    closing = form.widget_for("stats.membership.closing_total")
    assert closing.toolTip().count("Chi bộ ") == 13 and "background" not in closing.styleSheet()

    with qtbot.waitSignal(again.collect.board_shown if again.collect else _board_shown(again), timeout=10_000):
        again.collect_action.trigger()
    page = again.collect_page
    qtbot.waitUntil(lambda: page.trace.topLevelItemCount() > 0, timeout=10_000)
    row = next(page.trace.topLevelItem(i) for i in range(page.trace.topLevelItemCount())
               if page.trace.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == FEMALE)
    assert row.childCount() == 13 and "45" in row.text(1) and "41" in row.text(1)
    result = roll_up(qtbot, again)

    assert again.editing.report.stats.membership.female == 45
    [finding] = [f for f in result.findings if f.code == "consolidation.override"]
    assert "nữ" in finding.message.lower() and "45" in finding.message and "41" in finding.message
    again.show_editor()
    assert not revert.isHidden()
    qtbot.waitUntil(lambda: "41" in female.toolTip() and "border" in female.styleSheet(), timeout=10_000)

    click(qtbot, revert)

    assert female.value() == 41 and again.editing.report.stats.membership.female == 41
    assert revert.isHidden() and "background" not in female.styleSheet()
    assert not [f for f in again.editing.findings if f.code == "consolidation.override"]
    again.close()


def hostile_files(folder: Path) -> dict[str, str]:
    """One file of each kind that must be refused, by name, with words its refusal must say."""
    import io
    import json
    import zipfile

    from app.services.export import export_docx
    from app.services.interchange import dumps_report
    from tests.services.test_consolidation import replaced_part

    folder.mkdir()
    report = demo_subunit_reports()[0]
    export_docx(report, folder / "mau.docx")
    data = (folder / "mau.docx").read_bytes()
    (folder / "mau.docx").unlink()
    good = json.loads(dumps_report(report))
    wrong = json.loads(dumps_report(report))
    del wrong["report"]["stats"]["membership"]["female"]
    newer = {**good, "version": 9, "app_version": "9.0"}
    plain, bomb = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(plain, "w") as dst:
        for info in src.infolist():
            if not info.filename.startswith("customXml/"):
                dst.writestr(info, src.read(info.filename))
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("customXml/item9.xml", b"\0" * (40 * 1024 * 1024))
    entities = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>'
                b'<report xmlns="urn:tongket:report">&b;&b;&b;</report>')
    files = {
        "Chi bộ Cơ khí (bản hỏng).json": (b'{"format": "tongket-report",\n "version": 3,\n oops}',
                                          "tệp bị hỏng hoặc không phải tệp dữ liệu Tổng Kết (dòng 3)"),
        "sai-dinh-dang.json": (json.dumps(wrong).encode(), "số đảng viên nữ sai hoặc bị thiếu"),
        "ban-moi.json": (json.dumps(newer).encode(), "phiên bản 9"),
        "khong-du-lieu.docx": (plain.getvalue(), "không mang phần dữ liệu của báo cáo"),
        "bom-nen.docx": (bomb.getvalue(), "không an toàn"),
        "thuc-the.docx": (replaced_part(data, "customXml/item1.xml", entities), "không an toàn"),
        "anh.json": (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "không phải tệp báo cáo của Tổng Kết"),
    }
    for name, (content, _words) in files.items():
        (folder / name).write_bytes(content)
    return {name: words for name, (_content, words) in files.items()}


ENGLISH = ("the", "file", "is", "not", "line", "column", "expecting", "cannot", "open", "value", "report", "format",
           "damaged", "missing", "key", "version", "tmp")


def test_each_kind_of_hostile_file_is_refused_by_its_own_name_with_a_vietnamese_reason(qtbot, window, tmp_path):
    import re

    open_board_with_chi_bo(qtbot, window)
    page = window.collect_page
    hostile = hostile_files(tmp_path / "nhan")

    with qtbot.waitSignal(window.collect.board_shown, timeout=30_000):
        drop(page, sorted((tmp_path / "nhan").iterdir()))

    assert page.refused.isVisible()
    lines = page.refused.text().splitlines()
    assert lines[0] == "Không nhận:" and len(lines) == 1 + len(hostile)
    for name, words in hostile.items():
        [line] = [ln for ln in lines if ln.startswith(f"• {name}: ")]
        reason = line.removeprefix(f"• {name}: ")
        assert words in reason, line
        assert str(tmp_path) not in line and "/" not in reason, line
        assert not re.findall(rf"\b({'|'.join(ENGLISH)})\b", reason, re.IGNORECASE), line
    assert {page.board.item(r, COL_STATE).text() for r in range(13)} == {"Chưa gửi"}


def test_the_files_a_chi_bo_sent_are_listed_beside_the_board_and_an_earlier_one_is_made_current_again(
        qtbot, window, tmp_path):
    from dataclasses import replace

    from PySide6.QtWidgets import QPushButton

    from app.gui.collect_page import COL_FILE, COL_HISTORY
    from app.services.interchange import export_report_file

    open_board_with_chi_bo(qtbot, window)
    page = window.collect_page
    first = demo_subunit_reports()[0]
    export_report_file(first, tmp_path / "co-khi.json")
    resent = replace(first, stats=replace(first.stats, membership=replace(
        first.stats.membership, female=first.stats.membership.female + 2)))
    export_report_file(resent, tmp_path / "co-khi-sua.json")
    for name in ("co-khi.json", "co-khi-sua.json"):
        with qtbot.waitSignal(window.collect.board_shown, timeout=30_000):
            drop(page, [tmp_path / name])
    row = next(r for r in range(13) if page.board.item(r, COL_UNIT).text() == first.organisation.name)
    assert page.board.item(row, COL_STATE).text() == "Đã gửi lại (2 tệp)"
    assert page.board.item(row, COL_FILE).text() == "co-khi-sua.json"

    with qtbot.waitSignal(window.collect.history_shown, timeout=10_000):
        click(qtbot, page.board.cellWidget(row, COL_HISTORY))

    assert page.side.currentIndex() == 1 and first.organisation.name in page.history_title.text()
    assert page.history.topLevelItemCount() == 2
    current, earlier = page.history.topLevelItem(0), page.history.topLevelItem(1)
    assert current.text(1) == "co-khi-sua.json (đang dùng)" and current.font(1).bold()
    assert earlier.text(1) == "co-khi.json" and earlier.text(0) and earlier.childCount() == 1
    female = first.stats.membership.female
    assert (earlier.child(0).text(0), earlier.child(0).text(1)) == ("Số đảng viên nữ", f"{female} → {female + 2}")
    assert not page.restore_button.isEnabled()
    page.history.setCurrentItem(earlier.child(0))
    assert isinstance(page.restore_button, QPushButton) and page.restore_button.isEnabled()

    with qtbot.waitSignal(window.collect.history_shown, timeout=10_000):
        click(qtbot, page.restore_button)

    assert page.board.item(row, COL_FILE).text() == "co-khi.json"
    assert page.history.topLevelItem(1).text(1) == "co-khi.json (đang dùng)"
    assert page.history.topLevelItem(0).child(0).text(1) == f"{female + 2} → {female}"
    with qtbot.waitSignal(window.collect.rolled_up, timeout=30_000) as rolled:
        click(qtbot, page.roll_up_button)
    assert rolled.args[0].trace["stats.membership.female"][0] == (first.organisation.name, female)
