"""What goes into the bundle: the app's data files, and the filters that drop what Tổng Kết never loads.

Imported by tongket.spec; plain functions over PyInstaller's (dest_name, src_name, typecode) tuples, so that
tests can check them without running PyInstaller.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

Entry = tuple[str, str, str]  # (path inside the bundle, source path, PyInstaller typecode)

# Qt modules the app never imports (it uses QtCore, QtGui and QtWidgets). If the GUI starts to use one,
# take it out of this list: the smoke test of the bundle fails on the ImportError otherwise.
EXCLUDED_QT_MODULES = [
    "PySide6." + name
    for name in (
        "Qt3DAnimation Qt3DCore Qt3DExtras Qt3DInput Qt3DLogic Qt3DRender QtAxContainer QtBluetooth QtCharts "
        "QtConcurrent QtDataVisualization QtDBus QtDesigner QtGraphs QtGraphsWidgets QtHelp QtHttpServer "
        "QtLocation QtMultimedia QtMultimediaWidgets QtNetwork QtNetworkAuth QtNfc QtOpenGL QtOpenGLWidgets QtPdf "
        "QtPdfWidgets QtPositioning QtPrintSupport QtQml QtQuick QtQuick3D QtQuickControls2 QtQuickWidgets "
        "QtRemoteObjects QtScxml QtSensors QtSerialBus QtSerialPort QtSpatialAudio QtSql QtStateMachine QtSvg "
        "QtSvgWidgets QtTest QtTextToSpeech QtUiTools QtWebChannel QtWebEngineCore QtWebEngineQuick "
        "QtWebEngineWidgets QtWebSockets QtWebView QtXml"
    ).split()
]

# Python packages that are in the development venv but not part of the app, and standard-library parts it never uses.
EXCLUDED_MODULES = [
    *EXCLUDED_QT_MODULES,
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data", "test",
    "pytest", "_pytest", "pytestqt", "hypothesis", "importlinter", "grimp", "docxtpl", "rich", "pygments",
    "markdown_it", "IPython", "numpy", "PIL", "setuptools", "pkg_resources", "PyInstaller",
    # python-docx needs lxml.etree only.
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "lxml.cssselect",
    # Nothing goes on the network: without ssl and _hashlib, OpenSSL (5 MB) stays out. The standard library
    # imports ssl inside try blocks, and hashlib falls back to its built-in md5/sha* modules.
    "ssl", "_ssl", "_hashlib", "readline",
]

# Modules loaded by name at run time, which PyInstaller's import analysis cannot see.
HIDDEN_IMPORTS = [
    "sqlalchemy.dialects.sqlite",  # report_repo imports sqlalchemy.dialects.<dialect name>
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "app.storage.tables",  # imported by migrations/env.py, which Alembic loads from a file
]

# Qt plugins kept, by plugin type: {type: stems kept (file name without lib prefix and suffix)}; None keeps all.
# Types not listed are dropped whole (iconengines and imageformats/qsvg need QtSvg, tls and networkinformation
# QtNetwork, platforminputcontexts/qtvirtualkeyboard QtQuick; generic, egldeviceintegrations and the Wayland
# plugins serve devices and compositors an office PC does not have: on Wayland, Qt falls back to xcb).
QT_PLUGINS_KEPT: dict[str, set[str] | None] = {
    "platforms": {"qwindows", "qxcb", "qoffscreen", "qminimal", "qcocoa", "qdirect2d"},
    "platformthemes": {"qxdgdesktopportal"},  # not qgtk3, which drags in GTK 3
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "imageformats": {"qico", "qjpeg", "qgif"},
    "styles": None,
    "xcbglintegrations": None,
    "accessiblebridge": None,
    "accessible": None,
}

# Qt translations kept: Qt ships no Vietnamese catalog today; qtbase_vi would be picked up when it does.
QT_TRANSLATIONS_KEPT = re.compile(r"^(qt|qtbase)_(vi|en)(_[A-Za-z]+)?\.qm$")

# Qt libraries only the dropped plugins and modules load. Dropping a library a kept file needs breaks the
# bundle; the Linux smoke test runs ldd over every binary to catch exactly that.
QT_LIBRARIES_DROPPED = re.compile(
    r"^(lib)?Qt6(Quick\w*|Qml\w*|Svg\w*|Pdf\w*|VirtualKeyboard\w*|Wayland\w*|Network\w*|OpenGL\w*|"
    r"Labs\w*|Designer\w*|ShaderTools|Multimedia\w*|Test|Sql|PrintSupport|EglFS\w*|WlShell\w*|Location|"
    r"Positioning\w*|Concurrent|Xml)(\.so[.\d]*|\.dll)$"
)

# Mesa's software OpenGL for Windows (20 MB): only QOpenGLWidget and Qt Quick use OpenGL; widgets paint in software.
OTHER_LIBRARIES_DROPPED = {"opengl32sw.dll"}

# Babel locale data kept: the languages of the app and their parents; global.dat sits outside locale-data.
BABEL_LOCALES_KEPT = {"root", "en", "en_US", "en_US_POSIX", "vi", "vi_VN"}


def app_datas(root: Path, staging: Path) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) pairs of the app's own data files, for Analysis(datas=...).

    resources/ without the catalog sources, the .mo files compiled into staging/locale, templates/,
    and the Alembic migrations folder, which Alembic reads as files next to app/storage/db.py.
    """
    pairs: list[tuple[str, str]] = []

    def add_tree(folder: Path, dest: str, skip_folders: Iterable[str] = ()) -> None:
        skipped = set(skip_folders)
        for file in sorted(folder.rglob("*")):
            rel = file.relative_to(folder)
            if not file.is_file() or "__pycache__" in rel.parts or file.suffix in (".pyc", ".pyo"):
                continue
            # Editor and Word lock files (~$report.docx) are not data.
            if rel.parts[0] in skipped or file.name.startswith(("~$", ".")) or file.suffix == ".tmp":
                continue
            pairs.append((str(file), str(PurePosixPath(dest, *rel.parent.parts))))

    # The catalog sources stay out: the bundle gets the .mo files compiled for it into staging/locale.
    add_tree(root / "resources", "resources", skip_folders={"locale"})
    add_tree(staging / "locale", "resources/locale")
    add_tree(root / "templates", "templates")
    add_tree(root / "app" / "storage" / "migrations", "app/storage/migrations")
    return pairs


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(_normalized(dest)).parts


