"""Reports typed by hand in Word, written with python-docx at test time, each with what a reader should find in it.

They differ the way the reports offices send differ: the header in a borderless table or as tab-aligned text,
typed or automatic (numbering.xml) numbering, "I-" or "I." or "PHẦN I", tables in the body, sections left out,
stray empty paragraphs, manual line breaks, a state-format report, a chi bộ's, a six-month one and an older one.
The wording comes from published news reports of year-end conferences and the report-content spec, section 6.

`python -m tests.importers.word_fixtures DIR` writes them to DIR for a look in Word or LibreOffice.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

# (level, heading as typed without its number, the section it means or None for her own, paragraphs)
# level: 0 part, 1 "I-", 2 "1-", 3 "a)". A paragraph "- x" is a bullet, "+ x" a sub-bullet.
Outline = list[tuple[int, str, str | None, list[str]]]

YEAR_END: Outline = [
    (0, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025", "phan_1", []),
    (1, "ĐẶC ĐIỂM TÌNH HÌNH", "dac_diem", [
        "Đảng bộ có 13 chi bộ trực thuộc với 98 đảng viên (92 đảng viên chính thức, 06 đảng viên dự bị); "
        "đảng viên nữ chiếm 41,8%.",
        "Bên cạnh thuận lợi, Đảng bộ gặp không ít khó khăn do phần lớn cấp ủy viên hoạt động kiêm nhiệm."]),
    (1, "LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ", "nhiem_vu_chinh_tri", [
        "- 100% cơ quan, đơn vị trong Đảng bộ hoàn thành tốt nhiệm vụ chuyên môn năm 2025, trong đó 03 đơn vị hoàn "
        "thành xuất sắc.",
        "- Nghị quyết của chi bộ được cụ thể hóa bằng kế hoạch công tác của cơ quan, phân công rõ người, rõ việc, "
        "rõ thời hạn."]),
    (1, "CÔNG TÁC XÂY DỰNG ĐẢNG", "xay_dung_dang", []),
    (2, "Công tác xây dựng Đảng về chính trị", "chinh_tri", [
        "Đảng ủy tổ chức học tập, quán triệt 05 nghị quyết, chỉ thị của Trung ương và cấp trên; 96/98 đảng viên "
        "tham gia, đạt 98,0%."]),
    (2, "Công tác tư tưởng", "tu_tuong", [
        "13/13 chi bộ xây dựng kế hoạch thực hiện chủ đề năm 2025 gắn với nhiệm vụ chuyên môn của cơ quan, đơn vị.",
        "Trong năm, không có đảng viên có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống."]),
    (2, "Công tác tổ chức, cán bộ và đảng viên", "to_chuc_can_bo", [
        "- Các chi bộ duy trì sinh hoạt định kỳ đủ 12/12 kỳ và sinh hoạt chuyên đề ít nhất 01 lần mỗi quý.",
        "- Đảng bộ kết nạp 04 đảng viên mới, đạt 200% chỉ tiêu; công nhận đảng viên chính thức cho 03 đồng chí.",
        "+ Về tổ chức đảng: 02 chi bộ hoàn thành xuất sắc nhiệm vụ (15,4%), 11 chi bộ hoàn thành tốt nhiệm vụ "
        "(84,6%).",
        "+ Về đảng viên: 13 đồng chí hoàn thành xuất sắc nhiệm vụ (13,3%), 84 đồng chí hoàn thành tốt nhiệm vụ "
        "(85,7%)."]),
    (2, "Công tác kiểm tra, giám sát và thi hành kỷ luật đảng", "kiem_tra", [
        "Ủy ban Kiểm tra Đảng ủy kiểm tra việc thu, nộp đảng phí tại 13/13 chi bộ; trong năm không phát sinh đơn "
        "thư tố cáo, khiếu nại.",
        "Thi hành kỷ luật 01 đảng viên bằng hình thức khiển trách."]),
    (2, "Công tác dân vận", "dan_van", [
        "Các chi bộ phối hợp với các đoàn thể vận động đóng góp Quỹ “Vì người nghèo” được 25.500.000 đồng."]),
    (1, "LÃNH ĐẠO CHÍNH QUYỀN, MẶT TRẬN VÀ CÁC ĐOÀN THỂ", "doan_the", [
        "Công đoàn cơ sở, Chi đoàn và Chi hội Phụ nữ được cấp trên đánh giá hoàn thành tốt nhiệm vụ; các đoàn thể "
        "giới thiệu 05 quần chúng ưu tú cho Đảng xem xét, bồi dưỡng."]),
    (1, "ĐÁNH GIÁ CHUNG", "danh_gia", []),
    (2, "Ưu điểm", "uu_diem", ["Đảng bộ giữ vững đoàn kết, thống nhất; các chi bộ thực hiện tốt nhiệm vụ."]),
    (2, "Hạn chế, khuyết điểm", "han_che", [
        "Chất lượng sinh hoạt chi bộ ở một số nơi chưa cao, nội dung còn thiên về công tác chuyên môn."]),
    (2, "Nguyên nhân", "nguyen_nhan", []),
    (3, "Nguyên nhân khách quan", "nguyen_nhan_khach_quan", [
        "Khối lượng công việc chuyên môn lớn, nhiều đảng viên kiêm nhiệm."]),
    (3, "Nguyên nhân chủ quan", "nguyen_nhan_chu_quan", [
        "Một số cấp ủy viên chưa dành thời gian thỏa đáng cho công tác đảng."]),
    (2, "Bài học kinh nghiệm", "bai_hoc", [
        "Giữ vững đoàn kết trong cấp ủy, phát huy vai trò nêu gương của người đứng đầu."]),
    (0, "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "phan_2", []),
    (1, "PHƯƠNG HƯỚNG CHUNG", "phuong_huong", [
        "Năm 2026, Đảng bộ tiếp tục nâng cao năng lực lãnh đạo và sức chiến đấu, phấn đấu hoàn thành tốt nhiệm "
        "vụ trở lên."]),
    (1, "CÁC CHỈ TIÊU CHỦ YẾU", "chi_tieu", [
        "- 100% đảng viên được học tập, quán triệt các nghị quyết, chỉ thị của Đảng.",
        "- Kết nạp ít nhất 03 đảng viên mới."]),
    (1, "NHIỆM VỤ VÀ GIẢI PHÁP", "nhiem_vu_giai_phap", []),
    (2, "Xây dựng Đảng về chính trị, tư tưởng", None, [
        "Tiếp tục học tập, quán triệt các nghị quyết, chỉ thị của Đảng đến 100% đảng viên."]),
    (2, "Công tác kiểm tra, giám sát", None, [
        "Thực hiện tốt chương trình kiểm tra, giám sát năm 2026."]),
    (1, "ĐỀ XUẤT, KIẾN NGHỊ", "de_xuat", [
        "Đề nghị Ban Thường vụ Đảng ủy cấp trên mở lớp bồi dưỡng nghiệp vụ công tác đảng cho bí thư, phó bí thư "
        "chi bộ."]),
]
YEAR_END_FIGURES = {("stats.membership.admitted", 4), ("stats.ratings.organisations.excellent", 2),
                    ("stats.ratings.organisations.good", 11), ("stats.ratings.members.excellent", 13),
                    ("stats.ratings.members.good", 84), ("stats.units", 13), ("stats.membership.closing_total", 98),
                    ("stats.membership.closing_official", 92), ("stats.membership.closing_probationary", 6),
                    ("stats.party_life.resolutions_studied", 5), ("stats.party_life.study_participants", 96),
                    ("stats.party_life.study_members", 98), ("stats.party_life.theme_plan_units", 13),
                    ("stats.membership.recognised_official", 3), ("stats.discipline.members.total", 1)}

CHI_BO: Outline = [
    (1, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025", "phan_1", []),
    (2, "Đặc điểm tình hình", "dac_diem", [
        "Chi bộ có 29 đảng viên, trong đó 27 đảng viên chính thức, 02 đảng viên dự bị."]),
    (2, "Lãnh đạo thực hiện nhiệm vụ chính trị", "nhiem_vu_chinh_tri", [
        "Chi bộ lãnh đạo nhà trường hoàn thành kế hoạch năm học; tỷ lệ học sinh lên lớp đạt 98,5%."]),
    (2, "Công tác xây dựng Đảng", "xay_dung_dang", [
        "- Chi bộ duy trì sinh hoạt định kỳ 12/12 kỳ, sinh hoạt chuyên đề 04 lần.",
        "- Chi bộ kết nạp 02 đảng viên mới.",
        "- Chi bộ tự đánh giá, xếp loại mức “Hoàn thành tốt nhiệm vụ”, đề nghị Đảng ủy xem xét, quyết định."]),
    (2, "Lãnh đạo các đoàn thể", "doan_the", [
        "Công đoàn, Chi đoàn hoạt động đúng điều lệ, tổ chức tốt các phong trào thi đua."]),
    (2, "Hạn chế", "han_che", ["Việc nắm tình hình tư tưởng đảng viên có lúc chưa kịp thời."]),
    (1, "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "phan_2", [
        "Phấn đấu chi bộ hoàn thành tốt nhiệm vụ; kết nạp ít nhất 01 đảng viên mới."]),
]
CHI_BO_FIGURES = {("stats.membership.closing_total", 29), ("stats.membership.admitted", 2),
                  ("stats.membership.closing_probationary", 2), ("stats.membership.closing_official", 27),
                  ("stats.party_life.meetings_held", 12), ("stats.party_life.meetings_required", 12),
                  ("stats.party_life.thematic_meetings", 4)}

SIX_MONTH: Outline = [
    (0, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2025", "phan_1", []),
    (1, "Công tác chính trị, tư tưởng", "tu_tuong", [
        "Trong 6 tháng đầu năm, Đảng ủy tổ chức quán triệt 03 chuyên đề cho cán bộ, đảng viên."]),
    (1, "Công tác tổ chức, cán bộ", "to_chuc_can_bo", [
        "Trong 6 tháng đầu năm, Đảng bộ kết nạp 02 đảng viên, đạt 50% chỉ tiêu cả năm."]),
    (1, "Công tác kiểm tra, giám sát", "kiem_tra", [
        "Ủy ban Kiểm tra Đảng ủy giám sát chuyên đề 02 chi bộ theo kế hoạch."]),
    (1, "Tồn tại, hạn chế", "han_che", ["Một số chi bộ sinh hoạt chưa đúng thời gian quy định."]),
    (0, "NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2025", "phan_2", []),
    (1, "Nhiệm vụ, giải pháp trọng tâm", "nhiem_vu_giai_phap", [
        "- Chuẩn bị tốt cho công tác đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên cuối năm.",
        "- Tiếp tục bồi dưỡng quần chúng ưu tú, kết nạp đảng viên mới."]),
]
SIX_MONTH_FIGURES = {("stats.membership.admitted", 2)}

OLDER: Outline = [
    (1, "ĐẶC ĐIỂM TÌNH HÌNH CHUNG", "dac_diem", [
        "Đảng bộ có 11 chi bộ trực thuộc, 176 đảng viên; Đảng bộ được sự quan tâm, chỉ đạo sâu sát của Thường "
        "trực Quận ủy, Ban Thường vụ Quận ủy."]),
    (1, "KẾT QUẢ LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ", "nhiem_vu_chinh_tri", [
        "Các chi bộ phối hợp với thủ trưởng lãnh đạo cơ quan, đơn vị thực hiện tốt các chức năng, nhiệm vụ của "
        "mình."]),
    (1, "XÂY DỰNG ĐẢNG BỘ TRONG SẠCH, VỮNG MẠNH", "xay_dung_dang", []),
    (2, "Công tác giáo dục chính trị, tư tưởng", "tu_tuong", [
        "Tăng cường công tác giáo dục chính trị tư tưởng kịp thời và hiệu quả, đảm bảo đúng định hướng."]),
    (2, "Công tác tổ chức cán bộ, đảng viên", "to_chuc_can_bo", [
        "Trong năm, Đảng bộ kết nạp 05 đảng viên; 02 chi bộ đạt trong sạch, vững mạnh."]),
    (2, "Công tác kiểm tra, giám sát", "kiem_tra", [
        "Công tác kiểm tra giám sát được thực hiện thường xuyên."]),
    (1, "NHẬN XÉT, ĐÁNH GIÁ CHUNG", "danh_gia", [
        "Do các đồng chí Đảng ủy viên đều là kiêm nhiệm nên việc tập trung cho công tác Đảng ủy còn hạn chế."]),
    (1, "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2018", "phan_2", [
        "Tăng cường công tác giáo dục chính trị tư tưởng; sắp xếp tạo điều kiện đưa cán bộ, đảng viên học các lớp "
        "chính trị theo kế hoạch."]),
]
# In 2017 "trong sạch, vững mạnh" was the top rating of a chi bộ.
OLDER_FIGURES = {("stats.membership.admitted", 5), ("stats.units", 11), ("stats.membership.closing_total", 176),
                 ("stats.ratings.organisations.excellent", 2)}

STATE: Outline = [
    (0, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025", "phan_1", []),
    (1, "Đặc điểm, tình hình", "dac_diem", [
        "Năm 2025, Ủy ban nhân dân phường triển khai nhiệm vụ trong điều kiện còn nhiều khó khăn."]),
    (1, "Kết quả thực hiện nhiệm vụ chính trị", "nhiem_vu_chinh_tri", [
        "- Thu ngân sách đạt 105% dự toán.",
        "- Giải quyết 1.462 hồ sơ hành chính đúng hạn."]),
    (1, "Đánh giá chung", "danh_gia", []),
    (2, "Kết quả đạt được", "uu_diem", ["Các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch."]),
    (2, "Tồn tại, hạn chế", "han_che", ["Công tác cải cách hành chính có mặt còn chậm."]),
    (0, "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "phan_2", []),
    (1, "Nhiệm vụ, giải pháp", "nhiem_vu_giai_phap", ["Đẩy mạnh cải cách hành chính, chuyển đổi số."]),
    (1, "Kiến nghị, đề xuất", "de_xuat", ["Đề nghị Ủy ban nhân dân quận hỗ trợ kinh phí sửa chữa trụ sở."]),
]


@dataclass
class Spec:
    """One hand-typed report: how it is typed, and what it says."""

    name: str
    outline: Outline
    figures: set[tuple[str, int]] = field(default_factory=set)
    title: tuple[str, ...] = ("tổng kết công tác xây dựng Đảng năm 2025,", "phương hướng, nhiệm vụ năm 2026")
    kind: str = "year_end"
    year: int = 2025
    upper_body: str = "ĐẢNG BỘ QUẬN 9"
    issuer: str = "ĐẢNG ỦY CƠ QUAN ĐẢNG - ĐOÀN THỂ"
    number_text: str = "Số 25-BC/ĐU"
    number: int | None = 25
    code: str = "ĐU"
    date_text: str = "Quận 9, ngày 14 tháng 12 năm 2025"
    place: str = "Quận 9"
    header: str = "table"            # "table" or "tabs"
    numbering: str = "dash"          # "dash" (I-, 1-), "dot" (I., 1.), "auto" (numbering.xml), "phan" (PHẦN I)
    parts: str = "ordinal"           # "ordinal": "Phần thứ nhất" on its own line; "inline": "Phần thứ nhất: X"
    state: bool = False
    basis: str = ("Thực hiện Hướng dẫn số 45-HD/ĐU, ngày 10/11/2025 của Ban Thường vụ Đảng ủy về tổng kết công tác "
                  "xây dựng Đảng năm 2025, Đảng ủy báo cáo kết quả thực hiện nhiệm vụ năm 2025 như sau:")
    body_table: bool = False
    empty_paragraphs: bool = False
    line_breaks: bool = False
    auto_bullets: bool = False
    signature: str = "table"         # "table" or "tabs"
    authority: str = "T/M ĐẢNG ỦY"
    position: str = "BÍ THƯ"
    signer: str = "Nguyễn Văn An"
    recipients: tuple[str, ...] = ("- Ban Thường vụ Quận ủy (để báo cáo),", "- Các chi bộ trực thuộc,",
                                   "- Lưu Văn phòng Đảng ủy.")


SPECS: list[Spec] = [
    Spec("01_table_dash", YEAR_END, YEAR_END_FIGURES),
    Spec("02_tabs_dot", YEAR_END, YEAR_END_FIGURES, header="tabs", numbering="dot", signature="tabs",
         number_text="Số : 10/ BCTK", number=10, code="BCTK"),
    Spec("03_auto_numbering", YEAR_END, YEAR_END_FIGURES, numbering="auto", auto_bullets=True),
    Spec("04_body_table", YEAR_END, YEAR_END_FIGURES, body_table=True, date_text="Quận 9, ngày 05/12/2025"),
    Spec("05_empty_paragraphs", YEAR_END, YEAR_END_FIGURES, empty_paragraphs=True, header="tabs"),
    Spec("06_line_breaks", YEAR_END, YEAR_END_FIGURES, line_breaks=True, parts="inline"),
    Spec("07_missing_parts", [s for s in YEAR_END if s[2] not in {"dan_van", "danh_gia", "uu_diem", "han_che",
                                                                   "nguyen_nhan", "nguyen_nhan_khach_quan",
                                                                   "nguyen_nhan_chu_quan", "bai_hoc", "chi_tieu"}],
         YEAR_END_FIGURES, basis="", recipients=()),
    Spec("08_state_format", STATE, set(), state=True, upper_body="UBND QUẬN 9", issuer="ỦY BAN NHÂN DÂN PHƯỜNG 5",
         number_text="Số: 25/BC-UBND", number=25, code="UBND", numbering="phan", header="tabs",
         title=("Kết quả thực hiện nhiệm vụ năm 2025,", "phương hướng, nhiệm vụ năm 2026"),
         basis="", authority="TM. ỦY BAN NHÂN DÂN", position="CHỦ TỊCH",
         recipients=("- UBND quận;", "- Lưu: VT.")),
    Spec("09_chi_bo", CHI_BO, CHI_BO_FIGURES, upper_body="ĐẢNG BỘ PHƯỜNG 5", issuer="CHI BỘ TRƯỜNG TIỂU HỌC AN BÌNH",
         number_text="Số 03-BC/CB", number=3, code="CB", authority="T/M CHI BỘ", basis="",
         recipients=("- Đảng ủy phường (để báo cáo),", "- Đảng viên trong chi bộ,", "- Lưu Chi bộ.")),
    Spec("10_six_month", SIX_MONTH, SIX_MONTH_FIGURES, kind="six_month",
         title=("sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2025,", "nhiệm vụ trọng tâm 6 tháng cuối năm 2025"),
         date_text="Quận 9, ngày 20 tháng 6 năm 2025", numbering="dot", auto_bullets=True),
    Spec("11_older_2017", OLDER, OLDER_FIGURES, year=2017, title=("tổng kết công tác Đảng năm 2017,",
                                                                 "phương hướng, nhiệm vụ năm 2018"),
         date_text="Quận 9, ngày 14 tháng 12 năm 2017", header="tabs", signature="tabs"),
    Spec("12_auto_dot_tabs", YEAR_END, YEAR_END_FIGURES, numbering="auto", header="tabs", line_breaks=True,
         empty_paragraphs=True, number_text="Số    -BC/ĐU", number=None, date_text="Quận 9, ngày   tháng 12 năm 2025"),
]

_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_ORDINALS = ["thứ nhất", "thứ hai", "thứ ba"]
_AUTO_NUM_ID = 90
_BULLET_NUM_ID = 91


def _auto_numbering(document) -> None:
    """numbering.xml lists for headings (I. / 1. / a)) and "-" bullets, as Word writes them."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate((("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"))))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_AUTO_NUM_ID}">{levels}'
                                  f'</w:abstractNum>'))
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_BULLET_NUM_ID}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        f'<w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl></w:abstractNum>'))
    for num_id in (_AUTO_NUM_ID, _BULLET_NUM_ID):
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/>'
                                   f'</w:num>'))


