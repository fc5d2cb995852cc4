"""House style without a developer: an office's own reference .docx and template overrides, checked before use."""

from __future__ import annotations

import shutil

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from app import i18n
from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.domain.findings import Severity
from app.domain.presets import Preset
from app.paths import templates_dir
from app.render.compose import compose
from app.render.lint import check_reference, check_templates, reference_for
from app.render.reference import reference_path
from app.services.export import export_docx


@pytest.fixture(autouse=True)
def english(vietnamese):
    i18n.set_language("en")


@pytest.fixture
def house_style(tmp_path):
    """A copy of the built-in Party reference, as an office would start from."""
    path = tmp_path / "mau-van-phong.docx"
    shutil.copy(reference_path(), path)
    return path


def edit(path, change) -> None:
    document = docx.Document(str(path))
    change(document)
    document.save(str(path))


def codes(findings) -> list[str]:
    return [f.code for f in findings]


# The reference .docx.

@pytest.mark.parametrize("preset", list(Preset))
def test_the_built_in_references_pass(preset):
    assert check_reference(reference_path(preset), preset) == []


def test_a_missing_file_is_an_error_that_says_what_to_do(tmp_path):
    [finding] = check_reference(tmp_path / "gone.docx")
    assert (finding.code, finding.severity) == ("reference.missing", Severity.ERROR)
    assert finding.fields == ("organisation.reference_docx",)


def test_a_file_that_is_not_a_word_document_is_an_error(tmp_path):
    path = tmp_path / "mau.docx"
    path.write_text("không phải tệp Word", encoding="utf-8")
    assert codes(check_reference(path)) == ["reference.unreadable"]


def test_a_document_without_the_named_styles_is_an_error_naming_them(tmp_path):
    path = tmp_path / "trang.docx"
    docx.Document().save(str(path))
    [finding, *_] = check_reference(path)
    assert finding.code == "reference.missing_styles"
    assert "“TK Body”" in finding.message and "“TK Sign Name”" in finding.message


def test_a_style_turned_into_a_character_style_is_an_error(house_style):
    def change(document):
        style = document.styles["TK Star"].element
        style.set(qn("w:type"), "character")

    edit(house_style, change)
    assert "reference.style_type" in codes(check_reference(house_style))


def test_a_theme_font_is_a_warning(house_style):
    def change(document):
        fonts = document.styles["TK Body"].element.rPr.find(qn("w:rFonts"))
        fonts.set(qn("w:asciiTheme"), "minorHAnsi")

    edit(house_style, change)
    [finding] = check_reference(house_style)
    assert (finding.code, finding.severity) == ("reference.theme_fonts", Severity.WARNING)
    assert "“TK Body”" in finding.message


def test_a_font_missing_from_one_of_the_four_slots_is_a_warning(house_style):
    def change(document):
        for fonts in document.styles.element.iter(qn("w:rFonts")):
            fonts.attrib.pop(qn("w:eastAsia"), None)

    edit(house_style, change)
    assert codes(check_reference(house_style)) == ["reference.font_slots"]


def test_a_page_that_is_not_a4_is_a_warning_and_other_margins_a_note(house_style):
    def change(document):
        section = document.sections[0]
        section.page_width, section.page_height = Mm(216), Mm(279)
        section.orientation = WD_ORIENT.PORTRAIT
        section.left_margin = Mm(25)

    edit(house_style, change)
    findings = {f.code: f for f in check_reference(house_style)}
    assert findings["reference.page_size"].severity is Severity.WARNING
    assert findings["reference.margins"].severity is Severity.INFO


def test_the_writer_uses_the_styles_of_the_offices_copy(house_style, tmp_path):
    def change(document):
        document.styles["TK Body"].font.size = Pt(13)
        document.styles["TK Body"].paragraph_format.first_line_indent = Mm(12.7)

    edit(house_style, change)
    report = demo_report()
    report.organisation.reference_docx = str(house_style)
    out = tmp_path / "bao-cao.docx"
    export_docx(report, out)
    body = docx.Document(str(out)).styles["TK Body"]
    assert body.font.size == Pt(13)
    assert round(body.paragraph_format.first_line_indent.mm, 1) == 12.7


