"""Consolidating from files: .json and .docx read safely, each chi bộ checked on its own, the data part round-trips."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.codec import to_dict
from app.domain.demo import demo_report, demo_statistics, demo_subunit_ratings, demo_subunit_reports
from app.domain.errors import UserError
from app.render.docx_data import NAMESPACE
from app.services.consolidation import consolidate_files, figure_findings, read_ratings, sub_unit_files
from app.services.export import export_docx
from app.services.interchange import export_report_file, import_report_file

LO_TIMEOUT_S = 120


@pytest.fixture(scope="module")
def demo_docx(tmp_path_factory) -> bytes:
    """The demo đảng bộ report exported as a .docx, once for the module."""
    path = tmp_path_factory.mktemp("docx") / "demo.docx"
    export_docx(demo_report(), path)
    return path.read_bytes()


def write_subunits(folder: Path, reports=None) -> list[Path]:
    """The demo chi bộ reports as files: even ones as .json, odd ones as .docx."""
    folder.mkdir(exist_ok=True)
    paths = []
    for i, report in enumerate(reports or demo_subunit_reports()):
        path = folder / f"cb{i:02}.{'docx' if i % 2 else 'json'}"
        (export_docx if i % 2 else export_report_file)(report, path)
        paths.append(path)
    return paths


def replaced_part(data: bytes, name: str, content: bytes) -> bytes:
    """A copy of the zip package data with the entry name holding content instead."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, content if info.filename == name else src.read(info.filename))
    return out.getvalue()


def embedded(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        from lxml import etree

        return json.loads(etree.fromstring(package.read("customXml/item1.xml")).text)


def detached(report):
    return to_dict(replace(report, id=None, updated_at=None))


def test_exported_docx_imports_back_exactly(tmp_path, demo_docx):
    path = tmp_path / "r.docx"
    path.write_bytes(demo_docx)
    assert detached(import_report_file(path)) == detached(demo_report())


def test_docx_exported_in_another_preset_carries_the_report_as_it_is(tmp_path):
    report = demo_subunit_reports()[0]
    export_docx(report, tmp_path / "s.docx", preset="state")
    assert detached(import_report_file(tmp_path / "s.docx")) == detached(report)


def test_data_part_is_a_custom_xml_item_with_its_properties(demo_docx):
    with zipfile.ZipFile(io.BytesIO(demo_docx)) as package:
        names = package.namelist()
        rels = package.read("word/_rels/document.xml.rels").decode()
        types = package.read("[Content_Types].xml").decode()
    assert {"customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels"} <= set(names)
    assert "relationships/customXml\"" in rels and "../customXml/item1.xml" in rels
    assert "customXmlProperties+xml" in types
    assert embedded(demo_docx)["format"] == "tongket-report"


def test_docx_without_the_data_part_is_refused_saying_what_is_missing(tmp_path, demo_docx):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(demo_docx)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if not info.filename.startswith("customXml/"):
                dst.writestr(info, src.read(info.filename))
    path = tmp_path / "plain.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(UserError) as caught:
        import_report_file(path)
    assert NAMESPACE in str(caught.value) and "plain.docx" in str(caught.value)
    assert "dữ liệu" in caught.value.detail  # said in Vietnamese: the data is missing


@pytest.mark.parametrize("content, words", [
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
     b'<report xmlns="urn:tongket:report">&b;&b;&b;</report>', "DTD"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b'<report xmlns="urn:tongket:report">&x;</report>', "DTD"),
    (b'<report xmlns="urn:tongket:report">{"format": "tongket-report", "version": 2, "report": {"year": "x"}}'
     b'</report>', "report"),
    (b'<report xmlns="urn:tongket:report">{"format": "tongket-report", "version": 99, "app_version": "9.0",'
     b' "exported_at": "2030-01-01T00:00:00+07:00", "report": {}}</report>', "99"),
    (b'<report xmlns="urn:tongket:report">not json</report>', "JSON"),
], ids=["entity-expansion", "external-entity", "wrong-schema", "newer-version", "not-json"])
def test_hostile_data_part_is_refused_with_a_message(tmp_path, demo_docx, content, words):
    path = tmp_path / "hostile.docx"
    path.write_bytes(replaced_part(demo_docx, "customXml/item1.xml", content))
    with pytest.raises(UserError) as caught:
        import_report_file(path)
    assert "hostile.docx" in str(caught.value) and words in str(caught.value)


