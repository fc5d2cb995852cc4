"""A realistic DocumentModel built by hand from the demo report, for the writer's tests and benchmark."""

from __future__ import annotations

from app.domain.demo import demo_report
from app.domain.outline import filled_title
from app.domain.report import EntryKind, Section
from app.render.model import Block, BlockKind, DocumentModel, Table

_ENTRY_BLOCKS = {
    EntryKind.PARAGRAPH: BlockKind.PARAGRAPH,
    EntryKind.BULLET: BlockKind.BULLET,
    EntryKind.SUB_BULLET: BlockKind.SUB_BULLET,
}
_PART_LABELS = ("Phần thứ nhất", "Phần thứ hai")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

MEMBERSHIP_TABLE = Table(
    title="Biểu 1. Biến động đảng viên năm 2026",
    header=["TT", "Nội dung", "Số lượng", "Tỷ lệ"],
    rows=[
        ["1", "Đảng viên đầu năm", "94", "100%"],
        ["2", "Kết nạp mới", "04", "4,3%"],
        ["3", "Chuyển đến", "02", "2,1%"],
        ["4", "Chuyển đi", "01", "1,1%"],
        ["5", "Từ trần", "01", "1,1%"],
        ["", "Đảng viên cuối năm", "98", "104,3%"],
    ],
    numeric=frozenset({2, 3}),
    widths=[1, 6, 2, 2],
    bold_rows=frozenset({5}),
)

RATINGS_TABLE = Table(
    header=["TT", "Mức xếp loại", "Tổ chức đảng", "Đảng viên"],
    rows=[
        ["1", "Hoàn thành xuất sắc nhiệm vụ", "02 (15,4%)", "13 (13,3%)"],
        ["2", "Hoàn thành tốt nhiệm vụ", "11 (84,6%)", "84 (85,7%)"],
        ["3", "Hoàn thành nhiệm vụ", "0", "01 (1,0%)"],
        ["4", "Không hoàn thành nhiệm vụ", "0", "0"],
    ],
    numeric=frozenset({2, 3}),
    widths=[1, 5, 3, 3],
)


def _section_blocks(section: Section, level: int, number: int) -> list[Block]:
    if level == 1:
        heading = Block(BlockKind.HEADING1, f"{_ROMAN[number]}- {section.title}")
    elif level == 2:
        heading = Block(BlockKind.HEADING2, f"{number + 1}- {section.title}")
    else:
        heading = Block(BlockKind.HEADING3, f"{'abcdefgh'[number]}) {section.title}")
    blocks = [heading]
    blocks += [Block(_ENTRY_BLOCKS[e.kind], e.text) for e in section.entries]
    if section.key == "to_chuc_can_bo":
        blocks.append(Block(BlockKind.TABLE, table=MEMBERSHIP_TABLE))
        blocks.append(Block(BlockKind.PARAGRAPH, "Về tổ chức đảng: 02 chi bộ hoàn thành xuất sắc nhiệm vụ (15,4%), "
                                                 "11 chi bộ hoàn thành tốt nhiệm vụ (84,6%)."))
        blocks.append(Block(BlockKind.TABLE, table=RATINGS_TABLE))
    for index, child in enumerate(section.children):
        blocks += _section_blocks(child, level + 1, index)
    return blocks


def sample_body(repeat: int = 1) -> list[Block]:
    """The demo report's parts and sections as blocks, repeated to lengthen the document; ends with the closing."""
    report = demo_report()
    body = [Block(BlockKind.PARAGRAPH, report.basis)]
    for _ in range(repeat):
        for label, part in zip(_PART_LABELS, report.sections, strict=True):
            body.append(Block(BlockKind.PART_LABEL, label))
            body.append(Block(BlockKind.PART_TITLE, filled_title(part.title, report.period)))
            for index, section in enumerate(part.children):
                body += _section_blocks(section, 1, index)
    body.append(Block(BlockKind.CLOSING, "Trên đây là báo cáo tổng kết công tác xây dựng Đảng năm 2026, phương hướng, "
                                         "nhiệm vụ năm 2027 của Đảng ủy Trường Cao đẳng Kỹ thuật Công nghiệp."))
    return body


def sample_model(repeat: int = 1, *, end_mark: bool = False) -> DocumentModel:
    """A complete Party year-end report: every block kind, two tables, signature and recipients."""
    org = demo_report().organisation
    return DocumentModel(
        party_title="ĐẢNG CỘNG SẢN VIỆT NAM",
        upper_body=org.upper_body,
        issuer_name=org.issuer_name,
        number_line="Số 25-BC/ĐU",
        place_date="Thái Nguyên, ngày 15 tháng 12 năm 2026",
        doc_type_name="BÁO CÁO",
        title="tổng kết công tác xây dựng Đảng năm 2026, phương hướng, nhiệm vụ năm 2027",
        body=sample_body(repeat),
        authority=org.signature.authority,
        position=org.signature.position,
        signer_name=org.signature.name,
        recipients=list(org.recipients),
        end_mark=end_mark,
    )
