"""Which built-in section a typed heading means: the wordings offices use for each, and a tolerant comparison.

A heading is compared without accents, case, punctuation or its numbering ("1- Công tác xây dựng Đảng về chính
trị:" reads as "cong tac xay dung dang ve chinh tri"), against the built-in title and the variants below, by
rapidfuzz's token-set ratio; the best match at or above MATCH_SCORE wins, others become her own sections.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

MATCH_SCORE = 86

# Wordings seen in reports for each built-in section, besides its own title (app/domain/outline.py).
VARIANTS: dict[str, tuple[str, ...]] = {
    # The parts, when a chi bộ's or an older report numbers them "I-", "II-" (years are left out of a comparison).
    "phan_1": ("Kết quả thực hiện nhiệm vụ năm", "Kết quả thực hiện nhiệm vụ", "Tình hình và kết quả thực hiện "
               "nhiệm vụ năm", "Kết quả thực hiện nhiệm vụ 6 tháng đầu năm", "Kết quả nửa đầu nhiệm kỳ"),
    "phan_2": ("Phương hướng, nhiệm vụ năm", "Phương hướng, nhiệm vụ", "Phương hướng, nhiệm vụ trọng tâm năm",
               "Nhiệm vụ trọng tâm 6 tháng cuối năm", "Nhiệm vụ, giải pháp nửa nhiệm kỳ còn lại"),
    "dac_diem": ("Đặc điểm tình hình", "Đặc điểm, tình hình", "Tình hình chung", "Đặc điểm tình hình chung"),
    "nhiem_vu_chinh_tri": ("Lãnh đạo thực hiện nhiệm vụ chính trị", "Kết quả lãnh đạo thực hiện nhiệm vụ chính trị",
                           "Lãnh đạo thực hiện nhiệm vụ chuyên môn", "Lãnh đạo phát triển kinh tế - xã hội",
                           "Kết quả thực hiện nhiệm vụ chính trị"),
    "xay_dung_dang": ("Công tác xây dựng Đảng", "Công tác xây dựng Đảng và hệ thống chính trị",
                      "Xây dựng Đảng bộ trong sạch, vững mạnh", "Xây dựng Đảng bộ, chi bộ trong sạch, vững mạnh",
                      "Xây dựng chi bộ trong sạch, vững mạnh"),
    "chinh_tri": ("Xây dựng Đảng về chính trị", "Công tác xây dựng Đảng về chính trị", "Về chính trị"),
    "tu_tuong": ("Công tác tư tưởng", "Công tác chính trị, tư tưởng", "Công tác giáo dục chính trị, tư tưởng",
                 "Xây dựng Đảng về tư tưởng", "Về tư tưởng"),
    "dao_duc": ("Xây dựng Đảng về đạo đức", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                "Về đạo đức"),
    "to_chuc_can_bo": ("Công tác tổ chức, cán bộ và đảng viên", "Công tác tổ chức, cán bộ",
                       "Công tác tổ chức cán bộ, đảng viên", "Xây dựng Đảng về tổ chức và cán bộ",
                       "Công tác tổ chức xây dựng Đảng", "Về tổ chức, cán bộ"),
    "kiem_tra": ("Công tác kiểm tra, giám sát và thi hành kỷ luật đảng", "Công tác kiểm tra, giám sát",
                 "Công tác kiểm tra, giám sát của Đảng"),
    "dan_van": ("Công tác dân vận", "Công tác dân vận; thực hiện quy chế dân chủ ở cơ sở",
                "Công tác dân vận và thực hiện quy chế dân chủ"),
    "phong_chong_tham_nhung": ("Công tác phòng, chống tham nhũng, lãng phí, tiêu cực", "Phòng, chống tham nhũng",
                               "Phòng, chống tham nhũng, lãng phí"),
    "phuong_thuc": ("Đổi mới phương thức lãnh đạo", "Đổi mới phương thức lãnh đạo của Đảng",
                    "Thực hiện quy chế làm việc"),
    "doan_the": ("Lãnh đạo chính quyền, Mặt trận và các đoàn thể", "Lãnh đạo các đoàn thể",
                 "Lãnh đạo Mặt trận và các đoàn thể chính trị - xã hội", "Lãnh đạo các đoàn thể chính trị - xã hội",
                 "Lãnh đạo cơ quan và các đoàn thể", "Công tác lãnh đạo các đoàn thể"),
    "danh_gia": ("Đánh giá chung", "Nhận xét, đánh giá chung", "Đánh giá chung kết quả"),
    "uu_diem": ("Ưu điểm", "Kết quả đạt được", "Ưu điểm, kết quả đạt được"),
    "han_che": ("Hạn chế, khuyết điểm", "Hạn chế", "Tồn tại, hạn chế", "Khuyết điểm, hạn chế", "Hạn chế, yếu kém"),
    "nguyen_nhan": ("Nguyên nhân", "Nguyên nhân của hạn chế, khuyết điểm"),
    "nguyen_nhan_khach_quan": ("Nguyên nhân khách quan",),
    "nguyen_nhan_chu_quan": ("Nguyên nhân chủ quan",),
    "bai_hoc": ("Bài học kinh nghiệm", "Một số bài học kinh nghiệm"),
    "phuong_huong": ("Phương hướng, mục tiêu chung", "Phương hướng chung", "Mục tiêu chung", "Phương hướng",
                     "Phương hướng, mục tiêu"),
    "chi_tieu": ("Các chỉ tiêu chủ yếu", "Chỉ tiêu chủ yếu", "Các chỉ tiêu", "Chỉ tiêu phấn đấu"),
    "nhiem_vu_giai_phap": ("Nhiệm vụ và giải pháp", "Nhiệm vụ, giải pháp", "Nhiệm vụ, giải pháp trọng tâm",
                           "Những nhiệm vụ, giải pháp chủ yếu", "Nhiệm vụ trọng tâm", "Các nhiệm vụ và giải pháp"),
    "de_xuat": ("Đề xuất, kiến nghị", "Kiến nghị, đề xuất", "Kiến nghị", "Đề xuất"),
}

_SHORT_WORDS = re.compile(r"\b(?:va|ve|cua|cac|nhung|o)\b")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b|\{\w+\}")


def plain(text: str) -> str:
    """text without accents, case, punctuation or repeated spaces: "Công tác tư tưởng:" -> "cong tac tu tuong"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^\w\s]|_", " ", bare).split())


