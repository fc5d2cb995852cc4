"""templates/reference.docx holds every style the writer names, in Times New Roman, and matches the TOML."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.enum.text import WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Pt

from app.domain.presets import Preset
from app.render.layout import load_layout
from app.render.reference import REQUIRED_STYLES, build_reference, main, reference_path

THEME_ATTRIBUTE = re.compile(rb"\w+:(asciiTheme|hAnsiTheme|eastAsiaTheme|cstheme)=")
FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


@pytest.fixture(scope="module")
def reference():
    return docx.Document(str(reference_path()))


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_every_required_style_is_a_paragraph_style_of_the_reference(reference):
    names = {style.name for style in reference.styles if style.type == 1}
    assert set(REQUIRED_STYLES) <= names


def test_reference_has_no_theme_fonts_anywhere():
    for name, xml in _parts(reference_path().read_bytes()).items():
        if name.endswith(".xml") and "theme" not in name:
            assert not THEME_ATTRIBUTE.search(xml), name


def test_doc_defaults_name_times_new_roman_in_all_four_slots_and_vietnamese(reference):
    rPr = reference.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rPr.find(qn("w:rFonts"))
    assert {slot: fonts.get(qn(slot)) for slot in FONT_SLOTS} == dict.fromkeys(FONT_SLOTS, "Times New Roman")
    lang = rPr.find(qn("w:lang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("vi-VN", "vi-VN")


@pytest.mark.parametrize("name", REQUIRED_STYLES)
def test_each_style_names_times_new_roman_in_all_four_slots(reference, name):
    rPr = reference.styles[name].element.rPr
    fonts = rPr.find(qn("w:rFonts"))
    assert {slot: fonts.get(qn(slot)) for slot in FONT_SLOTS} == dict.fromkeys(FONT_SLOTS, "Times New Roman")
    assert rPr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"


def test_body_style_is_justified_exactly_18_pt_with_first_line_indent(reference):
    body = reference.styles["TK Body"]
    fmt = body.paragraph_format
    assert fmt.alignment == WD_PARAGRAPH_ALIGNMENT.JUSTIFY
    assert (fmt.line_spacing_rule, fmt.line_spacing) == (WD_LINE_SPACING.EXACTLY, Pt(18))
    assert round(fmt.first_line_indent.mm, 1) == 10
    assert fmt.space_after == Pt(6)
    assert body.font.size == Pt(14)


@pytest.mark.parametrize("name", ["TK Part Label", "TK Part Title", "TK Heading 1", "TK Heading 2", "TK Heading 3",
                                  "TK Doc Type", "TK Title", "TK Closing", "TK Table Caption"])
def test_headings_and_title_keep_with_next(reference, name):
    assert reference.styles[name].paragraph_format.keep_with_next is True


def test_reference_page_is_a4_with_the_layout_margins(reference):
    section = reference.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)


@pytest.mark.parametrize("preset", list(Preset))
def test_committed_reference_matches_the_layout_toml(preset):
    committed = _parts(reference_path(preset).read_bytes())
    regenerated = _parts(build_reference(load_layout(preset)))
    assert sorted(committed) == sorted(regenerated)
    stale = [name for name in committed if committed[name] != regenerated[name]]
    assert not stale, f"{reference_path(preset).name} is stale in {stale}: run `python -m app.render.reference --all`"


@pytest.mark.parametrize("preset", list(Preset))
def test_every_preset_reference_holds_every_required_style_in_times(preset):
    document = docx.Document(str(reference_path(preset)))
    names = {style.name for style in document.styles if style.type == 1}
    assert set(REQUIRED_STYLES) <= names
    for name in REQUIRED_STYLES:
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert {slot: fonts.get(qn(slot)) for slot in FONT_SLOTS} == dict.fromkeys(FONT_SLOTS, "Times New Roman")


def test_reference_paths_name_each_preset():
    assert reference_path(Preset.PARTY).name == "reference.docx"
    assert reference_path("state").name == "reference-state.docx"
    assert reference_path(Preset.DOAN).name == "reference-doan.docx"


def test_regenerating_all_writes_one_file_per_preset(monkeypatch, tmp_path, capsys):
    from app.render import reference

    out = tmp_path / "references"
    out.mkdir()
    monkeypatch.setattr(reference, "reference_path", lambda preset: out / f"{Preset(preset).value}.docx")
    main(["--all"])
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.value}.docx" for p in Preset)


def test_regenerating_gives_the_same_bytes(tmp_path, capsys):
    target = tmp_path / "reference.docx"
    main(["--output", str(target)])
    first = target.read_bytes()
    main(["--output", str(target)])
    assert target.read_bytes() == first
    assert "wrote" in capsys.readouterr().out
