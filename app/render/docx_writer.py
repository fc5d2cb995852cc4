"""DocumentModel → .docx by Hướng dẫn 36-HD/VPTW (or the preset's rules), with only the named styles of the reference.

The body is built as raw WordprocessingML with lxml (no python-docx proxy objects per paragraph or
cell): a 15-page report builds and saves in about 10 ms (tests/perf/bench_export.py). Formatting comes from the
paragraph styles; direct formatting is limited to what depends on the content: column widths, the
indents that make the line under the party title as long as the title, and bold total rows.
"""

from __future__ import annotations

import copy
import io
import math
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from app import APP_DISPLAY_NAME
from app.fileio import write_with
from app.render.docx_data import embed
from app.render.layout import Layout, load_layout
from app.render.model import BLOCK_STYLES, BULLET_PREFIXES, Annex, Block, BlockKind, DocumentModel, Table
from app.render.reference import REQUIRED_STYLES, STYLE_NAMES, apply_page, house_style, reference_path
from app.render.text import clean, document_number_hyphens, keep_ranges_together, text_width_pt

_TWIPS_PER_MM = 1440 / 25.4

_P, _PPR, _PSTYLE, _IND, _R, _RPR, _T = (qn(t) for t in ("w:p", "w:pPr", "w:pStyle", "w:ind", "w:r", "w:rPr", "w:t"))
_B, _VAL, _W, _TYPE = (qn(t) for t in ("w:b", "w:val", "w:w", "w:type"))
_TBL, _TBLPR, _TBLGRID, _GRIDCOL = (qn(t) for t in ("w:tbl", "w:tblPr", "w:tblGrid", "w:gridCol"))
_TR, _TRPR, _TC, _TCPR, _TCW, _VALIGN = (qn(t) for t in ("w:tr", "w:trPr", "w:tc", "w:tcPr", "w:tcW", "w:vAlign"))
_CANTSPLIT, _TBLHEADER = qn("w:cantSplit"), qn("w:tblHeader")
_KEEP_NEXT = qn("w:keepNext")
_BR, _PAGE_BREAK_BEFORE, _NO_BREAK_HYPHEN = qn("w:br"), qn("w:pageBreakBefore"), qn("w:noBreakHyphen")
# A table of up to this many rows (header aside) never splits across pages; a longer one repeats its header.
KEEP_TOGETHER_ROWS = 8
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SubElement = etree.SubElement


def build_document(model: DocumentModel, layout: Layout | None = None, *, reference: Path | None = None,
                   now: datetime | None = None) -> Document:
    """The report as a python-docx Document built on a reference .docx.

    layout: the preset's layout, possibly adjusted to the report's settings (default: the Party preset).
    reference: an office's own reference .docx (checked by app.render.lint beforehand); None for the built-in
    one of the layout's preset. Only its look is taken (reference.house_style); the page set-up always comes from
    the layout.
    now: the time the file is made, its created and modified dates (default: the current time).
    """
    layout = layout or load_layout()
    if reference is None:
        data = _file_bytes(reference_path(layout.meta.preset))
    else:  # only the look of an office's file is taken: never its text, pictures or links (see house_style)
        data = house_style(Path(reference), layout.meta.preset).data
    document = docx.Document(io.BytesIO(data))
    _Writer(document, layout).write(model)
    _set_properties(document, model, layout, now or datetime.now(UTC))
    return document


def write_docx(model: DocumentModel, path: Path, layout: Layout | None = None, *,
               reference: Path | None = None, now: datetime | None = None, data: str | None = None) -> None:
    """Write the report to path atomically: an error leaves any existing file untouched.

    now: the export time the file's properties record (default: the current time).
    data: the report's interchange JSON, carried inside the file as a custom XML part (app.render.docx_data);
    None writes no data part.
    """
    document = build_document(model, layout, reference=reference, now=now)
    if data is not None:
        embed(document, data)
    write_with(Path(path), document.save)