def _key_words(text: str) -> str:
    return " ".join(_YEARS.sub(" ", _SHORT_WORDS.sub(" ", plain(text))).split())


def score(heading: str, wording: str) -> float:
    """How alike a heading and a wording read, 0–100, ignoring accents, case, punctuation and small words."""
    a, b = _key_words(heading), _key_words(wording)
    if not a or not b:
        return 0.0
    whole = fuzz.ratio(a, b)
    # A heading that holds all the words of a wording, with a few of its own ("Công tác xây dựng Đảng về chính
    # trị" for "Xây dựng Đảng về chính trị"), reads as it; a much longer one holding a short wording does not.
    shorter, longer = sorted((len(a.split()), len(b.split())))
    subset = fuzz.token_set_ratio(a, b) if longer - shorter <= max(2, shorter // 2) else 0.0
    return max(whole, subset - 1)  # the same score as a whole and as a subset: the whole wins


def best_match(heading: str, candidates: dict[str, str]) -> tuple[str | None, float]:
    """The key of candidates (key: built-in title) the heading means, and its score; None below MATCH_SCORE."""
    best_key, best = None, 0.0
    for key, title in candidates.items():
        value = max(score(heading, w) for w in (title, *VARIANTS.get(key, ())))
        if value > best:
            best_key, best = key, value
    return (best_key, best) if best >= MATCH_SCORE else (None, best)
