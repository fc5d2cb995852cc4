"""Wording that depends on when a report is written: rating level names and the regulations cited.

The data lives in templates/labels/ratings.toml with the year or date each wording takes effect, so a new
regulation is one more entry there and a 2019 report keeps its 2019 wording (docs/conventions.md, Ratings).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from app.domain.datafile import DataFileError, structure
from app.domain.fields import FieldKind, FieldRef, parse
from app.domain.ratings import LEVELS, Level
from app.i18n import N_, _
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
class _LevelNames:
    """The four level names of one period, as [[levels]] organisation = {…} / member = {…} write them."""

    excellent: str
    good: str
    complete: str
    not_complete: str

    def by_level(self) -> dict[Level, str]:
        return {level: getattr(self, level.value) for level in LEVELS}


@dataclass(frozen=True, slots=True)
class _Levels:
    first_year: int
    organisation: _LevelNames
    member: _LevelNames
    exemplary: str


@dataclass(frozen=True, slots=True)
class _Rule:
    effective: date
    text: str


@dataclass(frozen=True, slots=True)
class _Data:
    levels: tuple[_Levels, ...]
    rating_rule: tuple[_Rule, ...]
    inspection_rule: tuple[_Rule, ...]



class LabelsError(DataFileError):
    """templates/labels/ratings.toml lacks a key, has an unknown one or a value of the wrong type."""


def labels_path() -> Path:
    return templates_dir() / "labels" / "ratings.toml"


@cache
def _data() -> _Data:
    path = labels_path()
    try:
        with open(path, "rb") as f:
            raw = tomllib.load(f)
        data = structure(raw, _Data, str(path))
    except tomllib.TOMLDecodeError as exc:
        raise LabelsError(f"{path}: {exc}") from exc
    except DataFileError as exc:
        raise LabelsError(str(exc)) from exc
    if not (data.levels and data.rating_rule and data.inspection_rule):
        raise LabelsError(f"{path}: [[levels]], [[rating_rule]] and [[inspection_rule]] need one entry each at least")
    return _Data(
        levels=tuple(sorted(data.levels, key=lambda e: e.first_year)),
        rating_rule=tuple(sorted(data.rating_rule, key=lambda r: r.effective)),
        inspection_rule=tuple(sorted(data.inspection_rule, key=lambda r: r.effective)),
    )


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
        organisation_levels=levels.organisation.by_level(),
        member_levels=levels.member.by_level(),
        rating_rule=_in_force(data.rating_rule, on),
        inspection_rule=_in_force(data.inspection_rule, on),
        exemplary=levels.exemplary,
    )


# Translators: {level} is a rating level of the report's year, in Vietnamese: "hoàn thành xuất sắc nhiệm vụ".
_RATED_ORGANISATIONS = N_("Party cells rated {level}")
# Translators: {level} is a rating level of the report's year, in Vietnamese: "hoàn thành xuất sắc nhiệm vụ".
_RATED_MEMBERS = N_("members rated {level}")


def rating_field_label(field: FieldRef | str, year: int) -> str | None:
    """The label of a rating count in the wording of the report's year; None when field is no rated level.

    "stats.ratings.organisations.excellent" in a 2012 report reads "số chi bộ được xếp loại trong sạch, vững mạnh",
    in a 2025 report "… hoàn thành xuất sắc nhiệm vụ".
    """
    ref = parse(field) if isinstance(field, str) else field
    if ref.kind is not FieldKind.STAT or len(ref.parts) != 4 or ref.parts[1] != "ratings":
        return None
    who, level = ref.parts[2], ref.parts[3]
    if level not in {lv.value for lv in LEVELS}:
        return None
    labels = labels_for(year)
    if who == "organisations":
        return _(_RATED_ORGANISATIONS).format(level=labels.organisation_levels[Level(str(level))])
    if who == "members":
        return _(_RATED_MEMBERS).format(level=labels.member_levels[Level(str(level))])
    return None