_APP_PROPERTIES = "/docProps/app.xml"
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def _set_properties(document: Document, model: DocumentModel, layout: Layout, now: datetime) -> None:
    """File → Properties as the issuer's own file shows them: author the issuer, title the trích yếu, dates now.

    Whatever the reference .docx carried (a library's name, its 2013 dates, another office's author) is replaced.
    """
    issuer = _property_text(model.issuer_name)
    now = now.astimezone(UTC).replace(microsecond=0, tzinfo=None)  # python-docx writes naive times as UTC
    props = document.core_properties
    props.author = props.last_modified_by = issuer
    props.title = _property_text(model.title)
    props.subject = _property_text(model.doc_type_name).capitalize()
    props.created = props.modified = now
    props.comments = props.keywords = props.category = props.content_status = ""
    props.identifier = props.version = ""
    props.revision = 1
    props.language = layout.font.language
    for part in document.part.package.iter_parts():
        if part.partname == _APP_PROPERTIES:
            part._blob = _app_properties()  # a generic part: python-docx models no app.xml


_PROPERTY_LIMIT = 255  # characters python-docx (and Word's Properties dialog) accept in one property


def _property_text(text: str) -> str:
    """text on one line, cut with an ellipsis to what a document property may hold."""
    text = " ".join(clean(text).split())
    return text if len(text) <= _PROPERTY_LIMIT else text[:_PROPERTY_LIMIT - 1] + "…"


def _app_properties() -> bytes:
    """docProps/app.xml naming this program, without the stale page and word counts of the empty reference file."""
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap={None: _EXTENDED})
    for tag, value in (("Template", "Normal.dotm"), ("TotalTime", "0"), ("Application", APP_DISPLAY_NAME),
                       ("DocSecurity", "0"), ("ScaleCrop", "false"), ("LinksUpToDate", "false"),
                       ("SharedDoc", "false"), ("HyperlinksChanged", "false")):
        _SubElement(root, f"{{{_EXTENDED}}}{tag}").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _file_bytes(path: Path) -> bytes:
    stat = path.stat()
    return _cached_bytes(str(path), stat.st_mtime_ns, stat.st_size)


@cache
def _cached_bytes(path: str, _mtime_ns: int, _size: int) -> bytes:
    # The built-in references; keyed by time and size too, so that a regenerated file is read again.
    return Path(path).read_bytes()


def _twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)


def _split(total: int, weights: Sequence[float]) -> list[int]:
    """total twips shared in proportion to weights, the rounding put in the last column so the sum is exact."""
    scale = sum(weights)
    widths = [round(total * w / scale) for w in weights[:-1]]
    return [*widths, total - sum(widths)]


def _indent(p: etree._Element, left: int, right: int) -> None:
    """Set the left and right indents of paragraph p, in twips (negative values count as 0)."""
    # w:ind comes after w:pStyle and w:spacing, the only properties the writer sets before it.
    _SubElement(p[0], _IND, {qn("w:left"): str(max(0, left)), qn("w:right"): str(max(0, right))})


def _line_content(r: etree._Element, line: str) -> None:
    """Append line to run r as text, each hyphen of a document number ("30-QĐ/TW") a w:noBreakHyphen.

    Word and LibreOffice both keep a w:noBreakHyphen with its neighbours and print it as the font's own hyphen;
    the character U+2011 would not do: Liberation Serif, the Times New Roman twin LibreOffice prints with, lacks it.
    """
    start = 0
    for hyphen in [*document_number_hyphens(line), len(line)]:
        if hyphen > start:
            _SubElement(r, _T, {_XML_SPACE: "preserve"}).text = line[start:hyphen]
        if hyphen < len(line):
            _SubElement(r, _NO_BREAK_HYPHEN)
        start = hyphen + 1


def _with_end_mark(text: str, mark: str) -> str:
    """ "… năm 2026." becomes "… năm 2026./.": the mark's leading full stop is the sentence's own."""
    text = text.rstrip()
    if mark.startswith("."):
        text = text.removesuffix(".")
    return text + mark