def test_a_broken_house_style_stops_the_export_with_the_reasons(tmp_path):
    path = tmp_path / "trang.docx"
    docx.Document().save(str(path))
    report = demo_report()
    report.organisation.reference_docx = str(path)
    with pytest.raises(UserError) as raised:
        export_docx(report, tmp_path / "bao-cao.docx")
    assert "TK Body" in raised.value.detail
    assert not (tmp_path / "bao-cao.docx").exists()


def test_without_a_house_style_the_built_in_reference_is_used():
    assert reference_for(demo_report().organisation) is None


# Template overrides.

def test_the_built_in_templates_pass_their_own_check():
    assert check_templates(templates_dir()) == []


def test_a_syntax_error_is_named_with_its_line(tmp_path):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "dac_diem.j2").write_text("@p Một\n@p {% if %}\n", encoding="utf-8")
    [finding] = check_templates(tmp_path)
    assert (finding.code, finding.severity) == ("templates.syntax", Severity.ERROR)
    assert "sections/dac_diem.j2" in finding.message and "line 2" in finding.message


def test_a_value_the_report_does_not_provide_is_an_error(tmp_path):
    (tmp_path / "report.j2").write_text("@p {{ org.name }} {{ so_lieu_rieng }}\n", encoding="utf-8")
    [finding] = check_templates(tmp_path)
    assert finding.code == "templates.unknown_values"
    assert "so_lieu_rieng" in finding.message


def test_a_template_named_after_nothing_is_a_warning(tmp_path):
    (tmp_path / "bao_cao.j2").write_text("@p Một\n", encoding="utf-8")
    assert codes(check_templates(tmp_path)) == ["templates.unused"]


def test_a_template_not_saved_as_utf8_is_an_error(tmp_path):
    (tmp_path / "report.j2").write_bytes(b"@p \xd0\xa3ng b\xf4\xff\n")  # a legacy 8-bit encoding
    assert codes(check_templates(tmp_path)) == ["templates.encoding"]


def test_an_override_replaces_the_built_in_wording_by_name(tmp_path):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "danh_gia.j2").write_text("@p Đơn vị tự đánh giá hoàn thành tốt nhiệm vụ.\n",
                                                      encoding="utf-8")
    report = demo_report()
    report.organisation.templates_dir = str(tmp_path)
    text = " ".join(block.text for block in compose(report).body)
    assert "Đơn vị tự đánh giá hoàn thành tốt nhiệm vụ." in text
    assert "hoàn thành 5/5 chỉ tiêu đề ra" not in text


@pytest.mark.parametrize(("source", "expected"), [
    ("@p Một\n@p {{ 1 // 0 }}\n", "The template sections/dac_diem.j2 fails on line 2"),
    ("@p Một\n\n@p {{ m.khong_co }}\n", "The template sections/dac_diem.j2 uses a value that does not exist on line 3"),
    ("@p {{ c.__globals__ }}\n", "The template sections/dac_diem.j2 does something templates may not do, on line 1"),
    ("@p {{ range(10**9) | list | length }}\n", "The template sections/dac_diem.j2"),
])
def test_an_error_while_an_override_runs_names_the_template_and_the_line(tmp_path, source, expected):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "dac_diem.j2").write_text(source, encoding="utf-8")
    report = demo_report()
    report.organisation.templates_dir = str(tmp_path)
    with pytest.raises(UserError, match=expected.replace(".", r"\.")):
        compose(report)


def test_an_override_printing_an_unknown_tag_is_a_user_error(tmp_path):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "dac_diem.j2").write_text("@doan Một\n", encoding="utf-8")
    report = demo_report()
    report.organisation.templates_dir = str(tmp_path)
    with pytest.raises(UserError, match="@doan"):
        compose(report)


def test_a_missing_template_folder_is_a_user_error(tmp_path):
    report = demo_report()
    report.organisation.templates_dir = str(tmp_path / "khong-co")
    with pytest.raises(UserError):
        compose(report)
