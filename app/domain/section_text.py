"""A section's entries as the plain text the secretary types: "- " starts a bullet, "+ " a sub-bullet."""

from __future__ import annotations

from app.domain.report import Entry, EntryKind

_PREFIXES = ((("- ", "– ", "• "), EntryKind.BULLET), (("+ ",), EntryKind.SUB_BULLET))
_MARKS = {EntryKind.PARAGRAPH: "", EntryKind.BULLET: "- ", EntryKind.SUB_BULLET: "+ "}


def entries_from_text(text: str) -> list[Entry]:
    """One entry per non-blank line; a leading "- " (or "– ", "• ") makes a bullet and "+ " a sub-bullet."""
    entries = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line in ("-", "+", "–", "•"):
            continue
        kind = EntryKind.PARAGRAPH
        for prefixes, prefixed_kind in _PREFIXES:
            marker = next((p for p in prefixes if line.startswith(p)), None)
            if marker:
                kind, line = prefixed_kind, line[len(marker):].strip()
                break
        if line:
            entries.append(Entry(line, kind))
    return entries


def text_from_entries(entries: list[Entry]) -> str:
    """The text that entries_from_text turns back into the same entries."""
    return "\n".join(_MARKS[e.kind] + e.text for e in entries)
