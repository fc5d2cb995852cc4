"""The local journal: each edit waiting to be saved, kept on this computer until the database has it.

Before an autosave is attempted, the report as she has it (mine) and as last saved (base, with the version it was based
on) are written to <user data folder>/journal/, one file per database, report and run of the program, replaced whole
each time: written to a temporary file, flushed to the disk (fsync), then renamed over the old one, so a file there is
always complete (a crash mid-write leaves the previous one, and a stray temporary file is ignored). The file is removed
once the save is confirmed. A file still there at the next start is an edit the database never got (the connection was
lost, a conflict was left unanswered, the program was killed): the window offers it back, and restoring it saves it
through the usual version check, so someone else's newer save is shown as a conflict, never overwritten.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import json
import logging
import os
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import paths
from app.domain.codec import from_dict, to_dict
from app.domain.conflicts import report_conflicts
from app.domain.report import Report
from app.storage.db import Database

log = logging.getLogger(__name__)

FORMAT = 1


@dataclass(frozen=True, slots=True)
class PendingEdit:
    """One edit the database has not confirmed: her report (mine), the stored copy it started from (base).

    database: where it belongs (a file path, or a server URL without its password); changed: the dotted paths of
    the fields she changed; written_at: when it was journaled (UTC); seq: its order in the writing process.
    """

    database: str
    report_id: int
    base: Report
    mine: Report
    changed: list[str]
    written_at: datetime
    seq: int
    path: Path


def folder() -> Path:
    """The journal folder, created when missing: <user data folder>/journal."""
    path = paths.user_data_dir() / "journal"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _file(database: str, report_id: int) -> Path:
    """This run's file for the report: another run's (a killed one's) is never overwritten, only adopted."""
    key = hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]
    return folder() / f"{key}-report-{report_id}-{_RUN}.json"


# Names this run's files; a pid could be reused by the next run after a crash.
_RUN = uuid.uuid4().hex[:12]


_lock = threading.Lock()
_seq = 0  # edits are numbered as they are handed over: a later number is a later state of the report
_written: dict[Path, int] = {}  # the number each of this run's files holds
_cleared: dict[Path, int] = {}  # each file's edits up to this number are in the database


def _next_seq() -> int:
    global _seq
    with _lock:
        _seq += 1
        return _seq


