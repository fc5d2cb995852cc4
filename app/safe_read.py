"""The one place that reads files the user names: regular files only, under a size cap, zips and XML with limits.

A report file, a house-style .docx and a template may be anything the user (or someone who sent her a file)
points at: a FIFO that never ends, /dev/zero, a sparse file of gigabytes, a zip bomb, an XML file that
expands entities. Everything here refuses those with a UserError that says what to do, before reading much.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import DamagedFile, UnsafeFile, UserError
from app.i18n import _

if TYPE_CHECKING:  # lxml loads when a file is read, not when the app starts
    from lxml import etree

MiB = 1024 * 1024
_CHUNK = 64 * 1024
# Messages show at most this many characters of a value the file holds (an unknown key, a long text).
SHOWN_CHARS = 60


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    """text cut to limit characters with "…" and the full length, for a message; unchanged when short enough."""
    if len(text) <= limit:
        return text
    return _("{start}… ({count} characters)").format(start=text[:limit - 1], count=len(text))


def megabytes(size: int) -> str:
    """A byte count as "8 MB" for messages."""
    return _("{size} MB").format(size=f"{size / MiB:.3g}")


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at path, read in chunks; UserError for a folder, a device, a FIFO or more
    than limit bytes.

    The file is opened without blocking, so a FIFO is refused instead of waiting for a writer.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        raise UserError(_("The file {file} does not exist.").format(file=path)) from exc
    except IsADirectoryError as exc:
        raise UserError(_("{file} is a folder, not a file.").format(file=path)) from exc
    except PermissionError as exc:
        raise UserError(_("You may not read {file}.").format(file=path)) from exc
    except OSError as exc:
        if exc.errno in (errno.ENXIO, errno.EOPNOTSUPP):  # a socket or a device that cannot be opened
            raise _not_a_file(path) from exc
        raise UserError(_("Cannot read {file}: {reason}.").format(file=path, reason=exc.strerror or exc)) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UserError(_("{file} is a folder, not a file.").format(file=path))
        if not stat.S_ISREG(info.st_mode):
            raise _not_a_file(path)
        if info.st_size > limit:
            raise _too_big(path, limit)
        if hasattr(os, "O_NONBLOCK"):  # where the file was opened without blocking; a regular file reads as usual
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, _CHUNK):
            total += len(chunk)
            if total > limit:  # the file grew while it was read
                raise _too_big(path, limit)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise UserError(_("Cannot read {file}: {reason}.").format(file=path, reason=exc.strerror or exc)) from exc
    finally:
        os.close(fd)


def regular_file_size(path: Path, limit: int) -> int:
    """The size of the regular file at path without opening it; UserError as read_bytes would give."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise UserError(_("The file {file} does not exist.").format(file=path)) from exc
    except OSError as exc:
        raise UserError(_("Cannot read {file}: {reason}.").format(file=path, reason=exc.strerror or exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UserError(_("{file} is a folder, not a file.").format(file=path))
    if not stat.S_ISREG(info.st_mode):
        raise _not_a_file(path)
    if info.st_size > limit:
        raise _too_big(path, limit)
    return info.st_size


def inside(folder: Path, path: Path) -> bool:
    """True when path, its symbolic links followed, lies inside folder (its links followed too)."""
    try:
        return Path(path).resolve().is_relative_to(Path(folder).resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def _not_a_file(path: Path) -> UserError:
    return UserError(_("{file} is not an ordinary file (it is a device, a pipe or a socket): choose a file saved "
                       "on disk.").format(file=path))


def _too_big(path: Path, limit: int) -> UserError:
    return UserError(_("{file} is larger than {limit}, too large for this kind of file: check that it is the right "
                       "file.").format(file=path, limit=megabytes(limit)))


# Zip packages (.docx).

@dataclass(frozen=True)
class ZipLimits:
    """What a zip package may hold before it is refused: entries, bytes once uncompressed, and the ratio."""

    entries: int = 1000
    total_bytes: int = 64 * MiB
    entry_bytes: int = 32 * MiB
    ratio: int = 100  # uncompressed / compressed, for entries above ratio_floor bytes
    ratio_floor: int = 1 * MiB


class ZipReader:
    """Reads entries of a zip held in memory, refusing a package whose entries expand beyond the limits."""

    def __init__(self, data: bytes, what: str, limits: ZipLimits = ZipLimits()) -> None:
        """what: how messages name the package, e.g. "The house-style file x.docx"."""
        self.what = what
        self.limits = limits
        self._read_total = 0
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
            raise self._broken(exc) from exc
        if len(infos) > limits.entries:
            raise self._bomb(_("it holds more than {count} parts").format(count=limits.entries))
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > limits.entry_bytes or total > limits.total_bytes:
                raise self._bomb(_("it unpacks to more than {size}").format(size=megabytes(limits.total_bytes)))
            if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(info.compress_size, 1):
                raise self._bomb(_("a part is compressed more than {ratio} times").format(ratio=limits.ratio))
        self.infos = {info.filename: info for info in infos}

    def names(self) -> list[str]:
        """The names of the entries, in the package's order."""
        return list(self.infos)

    def read(self, name: str) -> bytes:
        """The uncompressed bytes of one entry, counted as they are read (a header may lie about the size)."""
        limits = self.limits
        try:
            with self._zip.open(self.infos[name]) as entry:
                chunks: list[bytes] = []
                size = 0
                while chunk := entry.read(_CHUNK):
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > limits.entry_bytes or self._read_total > limits.total_bytes:
                        raise self._bomb(_("it unpacks to more than {size}").format(
                            size=megabytes(limits.total_bytes)))
                    chunks.append(chunk)
                return b"".join(chunks)
        except UserError:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError,
                RuntimeError) as exc:  # RuntimeError: an encrypted entry; NotImplementedError: an unknown method
            raise self._broken(exc) from exc
        except Exception as exc:  # zlib.error and the like: the data of the entry is damaged
            raise self._broken(exc) from exc

    def _broken(self, exc: BaseException) -> UserError:
        return DamagedFile(_("{what} is damaged or is not a Word document (.docx): {reason}.").format(
            what=self.what, reason=shorten(str(exc) or type(exc).__name__, 200)))

    def _bomb(self, reason: str) -> UserError:
        return UnsafeFile(_("{what} cannot be used: {reason}, far more than a Word document holds.").format(
            what=self.what, reason=reason), reason=reason)


# XML.

def xml_parser() -> etree.XMLParser:
    """An lxml parser that expands no entity, loads no DTD, reaches no network and refuses huge trees."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, dtd_validation=False,
                           huge_tree=False, remove_blank_text=True)


def _entities() -> str:
    """What is unsafe about XML with a DTD, translated when it is raised."""
    return _("it declares XML entities (a DTD), which can make reading it blow up or reach other files")


def parse_xml(data: bytes, what: str) -> etree._Element:
    """The root element of an XML document; UserError when it is not well formed or declares a DTD.

    Office files never declare a DTD; one that does is refused rather than parsed with its entities left
    unexpanded (which would be written back as references that no reader can resolve).
    """
    from lxml import etree

    if b"<!DOCTYPE" in data:
        raise UnsafeFile(_("{what} declares a DTD or entities, which a Word document never does: save it again in "
                           "Word as “Word Document (*.docx)”.").format(what=what), reason=_entities())
    try:
        root = etree.fromstring(data, parser=xml_parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise DamagedFile(_("{what} is damaged: {reason}.").format(
            what=what, reason=shorten(str(exc) or type(exc).__name__, 200))) from exc
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None or any(
            True for _node in root.iter(etree.Entity)):
        raise UnsafeFile(_("{what} declares a DTD or entities, which a Word document never does: save it again in "
                           "Word as “Word Document (*.docx)”.").format(what=what), reason=_entities())
    return root
