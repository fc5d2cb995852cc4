"""templates/reference*.docx: the named styles the writer uses, generated from each preset's layout TOML.

Run `python -m app.render.reference --all` after changing a file in templates/layouts/; a test fails
while a committed file and its TOML disagree. An office may edit a copy in Word (its house style) and
load it per organisation; app/render/lint.py checks such a copy before use.
"""

from __future__ import annotations

import argparse
import io
import posixpath
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt

from app.domain.errors import UserError
from app.domain.presets import Preset
from app.fileio import write_bytes_atomic
from app.i18n import N_, _
from app.paths import templates_dir
from app.render.layout import STYLE_KEYS, Layout, TextStyle, load_layout
from app.safe_read import MiB, ZipReader, parse_xml, read_bytes

if TYPE_CHECKING:  # lxml loads when a house style is read, not when the app starts
    from docx.document import Document
    from docx.styles.style import ParagraphStyle
    from lxml import etree

# Layout style key → the Word style name the writer uses.
STYLE_NAMES: dict[str, str] = {
    "normal": "Normal",
    "upper_body": "TK Upper Body",
    "issuer": "TK Issuer",
    "star": "TK Star",
    "number": "TK Number",
    "party_title": "TK Party Title",
    "party_title_rule": "TK Party Title Rule",
    "motto": "TK Motto",
    "place_date": "TK Place Date",
    "doc_type": "TK Doc Type",
    "title": "TK Title",
    "title_separator": "TK Title Separator",
    "title_rule": "TK Title Rule",
    "part_label": "TK Part Label",
    "part_title": "TK Part Title",
    "heading1": "TK Heading 1",
    "heading2": "TK Heading 2",
    "heading3": "TK Heading 3",
    "paragraph": "TK Body",
    "bullet": "TK Bullet",
    "sub_bullet": "TK Sub Bullet",
    "closing": "TK Closing",
    "table_caption": "TK Table Caption",
    "table_header": "TK Table Header",
    "table_text": "TK Table Text",
    "table_number": "TK Table Number",
    "recipients_label": "TK Recipients Label",
    "recipient": "TK Recipient",
    "sign_authority": "TK Sign Authority",
    "sign_position": "TK Sign Position",
    "sign_space": "TK Sign Space",
    "sign_name": "TK Sign Name",
    "page_number": "TK Page Number",
    "annex_label": "TK Annex Label",
    "annex_title": "TK Annex Title",
    "annex_note": "TK Annex Note",
}
assert tuple(STYLE_NAMES) == STYLE_KEYS, "STYLE_NAMES must name every layout style key, in order"

REQUIRED_STYLES: tuple[str, ...] = tuple(STYLE_NAMES.values())

# Styles of python-docx's default template that stay: Word's defaults for each style type.
_KEPT_BUILTIN_STYLES = ("Normal", "Default Paragraph Font", "Normal Table", "No List")

# Parts of python-docx's default template that no document of ours needs.
_DROPPED_PART_TYPES = (
    RT.CUSTOM_XML, RT.NUMBERING, RT.WEB_SETTINGS, RT.THUMBNAIL,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)
THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
# Styles that are an empty paragraph whose bottom border is a line; the writer sets their width.
RULE_STYLES = ("party_title_rule", "title_rule")

_ALIGNMENTS = {
    "left": WD_PARAGRAPH_ALIGNMENT.LEFT,
    "center": WD_PARAGRAPH_ALIGNMENT.CENTER,
    "right": WD_PARAGRAPH_ALIGNMENT.RIGHT,
    "justify": WD_PARAGRAPH_ALIGNMENT.JUSTIFY,
}
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# Word 2013 and later: opens the file without "[Compatibility Mode]" in the title bar.
_WORD_COMPATIBILITY_MODE = "15"


def reference_path(preset: str = Preset.PARTY) -> Path:
    """templates/reference.docx for the Party preset, templates/reference-<preset>.docx for others."""
    preset = Preset(preset).value
    name = "reference.docx" if preset == Preset.PARTY else f"reference-{preset}.docx"
    return templates_dir() / name


def build_reference(layout: Layout) -> bytes:
    """The bytes of a reference.docx holding exactly the styles of the layout; the same input gives the same bytes."""
    document = docx.Document()
    _drop_unused_parts(document)
    _set_compatibility_mode(document)
    _strip_styles(document)
    _set_doc_defaults(document, layout)
    styles = document.styles
    normal = styles["Normal"]
    for key, name in STYLE_NAMES.items():
        style = normal if key == "normal" else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if style is not normal:
            style.base_style = normal
            style.next_paragraph_style = style
        style.quick_style = True
        _apply_text_style(style, layout.styles[key], layout)
    for key in RULE_STYLES:
        _add_rule_border(styles[STYLE_NAMES[key]], layout.header.rule_weight_pt)
    apply_page(document.sections[0], layout)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalised_zip(buffer.getvalue())


