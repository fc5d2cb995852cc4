"""Reports as versioned JSON interchange files: written atomically, read back only when valid (docs/interchange.md)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import APP_DISPLAY_NAME, __version__, paths
from app.domain.codec import error_paths, from_dict, to_dict
from app.domain.errors import DamagedFile, FormatMismatch, NewerFormat, NotAReportFile, UserError
from app.domain.report import Report
from app.fileio import write_with
from app.i18n import N_, _, ngettext
from app.render.docx_data import extract, is_zip
from app.safe_read import MiB, megabytes, read_bytes, shorten

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

FORMAT = "tongket-report"
VERSION = 3  # the newest format version this program reads and the one it writes
SCHEMA_FILE = f"report-v{VERSION}.schema.json"
MAX_PROBLEMS = 20  # schema problems listed in one message; the rest are counted
# The largest report file read: the demo report is 60 kB and a long year-end report with every table filled well
# under 1 MB; 8 MB leaves room for years of text while keeping a parsed file (and its schema check) in memory small.
MAX_FILE_BYTES = 8 * MiB
# A .docx carrying a report: the report's data, its printed text and the styles, zipped; pictures are not added.
MAX_DOCX_BYTES = 24 * MiB
# Texts that are copied into others when printed ("{term}" in a title): capped so the copies stay a title's size.
MAX_TERM_CHARS = 100
MAX_TITLE_CHARS = 1000
_SURROGATE = re.compile("[\ud800-\udfff]")

_TYPE_NAMES: dict[str, str] = {
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "string": N_("text"),
    "boolean": N_("true or false"),
    "object": N_("an object"),
    "array": N_("a list"),
    "null": N_("null"),
}

# Messages for values of a shape the schema defines once under $defs, by the name of the definition.
_SHAPE_MESSAGES: dict[str, str] = {
    "decimal": N_("{where}: {value} is not a decimal number; write a whole number such as 95 or text such as \"98.5\""),
    "decimal_or_null": N_(
        "{where}: {value} is not a decimal number; write a whole number such as 95, text such as \"98.5\", or null"),
    "date_or_null": N_("{where}: {value} is not a date such as \"2026-12-15\""),
    "timestamp_or_null": N_("{where}: {value} is not a date and time such as \"2026-12-15T09:30:00\""),
    "exported_at": N_("{where}: {value} is not a date and time with its offset such as \"2026-12-15T09:30:00+07:00\""),
    "text": N_("{where}: the text contains a control character that a Word document cannot hold"),
}
_DECIMALS = ("decimal", "decimal_or_null")


def schema_path() -> Path:
    """Location of the JSON Schema of the current format version."""
    return paths.resources_dir() / "schema" / SCHEMA_FILE


def schema_text() -> str:
    """The JSON Schema (draft 2020-12) of the current format version, as shipped."""
    return schema_path().read_text(encoding="utf-8")


def dumps_report(report: Report, *, exported_at: datetime | None = None, indent: int | None = 2,
                 roster: bool | None = None) -> str:
    """The interchange JSON of report: UTF-8 text unescaped, indented by 2, keys in the schema's order.

    exported_at: a timezone-aware time to record; None records the current local time. indent=None writes it on
    one line, several times faster (json's C encoder): for a copy kept in the database rather than a file to read.
    roster: whether the chi bộ's member list goes into the file; None as she chose (report.roster.export, off by
            default: names stay on this computer). A backup of her own database passes True.
    """
    moment = exported_at if exported_at is not None else datetime.now().astimezone()
    data = to_dict(report)
    if not (report.roster.export if roster is None else roster) or report.roster.is_empty:
        del data["roster"]
    envelope = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "exported_at": moment.isoformat(timespec="seconds"),
        "report": data,
    }
    return json.dumps(envelope, ensure_ascii=False, indent=indent) + "\n"


def export_report_file(report: Report, path: Path) -> None:
    """Write report to path as interchange JSON, replacing the file only once it is complete."""
    path = Path(path)
    data = dumps_report(report).encode("utf-8")
    try:
        write_with(path, lambda f: f.write(data))
    except OSError as exc:
        raise UserError(_("Cannot write {file}: {reason}.").format(file=path, reason=exc.strerror or exc)) from exc


def loads_report(text: str) -> Report:
    """The report in interchange JSON text, strings NFC-normalised, ids dropped; UserError says what is wrong."""
    try:
        data = _normalised(_parse(text.removeprefix("\ufeff")))
        _check_envelope(data)
        data = _upgraded(data)
        _check_schema(data)
        _check_lengths(data["report"])
        return _detached(_structure(data["report"]))
    except RecursionError as exc:
        raise UserError(_("The file is nested too deeply to be a report.")) from exc


def import_report_file(path: Path) -> Report:
    """The report in the interchange file at path, or carried by the .docx at path; UserError names the file and
    what is wrong with it.

    A .docx is recognised by its content (a zip package), not its name; it must carry the report's data part
    (app.render.docx_data), which every .docx this program exports does.
    """
    path = Path(path)
    data = read_bytes(path, MAX_DOCX_BYTES if path.suffix.lower() == ".docx" else MAX_FILE_BYTES)
    if is_zip(data):
        try:
            text = extract(data, _("The file {file}").format(file=path.name))
            return loads_report(text)
        except UserError as exc:
            raise UserError(_("Cannot open {file}.").format(file=path), detail=str(exc)) from exc
    if len(data) > MAX_FILE_BYTES:  # a .docx by name that is not one
        raise UserError(_("Cannot open {file}.").format(file=path), detail=_(
            "The file is not a Word document and is larger than {limit}, far more than a report file holds.").format(
            limit=megabytes(MAX_FILE_BYTES)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotAReportFile(_("{file} is not UTF-8 text: byte {position} cannot be read.").format(
            file=path, position=exc.start)) from exc
    try:
        return loads_report(text)
    except UserError as exc:
        raise UserError(_("Cannot open {file}.").format(file=path), detail=str(exc)) from exc


def _parse(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_object_without_duplicates)
    except json.JSONDecodeError as exc:
        raise DamagedFile(_("The file is not valid JSON: line {line}, column {column}.").format(
            line=exc.lineno, column=exc.colno), detail=exc.msg, line=exc.lineno) from exc
    except ValueError as exc:  # a number of more digits than Python converts (sys.get_int_max_str_digits)
        raise UserError(_("The file holds a number too long to be a figure of a report."), detail=str(exc)) from exc


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict; a key given twice is an error rather than the last one silently winning."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise UserError(_("The key “{key}” appears twice in the same object.").format(key=shorten(key)))
        result[key] = value
    return result


def _normalised(value: Any, path: tuple[str | int, ...] = ()) -> Any:
    """value with every string, keys included, in Unicode NFC (text typed on macOS arrives decomposed).

    A lone surrogate ("\\ud800" in the JSON) is no character at all and cannot be saved or printed: UserError.
    """
    if isinstance(value, str):
        _check_characters(value, path)
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_normalised(item, (*path, i)) for i, item in enumerate(value)]
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            _check_characters(key, path)
            out[unicodedata.normalize("NFC", key)] = _normalised(item, (*path, key))
        return out
    return value


def _check_characters(text: str, path: tuple[str | int, ...]) -> None:
    if _SURROGATE.search(text):
        raise UserError(_("{where}: the text holds an escape such as \"\\ud800\" that is half of a character; "
                          "remove it or write the whole character.").format(where=_where(path)))


def _check_envelope(data: Any) -> None:
    """Refuse what is not a report file at all, or a file of a newer format version than this program reads."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NotAReportFile(_("This is not a {app} report file: it lacks \"format\": \"{format}\".").format(
            app=APP_DISPLAY_NAME, format=FORMAT))
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        written_by = data.get("app_version")
        raise NewerFormat(_(
            "This file has format version {version} (written by {app} {written_by}); this copy of {app} "
            "({ours}) reads format version {supported} and older. Update {app} to open it."
        ).format(version=version, app=APP_DISPLAY_NAME, written_by=written_by if isinstance(written_by, str) else "?",
                 ours=__version__, supported=VERSION), version=version)


