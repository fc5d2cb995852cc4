"""Every field a finding or a form can name, defined once as a typed FieldRef with its label.

A finding names its fields by their dotted path ("stats.membership.closing_total"): that string is the wire
format, in Finding.fields, in the files and the tests. Inside the app a field is a FieldRef, built by the
constructors below or read from its path by parse(), the one parser: a path that names no field of a report
raises UnknownField, at import for the fixed references and in a test for the others, never silently in the GUI.

The statistics are derived from the Statistics dataclass (app.domain.report and its neighbours), so that a new
statistic gets its field without a new line here; its label is the one line of STAT_LABELS.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.domain.organisation import Organisation, Signature
from app.domain.report import Report, Section, Settings, Statistics
from app.domain.targets import Target
from app.i18n import N_, _


class UnknownField(ValueError):
    """A dotted path that names no field of a report: a bug in the code that wrote it."""


class FieldKind(enum.Enum):
    """Where a field lives, which decides the page of the window that shows it."""

    STAT = "stats"
    REPORT = "report"
    ORGANISATION = "organisation"
    TARGET = "targets"
    SECTION = "sections"


Part = str | int


@dataclass(frozen=True, slots=True)
class FieldRef:
    """One field of a report: its kind and the parts of its path ("stats", "membership", "closing_total").

    Indexes into lists (targets, sections, entries, commendations, recipient lines) are ints.
    """

    kind: FieldKind
    parts: tuple[Part, ...]

    @property
    def path(self) -> str:
        """The dotted path, the form a Finding carries: "sections.0.children.2.entries.1.text"."""
        return ".".join(map(str, self.parts))

    def __str__(self) -> str:
        return self.path

    @property
    def label(self) -> str:
        """The translated name of the field for messages and forms; the path itself when it has none."""
        return label(self)

    @property
    def stat_name(self) -> str:
        """The path under the statistics ("membership.closing_total"); "" for a field that is no statistic."""
        return ".".join(map(str, self.parts[1:])) if self.kind is FieldKind.STAT else ""

    @property
    def index(self) -> int | None:
        """The target's position in its list (0-based) for a TARGET field; None for the others."""
        return self.parts[1] if self.kind is FieldKind.TARGET else None  # type: ignore[return-value]

    @property
    def is_next_target(self) -> bool:
        return self.kind is FieldKind.TARGET and self.parts[0] == "next_targets"

    @property
    def attr(self) -> str:
        """The attribute of a target ("value", "result"), or the last name of the path; "" after an index."""
        last = self.parts[-1]
        return last if isinstance(last, str) else ""

    @property
    def section_indexes(self) -> tuple[int, ...]:
        """For a SECTION field, the index at each level of the outline ((0, 2) for sections.0.children.2…)."""
        if self.kind is not FieldKind.SECTION:
            return ()
        out, parts = [], self.parts
        for i in range(0, len(parts) - 1, 2):
            if parts[i] not in ("sections", "children"):
                break
            out.append(int(parts[i + 1]))
        return tuple(out)

    def get(self, obj: Any) -> Any:
        """The value at this field in obj (a Report, or Statistics for a statistic's stat_name walk).

        Raises LookupError or AttributeError when obj holds no such value (an index past the end).
        """
        for part in self.parts:
            obj = obj[part] if isinstance(part, int) else getattr(obj, part)
        return obj

    def set(self, obj: Any, value: Any) -> None:
        """Put value at this field in obj (a Report)."""
        *parents, last = self.parts
        for part in parents:
            obj = obj[part] if isinstance(part, int) else getattr(obj, part)
        if isinstance(last, int):
            obj[last] = value
        else:
            setattr(obj, last, value)

    def section_in(self, report: Report) -> Section | None:
        """The section a SECTION field points into; None when the report has no such section."""
        sections, section = report.sections, None
        for index in self.section_indexes:
            if index >= len(sections):
                return None
            section = sections[index]
            sections = section.children
        return section

    def exists_in(self, report: Report) -> bool:
        """True when report holds this field (its indexes are within the lists)."""
        try:
            self.get(report)
        except (LookupError, AttributeError):
            return False
        return True


# -- the statistics, derived from the dataclasses --------------------------------------------------------------


