"""Reports whose findings name every kind of field: the four demos and reports broken on purpose.

Shared by tests/domain/test_fields.py (every field a finding names resolves) and tests/gui/test_finding_jumps.py
(the window jumps to each of them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from app.domain.demo import DemoKind, demo_report
from app.domain.organisation import Signature
from app.domain.presets import Preset
from app.domain.report import Entry, Report, ReportStatus
from app.domain.targets import Target

DATA = Path(__file__).parent / "data"


def _unbalanced_file() -> Report:
    from app.services.interchange import import_report_file

    return import_report_file(DATA / "check_unbalanced_v1.json")


def _wrong_figures() -> Report:
    """Figures that contradict each other and the text, targets and settings a check refuses."""
    report = demo_report()
    s = report.stats
    s.membership.closing_total += 3
    s.membership.female = s.membership.closing_total + 5
    s.ratings.organisations.excellent = 9
    s.discipline.members.expulsion = 2
    s.party_life.study_participants = s.party_life.study_members + 4
    s.party_life.commendations = ["Bằng khen  của Tỉnh ủy ."]
    report.targets.append(Target("kết nạp đảng viên mới", Decimal(0), "đảng viên", result=Decimal(-1)))
    report.next_targets.append(Target("tỷ lệ chi bộ  tốt ", Decimal(90), "%", is_percent=True))
    report.title = "Tổng kết công tác năm 2026"
    report.number = None
    report.status = ReportStatus.FINAL
    report.doc_type = "B/C"
    report.settings.margins = "nowhere"
    section = next(s for s in report.walk_sections() if s.entries and not s.children)
    section.entries.append(Entry("Trong năm kết nạp 2 đảng viên, đạt đạt 96/98 đảng viên, đạt 90.5%. Xem 5/HD-ĐU."))
    report.basis = "Thực hiện Hướng dẫn  số 05-HD/TƯ , năm 2025 - 2026 và năm 2025."
    return report


def _broken_profile() -> Report:
    """A chi bộ whose profile and own signature break the Party form, issued after the 2025 reorganisation."""
    report = demo_report(DemoKind.CHI_BO)
    org = report.organisation
    org.upper_body = "HUYỆN ỦY LA BẰNG"
    org.issuer_code = "HU"
    org.place = ""
    org.short_name = "Chi bộ"
    org.issuer_name = "CƠ QUAN: CHI BỘ QUẬN 9"
    org.signature = Signature("KT. BÍ THƯ", "TM. CHI BỘ", "TS. Nguyễn Văn An")
    org.recipients = ["Đảng ủy xã", "- Lưu: Chi bộ"]
    report.issued_on = date(2026, 12, 20)
    report.signature = Signature("K/T CHI BỘ", "PHÓ BÍ THƯ", "Lê Văn Bình")
    report.recipients = ["Đảng ủy quận 9", "- Lưu Chi bộ"]
    report.place = "Quận 9"
    for section in report.walk_sections():
        if section.children:
            continue
        section.entries = []  # sections with nothing to print
        break
    return report


def _state_preset() -> Report:
    report = demo_report(preset=Preset.STATE)
    report.signature = Signature("T/M ỦY BAN NHÂN DÂN", "K/T CHỦ TỊCH", "Trần Văn C")
    report.recipients = ["Như trên", "Lưu VT"]
    report.organisation.issuer_code = "ĐU"
    return report


def _out_of_bounds() -> Report:
    report = demo_report()
    report.stats.membership.admitted = 20_000_000
    report.stats.membership.badges = {30: 20_000_000}
    report.targets[0].value = Decimal("1e15")
    report.next_targets.append(Target("x", Decimal("1e15")))
    report.number = 10**7
    report.term = "2025 - 2030 " * 20
    report.title = "t" * 2000
    report.sections[0].children[0].title = "t" * 2000
    return report


REPORTS: dict[str, Callable[[], Report]] = {
    **{f"demo-{kind.value}": (lambda kind=kind: demo_report(kind)) for kind in DemoKind},
    "check_unbalanced_v1.json": _unbalanced_file,
    "wrong-figures": _wrong_figures,
    "broken-profile": _broken_profile,
    "state-preset": _state_preset,
    "out-of-bounds": _out_of_bounds,
}

