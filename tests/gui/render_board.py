"""The board of the sub-units' reports, through the real window under Xvfb at 1366×768, grabbed to PNG.

Run: .venv/bin/python tests/gui/render_board.py [OUT_DIR]   (default OUT_DIR: journey/)
Starts its own Xvfb 1366×768 when DISPLAY is not set and a fresh data folder. The demo đảng bộ with its 13 chi bộ:
their 13 files and one damaged file dropped on the board, the ratings set, the report rolled up, the female
members typed over in the statistics, the board shown again (the figure typed over marked in the trace), then the
history of a chi bộ that sent twice. The PNGs are for a person to look at; tests/gui/test_collect_page.py checks
the same with assertions. The PNGs are not committed.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.gui.screen_script import ROOT, application, on_screen, settle, wait
from tests.gui.screen_script import snap as grab


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "journey").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with on_screen("tongket-board-"):
        _run(out)


def _run(out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.domain.demo import demo_subunit_exemplary, demo_subunit_ratings, demo_subunit_reports
    from app.gui.collect_page import COL_HISTORY, COL_UNIT
    from app.gui.main_window import MainWindow
    from app.services import organisations
    from app.services.interchange import export_report_file
    from tests.gui.test_collect_page import drop
    from tests.services.test_consolidation import write_subunits

    _app = application()  # held for the script's length
    window = MainWindow()
    window.resize(1366, 740)
    window.show()

    def snap(name: str) -> None:
        grab(window, out, name)

    window.start()
    wait(window.database_opened)
    QTest.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    wait(window.report_opened)
    parent_id = window.editing.report.organisation.id
    for report in demo_subunit_reports():
        organisations.add_sub_unit(window.sessions, parent_id, report.organisation)
    page = window.collect_page
    assert window.collect is not None
    window.collect_action.trigger()
    wait(window.collect.board_shown)
    folder = Path(tempfile.mkdtemp(prefix="chi-bo-"))
    files = write_subunits(folder / "Báo cáo các chi bộ")
    first = demo_subunit_reports()[0]
    export_report_file(replace(first, stats=replace(first.stats, membership=replace(
        first.stats.membership, female=first.stats.membership.female - 1))), folder / "cb00-ban-dau.json")
    damaged = folder / "Chi bộ Phòng Đào tạo (gửi qua Zalo).json"
    damaged.write_text('{"format": "tongket-report",\n "version": 3,\n "report": {"year": 2026,,}}', encoding="utf-8")
    drop(page, [folder / "cb00-ban-dau.json"])
    wait(window.collect.board_shown)
    drop(page, [*files, damaged])
    wait(window.collect.board_shown)
    ratings, exemplary = demo_subunit_ratings(), demo_subunit_exemplary()
    for r in range(page.board.rowCount()):
        name = page.board.item(r, COL_UNIT).text()
        unit_id = page.board.item(r, COL_UNIT).data(Qt.ItemDataRole.UserRole)
        box = page.rating_box(unit_id)
        box.setCurrentIndex(box.findData(ratings[name]))
        if name in exemplary:
            page.exemplary_box(unit_id).setChecked(True)
    QTest.mouseClick(page.roll_up_button, Qt.MouseButton.LeftButton)
    wait(window.collect.rolled_up)
    window.show_editor()
    editor = window.editor
    editor.navigator.select_page("page:stats")
    form = editor.stats_form
    female = form.widget_for("stats.membership.female")
    form.focus_field("stats.membership.female")
    QTest.keyClicks(female.lineEdit(), "45")
    QTest.keyClick(female, Qt.Key.Key_Tab)
    window.editing.flush()
    form.ensureWidgetVisible(female, 50, 200)
    snap("board-01-stats-typed-over")
    window.collect_action.trigger()
    wait(window.collect.board_shown)
    settle(800)
    snap("board-02-board-refused-trace")
    row = next(r for r in range(page.board.rowCount()) if page.board.item(r, COL_UNIT).text() == first.organisation.name)
    QTest.mouseClick(page.board.cellWidget(row, COL_HISTORY), Qt.MouseButton.LeftButton)
    wait(window.collect.history_shown)
    snap("board-03-history")
    window.editing.flush()
    window.close()


if __name__ == "__main__":
    main()
