"""The TOML data files are read by one converter that names the file, the table and the key of a mistake."""

from __future__ import annotations

import dataclasses
import tomllib
from datetime import date

import pytest

from app.domain import labels
from app.domain.datafile import DataFileError
from app.domain.labels import LabelsError, labels_for, rating_field_label
from app.domain.presets import ConventionsError, Preset, conventions, parse_conventions, usual_profiles
from app.paths import templates_dir


@pytest.fixture
def raw_conventions():
    with open(templates_dir() / "layouts" / "state.toml", "rb") as f:
        return tomllib.load(f)["conventions"]


@pytest.mark.parametrize(("key", "value", "message"), [
    ("number_digits", "2", r"\[conventions\] number_digits must be a whole number, not '2'"),
    ("end_mark", 1, r"\[conventions\] end_mark must be true or false, not 1"),
    ("doc_types", "BC", r"\[conventions\] doc_types must be a list"),
    ("heading_style", "roman", r"\[conventions\] heading_style must be one of dash, dot"),
    ("issuer_codes", ["UBND"], r"\[conventions\] issuer_codes must be a table"),
])
def test_a_wrong_value_names_the_file_the_table_and_the_key(raw_conventions, key, value, message):
    raw_conventions[key] = value
    with pytest.raises(ConventionsError, match=r"^state\.toml: " + message):
        parse_conventions(raw_conventions, "state.toml")


def test_a_nested_table_is_named_with_its_path(raw_conventions):
    raw_conventions["usual"]["signer"] = "CHỦ TỊCH"
    del raw_conventions["usual"]["position"]
    with pytest.raises(ConventionsError) as caught:
        parse_conventions(raw_conventions, "state.toml")
    assert str(caught.value) == ("state.toml: [conventions.usual] lacks position; "
                                 "state.toml: [conventions.usual] has unknown keys signer")


def test_every_mistake_of_a_file_is_named_at_once(raw_conventions):
    del raw_conventions["on_behalf"]
    raw_conventions["colour"] = "red"
    with pytest.raises(DataFileError, match=r"lacks on_behalf.*has unknown keys colour"):
        parse_conventions(raw_conventions, "state.toml")


def test_the_usual_profile_of_each_non_party_preset_is_data():
    profiles = usual_profiles()
    assert set(profiles) == {Preset.STATE, Preset.CONG_DOAN, Preset.DOAN}
    assert (profiles[Preset.STATE].issuer_code, profiles[Preset.STATE].position) == ("UBND", "CHỦ TỊCH")
    assert conventions(Preset.PARTY).usual is None


@pytest.mark.parametrize(("preset", "symbol"), [
    (Preset.PARTY, "05-BC/ĐU"), (Preset.STATE, "05/BC-ĐU"), (Preset.DOAN, "05-BC/ĐU"),
])
def test_a_cited_number_is_the_document_number_without_so(preset, symbol):
    conv = conventions(preset)
    assert conv.symbol(5, "BC", "ĐU") == symbol
    assert conv.document_number(5, "BC", "ĐU") == conv.number_prefix + symbol
    assert conv.padded(7) == "07"


def _broken_labels(tmp_path, monkeypatch, text: str) -> None:
    path = tmp_path / "ratings.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(labels, "labels_path", lambda: path)
    labels._data.cache_clear()


@pytest.fixture
def labels_text(monkeypatch):
    yield (templates_dir() / "labels" / "ratings.toml").read_text(encoding="utf-8")
    labels._data.cache_clear()


def test_a_rating_rule_without_its_date_is_named(tmp_path, monkeypatch, labels_text):
    _broken_labels(tmp_path, monkeypatch, labels_text.replace("effective = 2014-09-25", 'effective = "25/9/2014"'))
    with pytest.raises(LabelsError, match=r"ratings\.toml: \[rating_rule\.1\] effective must be a date \(YYYY-MM-DD\)"):
        labels_for(2015)


def test_a_level_name_missing_from_a_period_is_named(tmp_path, monkeypatch, labels_text):
    _broken_labels(tmp_path, monkeypatch, labels_text.replace(', not_complete = "yếu kém" }', " }", 1))
    with pytest.raises(LabelsError, match=r"\[levels\.0\.organisation\] lacks not_complete"):
        labels_for(2010)


def test_a_labels_file_that_is_not_toml_names_itself(tmp_path, monkeypatch, labels_text):
    _broken_labels(tmp_path, monkeypatch, "[[levels]\n")
    with pytest.raises(LabelsError, match=r"ratings\.toml"):
        labels_for(2010)


def test_rating_fields_are_labelled_in_the_wording_of_the_year(vietnamese):
    assert rating_field_label("stats.ratings.organisations.excellent", 2012) == (
        "số chi bộ được xếp loại trong sạch, vững mạnh")
    assert rating_field_label("stats.ratings.organisations.excellent", 2025) == (
        "số chi bộ được xếp loại hoàn thành xuất sắc nhiệm vụ")
    assert rating_field_label("stats.ratings.members.total", 2025) is None
    assert rating_field_label("stats.membership.admitted", 2025) is None


def test_the_rule_in_force_follows_the_date_of_issue():
    assert "124-QĐ/TW" in labels_for(2025, on=date(2025, 8, 29)).rating_rule
    assert "366-QĐ/TW" in labels_for(2025, on=date(2025, 8, 30)).rating_rule
    assert dataclasses.is_dataclass(labels_for(2025))
