"""Text pasted from another program, made into the lines the section editor reads.

Word puts a bulleted list on the clipboard as plain text with its own marks ("•\tViệc một", "o\tÝ nhỏ",
"1.\tViệc một", "a)\tÝ nhỏ"); the section editor writes a bullet as "- " and a sub-bullet as "+ ". Text copied
from a web page or a PDF may hold Vietnamese letters decomposed (NFD); it is composed (NFC, TCVN 6909:2001) on
the way in, so nothing pasted has to be typed again.
"""

from __future__ import annotations

import re
import unicodedata

# First-level marks Word and other editors use; "-" and "+" are the app's own and pass through.
_FIRST = "•·●■–—*"
# Second-level marks: Word's "o" (Courier New) and "§" (Wingdings), hollow circles and small squares.
_SECOND = "o◦○▪▫□§‣⁃"
_MARK = re.compile(rf"^(?P<indent>[ \t\u00a0]*)(?P<mark>[{re.escape(_FIRST + _SECOND)}]|-)[ \t\u00a0]+(?P<rest>\S.*)$")
# "1." "12)" "a)" "b." "iv." followed by a tab (as Word writes list numbers) or by a space.
_NUMBER = re.compile(r"^(?P<indent>[ \t\u00a0]*)(?P<mark>\d{1,3}[.)]|[a-zđ][.)]|[ivx]{1,4}[.)])"
                     r"(?P<gap>[ \t\u00a0]+)(?P<rest>\S.*)$")


def _level(indent: str) -> int:
    """0 for a line at the margin, 1 for one indented by a tab or two spaces or more."""
    return 1 if "\t" in indent or len(indent) >= 2 else 0


def lines_from_pasted(text: str) -> str:
    """text (from the clipboard) with list marks turned into "- " / "+ " and its letters composed (NFC).

    A numbered line ("1." "a)") becomes a bullet when Word's tab follows its number, or when the pasted text holds
    two numbered lines or more: a single "2. Kết quả" typed as a heading keeps its number.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    numbered = sum(1 for line in lines if _NUMBER.match(line))
    out = []
    for line in lines:
        match = _MARK.match(line)
        if match:
            second = match["mark"] in _SECOND or _level(match["indent"])
            out.append(("+ " if second else "- ") + match["rest"].strip())
            continue
        match = _NUMBER.match(line)
        if match and ("\t" in match["gap"] or numbered >= 2):
            letter = not match["mark"][0].isdigit()
            out.append(("+ " if letter or _level(match["indent"]) else "- ") + match["rest"].strip())
            continue
        out.append(line)
    return "\n".join(out)
