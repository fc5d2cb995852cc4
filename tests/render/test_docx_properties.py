"""File → Properties of the written .docx: the issuer's own file, made when it was exported, no library's name."""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, datetime, timedelta

import docx

from app.render.docx_writer import write_docx
from app.render.reference import reference_path
from tests.render.sample import sample_model

_NOW = datetime(2026, 12, 15, 8, 30, 5, tzinfo=UTC)


def _written(tmp_path, now=_NOW):
    path = tmp_path / "bao-cao.docx"
    write_docx(sample_model(), path, now=now)
    return path


def test_author_and_last_modified_by_are_the_issuer(tmp_path):
    props = docx.Document(str(_written(tmp_path))).core_properties
    assert props.author == "ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP"
    assert props.last_modified_by == props.author


def test_title_is_the_trich_yeu_and_language_vietnamese(tmp_path):
    props = docx.Document(str(_written(tmp_path))).core_properties
    assert props.title == sample_model().title
    assert props.language == "vi-VN"


def test_created_and_modified_are_the_export_time(tmp_path):
    props = docx.Document(str(_written(tmp_path))).core_properties
    assert props.created == props.modified == _NOW


def test_created_defaults_to_now(tmp_path):
    before = datetime.now(UTC).replace(microsecond=0)
    path = tmp_path / "bao-cao.docx"
    write_docx(sample_model(), path)
    props = docx.Document(str(path)).core_properties
    assert before <= props.created <= before + timedelta(minutes=1)


def test_comments_keywords_and_category_are_empty_and_revision_one(tmp_path):
    props = docx.Document(str(_written(tmp_path))).core_properties
    assert (props.comments, props.keywords, props.category) == ("", "", "")
    assert props.revision == 1


def test_no_part_of_the_package_names_python_docx(tmp_path):
    with zipfile.ZipFile(_written(tmp_path)) as package:
        hits = [name for name in package.namelist() if b"python-docx" in package.read(name).lower()]
        core = package.read("docProps/core.xml").decode()
    assert hits == []
    assert "2013" not in core
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-12-15T08:30:05Z</dcterms:created>" in core
    assert "<dc:language>vi-VN</dc:language>" in core


def test_app_properties_name_this_program_without_the_counts_of_an_empty_file(tmp_path):
    with zipfile.ZipFile(_written(tmp_path)) as package:
        app = package.read("docProps/app.xml").decode()
    assert "<Application>Tổng Kết</Application>" in app
    assert "Macintosh" not in app
    assert not re.search(r"<(Pages|Words|Characters|Lines|Paragraphs)>", app)


def test_an_offices_reference_file_leaves_none_of_its_own_properties(tmp_path):
    reference = tmp_path / "mau.docx"
    own = docx.Document(str(reference_path("party")))
    own.core_properties.author = "Văn phòng khác"
    own.core_properties.comments = "bản mẫu"
    own.save(str(reference))
    path = tmp_path / "bao-cao.docx"
    write_docx(sample_model(), path, reference=reference, now=_NOW)
    props = docx.Document(str(path)).core_properties
    assert props.author == "ĐẢNG ỦY TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHIỆP"
    assert props.comments == ""
    with zipfile.ZipFile(path) as package:
        assert not [n for n in package.namelist() if b"python-docx" in package.read(n).lower()]


def test_a_very_long_title_is_cut_to_what_a_property_holds(tmp_path):
    model = sample_model()
    model.title = "báo cáo " * 60
    path = tmp_path / "dai.docx"
    write_docx(model, path, now=_NOW)
    title = docx.Document(str(path)).core_properties.title
    assert len(title) == 255 and title.endswith("…") and title.startswith("báo cáo báo cáo")
