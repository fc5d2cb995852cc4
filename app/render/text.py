"""Text on its way into a .docx: cleaned so that any pasted string saves, and measured for ruled lines."""

from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 forbids (python-docx fails on save): C0 controls but tab, LF and CR,
# lone surrogates, U+FFFE and U+FFFF.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """The text without XML-invalid characters, in NFC; every string given to python-docx goes through it."""
    # Drop first: a removed control character may sit between a letter and its combining mark.
    return unicodedata.normalize("NFC", _XML_INVALID.sub("", text))


# A range such as "nhiệm kỳ 2025 - 2030" (or with an en dash, which the spec normalises to a hyphen).
_RANGE = re.compile(r"(\d)[ \u00a0]+[-–][ \u00a0]+(\d)")


def keep_ranges_together(text: str) -> str:
    """Glue "2025 - 2030" with no-break spaces: a line starting "- 2030" would read as a list item."""
    return _RANGE.sub("\\1\u00a0-\u00a0\\2", text)


# A document number as cited: "30-QĐ/TW", "Số 25-BC/ĐU", "45-HD/ĐU", "25/BC-UBND": digits, then codes of capitals
# joined by hyphens and slashes, at least one slash among them.
_DOCUMENT_NUMBER = re.compile(r"(?<![\w/-])\d+(?=[-/][A-ZĐ])(?:[-/][A-ZĐ][A-Za-zĐđ]*)+")


def document_number_hyphens(text: str) -> list[int]:
    """Offsets of the hyphens inside the document numbers of text, where a line must never break.

    "Quy định số 30-QĐ/TW" must not print "30-" at a line's end and "QĐ/TW" on the next: the writer puts a
    non-breaking hyphen (w:noBreakHyphen) at these offsets, so that the model's text stays plain.
    """
    return [match.start() + offset
            for match in _DOCUMENT_NUMBER.finditer(text) if "/" in match.group()
            for offset, char in enumerate(match.group()) if char == "-"]


# Advance widths of Times New Roman in 1/2048 em, taken from Liberation Serif, which has the same metrics:
# printable ASCII from U+0020, then Đ, đ, the letters with a horn (wider than their base letter) and
# typographic punctuation. Combining marks take no width.
_ASCII_WIDTHS = {
    False: (
        512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569,
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909,
        1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479,
        1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024,
        682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024,
        1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
    ),
    True: (
        512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569,
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024,
        1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593,
        1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024,
        682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024,
        1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065,
    ),
}
_OTHER_WIDTHS = {
    False: {"Đ": 1479, "đ": 1024, "Ư": 1589, "ư": 1110, "Ơ": 1479, "ơ": 1083,
            "–": 1024, "—": 2048, "“": 909, "”": 909, "‘": 682, "’": 682, "…": 2048},
    True: {"Đ": 1479, "đ": 1139, "Ư": 1630, "ư": 1229, "Ơ": 1593, "ơ": 1134,
           "–": 1024, "—": 2048, "“": 1024, "”": 1024, "‘": 682, "’": 682, "…": 2048},
}
_WIDTHS = {
    bold: {chr(0x20 + i): w for i, w in enumerate(_ASCII_WIDTHS[bold])} | _OTHER_WIDTHS[bold]
    | {"\u00a0": _ASCII_WIDTHS[bold][0]}  # a no-break space is as wide as a space
    for bold in (False, True)
}
_UNITS_PER_EM = 2048
_HORN = "\u031b"


def text_width_pt(text: str, size_pt: float, *, bold: bool) -> float:
    """Printed width in points of one line of text in Times New Roman; unknown characters count as half an em."""
    widths = _WIDTHS[bold]
    units = 0
    for char in unicodedata.normalize("NFC", text):
        if unicodedata.combining(char):
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0]
        if _HORN in decomposed:
            base = unicodedata.normalize("NFC", base + _HORN)
        units += widths.get(base, _UNITS_PER_EM // 2)
    return units * size_pt / _UNITS_PER_EM
