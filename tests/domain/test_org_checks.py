"""Organisation profile checks: one bad and one good example per rule.

Messages are read in English, the source language, so that the tests do not depend on the catalog.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest

from app import i18n
from app.domain.findings import Severity, has_errors
from app.domain.org_checks import check_organisation, default_authority, default_issuer_code
from app.domain.organisation import Organisation, OrgKind, Signature


@pytest.fixture(autouse=True)
def english(vietnamese):
    i18n.set_language("en")


def good_dang_uy() -> Organisation:
    return Organisation(
        name="Đảng bộ xã La Bằng",
        upper_body="ĐẢNG BỘ HUYỆN ĐẠI TỪ",
        issuer_name="ĐẢNG ỦY XÃ LA BẰNG",
        kind=OrgKind.DANG_BO_CO_SO,
        issuer_code="ĐU",
        place="La Bằng",
        short_name="Đảng bộ xã",
        signature=Signature("T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "Nguyễn Văn An"),
        recipients=[
            "- Ban Thường vụ Huyện ủy (để báo cáo),",
            "- Các đồng chí Đảng ủy viên,",
            "- Các chi bộ trực thuộc,",
            "- Lưu Văn phòng Đảng ủy.",
        ],
    )


def good_chi_bo() -> Organisation:
    return Organisation(
        name="Chi bộ thôn Đồng Tâm",
        upper_body="ĐẢNG BỘ XÃ LA BẰNG",
        issuer_name="CHI BỘ THÔN ĐỒNG TÂM",
        kind=OrgKind.CHI_BO_TRUC_THUOC,
        issuer_code="CB",
        place="La Bằng",
        signature=Signature("T/M CHI BỘ", "BÍ THƯ", "Trần Thị Bình"),
        recipients=["- Đảng ủy xã La Bằng (để báo cáo),", "- Đảng viên trong chi bộ,", "- Lưu Chi bộ."],
    )


def findings(org: Organisation, code: str):
    return [f for f in check_organisation(org) if f.code == code]


@pytest.mark.parametrize("make", [good_dang_uy, good_chi_bo])
def test_a_well_formed_profile_has_no_finding(make):
    assert check_organisation(make()) == []


# Required fields


@pytest.mark.parametrize("attribute, path", [
    ("name", "organisation.name"),
    ("upper_body", "organisation.upper_body"),
    ("issuer_name", "organisation.issuer_name"),
    ("issuer_code", "organisation.issuer_code"),
    ("place", "organisation.place"),
])
def test_an_empty_header_field_is_an_error_naming_it(attribute, path):
    org = replace(good_dang_uy(), **{attribute: "  "})
    [finding] = findings(org, "organisation.required")
    assert finding.severity is Severity.ERROR
    assert finding.fields == (path,)
    assert finding.message.startswith("Fill in the")


def test_an_empty_signer_name_is_only_a_warning_since_drafts_may_omit_it():
    org = good_dang_uy()
    org.signature.name = ""
    [finding] = findings(org, "organisation.signer_missing")
    assert finding.severity is Severity.WARNING
    assert finding.fields == ("organisation.signature.name",)
    assert not has_errors(check_organisation(org))


def test_an_empty_authority_line_is_a_warning_that_gives_the_kind_s_usual_line():
    org = good_chi_bo()
    org.signature.authority = ""
    [finding] = findings(org, "organisation.authority_missing")
    assert finding.severity is Severity.WARNING
    assert "T/M CHI BỘ" in finding.message


# Upper-level line names the đảng bộ, not its committee


@pytest.mark.parametrize("upper, committee, suggestion", [
    ("ĐẢNG ỦY XÃ ĐIỀN XÁ", "ĐẢNG ỦY", "ĐẢNG BỘ XÃ ĐIỀN XÁ"),
    ("Đảng uỷ xã Điền Xá", "ĐẢNG UỶ", "ĐẢNG BỘ XÃ ĐIỀN XÁ"),
    ("HUYỆN ỦY ĐỊNH HÓA", "HUYỆN ỦY", "ĐẢNG BỘ HUYỆN ĐỊNH HÓA"),
    ("QUẬN ỦY QUẬN 9", "QUẬN ỦY", "ĐẢNG BỘ QUẬN QUẬN 9"),
    ("TỈNH ỦY THÁI NGUYÊN", "TỈNH ỦY", "ĐẢNG BỘ TỈNH THÁI NGUYÊN"),
    ("CHI ỦY THÔN A", "CHI ỦY", "CHI BỘ THÔN A"),
    ("BAN THƯỜNG VỤ HUYỆN ỦY ĐẠI TỪ", "BAN THƯỜNG VỤ HUYỆN ỦY", "ĐẢNG BỘ HUYỆN ĐẠI TỪ"),
])
def test_an_upper_line_that_names_a_committee_is_an_error_with_the_fix(upper, committee, suggestion):
    org = replace(good_chi_bo(), upper_body=upper)
    [finding] = findings(org, "organisation.upper_body_committee")
    assert finding.severity is Severity.ERROR
    assert finding.fields == ("organisation.upper_body",)
    assert f'"{committee}"' in finding.message
    assert suggestion in finding.message


@pytest.mark.parametrize("upper", ["ĐẢNG BỘ XÃ LA BẰNG", "ĐẢNG BỘ KHỐI CƠ QUAN", "ĐẢNG ỦYXÃ"])
def test_an_upper_line_that_names_the_dang_bo_passes(upper):
    assert findings(replace(good_chi_bo(), upper_body=upper), "organisation.upper_body_committee") == []


# Signature: T/M, never K/T or the state's TM.


@pytest.mark.parametrize("authority, found", [("K/T BÍ THƯ", "K/T"), ("KT. BÍ THƯ", "KT."), ("k / t bí thư", "k / t")])
def test_a_committee_that_signs_k_t_is_an_error_that_says_t_m(authority, found):
    org = good_dang_uy()
    org.signature.authority = authority
    [finding] = findings(org, "organisation.deputy_signs_kt")
    assert finding.is_error
    assert finding.fields == ("organisation.signature.authority",)
    assert "T/M ĐẢNG ỦY" in finding.message and found in finding.message
    assert "PHÓ BÍ THƯ" in finding.message


def test_t_m_for_the_deputy_passes():
    org = good_dang_uy()
    assert org.signature.position == "PHÓ BÍ THƯ"
    assert findings(org, "organisation.deputy_signs_kt") == []


def test_the_state_style_tm_dot_is_an_error_that_says_write_t_m():
    org = good_chi_bo()
    org.signature.authority = "TM. CHI BỘ"
    [finding] = findings(org, "organisation.state_tm")
    assert finding.is_error
    assert "T/M" in finding.message and "TM." in finding.message


def test_the_party_style_t_m_with_a_slash_passes():
    assert findings(good_chi_bo(), "organisation.state_tm") == []


# Signer's name without a title


@pytest.mark.parametrize("name, title", [
    ("TS. Nguyễn Văn An", "TS."),
    ("ThS. Lê Thị Hoa", "ThS."),
    ("PGS.TS. Phạm Minh", "PGS.TS."),
    ("Đ/c Hoàng Văn Ba", "Đ/c"),
])
def test_a_title_before_the_signer_s_name_is_a_warning(name, title):
    org = good_dang_uy()
    org.signature.name = name
    [finding] = findings(org, "organisation.signer_title")
    assert finding.severity is Severity.WARNING
    assert title in finding.message
    assert name.removeprefix(title).strip() in finding.message


@pytest.mark.parametrize("name", ["Thu Hà", "Tsering", "Nguyễn Thị Thanh Thủy", "Cù Văn Tư"])
def test_a_plain_name_is_not_read_as_a_title(name):
    org = good_dang_uy()
    org.signature.name = name
    assert findings(org, "organisation.signer_title") == []


# Issuer code agrees with the kind


@pytest.mark.parametrize("kind, code, expected", [
    (OrgKind.CHI_BO_CO_SO, "ĐU", "CB"),
    (OrgKind.CHI_BO_TRUC_THUOC, "DU", "CB"),
    (OrgKind.DANG_BO_CO_SO, "CB", "ĐU"),
    (OrgKind.DANG_BO_BO_PHAN, "DU", "ĐU"),
])
def test_an_issuer_code_that_does_not_fit_the_kind_is_a_warning(kind, code, expected):
    org = replace(good_dang_uy(), kind=kind, issuer_code=code)
    [finding] = findings(org, "organisation.issuer_code_kind")
    assert finding.severity is Severity.WARNING
    assert finding.fields[0] == "organisation.issuer_code"
    assert f"/{expected}" in finding.message


@pytest.mark.parametrize("kind, code", [
    (OrgKind.CHI_BO_CO_SO, "cb"),
    (OrgKind.DANG_BO_BO_PHAN, "ĐU"),
    (OrgKind.DANG_BO_CAP_TREN, "HU"),
])
def test_an_issuer_code_that_fits_the_kind_passes(kind, code):
    org = replace(good_dang_uy(), kind=kind, issuer_code=code)
    assert findings(org, "organisation.issuer_code_kind") == []


def test_a_whole_number_typed_as_the_code_is_a_warning_asking_for_the_code_only():
    org = replace(good_dang_uy(), issuer_code="BC/ĐU")
    [finding] = findings(org, "organisation.issuer_code_form")
    assert finding.severity is Severity.WARNING


def test_the_usual_code_and_authority_of_each_kind():
    assert default_issuer_code(OrgKind.CHI_BO_CO_SO) == "CB"
    assert default_issuer_code(OrgKind.DANG_BO_CO_SO) == "ĐU"
    assert default_issuer_code(OrgKind.DANG_BO_CAP_TREN) == ""
    assert default_authority(OrgKind.CHI_BO_TRUC_THUOC) == "T/M CHI BỘ"
    assert default_authority(OrgKind.DANG_BO_BO_PHAN) == "T/M ĐẢNG ỦY"
    assert default_authority(OrgKind.DANG_BO_CAP_TREN) == "T/M BAN THƯỜNG VỤ"


# Recipients


def test_a_recipient_line_without_the_dash_is_a_warning_naming_the_line():
    org = good_chi_bo()
    org.recipients[1] = "Đảng viên trong chi bộ,"
    [finding] = findings(org, "organisation.recipient_line")
    assert finding.severity is Severity.WARNING
    assert finding.fields == ("organisation.recipients",)
    assert finding.message == 'Recipient line 2 (“Đảng viên trong chi bộ,”): start it with “- ”.'


def test_a_recipient_line_ending_with_a_semicolon_is_a_warning_asking_for_a_comma():
    org = good_chi_bo()
    org.recipients[0] = "- Đảng ủy xã La Bằng (để báo cáo);"
    [finding] = findings(org, "organisation.recipient_line")
    assert finding.message.startswith('Recipient line 1 (“- Đảng ủy xã La Bằng (để báo cáo);”)')
    assert "end it with “,”" in finding.message


def test_a_last_line_that_is_not_the_filed_copy_is_a_warning():
    org = good_chi_bo()
    org.recipients = ["- Đảng ủy xã La Bằng (để báo cáo),", "- Đảng viên trong chi bộ."]
    [finding] = findings(org, "organisation.recipient_line")
    assert "line 2" in finding.message and "- Lưu Chi bộ." in finding.message


def test_the_state_style_archive_line_is_one_warning_about_the_colon_and_the_stop():
    org = good_chi_bo()
    org.recipients[-1] = "- Lưu: VT"
    [finding] = findings(org, "organisation.recipient_line")
    assert 'no colon after "Lưu"' in finding.message
    assert "end it with “.”" in finding.message


def test_an_empty_recipient_list_is_a_warning():
    org = replace(good_chi_bo(), recipients=[])
    [finding] = findings(org, "organisation.recipients_missing")
    assert finding.severity is Severity.WARNING


def test_a_single_archive_line_is_a_valid_list():
    org = replace(good_chi_bo(), recipients=["- Lưu Chi bộ."])
    assert check_organisation(org) == []


# NFC


def test_decomposed_text_as_unikey_may_send_it_is_a_warning_naming_the_field():
    org = replace(good_dang_uy(), place=unicodedata.normalize("NFD", "La Bằng"))
    [finding] = findings(org, "organisation.not_nfc")
    assert finding.severity is Severity.WARNING
    assert finding.fields == ("organisation.place",)
    assert "place name" in finding.message


def test_composed_text_passes():
    assert findings(good_dang_uy(), "organisation.not_nfc") == []


def test_errors_come_before_warnings():
    org = replace(good_dang_uy(), upper_body="ĐẢNG ỦY XÃ A", recipients=[])
    severities = [f.severity for f in check_organisation(org)]
    assert severities == sorted(severities, reverse=True)
    assert has_errors(check_organisation(org))


def test_an_organisation_in_another_format_is_spared_the_party_rules():
    org = replace(good_dang_uy(), upper_body="ỦY BAN NHÂN DÂN HUYỆN A", issuer_code="UBND",
                  recipients=["- Như trên;", "- Lưu: VT."])
    org.signature.authority = "TM. ỦY BAN NHÂN DÂN"
    if not hasattr(org, "preset"):
        pytest.skip("Organisation has no preset yet")
    org.preset = "state"
    assert check_organisation(org) == []
    org.preset = "party"
    assert has_errors(check_organisation(org))
