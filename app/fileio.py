"""Atomic file writes: a temporary file in the target folder, flushed, then renamed over the target."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from app.domain.errors import UserError
from app.i18n import _


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces target only when the block ends without an exception.

    A crash, a full disk or an exception leaves target as it was and removes the temporary file.
    OS errors the user can act on (locked by Word, read-only folder, disk full) become UserError.
    """
    target = Path(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except FileNotFoundError as exc:
        raise UserError(_("The folder {folder} does not exist.").format(folder=target.parent)) from exc
    except PermissionError as exc:
        raise UserError(_("You may not write to the folder {folder}. Choose another folder.").format(
            folder=target.parent)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        _replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _replace(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except PermissionError as exc:
        # On Windows a file open in Word cannot be replaced.
        raise UserError(_(
            "Cannot overwrite {file}: it may be open in Word or read-only. Close it and try again, "
            "or choose another name."
        ).format(file=target)) from exc


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_writer(target) as f:
        f.write(data)


def write_with(target: Path, save: Callable[[BinaryIO], None]) -> None:
    """Let save() write into a temporary file, then move it over target; see atomic_writer."""
    try:
        with atomic_writer(target) as f:
            save(f)
    except OSError as exc:
        if exc.errno == 28:  # ENOSPC
            raise UserError(_("The disk is full: {file} was not written. Free some space and try again.").format(
                file=target)) from exc
        raise
