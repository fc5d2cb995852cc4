"""Find and replace across the text of a report, the way Word does it, and aware of Vietnamese letters.

Text is compared in composed form (NFC), so "ủy" typed with a decomposed mark is found like any other; matching can
ignore case, ask for whole words, and ignore tone marks ("hoa" finds "hòa", "hoá" and "họa", but not "hơ").
Positions are those of the text searched, even where it holds decomposed letters: a Vietnamese letter keeps its
length (one character) when its case or its tone mark is dropped, which the search relies on.

Replacing goes through the report's entries as typing would: her text and her edited sentences change; a computed
sentence that matches becomes hers (EDITED, with the computed text as its basis); tables are not text and are left
alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from app.domain.report import Entry, EntryKind, EntryState, Report, Section

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


@dataclass(frozen=True, slots=True)
class SearchOptions:
    match_case: bool = False
    whole_word: bool = False
    ignore_marks: bool = False


def _fold_char(char: str, options: SearchOptions) -> str:
    if options.ignore_marks:
        decomposed = unicodedata.normalize("NFD", char)
        stripped = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        char = stripped if len(stripped) == 1 else char
    if not options.match_case:
        lowered = char.lower()
        char = lowered if len(lowered) == 1 else char
    return char


def fold(text: str, options: SearchOptions) -> str:
    """text as the search compares it: NFC, then per letter without its tone mark and in lower case as asked.

    The result has the length of the NFC text, character for character.
    """
    return "".join(_fold_char(c, options) for c in unicodedata.normalize("NFC", text))


def _nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """text in NFC, and for each of its positions (and its end) the position in text it comes from."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    clusters: list[tuple[int, str]] = []
    for i, char in enumerate(text):
        if clusters and unicodedata.combining(char):
            clusters[-1] = (clusters[-1][0], clusters[-1][1] + char)
        else:
            clusters.append((i, char))
    out, offsets = [], []
    for start, cluster in clusters:
        composed = unicodedata.normalize("NFC", cluster)
        out.append(composed)
        offsets.extend([start] * len(composed))
    offsets.append(len(text))
    return "".join(out), offsets


def find_all(text: str, query: str, options: SearchOptions = SearchOptions()) -> list[tuple[int, int]]:
    """(start, end) of each match of query in text, as positions in text itself (decomposed letters included)."""
    needle = fold(query, options)
    if not needle.strip():
        return []
    composed, offsets = _nfc_with_offsets(text)
    haystack = fold(composed, options)
    pattern = re.escape(needle)
    if options.whole_word:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return [(offsets[m.start()], offsets[m.end()]) for m in re.finditer(pattern, haystack)]


def matches(text: str, query: str, options: SearchOptions = SearchOptions()) -> bool:
    """True when text as a whole is one match of query (the selection she is about to replace)."""
    return bool(text) and find_all(text, query, options) == [(0, len(text))]


def replace_in_text(text: str, query: str, replacement: str,
                    options: SearchOptions = SearchOptions()) -> tuple[str, int]:
    """text (made NFC) with every match of query replaced; and how many there were."""
    text = unicodedata.normalize("NFC", text)  # positions found in NFC text are its own
    found = find_all(text, query, options)
    replacement = unicodedata.normalize("NFC", replacement)
    for start, end in reversed(found):
        text = text[:start] + replacement + text[end:]
    return text, len(found)


def searchable(entry: Entry) -> bool:
    """True for an entry whose text she can search and change: printed, and not a table."""
    return entry.prints and entry.kind is not EntryKind.TABLE


def sections_in_order(report: Report) -> list[Section]:
    """Every section of the report, in the order of the outline (the order find next goes through them)."""
    return list(report.walk_sections())


def section_matches(section: Section, query: str, options: SearchOptions = SearchOptions()) -> int:
    """How many matches of query the text of section holds (its own entries, not its children's)."""
    return sum(len(find_all(e.text, query, options)) for e in section.entries if searchable(e))


def count_matches(report: Report, query: str, options: SearchOptions = SearchOptions()) -> int:
    return sum(section_matches(s, query, options) for s in sections_in_order(report))


def replace_in_section(section: Section, query: str, replacement: str,
                       options: SearchOptions = SearchOptions()) -> int:
    """Replace every match in section's entries; a computed sentence changed becomes hers. The count replaced."""
    total = 0
    entries = []
    for entry in section.entries:
        if searchable(entry):
            text, count = replace_in_text(entry.text, query, replacement, options)
            if count and text.strip():
                total += count
                if entry.source and entry.state is EntryState.AUTO:
                    entry = Entry(text, entry.kind, entry.id, entry.source, EntryState.EDITED, entry.text)
                else:
                    entry = Entry(text, entry.kind, entry.id, entry.source, entry.state, entry.basis)
        entries.append(entry)
    section.entries = entries
    return total


def replace_all(report: Report, query: str, replacement: str, options: SearchOptions = SearchOptions()) -> int:
    """Replace every match of query in the report's text; the number of replacements made."""
    return sum(replace_in_section(s, query, replacement, options) for s in sections_in_order(report))


def iter_matches(report: Report, query: str,
                 options: SearchOptions = SearchOptions()) -> Iterator[tuple[Section, Entry, int, int]]:
    """(section, entry, start, end) of every match, in document order."""
    for section in sections_in_order(report):
        for entry in section.entries:
            if searchable(entry):
                for start, end in find_all(entry.text, query, options):
                    yield section, entry, start, end
