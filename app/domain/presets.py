"""Document presets (Party, state, Công đoàn, Đoàn) and the conventions each one applies, read from its layout TOML.

The layout numbers of a preset live in templates/layouts/<preset>.toml and are read by app/render/layout.py;
its [conventions] table (how numbers, signatures and recipients are written) is read here, so that the
domain linter and the renderer follow the same data.
"""

from __future__ import annotations

import enum
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from app.domain.datafile import DataFileError, structure
from app.i18n import N_
from app.paths import templates_dir


class Preset(enum.StrEnum):
    """The document format an organisation issues in; the value names templates/layouts/<value>.toml."""

    PARTY = "party"
    STATE = "state"
    CONG_DOAN = "cong-doan"
    DOAN = "doan"


PRESET_LABELS: dict[Preset, str] = {
    Preset.PARTY: N_("Party document (36-HD/VPTW)"),
    Preset.STATE: N_("State document (Decree 30/2020)"),
    Preset.CONG_DOAN: N_("Trade union document (Công đoàn)"),
    Preset.DOAN: N_("Youth Union document (Đoàn TNCS Hồ Chí Minh)"),
}

TitleInitial = Literal["lower", "upper"]
Numerals = Literal["arabic", "roman"]
PartNumerals = Literal["ordinal", "roman"]
NumberingPeriod = Literal["term", "year"]
HeadingStyle = Literal["dash", "dot"]
TITLE_INITIALS: tuple[str, ...] = typing.get_args(TitleInitial)
NUMERALS: tuple[str, ...] = typing.get_args(Numerals)
PART_NUMERALS: tuple[str, ...] = typing.get_args(PartNumerals)
NUMBERING_PERIODS: tuple[str, ...] = typing.get_args(NumberingPeriod)
HEADING_STYLES: tuple[str, ...] = typing.get_args(HeadingStyle)


class ConventionsError(DataFileError):
    """The [conventions] table of a layout file is missing a key or has a wrong value."""


@dataclass(frozen=True, slots=True)
class UsualProfile:
    """What a body issuing in a non-Party preset usually writes, filled into empty profile fields.

    issuer_code: the code after the slash ("UBND"); collective: who signs on behalf ("ỦY BAN NHÂN DÂN");
    position: the signer ("CHỦ TỊCH"). The Party preset has none: its codes follow the kind (org_checks).
    """

    issuer_code: str
    collective: str
    position: str


