"""A finding: one failed check, with its severity, the fields involved and a message that names them."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """How bad a finding is; ERROR means the report contradicts itself."""

    INFO = 10
    WARNING = 20
    ERROR = 30


@dataclass(frozen=True, slots=True)
class Finding:
    """One failed check.

    code: a stable identifier such as "membership.balance", for tests and filters.
    fields: dotted paths into the report ("stats.membership.closing_total") the GUI jumps to.
    message: translated, names the fields in words and says what to change.
    """

    code: str
    severity: Severity
    fields: tuple[str, ...]
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity >= Severity.ERROR


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)