def _stem(filename: str) -> str:
    name = filename.split(".", 1)[0]
    return name.removeprefix("lib")


def keep_plugin(plugin_type: str, filename: str) -> bool:
    """True for a Qt plugin file the app may load, by its type (folder) and file name."""
    if plugin_type not in QT_PLUGINS_KEPT:
        return False
    kept = QT_PLUGINS_KEPT[plugin_type]
    return kept is None or _stem(filename) in kept


def keep_binary(entry: Entry) -> bool:
    """False for a Qt plugin or library the app does not use."""
    parts = _parts(entry[0])
    if not parts:
        return True
    if parts[0] == "PySide6" and "plugins" in parts[:-1]:
        index = parts.index("plugins")
        if index + 3 == len(parts):  # PySide6/[Qt/]plugins/<type>/<file>
            return keep_plugin(parts[index + 1], parts[-1])
        return True
    return not QT_LIBRARIES_DROPPED.match(parts[-1]) and parts[-1].lower() not in OTHER_LIBRARIES_DROPPED


def restrict_qt_plugin_collection() -> bool:
    """Make PyInstaller's Qt hooks collect only the plugins keep_plugin() accepts; False if that is not possible.

    Filtering the plugins after the analysis is not enough: their own dependencies (GTK 3 and Cairo for the
    gtk3 theme, the Wayland client libraries, QtSvg, QtPdf, QtQuick…) would already be in the bundle. This
    wraps QtLibraryInfo.collect_plugins of PyInstaller 6, which the hooks call in the build process.
    """
    try:
        from PyInstaller.utils.hooks.qt import QtLibraryInfo
    except ImportError:
        return False
    original = getattr(QtLibraryInfo, "collect_plugins", None)
    if original is None:
        return False
    if getattr(original, "_tongket_restricted", False):
        return True

    def collect_plugins(self, plugin_type):
        return [(src, dst) for src, dst in original(self, plugin_type) if keep_plugin(plugin_type, Path(src).name)]

    collect_plugins._tongket_restricted = True  # type: ignore[attr-defined]
    QtLibraryInfo.collect_plugins = collect_plugins
    return True


def keep_data(entry: Entry) -> bool:
    """False for Qt translations, Qt plugins and Babel locale data the app does not use."""
    parts = _parts(entry[0])
    if not parts:
        return True
    if parts[0] == "PySide6" and "translations" in parts[:-1]:
        return bool(QT_TRANSLATIONS_KEPT.match(parts[-1]))
    if parts[0] == "PySide6" and "plugins" in parts[:-1]:
        return keep_binary(entry)
    if parts[:2] == ("babel", "locale-data") and len(parts) == 3:
        return parts[2].removesuffix(".dat") in BABEL_LOCALES_KEPT
    return True


def filter_bundle(binaries: Iterable[Entry], datas: Iterable[Entry]) -> tuple[list[Entry], list[Entry], list[str]]:
    """Analysis.binaries and .datas less what keep_binary() and keep_data() refuse; also their bundle names.

    Symbolic links to files left out go too. A SYMLINK entry's source is the link target relative to the
    link's folder (PyInstaller 6 puts such links to PySide6/Qt/lib/* at the top of _internal).
    """
    binaries, datas = list(binaries), list(datas)
    kept_binaries = [entry for entry in binaries if keep_binary(entry)]
    kept_datas = [entry for entry in datas if keep_data(entry)]
    kept_names = {_normalized(entry[0]) for entry in kept_binaries + kept_datas}

    def link_ok(entry: Entry) -> bool:
        if entry[2] != "SYMLINK":
            return True
        folder = posixpath.dirname(_normalized(entry[0]))
        return posixpath.normpath(posixpath.join(folder, _normalized(entry[1]))) in kept_names

    kept_binaries = [entry for entry in kept_binaries if link_ok(entry)]
    kept_datas = [entry for entry in kept_datas if link_ok(entry)]
    names = {entry[0] for entry in kept_binaries + kept_datas}
    dropped = sorted({entry[0] for entry in binaries + datas} - names)
    return kept_binaries, kept_datas, dropped


def _normalized(name: str) -> str:
    return name.replace("\\", "/")
