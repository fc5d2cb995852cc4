"""Wording that depends on the report year: rating level names and the regulations cited (report-content.md §0, §4.2)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.ratings import Level


@dataclass(frozen=True, slots=True)
class LabelSet:
    """Labels in force from first_year (inclusive) until the next set starts.

    organisation_levels / member_levels: the four level names, best first, in sentence form.
    rating_rule / inspection_rule: the regulation a report of that year cites.
    """

    first_year: int
    organisation_levels: dict[Level, str]
    member_levels: dict[Level, str]
    rating_rule: str
    inspection_rule: str
    exemplary: str


_CURRENT_LEVELS = {
    Level.EXCELLENT: "hoàn thành xuất sắc nhiệm vụ",
    Level.GOOD: "hoàn thành tốt nhiệm vụ",
    Level.COMPLETE: "hoàn thành nhiệm vụ",
    Level.NOT_COMPLETE: "không hoàn thành nhiệm vụ",
}

# Oldest first. The 2008–2017 wordings are [U] in the spec: kept for importing old reports.
LABEL_SETS: tuple[LabelSet, ...] = (
    LabelSet(
        first_year=2008,
        organisation_levels={
            Level.EXCELLENT: "trong sạch, vững mạnh",
            Level.GOOD: "hoàn thành tốt nhiệm vụ",
            Level.COMPLETE: "hoàn thành nhiệm vụ",
            Level.NOT_COMPLETE: "yếu kém",
        },
        member_levels={
            Level.EXCELLENT: "đủ tư cách, hoàn thành xuất sắc nhiệm vụ",
            Level.GOOD: "đủ tư cách, hoàn thành tốt nhiệm vụ",
            Level.COMPLETE: "đủ tư cách, hoàn thành nhiệm vụ",
            Level.NOT_COMPLETE: "vi phạm tư cách hoặc không hoàn thành nhiệm vụ",
        },
        rating_rule="Hướng dẫn số 20-HD/BTCTW, ngày 10/10/2008 của Ban Tổ chức Trung ương",
        inspection_rule="Quy định thi hành Chương VII và Chương VIII Điều lệ Đảng",
        exemplary="trong sạch, vững mạnh tiêu biểu",
    ),
    LabelSet(
        first_year=2014,
        organisation_levels={
            Level.EXCELLENT: "trong sạch, vững mạnh",
            Level.GOOD: "hoàn thành tốt nhiệm vụ",
            Level.COMPLETE: "hoàn thành nhiệm vụ",
            Level.NOT_COMPLETE: "yếu kém",
        },
        member_levels=_CURRENT_LEVELS,
        rating_rule="Hướng dẫn số 27-HD/BTCTW, ngày 25/9/2014 của Ban Tổ chức Trung ương",
        inspection_rule="Quy định thi hành Chương VII và Chương VIII Điều lệ Đảng",
        exemplary="trong sạch, vững mạnh tiêu biểu",
    ),
    LabelSet(
        first_year=2018,
        organisation_levels=_CURRENT_LEVELS,
        member_levels=_CURRENT_LEVELS,
        rating_rule="Quy định số 132-QĐ/TW, ngày 08/3/2018 của Bộ Chính trị",
        inspection_rule="Quy định số 22-QĐ/TW, ngày 28/7/2021 của Ban Chấp hành Trung ương",
        exemplary="hoàn thành xuất sắc nhiệm vụ tiêu biểu",
    ),
    LabelSet(
        first_year=2023,
        organisation_levels=_CURRENT_LEVELS,
        member_levels=_CURRENT_LEVELS,
        rating_rule="Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị",
        inspection_rule="Quy định số 22-QĐ/TW, ngày 28/7/2021 của Ban Chấp hành Trung ương",
        exemplary="hoàn thành xuất sắc nhiệm vụ tiêu biểu",
    ),
    LabelSet(
        first_year=2025,
        organisation_levels=_CURRENT_LEVELS,
        member_levels=_CURRENT_LEVELS,
        rating_rule="Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị",
        inspection_rule="Quy định số 296-QĐ/TW, ngày 30/5/2025 của Ban Chấp hành Trung ương",
        exemplary="hoàn thành xuất sắc nhiệm vụ tiêu biểu",
    ),
)


def labels_for(year: int) -> LabelSet:
    """The label set in force for a report of that year; years before 2008 get the oldest set."""
    chosen = LABEL_SETS[0]
    for label_set in LABEL_SETS:
        if label_set.first_year <= year:
            chosen = label_set
    return chosen
