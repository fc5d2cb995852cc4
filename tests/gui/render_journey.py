"""A new chi bộ secretary's first report, through the real window under Xvfb at 1366×768, grabbed to PNG.

Run: .venv/bin/python tests/gui/render_journey.py [OUT_DIR]   (default OUT_DIR: journey/)
Starts its own Xvfb 1366×768 when DISPLAY is not set, a fresh data folder, the window at the size it takes on
a first run there. Steps as she would take them: create the chi bộ, a new 2026 report, type the figures,
open the inspection section, add her own sentence, leave the computed one out, export Word and PDF. The whole
screen is grabbed after each step and the PDF's pages are rendered too (pdftoppm), for a person to look at;
tests/gui/test_drafting_journey.py checks the same journey with assertions. The PNGs are not committed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.gui.screen_script import ROOT, application, on_screen, settle, wait
from tests.gui.screen_script import snap as grab


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "journey").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with on_screen("tongket-journey-"):
        _run(out)


def _run(out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from app.domain.report import EntryState
    from app.gui.main_window import MainWindow
    from tests.gui.keys import type_text

    _app = application()  # held for the script's length
    window = MainWindow()
    window.show()

    def snap(name: str) -> None:
        grab(window, out, name)

    def click(button) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def spin(widget, value: int) -> None:
        widget.setFocus()
        widget.selectAll()
        QTest.keyClicks(widget, str(value))
        QTest.keyClick(widget, Qt.Key.Key_Tab)

    window.start()
    wait(window.database_opened)
    snap("01-first-start")
    click(window.welcome.create_button)
    dialog = window.organisations.dialog
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("chi_bo_co_so"))
    for path, text in {"organisation.name": "Chi bộ Trường Tiểu học Hòa An",
                       "organisation.upper_body": "ĐẢNG BỘ XÃ HÒA AN",
                       "organisation.issuer_name": "CHI BỘ TRƯỜNG TIỂU HỌC HÒA AN",
                       "organisation.place": "Hòa An",
                       "organisation.signature.name": "Trần Thị B"}.items():
        edit = dialog.edits[path]
        edit.setFocus()
        edit.clear()
        type_text(edit, text)
    click(dialog.fill_recipients_button)
    snap("02-chi-bo-profile")
    click(dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    wait(window.database_opened)
    snap("03-home")
    click(window.home.new_button)
    settle(1000)
    new_dialog = window.reports.new_report_dialog
    new_dialog.year_spin.setValue(2026)
    snap("04-new-report")
    click(new_dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    wait(window.report_opened)
    editor = window.editor
    snap("05-blank-report")
    editor.navigator.select_page("page:stats")
    form = editor.stats_form
    for path, value in (("stats.membership.opening_total", 14), ("stats.membership.opening_probationary", 2),
                        ("stats.membership.admitted", 1), ("stats.membership.recognised_official", 1),
                        ("stats.membership.female", 9),
                        ("stats.inspection.scheduled.members", 2),
                        ("stats.inspection.topical_supervision.members", 1)):
        if form.is_shown(path):
            spin(form.widget_for(path), value)
    snap("06-figures")
    editor.navigator.select_section("kiem_tra")
    settle(1500)
    snap("07-inspection-section-computed")
    text = editor.section_editor.editor
    text.setFocus()
    cursor = text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    text.setTextCursor(cursor)
    type_text(text, "\nTrong năm, Chi bộ kiểm tra 02 đảng viên, các đồng chí đều chấp hành nghiêm.")
    window.editing.flush()
    snap("08-her-sentence-said-twice")
    section = editor.section_editor
    line = next((i for i, (t, s) in enumerate(section.line_states())
                 if s is EntryState.AUTO and "kiểm tra 02 đảng viên" in t), None)
    if line is not None:
        next(a for a in section.context_actions(line) if a.text() == "Bỏ dòng tự động này").trigger()
    window.editing.flush()
    snap("09-computed-left-out")
    editor.navigator.select_section("tu_tuong")
    text = editor.section_editor.editor
    text.setFocus()
    type_text(text, "Chi bộ tổ chức cho 100% đảng viên học tập, quán triệt các nghị quyết, chỉ thị của Đảng; "
                    "đảng viên gương mẫu, không có biểu hiện suy thoái.")
    window.editing.flush()
    snap("10-political-section")
    from app.services.export import docx_to_pdf, export_docx

    docx = out / "bao-cao-chi-bo.docx"
    window.editing.flush()
    export_docx(window.editing.snapshot(), docx)
    docx_to_pdf(docx, docx.with_suffix(".pdf"))
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(docx.with_suffix(".pdf")), str(out / "page")], check=True)
    print(docx.with_suffix(".pdf"))
    window.editing.close()
    window.close()
    QApplication.processEvents()
    time.sleep(0.2)


if __name__ == "__main__":
    main()
