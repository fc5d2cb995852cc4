"""The layout TOML loads into a validated, frozen Layout; mistakes in it are named clearly."""

from __future__ import annotations

import copy
import dataclasses
import tomllib

import pytest

from app.render.layout import STYLE_KEYS, LayoutError, layouts_dir, load_layout, parse_layout, read_layout


@pytest.fixture
def raw():
    with open(layouts_dir() / "party.toml", "rb") as f:
        return tomllib.load(f)


def test_party_page_is_a4_with_the_36_hd_margins():
    page = load_layout().page
    assert (page.width_mm, page.height_mm) == (210, 297)
    assert (page.margin_top_mm, page.margin_bottom_mm, page.margin_left_mm, page.margin_right_mm) == (20, 20, 30, 15)
    assert page.header_distance_mm == 10
    assert page.text_width_mm == 165


def test_party_body_is_times_14_exactly_18_with_a_1_cm_indent():
    layout = load_layout()
    assert layout.font.name == "Times New Roman"
    assert layout.font.language == "vi-VN"
    body = layout.styles["paragraph"]
    assert (body.size_pt, body.line_rule, body.line_spacing) == (14, "exact", 18)
    assert (body.first_line_indent_mm, body.space_after_pt, body.align) == (10, 6, "justify")


def test_party_header_elements_have_the_sizes_of_section_2():
    styles = load_layout().styles
    assert (styles["party_title"].size_pt, styles["party_title"].bold) == (15, True)
    assert (styles["upper_body"].size_pt, styles["upper_body"].bold) == (14, False)
    assert (styles["issuer"].size_pt, styles["issuer"].bold) == (14, True)
    assert styles["place_date"].italic
    assert (styles["doc_type"].size_pt, styles["doc_type"].bold) == (15, True)
    assert styles["title"].bold and not styles["title"].caps
    assert styles["heading1"].caps and styles["heading1"].bold
    assert styles["heading3"].italic and not styles["heading3"].bold


def test_party_signature_position_is_not_bold_and_recipients_are_12_pt():
    layout = load_layout()
    assert layout.styles["sign_authority"].bold and layout.styles["sign_name"].bold
    assert not layout.styles["sign_position"].bold
    assert layout.signature.blank_lines == 4
    assert layout.styles["recipients_label"].underline
    assert layout.styles["recipient"].size_pt == 12
    assert layout.styles["table_text"].size_pt == 13


def test_party_end_mark_is_off_and_page_number_not_on_page_one():
    layout = load_layout()
    assert (layout.end_mark.text, layout.conventions.end_mark) == ("./.", False)
    assert not layout.page_number.on_first_page


def test_styles_not_given_inherit_from_normal():
    styles = load_layout().styles
    assert styles["star"].line_spacing == styles["normal"].line_spacing
    assert styles["star"].size_pt == 14


def test_layout_is_frozen_and_cached():
    layout = load_layout()
    assert load_layout() is layout
    with pytest.raises(dataclasses.FrozenInstanceError):
        layout.page.width_mm = 100
    with pytest.raises(TypeError):
        layout.styles["normal"] = layout.styles["title"]


def test_every_preset_file_loads_with_the_same_style_keys():
    files = sorted(layouts_dir().glob("*.toml"))
    assert files
    for path in files:
        assert set(read_layout(path).styles) == set(STYLE_KEYS)


def test_missing_key_is_named(raw):
    del raw["page"]["margin_left_mm"]
    with pytest.raises(LayoutError, match=r"\[page\] lacks margin_left_mm"):
        parse_layout(raw)


def test_missing_section_is_named(raw):
    del raw["signature"]
    with pytest.raises(LayoutError, match=r"\[signature\] is missing"):
        parse_layout(raw)


def test_missing_style_is_named(raw):
    del raw["styles"]["heading2"]
    with pytest.raises(LayoutError, match="lacks heading2"):
        parse_layout(raw)


def test_normal_must_define_every_field(raw):
    del raw["styles"]["normal"]["line_spacing"]
    with pytest.raises(LayoutError, match=r"\[styles.normal\] lacks line_spacing"):
        parse_layout(raw)


def test_unknown_key_is_refused(raw):
    raw["styles"]["title"]["colour"] = "red"
    with pytest.raises(LayoutError, match=r"\[styles.title\] has unknown keys colour"):
        parse_layout(raw)


@pytest.mark.parametrize(("section", "key", "value"), [
    ("page", "width_mm", "210"),
    ("page", "width_mm", True),
    ("signature", "blank_lines", 4.5),
    ("table", "repeat_header", 1),
])
def test_wrong_type_is_refused(raw, section, key, value):
    raw = copy.deepcopy(raw)
    raw[section][key] = value
    with pytest.raises(LayoutError, match=f"{key} must be"):
        parse_layout(raw)


def test_unknown_alignment_is_refused(raw):
    raw["styles"]["title"]["align"] = "centre"
    with pytest.raises(LayoutError, match="align must be one of"):
        parse_layout(raw)


def test_column_shares_must_add_up_to_100(raw):
    raw["header"]["left_width_pct"] = 50
    with pytest.raises(LayoutError, match=r"\[header\] left_width_pct \+ right_width_pct must be 100"):
        parse_layout(raw)


def test_broken_toml_names_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[page\n", encoding="utf-8")
    with pytest.raises(LayoutError, match=r"broken\.toml"):
        read_layout(path)


def test_a_report_may_choose_the_older_party_margins():
    page = load_layout().page.with_margins("older")
    assert (page.margin_top_mm, page.margin_bottom_mm, page.margin_left_mm, page.margin_right_mm) == (25, 25, 35, 15)
    assert page.label.startswith("25/25/35/15")
    assert load_layout().page.with_margins(None) is load_layout().page


def test_unknown_margins_are_refused_with_the_known_ones():
    with pytest.raises(LayoutError, match="older"):
        load_layout().page.with_margins("rong")


def test_every_preset_has_the_header_data_of_its_rules():
    from app.render.layout import load_layout as layout

    assert (layout("party").header.title, layout("party").header.star, layout("party").header.motto) == (
        "ĐẢNG CỘNG SẢN VIỆT NAM", "*", "")
    assert layout("state").header.motto == "Độc lập - Tự do - Hạnh phúc"
    assert layout("state").header.star == "" and layout("state").header.issuer_rule_pct > 0
    assert layout("doan").header.title == "ĐOÀN TNCS HỒ CHÍ MINH" and layout("doan").header.star == "***"
    assert layout("state").title.separator == "" and layout("state").title.rule_pct > 0


def test_the_state_layout_has_the_sizes_of_decree_30():
    styles = load_layout("state").styles
    assert (styles["party_title"].size_pt, styles["party_title"].bold) == (12, True)
    assert (styles["motto"].size_pt, styles["motto"].bold, styles["motto"].caps) == (13, True, False)
    assert (styles["recipients_label"].bold, styles["recipients_label"].italic) == (True, True)
    assert styles["recipient"].size_pt == 11
    assert styles["sign_position"].bold

