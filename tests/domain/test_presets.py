"""Presets as data: each preset's conventions from its layout TOML, and the settings a new report starts with."""

from __future__ import annotations

import tomllib

import pytest

from app.domain.organisation import Organisation
from app.domain.presets import ConventionsError, Preset, conventions, margin_choices, parse_conventions
from app.domain.report import settings_for
from app.paths import templates_dir


@pytest.mark.parametrize(("preset", "number", "draft"), [
    (Preset.PARTY, "Số 25-BC/ĐU", "Số      -BC/ĐU"),
    (Preset.STATE, "Số: 25/BC-ĐU", "Số:      /BC-ĐU"),
    (Preset.CONG_DOAN, "Số: 25/BC-ĐU", "Số:      /BC-ĐU"),
    (Preset.DOAN, "Số: 25-BC/ĐU", "Số:      -BC/ĐU"),
])
def test_each_preset_writes_the_number_its_own_way(preset, number, draft):
    conv = conventions(preset)
    assert conv.document_number(25, "BC", "ĐU") == number
    assert conv.document_number(None, "BC", "ĐU") == draft
    assert conv.number_has_colon == (preset is not Preset.PARTY)


def test_numbers_below_ten_are_padded_in_every_preset():
    assert [conventions(p).document_number(5, "BC", "X").split()[-1] for p in Preset] == [
        "05-BC/X", "05/BC-X", "05/BC-X", "05-BC/X"]


def test_party_signs_with_slashes_and_the_others_with_dots():
    assert (conventions("party").on_behalf, conventions("party").deputy) == ("T/M", "K/T")
    for preset in (Preset.STATE, Preset.CONG_DOAN, Preset.DOAN):
        assert (conventions(preset).on_behalf, conventions(preset).deputy) == ("TM.", "KT.")


def test_party_numbers_run_through_the_term_and_state_numbers_through_the_year():
    assert conventions("party").numbering == "term"
    assert conventions("state").numbering == "year"


def test_the_title_initial_is_raised_only_where_the_preset_capitalises_it():
    assert conventions("party").apply_title_initial("tổng kết") == "tổng kết"
    assert conventions("state").apply_title_initial("tổng kết") == "Tổng kết"


def test_recipients_end_with_commas_in_party_documents_and_semicolons_in_state_ones():
    party, state = conventions("party"), conventions("state")
    assert (party.recipient_end, party.archive) == (",", "- Lưu")
    assert (state.recipient_end, state.archive) == (";", "- Lưu: VT")


def test_a_new_report_starts_with_its_presets_end_mark_and_heading_style():
    assert (settings_for("party").end_mark, settings_for("party").heading_style) == (False, "dash")
    assert (settings_for("state").end_mark, settings_for("state").heading_style) == (True, "dot")
    assert settings_for("doan").annexes is False


def test_an_organisation_is_a_party_one_by_default():
    assert Organisation("A", "B", "C").preset == "party"


def test_a_body_of_another_preset_is_called_by_its_own_name_in_sentences():
    union = Organisation("Công đoàn Trường", "X", "Y", short_name="Công đoàn Trường", preset="cong-doan")
    assert (union.issuer_subject, union.body_subject) == ("Công đoàn Trường", "Công đoàn Trường")
    assert Organisation("Đảng bộ X", "X", "Y").issuer_subject == "Đảng ủy"


@pytest.fixture
def raw() -> dict:
    with open(templates_dir() / "layouts" / "party.toml", "rb") as f:
        return tomllib.load(f)["conventions"]


def test_a_missing_convention_is_named(raw):
    del raw["on_behalf"]
    with pytest.raises(ConventionsError, match="lacks on_behalf"):
        parse_conventions(raw)


def test_an_unknown_choice_is_refused(raw):
    raw["numbering"] = "month"
    with pytest.raises(ConventionsError, match="numbering must be one of term, year"):
        parse_conventions(raw)


def test_a_number_format_without_its_fields_is_refused(raw):
    raw["number_format"] = "Số {number}"
    with pytest.raises(ConventionsError, match=r"lacks \{type\}"):
        parse_conventions(raw)


def test_an_unknown_preset_is_refused():
    with pytest.raises(ValueError):
        conventions("hanh-chinh")


def test_margin_choices_list_the_default_and_the_alternatives_of_a_preset():
    assert margin_choices("party") == {None: "20/20/30/15 mm (36-HD/VPTW)", "older": "25/25/35/15 mm (11-HD/VPTW)"}
    assert list(margin_choices("state")) == [None, "wide"]
