"""The JSON interchange format: the schema matches the domain, files round-trip, bad files are refused clearly."""

from __future__ import annotations

import dataclasses
import enum
import errno
import json
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from app import __version__, i18n
from app.domain.codec import to_dict
from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.domain.inspection import Discipline, Inspection, MemberDiscipline, OrgDiscipline, OrgMemberCount
from app.domain.member_stats import BADGE_YEARS, Membership
from app.domain.organisation import Organisation, OrgKind, Signature
from app.domain.outline import filled_title
from app.domain.party_life import PartyLife
from app.domain.period import PeriodKind
from app.domain.presets import Preset
from app.domain.ratings import Level, RatingCounts, Ratings
from app.domain.report import Entry, EntryKind, Report, ReportKind, ReportStatus, Section, Settings, Statistics
from app.domain.spelling import ToneStyle
from app.domain.targets import Comparator, Target
from app.services import interchange
from app.services.interchange import (
    dumps_report,
    export_report_file,
    import_report_file,
    loads_report,
    schema_text,
)

DATA = Path(__file__).resolve().parent.parent / "data"
EXPORTED_AT = datetime(2026, 12, 15, 9, 30, tzinfo=timezone(timedelta(hours=7)))


@pytest.fixture(autouse=True)
def english():
    """Messages in English, the msgids the assertions quote."""
    i18n.set_language("en")


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(schema_text())


@pytest.fixture(scope="module")
def validator(schema) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_schema_is_a_valid_draft_2020_12_schema(schema):
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_accepts_the_demo_report(validator, demo):
    assert list(validator.iter_errors(json.loads(dumps_report(demo)))) == []
    envelope = {"format": "tongket-report", "version": 3, "app_version": __version__,
                "exported_at": "2026-12-15T09:30:00+07:00", "report": to_dict(demo)}
    assert list(validator.iter_errors(envelope)) == []


@pytest.mark.parametrize(("definition", "python_enum"), [
    ("org_kind", OrgKind),
    ("report_kind", ReportKind),
    ("report_status", ReportStatus),
    ("entry_kind", EntryKind),
    ("level", Level),
    ("comparator", Comparator),
    ("preset", Preset),
    ("tone_style", ToneStyle),
    ("period_kind", PeriodKind),
])
def test_schema_enum_matches_the_python_enum(schema, definition: str, python_enum: type[enum.Enum]):
    assert schema["$defs"][definition]["enum"] == [member.value for member in python_enum]


def test_schema_allows_badges_for_exactly_the_badge_years(schema):
    badges = schema["$defs"]["membership"]["properties"]["badges"]
    assert badges["propertyNames"]["enum"] == [str(year) for year in BADGE_YEARS]


OPTIONAL_KEYS = {("report", "roster"), ("statistics", "unit")}


@pytest.mark.parametrize(("definition", "cls"), [
    ("signature", Signature), ("organisation", Organisation), ("entry", Entry), ("section", Section),
    ("membership", Membership), ("rating_counts", RatingCounts), ("ratings", Ratings),
    ("org_member_count", OrgMemberCount), ("inspection", Inspection), ("member_discipline", MemberDiscipline),
    ("org_discipline", OrgDiscipline), ("discipline", Discipline), ("party_life", PartyLife),
    ("statistics", Statistics), ("target", Target), ("settings", Settings), ("report", Report),
])
def test_schema_object_requires_every_field_of_its_dataclass_in_order(schema, definition: str, cls: type):
    # A row's version belongs to the database it was read from, and the yearly reports' targets a congress report is
    # read with are those reports': files carry neither (app.domain.codec).
    fields = [f.name for f in dataclasses.fields(cls) if f.name not in ("version", "yearly_targets")]
    subschema = schema["$defs"][definition]
    assert list(subschema["properties"]) == fields
    # The member list travels only when she asks; the unit's figures came late in version 3 (absent reads as 0).
    assert subschema["required"] == [f for f in fields if (definition, f) not in OPTIONAL_KEYS]
    assert subschema["additionalProperties"] is False


