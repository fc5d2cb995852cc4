"""Two people saving the same report or organisation: what each changed, field by field, and the error she sees.

A save carries the version of the report (or organisation) it started from. When someone else saved in between,
the stored version is newer: the save is refused with EditConflict, which carries the stored copy (theirs) and
every field where theirs and hers differ, with the value both started from. The window offers to keep either,
or to choose field by field: merge_report / merge_organisation put their value in her copy wherever she kept
theirs, and that mix is saved on top of the stored version (services.reports.keep_mine).
"""

from __future__ import annotations

import copy
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from app.domain.codec import from_dict, to_dict
from app.domain.errors import UserError
from app.domain.fields import UnknownField, label
from app.domain.organisation import Organisation
from app.domain.report import EntryState, Report, Section
from app.i18n import _

# Database bookkeeping, not content: never a conflict.
_IGNORED = frozenset({"id", "updated_at", "parent_id"})


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """One field where the stored copy (theirs) and hers differ.

    path: where the field is, dotted ("title", "stats.membership.female"); a section's text is one field,
          "sections.phan_1.danh_gia.bai_hoc.text" (its paragraphs, one a line), its heading another (".title").
    base: its value when she opened it; theirs / mine: the stored value and hers (None where the field is absent).
    label: what the window calls it: a section's heading for its fields, else the path.
    """

    path: str
    base: Any
    theirs: Any
    mine: Any
    label: str = ""

    @property
    def changed_by_them(self) -> bool:
        return bool(self.theirs != self.base)

    @property
    def changed_by_me(self) -> bool:
        return bool(self.mine != self.base)


class EditConflict(UserError):
    """A save based on an outdated version: someone else saved in between; nothing of hers was written.

    theirs: the stored report or organisation now (with its version); conflicts: the fields where it and hers
    differ, in a stable order.
    """

    def __init__(self, theirs: Report | Organisation, conflicts: list[FieldConflict]) -> None:
        self.theirs = theirs
        self.conflicts = conflicts
        what = _("report") if isinstance(theirs, Report) else _("organisation profile")
        message = _(
            "Someone else saved this {what} while you were editing it; your change was not saved, and theirs was "
            "not overwritten. For each field, choose the value to keep: theirs or yours."
        ).format(what=what)
        detail = "\n".join(f"{c.path}: {_show(c.theirs)} ↔ {_show(c.mine)}" for c in conflicts[:20])
        super().__init__(message, detail=detail or None)


def report_conflicts(base: Report, theirs: Report, mine: Report) -> list[FieldConflict]:
    """Every field where theirs and mine differ, with base's value; sections matched by their key path."""
    labels: dict[str, str] = {}
    for path in _flat_report(base, labels) | _flat_report(theirs, labels) | _flat_report(mine, labels):
        labels.setdefault(path, _field_label(path))
    return _conflicts(_flat_report(base, labels), _flat_report(theirs, labels), _flat_report(mine, labels), labels)


def organisation_conflicts(base: Organisation, theirs: Organisation, mine: Organisation) -> list[FieldConflict]:
    """Every profile field where theirs and mine differ, with base's value."""
    base_flat, their_flat, my_flat = (_flat(to_dict(o)) for o in (base, theirs, mine))
    labels = {path: _field_label(f"organisation.{path}") for side in (base_flat, their_flat, my_flat) for path in side}
    return _conflicts(base_flat, their_flat, my_flat, labels)


def merge_report(theirs: Report, mine: Report, keep_theirs: Collection[str]) -> Report:
    """A copy of mine with theirs' value in each field whose path is in keep_theirs, at theirs' version.

    Saved on top of theirs, it keeps her value where she chose hers and theirs elsewhere. A section present on one
    side only keeps what mine has.
    """
    data = to_dict(mine)
    their_data = to_dict(theirs)
    section_paths = []
    for path in keep_theirs:
        if path.startswith("sections."):
            section_paths.append(path)
        else:
            _put(data, their_data, path.split("."))
    merged = from_dict(data, Report)
    merged.organisation = copy.deepcopy(mine.organisation)
    their_sections = {".".join(key): section for key, section in _sections(theirs.sections, ())}
    my_sections = {".".join(key): section for key, section in _sections(merged.sections, ())}
    for path in section_paths:
        where, _dot, attribute = path.removeprefix("sections.").rpartition(".")
        source, target = their_sections.get(where), my_sections.get(where)
        if source is None or target is None:
            continue
        if attribute == "text":
            target.entries = copy.deepcopy(source.entries)
        elif attribute in ("title", "enabled"):
            setattr(target, attribute, getattr(source, attribute))
    merged.version = theirs.version
    return merged


