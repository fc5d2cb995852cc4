"""A chi bộ secretary's journey through the window: what she sees while writing is what the .docx says."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx import Document
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.domain.report import EntryState
from tests.gui.keys import type_text
from tests.gui.test_main_window import click, fill_chi_bo_profile, set_spin, window  # noqa: F401 - the window fixture

HEADING_STYLES = {"Heading 1", "Heading 2", "Heading 3", "Part Label", "Part Title"}


def _create_chi_bo(qtbot, window):  # noqa: F811
    dialog = fill_chi_bo_profile(qtbot, window)
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    document = Document(str(path))
    return [(p.style.name, p.text.strip()) for p in document.paragraphs if p.text.strip()]


def test_chi_bo_secretary_drafts_a_report_that_says_each_thing_once(qtbot, window, tmp_path):  # noqa: F811
    _create_chi_bo(qtbot, window)
    click(qtbot, window.home.new_button)
    new_dialog = window.reports.new_report_dialog
    new_dialog.year_spin.setValue(2026)
    with qtbot.waitSignal(window.report_opened, timeout=10_000):
        click(qtbot, new_dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    editor = window.editor
    report = window.editing.report
    # A chi bộ gets its own outline: no proposals section, no sub-unit figures on the form.
    assert report.section("de_xuat") is None
    assert not editor.stats_form.is_shown("stats.units")

    # Figures: the closing membership follows from the movement without being typed.
    editor.navigator.select_page("page:stats")
    widget_for = editor.stats_form.widget_for
    for path, value in (("stats.membership.opening_total", 14), ("stats.membership.opening_probationary", 2),
                        ("stats.membership.admitted", 1), ("stats.membership.recognised_official", 1),
                        ("stats.inspection.scheduled.members", 2),
                        ("stats.inspection.topical_supervision.members", 1)):
        set_spin(qtbot, widget_for(path), value)
    assert widget_for("stats.membership.closing_total").value() == 15
    # The sentences are reworded in the render thread a moment after the figures change.
    qtbot.waitUntil(lambda: any(e.source == "kiem_tra.work" for e in report.section("kiem_tra").entries),
                    timeout=5_000)

    # The computed sentence of the inspection section is in the editor, shaded as computed.
    editor.navigator.select_section("kiem_tra")
    section_editor = editor.section_editor
    states = section_editor.line_states()
    computed = [text for text, state in states if state is EntryState.AUTO]
    assert any("kiểm tra 02 đảng viên" in text for text in computed), states

    # She adds her own paragraph that states the same figure differently.
    cursor = section_editor.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    section_editor.editor.setTextCursor(cursor)
    type_text(section_editor.editor, "\nTrong năm, Chi bộ kiểm tra 3 đảng viên, các đồng chí đều chấp hành nghiêm.")
    window.editing.flush()
    codes = {f.code for f in window.editing.findings}
    assert "text.figure_mismatch" in codes, sorted(codes)

    # She corrects her sentence to the figure; now it says the same as the computed one: said twice.
    doc = section_editor.editor.document()
    hers = next(doc.findBlockByNumber(i) for i in range(doc.blockCount())
                if "kiểm tra 3 đảng viên" in doc.findBlockByNumber(i).text())
    cursor = QTextCursor(hers)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    section_editor.editor.setTextCursor(cursor)
    type_text(section_editor.editor, hers.text().replace("kiểm tra 3 đảng viên", "kiểm tra 02 đảng viên"))
    window.editing.flush()
    codes = {f.code for f in window.editing.findings}
    assert "text.figure_mismatch" not in codes
    assert "text.said_twice" in codes, sorted(codes)
    # She keeps her sentence and leaves the computed one out.
    work_line = next(i for i, (t, s) in enumerate(section_editor.line_states())
                     if s is EntryState.AUTO and "kiểm tra 02 đảng viên" in t)
    next(a for a in section_editor.context_actions(work_line) if a.text() == "Bỏ dòng tự động này").trigger()
    window.editing.flush()
    assert "text.said_twice" not in {f.code for f in window.editing.findings}

    # Sections she left empty are named by the checks.
    empty = [f for f in window.editing.findings if f.code == "drafting.empty_section"]
    assert empty

    # Export and reopen the .docx.
    target = tmp_path / "bao-cao.docx"
    window.export_action.trigger()  # Ctrl+E, or Tệp → Xuất ra Word
    box = getattr(window.prompts, "question_box", None)
    if box is not None and box.isVisible():  # the checks found errors: she exports anyway
        box.button(QMessageBox.StandardButton.Yes).click()
    with qtbot.waitSignal(window.export_finished, timeout=20_000):
        window.transfer.file_dialog.selectFile(str(target))
        window.transfer.file_dialog.accept()
    paragraphs = _paragraphs(target)
    texts = [t for _s, t in paragraphs]
    # No heading without content: every heading is followed by something that is not the closing.
    for index, (style, text) in enumerate(paragraphs):
        if style in HEADING_STYLES:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ("", "")
            assert not following[1].startswith("Trên đây là báo cáo"), text
    headings = [t for s, t in paragraphs if s in ("Heading 1", "Heading 2")]
    assert not any("dân vận" in h.lower() for h in headings)
    # No sentence twice.
    body = [t for s, t in paragraphs if s not in HEADING_STYLES]
    assert len(body) == len(set(body)), [t for t in body if body.count(t) > 1]
    # Her sentence is there; the computed one she left out is not.
    assert any("Chi bộ kiểm tra 02 đảng viên, các đồng chí đều chấp hành nghiêm." in t for t in texts)
    assert not any(t.startswith("- Chi bộ kiểm tra 02 đảng viên, giám sát") or
                   t.startswith("Chi bộ kiểm tra 02 đảng viên, giám sát") for t in texts)
    # No generated claim without its figure.
    joined = "\n".join(texts)
    assert "mỗi quý" not in joined and "chấp hành tốt" not in joined
    assert "kết nạp 01 đảng viên mới" in joined
    assert re.search(r"Tổng số đảng viên cuối năm là 15 đồng chí", joined)
    with zipfile.ZipFile(target) as package:
        assert "@h1" not in package.read("word/document.xml").decode("utf-8")
