"""The window fits the screen: on a 1366×768 or 1024×600 screen every essential control is on it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QPushButton

from app.gui import ui_state
from app.gui.main_window import ASSUMED_FRAME, PREFERRED_SIZE, MainWindow, centred, fit_geometry
from app.gui.tasks import Tasks

LAPTOP = QRect(0, 0, 1366, 768 - 40)  # a 1366×768 screen with a 40 px task bar at the bottom
NETBOOK = QRect(0, 0, 1024, 600 - 30)
CHECK = Path(__file__).with_name("screen_fit_check.py")


def inside(frame: QRect, available: QRect) -> bool:
    return available.contains(frame)


@pytest.mark.parametrize("available", [LAPTOP, NETBOOK], ids=["1366x768", "1024x600"])
def test_the_first_window_and_its_frame_fit_the_available_area(available):
    client = fit_geometry(centred(PREFERRED_SIZE, available), available, ASSUMED_FRAME)
    assert inside(client.marginsAdded(ASSUMED_FRAME), available)
    # It takes what room there is: no more than a frame's width is left unused across.
    assert client.width() == available.width() - ASSUMED_FRAME.left() - ASSUMED_FRAME.right()


def test_a_large_screen_gets_the_preferred_size_centred():
    available = QRect(0, 0, 1920, 1040)
    client = fit_geometry(centred(PREFERRED_SIZE, available), available, ASSUMED_FRAME)
    assert client.size() == PREFERRED_SIZE
    assert abs(client.center().x() - available.center().x()) <= 1


def test_a_saved_geometry_from_a_larger_screen_is_moved_and_shrunk_into_this_one():
    saved = QRect(300, 200, 1360, 860)
    fitted = fit_geometry(saved, NETBOOK, QMargins())
    assert fitted == NETBOOK
    moved = fit_geometry(QRect(900, 500, 400, 300), NETBOOK, QMargins())
    assert moved.size() == QSize(400, 300) and inside(moved, NETBOOK)


def test_a_geometry_that_fits_is_left_alone():
    assert fit_geometry(QRect(100, 100, 600, 400), LAPTOP, ASSUMED_FRAME) == QRect(100, 100, 600, 400)


def test_the_window_fits_a_smaller_available_area_with_the_home_buttons_and_status_bar_on_it(qtbot):
    # The offscreen screen is 800×800; a smaller area stands in for the screen of a small laptop.
    available = QRect(10, 20, 780, 560)
    big = MainWindow(tasks=Tasks(inline=True))
    qtbot.addWidget(big)
    big.setGeometry(QRect(0, 0, 790, 790))
    ui_state.put(ui_state.GEOMETRY, QByteArray(big.saveGeometry()))
    window = MainWindow(tasks=Tasks(inline=True))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        window.start()
    window.reports.open_sample()
    window.show_home()
    window.fit_to_screen(available)
    qtbot.waitUntil(lambda: inside(window.frameGeometry(), available))
    home = window.home
    controls = [*home.findChildren(QPushButton), home.table, window.statusBar(), window.saved_label]
    for widget in controls:
        rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
        assert inside(rect, available), (widget.objectName() or getattr(widget, "text", lambda: "")(), rect)
    window.close()


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (apt-get install xvfb)")
@pytest.mark.parametrize("screen, saved", [("1366x768", False), ("1024x600", False), ("1024x600", True)],
                         ids=["1366x768", "1024x600", "1024x600-saved-1360x860"])
def test_on_a_real_x_screen_every_essential_control_is_on_the_screen(screen, saved):
    args = ["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", sys.executable, str(CHECK)]
    if saved:
        args.append("--saved-geometry")
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    width, height = map(int, screen.split("x"))
    assert result["available"] == [0, 0, width, height]
    assert (result["welcome"], result["home"], result["editor"]) == ([], [], [])
    assert result["saved_label"].startswith("Đã lưu lúc")
    x, y, w, h = result["frame"]
    assert x >= 0 and y >= 0 and x + w <= width and y + h <= height