def merge_organisation(theirs: Organisation, mine: Organisation, keep_theirs: Collection[str]) -> Organisation:
    """A copy of mine with theirs' value in each profile field whose path is in keep_theirs, at theirs' version."""
    data = to_dict(mine)
    their_data = to_dict(theirs)
    for path in keep_theirs:
        _put(data, their_data, path.split("."))
    return replace(from_dict(data, Organisation), id=mine.id, version=theirs.version)


def _put(data: dict[str, Any], source: dict[str, Any], keys: list[str]) -> None:
    """Set data's value at keys to source's (dropping it where source has none)."""
    for key in keys[:-1]:
        source = source[key] if isinstance(source.get(key), dict) else {}
        if not isinstance(data.get(key), dict):
            data[key] = {}
        data = data[key]
    if keys[-1] in source:
        data[keys[-1]] = copy.deepcopy(source[keys[-1]])
    else:
        data.pop(keys[-1], None)


def _field_label(path: str) -> str:
    """The field's name as the forms show it, capitalised; the path itself for a field without one."""
    try:
        name = label(path)
    except UnknownField:
        return path
    return name[:1].upper() + name[1:]


def _conflicts(base: dict[str, Any], theirs: dict[str, Any], mine: dict[str, Any],
               labels: dict[str, str]) -> list[FieldConflict]:
    paths = list(dict.fromkeys([*base, *theirs, *mine]))
    return [FieldConflict(path, base.get(path), theirs.get(path), mine.get(path), labels.get(path, path))
            for path in paths if theirs.get(path) != mine.get(path)]


def _flat_report(report: Report, labels: dict[str, str]) -> dict[str, Any]:
    """The report's fields by dotted path; labels gets each section field's label (the section's own heading).

    A section's text leaves out the sentences that follow the figures (generated, not edited): they differ whenever a
    figure does, and the window writes them again from the figures she keeps, so listing them would only show the
    same figure twice.
    """
    data = to_dict(report)
    data.pop("sections")
    data.pop("organisation")  # the profile has its own version and its own save
    flat = _flat(data)
    for path, section in _sections(report.sections, ()):
        where = "sections." + ".".join(path)
        flat[f"{where}.title"] = section.title
        flat[f"{where}.enabled"] = section.enabled
        # A sentence still following the figures is not hers nor theirs: it is written again from the figures kept.
        flat[f"{where}.text"] = "\n".join(entry.text for entry in section.entries
                                          if not (entry.source and entry.state is EntryState.AUTO))
        heading = section.title or section.key
        labels.setdefault(f"{where}.title", _("Heading of “{section}”").format(section=heading))
        labels.setdefault(f"{where}.enabled", _("“{section}” printed").format(section=heading))
        labels.setdefault(f"{where}.text", _("Text of “{section}”").format(section=heading))
    return flat


def _sections(sections: list[Section], parent: tuple[str, ...]) -> list[tuple[tuple[str, ...], Section]]:
    found: list[tuple[tuple[str, ...], Section]] = []
    for section in sections:
        path = (*parent, section.key)
        found.append((path, section))
        found += _sections(section.children, path)
    return found


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            if not prefix and key in _IGNORED:
                continue
            flat.update(_flat(item, f"{prefix}{key}."))
        return flat
    return {prefix.rstrip("."): value}


def _show(value: Any) -> str:
    text = "—" if value is None or value == "" else str(value)
    return text if len(text) <= 60 else text[:59] + "…"