def test_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, demo_docx):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(demo_docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("customXml/item9.xml", b"\0" * (40 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(UserError) as caught:
        import_report_file(path)
    assert "bomb.docx" in str(caught.value)


def test_a_perturbed_set_of_chi_bo_files_is_flagged_naming_each_chi_bo(tmp_path):
    reports = demo_subunit_reports()
    reports[3].stats.membership.closing_total += 1  # Khoa Công nghệ ô tô: its own balance fails
    reports[3].stats.ratings.members.total += 1
    reports[3].stats.party_life.study_members += 1
    files = write_subunits(tmp_path / "sub", reports)
    files[8].unlink()  # Phòng Tổ chức - Hành chính sent nothing
    (tmp_path / "sub" / "broken.json").write_text("{", encoding="utf-8")
    previous = {r.organisation.name: replace(r, year=2025) for r in demo_subunit_reports()}
    for name, report in previous.items():
        membership = report.stats.membership
        report.stats.membership = replace(membership, closing_total=membership.opening_total,
                                          closing_probationary=membership.opening_probationary)
    previous["Chi bộ Khoa Kinh tế"].stats.membership.closing_total = 3
    result = consolidate_files(demo_report(), sub_unit_files([tmp_path / "sub"]), previous=previous,
                               unit_ratings=demo_subunit_ratings(), check=figure_findings)
    by_code = {}
    for finding in result.findings:
        by_code.setdefault(finding.code.split(".")[1], []).append(finding.message)
    assert any("Chi bộ Khoa Công nghệ ô tô (cb03.docx)" in m for m in by_code["subunit"])
    assert by_code["missing"] == [m for m in by_code["missing"] if "Chi bộ Phòng Tổ chức - Hành chính" in m] != []
    assert any(m.startswith("Chi bộ Khoa Kinh tế:") for m in by_code["continuity"])
    assert any("broken.json" in m for m in by_code["unreadable"])
    assert result.report.stats.membership.closing_total == 98 + 1 - 6


def test_demo_chi_bo_reports_have_no_error_of_their_own_under_every_check(tmp_path):
    files = write_subunits(tmp_path / "sub")
    result = consolidate_files(demo_report(), files, unit_ratings=demo_subunit_ratings())
    assert [f.message for f in result.findings] == []
    assert to_dict(result.report.stats.membership) == to_dict(demo_statistics().membership)


def test_ratings_file_maps_names_to_levels_and_refuses_anything_else(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"Chi bộ A": "excellent", "Chi bộ B": None}), encoding="utf-8")
    assert read_ratings(path) == {"Chi bộ A": "excellent", "Chi bộ B": None}
    path.write_text(json.dumps({"Chi bộ A": "best"}), encoding="utf-8")
    with pytest.raises(UserError):
        read_ratings(path)


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
def test_data_part_survives_a_libreoffice_resave(tmp_path, demo_docx):
    source = tmp_path / "r.docx"
    source.write_bytes(demo_docx)
    profile = tmp_path / "lo-profile"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "docx",
                    "--outdir", str(tmp_path / "lo"), str(source)],
                   check=True, capture_output=True, timeout=LO_TIMEOUT_S)
    resaved = tmp_path / "lo" / "r.docx"
    assert resaved.read_bytes() != demo_docx
    assert detached(import_report_file(resaved)) == detached(demo_report())


def test_a_noncharacter_typed_in_the_window_does_not_stop_the_export(tmp_path, demo):
    from app.services.export import export_docx

    demo.basis = "Căn cứ \ufffe và \uffff"
    export_docx(demo, tmp_path / "x.docx")
    assert (tmp_path / "x.docx").stat().st_size > 0
