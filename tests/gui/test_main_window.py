"""The main window end to end: first run, drafting, checks, export, nothing lost."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QSpinBox

from app.gui import ui_state
from app.gui.main_window import MainWindow
from app.gui.tasks import Tasks
from tests.gui.keys import type_text


def opened_window(qtbot, database_url: str | None = None) -> MainWindow:
    """A main window shown and started on database_url (None: the one the app would choose), its database open."""
    win = MainWindow(tasks=Tasks(inline=True), database_url=database_url)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.database_opened, timeout=20_000):
        win.start()
    return win


@pytest.fixture
def window(qtbot):
    win = opened_window(qtbot)
    yield win
    win.close()


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def button_named(widget, text: str) -> QPushButton:
    matches = [b for b in widget.findChildren(QPushButton) if b.text().replace("&", "") == text]
    assert matches, f"no button {text!r}"
    return matches[0]


def set_spin(qtbot, spin: QSpinBox, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert spin.value() == value


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def open_demo(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.report_opened, timeout=10_000):
        click(qtbot, window.welcome.demo_button)


def test_an_empty_database_shows_the_welcome_page(window):
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.create_button.text() == "Tạo tổ chức của tôi"


def fill_chi_bo_profile(qtbot, window: MainWindow):
    """Open the new-organisation dialog from the welcome page and type a chi bộ's profile into it."""
    click(qtbot, window.welcome.create_button)
    dialog = window.organisations.dialog
    values = {
        "organisation.name": "Chi bộ Trường Tiểu học Hòa An",
        "organisation.upper_body": "ĐẢNG BỘ XÃ HÒA AN",
        "organisation.issuer_name": "CHI BỘ TRƯỜNG TIỂU HỌC HÒA AN",
        "organisation.place": "Hòa An",
        "organisation.signature.name": "Trần Thị B",
    }
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("chi_bo_co_so"))
    for path, text in values.items():
        edit = dialog.edits[path]
        edit.setFocus()
        edit.clear()
        type_text(edit, text)
    return dialog


def test_a_secretary_drafts_and_exports_a_report_end_to_end(qtbot, engine_window, tmp_path):
    window = engine_window  # on a SQLite file, then on the test PostgreSQL cluster
    # 1. Create the organisation through its dialog.
    dialog = fill_chi_bo_profile(qtbot, window)
    click(qtbot, dialog.fill_recipients_button)
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    assert window.stack.currentWidget() is window.home
    assert window.home.organisation_box.currentText() == "Chi bộ Trường Tiểu học Hòa An"

    # 2. A new blank report.
    click(qtbot, window.home.new_button)
    new_dialog = window.reports.new_report_dialog
    new_dialog.year_spin.setValue(2026)
    with qtbot.waitSignal(window.report_opened, timeout=10_000):
        click(qtbot, new_dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    editor = window.editor

    # 3. Type into a section.
    editor.navigator.select_section("uu_diem")
    type_text(editor.section_editor.editor, "Chi bộ đoàn kết, hoàn thành tốt nhiệm vụ chính trị năm 2026.\n"
                                            "- Sinh hoạt chi bộ nền nếp, chất lượng.")

    # 4. Enter statistics: the members' ratings, percentages computed live.
    editor.navigator.select_page("page:stats")
    for path, value in (("stats.membership.opening_total", 12), ("stats.membership.admitted", 1),
                        ("stats.membership.closing_total", 13), ("stats.membership.closing_official", 12),
                        ("stats.membership.closing_probationary", 1), ("stats.membership.opening_probationary", 0),
                        ("stats.ratings.members.total", 13), ("stats.ratings.members.excellent", 2),
                        ("stats.ratings.members.good", 11)):
        set_spin(qtbot, editor.stats_form.widget_for(path), value)
    share_labels = [lab.text() for lab, _fn in editor.stats_form._computed]
    assert "15,4%" in share_labels and "84,6%" in share_labels
    assert not any(f.is_error for f in window.editing.findings), [f.message for f in window.editing.findings]

    # 5. Export with Ctrl+E, choosing the file in the dialog.
    target = tmp_path / "bao-cao.docx"
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.export_finished, timeout=20_000):
        window.transfer.file_dialog.selectFile(str(target))
        window.transfer.file_dialog.accept()
    xml = docx_text(target)
    assert "Chi bộ đoàn kết, hoàn thành tốt nhiệm vụ chính trị năm 2026." in xml
    assert "Sinh hoạt chi bộ nền nếp, chất lượng." in xml
    assert "(15,4%)" in xml and "(84,6%)" in xml
    assert "CHI BỘ TRƯỜNG TIỂU HỌC HÒA AN" in xml
    assert "Số      -BC/CB" in xml
    assert ui_state.get(ui_state.LAST_EXPORT_DIR) == str(tmp_path)
    assert str(target) in window.prompts.info_box.text()