class _Writer:
    """Appends one report to a document freshly opened from the reference .docx."""

    def __init__(self, document: Document, layout: Layout) -> None:
        self.document = document
        self.layout = layout
        self.style_ids = _style_ids(document)
        self.text_width = _twips(layout.page.text_width_mm)
        # The paragraph that ends the portrait section when appendices follow on landscape pages.
        self.section_break: etree._Element | None = None
        self._apply_line_spacing()

    def write(self, model: DocumentModel) -> None:
        """Lay out the first-page block, title, body, signature block and appendices, then the page set-up."""
        body = self.document.element.body
        sect_pr = body.sectPr
        body.remove(sect_pr)
        self._header_block(body, model)
        self._title_block(body, model)
        self._body(body, model.body, model.end_mark)
        self._signature_block(body, model)
        if model.annexes:
            self._annexes(body, model.annexes)
        body.append(sect_pr)
        self._page_setup()

    def _apply_line_spacing(self) -> None:
        """Give the document's styles the line spacing a report chose where it differs from the preset's."""
        base = load_layout(self.layout.meta.preset).styles
        for key, style in self.layout.styles.items():
            if (style.line_rule, style.line_spacing) == (base[key].line_rule, base[key].line_spacing):
                continue
            fmt = self.document.styles[STYLE_NAMES[key]].paragraph_format
            if style.line_rule == "multiple":
                fmt.line_spacing = style.line_spacing
            else:
                fmt.line_spacing = Pt(style.line_spacing)
                fmt.line_spacing_rule = (WD_LINE_SPACING.EXACTLY if style.line_rule == "exact"
                                         else WD_LINE_SPACING.AT_LEAST)

    # Paragraph-level helpers.

    def _paragraph(self, parent: etree._Element, key: str, text: str = "", *, bold: bool = False,
                   space_before_pt: float | None = None, keep_with_next: bool = False) -> etree._Element:
        """Append a paragraph in the style key holding text; bold, space before and keep with next are direct.

        A line feed in text becomes a line break within the paragraph.
        """
        p = _SubElement(parent, _P)
        p_pr = _SubElement(p, _PPR)
        _SubElement(p_pr, _PSTYLE, {_VAL: self.style_ids[key]})
        if keep_with_next:
            _SubElement(p_pr, _KEEP_NEXT)
        if space_before_pt is not None:
            _SubElement(p_pr, qn("w:spacing"), {qn("w:before"): str(round(space_before_pt * 20))})
        if text:
            r = _SubElement(p, _R)
            if bold:
                _SubElement(_SubElement(r, _RPR), _B)
            for index, line in enumerate(keep_ranges_together(clean(text)).split("\n")):
                if index:
                    _SubElement(r, _BR)
                _line_content(r, line)
        return p

    def _rule(self, parent: etree._Element, key: str, length: int, space: int) -> etree._Element:
        """An empty paragraph in a rule style, indented so that its bottom border is length twips long, centred."""
        rule = self._paragraph(parent, key)
        # The rule styles have no indents of their own: these make the line exactly as long as wanted.
        margin = (space - min(length, space)) // 2
        _indent(rule, margin, margin)
        return rule

    # The first page.

    def _header_block(self, body: etree._Element, model: DocumentModel) -> None:
        """Borderless table: issuer left, title (and motto) right; number and date share the last row.

        Under the issuer goes the preset's star, or a line part as long as the name; under the title (or the
        motto, when there is one) a line exactly as long as that text.
        """
        header = self.layout.header
        widths = _split(self.text_width, (header.left_width_pct, header.right_width_pct))
        table = self._table(body, widths, borders=None, cell_margin_mm=header.cell_margin_mm)
        left, right = self._row(table, widths, cant_split=True)
        left_width = widths[0] - _twips(2 * header.cell_margin_mm)
        right_width = widths[1] - _twips(2 * header.cell_margin_mm)
        if model.upper_body:
            self._balanced_paragraph(left, "upper_body", model.upper_body, left_width)
        issuer_line = self._balanced_paragraph(left, "issuer", model.issuer_name, left_width)
        if header.star:
            self._paragraph(left, "star", header.star)
        if header.issuer_rule_pct:
            self._rule(left, "party_title_rule", round(issuer_line * header.issuer_rule_pct / 100), left_width)
        self._paragraph(right, "party_title", model.party_title)
        ruled = ("party_title", model.party_title)
        if model.motto:
            self._paragraph(right, "motto", model.motto)
            ruled = ("motto", model.motto)
        self._rule(right, "party_title_rule", self._width(*ruled), right_width)
        left, right = self._row(table, widths, cant_split=True)
        self._paragraph(left, "number", model.number_line)
        self._paragraph(right, "place_date", model.place_date)

    def _width(self, key: str, text: str) -> int:
        """Width in twips of the longest line of text in the style key."""
        style = self.layout.styles[key]
        lines = clean(text).split("\n")
        return max(round(text_width_pt(line.upper() if style.caps else line, style.size_pt, bold=style.bold) * 20)
                   for line in lines)

    def _title_block(self, body: etree._Element, model: DocumentModel) -> None:
        """ "BÁO CÁO", the trích yếu in balanced lines (then a congress report's "trình Đại hội …" line), and under
        them the separator and/or the preset's line."""
        self._paragraph(body, "doc_type", model.doc_type_name)
        line = self._balanced_paragraph(body, "title", model.title, self.text_width)
        if model.congress_line:
            line = max(line, self._balanced_paragraph(body, "title", model.congress_line, self.text_width))
        if model.title_separator:
            self._paragraph(body, "title_separator", model.title_separator)
        if self.layout.title.rule_pct:
            self._rule(body, "title_rule", round(line * self.layout.title.rule_pct / 100), self.text_width)

    def _balanced_paragraph(self, parent: etree._Element, key: str, text: str, space: int) -> int:
        """A centred paragraph, indented when too long for space (twips) so that its lines come out equally long.

        Returns the width of its longest line, in twips (about the average line when it wraps).
        """
        p = self._paragraph(parent, key, text)
        style = self.layout.styles[key]
        left, right = _twips(style.left_indent_mm), _twips(style.right_indent_mm)
        available = space - left - right
        width = self._width(key, text)
        if width <= available or "\n" in text:
            return min(width, available)
        lines = math.ceil(width / available)
        # A line one word longer than the average never pushes a word onto an extra line.
        # Split at plain spaces only: the no-break spaces of a range keep it one word, as printed.
        longest_word = max(self._width(key, word) for word in keep_ranges_together(text).split(" ") if word)
        extra = (available - min(available, math.ceil(width / lines) + longest_word)) // 2
        _indent(p, left + extra, right + extra)
        return math.ceil(width / lines)

    # The body.

    def _body(self, body: etree._Element, blocks: list[Block], end_mark: bool) -> None:
        """One paragraph per text block and a grid per table; the end mark closes the last text block."""
        last = len(blocks) - 1
        # The paragraph after a table gets its space before from the layout; None: not after a table.
        gap: float | None = None
        for index, block in enumerate(blocks):
            if block.kind is BlockKind.TABLE:
                if block.table is None:
                    raise ValueError(f"body block {index} is a table without table data")
                if gap is not None and not block.table.title:
                    # Word merges two tables that touch: keep them apart.
                    self._paragraph(body, "paragraph")
                self._data_table(body, block.table)
                gap = self.layout.table.space_after_pt
                continue
            text = BULLET_PREFIXES.get(block.kind, "") + block.text
            if end_mark and index == last:
                text = _with_end_mark(text, self.layout.end_mark.text)
            self._paragraph(body, BLOCK_STYLES[block.kind], text, space_before_pt=gap)
            gap = None
        if end_mark and (not blocks or blocks[-1].kind is BlockKind.TABLE):
            self._paragraph(body, "paragraph", self.layout.end_mark.text, space_before_pt=gap)

    def _data_table(self, body: etree._Element, data: Table, width: int | None = None) -> None:
        """A single-line grid as wide as width (twips; the text width); header row bold, centred and repeated
        on each page; rows never split, and a table of up to KEEP_TOGETHER_ROWS rows stays on one page."""
        settings = self.layout.table
        columns = len(data.header)
        if data.widths is not None and len(data.widths) != columns:
            raise ValueError(f"table has {columns} columns but {len(data.widths)} widths")
        if data.title:
            self._paragraph(body, "table_caption", data.title)
        widths = _split(width or self.text_width, data.widths or [1.0] * columns)
        table = self._table(body, widths, borders=settings.border_pt, cell_margin_mm=settings.cell_margin_mm)
        v_align = settings.vertical_align
        cells = self._row(table, widths, cant_split=settings.rows_cant_split, repeat=settings.repeat_header,
                          v_align=v_align)
        # A short table prints whole: every row keeps with the next, as Word's own "keep with next" does it.
        keep = len(data.rows) <= KEEP_TOGETHER_ROWS
        for cell, text in zip(cells, data.header, strict=True):
            self._paragraph(cell, "table_header", text, keep_with_next=keep and bool(data.rows))
        styles = ["table_number" if c in data.numeric else "table_text" for c in range(columns)]
        for index, row in enumerate(data.rows):
            if len(row) > columns:
                raise ValueError(f"table row {index} has {len(row)} cells but the header has {columns}")
            bold = index in data.bold_rows
            cells = self._row(table, widths, cant_split=settings.rows_cant_split, v_align=v_align)
            for cell, key, text in zip(cells, styles, [*row, *[""] * (columns - len(row))], strict=True):
                self._paragraph(cell, key, text, bold=bold, keep_with_next=keep and index < len(data.rows) - 1)

    # The end.

    def _signature_block(self, body: etree._Element, model: DocumentModel) -> None:
        """Borderless one-row table: "Nơi nhận:" and the recipients left, the signature right."""
        signature = self.layout.signature
        widths = _split(self.text_width, (signature.left_width_pct, signature.right_width_pct))
        table = self._table(body, widths, borders=None, cell_margin_mm=signature.cell_margin_mm)
        left, right = self._row(table, widths, cant_split=True)
        self._paragraph(left, "recipients_label", model.recipients_label)
        for recipient in model.recipients:
            self._paragraph(left, "recipient", recipient)
        if model.authority:
            self._paragraph(right, "sign_authority", model.authority)
        if model.position:
            self._paragraph(right, "sign_position", model.position)
        for _ in range(signature.blank_lines):
            self._paragraph(right, "sign_space")
        self._paragraph(right, "sign_name", model.signer_name)

    # Appendices.

    def _annexes(self, body: etree._Element, annexes: list[Annex]) -> None:
        """A section break, then each appendix from the top of a page: label, title, note and its table."""
        self.section_break = self._paragraph(body, "normal")
        page = self.layout.page
        width = _twips(page.height_mm if self.layout.annex.landscape else page.width_mm) - _twips(
            page.margin_left_mm + page.margin_right_mm)
        for index, annex in enumerate(annexes):
            label = self._paragraph(body, "annex_label", annex.label)
            if index:
                # w:pageBreakBefore follows w:pStyle (and the keep properties, never set on an annex label).
                label[0].insert(1, etree.Element(_PAGE_BREAK_BEFORE))
            self._paragraph(body, "annex_title", annex.title)
            if annex.note:
                self._paragraph(body, "annex_note", annex.note)
            self._data_table(body, annex.table, width)

    # Tables.

    def _table(self, parent: etree._Element, widths: Sequence[int], *, borders: float | None,
               cell_margin_mm: float) -> etree._Element:
        """An empty fixed-layout table; borders is the grid line weight in pt, None for no lines."""
        tbl = _SubElement(parent, _TBL)
        tbl_pr = _SubElement(tbl, _TBLPR)
        _SubElement(tbl_pr, qn("w:tblW"), {_W: str(sum(widths)), _TYPE: "dxa"})
        _SubElement(tbl_pr, qn("w:jc"), {_VAL: "center"})
        edges = _SubElement(tbl_pr, qn("w:tblBorders"))
        line = {_VAL: "nil"} if borders is None else {
            _VAL: "single", qn("w:sz"): str(round(borders * 8)), qn("w:space"): "0", qn("w:color"): "000000"}
        for edge in ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"):
            _SubElement(edges, qn(edge), line)
        _SubElement(tbl_pr, qn("w:tblLayout"), {_TYPE: "fixed"})
        margins = _SubElement(tbl_pr, qn("w:tblCellMar"))
        margin = str(_twips(cell_margin_mm))
        for side, side_margin in (("w:top", "0"), ("w:left", margin), ("w:bottom", "0"), ("w:right", margin)):
            _SubElement(margins, qn(side), {_W: side_margin, _TYPE: "dxa"})
        grid = _SubElement(tbl, _TBLGRID)
        # LibreOffice ignores the cell widths unless the grid columns are set too.
        for width in widths:
            _SubElement(grid, _GRIDCOL, {_W: str(width)})
        return tbl

    def _row(self, tbl: etree._Element, widths: Iterable[int], *, cant_split: bool, repeat: bool = False,
             v_align: str = "top") -> list[etree._Element]:
        """Append a row to tbl and return its empty cells, one per width."""
        tr = _SubElement(tbl, _TR)
        if cant_split or repeat:
            tr_pr = _SubElement(tr, _TRPR)
            if cant_split:
                _SubElement(tr_pr, _CANTSPLIT)
            if repeat:
                _SubElement(tr_pr, _TBLHEADER)
        cells = []
        for width in widths:
            tc = _SubElement(tr, _TC)
            tc_pr = _SubElement(tc, _TCPR)
            _SubElement(tc_pr, _TCW, {_W: str(width), _TYPE: "dxa"})
            _SubElement(tc_pr, _VALIGN, {_VAL: v_align})
            cells.append(tc)
        return cells

    # Page set-up.

    def _page_setup(self) -> None:
        """A4 and margins from the layout; the page number centred in the header, blank on page 1.

        With appendices, the report's section ends at the section break and the appendices get a section
        of their own (landscape when the layout says so) that keeps the same header and numbering.
        """
        section = self.document.sections[-1]
        apply_page(section, self.layout)
        header = section.header
        header.is_linked_to_previous = False
        self._replace_content(header.part.element, page_field=True)
        if not self.layout.page_number.on_first_page:
            first = section.first_page_header
            first.is_linked_to_previous = False
            self._replace_content(first.part.element, page_field=False)
        if self.section_break is None:
            return
        body_sect_pr = self.document.element.body.sectPr
        self.section_break[0].append(copy.deepcopy(body_sect_pr))
        annexes = self.document.sections[-1]
        apply_page(annexes, self.layout, landscape=self.layout.annex.landscape)
        # No header references of its own: the section shows the report's header, page number included.
        for reference in body_sect_pr.findall(qn("w:headerReference")) + body_sect_pr.findall(qn("w:footerReference")):
            body_sect_pr.remove(reference)

    def _replace_content(self, hdr: etree._Element, *, page_field: bool) -> None:
        """Empty a header part and put in one page-number paragraph, with a PAGE field when page_field."""
        for child in list(hdr):
            hdr.remove(child)
        p = self._paragraph(hdr, "page_number")
        if not page_field:
            return
        self._field_char(p, "begin")
        _SubElement(_SubElement(p, _R), qn("w:instrText"), {_XML_SPACE: "preserve"}).text = " PAGE "
        self._field_char(p, "separate")
        # Only a placeholder: Word and LibreOffice compute PAGE afresh on every page.
        _SubElement(_SubElement(p, _R), _T).text = "2"
        self._field_char(p, "end")

    @staticmethod
    def _field_char(p: etree._Element, kind: str) -> None:
        _SubElement(_SubElement(p, _R), qn("w:fldChar"), {qn("w:fldCharType"): kind})


def _style_ids(document: Document) -> dict[str, str]:
    """Layout style key → style id in the document's styles part; every REQUIRED_STYLES name must be there."""
    by_name = {
        style.find(qn("w:name")).get(_VAL): style.get(qn("w:styleId"))
        for style in document.styles.element.iterchildren(qn("w:style"))
    }
    missing = [name for name in REQUIRED_STYLES if name not in by_name]
    if missing:
        raise LookupError(f"the reference document lacks the styles {', '.join(missing)}: "
                          "run `python -m app.render.reference`")
    return {key: by_name[name] for key, name in STYLE_NAMES.items()}