def _upgraded(data: dict[str, Any]) -> dict[str, Any]:
    """data in the current format version, upgraded one version step at a time (docs/interchange.md)."""
    version = data.get("version")
    # A version below the oldest one (0, -1) is left as it is, for the schema check to refuse.
    if isinstance(version, int) and not isinstance(version, bool) and version >= min(_UPGRADES):
        for step in range(version, VERSION):
            data = _UPGRADES[step](data)
            data["version"] = step + 1
    return data


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 says where each entry comes from (every entry of a version 1 file is text she typed) and whether
    empty sections print."""
    def visit(sections: Any) -> None:
        for section in sections if isinstance(sections, list) else ():
            if not isinstance(section, dict):
                continue
            for entry in section.get("entries", ()) if isinstance(section.get("entries"), list) else ():
                if isinstance(entry, dict):
                    entry.setdefault("source", "")
                    entry.setdefault("state", "auto")
                    entry.setdefault("basis", "")
            visit(section.get("children"))

    report = data.get("report")
    if isinstance(report, dict):
        visit(report.get("sections"))
        settings = report.get("settings")
        if isinstance(settings, dict):
            # Version 1 printed empty sections as bare headings: a fault, not a choice to keep.
            settings.setdefault("keep_empty_sections", False)
        if isinstance(report.get("organisation"), dict):
            report["organisation"].setdefault("is_sample", False)  # version 1 knew no sample organisations
            report["organisation"].setdefault("parent_id", None)  # nor the organisation tree
    return data


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 records the report's tone-mark style (an older file gets the app's own: "hòa", "ủy") and the period
    it covers (every report before it covered a calendar year)."""
    report = data.get("report")
    if isinstance(report, dict) and isinstance(report.get("settings"), dict):
        report["settings"].setdefault("tone_style", "new")
    if isinstance(report, dict):
        report.setdefault("period_kind", "calendar_year")
    return data


