"""Last year's report, typed by hand in Word, read back into a report: header, title, outline, text, signature.

read_word_report(path) reads a .docx the app did not make (through app.safe_read's size, zip and XML limits)
into a Reading: what was recognised (header fields, kind and year, each heading and the section it went to),
the Report built from it, the figures its sentences state (proposed, never applied here) and what was not
understood (kept as text where it stood). apply_figures() then fills the statistics she accepts.

Numbering Word adds itself (w:numPr with numbering.xml) is turned into the label it shows ("II.", "1-", "a)",
"-") before the paragraph is read, so typed and automatic numbering take the same path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.errors import UserError
from app.domain.organisation import Organisation, OrgKind, Signature
from app.domain.outline import default_outline
from app.domain.report import Entry, EntryKind, Report, ReportKind, Section, settings_for
from app.domain.text_figures import find_claims
from app.i18n import _
from app.importers.headings import best_match, plain
from app.safe_read import MiB, ZipReader, parse_xml, read_bytes

MAX_BYTES = 20 * MiB
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Numbering as typed: "Phần thứ nhất", "PHẦN I", "II-", "2.", "c)".
_PART = re.compile(r"^\s*PHẦN\s+(THỨ\s+)?(NHẤT|HAI|BA|I{1,3}|IV|\d)\b\s*[:.\-–]?\s*", re.IGNORECASE)
_ROMAN = re.compile(r"^\s*([IVX]{1,5})\s*[-.–/)]\s*(?=\S)")
_ARABIC = re.compile(r"^\s*(\d{1,2})\s*[-.–)]\s*(?!\d)(?=\S)")
_LETTER = re.compile(r"^\s*([a-zđ])\s*[)\-.–]\s*(?=\S)")
_CAPITAL = re.compile(r"^\s*([A-HĐ])\s*[.\-–)]\s+(?=\S)")  # "A. LĨNH VỰC KINH TẾ - XÃ HỘI", "B. CÔNG TÁC …"
_BULLET = re.compile(r"^\s*([-–—•·*▪◦●])\s*(?=\S)")
_SUB_BULLET = re.compile(r"^\s*([+○])\s*(?=\S)")
_PART_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3}
_RANK = {"part": 0, "capital": 1, "roman": 1, "arabic": 2, "letter": 3, "style1": 1, "style2": 2, "style3": 3}

_NUMBER = re.compile(r"^Số\s*:?\s*(\d*)\s*(.*)$", re.IGNORECASE)
_DATE_WORDS = re.compile(r"ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})", re.IGNORECASE)
_DATE_SLASH = re.compile(r"ngày\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", re.IGNORECASE)
_MOTTOES = ("đảng cộng sản việt nam", "cộng hòa xã hội chủ nghĩa việt nam", "cộng hoà xã hội chủ nghĩa việt nam",
            "độc lập - tự do - hạnh phúc", "độc lập – tự do – hạnh phúc", "độc lập-tự do-hạnh phúc")
_SIGN_START = re.compile(r"^(T/M|TM\.?|TM\s|K/T|KT\.?|KT\s|Q\.|TL\.|T/L)\s*", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^nơi\s+nhận\s*:?", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[\s\-–—_*.=~]*$")
_CLOSING = re.compile(r"^Trên đây là\b")
_BASIS = re.compile(r"^(Thực hiện|Căn cứ|Theo)\b")


@dataclass(slots=True)
class Header:
    """The header as typed; "" or None where it was not found."""

    upper_body: str = ""
    issuer: str = ""
    number: int | None = None
    doc_type: str = ""
    code: str = ""
    number_text: str = ""
    place: str = ""
    issued_on: date | None = None
    date_text: str = ""
    state_format: bool = False
    year_hint: int | None = None  # the year of a date typed without its day ("ngày   tháng 12 năm 2025")


@dataclass(slots=True)
class Heading:
    """A heading as typed and the section it went to: key is a built-in key or "rieng_<n>" (matched False)."""

    text: str
    numbering: str
    depth: int
    key: str
    matched: bool
    score: float
    paragraphs: int = 0


@dataclass(slots=True)
class Proposal:
    """A figure a sentence states: the statistic's dotted path, its value and the phrase that states it."""

    field: str
    value: int
    phrase: str
    section: str


