"""A house-style .docx gives only its look: hostile or damaged files are refused, its content never reaches a report."""

from __future__ import annotations

import io
import os
import threading
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from app import i18n
from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.domain.findings import Severity
from app.render.lint import check_reference
from app.render.reference import reference_path
from app.services.export import export_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture(autouse=True)
def english(vietnamese):
    i18n.set_language("en")


def package(path: Path, changes: dict[str, bytes | None], source: Path | None = None) -> Path:
    """A copy of the built-in reference (or source) with entries replaced, added, or removed (None)."""
    with zipfile.ZipFile(source or reference_path()) as base:
        entries = {info.filename: base.read(info) for info in base.infolist()}
    for name, data in changes.items():
        if data is None:
            entries.pop(name, None)
        else:
            entries[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in entries.items():
            out.writestr(name, data)
    return path


def styles_xml() -> bytes:
    with zipfile.ZipFile(reference_path()) as base:
        return base.read("word/styles.xml")


def export_with(reference: Path, out: Path) -> Path:
    report = demo_report()
    report.organisation.reference_docx = str(reference)
    export_docx(report, out)
    return out


def unreadable(findings) -> str:
    [finding] = findings
    assert (finding.code, finding.severity) == ("reference.unreadable", Severity.ERROR)
    return finding.message


def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(reference_path()) as base, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            out.writestr(info.filename, base.read(info))
        out.writestr("word/media/zeros.bin", b"\0" * (200 * 1024 * 1024))  # 200 MB in about 200 kB
    assert path.stat().st_size < 2 * 1024 * 1024
    message = unreadable(check_reference(path))
    assert "far more than a Word document holds" in message


def test_a_zip_with_too_many_entries_is_refused(tmp_path):
    path = package(tmp_path / "many.docx", {f"word/x{i}.xml": b"<x/>" for i in range(1100)})
    assert "more than 1000 parts" in unreadable(check_reference(path))


def test_a_billion_laughs_styles_part_is_refused(tmp_path):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                         for i in range(1, 10))
              + b']><w:styles xmlns:w="' + W.encode() + b'"><w:style><w:name w:val="&lol9;"/></w:style></w:styles>')
    path = package(tmp_path / "laughs.docx", {"word/styles.xml": laughs})
    assert "declares a DTD or entities" in unreadable(check_reference(path))


def test_an_external_entity_is_refused_and_never_written(tmp_path):
    xxe = styles_xml().replace(b"<w:styles ", b'<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
                                             b"<w:styles ", 1).replace(b'w:val="TK Body"', b'w:val="&xxe;"', 1)
    path = package(tmp_path / "xxe.docx", {"word/styles.xml": xxe})
    assert "declares a DTD or entities" in unreadable(check_reference(path))
    with pytest.raises(UserError):
        export_with(path, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],
    lambda data: data.replace(b"</w:styles>", b""),
    lambda data: b"\xff\xfe garbage",
])
def test_a_truncated_or_damaged_styles_part_is_an_error_not_a_traceback(tmp_path, damage):
    path = package(tmp_path / "damaged.docx", {"word/styles.xml": damage(styles_xml())})
    assert "is damaged" in unreadable(check_reference(path))


def test_a_damaged_zip_entry_is_an_error(tmp_path):
    good = package(tmp_path / "good.docx", {})
    data = bytearray(good.read_bytes())
    start = data.index(b"word/styles.xml") + len(b"word/styles.xml")
    data[start + 100:start + 400] = b"\0" * 300  # inside the compressed styles
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    assert "damaged" in unreadable(check_reference(path))


def office_file_with_content(tmp_path) -> Path:
    """A house style as an office would leave it: a letter in its body, a logo, an attached template on a server."""
    path = tmp_path / "mau-van-phong.docx"
    document = docx.Document(str(reference_path()))
    document.styles["TK Body"].font.size = Pt(13)
    document.add_paragraph("NỘI DUNG MẬT CỦA CÔNG VĂN CŨ")
    document.sections[0].header.add_paragraph("TIÊU ĐỀ MẬT")
    buffer = io.BytesIO()
    document.save(buffer)
    source = _saved(tmp_path, buffer)
    with zipfile.ZipFile(source) as saved:
        settings = saved.read("word/settings.xml")
    settings = settings.replace(b"</w:settings>", b'<w:attachedTemplate r:id="rId99"/></w:settings>')
    if b"xmlns:r=" not in settings.split(b">", 2)[1]:
        settings = settings.replace(b"<w:settings ", b'<w:settings xmlns:r="' + R.encode() + b'" ', 1)
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats'
            b'.org/package/2006/relationships"><Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships/attachedTemplate" Target="file://///may-chu/mau/Normal.dotm" '
            b'TargetMode="External"/></Relationships>')
    return package(path, {"word/media/image1.png": b"\x89PNG logo", "word/settings.xml": settings,
                          "word/_rels/settings.xml.rels": rels}, source=source)


def _saved(tmp_path: Path, buffer: io.BytesIO) -> Path:
    path = tmp_path / "with-content.docx"
    path.write_bytes(buffer.getvalue())
    return path


def test_body_links_and_media_of_the_house_style_never_reach_the_report(tmp_path):
    reference = office_file_with_content(tmp_path)
    out = export_with(reference, tmp_path / "bao-cao.docx")
    with zipfile.ZipFile(out) as written:
        names = written.namelist()
        everything = b"".join(written.read(name) for name in names)
    assert not any(name.startswith("word/media/") for name in names)
    assert "NỘI DUNG MẬT".encode() not in everything
    assert "TIÊU ĐỀ MẬT".encode() not in everything
    assert b"may-chu" not in everything
    assert b"attachedTemplate" not in everything
    assert b'TargetMode="External"' not in everything
    reopened = docx.Document(str(out))
    assert reopened.styles["TK Body"].font.size == Pt(13)  # its look is kept


def test_the_user_is_told_what_of_the_house_style_is_left_out(tmp_path):
    findings = check_reference(office_file_with_content(tmp_path))
    [note] = [f for f in findings if f.code == "reference.dropped"]
    assert note.severity is Severity.INFO
    assert "Only the styles, fonts, page set-up and theme" in note.message
    assert "body" in note.message and "links to other files" in note.message and "pictures" in note.message


def test_a_clean_copy_of_the_built_in_reference_has_no_note(tmp_path):
    path = package(tmp_path / "clean.docx", {})
    assert [f.code for f in check_reference(path)] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_house_style_that_is_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "mau.docx"
    os.mkfifo(fifo)
    outcome: dict = {}
    thread = threading.Thread(target=lambda: outcome.setdefault("findings", check_reference(fifo)), daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "check_reference still waits on the FIFO"
    assert "not an ordinary file" in unreadable(outcome["findings"])


def test_a_house_style_that_is_a_device_is_refused():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    assert "not an ordinary file" in unreadable(check_reference(Path("/dev/zero")))
