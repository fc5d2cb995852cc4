"""What the scripts that drive the real window under Xvfb and grab it to PNG share (tests/gui/render_*.py).

They are run by hand, not by pytest: each starts its own Xvfb when DISPLAY is not set, uses a fresh data folder,
and writes PNGs for a person to look at.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def ensure_display(screen: str, display: str = ":87") -> subprocess.Popen | None:
    """Start Xvfb on display at screen ("1366x768") unless DISPLAY is set; the server to terminate, or None."""
    if os.environ.get("DISPLAY"):
        return None
    if shutil.which("Xvfb") is None:
        sys.exit("Xvfb is not installed (apt-get install xvfb)")
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{screen}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    os.environ["DISPLAY"] = display
    return server


@contextlib.contextmanager
def on_screen(prefix: str, screen: str = "1366x768", display: str = ":87") -> Iterator[None]:
    """An X display (Xvfb when none is set) and a fresh data folder named prefix…, for the length of the block."""
    server = ensure_display(screen, display)
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["TONGKET_DATA_DIR"] = tempfile.mkdtemp(prefix=prefix)
    try:
        yield
    finally:
        if server is not None:
            server.terminate()


def application(language: str = "vi") -> Any:
    """The app's QApplication, its settings in the data folder, speaking language."""
    from PySide6.QtCore import QSettings

    from app.gui.application import apply_language, make_application

    app = make_application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["TONGKET_DATA_DIR"])
    apply_language(app, language)
    return app


def settle(ms: int = 600) -> None:
    """Let the event loop run for ms (layouts, previews, background checks)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait(signal: Any, ms: int = 30_000) -> None:
    """Run the event loop until signal fires, or ms at most."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def snap(window: Any, out: Path, name: str) -> Path:
    """Grab the whole screen window is on to out/name.png, after a settle; prints and returns the path."""
    settle()
    path = out / f"{name}.png"
    window.screen().grabWindow(0).save(str(path))
    print(path)
    return path
