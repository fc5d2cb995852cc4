"""Atomic file writes: a temporary file in the target folder, flushed, then renamed over the target."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from app.domain.errors import UserError
from app.i18n import _

# Characters of the target's name kept in the temporary name: enough to recognise it, short enough that the
# temporary name fits wherever the target's name fits (255 bytes on most file systems).
TEMP_NAME_CHARS = 24


@contextlib.contextmanager
def atomic_writer(target: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces target only when the block ends without an exception.

    A crash, a full disk or an exception leaves target as it was and removes the temporary file.
    A symbolic link is written through: the file it points to is replaced and the link stays a link.
    The new file keeps the permissions of the file it replaces (a new one gets the usual ones, after the umask).
    OS errors the user can act on (locked by Word, read-only folder or disk, disk full, name too long) become UserError.
    """
    target = _through_links(Path(target))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name[:TEMP_NAME_CHARS]}.", suffix=".tmp", dir=target.parent)
    except FileNotFoundError as exc:
        raise UserError(_("The folder {folder} does not exist.").format(folder=target.parent)) from exc
    except PermissionError as exc:
        raise UserError(_("You may not write to the folder {folder}. Choose another folder.").format(
            folder=target.parent)) from exc
    except OSError as exc:
        error = _user_error(exc, target)
        if error is None:
            raise
        raise error from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw:
            _copy_mode(target, fd)
            f = _Guarded(raw)
            try:
                yield cast(BinaryIO, f)
                f.flush()
                os.fsync(raw.fileno())
            finally:
                f.retire()
        _replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


class _Guarded(io.RawIOBase):
    """The temporary file as the writer sees it; once retired, writes only move a pretend position.

    A writer that fails half-way (python-docx's ZipFile on a full disk) may be collected later and then try to finish
    its file: it must not write into a file already closed and removed, nor print "Exception ignored" about it. The
    pretend position keeps the sizes it computes from tell() sane.
    """

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw: BinaryIO | None = raw
        self._pos = self._end = 0

    def retire(self) -> None:
        """Stop writing to the real file: from now on every call succeeds and writes nothing."""
        if self._raw is not None:
            with contextlib.suppress(OSError, ValueError):
                self._pos = self._raw.tell()
                self._end = max(self._pos, self._raw.seek(0, os.SEEK_END))
        self._raw = None

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def write(self, data: Any) -> int:  # a bytes-like object
        if self._raw is not None:
            return self._raw.write(data)
        size = len(memoryview(data))
        self._pos += size
        self._end = max(self._end, self._pos)
        return size

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if self._raw is not None:
            return self._raw.seek(offset, whence)
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self._end}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._raw.tell() if self._raw is not None else self._pos

    def flush(self) -> None:
        if self._raw is not None:
            self._raw.flush()

    def truncate(self, size: int | None = None) -> int:
        if self._raw is not None:
            return self._raw.truncate(size)
        self._end = self._pos if size is None else size
        return self._end

    def close(self) -> None:
        self.retire()
        super().close()


def _through_links(target: Path) -> Path:
    """The file a symbolic link at target points to (followed to the end), else target itself."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _copy_mode(target: Path, fd: int) -> None:
    """Give the temporary file the permissions of target, or those a new file gets (mkstemp makes it private)."""
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_umask()
    with contextlib.suppress(OSError, NotImplementedError, AttributeError):  # no fchmod on Windows
        os.fchmod(fd, mode)


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux), else set and restored."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _replace(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except PermissionError as exc:
        # On Windows a file open in Word cannot be replaced.
        raise UserError(_(
            "Cannot overwrite {file}: it may be open in Word or read-only. Close it and try again, "
            "or choose another name."
        ).format(file=target)) from exc
    except OSError as exc:
        error = _user_error(exc, target)
        if error is None:
            raise
        raise error from exc


def _user_error(exc: OSError, target: Path) -> UserError | None:
    """The UserError for an OS error in writing target that the user can act on; None for the others."""
    if exc.errno == errno.ENOSPC:
        error = UserError(_("The disk is full: {file} was not written. Free some space and try again.").format(
            file=target))
    elif exc.errno == errno.ENAMETOOLONG:
        error = UserError(_("The name {file} is too long for the disk. Choose a shorter name.").format(file=target))
    elif exc.errno == errno.EROFS:
        error = UserError(_("The disk of {file} is read-only. Choose another folder.").format(file=target))
    else:
        return None
    return error


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_writer(target) as f:
        f.write(data)


def write_with(target: Path, save: Callable[[BinaryIO], object]) -> None:
    """Let save() write into a temporary file, then move it over target; see atomic_writer (save's result is unused)."""
    try:
        with atomic_writer(target) as f:
            save(f)
    except OSError as exc:
        error = _user_error(exc, target)
        if error is None:
            raise
        raise error from exc
