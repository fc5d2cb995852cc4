"""Find and replace across a report's text, comparing Vietnamese letters as Word users expect."""

from __future__ import annotations

import unicodedata

from app.domain.demo import demo_report
from app.domain.find_replace import (
    SearchOptions,
    count_matches,
    find_all,
    matches,
    replace_all,
    replace_in_text,
)
from app.domain.report import Entry, EntryKind, EntryState, Report, Section


def test_case_is_ignored_unless_asked():
    assert find_all("Chi bộ và chi bộ", "chi bộ") == [(0, 6), (10, 16)]
    assert find_all("Chi bộ và chi bộ", "chi bộ", SearchOptions(match_case=True)) == [(10, 16)]


def test_whole_word_does_not_find_a_syllable_inside_a_word():
    assert find_all("Đảng ủy, ủy ban, Ủyban", "ủy", SearchOptions(whole_word=True)) == [(5, 7), (9, 11)]


def test_ignoring_tone_marks_finds_both_tone_styles_but_not_another_vowel():
    text = "hòa hoá họa hơ"
    assert find_all(text, "hoa", SearchOptions(ignore_marks=True)) == [(0, 3), (4, 7), (8, 11)]
    assert find_all(text, "hoa") == []
    assert find_all(text, "hòa") == [(0, 3)]


def test_decomposed_text_is_found_at_its_own_positions():
    text = unicodedata.normalize("NFD", "Đảng ủy lãnh đạo")
    [(start, end)] = find_all(text, "lãnh")
    assert unicodedata.normalize("NFC", text[start:end]) == "lãnh"
    assert find_all("Đảng ủy", unicodedata.normalize("NFD", "ủy")) == [(5, 7)]


def test_a_selection_matches_only_when_it_is_the_whole_query():
    assert matches("Chi bộ", "chi bộ")
    assert not matches("Chi bộ tốt", "chi bộ")
    assert not matches("", "chi")


def test_replace_in_text_counts_and_composes():
    assert replace_in_text("đảng viên, Đảng viên", "đảng viên", "cán bộ") == ("cán bộ, cán bộ", 2)


def report_with(*entries: Entry) -> Report:
    report = demo_report()
    report.sections = [Section("a", "A", entries=list(entries), children=[Section("b", "B", entries=[
        Entry("Chi bộ họp định kỳ.", EntryKind.BULLET)])])]
    return report


def test_replace_all_changes_her_text_and_makes_a_computed_sentence_hers():
    auto = Entry("Chi bộ có 20 đảng viên.", EntryKind.BULLET, source="a.members")
    table = Entry("membership", EntryKind.TABLE, source="a.table")
    removed = Entry("Chi bộ cũ.", source="a.old", state=EntryState.REMOVED)
    report = report_with(auto, table, removed, Entry("Nhận xét của chi bộ."))
    assert count_matches(report, "chi bộ") == 3
    assert replace_all(report, "chi bộ", "Đảng bộ bộ phận") == 3
    first = report.sections[0]
    assert first.entries[0] == Entry("Đảng bộ bộ phận có 20 đảng viên.", EntryKind.BULLET, None, "a.members",
                                     EntryState.EDITED, "Chi bộ có 20 đảng viên.")
    assert first.entries[1] == table and first.entries[2] == removed
    assert first.entries[3].text == "Nhận xét của Đảng bộ bộ phận."
    assert report.sections[0].children[0].entries[0].text == "Đảng bộ bộ phận họp định kỳ."
    assert count_matches(report, "chi bộ") == 0
