"""The command line: render, check, import, export and list reports without opening the window."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from app import __version__, i18n
from app.cli import argparse_i18n
from app.domain.errors import UserError
from app.domain.findings import Finding, Severity, has_errors
from app.domain.report import REPORT_KIND_LABELS, Report, ReportKind, ReportStatus
from app.i18n import N_, _, ngettext

# Exit statuses: the command did its work; `check` found errors; the user must fix something (or a usage error).
OK, FOUND_ERRORS, USER_ERROR, DAMAGED_DATABASE = 0, 1, 2, 3

_SEVERITY_LABELS: dict[Severity, str] = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.INFO: N_("note"),
}

_STATUS_LABELS: dict[ReportStatus, str] = {
    ReportStatus.DRAFT: N_("draft"),
    ReportStatus.FINAL: N_("final"),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status: 0 done, 1 check found errors, 2 something to fix, 3 database damaged."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    # The language is set before the parser is built, so that its help texts are translated.
    i18n.set_language(_requested_language(args_list))
    argparse_i18n.install()
    try:
        args = build_parser().parse_args(args_list)
    except SystemExit as exc:  # --help, --version and usage errors end here with argparse's status
        return OK if exc.code is None else exc.code if isinstance(exc.code, int) else USER_ERROR
    try:
        status: int = args.run(args)  # each subcommand's run function returns its exit status
        return status
    except UserError as exc:
        print(exc, file=sys.stderr)
        if _is_damaged_database(exc):
            return DAMAGED_DATABASE
    except OSError as exc:  # the file operations of services raise UserError; this is what slips past them
        reason = exc.strerror or str(exc)
        print(_("Cannot use {file}: {reason}.").format(file=exc.filename, reason=reason) if exc.filename else reason,
              file=sys.stderr)
    return USER_ERROR


def _is_damaged_database(exc: UserError) -> bool:
    # The database layer is loaded only by the commands that use the database.
    sessions = sys.modules.get("app.services.sessions")
    return sessions is not None and isinstance(exc, sessions.DamagedDatabaseError)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command, its help in the current language."""
    parser = argparse.ArgumentParser(
        prog="tongket",
        description=_("Drafts the year-end report of a Party committee. Without a command, the window opens."),
    )
    parser.add_argument("--version", action="version", version=f"tongket {__version__}")
    _add_global_options(parser)
    parser.set_defaults(lang=i18n.DEFAULT_LANGUAGE, database=None)
    # The global options are accepted after the command too; unless given there, they keep the value from before it.
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    _add_global_options(common)
    commands = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)

    def command(name: str, help_text: str, run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(run=run)
        return sub

    render = command("render", _("write a report as a .docx document"), _render)
    _add_input(render)
    _add_preset(render, _("the document format to print in (default: the organisation's)"))
    _add_output(render, _("the .docx file to write; a name ending in .pdf writes the PDF and its .docx"))
    render.add_argument("--pdf", action="store_true", help=_(
        "also write a PDF next to the .docx, made by LibreOffice from it (LibreOffice must be installed)"))

    demo = command("demo", _("write the built-in demo report as a JSON file"), _demo)
    _add_demo_kind(demo)
    _add_preset(demo, _("the document format of the demo (default: party)"))
    _add_output(demo, _("the JSON file to write"))

    check = command("check", _("check the figures and the conventions of a report and list the problems"), _check)
    _add_input(check)
    _add_preset(check, _("the document format whose conventions apply (default: the organisation's)"))

    import_ = command("import", _("save a report JSON file into the database as a new report"), _import)
    import_.add_argument("file", type=Path, metavar=_("FILE"), help=_("the report JSON file to import"))

    word = command("import-docx", _("read last year's report typed in Word (.docx) and save it as a new report"),
                   _import_docx)
    word.add_argument("file", type=Path, metavar=_("FILE"), help=_("the .docx file of the report"))
    word.add_argument("--apply-figures", action="store_true", help=_(
        "fill the statistics with the figures its sentences state (they are only listed otherwise)"))
    word.add_argument("-o", "--output", type=Path, metavar=_("FILE"), help=_(
        "write the report as a JSON file instead of saving it into the database"))

    export = command("export", _("write a report of the database as a JSON file"), _export)
    export.add_argument("report_id", type=int, metavar=_("REPORT_ID"), help=_("the id shown by the list command"))
    _add_output(export, _("the JSON file to write"))

    consolidate = command("consolidate", _(
        "roll up a đảng bộ's report from its chi bộ's report files, check them against each other and write it"),
        _consolidate)
    consolidate.add_argument("parent", type=Path, metavar=_("PARENT"), help=_(
        "the đảng bộ's report (a JSON file, or a .docx exported by this program) whose figures are rolled up"))
    consolidate.add_argument("subunits", type=Path, nargs="+", metavar=_("SUBUNIT"), help=_(
        "the chi bộ's report files (.json, or .docx exported by this program), or folders holding them"))
    consolidate.add_argument("--ratings", type=Path, metavar=_("FILE"), help=_(
        "a JSON file giving the đảng ủy's rating of each chi bộ by name, e.g. {\"Chi bộ Khoa Cơ khí\": "
        "\"excellent\"} (excellent, good, complete, not_complete or null); its names are the chi bộ expected"))
    consolidate.add_argument("--exemplary", action="append", default=[], metavar=_("NAME"), help=_(
        "a chi bộ rated “tiêu biểu” (repeat for each)"))
    consolidate.add_argument("--previous", type=Path, nargs="+", default=[], metavar=_("FILE"), help=_(
        "the chi bộ's reports of the previous period (files or folders), to check each opening membership"))
    consolidate.add_argument("--keep", action="append", default=[], metavar=_("FIELD"), help=_(
        "keep the parent's own figure for this field (e.g. stats.membership.female) instead of the sum; "
        "a warning says when they differ (repeat for each)"))
    consolidate.add_argument("--trace", action="store_true", help=_(
        "print every rolled-up figure with the chi bộ's values it came from"))
    consolidate.add_argument("--xlsx", type=Path, metavar=_("FILE"), help=_(
        "also write the consolidated table as an Excel file: a row per chi bộ and the total"))
    _add_output(consolidate, _("the JSON file to write the consolidated report to"))

    export_xlsx = command("export-xlsx", _(
        "write the statistics sheet of a report as an Excel file, to fill in and import back"), _export_xlsx)
    _add_input(export_xlsx)
    export_xlsx.add_argument("--report-id", type=int, metavar=_("REPORT_ID"), help=_(
        "take the report from the database instead of a file"))
    export_xlsx.add_argument("--blank", action="store_true", help=_("leave the figures empty, to be filled in"))
    _add_output(export_xlsx, _("the .xlsx file to write"))

    import_xlsx = command("import-xlsx", _(
        "put the figures of a filled statistics sheet (.xlsx) into a report, checked as in the window"), _import_xlsx)
    import_xlsx.add_argument("file", type=Path, metavar=_("FILE"), help=_("the statistics sheet exported by "
                                                                        "export-xlsx and filled in"))
    import_xlsx.add_argument("--report-id", type=int, metavar=_("REPORT_ID"), help=_(
        "the report of the database that takes the figures"))
    import_xlsx.add_argument("--into", type=Path, metavar=_("FILE"), help=_(
        "a report JSON file that takes the figures (written to --output)"))
    import_xlsx.add_argument("-o", "--output", type=Path, metavar=_("FILE"), help=_(
        "with --into: the JSON file to write the report with the sheet's figures to"))

    backup = command("backup", _(
        "write every organisation and report of the database to one archive (report files and a manifest)"), _backup)
    _add_output(backup, _("the archive (.zip) to write"))

    restore = command("restore", _("read a backup archive into an empty database"), _restore)
    restore.add_argument("file", type=Path, metavar=_("FILE"), help=_("the archive written by the backup command"))

    command("list", _("list the reports in the database"), _list)
    command("schema", _("print the JSON Schema of report files"), _schema)
    return parser


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language of messages (default: vi)"))
    parser.add_argument("--database", metavar="URL", help=_(
        "database as a SQLAlchemy URL (postgresql://user:password@server/name for an office's shared server) or a "
        "file path (default: TONGKET_DATABASE_URL when set, else the database of the app)"))


def _add_input(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", nargs="?", type=Path, metavar=_("INPUT"), help=_("a report JSON file"))
    parser.add_argument("--demo", action="store_true", help=_("use the built-in demo report instead of a file"))
    _add_demo_kind(parser)


def _add_demo_kind(parser: argparse.ArgumentParser) -> None:
    from app.domain.demo import DemoKind

    parser.add_argument("--demo-kind", choices=[k.value for k in DemoKind], help=_(
        "which demo report: the đảng bộ's year-end report (dang-bo, the default), a chi bộ's (chi-bo), "
        "the six-month (six-month), the mid-term one (mid-term), a school chi bộ's school-year report (school) or "
        "the same chi bộ with its member list (roster); implies --demo"))


def _add_preset(parser: argparse.ArgumentParser, help_text: str) -> None:
    from app.domain.presets import Preset

    parser.add_argument("--preset", choices=[p.value for p in Preset], help=help_text)


def _add_output(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, metavar=_("FILE"), help=help_text)


def _requested_language(argv: list[str]) -> str:
    """The --lang given anywhere in argv when it is a supported language, else the default."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang")
    known, _rest = pre.parse_known_args(argv)
    return known.lang if known.lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def _input_report(args: argparse.Namespace) -> Report:
    """The report named by INPUT or --demo (--demo-kind), exactly one of them; a demo in the --preset given."""
    demo = args.demo or args.demo_kind is not None
    if demo and args.input is not None:
        raise UserError(_("Give either an input file or --demo, not both."))
    if demo:
        from app.domain.demo import DemoKind, demo_report

        return demo_report(args.demo_kind or DemoKind.DANG_BO, getattr(args, "preset", None) or "party")
    if args.input is None:
        raise UserError(_("Give an input file, or --demo for the built-in demo report."))
    from app.services.interchange import import_report_file

    return import_report_file(args.input)


@contextlib.contextmanager
def _database(args: argparse.Namespace) -> Iterator[Any]:
    """The database of --database, open for the block and closed after it."""
    # SQLAlchemy is imported only by the commands that use the database.
    from app.services.sessions import open_sessions

    sessions = open_sessions(database_url(args.database))
    for notice in sessions.notices:  # what the user must know about the opening (a damaged file set aside)
        print(notice, file=sys.stderr)
    try:
        yield sessions
    finally:
        sessions.close()


def database_url(value: str | None) -> str | None:
    """The SQLAlchemy URL of --database: a URL as given, a file path as a SQLite URL; None for the user's database."""
    if value is None or "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve().as_posix()}"


def _wrote(path: Path) -> None:
    print(_("Wrote {file}").format(file=path))


def _render(args: argparse.Namespace) -> int:
    report = _input_report(args)
    # python-docx and Jinja2 load only for this command.
    from app.services.export import export_docx

    if not (args.pdf or args.output.suffix.lower() == ".pdf"):
        export_docx(report, args.output, preset=args.preset)
        _wrote(args.output)
        return OK
    from app.services.export import export_pdf

    pdf = args.output.with_suffix(".pdf")
    # The .docx is written first and stays even when no PDF can be made.
    docx_path = export_pdf(report, pdf, preset=args.preset, docx_path=args.output.with_suffix(".docx"))
    _wrote(docx_path)
    _wrote(pdf)
    return OK


def _demo(args: argparse.Namespace) -> int:
    from app.domain.demo import DemoKind, demo_report
    from app.services.interchange import export_report_file

    export_report_file(demo_report(args.demo_kind or DemoKind.DANG_BO, args.preset or "party"), args.output)
    _wrote(args.output)
    return OK


def _check(args: argparse.Namespace) -> int:
    from app.services.drafting import check_report

    findings = check_report(_input_report(args), preset=args.preset, render=True)
    if not findings:
        print(_("No problems found."))
        return OK
    for finding in findings:
        print(f"{_(_SEVERITY_LABELS[finding.severity])}: {finding.message}")
        print("    " + _("fields: {fields}").format(fields=", ".join(finding.fields)))
    print(_summary(findings))
    return FOUND_ERRORS if has_errors(findings) else OK


def _summary(findings: list[Finding]) -> str:
    """ "2 errors, 1 warning": how many findings of each severity, worst first."""
    errors, warnings, notes = (sum(1 for f in findings if f.severity is s) for s in reversed(Severity))
    parts = [
        ngettext("{count} error", "{count} errors", errors).format(count=errors) if errors else "",
        ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings) if warnings else "",
        ngettext("{count} note", "{count} notes", notes).format(count=notes) if notes else "",
    ]
    return ", ".join(p for p in parts if p)


def _import(args: argparse.Namespace) -> int:
    from app.services.interchange import import_report_file
    from app.services.reports import save_new_report

    report = import_report_file(args.file)
    with _database(args) as sessions:
        report_id = save_new_report(sessions, report)
    print(_("Imported {file} as report {id}.").format(file=args.file, id=report_id))
    return OK


def _consolidate(args: argparse.Namespace) -> int:
    from app.domain.consolidation import STATS
    from app.services.consolidation import consolidate_files, read_ratings, sub_unit_files
    from app.services.interchange import export_report_file, import_report_file

    parent = import_report_file(args.parent)
    unit_ratings = read_ratings(args.ratings) if args.ratings else None
    previous = {r.organisation.name: r for r in map(import_report_file, sub_unit_files(args.previous))}
    overrides = {}
    for path in args.keep:
        value = _figure(parent, path)
        if value is None or not path.startswith(STATS + "."):
            raise UserError(_("{field} is not a figure of the report; name one as stats.membership.female.").format(
                field=path))
        overrides[path] = value
    result = consolidate_files(parent, sub_unit_files(args.subunits), previous=previous, unit_ratings=unit_ratings,
                               exemplary=args.exemplary, overrides=overrides)
    print(ngettext("Rolled up {count} chi bộ report.", "Rolled up {count} chi bộ reports.",
                   len(result.included)).format(count=len(result.included)))
    if args.trace:
        for path, parts in sorted(result.trace.items()):
            kept = _(" (kept: {value})").format(value=_figure(result.report, path)) if path in result.overridden else ""
            print(f"{path} = {_figure(result.report, path) if not kept else result.overridden[path]}{kept}")
            for name, value in parts:
                print(f"    {name}: {value}")
    for finding in result.findings:
        print(f"{_(_SEVERITY_LABELS[finding.severity])}: {finding.message}")
    if result.findings:
        print(_summary(result.findings))
    export_report_file(result.report, args.output)
    _wrote(args.output)
    if args.xlsx is not None:
        from app.services.excel import export_consolidated_table

        export_consolidated_table(result, args.xlsx)
        _wrote(args.xlsx)
    return FOUND_ERRORS if has_errors(result.findings) else OK


def _export_xlsx(args: argparse.Namespace) -> int:
    from app.services.excel import export_stats_sheet

    if args.report_id is not None:
        if args.input is not None or args.demo or args.demo_kind is not None:
            raise UserError(_("Give either an input file, --demo or --report-id, not two of them."))
        from app.services.reports import get_report

        with _database(args) as sessions:
            report = get_report(sessions, args.report_id)
    else:
        report = _input_report(args)
    export_stats_sheet(report, args.output, blank=args.blank)
    _wrote(args.output)
    return OK


def _import_xlsx(args: argparse.Namespace) -> int:
    from app.services.excel import read_stats_sheet

    if (args.report_id is None) == (args.into is None):
        raise UserError(_("Give the report that takes the figures: --report-id ID, or --into FILE with --output."))
    if args.into is not None:
        if args.output is None:
            raise UserError(_("With --into, give the file to write with --output."))
        from app.services.interchange import export_report_file, import_report_file

        reading = read_stats_sheet(args.file, import_report_file(args.into))
        _print_reading(reading)
        export_report_file(reading.report, args.output)
        _wrote(args.output)
        return FOUND_ERRORS if has_errors(reading.findings) else OK
    from app.services.excel import store_reading
    from app.services.reports import get_report

    with _database(args) as sessions:
        before = get_report(sessions, args.report_id)
        reading = read_stats_sheet(args.file, before)
        _print_reading(reading)
        store_reading(sessions, args.report_id, before, reading)
    print(_("Saved the figures into report {id}.").format(id=args.report_id))
    return FOUND_ERRORS if has_errors(reading.findings) else OK


def _print_reading(reading: Any) -> None:
    """What a statistics sheet changes, what to know about it, and the checks of its figures."""
    for note in reading.notes:
        print(_("note") + ": " + note)
    print(ngettext("{count} figure changes:", "{count} figures change:", len(reading.changes)).format(
        count=len(reading.changes)))
    for change in reading.changes:
        print("  " + _("{field}: {before} → {after}").format(
            field=change.field.label, before=change.before, after=change.after))
    for finding in reading.findings:
        print(f"{_(_SEVERITY_LABELS[finding.severity])}: {finding.message}")
    if reading.findings:
        print(_summary(reading.findings))


def _figure(report: Report, path: str) -> int | None:
    """The whole-number figure of report at a dotted path ("stats.membership.female"); None when there is none."""
    from app.domain.codec import to_dict

    node: Any = to_dict(report)
    for key in path.split("."):
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, int) and not isinstance(node, bool) else None