@dataclass(frozen=True, slots=True)
class Conventions:
    """How a preset writes what is not layout: numbers, signing, recipients, titles, appendices.

    number_format: "Số {number}-{type}/{issuer}" (Party) or "Số: {number}/{type}-{issuer}" (state).
    number_digits: numbers below 10**(digits-1) are padded with zeros ("05").
    number_blank: what stands for the number of a draft, so the clerk can write it in.
    report_type: the type code of a báo cáo; doc_types: every type code the preset knows.
    on_behalf / deputy / by_order: "T/M", "K/T", "T/L" (Party) or "TM.", "KT.", "TL." (state).
    recipient_end / recipient_last_end: the mark ending each "Nơi nhận" line and the last one.
    archive: how the last recipient line starts ("- Lưu" for Party, "- Lưu: VT" for state).
    title_initial: "lower" when the trích yếu starts lower-case (Party), "upper" otherwise.
    annex_numerals: "arabic" (Phụ lục 1) or "roman" (Phụ lục I).
    part_numerals: "ordinal" (Phần thứ nhất) or "roman" (Phần I).
    numbering: "term" when numbers run through the committee's term, "year" when they restart on 1 January.
    heading_style: the default of Settings.heading_style, "dash" (I-/1-) or "dot" (I./1.).
    end_mark: the default of Settings.end_mark: whether the text ends with "./.".
    issuer_codes: organisation kind → the issuer codes such a body uses; empty when the preset has no rule.
    foreign_issuer_codes: issuer codes that belong to another preset (a Party "ĐU" on a state document).
    usual: the code and signer a body of this preset usually has; None for the Party preset.
    """

    number_format: str
    number_digits: int
    number_blank: str
    report_type: str
    doc_types: tuple[str, ...]
    on_behalf: str
    deputy: str
    by_order: str
    recipient_end: str
    recipient_last_end: str
    archive: str
    title_initial: TitleInitial
    annex_numerals: Numerals
    part_numerals: PartNumerals
    numbering: NumberingPeriod
    heading_style: HeadingStyle
    end_mark: bool
    issuer_codes: Mapping[str, tuple[str, ...]]
    foreign_issuer_codes: tuple[str, ...]
    usual: UsualProfile | None = None

    def padded(self, number: int) -> str:
        """The number as the preset writes it: "05", "25"."""
        return f"{number:0{self.number_digits}d}"

    @property
    def number_prefix(self) -> str:
        """What stands before the number: "Số " (Party) or "Số: " (state)."""
        return self.number_format[:self.number_format.index("{number}")]

    def symbol(self, number: int | None, doc_type: str, issuer_code: str) -> str:
        """The number and codes without "Số": "25-BC/ĐU", "25/BC-UBND", as a document is cited."""
        shown = self.number_blank if number is None else self.padded(number)
        return self.number_format.removeprefix(self.number_prefix).format(
            number=shown, type=doc_type, issuer=issuer_code)

    def document_number(self, number: int | None, doc_type: str, issuer_code: str) -> str:
        """ "Số 25-BC/ĐU" or "Số: 25/BC-UBND"; a draft without a number leaves number_blank in its place."""
        return self.number_prefix + self.symbol(number, doc_type, issuer_code)

    @property
    def number_has_colon(self) -> bool:
        return self.number_prefix.startswith("Số:")

    def apply_title_initial(self, title: str) -> str:
        """The trích yếu with its first letter as the preset writes it (only ever raised, never lowered)."""
        if self.title_initial == "upper":
            return title[:1].upper() + title[1:]
        return title


def parse_conventions(raw: Any, source: str = "<layout>") -> Conventions:
    """Conventions from the [conventions] table of a layout file; ConventionsError names the offending key."""
    try:
        conv = structure(raw, Conventions, source, "conventions")
    except DataFileError as exc:
        raise ConventionsError(str(exc)) from exc
    for field in ("{number}", "{type}", "{issuer}"):
        if field not in conv.number_format:
            raise ConventionsError(f"{source}: [conventions] number_format lacks {field}")
    if conv.number_digits < 1:
        raise ConventionsError(f"{source}: [conventions] number_digits must be a whole number of at least 1")
    return conv


@cache
def _layout_data(preset: str) -> tuple[str, dict[str, Any]]:
    path = templates_dir() / "layouts" / f"{Preset(preset).value}.toml"
    with open(path, "rb") as f:
        return str(path), tomllib.load(f)


def conventions(preset: str = Preset.PARTY) -> Conventions:
    """The conventions of a preset, from templates/layouts/<preset>.toml; cached, so treat them as read-only."""
    return _conventions(Preset(preset).value)


@cache
def _conventions(preset: str) -> Conventions:
    source, data = _layout_data(preset)
    return parse_conventions(data.get("conventions"), source=source)


def margin_choices(preset: str = Preset.PARTY) -> dict[str | None, str]:
    """The margins a report of the preset may choose, as Settings.margins value → label; None is the default.

    For a settings form: {None: "20/20/30/15 mm (36-HD/VPTW)", "older": "25/25/35/15 mm (11-HD/VPTW)"}.
    """
    page = _layout_data(Preset(preset).value)[1]["page"]
    return {None: page["label"]} | {name: alt["label"] for name, alt in page.get("alternatives", {}).items()}


def usual_profiles() -> dict[str, UsualProfile]:
    """Preset → the code and signer its bodies usually have, for the presets that have one (not the Party's)."""
    return {preset.value: conv.usual for preset in Preset if (conv := conventions(preset)).usual is not None}
