"""Generated sentences: each rests on the figures its template names, and nothing empty or injected prints."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app.domain.demo import demo_report
from app.domain.inspection import Discipline, Inspection, MemberDiscipline, OrgMemberCount
from app.domain.member_stats import Membership
from app.domain.party_life import PartyLife
from app.domain.ratings import Level
from app.domain.report import Entry, EntryKind, EntryState, UnitFigures
from app.paths import templates_dir
from app.render.compose import FILL_LINE, compose
from app.render.drafting import drafted, generate
from app.render.model import BlockKind


def slots(report) -> dict[str, str]:
    return {g.slot: g.text for items in generate(report).values() for g in items}


def chi_bo():
    return demo_report("chi-bo")


def congress():
    return demo_report("congress")


# slot → (a report that must produce it, reports whose figures must not produce it)
def _no_inspection(r):
    r.stats.inspection = Inspection()
    return r


def _stats(r, **changes):
    r.stats = replace(r.stats, **changes)
    return r


def _membership(r, **changes):
    r.stats.membership = replace(r.stats.membership, **changes)
    return r


def _life(r, **changes):
    r.stats.party_life = replace(r.stats.party_life, **changes)
    return r


def _staff(r, staff: int, population: int = 0):
    r.stats.unit = UnitFigures(staff=staff, population=population)
    return r


CASES: dict[str, tuple] = {
    "dac_diem.size": (demo_report, [lambda: _membership(demo_report(), closing_total=0)]),
    "dac_diem.share": (lambda: demo_report("roster"), [
        lambda: _staff(demo_report("roster"), 0), lambda: _staff(demo_report("roster"), 20),
        lambda: _membership(_staff(demo_report("roster"), 35), closing_total=0)]),
    "tu_tuong.study": (demo_report, [lambda: _life(demo_report(), resolutions_studied=0)]),
    "dao_duc.theme": (demo_report, [lambda: _life(demo_report(), annual_theme="")]),
    "chi_tieu.target_": (demo_report, [lambda: replace(demo_report(), next_targets=[])]),
    "danh_gia.targets": (demo_report, [lambda: replace(demo_report(), targets=[])]),
    "danh_gia.targets_table": (demo_report, [lambda: replace(demo_report(), targets=[])]),
    "kiem_tra.lead": (demo_report, [lambda: _no_inspection(demo_report())]),
    "kiem_tra.work": (demo_report, [lambda: _no_inspection(demo_report())]),
    "kiem_tra.checks": (demo_report, [lambda: _no_inspection(demo_report())]),
    "kiem_tra.complaints": (demo_report, [lambda: _no_inspection(demo_report())]),
    "kiem_tra.discipline": (demo_report, [
        lambda: _stats(_no_inspection(demo_report()), discipline=Discipline())]),
    "kiem_tra.org_discipline": (
        lambda: _stats(demo_report(), discipline=replace(Discipline(), organisations=replace(
            Discipline().organisations, total=1, reprimand=1))),
        [demo_report]),
    "to_chuc_can_bo.meetings": (demo_report, [lambda: _life(demo_report(), meetings_held=0),
                                              lambda: _life(demo_report(), meetings_required=0)]),
    "to_chuc_can_bo.movement": (demo_report, [lambda: _membership(demo_report(), closing_total=0)]),
    "to_chuc_can_bo.membership_table": (demo_report, [lambda: _membership(demo_report(), closing_total=0)]),
    "to_chuc_can_bo.candidates": (demo_report, [
        lambda: _membership(demo_report(), candidates_trained=0, candidates=0)]),
    "to_chuc_can_bo.ratings": (demo_report, [lambda: demo_report("six-month")]),
    "to_chuc_can_bo.ratings_table": (demo_report, [lambda: demo_report("six-month")]),
    "to_chuc_can_bo.self_rating": (chi_bo, [demo_report]),
    "to_chuc_can_bo.badges": (demo_report, [lambda: _membership(demo_report(), badges={}),
                                            lambda: _membership(demo_report(), badges={30: 0})]),
    "to_chuc_can_bo.commendations": (demo_report, [lambda: _life(demo_report(), commendations=[])]),
    "ket_qua_chi_tieu.targets": (congress, [lambda: replace(congress(), targets=[])]),
    "ket_qua_chi_tieu.targets_table": (congress, [lambda: replace(congress(), targets=[])]),
    "ket_qua_chi_tieu.years": (congress, [lambda: replace(congress(), yearly_targets={}),
                                          lambda: replace(congress(), targets=[])]),
    "ket_qua_chi_tieu.years_table": (congress, [lambda: replace(congress(), yearly_targets={})]),
}


def _template_slots() -> set[str]:
    found = set()
    for path in (templates_dir() / "sections").glob("*.j2"):
        for name in re.findall(r"^@\w+:(\w+)", path.read_text(encoding="utf-8"), flags=re.MULTILINE):
            found.add(f"{path.stem}.{name}")  # "target_{{ loop.index }}" reads as "target_"
    return found


def test_every_generated_sentence_has_a_case():
    assert _template_slots() == set(CASES)


@pytest.mark.parametrize("slot", sorted(CASES))
def test_sentence_is_produced_by_its_figures_and_not_without_them(slot):
    produce, without = CASES[slot]

    def has(report) -> bool:
        return any(s == slot or (slot.endswith("_") and s.startswith(slot)) for s in slots(report))

    assert has(produce()), f"{slot} missing where its figures are"
    for build in without:
        assert not has(build()), f"{slot} printed without the figure it rests on"


def test_the_members_share_of_the_staff_is_worded_by_the_number_rules():
    assert slots(demo_report("roster"))["dac_diem.share"] == (
        "Tổng số đảng viên của Chi bộ chiếm 80% tổng số cán bộ, giáo viên (28/35).")
    assert slots(_staff(demo_report("roster"), 36))["dac_diem.share"] == (
        "Tổng số đảng viên của Chi bộ chiếm 77,8% tổng số cán bộ, giáo viên (28/36).")
    assert slots(_staff(demo_report("roster"), 0, 4_120))["dac_diem.share"] == (
        "Tổng số đảng viên của Chi bộ chiếm 0,7% dân số trên địa bàn (28/4.120).")


def test_four_thematic_meetings_are_not_a_claim_about_every_quarter():
    text = slots(demo_report())["to_chuc_can_bo.meetings"]
    assert "mỗi quý" not in text and "04 buổi sinh hoạt chuyên đề" in text


def test_no_violation_found_is_said_as_such_not_as_good_conduct():
    report = _stats(demo_report(), inspection=replace(demo_report().stats.inspection, members_violating=0,
                                                      members_to_discipline=0))
    text = slots(report)["kiem_tra.work"]
    assert "không phát hiện đảng viên có vi phạm" in text
    assert "chấp hành tốt" not in text


def test_inspection_recorded_nowhere_claims_nothing_about_complaints_or_discipline():
    words = " ".join(slots(_stats(_no_inspection(demo_report()), discipline=Discipline())).values())
    assert "đơn thư" not in words and "kỷ luật" not in words


def test_discipline_forms_are_listed_only_when_they_add_up():
    report = _stats(demo_report(), discipline=Discipline(members=MemberDiscipline(total=3, reprimand=1)))
    assert slots(report)["kiem_tra.discipline"] == "Thi hành kỷ luật 03 đảng viên."


def test_split_of_the_closing_total_is_printed_only_when_it_adds_up():
    report = _membership(demo_report(), closing_official=50)
    assert "chính thức" not in slots(report)["dac_diem.size"]
    assert "92 đảng viên chính thức, 06 đảng viên dự bị" in slots(demo_report())["dac_diem.size"]


def test_theme_plans_are_claimed_only_with_their_count():
    text = slots(_life(demo_report(), theme_plan_units=0))["dao_duc.theme"]
    assert text.startswith("Chủ đề năm 2026: “") and "kế hoạch" not in text
    chi_bo_text = slots(chi_bo())["dao_duc.theme"]
    assert "xây dựng kế hoạch" not in chi_bo_text


def test_generated_sentences_print_once_where_she_sees_them():
    report = demo_report()
    copy, _ = drafted(report)
    section = copy.section("kiem_tra")
    work = next(e for e in section.entries if e.source == "kiem_tra.work")
    body = [b.text for b in compose(report).body]
    assert body.count(work.text) == 1


def test_removed_sentence_does_not_print_and_edited_one_prints_as_she_wrote_it():
    report = demo_report()
    copy, _ = drafted(report)
    for section in copy.walk_sections():
        for entry in section.entries:
            if entry.source == "kiem_tra.work":
                entry.state = EntryState.REMOVED
            if entry.source == "tu_tuong.study":
                entry.state, entry.basis, entry.text = EntryState.EDITED, entry.text, "Học tập nghị quyết đầy đủ."
    body = [b.text for b in compose(copy).body]
    assert not any("giám sát chuyên đề" in t for t in body)
    assert "Học tập nghị quyết đầy đủ." in body
    assert not any(t.startswith("Đảng ủy tổ chức học tập, quán triệt") for t in body)


def test_empty_section_is_left_out_and_the_headings_after_it_renumbered():
    report = demo_report()
    report.section("dan_van").entries = []
    headings = [b.text for b in compose(report).body if b.kind is BlockKind.HEADING2]
    assert not any("dân vận" in h.lower() for h in headings)
    assert "6- Công tác phòng, chống tham nhũng, lãng phí, tiêu cực" in headings


def test_kept_empty_section_prints_a_line_to_fill_never_a_bare_heading():
    report = demo_report()
    report.section("de_xuat").entries = []
    report.settings.keep_empty_sections = True
    body = compose(report).body
    index = next(i for i, b in enumerate(body) if "ĐỀ XUẤT" in b.text)
    assert body[index + 1].text == FILL_LINE
    assert body[index + 1].kind is BlockKind.PARAGRAPH


def test_no_heading_is_directly_followed_by_the_closing():
    report = demo_report()
    report.section("de_xuat").entries = []
    body = compose(report).body
    assert body[-1].kind is BlockKind.CLOSING
    assert body[-2].kind not in (BlockKind.HEADING1, BlockKind.HEADING2, BlockKind.HEADING3)


def test_part_with_nothing_to_print_is_left_out_entirely():
    report = demo_report()
    part_two = report.sections[1]
    for section in part_two.walk():
        section.entries = []
    report.next_targets = []
    labels = [b.text for b in compose(report).body if b.kind is BlockKind.PART_LABEL]
    assert labels == ["Phần thứ nhất"]


@pytest.mark.parametrize("brk", ["\n", "\r", "\u2028", "\u2029", "\x85", "\r\n"])
def test_line_breaks_in_her_text_never_open_a_block(brk):
    report = demo_report()
    report.basis = f"Căn cứ{brk}@h1 ĐOẠN CHÈN"
    report.organisation.name = f"Đảng bộ{brk}@h1 CHÈN TÊN"
    report.stats.party_life.annual_theme = f"Chủ đề{brk}@table membership"
    report.section("dac_diem").entries.append(Entry(f"Đoạn{brk}@h2 CHÈN", EntryKind.PARAGRAPH))
    body = compose(report).body
    headings = [b.text for b in body if b.kind in (BlockKind.HEADING1, BlockKind.HEADING2)]
    assert not any("CHÈN" in h for h in headings)
    assert any("@h1 ĐOẠN CHÈN" in b.text for b in body if b.kind is BlockKind.PARAGRAPH)
    tables = [b for b in body if b.kind is BlockKind.TABLE]
    assert len(tables) == len([b for b in compose(demo_report()).body if b.kind is BlockKind.TABLE])


def test_text_she_types_that_looks_like_a_tag_prints_as_text():
    report = demo_report()
    report.section("dac_diem").entries.append(Entry("@h1 KHÔNG PHẢI ĐỀ MỤC", EntryKind.PARAGRAPH))
    body = compose(report).body
    assert any(b.kind is BlockKind.PARAGRAPH and b.text == "@h1 KHÔNG PHẢI ĐỀ MỤC" for b in body)


def test_chi_bo_outline_sentences_name_the_chi_bo():
    texts = slots(chi_bo())
    assert texts["dac_diem.size"].startswith("Chi bộ có ")
    assert texts["to_chuc_can_bo.self_rating"].startswith("Chi bộ tự đánh giá, xếp loại mức “Hoàn thành tốt")
    assert "Ủy ban Kiểm tra" not in " ".join(texts.values())


def test_self_rating_needs_a_level():
    report = chi_bo()
    report.stats.ratings.self_rating = None
    assert "to_chuc_can_bo.self_rating" not in slots(report)
    report.stats.ratings.self_rating = Level.EXCELLENT
    assert "to_chuc_can_bo.self_rating" in slots(report)


def test_org_member_count_words():
    report = _stats(demo_report(), inspection=Inspection(scheduled=OrgMemberCount(organisations=0, members=2)))
    assert slots(report)["kiem_tra.work"].startswith("Đảng ủy kiểm tra 02 đảng viên; qua kiểm tra")


def test_membership_without_movement_but_changed_total_claims_no_stability():
    report = _stats(demo_report(), membership=Membership(opening_total=90, closing_total=98))
    text = slots(report)["to_chuc_can_bo.movement"]
    assert "không có biến động" not in text and text.startswith("Tổng số đảng viên cuối năm là 98")
    report = _stats(demo_report(), membership=Membership(opening_total=98, closing_total=98))
    assert "không có biến động" in slots(report)["to_chuc_can_bo.movement"]


def test_party_life_defaults_claim_nothing():
    report = _stats(demo_report(), party_life=PartyLife())
    texts = slots(report)
    for slot in ("to_chuc_can_bo.meetings", "tu_tuong.study", "dao_duc.theme", "to_chuc_can_bo.commendations"):
        assert slot not in texts


def test_a_chi_bo_never_words_the_figures_only_a_dang_bo_reports():
    report = chi_bo()
    report.stats.inspection.scheduled.organisations = 3
    report.stats.inspection.dues = 5
    report.stats.units = 4
    words = " ".join(slots(report).values())
    assert "tổ chức đảng" not in words and "đảng phí" not in words and "chi bộ trực thuộc" not in words
    assert report.stats.inspection.dues == 5  # kept in the report, only not printed