def test_demo_report_survives_a_round_trip(demo):
    assert loads_report(dumps_report(demo)) == demo


def test_round_trip_keeps_times_overrides_and_exact_decimals(demo):
    demo.updated_at = datetime(2026, 12, 16, 8, 5, 30, 125000)
    demo.signature = Signature("KT. BÍ THƯ", "PHÓ BÍ THƯ", "Lê Văn C")
    demo.recipients = ["- Như trên,"]
    demo.status = ReportStatus.FINAL
    demo.stats.ratings.self_rating = Level.GOOD
    demo.targets[1].result = Decimal("98.25")
    demo.targets[2].value = Decimal("0.1")
    assert loads_report(dumps_report(demo)) == demo


def test_database_ids_are_written_but_not_read_back(demo):
    demo.id = 7
    demo.organisation.id = 3
    for number, section in enumerate(demo.walk_sections(), start=1):
        section.id = number
        for entry in section.entries:
            entry.id = number
    text = dumps_report(demo)
    assert json.loads(text)["report"]["id"] == 7
    report = loads_report(text)
    assert report.id is None and report.organisation.id is None
    assert all(s.id is None and all(e.id is None for e in s.entries) for s in report.walk_sections())
    assert dumps_report(report, exported_at=EXPORTED_AT) == dumps_report(demo_report(), exported_at=EXPORTED_AT)


def test_file_has_the_envelope_and_keeps_vietnamese_unescaped(demo):
    text = dumps_report(demo, exported_at=EXPORTED_AT)
    data = json.loads(text)
    assert list(data) == ["format", "version", "app_version", "exported_at", "report"]
    assert data["format"] == "tongket-report"
    assert data["version"] == 3
    assert data["app_version"] == __version__
    assert data["exported_at"] == "2026-12-15T09:30:00+07:00"
    assert "Đảng bộ Trường" in text
    assert text.startswith('{\n  "format"') and text.endswith("}\n")


def test_decimals_are_written_as_integers_or_strings_never_fractions(demo):
    demo.targets[1].result = Decimal("98.5")
    targets = json.loads(dumps_report(demo))["report"]["targets"]
    assert targets[0]["value"] == 2
    assert targets[1]["result"] == "98.5"


def test_exported_at_defaults_to_now_with_its_offset(demo):
    moment = datetime.fromisoformat(json.loads(dumps_report(demo))["exported_at"])
    assert moment.utcoffset() is not None
    assert abs(datetime.now(UTC) - moment) < timedelta(minutes=1)


def test_same_report_dumps_to_the_same_text(demo):
    assert dumps_report(demo, exported_at=EXPORTED_AT) == dumps_report(demo, exported_at=EXPORTED_AT)


@pytest.mark.parametrize("name", ["report_demo_v1.json", "report_minimal_v1.json", "check_unbalanced_v1.json"])
def test_version_1_files_still_read_and_write_back_as_the_current_version(name: str):
    text = (DATA / name).read_text(encoding="utf-8")
    written = json.loads(dumps_report(loads_report(text), exported_at=EXPORTED_AT))
    assert written["version"] == 3
    old = json.loads(text)["report"]
    # Every entry of a version 1 file is text she typed, its organisation is hers and belongs to none stored;
    # nothing else changes.
    for section in _walk(old["sections"]):
        for entry in section["entries"]:
            entry.update(source="", state="auto", basis="")
    old["settings"]["keep_empty_sections"] = False
    old["settings"]["tone_style"] = "new"
    old["organisation"]["is_sample"] = False
    old["organisation"]["parent_id"] = None
    old["period_kind"] = "calendar_year"  # every report before version 3 covered a calendar year
    old["stats"]["unit"] = {"staff": 0, "population": 0}  # the unit's figures: none entered
    assert written["report"] == old


