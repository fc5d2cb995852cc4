"""The preview HTML follows the same preset and settings as the .docx."""

from __future__ import annotations

from app.domain.demo import DemoKind, demo_report
from app.services.export import preview_html


def test_party_preview_has_the_party_title_underlined_and_a_star():
    html = preview_html(demo_report())
    assert '<span style="text-decoration:underline">ĐẢNG CỘNG SẢN VIỆT NAM</span>' in html
    assert ">*</p>" in html
    assert "Số 25-BC/ĐU" in html
    assert "Độc lập" not in html


def test_state_preview_has_quoc_hieu_the_underlined_tieu_ngu_and_short_lines():
    html = preview_html(demo_report(preset="state"))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    assert '<span style="text-decoration:underline">Độc lập - Tự do - Hạnh phúc</span>' in html
    assert html.count("<hr width=") == 2  # under the issuer and under the trích yếu
    assert "Số: 25/BC-UBND" in html
    assert "TM. ỦY BAN NHÂN DÂN" in html
    assert "./.</p>" in html


def test_doan_preview_has_three_stars():
    html = preview_html(demo_report(preset="doan"))
    assert "ĐOÀN TNCS HỒ CHÍ MINH" in html and ">***</p>" in html


def test_preview_shows_the_appendices_after_the_signature():
    html = preview_html(demo_report(DemoKind.MID_TERM))
    signature = html.index("Nguyễn Văn A")
    labels = [html.index(f">Phụ lục {n}</p>") for n in (1, 2, 3)]
    assert signature < labels[0] < labels[1] < labels[2]


def test_preview_in_another_preset_than_the_organisations():
    assert "Số: 25/BC-ĐU" in preview_html(demo_report(), preset="state")


def test_each_printed_section_has_one_anchor_before_its_first_paragraph(demo):
    html = preview_html(demo)
    for section in demo.walk_sections():
        if section.enabled:
            assert html.count(f'name="section-{section.key}"') == 1, section.key
    heading = html.index('name="section-dac_diem"')
    assert html.index("ĐẶC ĐIỂM TÌNH HÌNH") > heading
    assert html.rfind("<p", 0, heading) > html.rfind("</p>", 0, heading)  # inside the heading's paragraph


def test_a_section_left_out_has_no_anchor(demo):
    demo.section("dan_van").enabled = False
    assert 'name="section-dan_van"' not in preview_html(demo)