def _numbered(paragraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
                         f'</w:numPr>'))


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>' + "".join(
        f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))


def _cell_lines(cell, lines: list[tuple[str, bool]]) -> None:
    first = True
    for text, bold in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold


def _heading_label(spec: Spec, level: int, counters: list[int]) -> str:
    counters[level] += 1
    for deeper in range(level + 1, 4):
        counters[deeper] = 0
    if level == 0:
        return "" if spec.numbering == "phan" else f"Phần {_ORDINALS[counters[0] - 1]}"
    if level == 1:
        return f"{_ROMANS[counters[1] - 1]}{'-' if spec.numbering == 'dash' else '.'} "
    if level == 2:
        return f"{counters[2]}{'-' if spec.numbering == 'dash' else '.'} "
    return f"{'abcdefgh'[counters[3] - 1]}) "


def build(spec: Spec, path: Path) -> Path:
    """Write spec's report as a .docx at path."""
    document = Document()
    if spec.numbering == "auto" or spec.auto_bullets:
        _auto_numbering(document)
    motto = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc") if spec.state else \
        ("ĐẢNG CỘNG SẢN VIỆT NAM", "")
    if spec.header == "table":
        table = document.add_table(rows=1, cols=2)
        _no_borders(table)
        _cell_lines(table.cell(0, 0), [(spec.upper_body, False), (spec.issuer, True), ("*", False),
                                       (spec.number_text, False)])
        _cell_lines(table.cell(0, 1), [(motto[0], True), *([(motto[1], True)] if motto[1] else []),
                                       ("", False), (spec.date_text, False)])
    else:
        document.add_paragraph(f"{spec.upper_body}\t\t{motto[0]}")
        document.add_paragraph(f"{spec.issuer}\t\t{motto[1]}" if motto[1] else spec.issuer).runs[0].bold = True
        document.add_paragraph("*" if not spec.state else "-------")
        document.add_paragraph(f"{spec.number_text}\t\t{spec.date_text}")
    if spec.empty_paragraphs:
        document.add_paragraph("")
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("BÁO CÁO").bold = True
    for line in spec.title:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).bold = True
    document.add_paragraph("-----").alignment = WD_ALIGN_PARAGRAPH.CENTER
    if spec.basis:
        document.add_paragraph(spec.basis)
    counters = [0, 0, 0, 0]
    parts = 0
    for index, (level, heading, _key, paragraphs) in enumerate(spec.outline):
        if spec.empty_paragraphs and index % 3 == 0:
            document.add_paragraph("   ")
        if level == 0:
            parts += 1
            label = _heading_label(spec, 0, counters)
            if spec.numbering == "phan":
                p = document.add_paragraph()
                p.add_run(f"PHẦN {_ROMANS[parts - 1]}. {heading}").bold = True
            elif spec.parts == "inline":
                p = document.add_paragraph()
                p.add_run(f"{label}: {heading}").bold = True
            else:
                p = document.add_paragraph()
                p.add_run(label[0].upper() + label[1:]).bold = True
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p = document.add_paragraph()
                p.add_run(heading).bold = True
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p = document.add_paragraph()
            if spec.numbering == "auto":
                _numbered(p, _AUTO_NUM_ID, level - 1)
                p.add_run(heading).bold = True
            else:
                label = _heading_label(spec, min(level, 3), counters)
                p.add_run(label + heading).bold = True
        texts = list(paragraphs)
        if spec.line_breaks and len(texts) >= 2 and not any(t.startswith(("-", "+")) for t in texts):
            p = document.add_paragraph()
            for i, text in enumerate(texts):
                run = p.add_run(text)
                if i < len(texts) - 1:
                    run.add_break()
            texts = []
        for text in texts:
            if spec.auto_bullets and text.startswith(("- ", "+ ")):
                p = document.add_paragraph(text[2:])
                _numbered(p, _BULLET_NUM_ID, 0 if text.startswith("-") else 1)
            else:
                document.add_paragraph(text)
        if spec.body_table and _key == "to_chuc_can_bo":
            rows = [("Nội dung", "Số lượng"), ("Đảng viên đầu năm", "94"), ("Kết nạp", "04"),
                    ("Đảng viên cuối năm", "98")]
            table = document.add_table(rows=len(rows), cols=2)
            table.style = "Table Grid"
            for r, (a, b) in enumerate(rows):
                table.cell(r, 0).text, table.cell(r, 1).text = a, b
    document.add_paragraph(f"Trên đây là báo cáo {' '.join(spec.title).rstrip(',')} của "
                           f"{spec.issuer.capitalize()}.")
    recipients = ["Nơi nhận:", *spec.recipients] if spec.recipients else []
    signer = [spec.authority, spec.position, "", "", spec.signer]
    if spec.signature == "table":
        table = document.add_table(rows=1, cols=2)
        _no_borders(table)
        cell = table.cell(0, 0)
        for i, text in enumerate(recipients or [""]):
            (cell.paragraphs[0] if i == 0 else cell.add_paragraph()).add_run(text)
        _cell_lines(table.cell(0, 1), [(t, t.upper() == t) for t in signer])
    else:
        for i in range(max(len(recipients), len(signer))):
            left = recipients[i] if i < len(recipients) else ""
            right = signer[i] if i < len(signer) else ""
            document.add_paragraph(f"{left}\t\t{right}" if right else left)
    document.save(path)
    return path


