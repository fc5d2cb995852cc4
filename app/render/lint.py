"""Checks of what an office loads instead of the built-ins: its own reference .docx and its folder of templates.

An office may copy templates/reference*.docx, change its styles in Word (fonts, sizes, spacing) and load
the copy per organisation; it may also override the phrasing templates by name. Before either is used,
these checks say in plain words what the file or the folder lacks. Errors stop the export (UserError);
warnings are for the findings panel.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from app.domain.errors import UserError
from app.domain.fields import Field
from app.domain.findings import Finding, Severity, has_errors
from app.domain.organisation import Organisation
from app.i18n import _
from app.paths import templates_dir
from app.render.layout import load_layout
from app.render.reference import FONT_SLOTS, REQUIRED_STYLES, THEME_FONT_ATTRIBUTES, house_style
from app.safe_read import inside, read_bytes

REFERENCE_FIELD = Field.ORG_REFERENCE_DOCX.path
TEMPLATES_FIELD = Field.ORG_TEMPLATES_DIR.path
_TWIPS_PER_MM = 1440 / 25.4
_PAGE_TOLERANCE_MM = 1.0
_PARAGRAPH_STYLE = 1  # WD_STYLE_TYPE.PARAGRAPH


def check_reference(path: Path, preset: str = "party") -> list[Finding]:
    """What a loaded reference .docx lacks for the writer: styles, explicit fonts, A4 paper; errors first."""
    path = Path(path).expanduser()
    try:
        stat = path.stat()
    except OSError:
        return [_reference_finding("reference.missing", Severity.ERROR, _(
            "The house-style file {file} cannot be found. Choose it again, or clear the setting to use the built-in "
            "style.").format(file=path))]
    return list(_check_reference(str(path), stat.st_mtime_ns, stat.st_size, preset))


@cache
def _check_reference(path: str, _mtime_ns: int, _size: int, preset: str) -> tuple[Finding, ...]:
    try:
        style = house_style(Path(path), preset)
        document = docx.Document(io.BytesIO(style.data))
    except UserError as exc:
        return (_reference_finding("reference.unreadable", Severity.ERROR, str(exc)),)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return (_reference_finding("reference.unreadable", Severity.ERROR, _(
            "The house-style file {file} is not a Word document (.docx) that can be opened: {reason}. Save it in "
            "Word as “Word Document (*.docx)”.").format(file=path, reason=exc)),)
    findings = [*_styles(document, path), *_fonts(document, path), *_page(document, path, preset)]
    if style.dropped:
        findings.append(_reference_finding("reference.dropped", Severity.INFO, _(
            "Only the styles, fonts, page set-up and theme of the house-style file {file} are used; {what} are left "
            "out of every report.").format(file=path, what="; ".join(_(kind) for kind in style.dropped))))
    return tuple(sorted(findings, key=lambda f: -f.severity))


def _reference_finding(code: str, severity: Severity, message: str) -> Finding:
    return Finding(code, severity, (REFERENCE_FIELD,), message)


def _style_elements(document: Document) -> dict[str, etree._Element]:
    """Style name → its w:style element, paragraph styles only."""
    out: dict[str, etree._Element] = {}
    for element in document.styles.element.iterchildren(qn("w:style")):
        name = element.find(qn("w:name"))
        if name is not None and element.get(qn("w:type")) == "paragraph":
            out[name.get(qn("w:val"))] = element
    return out


def _styles(document: Document, path: str) -> Iterator[Finding]:
    paragraph_styles = _style_elements(document)
    others = {element.find(qn("w:name")).get(qn("w:val"))
              for element in document.styles.element.iterchildren(qn("w:style"))
              if element.find(qn("w:name")) is not None and element.get(qn("w:type")) != "paragraph"}
    missing = [name for name in REQUIRED_STYLES if name not in paragraph_styles]
    wrong_type = [name for name in missing if name in others]
    missing = [name for name in missing if name not in others]
    if missing:
        yield _reference_finding("reference.missing_styles", Severity.ERROR, _(
            "The house-style file {file} lacks the paragraph styles {styles}. The app writes every paragraph in one "
            "of its named styles: start again from a copy of the built-in file and change the styles, do not delete "
            "or rename them.").format(file=path, styles=", ".join(f"“{name}”" for name in missing)))
    if wrong_type:
        yield _reference_finding("reference.style_type", Severity.ERROR, _(
            "In the house-style file {file}, {styles} must be paragraph styles, not character or table styles."
        ).format(file=path, styles=", ".join(f"“{name}”" for name in wrong_type)))


def _fonts(document: Document, path: str) -> Iterator[Finding]:
    """Every required style must name a font in all four slots (itself, through its base styles or the defaults)."""
    by_id = {element.get(qn("w:styleId")): element
             for element in document.styles.element.iterchildren(qn("w:style"))}
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    themed: list[str] = []
    unnamed: list[str] = []
    for name, element in _style_elements(document).items():
        if name not in REQUIRED_STYLES:
            continue
        slots: dict[str, str] = {}
        theme = False
        chain = []
        current: etree._Element | None = element
        seen: set[int] = set()
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            chain.append(current.find(f"{qn('w:rPr')}/{qn('w:rFonts')}"))
            based = current.find(qn("w:basedOn"))
            current = by_id.get(based.get(qn("w:val"))) if based is not None else None
        if defaults is not None:
            chain.append(defaults.find(qn("w:rFonts")))
        for fonts in chain:
            if fonts is None:
                continue
            for slot, attribute in zip(FONT_SLOTS, THEME_FONT_ATTRIBUTES, strict=True):
                if slot in slots:
                    continue
                if fonts.get(qn(attribute)) is not None:
                    slots[slot] = ""
                    theme = True
                elif (font := fonts.get(qn(slot))) is not None:
                    slots[slot] = font
        if theme:
            themed.append(name)
        elif len([v for v in slots.values() if v]) < len(FONT_SLOTS):
            unnamed.append(name)
    if themed:
        yield _reference_finding("reference.theme_fonts", Severity.WARNING, _(
            "In the house-style file {file}, the styles {styles} use a theme font (“+Body”, “+Headings”): Word may "
            "then show Vietnamese letters in another font. In Word, modify each style and choose the font by its "
            "name, for example Times New Roman.").format(file=path, styles=", ".join(f"“{s}”" for s in themed)))
    if unnamed:
        yield _reference_finding("reference.font_slots", Severity.WARNING, _(
            "In the house-style file {file}, the styles {styles} do not name a font for every kind of text (Latin, "
            "Asian, complex script): Word may show some Vietnamese letters in another font. In Word, modify each "
            "style, open Font and choose the same font in every list.").format(
                file=path, styles=", ".join(f"“{s}”" for s in unnamed)))


def _page(document: Document, path: str, preset: str) -> Iterator[Finding]:
    section = document.sections[-1]
    page = load_layout(preset).page
    width, height = section.page_width, section.page_height
    if width is None or height is None:
        return
    size = sorted((width.mm, height.mm))
    if abs(size[0] - page.width_mm) > _PAGE_TOLERANCE_MM or abs(size[1] - page.height_mm) > _PAGE_TOLERANCE_MM:
        yield _reference_finding("reference.page_size", Severity.WARNING, _(
            "The page of the house-style file {file} is {width} × {height} mm, not A4 ({a4_width} × {a4_height} mm). "
            "The report is printed on A4 with the margins of its document format anyway.").format(
                file=path, width=round(width.mm), height=round(height.mm), a4_width=round(page.width_mm),
                a4_height=round(page.height_mm)))
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    expected = (page.margin_top_mm, page.margin_bottom_mm, page.margin_left_mm, page.margin_right_mm)
    set_margins = [m for m in margins if m is not None]
    if len(set_margins) == len(margins) and any(
            abs(m.mm - e) > _PAGE_TOLERANCE_MM for m, e in zip(set_margins, expected, strict=True)):
        yield _reference_finding("reference.margins", Severity.INFO, _(
            "The margins of the house-style file {file} are not used: the report keeps the margins of its document "
            "format ({margins}). Choose other margins in the report's settings.").format(file=path, margins=page.label))


def reference_for(organisation: Organisation, preset: str | None = None) -> Path | None:
    """The organisation's own reference .docx when it set one, after checking it; None for the built-in one.

    Raises UserError listing the problems when the file cannot be used.
    """
    if not organisation.reference_docx:
        return None
    path = Path(organisation.reference_docx).expanduser()
    findings = check_reference(path, preset or organisation.preset)
    if has_errors(findings):
        raise UserError(_("The house-style file of the organisation cannot be used."),
                        detail="\n".join(f.message for f in findings if f.is_error))
    return path


# Template overrides.

def builtin_template_names() -> set[str]:
    """The names an override may replace: "report.j2" and "sections/<key>.j2" of the built-in templates."""
    root = templates_dir()
    return {p.relative_to(root).as_posix() for p in root.rglob("*.j2")}


def check_templates(folder: Path) -> list[Finding]:
    """What is wrong with a folder of template overrides: syntax errors with the line, unknown values, unused files."""
    import jinja2
    from jinja2 import meta, nodes

    from app.render.environment import MAX_TEMPLATE_BYTES, environment

    folder = Path(folder).expanduser()
    if not folder.is_dir():
        return [Finding("templates.missing", Severity.ERROR, (TEMPLATES_FIELD,), _(
            "The folder of templates {folder} does not exist.").format(folder=folder))]
    env = environment(folder.resolve())
    known = builtin_template_names()
    names = _context_names()
    findings: list[Finding] = []
    for path in sorted(folder.rglob("*.j2")):
        name = path.relative_to(folder).as_posix()
        if not inside(folder, path):
            findings.append(Finding("templates.outside", Severity.ERROR, (TEMPLATES_FIELD,), _(
                "The template {name} in {folder} is a link to a file outside that folder; templates are read only "
                "from inside it. Copy the file into the folder instead.").format(name=name, folder=folder)))
            continue
        if name not in known and not name.startswith("sections/"):
            findings.append(Finding("templates.unused", Severity.WARNING, (TEMPLATES_FIELD,), _(
                "The template {name} in {folder} replaces no template of the app and is never used: name it after "
                "one of {known}.").format(name=name, folder=folder, known=", ".join(sorted(known)))))
            continue
        try:
            source = read_bytes(path, MAX_TEMPLATE_BYTES).decode("utf-8")
            ast = env.parse(source, name, str(path))
        except UserError as exc:
            findings.append(Finding("templates.unreadable", Severity.ERROR, (TEMPLATES_FIELD,), str(exc)))
            continue
        except UnicodeDecodeError:
            findings.append(Finding("templates.encoding", Severity.ERROR, (TEMPLATES_FIELD,), _(
                "The template {name} is not saved as UTF-8 text: save it again as UTF-8.").format(name=name)))
            continue
        except jinja2.TemplateSyntaxError as exc:
            findings.append(Finding("templates.syntax", Severity.ERROR, (TEMPLATES_FIELD,), _(
                "The template {name} has an error on line {line}: {error}").format(
                    name=name, line=exc.lineno, error=exc.message)))
            continue
        # Names the template sets itself (even inside an {% if %}) are its own, not the report's.
        assigned = {node.name for node in ast.find_all(nodes.Name) if node.ctx in ("store", "param")}
        unknown = sorted(meta.find_undeclared_variables(ast) - names - assigned)
        if unknown:
            findings.append(Finding("templates.unknown_values", Severity.ERROR, (TEMPLATES_FIELD,), _(
                "The template {name} uses {values}, which the report does not provide; the values a template may use "
                "are {known}.").format(name=name, values=", ".join(unknown), known=", ".join(sorted(names)))))
    return sorted(findings, key=lambda f: -f.severity)


@cache
def _context_names() -> frozenset[str]:
    """The names every template sees: the context's keys and the loop variable report.j2 gives its includes."""
    from app.domain.demo import demo_report
    from app.render.context import build_context

    return frozenset(build_context(demo_report())) | {"s", "loop"}
