"""Settling a conflict field by field: her copy with their value wherever she kept theirs, at their version."""

from __future__ import annotations

import copy

from app.domain.conflicts import merge_organisation, merge_report, organisation_conflicts, report_conflicts
from app.domain.demo import demo_report


def three_copies():
    base = demo_report()
    base.version = 4
    theirs, mine = copy.deepcopy(base), copy.deepcopy(base)
    theirs.version = 5
    return base, theirs, mine


def test_the_mix_takes_their_title_and_section_text_and_keeps_her_place():
    base, theirs, mine = three_copies()
    theirs.title, mine.title = "Của anh", "Của chị"
    theirs.section("bai_hoc").entries[0].text = "Anh viết."
    mine.place = "Nơi chị"

    merged = merge_report(theirs, mine, {"title", "sections.phan_1.danh_gia.bai_hoc.text"})

    assert merged.title == "Của anh"
    assert merged.section("bai_hoc").entries[0].text == "Anh viết."
    assert merged.place == "Nơi chị"
    assert merged.version == 5
    assert [c.path for c in report_conflicts(base, theirs, merged)] == ["place"]  # hers, kept


def test_keeping_every_conflicting_field_of_theirs_gives_theirs_and_none_gives_hers():
    base, theirs, mine = three_copies()
    theirs.title, theirs.stats.membership.female = "Của anh", 7
    mine.title, mine.place = "Của chị", "Nơi chị"
    paths = [c.path for c in report_conflicts(base, theirs, mine)]

    assert merge_report(theirs, mine, paths) == theirs
    assert merge_report(theirs, mine, []) == mine


def test_the_conflict_names_fields_as_the_forms_do():
    base, theirs, mine = three_copies()
    theirs.title, mine.title = "Của anh", "Của chị"
    theirs.organisation.place, mine.organisation.signature.name = "Quận 1", "Nguyễn Thị B"

    assert [c.label for c in report_conflicts(base, theirs, mine)] == ["Trích yếu của báo cáo"]
    labels = {c.path: c.label for c in organisation_conflicts(base.organisation, theirs.organisation,
                                                               mine.organisation)}
    assert labels == {"place": "Địa danh", "signature.name": "Họ tên người ký"}


def test_a_profile_mix_keeps_her_id_and_takes_their_version():
    _base, theirs, mine = three_copies()
    org_theirs, org_mine = theirs.organisation, mine.organisation
    org_mine.id, org_theirs.id, org_theirs.version = 9, 9, 3
    org_theirs.place, org_mine.place, org_mine.short_name = "Quận 1", "Quận 3", "Đảng bộ mới"

    merged = merge_organisation(org_theirs, org_mine, {"place"})

    assert (merged.place, merged.short_name, merged.id, merged.version) == ("Quận 1", "Đảng bộ mới", 9, 3)


def test_a_sentence_that_follows_the_figures_is_not_listed_beside_the_figure_it_states():
    from app.domain.report import EntryState
    from app.services.drafting import draft

    base, theirs, mine = three_copies()
    theirs.stats.membership.female, mine.stats.membership.female = 47, 45
    theirs, mine = draft(theirs), draft(mine)
    following = [e for e in mine.section("dac_diem").entries if e.source and e.state is EntryState.AUTO]
    assert any("45" in e.text for e in following)  # her generated sentence states her figure...
    edited = next(e for e in mine.section("bai_hoc").entries if not e.source)
    edited.text += " Chị thêm."

    paths = [c.path for c in report_conflicts(base, theirs, mine)]

    # ...yet only the figure and the text she typed are hers to choose: the sentence is written again from the figure.
    assert "stats.membership.female" in paths and "sections.phan_1.danh_gia.bai_hoc.text" in paths
    assert not [p for p in paths if "dac_diem" in p]
