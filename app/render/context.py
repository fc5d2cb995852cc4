"""Report → the plain dicts the templates see: numbered outline, raw counts, formatted figures, tables."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.domain import numfmt
from app.domain.labels import LabelSet, labels_for
from app.domain.numbers import roman
from app.domain.ratings import LEVELS, RatingCounts
from app.domain.report import EntryKind, Report, Section
from app.domain.targets import Comparator, Target
from app.render.model import Table

PART_ORDINALS = ("thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm")
ENTRY_TAGS = {EntryKind.PARAGRAPH: "p", EntryKind.BULLET: "bullet", EntryKind.SUB_BULLET: "sub"}
_LETTERS = "abcdeghiklmnopqrstuvxy"  # Vietnamese list letters skip f, j, w, z


@dataclass(frozen=True, slots=True)
class Formatter:
    """Number formatting bound to one report's settings; templates call these as c(), n(), pct()."""

    pad_counts: bool

    def count(self, value: int) -> str:
        return numfmt.count(value, pad=self.pad_counts)

    @staticmethod
    def number(value: int | Decimal) -> str:
        return numfmt.number(value)

    @staticmethod
    def pct(part: int, whole: int) -> str:
        return numfmt.percent_of(part, whole)

    @staticmethod
    def frac(part: int, whole: int) -> str:
        return numfmt.fraction(part, whole)


def _fill(title: str, report: Report) -> str:
    return (title.replace("{year}", str(report.year)).replace("{next_year}", str(report.year + 1))
            .replace("{term}", report.term))


def _heading(level: int, index: int, title: str, style: str) -> str:
    sep = "-" if style == "dash" else "."
    if level == 1:
        return f"{roman(index)}{sep} {title.upper()}"
    if level == 2:
        return f"{index}{sep} {title}"
    return f"{_LETTERS[(index - 1) % len(_LETTERS)]}) {title}"


def _entries(section: Section) -> list[dict[str, str]]:
    """One dict per printed line: an entry typed over several lines prints as several blocks."""
    out = []
    for entry in section.entries:
        for line in entry.text.splitlines():
            if line.strip():
                out.append({"tag": ENTRY_TAGS[entry.kind], "text": line.strip()})
    return out


def flatten_outline(report: Report) -> list[dict[str, Any]]:
    """The enabled sections in reading order, each numbered among its enabled siblings."""
    flat: list[dict[str, Any]] = []
    style = report.settings.heading_style

    def visit(sections: list[Section], level: int) -> None:
        enabled = [s for s in sections if s.enabled]
        for index, section in enumerate(enabled, start=1):
            title = _fill(section.title, report)
            item: dict[str, Any] = {"key": section.key, "level": level, "title": title,
                                    "entries": _entries(section)}
            if level == 0:
                item["label"] = f"Phần {PART_ORDINALS[index - 1] if index <= len(PART_ORDINALS) else index}"
                item["heading"] = title.upper()
            else:
                item["heading"] = _heading(min(level, 3), index, title, style)
            flat.append(item)
            visit(section.children, level + 1)

    visit(report.sections, 0)
    return flat


def _ratings(counts: RatingCounts, names: dict, fmt: Formatter) -> dict[str, Any]:
    shares = numfmt.breakdown_of([counts.count(level) for level in LEVELS])
    levels = [
        {"level": level.value, "label": names[level], "count": counts.count(level), "share": share}
        for level, share in zip(LEVELS, shares, strict=True)
    ]
    return {"total": counts.total, "rated": counts.rated, "not_rated": counts.not_rated,
            "exemplary": counts.exemplary, "levels": levels,
            "present": [lv for lv in levels if lv["count"]]}


def _target(target: Target, fmt: Formatter) -> dict[str, Any]:
    if target.is_percent:
        value = numfmt.percent(target.value)
        result = numfmt.percent(target.result) if target.result is not None else ""
    else:
        value = fmt.count(int(target.value)) if target.value == int(target.value) else fmt.number(target.value)
        result = "" if target.result is None else (
            fmt.count(int(target.result)) if target.result == int(target.result) else fmt.number(target.result))
    if not target.is_percent:
        lead = "trên" if target.comparator is Comparator.MORE_THAN else "ít nhất"
        text = f"{target.label}: {lead} {value} {target.unit}".strip()
    elif target.comparator is Comparator.MORE_THAN:
        text = f"trên {value} {target.label}"
    elif target.value >= 100:
        text = f"{value} {target.label}"
    else:
        text = f"{target.label} đạt {value} trở lên"
    attained = target.attained
    return {
        "label": target.label, "unit": target.unit, "is_percent": target.is_percent,
        "value": value, "result": result,
        "value_plain": numfmt.percent(target.value) if target.is_percent else numfmt.number(target.value),
        "result_plain": "" if target.result is None else (
            numfmt.percent(target.result) if target.is_percent else numfmt.number(target.result)), "met": target.met, "text": text,
        "attained": numfmt.percent(attained) if attained is not None else "",
        "exceeded": numfmt.percent(target.exceeded_by) if target.exceeded_by is not None else "",
    }


