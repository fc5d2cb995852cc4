"""The document as a list of typed blocks: what the .docx writer (and the GUI preview) lays out.

It is built from a Report by render/compose.py and holds only text: no formatting decisions
beyond the kind of each block. Layout values live in templates/layouts/<preset>.toml.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class BlockKind(enum.StrEnum):
    PART_LABEL = "part_label"      # "Phần thứ nhất", centred, bold
    PART_TITLE = "part_title"      # the part's title in UPPER, centred, bold
    HEADING1 = "heading1"          # "I- ĐẶC ĐIỂM TÌNH HÌNH"
    HEADING2 = "heading2"          # "1- Công tác chính trị, tư tưởng"
    HEADING3 = "heading3"          # "a) Nguyên nhân khách quan"
    PARAGRAPH = "paragraph"        # justified body text with a first-line indent
    BULLET = "bullet"              # "- …"
    SUB_BULLET = "sub_bullet"      # "+ …"
    TABLE = "table"                # a statistics table
    CLOSING = "closing"            # "Trên đây là báo cáo …": kept with the signature block


# Layout style key (templates/layouts/*.toml [styles.*]) of each text block.
BLOCK_STYLES: dict[BlockKind, str] = {
    BlockKind.PART_LABEL: "part_label",
    BlockKind.PART_TITLE: "part_title",
    BlockKind.HEADING1: "heading1",
    BlockKind.HEADING2: "heading2",
    BlockKind.HEADING3: "heading3",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.BULLET: "bullet",
    BlockKind.SUB_BULLET: "sub_bullet",
    BlockKind.CLOSING: "closing",
}
# The writers add the list marks: the model's bullet texts carry none.
BULLET_PREFIXES: dict[BlockKind, str] = {BlockKind.BULLET: "- ", BlockKind.SUB_BULLET: "+ "}

HEADINGS = (BlockKind.PART_LABEL, BlockKind.PART_TITLE, BlockKind.HEADING1, BlockKind.HEADING2, BlockKind.HEADING3)


@dataclass(slots=True)
class Table:
    """A statistics table: a "TT" column first, a bold centred header row, numbers right-aligned.

    numeric: indexes of the columns to right-align. widths: relative column widths (any unit);
    the writer scales them to the text width. bold_rows: rows (0-based, header excluded) printed bold,
    such as a total line.
    """

    header: list[str]
    rows: list[list[str]]
    title: str = ""
    numeric: frozenset[int] = frozenset()
    widths: list[float] | None = None
    bold_rows: frozenset[int] = frozenset()


@dataclass(slots=True)
class Block:
    """One printed block. section: the outline key of the section it belongs to ("" before the first)."""

    kind: BlockKind
    text: str = ""
    table: Table | None = None
    section: str = ""


@dataclass(slots=True)
class Annex:
    """One appendix after the signature, on a page of its own: "Phụ lục 1", its title, a note, its table."""

    label: str
    title: str
    table: Table
    note: str = ""


@dataclass(slots=True)
class DocumentModel:
    """Everything printed, in reading order, for one report.

    party_title: the top-right title, "ĐẢNG CỘNG SẢN VIỆT NAM" or the Quốc hiệu of the preset.
    motto: the tiêu ngữ under it ("Độc lập - Tự do - Hạnh phúc"), "" for Party documents.
    number_line: "Số 25-BC/ĐU" or "Số      -BC/ĐU" for a draft; "Số: 25/BC-UBND" for state documents.
    place_date: "Thái Nguyên, ngày 15 tháng 12 năm 2026"; a draft without a date leaves blanks.
    title: the trích yếu, starting lower-case for Party documents.
    congress_line: under the trích yếu of a report to a congress, "trình Đại hội …, nhiệm kỳ 2025 - 2030"; "" else.
    authority: "T/M ĐẢNG ỦY"; one line per line of text ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH").
    annexes: the appendices, printed after the signature on pages of their own.
    """

    party_title: str
    upper_body: str
    issuer_name: str
    number_line: str
    place_date: str
    doc_type_name: str
    title: str
    body: list[Block] = field(default_factory=list)
    authority: str = ""
    position: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)
    end_mark: bool = False
    recipients_label: str = "Nơi nhận:"
    title_separator: str = "-----"
    motto: str = ""
    annexes: list[Annex] = field(default_factory=list)
    congress_line: str = ""
