"""The one place that finds resources/, templates/ and the locale folder, from source or frozen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "TONGKET_DATA_DIR"


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle rather than from the source tree."""
    return bool(getattr(sys, "frozen", False)) and bool(getattr(sys, "_MEIPASS", None))


def bundle_root() -> Path:
    """Folder that holds resources/ and templates/: the source tree, or the PyInstaller bundle.

    In a PyInstaller 6 one-folder build sys._MEIPASS is the bundle's _internal folder, beside the executables.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def templates_dir() -> Path:
    return bundle_root() / "templates"


def locale_dir() -> Path:
    return resources_dir() / "locale"


def icons_dir() -> Path:
    """Folder of the app icon: tongket.svg, tongket-<size>.png and tongket.ico."""
    return resources_dir() / "icons"


def app_icon_files() -> list[Path]:
    """The PNG renderings of the app icon, smallest first; empty when none are installed."""
    return sorted(icons_dir().glob("tongket-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def user_data_dir() -> Path:
    """Folder holding the user's database, backups and logs; TONGKET_DATA_DIR overrides it."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("TongKet", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """Folder of the rotating log files, created when missing: <user data folder>/logs."""
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return user_data_dir() / "tongket.sqlite3"
