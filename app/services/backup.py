"""Backup and restore of a whole database, on either engine: one zip archive of interchange files and a manifest.

The archive holds, under names that do not depend on row ids (so two databases with the same content give the same
files):
- manifest.json: the format, its version, the app's version, when it was made, and the lists of files;
- organisations/0001.json …: each organisation's profile, the organisation it belongs to (by file), its terms and
  the numbers taken from its register (each with the report it went to, by file);
- reports/0001.json …: each report as an interchange file (docs/interchange.md), readable alone by `tongket import`.

restore_archive() reads an archive into an empty database in one transaction: all of it or nothing. Moving a
secretary's SQLite file into an office's PostgreSQL server is a backup of the one and a restore into the other.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.domain.codec import from_dict, to_dict
from app.domain.errors import UserError
from app.domain.numbering import IssuedNumber, Term
from app.domain.organisation import Organisation
from app.domain.report import Report
from app.fileio import write_with
from app.i18n import _
from app.services.interchange import dumps_report, loads_report
from app.storage import numbering_repo, org_repo, report_repo
from app.storage.db import Database

FORMAT = "tongket-backup"
VERSION = 1
MANIFEST = "manifest.json"
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # far more than any report file; a bigger member is not one of ours


@dataclasses.dataclass(frozen=True)
class ArchiveSummary:
    """What an archive holds (or what was written or read)."""

    organisations: int
    reports: int


def write_archive(sessions: Database, path: Path, *, made_at: datetime | None = None) -> ArchiveSummary:
    """Write every organisation and report of the database to the zip archive at path, replaced only once complete.

    The whole database is read in one transaction, so the archive is a consistent picture even while others edit.
    """
    moment = made_at if made_at is not None else datetime.now().astimezone()
    files: dict[str, bytes] = {}
    with sessions.begin() as session:
        organisations = sorted(org_repo.list_all(session), key=lambda o: o.id or 0)
        org_files = {o.id: f"organisations/{n:04d}.json" for n, o in enumerate(organisations, 1)}
        summaries = sorted(report_repo.list_summaries(session), key=lambda s: s.id)
        report_files = {s.id: f"reports/{n:04d}.json" for n, s in enumerate(summaries, 1)}
        for summary in summaries:
            report = _without_ids(report_repo.get(session, summary.id))
            files[report_files[summary.id]] = dumps_report(report, exported_at=moment, roster=True).encode("utf-8")
        for organisation in organisations:
            assert organisation.id is not None
            profile = dataclasses.replace(organisation, id=None, parent_id=None)
            entry = {
                "organisation": to_dict(profile),
                "parent": org_files.get(organisation.parent_id) if organisation.parent_id is not None else None,
                "reports": [report_files[s.id] for s in summaries if s.organisation_id == organisation.id],
                "terms": [{"label": t.label, "starts_on": t.starts_on.isoformat(),
                           "ends_on": t.ends_on.isoformat() if t.ends_on else None}
                          for t in numbering_repo.list_terms(session, organisation.id)],
                "issued_numbers": [{"doc_type": n.doc_type, "number": n.number, "issued_on": n.issued_on.isoformat(),
                                    "report": report_files.get(n.report_id) if n.report_id is not None else None}
                                   for n in sorted(numbering_repo.list_numbers(session, organisation.id),
                                                   key=lambda n: n.id or 0)],
            }
            files[org_files[organisation.id]] = _json(entry)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "made_at": moment.isoformat(timespec="seconds"),
        "organisations": list(org_files.values()),
        "reports": list(report_files.values()),
    }

    def save(f: Any) -> None:
        with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, _json(manifest))
            for name, data in files.items():
                archive.writestr(name, data)

    write_with(Path(path), save)
    return ArchiveSummary(len(org_files), len(report_files))


def restore_archive(sessions: Database, path: Path) -> ArchiveSummary:
    """Read the archive at path into the database, which must hold no organisation; all of it or nothing.

    Raises UserError when the database is not empty or the archive cannot be read (what is wrong, and where).
    """
    path = Path(path)
    manifest, members = _read(path)
    organisations = [(name, _organisation_entry(path, name, members)) for name in manifest["organisations"]]
    reports = {name: _report(path, name, members) for name in manifest["reports"]}
    with sessions.begin() as session:
        if org_repo.list_all(session):
            raise UserError(_(
                "The database {database} already holds organisations or reports: a backup is restored only into an "
                "empty database, so that nothing in it is overwritten or mixed up. Create a new, empty database and "
                "restore into that one."
            ).format(database=sessions.location))
        org_ids: dict[str, int] = {}
        pending = list(organisations)
        while pending:  # parents first, whatever order the archive lists them in
            ready = [(n, e) for n, e in pending if e["parent"] is None or e["parent"] in org_ids]
            if not ready:
                raise _bad(path, _("the organisations belong to one another in a circle"))
            for name, entry in ready:
                organisation = dataclasses.replace(entry["organisation"], id=None,
                                                   parent_id=org_ids.get(entry["parent"]) if entry["parent"] else None)
                org_ids[name] = org_repo.add(session, organisation)
            pending = [(n, e) for n, e in pending if n not in org_ids]
        report_ids: dict[str, int] = {}
        owners = {report: name for name, entry in organisations for report in entry["reports"]}
        for name, report in reports.items():
            if name not in owners:
                raise _bad(path, _("{file} belongs to no organisation").format(file=name))
            report.organisation = org_repo.get(session, org_ids[owners[name]])
            report_ids[name] = report_repo.add(session, report, updated_at=report.updated_at)
        for name, entry in organisations:
            for term in entry["terms"]:
                numbering_repo.add_term(session, org_ids[name], term)
            for number, report_name in entry["issued_numbers"]:
                if report_name is not None and report_name not in report_ids:
                    raise _bad(path, _("{file} is not in the archive").format(file=report_name))
                numbering_repo.save_number(session, dataclasses.replace(
                    number, organisation_id=org_ids[name],
                    report_id=report_ids[report_name] if report_name is not None else None))
    return ArchiveSummary(len(org_ids), len(report_ids))


def _without_ids(report: Report) -> Report:
    report = copy.deepcopy(report)
    report.id = None
    report.organisation.id = None
    report.organisation.parent_id = None
    for section in report.walk_sections():
        section.id = None
        for entry in section.entries:
            entry.id = None
    return report


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _bad(path: Path, reason: str) -> UserError:
    return UserError(_("{file} is not a backup that can be restored: {reason}.").format(file=path, reason=reason))


def _read(path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest and the members the manifest names, read whole; UserError for anything else."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            if MANIFEST not in infos:
                raise _bad(path, _("it has no {file}").format(file=MANIFEST))
            manifest = _load_json(path, MANIFEST, archive.read(MANIFEST))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise _bad(path, _("{file} does not describe a backup of this program").format(file=MANIFEST))
            if manifest.get("version") != VERSION:
                raise _bad(path, _("it was written by a newer version of the program (backup format {version})")
                           .format(version=manifest.get("version")))
            names = [*manifest.get("organisations", []), *manifest.get("reports", [])]
            members: dict[str, bytes] = {}
            for name in names:
                info = infos.get(name) if isinstance(name, str) else None
                if info is None:
                    raise _bad(path, _("{file} is not in the archive").format(file=name))
                if info.file_size > MAX_MEMBER_BYTES:
                    raise _bad(path, _("{file} is far larger than a report file").format(file=name))
                members[name] = archive.read(info)
            return manifest, members
    except (zipfile.BadZipFile, EOFError) as exc:
        raise _bad(path, _("it is not a zip archive, or it is damaged")) from exc
    except OSError as exc:
        raise UserError(_("Cannot read {file}: {reason}.").format(file=path, reason=exc.strerror or exc)) from exc


def _load_json(path: Path, name: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad(path, _("{file} is not readable JSON").format(file=name)) from exc


def _report(path: Path, name: str, members: dict[str, bytes]) -> Report:
    try:
        return loads_report(members[name].decode("utf-8"))
    except (UnicodeDecodeError, UserError) as exc:
        raise _bad(path, f"{name}: {exc}") from exc


def _organisation_entry(path: Path, name: str, members: dict[str, bytes]) -> dict[str, Any]:
    data = _load_json(path, name, members[name])
    try:
        return {
            "organisation": from_dict(data["organisation"], Organisation),
            "parent": _optional_name(data["parent"]),
            "reports": [str(report) for report in data["reports"]],
            "terms": [Term(str(t["label"]), date.fromisoformat(t["starts_on"]),
                           date.fromisoformat(t["ends_on"]) if t["ends_on"] else None) for t in data["terms"]],
            "issued_numbers": [
                (IssuedNumber(0, str(n["doc_type"]), int(n["number"]), date.fromisoformat(n["issued_on"])),
                 _optional_name(n["report"])) for n in data["issued_numbers"]],
        }
    except (KeyError, TypeError, ValueError, ExceptionGroup) as exc:
        raise _bad(path, _("{file} does not hold an organisation").format(file=name)) from exc


def _optional_name(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(value)
    return value