# The step that upgrades a file of version N to N + 1, by N.
_UPGRADES = {1: _v1_to_v2, 2: _v2_to_v3}


def _check_schema(data: Any) -> None:
    if _valid_fast(data):
        return
    errors = list(_validator().iter_errors(data))
    problems = list(dict.fromkeys(line for error in errors for line in _describe(error)))
    if not problems:
        return
    shown = problems[:MAX_PROBLEMS]
    hidden = len(problems) - len(shown)
    if hidden:
        shown.append(ngettext("… and {count} more problem.", "… and {count} more problems.", hidden).format(
            count=hidden))
    paths = list(dict.fromkeys(path for error in errors for path in _error_paths(error)))
    raise FormatMismatch(_("The file does not match the report format, version {version}:").format(version=VERSION),
                         detail="\n".join(shown), paths=paths)


def _error_paths(error: ValidationError) -> Iterator[tuple[str | int, ...]]:
    """The JSON path of each value a schema error is about; a missing key's is where it should be."""
    instance: Any = error.instance
    argument: Any = error.validator_value
    if error.validator in ("anyOf", "oneOf") and error.context:
        for sub_error in error.context:
            yield from _error_paths(sub_error)
    elif error.validator == "required" and isinstance(instance, dict):
        for key in argument:
            if key not in instance:
                yield (*error.absolute_path, key)
    else:
        yield tuple(error.absolute_path)


def _check_lengths(report: dict[str, Any]) -> None:
    """Refuse a term or a title longer than a real one: titles repeat the term, and a document must stay printable."""
    problems = []

    def check(value: Any, path: tuple[str | int, ...], maximum: int) -> None:
        if isinstance(value, str) and len(value) > maximum:
            problems.append(_("{where}: the text has {count} characters; at most {maximum} fit here").format(
                where=_where(path), count=len(value), maximum=maximum))

    def visit(sections: list[Any], path: tuple[str | int, ...]) -> None:
        for i, section in enumerate(sections):
            check(section["title"], (*path, i, "title"), MAX_TITLE_CHARS)
            visit(section["children"], (*path, i, "children"))

    check(report["term"], ("report", "term"), MAX_TERM_CHARS)
    check(report["title"], ("report", "title"), MAX_TITLE_CHARS)
    visit(report["sections"], ("report", "sections"))
    if problems:
        raise UserError(_("The file does not match the report format, version {version}:").format(version=VERSION),
                        detail="\n".join(problems[:MAX_PROBLEMS]))


def _structure(data: dict[str, Any]) -> Report:
    try:
        return from_dict(data, Report)
    # The schema admits nearly all cattrs reads; what remains (an impossible time such as 25:00) is the file's fault.
    except (ValueError, TypeError, ExceptionGroup) as exc:
        # cattrs' paths start at the report.
        lines = [shorten(line.replace("@ $", "@ report"), 300) for line in error_paths(exc)]
        raise UserError(_("The file holds values that cannot be read:"), detail="\n".join(lines)) from exc


def _detached(report: Report) -> Report:
    """report without the row ids of the database that exported it, so that saving it can only add new rows.

    An imported organisation is hers, even when the file was exported from the sample.
    """
    report.id = None
    report.organisation.id = None
    report.organisation.is_sample = False
    report.organisation.parent_id = None
    for section in report.walk_sections():
        section.id = None
        for entry in section.entries:
            entry.id = None
    return report


@cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_text())  # the schema file is a JSON object
    return schema


def _valid_fast(data: Any) -> bool:
    """True when the compiled validator finds data valid; False sends it to jsonschema, which says what is wrong.

    jsonschema_rs checks a report in well under a millisecond where jsonschema takes some 40 ms, which counts when
    a đảng ủy consolidates hundreds of chi bộ files. Only a file it finds valid skips jsonschema; a value it cannot
    take (a number beyond 64 bits) is left to jsonschema too.
    """
    try:
        return bool(_fast_validator().is_valid(data))
    except (ValueError, OverflowError, TypeError):
        return False


@cache
def _fast_validator() -> Any:
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(_schema(), validate_formats=True)  # as jsonschema's format checker


@cache
def _validator() -> Draft202012Validator:
    # jsonschema is imported on first use; opening the main window does not need it.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _describe(error: ValidationError) -> Iterator[str]:
    """Readable "where: what" lines for one schema error, in the current language."""
    # An error a validator raised carries the value, the keyword's argument and the (sub)schema; jsonschema's
    # stubs type them as possibly Unset, which only an error built by hand is. Read as the JSON they are.
    instance: Any = error.instance
    argument: Any = error.validator_value
    schema: Any = error.schema
    where = _where(error.absolute_path)
    value = _show(instance)
    kind = error.validator
    if kind in ("anyOf", "oneOf") and instance is not None:
        # A nullable object or enum: explain why the value fails the non-null alternative.
        branches = [i for i, sub in enumerate(argument) if sub != {"type": "null"}]
        inner = [e for e in error.context or [] if e.relative_schema_path[0] in branches]
        if inner:
            for sub_error in inner:
                yield from _describe(sub_error)
            return
    shape = _shape_name(schema)
    if kind == "enum" and "propertyNames" in error.schema_path:
        yield _("{where}: “{key}” is not allowed here; allowed: {allowed}").format(
            where=where, key=shorten(str(instance)), allowed=", ".join(argument))
    elif kind == "enum":
        yield _("{where}: {value} is not one of {allowed}").format(
            where=where, value=value, allowed=", ".join(_show(v) for v in argument))
    elif kind == "required":
        for key in argument:
            if key not in instance:
                yield _("{where}: the key “{key}” is missing").format(where=where, key=key)
    elif kind == "additionalProperties":
        known = schema.get("properties", {})
        for key in instance:
            if key not in known:
                yield _("{where}: unknown key “{key}”").format(where=where, key=shorten(key))
    elif kind == "minimum":
        yield _("{where}: {value} is less than the minimum {minimum}").format(
            where=where, value=value, minimum=argument)
    elif kind == "maximum":
        yield _("{where}: {value} is more than the maximum {maximum}").format(
            where=where, value=value, maximum=argument)
    elif kind == "minLength":
        yield _("{where}: must not be empty").format(where=where)
    elif kind == "maxLength":
        yield _("{where}: the text has {count} characters; at most {maximum} fit here").format(
            where=where, count=len(instance), maximum=argument)
    elif kind == "const":
        yield _("{where}: {value} should be {expected}").format(
            where=where, value=value, expected=_show(argument))
    elif shape in _SHAPE_MESSAGES and (kind in ("pattern", "format") or (kind == "type" and shape in _DECIMALS)):
        yield _(_SHAPE_MESSAGES[shape]).format(where=where, value=value)
    elif kind == "type":
        expected = argument if isinstance(argument, list) else [argument]
        # Translators: joins alternatives, as in "a whole number or null".
        alternatives = _(" or ").join(_(_TYPE_NAMES[t]) for t in expected)
        yield _("{where}: {value} is not {expected}").format(where=where, value=value, expected=alternatives)
    else:
        # Keywords the schema does not use today; jsonschema's English wording still names the place.
        yield f"{where}: {shorten(error.message, 200)}"


def _shape_name(subschema: Any) -> str | None:
    """The $defs name of subschema when it is one of the schema's definitions."""
    return next((name for name, d in _schema()["$defs"].items() if d is subschema), None)


def _where(path: Iterable[str | int]) -> str:
    """ "report.sections[0].entries[2].text" for a JSON path; "the file" for the top level."""
    out = ""
    for part in path:
        part = part if isinstance(part, int) else shorten(part)
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or _("the file")


def _show(value: Any) -> str:
    """A short JSON rendering of a value for a message."""
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"
