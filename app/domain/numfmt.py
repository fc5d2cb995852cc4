"""Vietnamese number and date formatting by the conventions of report-content.md §5 and document-format.md §4."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from functools import cache

LOCALE = "vi"


@cache
def _babel_numbers():
    # Imported on first use: Babel is not needed to show the main window.
    from babel import numbers

    return numbers


def number(value: int | Decimal) -> str:
    """Grouped with dots, decimals after a comma: 1.234.567,5. Not for years or document numbers."""
    return _babel_numbers().format_decimal(value, format="#,##0.###", locale=LOCALE)


def count(value: int, *, pad: bool = True) -> str:
    """A count as written in reports: 01–09 padded when pad is on, otherwise like number()."""
    if pad and 1 <= value <= 9:
        return f"0{value}"
    return number(value)


def percent_value(value: Decimal, *, decimals: bool) -> str:
    """A percentage that is already rounded: "15,4%"; with decimals off an exact integer reads "100%"."""
    pattern = "#,##0.0" if decimals else "#,##0.#"
    return _babel_numbers().format_decimal(value, format=pattern, locale=LOCALE) + "%"


def needs_decimals(values: Iterable[Decimal | None]) -> bool:
    """True when any value in a list has a fractional part, so that all show one decimal."""
    return any(v is not None and v != v.to_integral_value() for v in values)


def percent_list(values: Sequence[Decimal | None]) -> list[str]:
    """Format a list that is read together: "1,0%" beside "13,3%", but "100%" alone. None gives ""."""
    decimals = needs_decimals(values)
    return ["" if v is None else percent_value(v, decimals=decimals) for v in values]


def percent(value: Decimal | None) -> str:
    """A lone percentage: "15,4%", "100%"; "" for None."""
    return percent_list([value])[0]


def fraction(part: int, whole: int) -> str:
    """ "x/y" as in "96/98 đảng viên"; counts inside it are never padded."""
    return f"{number(part)}/{number(whole)}"


def document_date(d: date) -> str:
    """ "ngày 05 tháng 01 năm 2026": days 1–9 and months 1–2 padded, months 3–12 not."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def body_date(d: date) -> str:
    """ "14/5/2011": the unpadded form used inside the body."""
    return f"{d.day}/{d.month}/{d.year}"


def document_number(number_: int | None, doc_type: str, issuer_code: str) -> str:
    """ "Số 25-BC/ĐU" (Party form); below 10 padded; a draft without a number leaves the gap blank."""
    if number_ is None:
        return f"Số      -{doc_type}/{issuer_code}"
    return f"Số {number_:02d}-{doc_type}/{issuer_code}"
