"""The targets editor: the wheel scrolls its tables and never changes a target it passes over."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.demo import demo_report
from app.gui.widgets.targets_editor import COL_COMPARATOR, COL_KIND, TargetsEditor
from tests.gui.mouse import wheel


def test_the_wheel_over_a_targets_kind_or_wording_she_is_not_in_changes_nothing(qtbot):
    editor = TargetsEditor()
    qtbot.addWidget(editor)
    editor.resize(900, 600)
    editor.show()
    report = demo_report()
    editor.set_report(report)
    before = [(t.is_percent, t.comparator) for t in report.targets]
    with qtbot.assertNotEmitted(editor.edited):
        for row in range(editor.current.rowCount()):
            for column in (COL_KIND, COL_COMPARATOR):
                combo = editor.current.cellWidget(row, column)
                assert not combo.hasFocus()
                wheel(combo)
                wheel(combo, steps=2)
    assert [(t.is_percent, t.comparator) for t in editor.current.targets()] == before


def test_the_wheel_changes_the_kind_she_is_in(qtbot):
    editor = TargetsEditor()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    editor.set_report(demo_report())
    combo = editor.current.cellWidget(0, COL_KIND)
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    before = combo.currentIndex()
    with qtbot.waitSignal(editor.edited):
        wheel(combo, steps=-1 if before == 0 else 1)
    assert combo.currentIndex() != before