def record(database: str, report_id: int, base: Report, mine: Report, seq: int | None = None) -> int:
    """Write the pending edit durably (replacing the report's previous one); its sequence number, for clear().

    seq (from record_soon) is the number it was handed over with: an edit older than the one the file holds, or
    than one the database already has, is not written.
    """
    seq = _next_seq() if seq is None else seq
    target = _file(database, report_id)
    changed = [c.path for c in report_conflicts(base, base, mine)]
    with _lock:
        if seq <= max(_written.get(target, 0), _cleared.get(target, 0)):
            return seq
        data = {
            "format": FORMAT, "database": database, "report_id": report_id, "seq": seq,
            "written_at": datetime.now(UTC).isoformat(), "changed": changed,
            "base_version": base.version, "base_org_version": base.organisation.version,
            "mine_org_version": mine.organisation.version,
            "base": to_dict(base), "mine": to_dict(mine),
        }
        _write_durably(target, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        _written[target] = seq
    return seq


_writer: concurrent.futures.ThreadPoolExecutor | None = None


def record_soon(database: str, report_id: int, base: Report, mine: Report) -> concurrent.futures.Future[int]:
    """record() in the journal's own thread, in the order of the calls, while the database thread is busy."""
    global _writer
    if _writer is None:
        _writer = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal")
    future = _writer.submit(record, database, report_id, base, mine, _next_seq())
    future.add_done_callback(_log_failure)
    return future


def _log_failure(future: concurrent.futures.Future[int]) -> None:
    if future.exception() is not None:
        log.error("the journal could not be written", exc_info=future.exception())


def _write_durably(target: Path, content: bytes) -> None:
    """Replace target by content so that, whatever happens, target is either the old file or the new one, whole."""
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        with open(partial, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    if os.name == "posix":  # the rename itself reaches the disk only with the folder's entry
        descriptor = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def clear(database: str, report_id: int, upto: int | None = None) -> None:
    """Forget the report's pending edit once the database has every edit up to seq upto; a newer one is kept.

    upto None: forget it whatever it holds (she gave her edits up), and any handed over before now.
    """
    target = _file(database, report_id)
    upto = _next_seq() if upto is None else upto
    with _lock:
        _cleared[target] = max(_cleared.get(target, 0), upto)
        if _written.get(target, 0) > upto:
            return
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        _written.pop(target, None)


def pending(database: str) -> list[PendingEdit]:
    """The edits journaled for database and never confirmed, newest first; unreadable files are set aside."""
    found = []
    for path in sorted(folder().glob("*-report-*-*.json")):
        try:
            entry = _read(path)
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("journal file %s cannot be read (%s); kept as %s.unreadable", path, exc, path.name)
            with contextlib.suppress(OSError):
                path.replace(path.with_name(path.name + ".unreadable"))
            continue
        if entry.database == database:
            found.append(entry)
    return sorted(found, key=lambda e: e.written_at, reverse=True)


def _read(path: Path) -> PendingEdit:
    data: dict[str, Any] = json.loads(path.read_bytes())
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown journal format {data.get('format')!r}")
    base, mine = from_dict(data["base"], Report), from_dict(data["mine"], Report)
    base.version, base.organisation.version = data["base_version"], data["base_org_version"]
    mine.organisation.version = data["mine_org_version"]
    return PendingEdit(data["database"], int(data["report_id"]), base, mine, list(data["changed"]),
                       datetime.fromisoformat(data["written_at"]), int(data["seq"]), path)


def adopt(entry: PendingEdit) -> None:
    """Take over a pending edit left by an earlier run: journal it as this run's, then remove the old file.

    Its own save then clears it like any other; at no moment is it in neither file.
    """
    record(entry.database, entry.report_id, entry.base, entry.mine)
    if entry.path != _file(entry.database, entry.report_id):
        with _lock, contextlib.suppress(FileNotFoundError):
            entry.path.unlink()


def discard_all(entries: list[PendingEdit]) -> None:
    """discard() each of entries."""
    for entry in entries:
        discard(entry)


def discard(entry: PendingEdit) -> None:
    """Give up a pending edit: its file is renamed .discarded (kept, never read again), not deleted."""
    with _lock, contextlib.suppress(FileNotFoundError):
        entry.path.replace(entry.path.with_name(entry.path.name + ".discarded"))


def save_changes(sessions: Database, report_id: int, before: Report, after: Report) -> datetime:
    """Autosave through the journal: journal the edit, save it (reports.save_changes), then forget it.

    When the save fails (ConnectionLost, EditConflict, anything) the edit stays in the journal. A journal that
    cannot be written (disk full) does not stop the save: the database is the better place for it anyway.
    """
    from app.services import reports

    database = sessions.location
    try:
        seq: int | None = record(database, report_id, before, after)
    except OSError as exc:
        log.error("the journal could not be written: %s", exc)
        seq = None
    when = reports.save_changes(sessions, report_id, before, after)
    if seq is not None:
        try:
            clear(database, report_id, seq)
        except OSError as exc:
            log.warning("the journal could not be cleared: %s", exc)
    return when


@dataclass(frozen=True, slots=True)
class Restored:
    """What restore() did: report ids saved; entries refused as conflicts (kept, for the window to settle);
    entries whose report is gone (set aside), with the reason."""

    saved: list[int]
    conflicts: list[PendingEdit]
    dropped: list[tuple[PendingEdit, str]]


def restore(sessions: Database, entries: list[PendingEdit]) -> Restored:
    """Save each pending edit left by an earlier run, through the version check; ConnectionLost stops at once.

    An edit someone else's newer save conflicts with stays in the journal (this run's now) and is returned, for the
    window to open and show as a conflict. An edit whose report was deleted is set aside (discard) with the reason.
    """
    from app.domain.conflicts import EditConflict
    from app.domain.errors import ConnectionLost, UserError

    saved: list[int] = []
    conflicts: list[PendingEdit] = []
    dropped: list[tuple[PendingEdit, str]] = []
    for entry in entries:
        adopt(entry)
        try:
            save_changes(sessions, entry.report_id, entry.base, entry.mine)
        except EditConflict:
            conflicts.append(entry)
        except ConnectionLost:
            raise
        except UserError as exc:
            discard(_adopted(entry))
            dropped.append((entry, exc.message))
        else:
            saved.append(entry.report_id)
    return Restored(saved, conflicts, dropped)


def _adopted(entry: PendingEdit) -> PendingEdit:
    """The entry as this run's file holds it after adopt()."""
    from dataclasses import replace

    return replace(entry, path=_file(entry.database, entry.report_id))