def _walk(sections):
    for section in sections:
        yield section
        yield from _walk(section["children"])


def test_version_3_demo_file_reads_and_writes_back_byte_for_byte():
    text = (DATA / "report_demo_v3.json").read_text(encoding="utf-8")
    assert dumps_report(loads_report(text), exported_at=EXPORTED_AT) == text


def test_a_version_2_file_reads_with_the_apps_own_tone_style():
    report = loads_report((DATA / "report_demo_v2.json").read_text(encoding="utf-8"))
    assert report.settings.tone_style is ToneStyle.NEW
    assert report == loads_report((DATA / "report_demo_v3.json").read_text(encoding="utf-8"))


def test_a_version_2_file_reads_as_a_calendar_year_with_the_apps_tone_style_and_nothing_else_changes():
    old = json.loads((DATA / "report_demo_v2.json").read_text(encoding="utf-8"))
    report = loads_report(json.dumps(old))
    assert report.period_kind is PeriodKind.CALENDAR_YEAR
    assert report.period.phrase == f"năm {report.year}"
    written = json.loads(dumps_report(report, exported_at=EXPORTED_AT))
    assert written["version"] == 3
    expected = old["report"] | {"period_kind": "calendar_year"}
    expected["settings"]["tone_style"] = "new"
    expected["stats"]["unit"] = {"staff": 0, "population": 0}
    assert written["report"] == expected


def test_a_school_year_report_keeps_its_period_through_a_file(demo):
    school = replace(demo, period_kind=PeriodKind.SCHOOL_YEAR)
    back = loads_report(dumps_report(school))
    assert back.period_kind is PeriodKind.SCHOOL_YEAR
    assert back.period.phrase == f"năm học {demo.year} - {demo.year + 1}"


def test_demo_fixture_is_the_demo_report(demo):
    assert import_report_file(DATA / "report_demo_v1.json") == demo


def test_part_titles_written_with_the_year_print_as_the_period_names_them(demo):
    old = import_report_file(DATA / "report_minimal_v1.json")
    assert "{year}" in old.sections[0].title
    assert filled_title(old.sections[0].title, old.period) == f"KẾT QUẢ NĂM {old.year}"
    school = replace(old, period_kind=PeriodKind.SCHOOL_YEAR)
    assert filled_title(old.sections[0].title, school.period) == (
        f"KẾT QUẢ NĂM HỌC {old.year} - {old.year + 1}")


def test_decomposed_text_is_normalised_to_nfc_on_import(demo):
    decomposed = unicodedata.normalize("NFD", dumps_report(demo))
    assert decomposed != dumps_report(demo)
    report = loads_report(decomposed)
    assert report == demo
    assert unicodedata.is_normalized("NFC", report.organisation.name)


def test_byte_order_mark_is_tolerated(tmp_path, demo):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps_report(demo).encode("utf-8"))
    assert import_report_file(path) == demo


BAD_FILES = [
    ("bad_not_json.json", ["not valid JSON", "line 69, column 5"]),
    ("bad_not_an_object.json", ["not a Tổng Kết report file"]),
    ("bad_wrong_format.json", ["not a Tổng Kết report file", '"format": "tongket-report"']),
    ("bad_newer_version.json", ["format version 4", "Tổng Kết 2.0.0", "reads format version 3 and older"]),
    ("bad_duplicate_key.json", ["“year” appears twice"]),
    ("bad_negative_count.json", ["report.stats.membership.closing_total: -3 is less than the minimum 0"]),
    ("bad_unknown_report_kind.json",
     ['report.kind: "annual" is not one of "year_end", "six_month", "mid_term"']),
    ("bad_unknown_key.json", ["report.organisation: unknown key “fax”"]),
    ("bad_missing_key.json", ["report.organisation: the key “name” is missing"]),
    ("bad_badge_year.json", ["report.stats.membership.badges: “35” is not allowed here; allowed: 30, 40,"]),
    ("bad_impossible_date.json", ['report.issued_on: "2026-02-30" is not a date']),
    ("bad_fraction_decimal.json", ["report.targets[0].value: 98.5 is not a decimal number"]),
    ("bad_entry_kind.json", ['report.sections[0].children[0].entries[0].kind: "heading" is not one of']),
    ("bad_control_character.json",
     ["report.sections[0].children[0].entries[1].text: the text contains a control character"]),
    ("bad_signature_type.json", ["report.signature.name: 5 is not text"]),
    ("bad_impossible_time.json", ["report.updated_at"]),
]


