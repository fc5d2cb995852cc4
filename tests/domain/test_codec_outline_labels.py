"""Round trips of the codec, the default outline, and the label sets by year."""

import json

from app.domain.codec import from_dict, to_dict
from app.domain.labels import labels_for
from app.domain.organisation import OrgKind
from app.domain.outline import default_outline
from app.domain.ratings import Level
from app.domain.report import Report, ReportKind


def test_a_report_survives_a_json_round_trip(demo):
    text = json.dumps(to_dict(demo), ensure_ascii=False)
    assert from_dict(json.loads(text), Report) == demo


def test_badge_years_travel_as_string_keys(demo):
    assert to_dict(demo)["stats"]["membership"]["badges"] == {"30": 2, "40": 1}


def test_the_year_end_outline_has_the_two_parts_and_the_conventional_sections():
    outline = default_outline()
    assert [p.key for p in outline] == ["phan_1", "phan_2"]
    keys = [s.key for p in outline for s in p.walk()]
    for key in ("dac_diem", "to_chuc_can_bo", "kiem_tra", "han_che", "nguyen_nhan_chu_quan", "chi_tieu", "de_xuat"):
        assert key in keys


def test_the_six_month_outline_has_no_targets_section():
    keys = [s.key for p in default_outline(ReportKind.SIX_MONTH) for s in p.walk()]
    assert "chi_tieu" not in keys


def test_a_chi_bo_outline_leads_only_the_mass_organisations():
    titles = [s.title for s in default_outline(org_kind=OrgKind.CHI_BO_CO_SO)[0].children]
    assert "LÃNH ĐẠO CÁC ĐOÀN THỂ" in titles


def test_ratings_labels_follow_the_report_year():
    assert labels_for(2012).organisation_levels[Level.EXCELLENT] == "trong sạch, vững mạnh"
    assert labels_for(2019).organisation_levels[Level.EXCELLENT] == "hoàn thành xuất sắc nhiệm vụ"
    assert "366-QĐ/TW" in labels_for(2025).rating_rule
    assert "124-QĐ/TW" in labels_for(2024).rating_rule
    assert "296-QĐ/TW" in labels_for(2026).inspection_rule
    # 22-QĐ/TW dates from 28/7/2021: a 2019 report cites the rule in force then, 30-QĐ/TW.
    assert "22-QĐ/TW" in labels_for(2022).inspection_rule
    assert "30-QĐ/TW" in labels_for(2019).inspection_rule