def _tables(report: Report, ctx: dict[str, Any], labels: LabelSet) -> dict[str, Table]:
    m = report.stats.membership
    fmt: Formatter = ctx["fmt"]
    n = fmt.number
    movement_rows = [
        ("Đảng viên đầu năm" if report.kind.value == "year_end" else "Đảng viên đầu kỳ", m.opening_total),
        ("Kết nạp mới", m.admitted),
        ("Chuyển sinh hoạt đến", m.transferred_in),
        ("Chuyển sinh hoạt đi", m.transferred_out),
        ("Từ trần", m.deceased),
        ("Xóa tên", m.struck_off),
        ("Khai trừ", m.expelled),
        ("Ra khỏi Đảng", m.left_party),
        ("Đảng viên cuối năm" if report.kind.value == "year_end" else "Đảng viên cuối kỳ", m.closing_total),
        ("Trong đó: đảng viên chính thức", m.closing_official),
        ("Đảng viên dự bị", m.closing_probationary),
    ]
    tables = {
        "membership": Table(
            title="Biến động đảng viên",
            header=["TT", "Nội dung", "Số lượng"],
            rows=[[str(i), label, n(value)] for i, (label, value) in enumerate(movement_rows, start=1)],
            numeric=frozenset({0, 2}), widths=[1, 7, 2], bold_rows=frozenset({8}),
        ),
    }
    orgs, members = ctx["ratings"]["organisations"], ctx["ratings"]["members"]
    rows = []
    for i, level in enumerate(LEVELS):
        o, mm = orgs["levels"][i], members["levels"][i]
        rows.append([str(i + 1), labels.member_levels[level][:1].upper() + labels.member_levels[level][1:],
                     n(o["count"]), o["share"], n(mm["count"]), mm["share"]])
    rows.append(["", "Tổng số được xếp loại", n(orgs["rated"]), "100%" if orgs["rated"] else "",
                 n(members["rated"]), "100%" if members["rated"] else ""])
    tables["ratings"] = Table(
        title="Kết quả đánh giá, xếp loại chất lượng",
        header=["TT", "Mức xếp loại", "Tổ chức đảng", "Tỷ lệ", "Đảng viên", "Tỷ lệ"],
        rows=rows, numeric=frozenset({0, 2, 3, 4, 5}), widths=[1, 5, 2, 1.6, 2, 1.6],
        bold_rows=frozenset({len(rows) - 1}),
    )
    tables["targets"] = Table(
        title="Kết quả thực hiện các chỉ tiêu",
        header=["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Kết quả"],
        rows=[[str(i), t["label"][:1].upper() + t["label"][1:], t["value_plain"], t["result_plain"],
               t["attained"] or ("Đạt" if t["met"] else "Chưa đạt" if t["met"] is False else "")]
              for i, t in enumerate(ctx["targets"], start=1)],
        numeric=frozenset({0, 2, 3, 4}), widths=[1, 6, 1.6, 1.6, 1.6],
    )
    return tables


def build_context(report: Report) -> dict[str, Any]:
    """Everything the templates may use; every value is plain data or a formatting function."""
    org = report.organisation
    fmt = Formatter(pad_counts=report.settings.pad_counts)
    labels = labels_for(report.year)
    stats = report.stats
    from app.domain.codec import to_dict

    ctx: dict[str, Any] = {
        "org": {"name": org.name, "short_name": org.short_name or org.name, "kind": org.kind.value,
                "is_chi_bo": org.kind.is_chi_bo, "subject": org.issuer_subject, "body": org.body_subject},
        "report": {"year": report.year, "next_year": report.year + 1, "kind": report.kind.value,
                   "term": report.term, "title": report.effective_title, "basis": report.basis},
        "sections": flatten_outline(report),
        "units": stats.units,
        "m": to_dict(stats.membership),
        "ratings": {
            "organisations": _ratings(stats.ratings.organisations, labels.organisation_levels, fmt),
            "members": _ratings(stats.ratings.members, labels.member_levels, fmt),
            "self_rating": labels.organisation_levels[stats.ratings.self_rating]
            if stats.ratings.self_rating else "",
        },
        "labels": {"exemplary": labels.exemplary, "rating_rule": labels.rating_rule,
                   "inspection_rule": labels.inspection_rule},
        "inspection": to_dict(stats.inspection),
        "discipline": to_dict(stats.discipline),
        "life": to_dict(stats.party_life),
        "targets": [_target(t, fmt) for t in report.targets],
        "next_targets": [_target(t, fmt) for t in report.next_targets],
        "fmt": fmt,
        "c": fmt.count, "n": fmt.number, "pct": fmt.pct, "frac": fmt.frac,
    }
    met = sum(1 for t in report.targets if t.met)
    judged = sum(1 for t in report.targets if t.met is not None)
    ctx["targets_summary"] = {"met": met, "not_met": judged - met, "total": judged}
    ctx["tables"] = _tables(report, ctx, labels)
    return ctx