@dataclass(slots=True)
class Reading:
    """Everything recognised in one file; report is the Report built from it (statistics left empty)."""

    header: Header
    title: str
    kind: ReportKind
    year: int
    headings: list[Heading]
    report: Report
    proposals: list[Proposal]
    not_understood: list[str]
    paragraphs: int
    tables: int = 0
    signature: Signature | None = None
    recipients: list[str] = field(default_factory=list)
    closing: str = ""  # her "Trên đây là báo cáo …": the app prints its own closing sentence in its place


@dataclass(slots=True)
class _Line:
    """One line of the body: a paragraph, or a line of one split at a manual line break."""

    text: str
    bold: bool = False
    centered: bool = False
    style_level: int = 0  # 1–3 for Word's Heading 1–3 styles
    auto_label: str = ""  # the label Word's automatic numbering shows, "" for none
    auto_bullet: bool = False
    bold_start: str = ""  # the bold text a paragraph starts with when the rest is not bold ("3. Kiểm tra: …")
    table: bool = False


# Reading the package.

def read_word_report(path: Path) -> Reading:
    """The report typed in the .docx at path; UserError when it is no Word document, is damaged or is no report."""
    path = Path(path)
    data = read_bytes(path, MAX_BYTES)
    what = _("The Word file {file}").format(file=path.name)
    if data.startswith(_OLE_MAGIC):
        raise UserError(_("{what} is protected by a password or saved in the old Word 97–2003 format (.doc): open it "
                          "in Word, remove the password if it has one, and save it as “Word Document (*.docx)”.")
                        .format(what=what))
    package = ZipReader(data, what)
    if "word/document.xml" not in package.infos:
        raise UserError(_("{what} is not a Word document (.docx): it holds no document text. Choose the .docx file of "
                          "the report.").format(what=what))
    document = parse_xml(package.read("word/document.xml"), what)
    styles = _Styles(parse_xml(package.read("word/styles.xml"), what) if "word/styles.xml" in package.infos
                     else None)
    numbering = _Numbering(parse_xml(package.read("word/numbering.xml"), what)
                           if "word/numbering.xml" in package.infos else None)
    body = document.find(f"{W}body")
    if body is None:
        raise UserError(_("{what} is not a Word document (.docx): it holds no document text. Choose the .docx file of "
                          "the report.").format(what=what))
    blocks = list(_blocks(body, styles, numbering))
    return _Reader(blocks, what).read()


class _Styles:
    """Paragraph styles: which are headings (Heading 1–3), which carry numbering, which are bold or centred."""

    def __init__(self, root: Any) -> None:
        self.by_id: dict[str, Any] = {}
        if root is not None:
            for style in root.iter(f"{W}style"):
                self.by_id[style.get(f"{W}styleId", "")] = style

    def _chain(self, style_id: str) -> list[Any]:
        out, seen = [], set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val", "") if based is not None else ""
        return out

    def heading_level(self, style_id: str) -> int:
        for style in self._chain(style_id)[:1]:
            name = style.find(f"{W}name")
            match = re.fullmatch(r"heading ([1-3])", (name.get(f"{W}val", "") if name is not None else "").lower())
            if match:
                return int(match.group(1))
        return 0

    def find(self, style_id: str, path: str) -> Any:
        for style in self._chain(style_id):
            found = style.find(path)
            if found is not None:
                return found
        return None


