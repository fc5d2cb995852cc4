"""Reading a report from a file the user names: an interchange .json or a .docx that carries its data.

refusal_reason() says why a file was refused in words the one who received it can act on: the file's own name only
(never the folder it was dropped from, often a temporary one), no reader's English, and what to do.
"""

from __future__ import annotations

from pathlib import Path

from app import APP_DISPLAY_NAME
from app.domain import fields as F
from app.domain.errors import (
    DamagedFile,
    FormatMismatch,
    MissingDataPart,
    NewerFormat,
    NotAReportFile,
    UnsafeFile,
    UserError,
)
from app.domain.report import Report
from app.i18n import _
from app.services.interchange import VERSION, import_report_file

# Fields of a file that does not fit the format named in a refusal; the rest are counted.
SHOWN_FIELDS = 3


def read_report_file(path: Path) -> Report:
    """The report in the .json or .docx at path; UserError names the file and what is wrong with it."""
    return import_report_file(Path(path))


def refusal_reason(exc: UserError, path: Path) -> str:
    """Why the file at path could not be read (exc, from read_report_file), for a list of refused files that names
    the file itself: no path, the reason in the current language, and what to do about it."""
    chain: list[BaseException] = []
    error: BaseException | None = exc
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or error.__context__
    kinds = [e for e in chain if isinstance(e, UnsafeFile | DamagedFile | NotAReportFile | MissingDataPart
                                            | NewerFormat | FormatMismatch)]
    kind = kinds[-1] if kinds else None
    app = APP_DISPLAY_NAME
    if isinstance(kind, UnsafeFile):
        return _("refused as unsafe: {reason}; nothing was read from it. Ask the sub-unit to export the file again "
                 "with {app}.").format(reason=kind.reason, app=app)
    if isinstance(kind, DamagedFile) and kind.line is not None:
        return _("the file is damaged or is not a {app} data file (line {line}); ask the sub-unit to send it "
                 "again.").format(app=app, line=kind.line)
    if isinstance(kind, DamagedFile):
        return _("the file is damaged or is not a Word document (.docx); ask the sub-unit to send it again.")
    if isinstance(kind, MissingDataPart):
        return _("the .docx does not carry the report's data part, so its figures cannot be read (it was not "
                 "exported by {app}, or by an older version). Ask the sub-unit to export the .docx again with {app}, "
                 "or to send its .json file.").format(app=app)
    if isinstance(kind, NotAReportFile):
        return _("this is not a {app} report file (a .json or .docx exported by {app}); check that the sub-unit sent "
                 "the right file.").format(app=app)
    if isinstance(kind, NewerFormat):
        return _("the file was written by a newer {app} (format version {version}; this copy reads version "
                 "{supported} and older). Update {app} to receive it.").format(
            app=app, version=kind.version, supported=VERSION)
    if isinstance(kind, FormatMismatch):
        names = list(dict.fromkeys(_field_name(p) for p in kind.paths))
        shown = "; ".join(names[:SHOWN_FIELDS]) + ("; …" if len(names) > SHOWN_FIELDS else "")
        return _("its data do not fit the report format: {fields} is wrong or missing. Ask the sub-unit to export "
                 "the file again with {app}.").format(fields=shown, app=app)
    innermost = next((e for e in reversed(chain) if isinstance(e, UserError)), exc)
    return innermost.message.replace(str(path), path.name)


def _field_name(path: tuple[str | int, ...]) -> str:
    """A field of a report file named as the window names it: "số đảng viên nữ", "phần 3", "năm"."""
    parts = list(path[1:] if path[:1] == ("report",) else path)
    if not parts:
        return _("the whole file")
    if parts[0] == "sections":
        number = next((p for p in parts if isinstance(p, int)), None)
        return _("section {number}").format(number=number + 1) if number is not None else _("the sections")
    if parts == ["year"]:
        return _("the year")
    if parts == ["kind"]:
        return _("the kind of report")
    while parts:
        try:
            name = F.label(F.parse(".".join(str(p) for p in parts)))
        except F.UnknownField:
            parts.pop()
            continue
        return name
    return "“" + ".".join(str(p) for p in path[1:]) + "”"
