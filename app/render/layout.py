"""Layout presets: every number of a document format, read from templates/layouts/<preset>.toml."""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from app.domain.datafile import DataFileError, structure
from app.domain.presets import Conventions, Preset, parse_conventions
from app.domain.report import Report
from app.paths import templates_dir

Alignment = Literal["left", "center", "right", "justify"]
LineRule = Literal["exact", "at_least", "multiple"]
VerticalAlignment = Literal["top", "center", "bottom"]
ALIGNMENTS: tuple[str, ...] = typing.get_args(Alignment)
LINE_RULES: tuple[str, ...] = typing.get_args(LineRule)
VERTICAL_ALIGNMENTS: tuple[str, ...] = typing.get_args(VerticalAlignment)

# The paragraph styles every preset defines; "normal" must set every field, the others override some.
STYLE_KEYS = (
    "normal",
    "upper_body", "issuer", "star", "number",
    "party_title", "party_title_rule", "motto", "place_date",
    "doc_type", "title", "title_separator", "title_rule",
    "part_label", "part_title", "heading1", "heading2", "heading3",
    "paragraph", "bullet", "sub_bullet", "closing",
    "table_caption", "table_header", "table_text", "table_number",
    "recipients_label", "recipient", "sign_authority", "sign_position", "sign_space", "sign_name",
    "page_number",
    "annex_label", "annex_title", "annex_note",
)


class LayoutError(DataFileError):
    """A layout file is missing a key, has an unknown one or a value of the wrong type."""


@dataclass(frozen=True, slots=True)
class Meta:
    preset: str
    name: str
    basis: str


@dataclass(frozen=True, slots=True)
class Margins:
    """A named alternative set of margins (Settings.margins picks one by its key)."""

    label: str
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float


@dataclass(frozen=True, slots=True)
class Page:
    """Paper and margins (portrait); label names the default margins, alternatives the others."""

    label: str
    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    header_distance_mm: float
    footer_distance_mm: float
    alternatives: Mapping[str, Margins]

    @property
    def text_width_mm(self) -> float:
        """Width between the left and right margins, in mm."""
        return self.width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def text_height_mm(self) -> float:
        """Height between the top and bottom margins, in mm: the text width of a landscape page."""
        return self.height_mm - self.margin_top_mm - self.margin_bottom_mm

    def with_margins(self, name: str | None) -> Page:
        """This page with the alternative margins called name; None or "" keeps the default ones."""
        if not name:
            return self
        try:
            chosen = self.alternatives[name]
        except KeyError:
            raise LayoutError(f"no margins called {name!r}; known: {', '.join(self.alternatives) or 'none'}") from None
        return dataclasses.replace(
            self, label=chosen.label, margin_top_mm=chosen.margin_top_mm, margin_bottom_mm=chosen.margin_bottom_mm,
            margin_left_mm=chosen.margin_left_mm, margin_right_mm=chosen.margin_right_mm)


@dataclass(frozen=True, slots=True)
class Font:
    name: str
    language: str


@dataclass(frozen=True, slots=True)
class HeaderBlock:
    """The first-page block (36-HD/VPTW points 1.1–1.2; NĐ 30; the union and Đoàn rules).

    title: top right ("ĐẢNG CỘNG SẢN VIỆT NAM", the Quốc hiệu, "ĐOÀN TNCS HỒ CHÍ MINH").
    motto: the tiêu ngữ under the title; "" for none. The rule goes under the motto, or under the title without one.
    star: the mark under the issuer's name ("*", "***"); "" for none.
    issuer_rule_pct: a line under the issuer's name, this share of the name's printed width; 0 for none.
    """

    left_width_pct: float
    right_width_pct: float
    cell_margin_mm: float
    title: str
    motto: str
    star: str
    issuer_rule_pct: float
    rule_weight_pt: float


@dataclass(frozen=True, slots=True)
class TitleBlock:
    """Under the trích yếu: a separator text ("-----") and/or a line this share of its width (0: none)."""

    separator: str
    rule_pct: float


@dataclass(frozen=True, slots=True)
class AnnexLayout:
    """Phụ lục after the signature: their pages, the label ("Phụ lục {number}") and the note under the title."""

    landscape: bool
    label: str
    note: str


@dataclass(frozen=True, slots=True)
class TableLayout:
    border_pt: float
    cell_margin_mm: float
    space_after_pt: float
    vertical_align: VerticalAlignment
    repeat_header: bool
    rows_cant_split: bool


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    left_width_pct: float
    right_width_pct: float
    cell_margin_mm: float
    blank_lines: int


@dataclass(frozen=True, slots=True)
class PageNumber:
    on_first_page: bool


@dataclass(frozen=True, slots=True)
class EndMark:
    """The mark that ends the text when Settings.end_mark is on (its default is conventions.end_mark)."""

    text: str


@dataclass(frozen=True, slots=True)
class TextStyle:
    """One paragraph style: font size and face, alignment, indents, spacing."""

    size_pt: float
    bold: bool
    italic: bool
    underline: bool
    caps: bool
    align: Alignment
    first_line_indent_mm: float
    left_indent_mm: float
    right_indent_mm: float
    space_before_pt: float
    space_after_pt: float
    line_rule: LineRule
    line_spacing: float
    keep_with_next: bool