def apply_page(section: Section, layout: Layout, *, landscape: bool = False) -> None:
    """Give a section the layout's paper, margins and header distance, with a first page of its own when needed.

    landscape: turn the paper for wide tables; the margins stay where they are (binding on the left).
    """
    page = layout.page
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Mm(page.height_mm if landscape else page.width_mm)
    section.page_height = Mm(page.width_mm if landscape else page.height_mm)
    section.top_margin = Mm(page.margin_top_mm)
    section.bottom_margin = Mm(page.margin_bottom_mm)
    section.left_margin = Mm(page.margin_left_mm)
    section.right_margin = Mm(page.margin_right_mm)
    section.header_distance = Mm(page.header_distance_mm)
    section.footer_distance = Mm(page.footer_distance_mm)
    section.gutter = 0
    section.different_first_page_header_footer = not (landscape or layout.page_number.on_first_page)


def set_fonts(rPr: etree._Element, font_name: str) -> None:
    """Name font_name in all four font slots of an rPr element and drop every theme font attribute."""
    rFonts = rPr.find(qn("w:rFonts"))
    if rFonts is None:
        rFonts = OxmlElement("w:rFonts")
        rPr.insert(0, rFonts)
    for attribute in THEME_FONT_ATTRIBUTES:
        rFonts.attrib.pop(qn(attribute), None)
    for attribute in FONT_SLOTS:
        rFonts.set(qn(attribute), font_name)


def _drop_unused_parts(document: Document) -> None:
    package_rels = document.part.package.rels
    for rels in (document.part.rels, package_rels):
        for rId, rel in list(rels.items()):
            if rel.reltype in _DROPPED_PART_TYPES:
                del rels[rId]


def _set_compatibility_mode(document: Document) -> None:
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), _WORD_COMPATIBILITY_MODE)


def _strip_styles(document: Document) -> None:
    for style in list(document.styles):
        if style.name not in _KEPT_BUILTIN_STYLES:
            style.delete()


def _set_doc_defaults(document: Document, layout: Layout) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rPr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    set_fonts(rPr, layout.font.name)
    half_points = str(round(layout.styles["normal"].size_pt * 2))
    rPr.find(qn("w:sz")).set(qn("w:val"), half_points)
    rPr.find(qn("w:szCs")).set(qn("w:val"), half_points)
    _set_language(rPr, layout.font.language)
    # Every style sets its own spacing: no Word-2007 "after 10 pt, 1.15 lines" default underneath.
    pPr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    for spacing in pPr.findall(qn("w:spacing")):
        pPr.remove(spacing)


def _set_language(rPr: etree._Element, language: str) -> None:
    lang = rPr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rPr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)


def _apply_text_style(style: ParagraphStyle, spec: TextStyle, layout: Layout) -> None:
    font = style.font
    font.size = Pt(spec.size_pt)
    font.bold = spec.bold
    font.italic = spec.italic
    font.underline = spec.underline
    font.all_caps = spec.caps
    rPr = style.element.get_or_add_rPr()
    set_fonts(rPr, layout.font.name)
    _set_language(rPr, layout.font.language)
    paragraph = style.paragraph_format
    paragraph.alignment = _ALIGNMENTS[spec.align]
    paragraph.first_line_indent = Mm(spec.first_line_indent_mm)
    paragraph.left_indent = Mm(spec.left_indent_mm)
    paragraph.right_indent = Mm(spec.right_indent_mm)
    paragraph.space_before = Pt(spec.space_before_pt)
    paragraph.space_after = Pt(spec.space_after_pt)
    if spec.line_rule == "multiple":
        paragraph.line_spacing = spec.line_spacing
    else:
        paragraph.line_spacing = Pt(spec.line_spacing)
        paragraph.line_spacing_rule = (
            WD_LINE_SPACING.EXACTLY if spec.line_rule == "exact" else WD_LINE_SPACING.AT_LEAST)
    paragraph.keep_with_next = spec.keep_with_next
    paragraph.widow_control = True


def _add_rule_border(style: ParagraphStyle, weight_pt: float) -> None:
    """A solid bottom border on the style: the writer sizes the paragraph to the text it underlines."""
    pPr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom", {
        qn("w:val"): "single", qn("w:sz"): str(round(weight_pt * 8)), qn("w:space"): "0", qn("w:color"): "000000",
    })
    borders.append(bottom)
    pPr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc")


