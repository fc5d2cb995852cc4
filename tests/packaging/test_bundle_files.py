"""What goes into the bundle: the app's data files in, the Qt and Babel files the app never loads out."""

from __future__ import annotations

import gettext
import struct
from pathlib import Path

from tests.packaging import packaging_module

ROOT = Path(__file__).resolve().parents[2]
bundle_files = packaging_module("bundle_files")
compile_catalogs = packaging_module("compile_catalogs").compile_catalogs


def binary(dest: str, typecode: str = "BINARY", src: str = "/src/x") -> tuple[str, str, str]:
    return (dest, src, typecode)


def test_the_platform_plugins_an_office_pc_needs_are_kept():
    for dest in ("PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                 "PySide6\\plugins\\platforms\\qwindows.dll", "PySide6/plugins/styles/qmodernwindowsstyle.dll",
                 "PySide6/Qt/plugins/imageformats/libqico.so",
                 "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so"):
        assert bundle_files.keep_binary(binary(dest)), dest


def test_plugins_that_drag_in_unused_libraries_are_left_out():
    for dest in ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
                 "PySide6/Qt/plugins/imageformats/libqpdf.so", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
                 "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/tls/libqopensslbackend.so",
                 "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
                 "PySide6/plugins/platforms/qdirect2d_debug.dll"):
        assert not bundle_files.keep_binary(binary(dest)), dest


def test_unused_qt_libraries_are_left_out_and_the_used_ones_kept():
    assert not bundle_files.keep_binary(binary("PySide6/Qt/lib/libQt6Quick.so.6"))
    assert not bundle_files.keep_binary(binary("PySide6/Qt6Network.dll"))
    assert not bundle_files.keep_binary(binary("PySide6/opengl32sw.dll"))
    for kept in ("PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt6Gui.dll", "PySide6/Qt/lib/libicudata.so.73",
                 "libpython3.11.so.1.0", "lxml/etree.cpython-311-x86_64-linux-gnu.so"):
        assert bundle_files.keep_binary(binary(kept)), kept


def test_babel_keeps_vietnamese_english_and_their_parents_only():
    def kept(name: str) -> bool:
        return bundle_files.keep_data((f"babel/locale-data/{name}", "/src", "DATA"))

    assert all(kept(n) for n in ("root.dat", "vi.dat", "vi_VN.dat", "en.dat", "en_US.dat"))
    assert not any(kept(n) for n in ("fr.dat", "zh_Hant.dat", "en_GB.dat"))
    assert bundle_files.keep_data(("babel/global.dat", "/src", "DATA"))


def test_qt_translations_other_than_vietnamese_and_english_are_left_out():
    assert not bundle_files.keep_data(("PySide6/Qt/translations/qtbase_fr.qm", "/src", "DATA"))
    assert not bundle_files.keep_data(("PySide6/translations/qt_help_de.qm", "/src", "DATA"))
    assert bundle_files.keep_data(("PySide6/Qt/translations/qtbase_vi.qm", "/src", "DATA"))


def test_links_to_left_out_libraries_go_too():
    binaries = [
        binary("PySide6/Qt/lib/libQt6Network.so.6"),
        binary("libQt6Network.so.6", "SYMLINK", "PySide6/Qt/lib/libQt6Network.so.6"),
        binary("PySide6/Qt/lib/libQt6Core.so.6"),
        binary("libQt6Core.so.6", "SYMLINK", "PySide6/Qt/lib/libQt6Core.so.6"),
    ]
    kept, datas, dropped = bundle_files.filter_bundle(binaries, [])
    assert [entry[0] for entry in kept] == ["PySide6/Qt/lib/libQt6Core.so.6", "libQt6Core.so.6"]
    assert datas == []
    assert dropped == ["PySide6/Qt/lib/libQt6Network.so.6", "libQt6Network.so.6"]


def test_the_bundle_gets_templates_resources_migrations_and_compiled_catalogs(tmp_path):
    staging = tmp_path / "staging"
    compile_catalogs(staging / "locale")
    pairs = {(Path(src).relative_to(ROOT if Path(src).is_relative_to(ROOT) else staging).as_posix(), dest)
             for src, dest in bundle_files.app_datas(ROOT, staging)}
    assert ("templates/report.j2", "templates") in pairs
    assert ("templates/reference.docx", "templates") in pairs
    assert ("resources/schema/report-v3.schema.json", "resources/schema") in pairs
    assert ("resources/icons/tongket.ico", "resources/icons") in pairs
    # The GPL-2 dictionary ships with its licence text and its origin (docs/licences.md).
    for name in ("vi_VN.aff", "vi_VN.dic", "COPYING-vi_VN.txt", "README-vi_VN.txt"):
        assert (f"resources/dictionaries/{name}", "resources/dictionaries") in pairs
    assert ("app/storage/migrations/env.py", "app/storage/migrations") in pairs
    assert ("app/storage/migrations/script.py.mako", "app/storage/migrations") in pairs
    assert ("app/storage/migrations/versions/0001_initial.py", "app/storage/migrations/versions") in pairs
    assert ("locale/vi/LC_MESSAGES/app.mo", "resources/locale/vi/LC_MESSAGES") in pairs
    sources = {src for src, _ in pairs}
    assert not [s for s in sources if s.endswith((".po", ".pot", ".pyc")) or "__pycache__" in s]
    assert "resources/locale/vi/LC_MESSAGES/app.mo" not in sources  # a stale .mo of the source tree


def test_catalogs_compile_although_the_header_is_marked_fuzzy(tmp_path):
    # `pybabel compile` skips a catalog whose header says fuzzy (as `pybabel init` leaves it).
    po = tmp_path / "src" / "vi" / "LC_MESSAGES" / "app.po"
    po.parent.mkdir(parents=True)
    po.write_text('#, fuzzy\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Close"\nmsgstr "Đóng"\n\n#, fuzzy\nmsgid "Open"\nmsgstr "Mở?"\n', encoding="utf-8")
    [mo] = compile_catalogs(tmp_path / "out", source=tmp_path / "src")
    with mo.open("rb") as f:
        catalog = gettext.GNUTranslations(f)
    assert catalog.gettext("Close") == "Đóng"
    assert catalog.gettext("Open") == "Open"  # a fuzzy message is a guess, not a translation


def test_the_windows_icon_holds_every_size_up_to_256():
    data = (ROOT / "resources" / "icons" / "tongket.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, _colors, _r, _planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.append(width or 256)
        assert (width, bits) == (height, 32)
    assert sizes == [16, 24, 32, 48, 64, 256]
    assert len(data) < 64 * 1024