def _bold_line(document, text: str, *, centred: bool = False):
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def build_commune(path: Path) -> Path:
    """A commune's report laid out unlike the twelve above, written after the reader without changing them:
    "PHẦN THỨ NHẤT:" on one line, "A."/"B." sections, "1." headings ending in ":" with their text on the same
    line, "•" bullets, an opening "Căn cứ …", the signature as tab-aligned lines."""
    d = Document()
    for t in ["HUYỆN ỦY BÌNH CHÁNH\t\tĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ AN PHÚ TÂY", "*",
              "Số: 112-BC/ĐU\t\tAn Phú Tây, ngày 10 tháng 01 năm 2024"]:
        d.add_paragraph(t)
    _bold_line(d, "BÁO CÁO", centred=True)
    _bold_line(d, "Tổng kết công tác xây dựng Đảng và hệ thống chính trị năm 2023; phương hướng, nhiệm vụ năm 2024",
               centred=True)
    d.add_paragraph("Căn cứ Hướng dẫn số 12-HD/HU của Ban Thường vụ Huyện ủy, Đảng ủy xã báo cáo như sau:")
    _bold_line(d, "PHẦN THỨ NHẤT: KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023")
    _bold_line(d, "A. LĨNH VỰC KINH TẾ - XÃ HỘI")
    d.add_paragraph("Tổng giá trị sản xuất tăng 8,5% so với cùng kỳ.")
    _bold_line(d, "B. CÔNG TÁC XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ")
    _bold_line(d, "1. Công tác chính trị tư tưởng:")
    d.add_paragraph("Đảng ủy tổ chức quán triệt 04 nghị quyết cho 100% cán bộ, đảng viên.")
    _bold_line(d, "2. Công tác tổ chức xây dựng Đảng")
    d.add_paragraph("Trong năm, kết nạp 07 đảng viên mới; Đảng bộ hiện có 312 đảng viên sinh hoạt tại 21 chi bộ.")
    _bold_line(d, "3. Công tác kiểm tra, giám sát: ").add_run("Ủy ban Kiểm tra Đảng ủy kiểm tra 05 tổ chức đảng.")
    _bold_line(d, "4. Công tác dân vận và hoạt động của Mặt trận, đoàn thể")
    d.add_paragraph("• Mặt trận và các đoàn thể vận động xây dựng 03 căn nhà tình nghĩa.")
    _bold_line(d, "II. NHỮNG HẠN CHẾ, YẾU KÉM VÀ NGUYÊN NHÂN")
    d.add_paragraph("Công tác phát triển đảng viên trong thanh niên còn chậm.")
    _bold_line(d, "PHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024")
    _bold_line(d, "I. Mục tiêu")
    d.add_paragraph("Xây dựng Đảng bộ trong sạch, vững mạnh.")
    _bold_line(d, "II. Chỉ tiêu")
    d.add_paragraph("1. Kết nạp từ 08 đảng viên trở lên.")
    d.add_paragraph("2. 100% chi bộ hoàn thành tốt nhiệm vụ trở lên.")
    _bold_line(d, "III. Giải pháp")
    d.add_paragraph("Nâng cao chất lượng sinh hoạt chi bộ.")
    d.add_paragraph("Nơi nhận:\t\tT/M ĐẢNG ỦY")
    d.add_paragraph("- Ban Thường vụ Huyện ủy,\t\tBÍ THƯ")
    d.add_paragraph("- Lưu.")
    d.add_paragraph("\t\tLê Văn Tám")
    d.save(path)
    return path