def _import_docx(args: argparse.Namespace) -> int:
    from app.services.word_import import accept_figures, read_word_file

    reading = read_word_file(args.file)
    for line in _reading_lines(reading):
        print(line)
    report = reading.report
    if args.apply_figures and reading.proposals:
        left = accept_figures(reading)
        print(_("Figures filled in: {count}.").format(count=len({p.field for p in reading.proposals}) - len(left)))
        for path in left:
            print("  " + _("{field}: stated with different values, left empty").format(field=_field_label(path)))
    if args.output is not None:
        from app.services.interchange import export_report_file

        export_report_file(report, args.output)
        _wrote(args.output)
        return OK
    from app.services.reports import save_new_report

    with _database(args) as sessions:
        report_id = save_new_report(sessions, report)
    print(_("Imported {file} as report {id}.").format(file=args.file, id=report_id))
    return OK


def _field_label(path: str) -> str:
    from app.domain.fields import label

    return label(path)


def _reading_lines(reading: Any) -> Iterator[str]:
    """What import-docx recognised, line by line: header, kind, headings, text, signature, figures, the rest."""
    header = reading.header
    missing = _("(not found)")
    yield _("Header")
    yield "  " + _("Upper-level body: {value}").format(value=header.upper_body or missing)
    yield "  " + _("Issuer: {value}").format(value=header.issuer or missing)
    yield "  " + _("Number: {value}").format(value=header.number_text or missing)
    yield "  " + _("Place and date: {value}").format(value=header.date_text or missing)
    if header.state_format:
        yield "  " + _("State format (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)")
    yield _("Title: {value}").format(value=reading.title or missing)
    yield _("Kind: {kind}, year {year}").format(kind=_(REPORT_KIND_LABELS[reading.kind]), year=reading.year)
    yield _("Headings ({count}):").format(count=len(reading.headings))
    for heading in reading.headings:
        where = heading.key if heading.matched else _("a section of her own")
        count = ngettext("{count} paragraph", "{count} paragraphs", heading.paragraphs).format(
            count=heading.paragraphs)
        yield "  " + "  " * heading.depth + _("{heading} → {section} ({paragraphs})").format(
            heading=heading.text, section=where, paragraphs=count)
    yield ngettext("{count} paragraph recovered", "{count} paragraphs recovered", reading.paragraphs).format(
        count=reading.paragraphs)
    if reading.signature is not None:
        sig = reading.signature
        yield _("Signature: {authority} / {position} / {name}").format(
            authority=sig.authority or missing, position=sig.position or missing, name=sig.name or missing)
    yield ngettext("Recipients: {count} line", "Recipients: {count} lines", len(reading.recipients)).format(
        count=len(reading.recipients))
    yield _("Figures proposed ({count}):").format(count=len(reading.proposals))
    for proposal in reading.proposals:
        yield "  " + _("{field} = {value}  “{phrase}”").format(
            field=_field_label(proposal.field), value=proposal.value, phrase=proposal.phrase)
    if reading.not_understood:
        yield _("Not understood, kept as text:")
        for text in reading.not_understood:
            yield "  " + text


