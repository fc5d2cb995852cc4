"""The largest values a report may hold: every figure, target and title is bounded where it enters the app.

The interchange schema (resources/schema/report-v<N>.schema.json), the window's number boxes and the checks all
use these numbers; a test keeps the schema equal to them. Within them every value formats and prints.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.findings import Finding, Severity
from app.i18n import _

# A head count or a number of events. The whole Party has about 5.6 million members; a unit far fewer.
MAX_COUNT = 10_000_000
# A document number within a term or a year.
MAX_DOCUMENT_NUMBER = 99_999
# Targets and results: at most 12 digits before the point (money in đồng included) and 4 after.
DECIMAL_INTEGER_DIGITS = 12
DECIMAL_FRACTION_DIGITS = 4
MAX_DECIMAL = Decimal(10) ** DECIMAL_INTEGER_DIGITS - 1
# Text: a paragraph, a basis; a title of the report or of a section; the committee's term ("2025 - 2030").
MAX_TEXT = 100_000
MAX_TITLE = 1_000
MAX_TERM = 100
# The JSON Schema pattern of a decimal in plain notation within those digits.
DECIMAL_PATTERN = rf"^-?[0-9]{{1,{DECIMAL_INTEGER_DIGITS}}}(\.[0-9]{{1,{DECIMAL_FRACTION_DIGITS}}})?$"


def decimal_in_bounds(value: Decimal) -> bool:
    """True for a finite decimal with at most the digits above."""
    if not value.is_finite():
        return False
    if value.is_zero():
        return True
    # adjusted() is the exponent of the first digit: checked before any arithmetic, which could overflow.
    if not -DECIMAL_FRACTION_DIGITS <= value.adjusted() < DECIMAL_INTEGER_DIGITS:
        return False
    try:
        exponent = value.normalize().as_tuple().exponent
    except InvalidOperation:
        return False
    return isinstance(exponent, int) and exponent >= -DECIMAL_FRACTION_DIGITS


def _counts(node: Any, path: str) -> Iterator[tuple[str, int]]:
    if isinstance(node, bool):
        return
    if isinstance(node, int):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _counts(value, f"{path}.{key}")


def bounds_findings(report: Any) -> list[Finding]:
    """An ERROR for every figure, target or title of report outside the bounds, naming its field."""
    from app.domain import fields
    from app.domain.codec import to_dict

    findings: list[Finding] = []
    for path, value in _counts(to_dict(report.stats), "stats"):
        if not 0 <= value <= MAX_COUNT:
            ref = fields.parse(path)
            findings.append(Finding("bounds.count", Severity.ERROR, (ref.path,), _(
                "{field}: {value} is out of range; a figure is a whole number from 0 to {maximum}.").format(
                field=_capital(ref.label), value=_short(value), maximum=f"{MAX_COUNT:,}".replace(",", "."))))
    for next_period, targets in ((False, report.targets), (True, report.next_targets)):
        for index, target in enumerate(targets):
            for attr in ("value", "result"):
                value = getattr(target, attr)
                if value is not None and not decimal_in_bounds(value):
                    where = fields.target(index, attr, next_period=next_period).path
                    findings.append(Finding("bounds.decimal", Severity.ERROR, (where,), _(
                        "Target “{label}”: {value} is out of range; write at most {digits} digits before the "
                        "decimal point and {decimals} after it.").format(
                        label=target.label[:80], value=_short(value), digits=DECIMAL_INTEGER_DIGITS,
                        decimals=DECIMAL_FRACTION_DIGITS)))
    if report.number is not None and not 1 <= report.number <= MAX_DOCUMENT_NUMBER:
        findings.append(Finding("bounds.number", Severity.ERROR, (fields.Field.NUMBER.path,), _(
            "The document number {value} is out of range: from 1 to {maximum}.").format(
            value=_short(report.number), maximum=MAX_DOCUMENT_NUMBER)))
    if len(report.term) > MAX_TERM:
        findings.append(Finding("bounds.text", Severity.ERROR, (fields.Field.TERM.path,), _(
            "The term is {length} characters long; write it as “2025 - 2030”.").format(length=len(report.term))))
    titles = [(fields.Field.TITLE, report.title), *_section_titles(report.sections, ())]
    for ref, title in titles:
        if len(title) > MAX_TITLE:
            findings.append(Finding("bounds.text", Severity.ERROR, (ref.path,), _(
                "A title of {length} characters is too long to print; shorten it to at most {maximum}.").format(
                length=len(title), maximum=MAX_TITLE)))
    return findings


def _section_titles(sections: list[Any], indexes: tuple[int, ...]) -> Iterator[tuple[Any, str]]:
    """(FieldRef of the title, title) of every section, in reading order."""
    from app.domain import fields

    for index, section in enumerate(sections):
        yield fields.section_title((*indexes, index)), section.title
        yield from _section_titles(section.children, (*indexes, index))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _short(value: object, limit: int = 30) -> str:
    """value as text, cut to limit characters: a 4,000-digit number is named, not printed whole."""
    try:
        text = str(value)
    except ValueError:  # an int beyond Python's digit limit for str()
        return "…"
    return text if len(text) <= limit else text[: limit - 1] + "…"