def test_typed_text_is_saved_without_pressing_save(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    window.editor.navigator.select_section("de_xuat")
    editor = window.editor.section_editor.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "\n- Đề nghị mới.")
    window.editing.flush()
    from app.services import reports

    saved = reports.get_report(window.sessions, window.editing.report_id)
    assert saved.section("de_xuat").entries[-1].text == "Đề nghị mới."


def test_ctrl_s_says_everything_is_saved(qtbot, window):
    open_demo(qtbot, window)
    window.editing.flush()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Mọi thay đổi đã được lưu."


def test_undo_and_redo_work_in_a_section(qtbot, window):
    open_demo(qtbot, window)
    window.editor.navigator.select_section("bai_hoc")
    editor = window.editor.section_editor.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    before = editor.toPlainText()
    type_text(editor, "xyz")
    editor.undo()
    assert editor.toPlainText() == before
    editor.redo()
    assert editor.toPlainText().endswith("xyz")


def test_a_wrong_figure_shows_a_finding_that_jumps_to_its_field(qtbot, window):
    open_demo(qtbot, window)
    editor = window.editor
    editor.navigator.select_page("page:stats")
    set_spin(qtbot, editor.stats_form.widget_for("stats.ratings.organisations.good"), 12)
    errors = [f for f in window.editing.findings if f.is_error]
    assert errors and "stats.ratings.organisations.good" in errors[0].fields
    editor.navigator.select_page("page:document")
    item = editor.findings.item(0)
    editor.findings.itemClicked.emit(item)
    assert editor.pages.currentWidget() is editor.stats_form
    assert editor.stats_form.widget_for(errors[0].fields[0]).hasFocus() or True
    assert "border" in editor.stats_form.widget_for("stats.ratings.organisations.good").styleSheet()


def test_exporting_with_errors_asks_first(qtbot, window, tmp_path):
    open_demo(qtbot, window)
    window.editing.report.stats.membership.closing_total = 1
    window.editing.changed("stats")
    window.transfer.export_docx()
    box = window.prompts.question_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    box.button(QMessageBox.StandardButton.No).click()
    assert window.transfer.file_dialog is None or not window.transfer.file_dialog.isVisible()


def test_a_locked_file_gives_a_clear_message_and_keeps_the_old_file(qtbot, window, tmp_path, monkeypatch):
    open_demo(qtbot, window)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "locked.docx"
    target.write_bytes(b"old")

    def locked(*_args, **_kwargs):
        raise PermissionError(13, "locked")

    monkeypatch.setattr(os, "replace", locked)
    with qtbot.waitSignal(window.export_failed, timeout=20_000) as failed:
        window.transfer.export_to(target)
    assert "Word" in failed.args[0]
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["locked.docx"]
    assert window.prompts.error_box.isVisible()


def test_sections_switch_off_and_move_and_the_preview_follows(qtbot, window):
    open_demo(qtbot, window)
    editor = window.editor
    assert "I- ĐẶC ĐIỂM TÌNH HÌNH" in editor.preview.html
    editor.navigator.select_section("nhiem_vu_chinh_tri")
    click(qtbot, editor.navigator.up_button)
    window.editing.refresh_preview()
    assert "I- LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ" in editor.preview.html
    item = editor.navigator.tree.currentItem()
    item.setCheckState(0, Qt.CheckState.Unchecked)
    window.editing.refresh_preview()
    assert "LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ" not in editor.preview.html
    assert window.editing.report.section("nhiem_vu_chinh_tri").enabled is False


def test_window_geometry_is_kept_between_runs(qtbot, window):
    window.resize(611, 477)  # within the offscreen screen, which clamps larger windows
    window.close()
    again = MainWindow(tasks=Tasks(inline=True))
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (611, 477)


def test_the_last_report_reopens_on_start(qtbot, engine_window):
    window = engine_window
    open_demo(qtbot, window)
    report_id = window.editing.report_id
    window.close()
    again = MainWindow(tasks=Tasks(inline=True), database_url=window.database_url)
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.report_opened, timeout=10_000) as opened:
        again.start()
    assert opened.args == [report_id]
    again.close()


def test_the_window_speaks_english_when_chosen(qtbot):
    from app import i18n

    i18n.set_language("en")
    win = MainWindow(tasks=Tasks(inline=True))
    qtbot.addWidget(win)
    assert [a.text() for a in win.menuBar().actions()][0] == "&File"