class _Numbering:
    """numbering.xml: the label each automatically numbered paragraph shows, counted as Word counts."""

    def __init__(self, root: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{W}lvl"):
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                start = lvl.find(f"{W}start")
                levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{W}val", "") if text is not None else "",
                    int(start.get(f"{W}val", "1")) if start is not None else 1)
            abstract[node.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                self.levels[num.get(f"{W}numId", "")] = abstract.get(ref.get(f"{W}val", ""), {})

    def label(self, num_id: str, ilvl: int) -> tuple[str, bool]:
        """(the label shown, whether it is a bullet) for the next paragraph of list num_id at level ilvl."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return "", False
        fmt, text, _start = levels[ilvl]
        if fmt == "bullet":
            return ("+" if ilvl > 0 else "-"), True
        if fmt == "none":
            return "", False
        counters = self.counters.setdefault(num_id, [levels.get(i, ("", "", 1))[2] - 1 for i in range(9)])
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = levels.get(deeper, ("", "", 1))[2] - 1
        label = text
        for i in range(ilvl + 1):
            label = label.replace(f"%{i + 1}", _format_number(counters[i], levels.get(i, ("decimal", "", 1))[0]))
        return label, False


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
        return letter if fmt == "lowerLetter" else letter.upper()
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out


def _paragraph_lines(p: Any) -> list[str]:
    """The text of a paragraph as typed, split at manual line breaks; tabs kept as "\t"; deleted text left out."""
    lines = [""]
    for node in p.iter():
        tag = node.tag
        if tag == f"{W}t":
            if not _inside(node, p, (f"{W}del", f"{W}txbxContent")):
                lines[-1] += node.text or ""
        elif tag == f"{W}tab" and node.getparent().tag == f"{W}r":
            lines[-1] += "\t"
        elif tag in (f"{W}br", f"{W}cr") and node.get(f"{W}type") not in ("page", "column"):
            lines.append("")
        elif tag == f"{W}noBreakHyphen":
            lines[-1] += "-"
    return [unicodedata.normalize("NFC", line) for line in lines]


def _inside(node: Any, stop: Any, tags: tuple[str, ...]) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _bold(p: Any, styles: _Styles, style_id: str) -> bool:
    runs = [r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    if not runs:
        return False
    style_bold = styles.find(style_id, f"{W}rPr/{W}b") is not None

    def on(r: Any) -> bool:
        b = r.find(f"{W}rPr/{W}b")
        if b is None:
            return style_bold
        return b.get(f"{W}val", "true") not in ("0", "false", "off")

    return all(on(r) for r in runs)


def _blocks(body: Any, styles: _Styles, numbering: _Numbering) -> Any:
    """The body as a list of items: a list of _Line for a paragraph, ("table", rows of cell lines) for a table."""
    for child in body:
        if child.tag == f"{W}p":
            yield _lines_of(child, styles, numbering)
        elif child.tag == f"{W}tbl":
            rows = []
            for tr in child.iter(f"{W}tr"):
                cells = []
                for tc in tr.findall(f"{W}tc"):
                    cell_lines: list[str] = []
                    for p in tc.iter(f"{W}p"):
                        cell_lines.extend(_paragraph_lines(p))
                    cells.append(cell_lines)
                rows.append(cells)
            yield ("table", rows)
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content, styles, numbering)


def _lines_of(p: Any, styles: _Styles, numbering: _Numbering) -> list[_Line]:
    ppr = p.find(f"{W}pPr")
    style_el = ppr.find(f"{W}pStyle") if ppr is not None else None
    style_id = style_el.get(f"{W}val", "") if style_el is not None else ""
    jc = ppr.find(f"{W}jc") if ppr is not None else None
    if jc is None:
        jc = styles.find(style_id, f"{W}pPr/{W}jc")
    centered = jc is not None and jc.get(f"{W}val") == "center"
    num = ppr.find(f"{W}numPr") if ppr is not None else None
    if num is None:
        num = styles.find(style_id, f"{W}pPr/{W}numPr")
    label, bullet = "", False
    texts = _paragraph_lines(p)
    if num is not None and any(t.strip() for t in texts):
        num_id = num.find(f"{W}numId")
        ilvl = num.find(f"{W}ilvl")
        if num_id is not None:
            label, bullet = numbering.label(num_id.get(f"{W}val", ""), int(ilvl.get(f"{W}val", "0"))
                                            if ilvl is not None else 0)
    bold = _bold(p, styles, style_id)
    level = styles.heading_level(style_id)
    lines = [_Line(t, bold, centered, level, label if i == 0 else "", bullet and i == 0) for i, t in enumerate(texts)]
    if len(texts) == 1 and not bold:
        lines[0].bold_start = _bold_start(p, styles, style_id)
    return lines


def _bold_start(p: Any, styles: _Styles, style_id: str) -> str:
    """The text of the bold runs a paragraph starts with, "" when it does not start bold."""
    style_bold = styles.find(style_id, f"{W}rPr/{W}b") is not None
    out = ""
    for run in p.iter(f"{W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        b = run.find(f"{W}rPr/{W}b")
        bold = style_bold if b is None else b.get(f"{W}val", "true") not in ("0", "false", "off")
        if not bold:
            break
        out += text
    return unicodedata.normalize("NFC", out)


# Reading the text.

class _Reader:
    def __init__(self, blocks: list[Any], what: str) -> None:
        self.blocks = blocks
        self.what = what
        self.not_understood: list[str] = []
        self.tables = 0

    def read(self) -> Reading:
        title_at = self._title_index()
        header = self._header(self.blocks[:title_at] if title_at is not None else [])
        rest = self.blocks[title_at + 1:] if title_at is not None else self.blocks
        title_lines, rest = self._title(rest)
        title_text = " ".join(t.strip() for t in title_lines).strip()
        body, tail = self._split_closing(rest)
        tail, annex = _split_annex(tail)
        signature, recipients = self._closing(tail)
        doc_type_line = " ".join(line.text for line in self.blocks[title_at]).strip() if title_at is not None else ""
        kind, year = _kind_and_year(title_text, header, doc_type_line)
        org_kind = _org_kind(header.issuer)
        lines = self._body_lines(body)
        closing = ""
        if lines and _CLOSING.match(lines[-1].text.strip()):
            closing = lines.pop().text.strip()
        report, headings, paragraphs = self._outline(lines, kind, year, org_kind, header)
        if title_at is None and not any(h.matched for h in headings):
            raise UserError(_("{what} does not look like a report: it has no “BÁO CÁO” title and none of its headings "
                              "is one of a report's sections. Choose last year's report.").format(what=self.what))
        annex_lines = self._body_lines(annex)
        if annex_lines:
            # Annexes after the signature: kept, switched off, for her to move or delete.
            own = sum(1 for h in headings if not h.matched) + 1
            report.sections.append(Section(key=f"rieng_{own}", title=annex_lines[0].text.strip(), enabled=False,
                                           entries=[_entry(line.text.strip(), line) for line in annex_lines[1:]]))
            self.not_understood.append(_("{count} lines after the signature (annexes), kept in a section that is "
                                         "switched off").format(count=len(annex_lines)))
        report.title = _title_for_report(title_text)
        if kind.is_congress:
            # "của Ban Chấp hành …, nhiệm kỳ 2020 - 2025 trình Đại hội …, nhiệm kỳ 2025 - 2030": the term is the
            # first one named. The title is kept as typed, "trình Đại hội …" included (the report then adds no line
            # of its own), unless it is what the app would print.
            term = _TERM_IN_TITLE.search(title_text)
            report.term = f"{term.group(1)} - {term.group(2)}" if term else ""
            typed = report.title
            report.title = ""
            if typed != f"{report.effective_title} {report.congress_line}":
                report.title = typed
        report.signature = signature
        report.recipients = recipients or None
        proposals = _proposals(report, org_kind)
        return Reading(header, title_text, kind, year, headings, report, proposals, self.not_understood,
                       paragraphs, self.tables, signature, recipients, closing)

    def _title_index(self) -> int | None:
        for index, block in enumerate(self.blocks):
            if isinstance(block, list) and block:
                text = " ".join(line.text for line in block).strip()
                if re.fullmatch(r"BÁO\s*CÁO\b.*", text) and text.split("\n")[0].upper() == text.split("\n")[0] \
                        and len(text) < 200:
                    return index
        return None

    def _header(self, blocks: list[Any]) -> Header:
        fragments: list[tuple[int, str]] = []  # (column: 0 left, 1 right, 2 unknown, text)
        for block in blocks:
            if isinstance(block, tuple):
                for row in block[1]:
                    for column, cell in enumerate(row):
                        for line in cell:
                            fragments.extend((min(column, 1), p.strip()) for p in line.split("\t") if p.strip())
            else:
                for line in block:
                    parts = [p.strip() for p in line.text.split("\t") if p.strip()]
                    if len(parts) == 1:
                        fragments.append((2, parts[0]))
                    elif parts:
                        fragments.append((0, parts[0]))
                        fragments.append((1, parts[-1]))
                        fragments.extend((2, p) for p in parts[1:-1])
        header = Header()
        names: list[str] = []
        for column, text in fragments:
            lower = text.lower().strip(" *-")
            if lower.startswith(("cộng hòa xã hội", "cộng hoà xã hội")):
                header.state_format = True
                continue
            if lower in _MOTTOES or lower.startswith(("độc lập", "đảng cộng sản việt nam")):
                continue
            number = _NUMBER.match(text)
            if number and not header.number_text:
                header.number_text = text
                self._number(header, number)
                continue
            found = _DATE_WORDS.search(text) or _DATE_SLASH.search(text)
            if found and not header.date_text:
                header.date_text = text
                header.place = text[:found.start()].strip(" ,")
                day, month, year = found.groups()
                try:
                    header.issued_on = date(int(year), int(month), int(day)) if day and month else None
                except ValueError:
                    header.issued_on = None
                header.year_hint = int(year)
                continue
            if _SEPARATOR.match(text):
                continue
            if text.upper() == text and column != 1:
                names.append(text)
            else:
                self.not_understood.append(text)
        if names:
            if len(names) == 1:
                header.issuer = names[0]
            else:
                header.upper_body = names[0]
                header.issuer = " ".join(names[1:])
        return header

    @staticmethod
    def _number(header: Header, match: re.Match[str]) -> None:
        header.number = int(match.group(1)) if match.group(1) else None
        rest = match.group(2).strip().lstrip("-").strip()
        if "/" in rest:
            left, right = (s.strip() for s in rest.split("/", 1))
            if left:
                header.doc_type, header.code = left.strip("- "), right
            elif "-" in right:
                header.doc_type, header.code = (s.strip() for s in right.split("-", 1))
            else:
                header.code = right
        else:
            header.code = rest

    def _title(self, blocks: list[Any]) -> tuple[list[str], list[Any]]:
        """The trích yếu lines after "BÁO CÁO", up to a separator line or the first paragraph of the body."""
        lines: list[str] = []
        index = 0
        while index < len(blocks) and len(lines) < 4:
            block = blocks[index]
            if isinstance(block, tuple):
                break
            text = " ".join(line.text for line in block).strip()
            if not text:
                index += 1
                if lines:
                    break
                continue
            if _SEPARATOR.match(text):
                index += 1
                break
            line = block[0]
            if _BASIS.match(text) or _PART.match(text) or _ROMAN.match(text) or line.auto_label or line.style_level \
                    or not (line.centered or (line.bold and len(text) < 160)):
                break
            lines.append(text)
            index += 1
        return lines, blocks[index:]

    def _split_closing(self, blocks: list[Any]) -> tuple[list[Any], list[Any]]:
        """The body and what follows it: the Nơi nhận list and the signature, as paragraphs or a table."""
        for index, block in enumerate(blocks):
            if isinstance(block, tuple):
                first = [line for row in block[1][:1] for cell in row for line in cell if line.strip()]
                if any(_RECIPIENTS.match(t.strip()) or _SIGN_START.match(t.strip()) for t in first):
                    return blocks[:index], blocks[index:]
            elif block:
                text = block[0].text.strip()
                parts = [p.strip() for p in text.split("\t") if p.strip()]
                if parts and (_RECIPIENTS.match(parts[0]) or (_SIGN_START.match(parts[-1])
                                                              and parts[-1].upper() == parts[-1])):
                    return blocks[:index], blocks[index:]
        return blocks, []

    def _closing(self, blocks: list[Any]) -> tuple[Signature | None, list[str]]:
        left: list[str] = []
        right: list[str] = []
        for block in blocks:
            if isinstance(block, tuple):
                for row in block[1]:
                    for column, cell in enumerate(row):
                        (left if column == 0 and len(row) > 1 else right).extend(t.strip() for t in cell if t.strip())
            else:
                for line in block:
                    parts = [p.strip() for p in line.text.split("\t") if p.strip()]
                    if not parts:
                        continue
                    if len(parts) > 1:
                        left.append(parts[0])
                        right.append(parts[-1])
                    elif _RECIPIENTS.match(parts[0]) or parts[0].startswith(("-", "+", "•")) or (
                            left and not right):
                        left.append(parts[0])
                    else:
                        right.append(parts[0])
        recipients = []
        for text in left:
            match = _RECIPIENTS.match(text)
            if match:
                text = text[match.end():].strip()
            if text:
                recipients.append(text)
        signature = None
        right = [t for t in right if not re.fullmatch(r"\(?\s*(đã ký|ký tên|ký, ghi rõ họ tên)[^)]*\)?", t,
                                                      re.IGNORECASE)]
        if right:
            authority = right[0] if _SIGN_START.match(right[0]) else ""
            rest = right[1:] if authority else right
            upper = [t for t in rest if t.upper() == t]
            names = [t for t in rest if t.upper() != t]
            signature = Signature(authority=authority, position=" ".join(upper), name=names[-1] if names else "")
            self.not_understood.extend(names[:-1])
        return signature, recipients

    def _body_lines(self, blocks: list[Any]) -> list[_Line]:
        out: list[_Line] = []
        for block in blocks:
            if isinstance(block, tuple):
                self.tables += 1
                rows = block[1]
                for row in rows:
                    cells = [" ".join(t.strip() for t in cell if t.strip()) for cell in row]
                    text = " | ".join(cells).strip(" |")
                    if text:
                        out.append(_Line(text, table=True))
                self.not_understood.append(_("a table of {rows} rows, kept as one paragraph per row")
                                           .format(rows=len(rows)))
            else:
                out.extend(line for line in block if line.text.strip())
        return out

    def _outline(self, lines: list[_Line], kind: ReportKind, year: int, org_kind: OrgKind,
                 header: Header) -> tuple[Report, list[Heading], int]:
        builtin = {s.key: s for root in default_outline(kind, org_kind) for s in root.walk()}
        parents = {c.key: s.key for root in default_outline(kind, org_kind) for s in root.walk() for c in s.children}
        used: set[str] = set()
        roots: list[Section] = []
        stack: list[tuple[int, Section]] = []
        headings: list[Heading] = []
        leading: list[Entry] = []
        basis = ""
        own = 0
        paragraphs = 0
        pending_part: tuple[Heading, Section] | None = None
        for line in lines:
            text = line.text.strip()
            labelled = f"{line.auto_label} {text}" if line.auto_label and not line.auto_bullet else text
            heading = None if line.table else _heading(labelled, line)
            run_in = ""
            if heading is None and line.bold_start.rstrip().endswith(":") and not line.auto_label:
                # A heading with its text on the same line, "3. Công tác kiểm tra, giám sát: Ủy ban Kiểm tra …".
                start = line.bold_start.strip()
                heading = _heading(start, _Line(start, bold=True))
                if heading is not None and heading[0] != "part":
                    labelled, run_in = start, text[len(line.bold_start.lstrip()):].strip()
                else:
                    heading = None
            if pending_part is not None and heading is None and not line.table and text.upper() == text \
                    and len(text) < 200 and not _BULLET.match(text):
                part_heading, part = pending_part
                part.title = _with_year_fields(text, year)
                part_heading.text = f"{part_heading.text} {text}"
                pending_part = None
                continue
            pending_part = None
            if heading is not None:
                numbering, rank, title = heading
                while stack and stack[-1][0] >= rank:
                    stack.pop()
                parent_key = stack[-1][1].key if stack else None
                key, matched, value = self._match(numbering, labelled, title, parent_key, builtin, parents, used)
                if key is None:
                    own += 1
                    key = f"rieng_{own}"
                section = Section(key=key, title=_with_year_fields(title, year) if title else
                                  (builtin[key].title if key in builtin else ""))
                (stack[-1][1].children if stack else roots).append(section)
                stack.append((rank, section))
                record = Heading(labelled, numbering, len(stack) - 1, key, matched, value)
                headings.append(record)
                if numbering == "part" and not title:
                    pending_part = (record, section)
                if run_in:
                    section.entries.append(Entry(run_in))
                    record.paragraphs += 1
                    paragraphs += 1
                continue
            entry = _entry(text, line)
            paragraphs += 1
            if stack:
                stack[-1][1].entries.append(entry)
                next(h for h in reversed(headings) if h.key == stack[-1][1].key).paragraphs += 1
            elif not basis and _BASIS.match(text) and not leading:
                basis = text
            else:
                leading.append(entry)
        if leading:
            if roots:
                first = roots[0]
                while first.children and not first.entries:
                    first = first.children[0]
                first.entries[:0] = leading
            else:
                roots.append(Section(key="rieng_0", title="", entries=leading))
        organisation = Organisation(
            name=header.issuer or _("(organisation not found in the header)"),
            upper_body=header.upper_body, issuer_name=header.issuer, kind=org_kind,
            issuer_code=header.code or ("ĐU" if not header.state_format else ""),
            place=header.place, preset="state" if header.state_format else "party")
        report = Report(organisation=organisation, year=year, kind=kind, number=header.number,
                        doc_type=header.doc_type or "BC", issued_on=header.issued_on, place=header.place,
                        basis=basis, sections=roots, settings=settings_for(organisation.preset))
        return report, headings, paragraphs

    @staticmethod
    def _match(numbering: str, labelled: str, title: str, parent_key: str | None, builtin: dict[str, Section],
               parents: dict[str, str], used: set[str]) -> tuple[str | None, bool, float]:
        if numbering == "part":
            ordinal = _part_ordinal(labelled)
            key = f"phan_{ordinal}" if ordinal else None
            if key in builtin and key not in used:
                used.add(key)
                return key, True, 100.0
        if not title:
            return None, False, 0.0
        free = {k: s.title for k, s in builtin.items() if k not in used and (parent_key is None
                                                                             or not k.startswith("phan_"))}
        # Under a part or section she matched, its own children come first; elsewhere any section may do.
        blocked = _forward_block(parent_key, parents)
        key, value = best_match(title, {k: t for k, t in free.items() if k not in blocked})
        if parent_key is not None:
            # Under a matched section, its own children win unless another section reads strictly closer.
            near_key, near_value = best_match(title, {k: t for k, t in free.items() if parents.get(k) == parent_key})
            if near_key is not None and near_value >= value:
                key, value = near_key, near_value
        if key is not None:
            used.add(key)
            return key, True, value
        return None, False, value


def _split_annex(blocks: list[Any]) -> tuple[list[Any], list[Any]]:
    """The closing blocks and the annexes after them ("Phụ lục 1" and what follows)."""
    for index, block in enumerate(blocks):
        if isinstance(block, list) and block and re.match(r"^PHỤ LỤC\b", block[0].text.strip().upper()):
            return blocks[:index], blocks[index:]
    return blocks, []


def _forward_block(parent_key: str | None, parents: dict[str, str]) -> set[str]:
    """Under the second part's tasks, the areas of work repeat ("1- Xây dựng Đảng về chính trị"): they are her
    own sections there, not the first part's."""
    if parent_key in ("nhiem_vu_giai_phap", "phuong_huong", "chi_tieu", "de_xuat"):
        return set(parents) | {"phan_1", "phan_2"}
    return set()


def _part_ordinal(text: str) -> int | None:
    match = _PART.match(text)
    if not match:
        return None
    return _PART_ORDINALS.get(match.group(2).lower())


def _heading(text: str, line: _Line) -> tuple[str, int, str] | None:
    """(numbering kind, rank, title without its numbering) when the line is a heading; None for text."""
    part = _PART.match(text)
    if part:
        return "part", _RANK["part"], text[part.end():].strip(" :.-–")
    if len(text) > 220 or (text.rstrip().endswith((".", ";", ",")) and not line.style_level):
        return None
    for name, pattern in (("roman", _ROMAN), ("capital", _CAPITAL), ("arabic", _ARABIC), ("letter", _LETTER)):
        match = pattern.match(text)
        if match:
            title = text[match.end():].strip().rstrip(":").strip()
            if name == "capital" and not (line.bold or line.auto_label) and title.upper() != title:
                return None
            if name == "letter" and not (line.bold or len(title) < 80):
                return None
            if name == "arabic" and not (line.bold or line.auto_label or len(title) < 120):
                return None
            if not title:
                return None
            return name, _RANK[name], title
    if line.style_level:
        return f"style{line.style_level}", _RANK[f"style{line.style_level}"], text.rstrip(":").strip()
    return None


def _entry(text: str, line: _Line) -> Entry:
    if line.auto_bullet:
        return Entry(text, EntryKind.SUB_BULLET if line.auto_label == "+" else EntryKind.BULLET)
    sub = _SUB_BULLET.match(text)
    if sub:
        return Entry(text[sub.end():], EntryKind.SUB_BULLET)
    bullet = _BULLET.match(text)
    if bullet:
        return Entry(text[bullet.end():], EntryKind.BULLET)
    if line.auto_label:
        return Entry(f"{line.auto_label} {text}")
    return Entry(text)


def _with_year_fields(title: str, year: int) -> str:
    """Her heading with the report's year as {year} and the next as {next_year}, so it reads right next year."""
    return re.sub(rf"\b{year + 1}\b", "{next_year}", re.sub(rf"\b{year}\b", "{year}", title))


_TERM_IN_TITLE = re.compile(r"nhiệm\s+kỳ\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)


def _kind_and_year(title: str, header: Header, doc_type_line: str = "") -> tuple[ReportKind, int]:
    lower = plain(title)
    genre = plain(doc_type_line)
    if genre.startswith(("bao cao chinh tri", "bao cao kiem diem")):
        # A report to the congress: of the last year of the term it covers (the first term its title names).
        kind = ReportKind.CONGRESS_POLITICAL if "chinh tri" in genre else ReportKind.COMMITTEE_SELF_REVIEW
        term = _TERM_IN_TITLE.search(title)
        if term:
            return kind, int(term.group(2))
        return kind, header.issued_on.year if header.issued_on is not None else header.year_hint or date.today().year
    if "giua nhiem ky" in lower:
        kind = ReportKind.MID_TERM
    elif "6 thang" in lower or "sau thang" in lower:
        kind = ReportKind.SIX_MONTH
    else:
        kind = ReportKind.YEAR_END
    years = [int(y) for y in re.findall(r"\b(20\d\d|19\d\d)\b", title)]
    if kind is ReportKind.MID_TERM and header.issued_on is not None:
        return kind, header.issued_on.year
    if years:
        return kind, years[0]
    if header.issued_on is not None:
        return kind, header.issued_on.year
    return kind, header.year_hint or date.today().year


def _org_kind(issuer: str) -> OrgKind:
    lower = issuer.lower()
    if lower.startswith(("chi bộ", "chi ủy")):
        return OrgKind.CHI_BO_CO_SO
    if lower.startswith(("ban thường vụ", "ban chấp hành")) or re.match(r"^(quận|huyện|thị|thành|tỉnh) ủy", lower):
        return OrgKind.DANG_BO_CAP_TREN
    return OrgKind.DANG_BO_CO_SO


def _title_for_report(title: str) -> str:
    """The trích yếu as the report keeps it: lower-case start, as printed under "BÁO CÁO"."""
    title = title.strip()
    if title.upper() == title:
        return ""  # an upper-case title line ("BÁO CÁO TỔNG KẾT …") leaves the conventional trích yếu
    return title


def _proposals(report: Report, org_kind: OrgKind) -> list[Proposal]:
    out: list[Proposal] = []
    six = report.kind is ReportKind.SIX_MONTH
    for section in report.walk_sections():
        for entry in section.entries:
            out.extend(Proposal(claim.field, claim.value, entry.text[claim.start:claim.end], section.key)
                       for claim in find_claims(entry.text, report.year, whole_body=org_kind.has_sub_units,
                                                six_month=six))
    return out


def apply_figures(report: Report, proposals: list[Proposal]) -> list[str]:
    """Fill report.stats with the proposed figures she accepted; a field proposed with two different values is
    left alone. Returns the fields left alone."""
    values: dict[str, set[int]] = {}
    for proposal in proposals:
        values.setdefault(proposal.field, set()).add(proposal.value)
    conflicts = []
    for path, found in values.items():
        if len(found) > 1:
            conflicts.append(path)
            continue
        target: Any = report
        parts = path.split(".")
        for part in parts[:-1]:
            target = getattr(target, part)
        setattr(target, parts[-1], next(iter(found)))
    return conflicts