@pytest.mark.parametrize(("name", "expected"), BAD_FILES, ids=[name for name, _ in BAD_FILES])
def test_bad_file_is_refused_with_a_message_that_says_where(name: str, expected: list[str]):
    with pytest.raises(UserError) as caught:
        import_report_file(DATA / name)
    message = str(caught.value)
    assert message.startswith(f"Cannot open {DATA / name}.")
    for part in expected:
        assert part in message
    assert "Traceback" not in message


def test_every_bad_fixture_is_tested():
    assert {p.name for p in DATA.glob("bad_*.json")} == {name for name, _ in BAD_FILES}


def test_schema_problems_are_listed_one_per_line_with_a_count_beyond_twenty(demo):
    data = json.loads(dumps_report(demo))
    membership = data["report"]["stats"]["membership"]
    for key in list(membership)[:-1]:  # every count but the badges
        membership[key] = -1
    with pytest.raises(UserError) as caught:
        loads_report(json.dumps(data))
    lines = caught.value.detail.splitlines()
    assert caught.value.message == "The file does not match the report format, version 3:"
    assert len(lines) == interchange.MAX_PROBLEMS + 1
    assert lines[0] == "report.stats.membership.opening_total: -1 is less than the minimum 0"
    assert lines[-1] == "… and 2 more problems."


def test_missing_file_is_named(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        import_report_file(tmp_path / "nowhere.json")


def test_folder_is_not_taken_for_a_file(tmp_path):
    with pytest.raises(UserError, match="is a folder"):
        import_report_file(tmp_path)


def test_file_in_another_encoding_is_refused(tmp_path, demo):
    path = tmp_path / "utf16.json"
    path.write_bytes(dumps_report(demo).encode("utf-16"))
    with pytest.raises(UserError, match="not UTF-8 text: byte 0"):
        import_report_file(path)


def test_deeply_nested_file_is_refused_without_a_traceback():
    with pytest.raises(UserError, match="nested too deeply"):
        loads_report("[" * 100_000)


def test_export_writes_the_file_that_import_reads(tmp_path, demo):
    path = tmp_path / "report.json"
    export_report_file(demo, path)
    assert import_report_file(path) == demo
    assert path.read_bytes().startswith(b'{\n  "format": "tongket-report"')


def test_failed_export_leaves_the_old_file_and_no_temporary_file(tmp_path, demo, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "report.json"
    path.write_text("old", encoding="utf-8")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("app.fileio.os.fsync", disk_full)
    with pytest.raises(UserError, match="disk is full"):
        export_report_file(demo, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in folder.iterdir()] == ["report.json"]


def test_export_into_a_missing_folder_writes_nothing(tmp_path, demo):
    with pytest.raises(UserError, match="does not exist"):
        export_report_file(demo, tmp_path / "missing" / "report.json")
    assert not (tmp_path / "missing").exists()


def test_export_over_a_folder_says_it_cannot_write(tmp_path, demo):
    folder = tmp_path / "out"
    (folder / "taken").mkdir(parents=True)
    with pytest.raises(UserError, match="Cannot write"):
        export_report_file(demo, folder / "taken")
    assert [p.name for p in folder.iterdir()] == ["taken"]
    assert list((folder / "taken").iterdir()) == []
