"""A date typed as dd/mm/yyyy or picked from a calendar; an impossible date is refused with a message, never changed.

QDateEdit "fixes" what it is given: 30/02/2025 became 28/02/2025, and 29/02/2024 typed over a 2026 date
became 28/02/2024, without a word, and typing worked only after a double-click on the day. Here the text is
hers: it is read when it is a whole date, and a date that does not exist is said so beside the field while
the report keeps its last real date.
"""

from __future__ import annotations

import calendar
import datetime
import re

from PySide6.QtCore import QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QFocusEvent, QMouseEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from app.domain.errors import UserError
from app.i18n import _

FIRST_YEAR, LAST_YEAR = 1930, 2100
_ERROR_COLOUR = "#b3261e"
# d/m/yyyy with "/", "." or "-" between, or the eight digits ddmmyyyy.
_PARTS = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_DIGITS = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")


def format_date(day: datetime.date) -> str:
    """ "05/01/2026": how the field shows a date."""
    return day.strftime("%d/%m/%Y")


def parse_date(text: str) -> datetime.date:
    """The date typed as "29/02/2024", "5/1/2026", "05.01.2026" or "05012026"; UserError saying what is wrong."""
    match = _PARTS.match(text) or _DIGITS.match(text)
    if match is None:
        raise UserError(_("Type the date as dd/mm/yyyy, for example 15/12/2026."))
    day, month, year = (int(part) for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(_("Type a year from {first} to {last}.").format(first=FIRST_YEAR, last=LAST_YEAR))
    if not 1 <= month <= 12:
        raise UserError(_("There is no month {month}: a month is 1 to 12.").format(month=month))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise UserError(_("{month:02d}/{year} has {days} days: there is no {day:02d}/{month:02d}/{year}.").format(
            day=day, month=month, year=year, days=days))
    return datetime.date(year, month, day)


class _DayText(QLineEdit):
    """The text of the date; a click into it selects it all, so that what she types replaces the whole date.

    A date is short and is retyped whole: a click that only placed the cursor would leave her typing into a
    full field, where every key is refused.
    """

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.selectAll()  # a mouse press places the cursor after this: the release selects instead

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if not self.hasSelectedText():  # a plain click, not a drag over part of the text
            self.selectAll()


class DateEdit(QWidget):
    """A date field: typed (dd/mm/yyyy) or picked from the calendar button; a message beside it when it is not a date.

    date() is the last real date typed or set; it stays while the text is unfinished or impossible.

    Signals:
        date_changed(object): a real date was typed or picked (a datetime.date), other than the one before.
    """

    date_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = datetime.date.today()
        self._problem = ""
        self.edit = _DayText()
        self.edit.setPlaceholderText(_("dd/mm/yyyy"))
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9./\- ]{0,10}"), self.edit))
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self.edit.setText(format_date(self._date))
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(_("Pick the date on a calendar"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_button.setMenu(menu)
        menu.aboutToShow.connect(
            lambda: self.calendar.setSelectedDate(QDate(self._date.year, self._date.month, self._date.day)))
        self.message = QLabel()
        self.message.setObjectName("date_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {_ERROR_COLOUR};")
        self.message.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.message, 10)
        layout.addStretch(1)  # keeps the calendar button beside the date while there is no message
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self.on_text_edited)
        self.edit.editingFinished.connect(self.on_editing_finished)
        self.calendar.clicked.connect(self.on_calendar_clicked)
        self.calendar.activated.connect(self.on_calendar_clicked)

    def date(self) -> datetime.date:
        """The last real date typed, picked or set."""
        return self._date

    def set_date(self, day: datetime.date) -> None:
        """Show day, without a signal (loading a report)."""
        self._date = day
        self.edit.setText(format_date(day))
        self._show_message("")

    def problem(self) -> str:
        """What is wrong with the text as typed; "" when it is a real date or still being typed."""
        return self._problem

    def on_text_edited(self, text: str) -> None:
        """Read a whole date as she types; say at once when it cannot exist, stay quiet while it is unfinished."""
        try:
            day = parse_date(text)
        except UserError as exc:
            finished = len(text.strip()) >= 10 or bool(_PARTS.match(text))
            self._show_message(exc.message if finished else "")
            return
        self._show_message("")
        self._accept(day)

    def on_editing_finished(self) -> None:
        text = self.edit.text()
        try:
            day = parse_date(text)
        except UserError as exc:
            self._show_message(exc.message)  # her text stays, so that she sees what she typed
            return
        self._show_message("")
        self.edit.setText(format_date(day))  # "5/1/2026" reads "05/01/2026"
        self._accept(day)

    def on_calendar_clicked(self, picked: QDate) -> None:
        self.calendar_button.menu().hide()
        day = datetime.date(picked.year(), picked.month(), picked.day())
        self.edit.setText(format_date(day))
        self._show_message("")
        self._accept(day)

    def _accept(self, day: datetime.date) -> None:
        if day != self._date:
            self._date = day
            self.date_changed.emit(day)

    def _show_message(self, text: str) -> None:
        self._problem = text
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.edit.setStyleSheet(f"QLineEdit {{ border: 2px solid {_ERROR_COLOUR}; }}" if text else "")
