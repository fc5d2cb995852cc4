"""Number boxes and choice lists that the mouse wheel changes only once she has clicked or tabbed into them.

A QSpinBox or QComboBox takes every wheel turn that passes over it: scrolling a long form with the wheel
changed whichever figure came under the pointer, and the report silently said something new. Guarded
widgets take the wheel only while they have the keyboard focus; otherwise the turn goes on to the page
around them, which scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    """Event filter: a wheel turn over an unfocused guarded widget goes to the scroll area around it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        # Handed on explicitly rather than ignored: Qt passes an ignored wheel event to the parents only when
        # it came from the device, and the page must scroll all the same.
        if area is not None:
            QApplication.sendEvent(area.viewport(), event)
        return True


_GUARD: WheelGuard | None = None


def guard_wheel(*widgets: QWidget) -> None:
    """Let each widget take the wheel only while it has the focus, and not take the focus from the wheel."""
    global _GUARD  # one filter object for the whole application, created with the first guarded widget
    if _GUARD is None:
        _GUARD = WheelGuard()
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_GUARD)


def guard_wheel_under(container: QWidget) -> None:
    """guard_wheel() on every number box and choice list inside container."""
    guard_wheel(*container.findChildren(QAbstractSpinBox), *container.findChildren(QComboBox))
