"""Consolidate a đảng bộ's report from its chi bộ's report files: read them safely, check each, roll them up."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path

from app.domain.bounds import bounds_findings
from app.domain.checks import run_checks
from app.domain.consolidation import Consolidation, SubUnitReport, consolidate
from app.domain.errors import UserError
from app.domain.findings import Finding, Severity
from app.domain.ratings import Level
from app.domain.report import Report
from app.i18n import _
from app.services.drafting import check_report
from app.services.report_files import read_report_file

SUFFIXES = (".json", ".docx")
MAX_FILES = 2000  # sub-unit files read from one folder; a đảng bộ cấp trên has a few hundred chi bộ at most


def sub_unit_files(paths: Iterable[Path]) -> list[Path]:
    """The report files among paths: files as given, folders' .json and .docx files (not their sub-folders), sorted."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()
                           and not p.name.startswith(("~$", ".")))
            files += found
        else:
            files.append(path)
        if len(files) > MAX_FILES:
            raise UserError(_("More than {count} report files were given; consolidate at most {count} at a time.")
                            .format(count=MAX_FILES))
    return files


def figure_findings(report: Report) -> list[Finding]:
    """The cheap checks of a sub-unit's report: bounds and figures, without wording the text."""
    return bounds_findings(report) or run_checks(report)


def consolidate_files(parent: Report, files: Iterable[Path], *,
                      previous: Mapping[str, Report] | None = None,
                      unit_ratings: Mapping[str, Level | None] | None = None, exemplary: Collection[str] = (),
                      overrides: Mapping[str, int] | None = None,
                      check: Callable[[Report], list[Finding]] = check_report) -> Consolidation:
    """The parent's report rolled up from the sub-units' report files (.json or .docx carrying its data).

    A file that cannot be read is not rolled up and becomes an ERROR naming it; each report is checked on its own
    with check (default: every check, as `tongket check` does; figure_findings for the figures only) and its
    errors are named with its sub-unit. previous: the sub-units' reports of the previous period by name.
    """
    units: list[SubUnitReport] = []
    unreadable: list[Finding] = []
    previous_by_key = {_key(name): report for name, report in (previous or {}).items()}
    for path in files:
        try:
            report = read_report_file(Path(path))
        except UserError as exc:
            unreadable.append(Finding("consolidation.unreadable", Severity.ERROR, (), _(
                "{file} was left out: {reason}").format(file=Path(path).name, reason=str(exc))))
            continue
        units.append(SubUnitReport(report, Path(path).name, previous_by_key.get(_key(report.organisation.name)),
                                   check(report)))
    result = consolidate(parent, units, unit_ratings=unit_ratings, exemplary=exemplary, overrides=overrides)
    result.findings[:0] = unreadable
    result.findings.sort(key=lambda f: -int(f.severity))
    return result


def _key(name: str) -> str:
    from app.domain.consolidation import unit_key

    return unit_key(name)


def read_ratings(path: Path) -> dict[str, Level | None]:
    """The đảng ủy's rating of each sub-unit from a JSON file {"Chi bộ …": "excellent" | … | null}."""
    import json

    from app.safe_read import MiB, read_bytes

    try:
        data = json.loads(read_bytes(Path(path), 1 * MiB).decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(_("{file} is not a JSON file of ratings: {reason}.").format(file=path, reason=exc)) from exc
    levels = [level.value for level in Level]
    if not isinstance(data, dict) or not all(isinstance(k, str) and (v is None or v in levels)
                                             for k, v in data.items()):
        raise UserError(_("{file} must map each chi bộ's name to one of {levels} or null.").format(
            file=path, levels=", ".join(levels)))
    return {name: None if value is None else Level(value) for name, value in data.items()}