def _export(args: argparse.Namespace) -> int:
    from app.services.interchange import export_report_file
    from app.services.reports import get_report

    with _database(args) as sessions:
        report = get_report(sessions, args.report_id)
    export_report_file(report, args.output)
    _wrote(args.output)
    return OK


def _backup(args: argparse.Namespace) -> int:
    from app.services.backup import write_archive

    with _database(args) as sessions:
        summary = write_archive(sessions, args.output)
    print(_("Backed up {organisations} organisations and {reports} reports.").format(
        organisations=summary.organisations, reports=summary.reports))
    _wrote(args.output)
    return OK


def _restore(args: argparse.Namespace) -> int:
    from app.services.backup import restore_archive

    with _database(args) as sessions:
        summary = restore_archive(sessions, args.file)
        location = sessions.location
    print(_("Restored {organisations} organisations and {reports} reports into {database}.").format(
        organisations=summary.organisations, reports=summary.reports, database=location))
    return OK


def _list(args: argparse.Namespace) -> int:
    from app.services.reports import list_reports

    with _database(args) as sessions:
        summaries = list_reports(sessions)
    if not summaries:
        print(_("There are no reports in the database."))
        return OK
    header = [_("ID"), _("Organisation"), _("Year"), _("Kind"), _("Status"), _("Updated")]
    rows = [
        [
            str(s.id),
            s.organisation_name,
            str(s.year),
            _(REPORT_KIND_LABELS[ReportKind(s.kind)]),
            _(_STATUS_LABELS[ReportStatus(s.status)]),
            s.updated_at.strftime("%Y-%m-%d %H:%M") if s.updated_at else "",
        ]
        for s in summaries
    ]
    for line in _table(header, rows, right_aligned={0, 2}):
        print(line)
    return OK


def _table(header: list[str], rows: list[list[str]], right_aligned: set[int]) -> list[str]:
    """Lines of a plain-text table whose columns line up, two spaces apart."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [c.rjust(w) if i in right_aligned else c.ljust(w)
                  for i, (c, w) in enumerate(zip(cells, widths, strict=False))]
        return "  ".join(padded).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(row) for row in rows)]


def _schema(args: argparse.Namespace) -> int:
    from app.services.interchange import schema_text

    print(schema_text(), end="")
    return OK
