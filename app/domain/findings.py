"""A finding: one failed check, with its severity, the fields involved and a message that names them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Severity(enum.IntEnum):
    """How bad a finding is; ERROR means the report contradicts itself."""

    INFO = 10
    WARNING = 20
    ERROR = 30


@dataclass(frozen=True, slots=True)
class Fix:
    """A mechanical correction of a finding: in the text at field, replace old (found at start) by new.

    field: the dotted path of a text of the report ("sections.0.children.2.entries.1.text", "title"), as
           app.domain.fields formats it.
    start: where old stands in that text when the finding was made; old: the exact text replaced.
    """

    field: str
    start: int
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One failed check.

    code: a stable identifier such as "membership.balance", for tests and filters.
    fields: the dotted paths of the fields involved ("stats.membership.closing_total"), the wire form of
            app.domain.fields.FieldRef (parse() reads them back); the GUI jumps to the first.
    message: translated, names the fields in words and says what to change.
    fix: the correction the app can make itself ("2 đảng viên" → "02 đảng viên"), or None.
    """

    code: str
    severity: Severity
    fields: tuple[str, ...]
    message: str
    fix: Fix | None = None

    @property
    def is_error(self) -> bool:
        return self.severity >= Severity.ERROR


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)


def apply_fix(report: Any, fix: Fix) -> bool:
    """Make fix's replacement in the report's text; False (and nothing changed) when that text no longer holds old.

    old is looked for at fix.start first, then, if the text moved, as its only occurrence in the text.
    report: an app.domain.report.Report (any object whose attributes and lists the dotted path walks).
    """
    from app.domain.fields import parse

    ref = parse(fix.field)
    try:
        text = ref.get(report)
    except (AttributeError, LookupError, TypeError):
        return False
    if not isinstance(text, str) or not fix.old:
        return False
    start = fix.start
    if text[start:start + len(fix.old)] != fix.old:
        if text.count(fix.old) != 1:
            return False
        start = text.index(fix.old)
    ref.set(report, text[:start] + fix.new + text[start + len(fix.old):])
    return True
