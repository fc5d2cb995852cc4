"""Resources are found from source and from a PyInstaller bundle; the log rotates in the user's data folder."""

from __future__ import annotations

import gettext
import logging
import shutil
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from app import i18n, logging_setup, paths
from tests.packaging import packaging_module

ROOT = Path(__file__).resolve().parents[2]
compile_catalogs = packaging_module("compile_catalogs").compile_catalogs


@pytest.fixture
def log_teardown():
    """Whatever setup_logging() added to the root logger goes when the test ends."""
    yield
    logging_setup.teardown_logging()


@pytest.fixture
def frozen_bundle(tmp_path, monkeypatch) -> Path:
    """A PyInstaller 6 one-folder layout: dist/tongket/_internal holds the data, as sys._MEIPASS says."""
    internal = tmp_path / "dist" / "tongket" / "_internal"
    (internal / "templates").mkdir(parents=True)
    shutil.copyfile(ROOT / "templates" / "report.j2", internal / "templates" / "report.j2")
    icons = internal / "resources" / "icons"
    icons.mkdir(parents=True)
    for size in (256, 16, 48):
        shutil.copyfile(ROOT / "resources" / "icons" / f"tongket-{size}.png", icons / f"tongket-{size}.png")
    # The bundle ships compiled catalogs only, never the .po sources.
    compile_catalogs(internal / "resources" / "locale")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    return internal


def test_from_source_the_resources_are_in_the_repository():
    assert not paths.is_frozen()
    assert paths.bundle_root() == ROOT
    assert (paths.templates_dir() / "report.j2").is_file()
    assert (paths.resources_dir() / "schema").is_dir()
    assert (paths.locale_dir() / "vi" / "LC_MESSAGES" / "app.po").is_file()


def test_frozen_the_resources_are_in_the_bundles_internal_folder(frozen_bundle):
    assert paths.is_frozen()
    assert paths.bundle_root() == frozen_bundle
    assert paths.templates_dir() == frozen_bundle / "templates"
    assert (paths.templates_dir() / "report.j2").is_file()
    assert paths.locale_dir() == frozen_bundle / "resources" / "locale"
    assert [p.name for p in paths.app_icon_files()] == ["tongket-16.png", "tongket-48.png", "tongket-256.png"]


def test_frozen_messages_come_from_the_shipped_mo_without_its_po(frozen_bundle):
    folder = frozen_bundle / "resources" / "locale" / "vi" / "LC_MESSAGES"
    assert (folder / "app.mo").is_file() and not (folder / "app.po").exists()
    with (folder / "app.mo").open("rb") as f:
        catalog = gettext.GNUTranslations(f)
    i18n.set_language("vi")
    assert i18n._("Year-end review") == catalog.gettext("Year-end review") != "Year-end review"


def test_the_data_folder_is_the_one_tongket_data_dir_names(data_dir):
    assert paths.user_data_dir() == data_dir
    assert paths.default_database_path() == data_dir / "tongket.sqlite3"
    assert paths.log_dir() == data_dir / "logs"
    assert paths.log_dir().is_dir()


def test_the_data_folder_stays_in_the_users_folder_when_frozen(frozen_bundle, data_dir):
    # Installed programs are read-only: nothing the user writes may go into the bundle.
    assert frozen_bundle not in paths.user_data_dir().parents
    assert paths.user_data_dir() == data_dir


def test_setup_logging_writes_a_rotating_file_in_the_data_folder(data_dir, log_teardown):
    path = logging_setup.setup_logging()
    logging.getLogger("app.test").info("một dòng nhật ký")
    assert path == data_dir / "logs" / "tongket.log"
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert len(handlers) == 1
    assert (handlers[0].maxBytes, handlers[0].backupCount) == (1_000_000, 5)
    handlers[0].flush()
    text = path.read_text(encoding="utf-8")
    assert "một dòng nhật ký" in text
    assert "starting" in text


def test_the_log_rotates_and_keeps_five_old_files(data_dir, log_teardown, monkeypatch):
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 2_000)
    path = logging_setup.setup_logging()
    log = logging.getLogger("app.test")
    for i in range(400):
        log.info("line %d %s", i, "x" * 40)
    logs = sorted(p.name for p in path.parent.iterdir())
    assert logs == ["tongket.log", *(f"tongket.log.{n}" for n in range(1, 6))]
    assert path.stat().st_size <= 2_000


def test_setting_up_logging_twice_writes_each_line_once(data_dir, log_teardown):
    logging_setup.setup_logging()
    path = logging_setup.setup_logging(verbose=True)
    logging.getLogger("app.test").debug("chỉ một lần")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path.read_text(encoding="utf-8").count("chỉ một lần") == 1


def test_teardown_restores_the_root_level(data_dir):
    before = logging.getLogger().level
    logging_setup.setup_logging(verbose=True)
    assert logging.getLogger().level == logging.DEBUG
    logging_setup.teardown_logging()
    assert logging.getLogger().level == before
    assert not [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
