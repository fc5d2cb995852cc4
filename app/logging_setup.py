"""The log: a rotating file in <user data folder>/logs, set up once at start; no Qt."""

from __future__ import annotations

import logging
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app import APP_DISPLAY_NAME, __version__, paths

LOG_FILE_NAME = "tongket.log"
MAX_BYTES = 1_000_000  # one file grows to about 1 MB before it is rotated
BACKUP_COUNT = 5  # tongket.log.1 … tongket.log.5 are kept
FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s"

# Marks the handlers this module added, so that a second call replaces them instead of doubling every line.
_OURS = "_tongket_handler"
_level_before: int | None = None  # the root logger's level before setup_logging(), restored by teardown_logging()


def setup_logging(verbose: bool = False) -> Path:
    """Send log records to the rotating file and return its path; verbose logs DEBUG and echoes to stderr.

    Calling it again (say after TONGKET_DATA_DIR changed) replaces the handlers of the previous call.
    When the log folder cannot be written, records go to stderr only and the returned path does not exist.
    """
    global _level_before
    teardown_logging()
    root = logging.getLogger()
    _level_before = root.level
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = []
    path, file_error = Path(LOG_FILE_NAME), None
    try:
        path = paths.log_dir() / LOG_FILE_NAME
        handlers.append(RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"))
    except OSError as exc:
        file_error = exc
    # A windowed Windows program has no stderr at all (sys.stderr is None).
    if sys.stderr is not None and (verbose or file_error is not None):
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(formatter)
        setattr(handler, _OURS, True)
        root.addHandler(handler)
    log = logging.getLogger(__name__)
    if file_error is not None:
        log.warning("cannot write the log file %s: %s", path, file_error)
    log.info(
        "%s %s starting: Python %s on %s%s",
        APP_DISPLAY_NAME,
        __version__, platform.python_version(), platform.platform(), " (frozen)" if paths.is_frozen() else "",
    )
    return path


def teardown_logging() -> None:
    """Close and remove the handlers setup_logging() added, and restore the root level; other handlers stay."""
    global _level_before
    root = logging.getLogger()
    if _level_before is not None:
        root.setLevel(_level_before)
        _level_before = None
    for handler in list(root.handlers):
        if getattr(handler, _OURS, False):
            root.removeHandler(handler)
            handler.close()

