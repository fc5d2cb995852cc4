"""DocumentModel → HTML laid out like the A4 page, for the live preview (Qt rich text subset of HTML/CSS)."""

from __future__ import annotations

from html import escape

from app.render.layout import Layout, TextStyle, load_layout
from app.render.model import BLOCK_STYLES, BULLET_PREFIXES, Block, BlockKind, DocumentModel, Table
from app.render.text import clean, keep_ranges_together

_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "justify"}
PX_PER_MM = 96 / 25.4


def _css(style: TextStyle) -> str:
    parts = [
        f"font-size:{style.size_pt:g}pt",
        f"text-align:{_ALIGN.get(style.align, 'left')}",
        f"margin-top:{style.space_before_pt:g}pt",
        f"margin-bottom:{style.space_after_pt:g}pt",
    ]
    if style.bold:
        parts.append("font-weight:bold")
    if style.italic:
        parts.append("font-style:italic")
    if style.underline:
        parts.append("text-decoration:underline")
    if style.first_line_indent_mm:
        parts.append(f"text-indent:{style.first_line_indent_mm * PX_PER_MM:.0f}px")
    if style.left_indent_mm:
        parts.append(f"margin-left:{style.left_indent_mm * PX_PER_MM:.0f}px")
    if style.line_rule in ("exact", "at_least") and style.line_spacing:
        parts.append(f"line-height:{style.line_spacing * 96 / 72:.0f}px")
    return ";".join(parts)


class _Writer:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.css = {name: _css(style) for name, style in layout.styles.items()}
        self.out: list[str] = []
        self.sections: set[str] = set()
        self.pending_anchor = ""  # given to the next paragraph written

    def p(self, style: str, text: str, *, anchor: str = "", underline: bool = False) -> None:
        caps = self.layout.styles[style].caps
        text = keep_ranges_together(clean(text))
        body = escape(text.upper() if caps else text)
        if underline and body:
            body = f'<span style="text-decoration:underline">{body}</span>'
        anchors = [a for a in (self.pending_anchor, anchor) if a]
        self.pending_anchor = ""
        name = "".join(f'<a name="{escape(a)}"></a>' for a in anchors)
        self.out.append(f'<p style="{self.css[style]}">{name}{body or "&nbsp;"}</p>')

    def rule(self, width_pct: float) -> None:
        """A short centred line, as under a state issuer's name or trích yếu."""
        self.out.append(f'<hr width="{width_pct:.0f}%" align="center"/>')

    def table(self, table: Table) -> None:
        if table.title:
            self.p("table_caption", table.title)
        widths = table.widths or [1.0] * len(table.header)
        total = sum(widths)
        head = "".join(
            f'<th width="{w / total * 100:.0f}%" style="{self.css["table_header"]}">{escape(clean(h))}</th>'
            for h, w in zip(table.header, widths, strict=True)
        )
        rows = []
        for r, row in enumerate(table.rows):
            cells = []
            for c, value in enumerate(row):
                style = self.css["table_number" if c in table.numeric else "table_text"]
                if r in table.bold_rows:
                    style += ";font-weight:bold"
                cells.append(f'<td style="{style}">{escape(clean(value))}</td>')
            rows.append(f"<tr>{''.join(cells)}</tr>")
        self.out.append(
            '<table width="100%" border="1" cellspacing="0" cellpadding="3" '
            f'style="border-collapse:collapse;border-color:#000">'
            f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>"
        )

    def block(self, index: int, block: Block) -> None:
        if block.section and block.section not in self.sections:
            # The first paragraph of a section carries its anchor, so the preview can scroll to the section.
            self.sections.add(block.section)
            self.pending_anchor = section_anchor(block.section)
        if block.kind is BlockKind.TABLE and block.table is not None:
            if self.pending_anchor and not block.table.title:
                self.out.append(f'<p><a name="{escape(self.pending_anchor)}"></a></p>')
                self.pending_anchor = ""
            self.table(block.table)
            return
        self.p(BLOCK_STYLES[block.kind], BULLET_PREFIXES.get(block.kind, "") + block.text, anchor=f"b{index}")


def section_anchor(key: str) -> str:
    """The name of the anchor before the first block of the section with outline key key."""
    return f"section-{key}"


def to_html(model: DocumentModel, layout: Layout | None = None) -> str:
    """The whole document as one HTML page; block i carries the anchor "b<i>" to scroll to.

    The first block of each section is preceded by the anchor section_anchor(its key) ("section-dac_diem").

    It follows the same preset as the .docx: the top-right title with its motto and line, the star or the line
    under the issuer, the separator or line under the title, and the appendices after the signature.
    """
    layout = layout or load_layout()
    header = layout.header
    w = _Writer(layout)
    w.out.append(
        f'<html><body style="font-family:\'{layout.font.name}\',\'Liberation Serif\',serif;color:#000">'
    )
    left, right = header.left_width_pct, header.right_width_pct
    w.out.append(f'<table width="100%" cellspacing="0" cellpadding="0"><tr><td width="{left}%" valign="top">')
    if model.upper_body:
        w.p("upper_body", model.upper_body)
    w.p("issuer", model.issuer_name)
    if header.star:
        w.p("star", header.star)
    if header.issuer_rule_pct:
        w.rule(header.issuer_rule_pct)
    w.out.append(f'</td><td width="{right}%" valign="top">')
    # The line under the title (or the motto) is drawn as an underline of that text.
    if model.motto:
        w.p("party_title", model.party_title)
        w.p("motto", model.motto, underline=True)
    else:
        w.p("party_title", model.party_title, underline=True)
    # A second row, as in the .docx, keeps the number and the date on one line however the names wrap.
    w.out.append(f'</td></tr><tr><td width="{left}%" valign="top">')
    w.p("number", model.number_line)
    w.out.append(f'</td><td width="{right}%" valign="top">')
    w.p("place_date", model.place_date)
    w.out.append("</td></tr></table>")
    w.p("doc_type", model.doc_type_name)
    w.p("title", model.title)
    if model.congress_line:
        w.p("title", model.congress_line)
    if model.title_separator:
        w.p("title_separator", model.title_separator)
    if layout.title.rule_pct:
        w.rule(layout.title.rule_pct)
    for index, block in enumerate(model.body):
        w.block(index, block)
    if model.end_mark:
        w.p("paragraph", layout.end_mark.text)
    sl, sr = layout.signature.left_width_pct, layout.signature.right_width_pct
    w.out.append(f'<table width="100%" cellspacing="0" cellpadding="0"><tr><td width="{sl}%" valign="top">')
    w.p("recipients_label", model.recipients_label)
    for line in model.recipients:
        w.p("recipient", line)
    w.out.append(f'</td><td width="{sr}%" valign="top">')
    for line in model.authority.splitlines() or [""]:
        w.p("sign_authority", line)
    w.p("sign_position", model.position)
    for _ in range(layout.signature.blank_lines):
        w.p("sign_space", "")
    w.p("sign_name", model.signer_name)
    w.out.append("</td></tr></table>")
    for annex in model.annexes:
        w.out.append("<hr/>")
        w.p("annex_label", annex.label)
        w.p("annex_title", annex.title)
        if annex.note:
            w.p("annex_note", annex.note)
        w.table(annex.table)
    w.out.append("</body></html>")
    return "".join(w.out)
