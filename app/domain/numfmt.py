"""Vietnamese numbers and dates as the app writes them: the one home of those rules (docs/conventions.md)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from types import ModuleType

from app.domain import numbers

LOCALE = "vi"


@cache
def _babel_numbers() -> ModuleType:
    # Imported on first use: Babel is not needed to show the main window.
    from babel import numbers

    return numbers


def number(value: int | Decimal) -> str:
    """Grouped with dots, decimals after a comma: 1.234.567,5. Not for years or document numbers."""
    return str(_babel_numbers().format_decimal(value, format="#,##0.###", locale=LOCALE))


def count(value: int, *, pad: bool = True) -> str:
    """A count as written in reports: 01–09 padded when pad is on, otherwise like number()."""
    if pad and 1 <= value <= 9:
        return f"0{value}"
    return number(value)


def percent_value(value: Decimal, *, decimals: bool) -> str:
    """A percentage that is already rounded: "15,4%"; with decimals off it reads "100%"."""
    pattern = "#,##0.0" if decimals else "#,##0"
    return str(_babel_numbers().format_decimal(value, format=pattern, locale=LOCALE)) + "%"


def percent(value: Decimal | None, *, exact: bool | None = None) -> str:
    """A lone percentage: "15,4%", "98,0%" (rounded), "100%" (exact); "" for None.

    exact: whether the value is exactly a whole number before rounding (4/2 → 200 is, 96/98 → 98,0 is
    not); None judges by the value itself.
    """
    if value is None:
        return ""
    if exact is None:
        exact = value == value.to_integral_value()
    return percent_value(value, decimals=not exact)


def percent_of(part: int, whole: int) -> str:
    """part/whole as a lone percentage ("98,0%" for 96/98, "100%" for 13/13); "" when whole is 0."""
    return percent(numbers.percent(part, whole), exact=whole > 0 and part * 100 % whole == 0)


def breakdown_of(counts: Sequence[int]) -> list[str]:
    """Each count's share of their sum, read as one list: all with one decimal unless all are exact.

    The shares add up to exactly 100,0% (largest remainder). Empty strings when the sum is 0.
    """
    shares = numbers.breakdown(counts)
    if shares is None:
        return ["" for _ in counts]
    total = sum(counts)
    exact = all(c * 100 % total == 0 for c in counts)
    return [percent_value(v, decimals=not exact) for v in shares]


def fraction(part: int, whole: int) -> str:
    """ "x/y" as in "96/98 đảng viên"; counts inside it are never padded."""
    return f"{number(part)}/{number(whole)}"


def padded_day(day: int) -> str:
    """A day of the month as dates are written: 1–9 padded ("05"), 10–31 as they are."""
    return f"{day:02d}"


def padded_month(month: int) -> str:
    """A month as dates are written: 1 and 2 padded ("01", "02"), 3–12 never ("4", not "04")."""
    return f"{month:02d}" if month <= 2 else str(month)


def document_date(d: date) -> str:
    """ "ngày 05 tháng 01 năm 2026", "ngày 15 tháng 12 năm 2026": the date line of the header."""
    return f"ngày {padded_day(d.day)} tháng {padded_month(d.month)} năm {d.year}"


def display_date(d: date) -> str:
    """ "05/01/2026", "01/7/2025": a date in the app's windows and messages, padded as the header pads it."""
    return f"{padded_day(d.day)}/{padded_month(d.month)}/{d.year}"


def display_datetime(moment: datetime) -> str:
    """ "05/01/2026 14:30": when something happened, in the app's windows."""
    return f"{display_date(moment.date())} {moment:%H:%M}"


def body_date(d: date) -> str:
    """ "14/5/2011": the unpadded form used inside the body (and in the appendices' note)."""
    return f"{d.day}/{d.month}/{d.year}"
