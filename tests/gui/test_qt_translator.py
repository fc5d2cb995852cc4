"""Qt's own strings come from the app's gettext catalog, and the list of them matches what Qt asks for."""

from __future__ import annotations

import gettext
import io

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPlainTextEdit

from app import i18n
from app.gui.qt_strings import QT_TRANSLATE_NOOP, qt_strings
from app.gui.qt_translator import GettextQtTranslator, install_qt_translator


def translations(messages: dict[tuple[str, str], str]) -> gettext.GNUTranslations:
    """A catalog built in memory, so these tests do not depend on what app.po holds today."""
    catalog = Catalog(locale="vi")
    for (context, source), translated in messages.items():
        catalog.add(source, translated, context=context)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@pytest.fixture
def vietnamese_qt(monkeypatch):
    monkeypatch.setattr(i18n, "_translations", translations({
        ("QPlatformTheme", "Cancel"): "Hủy",
        ("QPlatformTheme", "OK"): "Đồng ý",
        ("QLineEdit", "&Copy"): "&Sao chép",
    }))


@pytest.fixture
def installed(qapp):
    translator = install_qt_translator(qapp)
    yield translator
    qapp.removeTranslator(translator)


def test_cancel_is_translated_in_its_qt_context(vietnamese_qt):
    translator = GettextQtTranslator()
    assert translator.translate("QPlatformTheme", "Cancel") == "Hủy"


def test_an_untranslated_string_gives_none_so_qt_shows_the_source(vietnamese_qt):
    translator = GettextQtTranslator()
    assert translator.translate("QPlatformTheme", "Apply") is None
    assert translator.translate("QWidgetTextControl", "Cancel") is None  # another context
    assert translator.translate("", "Cancel") is None


def test_english_gives_none_so_qt_shows_its_own_english(monkeypatch):
    monkeypatch.setattr(i18n, "_translations", gettext.NullTranslations())
    assert GettextQtTranslator().translate("QPlatformTheme", "Cancel") is None


def test_installed_translator_names_the_standard_buttons_in_vietnamese(qtbot, vietnamese_qt, installed):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Apply)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    assert box.button(QDialogButtonBox.StandardButton.Apply).text() == "Apply"


def test_installed_translator_names_the_context_menu_in_vietnamese(qtbot, vietnamese_qt, installed):
    edit = QLineEdit("Đảng bộ")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    # Each text ends with its shortcut after a tab: "&Sao chép\tCtrl+C".
    texts = [action.text().split("\t")[0] for action in menu.actions()]
    menu.deleteLater()
    assert "&Sao chép" in texts
    assert "&Paste" in texts


def test_installing_it_retranslates_a_button_box_made_before(qtbot, qapp, monkeypatch):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Cancel"
    monkeypatch.setattr(i18n, "_translations", translations({("QPlatformTheme", "Cancel"): "Hủy"}))
    translator = install_qt_translator(qapp)
    try:
        qtbot.waitUntil(lambda: cancel.text() == "Hủy")
    finally:
        qapp.removeTranslator(translator)


class Recorder(QTranslator):
    """Logs every (context, source) Qt asks to translate, and translates nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []

    def translate(self, context, source_text, disambiguation=None, n=-1):
        self.asked.append((context, source_text))
        return ""

    def isEmpty(self):
        return False


@pytest.fixture
def recorder(qapp):
    recording = Recorder()
    qapp.installTranslator(recording)
    yield recording
    qapp.removeTranslator(recording)


def test_every_standard_button_text_qt_asks_for_is_listed(qtbot, recorder):
    box = QDialogButtonBox()
    qtbot.addWidget(box)
    for button in QDialogButtonBox.StandardButton:
        if button is not QDialogButtonBox.StandardButton.NoButton:
            box.addButton(button)
    asked = {pair for pair in recorder.asked if pair[0] == "QPlatformTheme"}
    assert len(asked) == 18
    assert asked <= set(qt_strings())


@pytest.mark.parametrize("make", [lambda: QLineEdit("a"), lambda: QPlainTextEdit("a")])
def test_every_context_menu_text_qt_asks_for_is_listed(qtbot, recorder, make):
    edit = make()
    qtbot.addWidget(edit)
    edit.createStandardContextMenu().deleteLater()
    asked = {pair for pair in recorder.asked if pair[0] in ("QLineEdit", "QWidgetTextControl")}
    assert len(asked) == 7
    assert asked <= set(qt_strings())


def test_the_marker_returns_its_text_unchanged():
    assert QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel") == "Cancel"
    assert ("QPlatformTheme", "Cancel") in qt_strings()
    assert len(qt_strings()) == len(set(qt_strings()))


def test_the_application_object_is_the_translator_s_parent_by_default(qapp):
    translator = install_qt_translator(qapp)
    try:
        assert translator.parent() is QApplication.instance()
    finally:
        qapp.removeTranslator(translator)