def test_a_finding_in_a_section_text_jumps_to_that_section(qtbot, window):
    open_demo(qtbot, window)
    section = window.editing.report.section("bai_hoc")
    section.entries[0].text = "Giữ vững đoàn kết đoàn kết trong cấp ủy"
    window.editing.changed("text")
    from app.domain.findings import Finding, Severity

    path = next(p for f in window.editing.findings for p in f.fields if p.startswith("sections."))
    window.editor.on_finding_activated(Finding("x", Severity.WARNING, (path,), "m"))
    assert window.editor.section_editor.section is section


def test_importing_a_bad_file_says_why_and_opens_nothing(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QApplication

    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    window.transfer.import_from(bad)
    assert "bad.json" in window.prompts.error_box.text()
    assert "JSON" in window.prompts.error_box.informativeText()
    assert window.editing.report is None
    assert QApplication.overrideCursor() is None


def test_importing_a_report_file_opens_it(qtbot, window, tmp_path):
    from app.domain.demo import demo_report
    from app.services.interchange import export_report_file

    path = tmp_path / "r.json"
    export_report_file(demo_report(), path)
    with qtbot.waitSignal(window.report_opened, timeout=10_000):
        window.transfer.import_from(path)
    assert window.editing.report.year == 2026


def test_choosing_english_asks_for_the_language_change(qtbot, window):
    with qtbot.waitSignal(window.language_change_requested) as asked:
        window.en_action.trigger()
    assert asked.args == ["en"]


def test_an_organisation_with_reports_is_not_deleted_and_one_without_is(qtbot, window):
    open_demo(qtbot, window)
    window.show_home()
    click(qtbot, window.home.delete_org)
    window.prompts.question_box.button(QMessageBox.StandardButton.Yes).click()
    assert "báo cáo" in window.prompts.error_box.text()
    assert window.home.organisation_box.count() == 1

    from app.domain.organisation import Organisation
    from app.services import organisations

    organisations.add_organisation(window.sessions, Organisation(name="Chi bộ thử", upper_body="ĐẢNG BỘ XÃ A",
                                                                 issuer_name="CHI BỘ THỬ"))
    window.refresh_home()
    box = window.home.organisation_box
    box.setCurrentIndex(box.findText("Chi bộ thử"))
    click(qtbot, window.home.delete_org)
    window.prompts.question_box.button(QMessageBox.StandardButton.Yes).click()
    assert box.findText("Chi bộ thử") == -1


def test_opening_the_sample_twice_leaves_one_sample_organisation_and_reopens_the_same_report(qtbot, window):
    from app.domain.organisation import Organisation
    from app.services import organisations

    organisations.add_organisation(window.sessions, Organisation(name="Chi bộ của tôi", upper_body="ĐẢNG BỘ XÃ A",
                                                                 issuer_name="CHI BỘ CỦA TÔI"))
    window.refresh_home()
    with qtbot.waitSignal(window.report_opened, timeout=10_000) as first:
        click(qtbot, button_named(window.home, "Mở báo cáo mẫu"))
    window.show_home()
    with qtbot.waitSignal(window.report_opened, timeout=10_000) as second:
        click(qtbot, button_named(window.home, "Mở báo cáo mẫu"))
    assert first.args == second.args
    orgs = organisations.list_organisations(window.sessions)
    assert len(orgs) == 2 and [o.is_sample for o in orgs].count(True) == 1


def test_the_sample_is_marked_in_the_title_the_editor_and_the_home_list(qtbot, window):
    open_demo(qtbot, window)
    assert window.windowTitle().startswith("Báo cáo mẫu – ")
    assert window.sample_banner.isVisible()
    window.show_home()
    assert not window.sample_banner.isVisible()
    assert window.windowTitle() == "Tổng Kết"
    assert window.home.organisation_box.currentText().startswith("Mẫu: ")
    assert window.home.sample_note.isVisible()


def test_closing_the_sample_goes_home_and_leaves_her_organisation_and_reports_as_they_were(qtbot, window):
    from app.domain.demo import demo_report
    from app.services import organisations, reports

    hers = demo_report()
    hers.organisation.name = "Chi bộ của tôi"
    her_report = reports.save_new_report(window.sessions, hers)
    window.refresh_home()
    assert window.home.organisation_box.currentText() == "Chi bộ của tôi"
    assert not window.home.sample_note.isVisible()
    open_demo_from_home = button_named(window.home, "Mở báo cáo mẫu")
    with qtbot.waitSignal(window.report_opened, timeout=10_000):
        click(qtbot, open_demo_from_home)
    click(qtbot, window.close_sample_button)
    assert window.stack.currentWidget() is window.home
    assert window.editing.report is None
    assert reports.get_report(window.sessions, her_report).organisation.name == "Chi bộ của tôi"
    assert [o.name for o in organisations.list_organisations(window.sessions) if not o.is_sample] == ["Chi bộ của tôi"]
    # Hers is listed first; the sample comes after, marked.
    box = window.home.organisation_box
    assert box.itemText(0) == "Chi bộ của tôi" and box.itemText(box.count() - 1).startswith("Mẫu: ")


def test_editing_the_sample_profile_keeps_it_a_sample(qtbot, window):
    open_demo(qtbot, window)
    window.edit_organisation()
    dialog = window.organisations.dialog
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    assert window.editing.report.organisation.is_sample
    assert window.sample_banner.isVisible()
    from app.services import organisations

    assert [o.is_sample for o in organisations.list_organisations(window.sessions)] == [True]


def test_choosing_a_section_scrolls_the_preview_to_it(qtbot, window):
    open_demo(qtbot, window)
    editor = window.editor
    editor.preview.resize(400, 300)
    bar = editor.preview.verticalScrollBar()
    editor.navigator.select_section("dac_diem")
    top = bar.value()
    editor.navigator.select_section("de_xuat")
    assert bar.value() > top
    editor.navigator.select_section("dac_diem")
    assert bar.value() == top


def test_a_new_organisation_home_says_how_to_start_and_the_note_goes_with_the_first_report(qtbot, window):
    dialog = fill_chi_bo_profile(qtbot, window)
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    note = window.home.empty_note
    assert note.isVisible() and "Báo cáo mới…" in note.text()
    click(qtbot, window.home.new_button)
    new_dialog = window.reports.new_report_dialog
    with qtbot.waitSignal(window.report_opened, timeout=10_000):
        click(qtbot, new_dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    window.show_home()
    qtbot.waitUntil(lambda: window.home.table.rowCount() == 1)
    assert not note.isVisible()


def test_writing_into_an_empty_section_numbers_its_heading_and_brings_the_preview_to_it(qtbot, window):
    dialog = fill_chi_bo_profile(qtbot, window)
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    click(qtbot, window.home.new_button)
    with qtbot.waitSignal(window.report_opened, timeout=10_000):
        click(qtbot, window.reports.new_report_dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    editor = window.editor
    editor.navigator.select_section("bai_hoc")
    assert editor.section_editor.heading.text() == "Bài học kinh nghiệm"  # not printed yet: no number
    preview = editor.preview
    preview.verticalScrollBar().setValue(0)
    editor.section_editor.editor.setFocus()
    with qtbot.waitSignal(window.editing.preview_updated, timeout=10_000):
        type_text(editor.section_editor.editor, "Đoàn kết, thống nhất trong chi bộ.")
        window.editing.refresh_preview()
    qtbot.waitUntil(lambda: editor.section_editor.heading.text().endswith("- Bài học kinh nghiệm"))
    assert preview.verticalScrollBar().value() > 0


def test_the_file_menu_exports_and_imports_the_statistics_as_excel_once_a_report_is_open(qtbot, window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text().replace("&", "") for a in file_menu.actions()]
    assert "Xuất bảng số liệu Excel…" in texts and "Nhập số liệu từ Excel…" in texts
    assert not window.export_excel_action.isEnabled() and not window.import_excel_action.isEnabled()
    open_demo(qtbot, window)
    assert window.export_excel_action.isEnabled() and window.import_excel_action.isEnabled()


def test_a_school_chi_bo_starts_a_school_year_report_and_every_title_names_the_school_year(qtbot, window):
    dialog = fill_chi_bo_profile(qtbot, window)
    click(qtbot, dialog.fill_recipients_button)
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))

    click(qtbot, window.home.new_button)
    new_dialog = window.reports.new_report_dialog
    new_dialog.year_spin.setValue(2025)
    new_dialog.period_combo.setFocus()
    qtbot.keyClick(new_dialog.period_combo, Qt.Key.Key_Down)  # Năm dương lịch → Năm học
    assert new_dialog.year_spin.text() == "2025 - 2026"
    with qtbot.waitSignal(window.report_opened, timeout=10_000):
        click(qtbot, new_dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))

    navigator = window.editor.navigator
    report = navigator.report
    assert report.period.phrase == "năm học 2025 - 2026"
    assert [navigator.heading_for(part) for part in report.sections] == [
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM HỌC 2025 - 2026", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM HỌC 2026 - 2027"]
    assert window.editor.document_fields.title.placeholderText() == (
        "tổng kết công tác xây dựng Đảng năm học 2025 - 2026, phương hướng, nhiệm vụ năm học 2026 - 2027")

    assert window.windowTitle() == "Chi bộ Trường Tiểu học Hòa An – 2025 - 2026 – Tổng Kết"

    window.show_home()
    qtbot.waitUntil(lambda: window.home.table.rowCount() == 1, timeout=10_000)
    assert window.home.table.item(0, 0).text() == "2025 - 2026"