@dataclass(frozen=True, slots=True)
class Layout:
    """A whole preset; styles maps each of STYLE_KEYS to its TextStyle."""

    meta: Meta
    page: Page
    font: Font
    header: HeaderBlock
    title: TitleBlock
    annex: AnnexLayout
    table: TableLayout
    signature: SignatureBlock
    page_number: PageNumber
    end_mark: EndMark
    conventions: Conventions
    styles: Mapping[str, TextStyle]

    def adjusted(self, *, margins: str | None = None, line_spacing_pt: float | None = None) -> Layout:
        """This layout with a report's choices: alternative margins, and body lines exactly line_spacing_pt apart.

        The body line spacing changes in every style that shares normal's exact spacing; tables, rules and
        other styles keep theirs.
        """
        layout = self
        if margins:
            layout = dataclasses.replace(layout, page=layout.page.with_margins(margins))
        normal = self.styles["normal"]
        if line_spacing_pt and not (normal.line_rule == "exact" and normal.line_spacing == line_spacing_pt):
            styles = {
                key: dataclasses.replace(style, line_rule="exact", line_spacing=float(line_spacing_pt))
                if (style.line_rule, style.line_spacing) == (normal.line_rule, normal.line_spacing) else style
                for key, style in self.styles.items()
            }
            layout = dataclasses.replace(layout, styles=types.MappingProxyType(styles))
        return layout


def layouts_dir() -> Path:
    return templates_dir() / "layouts"


@cache
def load_layout(preset: str = Preset.PARTY) -> Layout:
    """The layout of templates/layouts/<preset>.toml, validated; cached, so treat it as read-only."""
    return read_layout(layouts_dir() / f"{Preset(preset).value}.toml")


@cache
def layout_for(preset: str = Preset.PARTY, margins: str | None = None, line_spacing_pt: float | None = None) -> Layout:
    """The layout of a preset adjusted to a report's margins and line spacing (None: the preset's own); cached."""
    return load_layout(preset).adjusted(margins=margins, line_spacing_pt=line_spacing_pt)


def report_layout(report: Report) -> Layout:
    """The layout a report prints in: its organisation's preset, with the report's own settings.

    Margins the preset does not offer (chosen under another preset) fall back to its own; the linter says so.
    """
    settings = report.settings
    alternatives = load_layout(report.organisation.preset).page.alternatives
    margins = settings.margins if settings.margins in alternatives else None
    return layout_for(report.organisation.preset, margins, settings.line_spacing_pt)


def read_layout(path: Path) -> Layout:
    """Parse and validate one layout file; LayoutError names the file and the offending key."""
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(f"{path}: {exc}") from exc
    return parse_layout(data, source=str(path))


@dataclass(frozen=True, slots=True)
class _Sections:
    """The tables of a layout file other than [conventions] and [styles], as the file holds them."""

    meta: Meta
    page: Page
    font: Font
    header: HeaderBlock
    title: TitleBlock
    annex: AnnexLayout
    table: TableLayout
    signature: SignatureBlock
    page_number: PageNumber
    end_mark: EndMark


def parse_layout(data: Mapping[str, Any], source: str = "<layout>") -> Layout:
    """Build a Layout from parsed TOML data; source only labels error messages."""
    data = dict(data)
    raw_styles = data.pop("styles", None)
    if not isinstance(raw_styles, Mapping):
        raise LayoutError(f"{source}: missing table [styles]")
    try:
        conventions = parse_conventions(data.pop("conventions", None), source)
        sections = structure(data, _Sections, source)
        styles = _build_styles(raw_styles, source)
    except DataFileError as exc:
        raise LayoutError(str(exc)) from exc
    layout = Layout(**{f.name: getattr(sections, f.name) for f in dataclasses.fields(_Sections)},
                    conventions=conventions, styles=types.MappingProxyType(styles))
    _check(layout, source)
    return layout


def _build_styles(raw: Mapping[str, Any], source: str) -> dict[str, TextStyle]:
    missing = [key for key in STYLE_KEYS if key not in raw]
    if missing:
        raise LayoutError(f"{source}: [styles] lacks {', '.join(missing)}")
    unknown = sorted(set(raw) - set(STYLE_KEYS))
    if unknown:
        raise LayoutError(f"{source}: [styles] has unknown keys {', '.join(unknown)}")
    normal = structure(raw["normal"], TextStyle, source, "styles.normal")
    styles = {"normal": normal}
    for key in STYLE_KEYS[1:]:
        overrides = raw[key]
        if not isinstance(overrides, Mapping):
            raise LayoutError(f"{source}: [styles.{key}] must be a table")
        # Unknown keys in overrides survive the merge, so structure() refuses them.
        styles[key] = structure(dataclasses.asdict(normal) | dict(overrides), TextStyle, source, f"styles.{key}")
    return styles


def _check(layout: Layout, source: str) -> None:
    for name, block in (("header", layout.header), ("signature", layout.signature)):
        if abs(block.left_width_pct + block.right_width_pct - 100) > 1e-6:
            raise LayoutError(f"{source}: [{name}] left_width_pct + right_width_pct must be 100")
    if layout.meta.preset != Path(source).stem and Path(source).suffix == ".toml":
        raise LayoutError(f"{source}: [meta] preset must be the file's name, {Path(source).stem!r}")
    if "{number}" not in layout.annex.label:
        raise LayoutError(f"{source}: [annex] label lacks {{number}}")