# The headings of build_commune and the section each means (None: her own).
COMMUNE_HEADINGS = [("PHẦN THỨ NHẤT", "phan_1"), ("A. LĨNH VỰC KINH TẾ", None), ("B. CÔNG TÁC XÂY DỰNG ĐẢNG",
                    "xay_dung_dang"), ("1. Công tác chính trị tư tưởng", "tu_tuong"),
                    ("2. Công tác tổ chức xây dựng Đảng", "to_chuc_can_bo"), ("3. Công tác kiểm tra", "kiem_tra"),
                    ("4. Công tác dân vận và hoạt động", None), ("II. NHỮNG HẠN CHẾ", "han_che"),
                    ("PHẦN THỨ HAI", "phan_2"), ("I. Mục tiêu", "phuong_huong"), ("II. Chỉ tiêu", "chi_tieu"),
                    ("III. Giải pháp", "nhiem_vu_giai_phap")]


def expected_paragraphs(spec: Spec) -> list[str]:
    """The text of every paragraph under a heading, as a reader should recover it (without "- "/"+ ")."""
    out = [spec.basis] if spec.basis else []
    for _level, _heading, _key, paragraphs in spec.outline:
        out.extend(t[2:] if t.startswith(("- ", "+ ")) else t for t in paragraphs)
    return out


def expected_headings(spec: Spec) -> list[tuple[str, str | None]]:
    return [(heading, key) for _level, heading, key, _p in spec.outline]


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for one in SPECS:
        print(build(one, folder / f"{one.name}.docx"))
