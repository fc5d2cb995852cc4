"""Sentences generated from the figures as entries of their section: merged with her text, checked when edited.

The renderer words the sentences (app/render/drafting.py); this module decides where they go and what becomes
of them. A generated entry follows the figures while she leaves it alone (EntryState.AUTO); once she edits it,
it is hers (EDITED) and keeps the generated text it started from as its basis; once she removes it, it stays
in the list as REMOVED so that it is not generated again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from app.domain import fields
from app.domain.fields import FieldRef
from app.domain.findings import Finding, Severity
from app.domain.outline import filled_title
from app.domain.report import Entry, EntryKind, EntryState, Report, Section
from app.i18n import N_, _

# What the section editor calls each table a template can place, by the table's name.
TABLE_LABELS: dict[str, str] = {
    "membership": N_("Table: membership movement (computed from the figures)"),
    "ratings": N_("Table: quality ratings (computed from the figures)"),
    "targets": N_("Table: results against the targets (computed from the figures)"),
}

# The mark a line of the section editor starts with for each kind of entry (as she types it).
MARKS: dict[EntryKind, str] = {EntryKind.PARAGRAPH: "", EntryKind.BULLET: "- ", EntryKind.SUB_BULLET: "+ "}


@dataclass(frozen=True, slots=True)
class Generated:
    """One sentence or table the figures produce for a section.

    slot: "<section key>.<name>", stable across edits of the figures ("kiem_tra.work").
    text: the sentence; for a TABLE, the name of the table ("membership").
    """

    slot: str
    kind: EntryKind
    text: str


def merge(entries: Sequence[Entry], generated: Sequence[Generated]) -> list[Entry]:
    """entries with every AUTO sentence set to what the figures now say, new ones added, vanished ones dropped.

    Her own entries, EDITED and REMOVED ones stay where they are. A sentence generated for the first time goes
    right after the generated entry that precedes it in template order, else right before the one that follows
    it, else at the top of the section (the figures come before the commentary, as offices write).
    """
    wanted = {g.slot: g for g in generated}
    out: list[Entry] = []
    present: set[str] = set()
    for entry in entries:
        if not entry.source:
            out.append(entry)
            continue
        if entry.source in present:
            continue  # a slot appears once; a duplicate (a damaged file) is dropped
        if entry.state is EntryState.AUTO:
            now = wanted.get(entry.source)
            if now is None:
                continue  # the figures no longer support it
            entry = Entry(now.text, now.kind, entry.id, now.slot, EntryState.AUTO, "")
        out.append(entry)
        present.add(entry.source)
    order = [g.slot for g in generated]
    for index, item in enumerate(generated):
        if item.slot in present:
            continue
        out.insert(_insertion_point(out, order, index), Entry(item.text, item.kind, None, item.slot))
        present.add(item.slot)
    return out


def _insertion_point(entries: list[Entry], order: list[str], index: int) -> int:
    positions = {e.source: i for i, e in enumerate(entries) if e.source}
    for before in reversed(order[:index]):
        if before in positions:
            return positions[before] + 1
    for after in order[index + 1:]:
        if after in positions:
            return positions[after]
    return 0


def refresh(report: Report, generated: Mapping[str, Sequence[Generated]]) -> bool:
    """Merge the generated sentences into every section of report, in place; True when anything changed.

    generated: by section key, what the figures produce for it (sections without a key here get none).
    """
    changed = False
    for section in report.walk_sections():
        merged = merge(section.entries, generated.get(section.key, ()))
        if merged != section.entries:
            section.entries = merged
            changed = True
    return changed


def display_text(entry: Entry) -> str:
    """The line the section editor shows for an entry: its mark ("- ") and its text."""
    return MARKS.get(entry.kind, "") + entry.text


def printed(section: Section) -> list[Entry]:
    """The entries of section that print: all but the generated ones she removed."""
    return [e for e in section.entries if e.prints and (e.text.strip() or e.kind is EntryKind.TABLE)]


def has_content(section: Section) -> bool:
    """True when section or a section under it prints something besides its heading."""
    return bool(printed(section)) or any(has_content(c) for c in section.children if c.enabled)


# -- findings -------------------------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> list[str]:
    return _NUMBER.findall(text)


def _same_number(a: str, b: str) -> bool:
    """ "02" and "2" state the same count; "1.462" and "1462" the same figure."""
    def plain(s: str) -> str:
        return s.replace(".", "").lstrip("0") or "0"
    return plain(a) == plain(b)


def section_paths(report: Report) -> Iterator[tuple[FieldRef, Section]]:
    """(the section's field, "sections.0.children.2", and the section) for every section, in reading order."""
    def visit(sections: list[Section], indexes: tuple[int, ...]) -> Iterator[tuple[FieldRef, Section]]:
        for index, section in enumerate(sections):
            yield fields.section((*indexes, index)), section
            yield from visit(section.children, (*indexes, index))
    yield from visit(report.sections, ())


def drift_findings(report: Report, generated: Mapping[str, Sequence[Generated]],
                   headings: Mapping[str, str]) -> list[Finding]:
    """Sentences she edited that state a figure which has changed since, or that no figure supports any more.

    generated: what the figures produce now, by section key; headings: the printed heading of each section key
    ("5- Công tác kiểm tra, …"), to name it.
    """
    findings: list[Finding] = []
    for ref, section in section_paths(report):
        now = {g.slot: g for g in generated.get(section.key, ())}
        for index, entry in enumerate(section.entries):
            if not (entry.source and entry.state is EntryState.EDITED and entry.basis):
                continue
            where = fields.section_entry(ref.section_indexes, index).path
            heading = headings.get(section.key, filled_title(section.title, report.period))
            current = now.get(entry.source)
            if current is None:
                findings.append(Finding("drafting.unsupported", Severity.WARNING, (where,), _(
                    "In “{heading}”, the sentence you edited from a computed one (“{sentence}”) no longer rests on "
                    "any figure: the figures it stated are now empty. Check it, or remove it."
                ).format(heading=heading, sentence=_quote(entry.text))))
                continue
            if current.text == entry.basis:
                continue
            before, after = _numbers(entry.basis), _numbers(current.text)
            stale = [
                (old, new) for old, new in zip(before, after, strict=False)
                if not _same_number(old, new) and any(_same_number(old, n) for n in _numbers(entry.text))
            ]
            if len(before) != len(after) and not stale:
                stale = [(old, "") for old in before
                         if not any(_same_number(old, n) for n in after)
                         and any(_same_number(old, n) for n in _numbers(entry.text))]
            for old, new in stale:
                message = _(
                    "In “{heading}”, the sentence you edited says {old}, but the figures now give {new}: “{sentence}”. "
                    "The computed sentence now reads: “{current}”."
                ) if new else _(
                    "In “{heading}”, the sentence you edited says {old}, which the figures no longer give: "
                    "“{sentence}”. The computed sentence now reads: “{current}”."
                )
                findings.append(Finding("drafting.stale_number", Severity.ERROR, (where,), message.format(
                    heading=heading, old=old, new=new, sentence=_quote_around(entry.text, old),
                    current=_quote_around(current.text, new or old))))
    return findings


def empty_section_findings(report: Report, headings: Mapping[str, str], *, kept: bool) -> list[Finding]:
    """An enabled section with nothing to print; kept: the report keeps such headings (with a line to fill)."""
    findings: list[Finding] = []

    def visit(sections: list[Section], indexes: tuple[int, ...]) -> None:
        for index, section in enumerate(sections):
            here = (*indexes, index)
            if not section.enabled:
                continue
            if not has_content(section):
                heading = headings.get(section.key, filled_title(section.title, report.period))
                message = _(
                    "“{heading}” has no text yet: it prints with a dotted line to fill in by hand. Write it, or untick "
                    "the section in the outline."
                ) if kept else _(
                    "“{heading}” has no text yet, so it is left out of the document and the headings after it are "
                    "renumbered. Write it, or untick the section in the outline."
                )
                findings.append(Finding("drafting.empty_section", Severity.WARNING, (fields.section(here).path,),
                                        message.format(heading=heading)))
                continue  # its sub-sections are empty too: one finding says it
            visit(section.children, here)

    visit(report.sections, ())
    return findings


def _quote(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quote_around(text: str, number: str, width: int = 50) -> str:
    """A piece of text around the first place it states number, "…" marking what is cut."""
    match = next((m for m in _NUMBER.finditer(text) if _same_number(m.group(), number)), None)
    if match is None or len(text) <= 2 * width:
        return _quote(text)
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = (text.find(" ", end) if text.find(" ", end) != -1 else len(text)) if end < len(text) else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