def _normalised_zip(data: bytes) -> bytes:
    """The same package with fixed entry dates, so that regenerating an unchanged file changes no byte."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE), source.read(info),
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# An office's own reference .docx (its house style).
#
# Only its styles, its fonts (without embedded font files), its page set-up and its theme's colours and fonts are
# taken, each part parsed with entities and DTDs refused, into a copy of the built-in reference. Its body and
# headers, its pictures and embedded objects, and every link to another file (an attached template, a hyperlink)
# stay behind: nothing of the file but its look can reach a report.

# A house style with a logo in its header is a few hundred kB; 20 MB leaves room for pictures that are dropped anyway.
MAX_HOUSE_STYLE_BYTES = 20 * MiB

_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_TAKEN_PARTS = {RT.STYLES: "word/styles.xml", RT.THEME: "word/theme/theme1.xml", RT.FONT_TABLE: "word/fontTable.xml"}
_PAGE_SETUP = ("w:pgSz", "w:pgMar", "w:cols", "w:docGrid")
_FONT_EMBEDS = ("w:embedRegular", "w:embedBold", "w:embedItalic", "w:embedBoldItalic")
_CONTENT = ("w:t", "w:drawing", "w:pict", "w:object", "w:tbl", "w:sdt", "w:fldSimple", "w:instrText")

# What a house-style file may hold that is left out, by kind, for the note to the user.
DROPPED_BODY = N_("its text, tables and pictures in the body, headers and footers")
DROPPED_LINKS = N_("its links to other files (an attached template, hyperlinks)")
DROPPED_MEDIA = N_("its pictures, embedded objects and embedded fonts")


@dataclass(frozen=True)
class HouseStyle:
    """A reference .docx made from an office's file: data, the .docx bytes; dropped, what was left out (msgids)."""

    data: bytes
    dropped: tuple[str, ...]


def house_style(path: Path, preset: str = Preset.PARTY) -> HouseStyle:
    """The look of the .docx at path on a copy of the preset's built-in reference; UserError when it cannot be used.

    The file is read under the limits of app.safe_read (a regular file of at most MAX_HOUSE_STYLE_BYTES, a zip
    that does not expand beyond its limits, XML without a DTD).
    """
    path = Path(path).expanduser()
    try:
        stat = path.stat()
    except OSError:
        stat = None
    key = (stat.st_mtime_ns, stat.st_size) if stat is not None else (0, 0)
    return _house_style(str(path), key, Preset(preset).value)


@lru_cache(maxsize=8)
def _house_style(path: str, _key: tuple[int, int], preset: str) -> HouseStyle:
    what = _("The house-style file {file}").format(file=path)
    package = ZipReader(read_bytes(Path(path), MAX_HOUSE_STYLE_BYTES), what)
    dropped: set[str] = set()
    names = package.names()
    if any(name.startswith(("word/media/", "word/embeddings/", "word/fonts/")) for name in names):
        dropped.add(DROPPED_MEDIA)
    for name in names:
        if name.endswith(".rels") and b"External" in package.read(name):
            rels = parse_xml(package.read(name), f"{what} ({name})")
            if any(rel.get("TargetMode") == "External" for rel in rels):
                dropped.add(DROPPED_LINKS)
    main = _main_part(package, what)
    main_dir = posixpath.dirname(main)
    rels_name = posixpath.join(main_dir, "_rels", posixpath.basename(main) + ".rels")
    targets: dict[str, str] = {}
    if rels_name in package.infos:
        for rel in parse_xml(package.read(rels_name), f"{what} ({rels_name})"):
            if rel.get("TargetMode") == "External":
                continue
            target = _part_name(main_dir, rel.get("Target", ""))
            reltype = rel.get("Type", "")
            if reltype in _TAKEN_PARTS and target in package.infos:
                targets.setdefault(reltype, target)
            elif reltype in (RT.HEADER, RT.FOOTER) and target in package.infos \
                    and _has_content(parse_xml(package.read(target), f"{what} ({target})")):
                dropped.add(DROPPED_BODY)
    document = parse_xml(package.read(main), f"{what} ({main})")
    body = document.find(qn("w:body"))
    if body is not None and any(child.tag != qn("w:sectPr") and _has_content(child) for child in body):
        dropped.add(DROPPED_BODY)
    parts = {name: parse_xml(package.read(target), f"{what} ({target})") for name, target in targets.items()}
    data = _styled_reference(preset, parts, body)
    return HouseStyle(data, tuple(kind for kind in (DROPPED_BODY, DROPPED_LINKS, DROPPED_MEDIA) if kind in dropped))


