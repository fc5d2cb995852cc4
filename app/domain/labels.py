"""Wording that depends on when a report is written: rating level names and the regulations cited (report-content.md §0, §4.2).

The data lives in templates/labels/ratings.toml with the year or date each wording takes effect, so a new
regulation is one more entry there and a 2019 report keeps its 2019 wording.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from app.domain.ratings import LEVELS, Level
from app.paths import templates_dir


@dataclass(frozen=True, slots=True)
class LabelSet:
    """The wording in force for one report.

    first_year: the first rating year of these level names.
    organisation_levels / member_levels: the four level names, best first, in sentence form (lower-case).
    rating_rule / inspection_rule: the regulation a report of that date cites ("Quy định số 366-QĐ/TW, …").
    exemplary: the commendation among the excellent ones ("hoàn thành xuất sắc nhiệm vụ tiêu biểu").
    """

    first_year: int
    organisation_levels: dict[Level, str]
    member_levels: dict[Level, str]
    rating_rule: str
    inspection_rule: str
    exemplary: str


@dataclass(frozen=True, slots=True)
class _Levels:
    first_year: int
    organisation: dict[Level, str]
    member: dict[Level, str]
    exemplary: str


@dataclass(frozen=True, slots=True)
class _Rule:
    effective: date
    text: str


@dataclass(frozen=True, slots=True)
class _Data:
    levels: tuple[_Levels, ...]
    rating_rules: tuple[_Rule, ...]
    inspection_rules: tuple[_Rule, ...]


def labels_path():
    return templates_dir() / "labels" / "ratings.toml"


@cache
def _data() -> _Data:
    path = labels_path()
    with open(path, "rb") as f:
        raw = tomllib.load(f)
    try:
        return _Data(
            levels=tuple(sorted((_levels(entry) for entry in raw["levels"]), key=lambda e: e.first_year)),
            rating_rules=_rules(raw["rating_rule"]),
            inspection_rules=_rules(raw["inspection_rule"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: {exc!r}") from exc


def _levels(entry: dict[str, Any]) -> _Levels:
    return _Levels(
        first_year=int(entry["first_year"]),
        organisation={level: str(entry["organisation"][level.value]) for level in LEVELS},
        member={level: str(entry["member"][level.value]) for level in LEVELS},
        exemplary=str(entry["exemplary"]),
    )


def _rules(entries: list[dict[str, Any]]) -> tuple[_Rule, ...]:
    rules = [_Rule(entry["from"], str(entry["text"])) for entry in entries]
    if not all(isinstance(rule.effective, date) for rule in rules):
        raise ValueError("every rule needs a date in “from”")
    return tuple(sorted(rules, key=lambda r: r.effective))


def _in_force(rules: tuple[_Rule, ...], on: date) -> str:
    """The newest rule effective on or before on; the oldest one for earlier dates."""
    chosen = rules[0]
    for rule in rules:
        if rule.effective <= on:
            chosen = rule
    return chosen.text


def labels_for(year: int, on: date | None = None) -> LabelSet:
    """The wording for a report of that year: level names by the year, regulations in force on `on`.

    on: the report's date of issue; None takes the end of the year (31/12), when year-end ratings are made.
    Years before the first entry get the oldest wording.
    """
    data = _data()
    levels = data.levels[0]
    for entry in data.levels:
        if entry.first_year <= year:
            levels = entry
    on = on or date(year, 12, 31)
    return LabelSet(
        first_year=levels.first_year,
        organisation_levels=levels.organisation,
        member_levels=levels.member,
        rating_rule=_in_force(data.rating_rules, on),
        inspection_rule=_in_force(data.inspection_rules, on),
        exemplary=levels.exemplary,
    )