def _stat_leaves(node: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if dataclasses.is_dataclass(value):
            yield from _stat_leaves(value, f"{prefix}{f.name}.")
        else:
            yield prefix + f.name, value


_STAT_DEFAULTS: dict[str, Any] = dict(_stat_leaves(Statistics(), ""))
# Statistics that hold a list or a map: "commendations.2", "badges.30" name one of their items.
_STAT_CONTAINERS = frozenset(name for name, value in _STAT_DEFAULTS.items() if isinstance(value, list | dict))

# The statistic under the stats path → the FieldRef; every statistic of Statistics has one.
STATS: Mapping[str, FieldRef] = {
    name: FieldRef(FieldKind.STAT, ("stats", *name.split("."))) for name in _STAT_DEFAULTS
}


def stat(name: str) -> FieldRef:
    """The statistic at name under the statistics ("membership.closing_total"); raises UnknownField."""
    try:
        return STATS[name]
    except KeyError:
        raise UnknownField(f"no statistic {name!r}") from None


# Statistic → its name as the user sees it on the form; messages name fields through this table.
STAT_LABELS: dict[str, str] = {
    "units": N_("number of Party cells"),
    "membership.opening_total": N_("members at the start"),
    "membership.opening_probationary": N_("probationary members at the start"),
    "membership.admitted": N_("admitted"),
    "membership.transferred_in": N_("transferred in"),
    "membership.transferred_in_probationary": N_("probationary transferred in"),
    "membership.transferred_out": N_("transferred out"),
    "membership.transferred_out_probationary": N_("probationary transferred out"),
    "membership.deceased": N_("deceased"),
    "membership.struck_off": N_("struck off"),
    "membership.struck_off_probationary": N_("probationary struck off"),
    "membership.expelled": N_("expelled"),
    "membership.left_party": N_("left the Party"),
    "membership.recognised_official": N_("recognised as full members"),
    "membership.closing_total": N_("members at the end"),
    "membership.closing_official": N_("full members at the end"),
    "membership.closing_probationary": N_("probationary members at the end"),
    "membership.female": N_("female members"),
    "membership.exempt": N_("members exempt from Party life"),
    "membership.badges": N_("Party badges"),
    "ratings.organisations.total": N_("Party cells to rate"),
    "ratings.organisations.excellent": N_("Party cells rated excellent"),
    "ratings.organisations.good": N_("Party cells rated good"),
    "ratings.organisations.complete": N_("Party cells rated complete"),
    "ratings.organisations.not_complete": N_("Party cells rated not complete"),
    "ratings.organisations.not_rated": N_("Party cells not rated"),
    "ratings.organisations.exemplary": N_("exemplary Party cells"),
    "ratings.self_rating": N_("the Party cell's rating of itself"),
    "ratings.members.total": N_("members to rate"),
    "ratings.members.excellent": N_("members rated excellent"),
    "ratings.members.good": N_("members rated good"),
    "ratings.members.complete": N_("members rated complete"),
    "ratings.members.not_complete": N_("members rated not complete"),
    "ratings.members.not_rated": N_("members not rated"),
    "ratings.members.exemplary": N_("exemplary members"),
    "inspection.members_violating": N_("members found in violation"),
    "inspection.members_to_discipline": N_("members to be disciplined"),
    "discipline.members.total": N_("members disciplined"),
    "discipline.members.reprimand": N_("reprimands (members)"),
    "discipline.members.warning": N_("warnings (members)"),
    "discipline.members.removal": N_("removals from post"),
    "discipline.members.expulsion": N_("expulsions"),
    "discipline.members.probationary": N_("probationary members disciplined"),
    "discipline.organisations.total": N_("organisations disciplined"),
    "discipline.organisations.reprimand": N_("reprimands (organisations)"),
    "discipline.organisations.warning": N_("warnings (organisations)"),
    "discipline.organisations.dissolution": N_("dissolutions"),
    "party_life.study_participants": N_("members who took part in the study"),
    "party_life.study_members": N_("members expected at the study"),
    "party_life.meetings_held": N_("regular meetings held"),
    "party_life.meetings_required": N_("regular meetings due"),
    "party_life.thematic_meetings": N_("thematic meetings"),
    "party_life.theme_plan_units": N_("Party cells with an annual-theme plan"),
    "party_life.resolutions_studied": N_("resolutions and directives studied"),
    "party_life.annual_theme": N_("annual theme"),
    "party_life.commendations": N_("commendations"),
    "membership.temporary_in": N_("temporarily transferred in"),
    "membership.temporary_out": N_("temporarily transferred out"),
    "membership.candidates_trained": N_("candidates trained in the Party course"),
    "membership.candidates": N_("candidates for admission"),
    "inspection.scheduled.organisations": N_("organisations inspected"),
    "inspection.scheduled.members": N_("members inspected"),
    "inspection.topical_supervision.organisations": N_("organisations under topical supervision"),
    "inspection.topical_supervision.members": N_("members under topical supervision"),
    "inspection.regular_supervision.organisations": N_("organisations under regular supervision"),
    "inspection.regular_supervision.members": N_("members under regular supervision"),
    "inspection.violation_signs.organisations": N_("organisations inspected for signs of violation"),
    "inspection.violation_signs.members": N_("members inspected for signs of violation"),
    "inspection.lower_level_tasks": N_("lower organisations checked on their inspection duties"),
    "inspection.finance": N_("organisations whose Party finances were inspected"),
    "inspection.dues": N_("Party cells checked on Party dues"),
    "inspection.denunciations": N_("denunciations settled"),
    "inspection.complaints": N_("disciplinary complaints settled"),
    "unit.staff": N_("staff of the agency or school"),
    "unit.population": N_("people of the locality"),
}


# -- the report's own fields and the organisation's -------------------------------------------------------------

_SIGNATURE_NAMES = tuple(f.name for f in dataclasses.fields(Signature))
_TARGET_ATTRS = frozenset(f.name for f in dataclasses.fields(Target))

# The report's own fields (the header, title, opening, signature, recipients and settings) → label, "" for none.
_REPORT_LABELS: dict[str, str] = {
    "number": N_("Document number"),
    "doc_type": N_("Document number"),
    "issued_on": N_("Date"),
    "place": N_("the place name of the report"),
    "term": N_("the committee's term"),
    "basis": N_("the opening sentence"),
    "title": N_("the report's title (trích yếu)"),
    "status": N_("Status"),
    "signature": N_("Signature and recipients"),
    "signature.authority": N_("the report's authority line"),
    "signature.position": N_("the report's signer position"),
    "signature.name": N_("Signer's name"),
    "recipients": N_("the report's recipients"),
    "settings.margins": N_("Margins"),
    "settings.line_spacing_pt": N_("Line spacing"),
    "settings.annexes": N_("Appendices"),
    "settings.heading_style": N_("Heading numbers"),
}
_REPORT_NAMES = frozenset({
    "number", "doc_type", "issued_on", "place", "term", "basis", "title", "status", "signature", "recipients",
    *(f"signature.{name}" for name in _SIGNATURE_NAMES),
    *(f"settings.{f.name}" for f in dataclasses.fields(Settings)),
})

# The organisation profile's fields → their names on the organisation form.
_ORG_LABELS: dict[str, str] = {
    "name": N_("name of the organisation"),
    "short_name": N_("name in running text"),
    "upper_body": N_("upper-level Party organisation"),
    "issuer_name": N_("issuing body"),
    "kind": N_("kind of organisation"),
    "issuer_code": N_("issuer code"),
    "place": N_("place name"),
    "signature.authority": N_("authority line"),
    "signature.position": N_("position of the signer"),
    "signature.name": N_("name of the signer"),
    "recipients": N_("recipients"),
    "preset": N_("the document format of the organisation"),
    "reference_docx": N_("house-style file"),
    "templates_dir": N_("wording templates folder"),
}
_ORG_NAMES = frozenset({
    *(f.name for f in dataclasses.fields(Organisation) if f.name not in ("id", "is_sample")),
    *(f"signature.{name}" for name in _SIGNATURE_NAMES),
})


# -- the one parser and the constructors ----------------------------------------------------------------------


def _index(text: str, path: str) -> int:
    if not text.isdigit():
        raise UnknownField(f"{path!r}: {text!r} is not an index")
    return int(text)


def _section_parts(rest: list[str], path: str) -> tuple[Part, ...]:
    """sections.N(.children.N)*[.title | .entries.N[.text]] after "sections"."""
    if not rest:
        raise UnknownField(f"{path!r}: no section index")
    out: list[Part] = ["sections", _index(rest[0], path)]
    i = 1
    while i < len(rest) and rest[i] == "children":
        if i + 1 >= len(rest):
            raise UnknownField(f"{path!r}: no index after children")
        out += ["children", _index(rest[i + 1], path)]
        i += 2
    tail = rest[i:]
    if tail == ["title"]:
        out.append("title")
    elif tail[:1] == ["entries"] and len(tail) in (2, 3) and tail[2:] in ([], ["text"]):
        out += ["entries", _index(tail[1], path), *tail[2:]]
    elif tail:
        raise UnknownField(f"{path!r}: a section has no {'.'.join(tail)!r}")
    return tuple(out)


def _named(names: frozenset[str], rest: list[str], path: str, lists: tuple[str, ...]) -> tuple[Part, ...]:
    """rest as a name of names, or "<list>.N" for a list among lists."""
    name = ".".join(rest)
    if name in names:
        return tuple(rest)
    if len(rest) >= 2 and ".".join(rest[:-1]) in lists:
        return (*rest[:-1], _index(rest[-1], path))
    raise UnknownField(f"no field {path!r}")


def parse(path: str) -> FieldRef:
    """The field a dotted path names; raises UnknownField when no report has such a field.

    Indexes are checked for form only: whether a given report has sections.9 is FieldRef.exists_in(report).
    The checks parse the same few thousand paths for every report (a sixth of checking a chi bộ's report), so the
    answers are kept; a FieldRef is immutable.
    """
    if not isinstance(path, str):
        raise UnknownField(f"no field {path!r}")
    return _parse(path)


@lru_cache(maxsize=8192)
def _parse(path: str) -> FieldRef:
    if not path:
        raise UnknownField(f"no field {path!r}")
    head, *rest = path.split(".")
    if head == "stats":
        parts = _named(frozenset(STATS), rest, path, tuple(_STAT_CONTAINERS))
        return FieldRef(FieldKind.STAT, ("stats", *parts))
    if head == "organisation":
        return FieldRef(FieldKind.ORGANISATION, ("organisation", *_named(_ORG_NAMES, rest, path, ("recipients",))))
    if head in ("targets", "next_targets"):
        if not rest or len(rest) > 2 or (len(rest) == 2 and rest[1] not in _TARGET_ATTRS):
            raise UnknownField(f"no field {path!r}")
        return FieldRef(FieldKind.TARGET, (head, _index(rest[0], path), *rest[1:]))
    if head == "sections":
        return FieldRef(FieldKind.SECTION, _section_parts(rest, path))
    return FieldRef(FieldKind.REPORT, _named(_REPORT_NAMES, [head, *rest], path, ("recipients",)))


def format_path(ref: FieldRef) -> str:
    """The dotted path of ref, the one formatter (the same as ref.path and str(ref))."""
    return ref.path


def report_field(name: str) -> FieldRef:
    """A field of the report itself: "title", "signature.authority", "settings.margins"; raises UnknownField."""
    ref = parse(name)
    if ref.kind is not FieldKind.REPORT:
        raise UnknownField(f"{name!r} is no field of the report itself")
    return ref


def org_field(name: str) -> FieldRef:
    """A field of the organisation's profile: org_field("upper_body") is "organisation.upper_body"."""
    return parse(f"organisation.{name}")


def target(n: int, attr: str | None = None, *, next_period: bool = False) -> FieldRef:
    """Target n (0-based) of this period's list, or of next period's; attr: "value", "result", "label" …"""
    return parse(".".join(["next_targets" if next_period else "targets", str(n), *([attr] if attr else [])]))


def section(indexes: tuple[int, ...] | list[int]) -> FieldRef:
    """The section at these outline indexes: section((0, 2)) is "sections.0.children.2"."""
    return parse(_section_path(indexes))


def section_title(indexes: tuple[int, ...] | list[int]) -> FieldRef:
    return parse(_section_path(indexes) + ".title")


def section_entry(indexes: tuple[int, ...] | list[int], entry: int) -> FieldRef:
    """The text of entry of the section at indexes: "sections.0.children.2.entries.1.text"."""
    return parse(f"{_section_path(indexes)}.entries.{entry}.text")


def _section_path(indexes: tuple[int, ...] | list[int]) -> str:
    if not indexes:
        raise UnknownField("a section needs at least one index")
    return "sections." + ".children.".join(map(str, indexes))


def item(ref: FieldRef, n: int) -> FieldRef:
    """Item n of a list field: item(STATS["party_life.commendations"], 2), item(Field.RECIPIENTS, 0)."""
    return parse(f"{ref.path}.{n}")


class Field:
    """The fixed fields the code names, as constants: a typo is an AttributeError at import."""

    NUMBER = report_field("number")
    DOC_TYPE = report_field("doc_type")
    ISSUED_ON = report_field("issued_on")
    PLACE = report_field("place")
    TERM = report_field("term")
    BASIS = report_field("basis")
    TITLE = report_field("title")
    SIGNATURE = report_field("signature")
    SIGNATURE_AUTHORITY = report_field("signature.authority")
    SIGNATURE_POSITION = report_field("signature.position")
    SIGNATURE_NAME = report_field("signature.name")
    RECIPIENTS = report_field("recipients")
    MARGINS = report_field("settings.margins")
    LINE_SPACING = report_field("settings.line_spacing_pt")
    ANNEXES = report_field("settings.annexes")
    PAD_COUNTS = report_field("settings.pad_counts")
    END_MARK = report_field("settings.end_mark")
    HEADING_STYLE = report_field("settings.heading_style")
    STATUS = report_field("status")
    UNITS = stat("units")
    MEMBERS_CLOSING = stat("membership.closing_total")
    ANNUAL_THEME = stat("party_life.annual_theme")
    COMMENDATIONS = stat("party_life.commendations")
    SELF_RATING = stat("ratings.self_rating")
    ORG_NAME = org_field("name")
    ORG_SHORT_NAME = org_field("short_name")
    ORG_UPPER_BODY = org_field("upper_body")
    ORG_ISSUER_NAME = org_field("issuer_name")
    ORG_KIND = org_field("kind")
    ORG_ISSUER_CODE = org_field("issuer_code")
    ORG_PLACE = org_field("place")
    ORG_PRESET = org_field("preset")
    ORG_SIGNATURE = org_field("signature")
    ORG_SIGNATURE_AUTHORITY = org_field("signature.authority")
    ORG_SIGNATURE_POSITION = org_field("signature.position")
    ORG_SIGNATURE_NAME = org_field("signature.name")
    ORG_RECIPIENTS = org_field("recipients")
    ORG_REFERENCE_DOCX = org_field("reference_docx")
    ORG_TEMPLATES_DIR = org_field("templates_dir")


# -- labels ---------------------------------------------------------------------------------------------------

# Every label names a field that exists: a typo in a table above fails at import.
for _name in STAT_LABELS:
    stat(_name)
for _name in _REPORT_LABELS:
    report_field(_name)
for _name in _ORG_LABELS:
    org_field(_name)


def label(ref: FieldRef | str) -> str:
    """The translated name of a field, for messages and forms; the path itself when it has none."""
    if isinstance(ref, str):
        ref = parse(ref)
    parts = ref.parts
    if ref.kind is FieldKind.STAT:
        name = ref.stat_name
        if isinstance(parts[-1], int):
            container = ".".join(map(str, parts[1:-1]))
            if container == "party_life.commendations":
                return _("commendation {number}").format(number=parts[-1] + 1)
            name = container
        return _(STAT_LABELS[name]) if name in STAT_LABELS else ref.path
    if ref.kind is FieldKind.TARGET:
        number = int(parts[1]) + 1
        if ref.is_next_target:
            return _("next period's target {number}").format(number=number)
        return _("target {number}").format(number=number)
    if ref.kind is FieldKind.ORGANISATION:
        name = ".".join(map(str, parts[1:]))
        if isinstance(parts[-1], int):
            name = ".".join(map(str, parts[1:-1]))
        return _(_ORG_LABELS[name]) if name in _ORG_LABELS else ref.path
    if ref.kind is FieldKind.REPORT:
        if isinstance(parts[-1], int) and parts[0] == "recipients":
            return _("recipient line {number} of the report").format(number=parts[-1] + 1)
        name = ".".join(map(str, parts))
        return _(_REPORT_LABELS[name]) if name in _REPORT_LABELS else ref.path
    return ref.path