def _main_part(package: ZipReader, what: str) -> str:
    if "_rels/.rels" not in package.infos:
        raise UserError(_("{what} is damaged or is not a Word document (.docx): {reason}.").format(
            what=what, reason=_("it has no list of its parts (_rels/.rels)")))
    for rel in parse_xml(package.read("_rels/.rels"), f"{what} (_rels/.rels)"):
        if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            name = _part_name("", rel.get("Target", ""))
            if name in package.infos:
                return name
    raise UserError(_("{what} is damaged or is not a Word document (.docx): {reason}.").format(
        what=what, reason=_("it has no document part")))


def _part_name(base: str, target: str) -> str:
    """The zip entry name of a relationship's target, relative to the folder base of the part that names it."""
    name = target[1:] if target.startswith("/") else posixpath.join(base, target)
    return posixpath.normpath(name).lstrip("/")


def _has_content(element: etree._Element) -> bool:
    """True when element holds text, a table, a picture or a field: something a report must not inherit."""
    return any(True for _node in element.iter(*(qn(tag) for tag in _CONTENT)))


def _styled_reference(preset: str, parts: dict[str, etree._Element], body: etree._Element | None) -> bytes:
    """The built-in reference of preset with the office's styles, fonts, theme colours and fonts and page set-up."""
    from lxml import etree

    with zipfile.ZipFile(reference_path(preset)) as base:
        entries = {info.filename: base.read(info) for info in base.infolist()}
    styles = parts.get(RT.STYLES)
    if styles is None or styles.tag != qn("w:styles"):
        styles = etree.Element(qn("w:styles"), nsmap={"w": qn("w:styles").split("}")[0][1:]})
    for num_pr in list(styles.iter(qn("w:numPr"))):  # the numbering part stays behind; so do its references
        _parent(num_pr).remove(num_pr)
    _drop_relationship_references(styles)
    entries["word/styles.xml"] = _xml(styles)
    fonts = parts.get(RT.FONT_TABLE)
    if fonts is not None and fonts.tag == qn("w:fonts"):
        for embed in list(fonts.iter(*(qn(tag) for tag in _FONT_EMBEDS))):
            _parent(embed).remove(embed)
        _drop_relationship_references(fonts)
        entries["word/fontTable.xml"] = _xml(fonts)
    theme = parts.get(RT.THEME)
    if theme is not None:
        base_theme = etree.fromstring(entries["word/theme/theme1.xml"])
        for scheme in ("clrScheme", "fontScheme"):
            ours = base_theme.find(f"{{{_A_NS}}}themeElements/{{{_A_NS}}}{scheme}")
            theirs = theme.find(f"{{{_A_NS}}}themeElements/{{{_A_NS}}}{scheme}")
            if ours is not None and theirs is not None:
                _drop_relationship_references(theirs)
                _parent(ours).replace(ours, theirs)
        entries["word/theme/theme1.xml"] = _xml(base_theme)
    their_page = body.find(qn("w:sectPr")) if body is not None else None
    if their_page is not None:
        document = etree.fromstring(entries["word/document.xml"])
        our_page = document.find(f"{qn('w:body')}/{qn('w:sectPr')}")
        assert our_page is not None, "every built-in reference.docx has its page set-up"
        for tag in _PAGE_SETUP:
            theirs = their_page.find(qn(tag))
            ours = our_page.find(qn(tag))
            if theirs is not None and ours is not None:
                _drop_relationship_references(theirs)
                our_page.replace(ours, theirs)
        entries["word/document.xml"] = _xml(document)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries.items():
            target.writestr(zipfile.ZipInfo(name, date_time=_ZIP_DATE), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _parent(element: etree._Element) -> etree._Element:
    """The parent of an element found below its part's root element (so it has one)."""
    parent = element.getparent()
    assert parent is not None, "an element found below the root has a parent"
    return parent


def _drop_relationship_references(element: etree._Element) -> None:
    """Remove every attribute that names a relationship (r:id, r:embed…): no part they could point to is copied."""
    for node in element.iter():
        for attribute in [a for a in node.attrib if a.startswith(f"{{{_R_NS}}}")]:
            del node.attrib[attribute]


def _xml(element: etree._Element) -> bytes:
    from lxml import etree

    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def main(argv: list[str] | None = None) -> None:
    """Regenerate the reference document of a preset (or of every preset) from its layout TOML."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--preset", default=Preset.PARTY.value, choices=[p.value for p in Preset])
    parser.add_argument("--all", action="store_true", help="regenerate the file of every preset")
    parser.add_argument("--output", type=Path, help="where to write (default: the file in templates/)")
    args = parser.parse_args(argv)
    if args.all and args.output:
        parser.error("--all writes the files in templates/: leave out --output")
    for preset in (list(Preset) if args.all else [args.preset]):
        target = args.output or reference_path(preset)
        write_bytes_atomic(target, build_reference(load_layout(preset)))
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
