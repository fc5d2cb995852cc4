"""The preview: scrolls to a section, zooms by keys or buttons, and remembers the zoom."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from app.gui import ui_state
from app.gui.widgets.preview_pane import PreviewPane, zoomed
from app.services.export import preview_html


@pytest.fixture
def pane(qtbot, demo):
    widget = PreviewPane()
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    widget.show_html(preview_html(demo))
    return widget


def test_showing_a_section_scrolls_to_it_and_the_first_html_lands_there_too(qtbot, pane, demo):
    bar = pane.verticalScrollBar()
    pane.show_section("to_chuc_can_bo")
    middle = bar.value()
    pane.show_section("de_xuat")
    assert bar.value() > middle > 0
    fresh = PreviewPane()
    qtbot.addWidget(fresh)
    fresh.resize(500, 400)
    fresh.show()
    fresh.show_section("to_chuc_can_bo")
    fresh.show_html(preview_html(demo))
    assert fresh.verticalScrollBar().value() > 0


def test_an_edit_keeps_the_reader_where_they_were(pane, demo):
    pane.show_section("kiem_tra")
    position = pane.verticalScrollBar().value()
    demo.section("de_xuat").entries[-1].text += " Thêm."
    pane.show_html(preview_html(demo))
    assert pane.verticalScrollBar().value() == position


def test_zoom_scales_every_length_in_the_styles():
    html = '<p style="font-size:14pt;margin-top:6pt;text-indent:38px;line-height:20px">x</p>'
    assert zoomed(html, 150) == '<p style="font-size:21pt;margin-top:9pt;text-indent:57px;line-height:30px">x</p>'
    assert zoomed(html, 100) == html


def test_ctrl_plus_minus_and_zero_zoom_and_the_zoom_is_remembered(qtbot, pane):
    pane.setFocus()
    width = pane.page_width_px
    qtbot.keyClick(pane, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert pane.zoom == 110 and pane.page_width_px > width
    assert pane.zoom_reset_button.text() == "110%"
    assert ui_state.get(ui_state.PREVIEW_ZOOM) == 110
    again = PreviewPane()
    qtbot.addWidget(again)
    assert again.zoom == 110
    qtbot.keyClick(pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pane.zoom == 90
    qtbot.keyClick(pane, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pane.zoom == 100 and pane.page_width_px == width


def test_the_zoom_buttons_stop_at_the_ends(qtbot, pane):
    for _ in range(12):
        if pane.zoom_in_button.isEnabled():
            qtbot.mouseClick(pane.zoom_in_button, Qt.MouseButton.LeftButton)
    assert pane.zoom == 200 and not pane.zoom_in_button.isEnabled()
    qtbot.mouseClick(pane.zoom_reset_button, Qt.MouseButton.LeftButton)
    assert pane.zoom == 100
    qtbot.mouseClick(pane.zoom_out_button, Qt.MouseButton.LeftButton)
    assert pane.zoom == 90


def test_a_bad_stored_zoom_falls_back_to_actual_size(qtbot):
    ui_state.put(ui_state.PREVIEW_ZOOM, 333)
    widget = PreviewPane()
    qtbot.addWidget(widget)
    assert widget.zoom == 100


def test_the_zoom_buttons_stay_in_view_above_the_page_when_it_scrolls(qtbot, pane):
    before = pane.zoom_bar.geometry()
    pane.show_section("de_xuat")
    assert pane.verticalScrollBar().value() > 0
    assert pane.zoom_bar.geometry() == before
    assert pane.rect().contains(before) and not pane.viewport().geometry().intersects(before)


def _prepare_in_a_thread(pane: PreviewPane, html: str) -> None:
    worker = threading.Thread(target=pane.prepare, args=(html,))
    worker.start()
    worker.join()


def test_a_document_prepared_in_another_thread_shows_exactly_what_parsing_on_the_gui_thread_shows(qtbot, pane, demo):
    pane.show_section("kiem_tra")
    position = pane.verticalScrollBar().value()
    demo.section("de_xuat").entries[-1].text += " Thêm."
    html = preview_html(demo)
    parsed_here = PreviewPane()
    qtbot.addWidget(parsed_here)
    parsed_here.resize(500, 400)
    parsed_here.show()
    parsed_here.show_html(html)

    _prepare_in_a_thread(pane, html)
    pane.show_html(html)

    assert pane.document() is pane._document  # swapped in, not parsed again
    assert pane.verticalScrollBar().value() == position
    assert pane.toPlainText() == parsed_here.toPlainText()
    pane.verticalScrollBar().setValue(0)
    assert pane.grab().toImage() == parsed_here.grab().toImage()


def test_a_prepared_document_for_other_html_or_another_zoom_is_not_shown(pane, demo):
    html = preview_html(demo)
    _prepare_in_a_thread(pane, html + "<p>bản trước</p>")
    pane.show_html(html + "<p>bản sau</p>")
    assert pane.toPlainText().endswith("bản sau")
    _prepare_in_a_thread(pane, html)
    pane.zoom_in()  # shows the current HTML again at the new zoom; the prepared one is at the old zoom
    pane.show_html(html)
    assert pane.document() is not pane._document or pane.zoom == 100
    assert "bản sau" not in pane.toPlainText()
