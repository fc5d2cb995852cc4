"""Generated sentences as entries: merged with her text, kept when she edits or removes them, checked after."""

from __future__ import annotations

from app.domain.drafting import Generated, drift_findings, empty_section_findings, merge, refresh
from app.domain.report import Entry, EntryKind, EntryState, Report, Section

P, B, T = EntryKind.PARAGRAPH, EntryKind.BULLET, EntryKind.TABLE


def own(text: str) -> Entry:
    return Entry(text, P)


def auto(slot: str, text: str, kind: EntryKind = B) -> Entry:
    return Entry(text, kind, source=slot)


def test_first_generated_sentences_go_before_her_text_in_template_order():
    merged = merge([own("Nhận xét của chi bộ.")], [Generated("k.a", B, "A 01"), Generated("k.b", B, "B 02")])
    assert [(e.source, e.text) for e in merged] == [("k.a", "A 01"), ("k.b", "B 02"), ("", "Nhận xét của chi bộ.")]


def test_auto_sentence_follows_the_figures_where_she_moved_it():
    entries = [own("Mở đầu."), auto("k.a", "A 01"), own("Kết.")]
    merged = merge(entries, [Generated("k.a", B, "A 02")])
    assert [e.text for e in merged] == ["Mở đầu.", "A 02", "Kết."]


def test_edited_sentence_stays_hers_and_does_not_follow_the_figures():
    edited = Entry("A 01, chấp hành nghiêm.", B, source="k.a", state=EntryState.EDITED, basis="A 01")
    merged = merge([edited], [Generated("k.a", B, "A 05")])
    assert merged == [edited]


def test_removed_sentence_is_not_generated_again():
    removed = Entry("A 01", B, source="k.a", state=EntryState.REMOVED)
    merged = merge([removed], [Generated("k.a", B, "A 05")])
    assert merged == [removed]
    assert not merged[0].prints


def test_auto_sentence_that_no_figure_supports_any_more_is_dropped():
    assert merge([auto("k.a", "A 01"), own("Của tôi.")], []) == [own("Của tôi.")]


def test_new_sentence_goes_after_the_one_before_it_in_template_order():
    entries = [auto("k.a", "A"), own("Giữa."), auto("k.c", "C")]
    merged = merge(entries, [Generated("k.a", B, "A"), Generated("k.b", B, "B"), Generated("k.c", B, "C")])
    assert [e.text for e in merged] == ["A", "B", "Giữa.", "C"]


def test_refresh_reports_whether_anything_changed():
    report = _report([Section("dac_diem", "Đặc điểm", entries=[own("Của tôi.")])])
    assert refresh(report, {"dac_diem": [Generated("dac_diem.size", P, "Chi bộ có 12 đảng viên.")]})
    assert not refresh(report, {"dac_diem": [Generated("dac_diem.size", P, "Chi bộ có 12 đảng viên.")]})
    assert report.sections[0].entries[0].source == "dac_diem.size"


def test_edited_sentence_whose_figure_changed_is_a_finding_naming_both_numbers():
    edited = Entry("Chi bộ kiểm tra 02 đảng viên, tất cả chấp hành nghiêm.", B, source="kiem_tra.work",
                   state=EntryState.EDITED, basis="Chi bộ kiểm tra 02 đảng viên.")
    report = _report([Section("kiem_tra", "Kiểm tra", entries=[edited])])
    findings = drift_findings(report, {"kiem_tra": [Generated("kiem_tra.work", B, "Chi bộ kiểm tra 03 đảng viên.")]},
                              {"kiem_tra": "4- Kiểm tra"})
    assert [f.code for f in findings] == ["drafting.stale_number"]
    assert findings[0].fields == ("sections.0.entries.0.text",)
    assert "02" in findings[0].message and "03" in findings[0].message and "4- Kiểm tra" in findings[0].message


def test_edited_sentence_is_no_finding_while_its_figures_stand():
    edited = Entry("Chi bộ kiểm tra 02 đảng viên, tất cả chấp hành nghiêm.", B, source="kiem_tra.work",
                   state=EntryState.EDITED, basis="Chi bộ kiểm tra 02 đảng viên.")
    report = _report([Section("kiem_tra", "Kiểm tra", entries=[edited])])
    generated = {"kiem_tra": [Generated("kiem_tra.work", B, "Chi bộ kiểm tra 02 đảng viên.")]}
    assert drift_findings(report, generated, {}) == []


def test_edited_sentence_that_she_already_corrected_is_no_finding():
    edited = Entry("Chi bộ kiểm tra 03 đảng viên, tất cả chấp hành nghiêm.", B, source="kiem_tra.work",
                   state=EntryState.EDITED, basis="Chi bộ kiểm tra 02 đảng viên.")
    report = _report([Section("kiem_tra", "Kiểm tra", entries=[edited])])
    generated = {"kiem_tra": [Generated("kiem_tra.work", B, "Chi bộ kiểm tra 03 đảng viên.")]}
    assert drift_findings(report, generated, {}) == []


def test_edited_sentence_no_figure_supports_is_a_warning():
    edited = Entry("Kỷ luật 01 đảng viên (đã sửa).", B, source="kiem_tra.discipline", state=EntryState.EDITED,
                   basis="Thi hành kỷ luật 01 đảng viên.")
    report = _report([Section("kiem_tra", "Kiểm tra", entries=[edited])])
    assert [f.code for f in drift_findings(report, {}, {})] == ["drafting.unsupported"]


def test_empty_enabled_section_is_one_finding_for_its_whole_subtree():
    report = _report([
        Section("phan_1", "PHẦN 1", children=[
            Section("dan_van", "Dân vận", children=[Section("con", "Con")]),
            Section("viet", "Đã viết", entries=[own("Có nội dung.")]),
            Section("tat", "Tắt", enabled=False),
        ]),
    ])
    findings = empty_section_findings(report, {"dan_van": "6- Công tác dân vận"}, kept=False)
    assert [(f.code, f.fields) for f in findings] == [("drafting.empty_section", ("sections.0.children.0",))]
    assert "6- Công tác dân vận" in findings[0].message


def test_removed_sentences_do_not_count_as_content():
    removed = Entry("A", B, source="k.a", state=EntryState.REMOVED)
    report = _report([Section("k", "K", entries=[removed])])
    assert len(empty_section_findings(report, {}, kept=True)) == 1


def _report(sections: list[Section]) -> Report:
    from app.domain.demo import demo_organisation

    return Report(organisation=demo_organisation(), year=2026, sections=sections)
