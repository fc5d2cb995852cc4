"""Report → DocumentModel: header fields from the profile and the preset, the body from the report's entries.

The body is the report's outline as it prints: for each printed section its heading, then its entries in the
order she sees them in the section editor, generated sentences included (app/render/drafting.py words them
from templates/sections/<key>.j2 and app/domain/drafting.py merges them with her text). Entries are data:
whatever she typed prints as text, never as a heading or a table.

templates/report.j2 words the frame: the opening sentence (used when she wrote no basis) and the closing one.
It prints one block per line, each starting with a tag ("@p …", "@closing …"); lines without a tag continue
the block before them.

An organisation may override the built-in templates by name with a folder of its own (Organisation.templates_dir).
They run in Jinja2's sandbox; any error in them becomes a UserError that names the template and the line.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from app.domain import drafting, numfmt
from app.domain.consolidation import SubUnitPart
from app.domain.errors import UserError
from app.domain.report import EntryKind, Report, ReportKind
from app.i18n import _
from app.paths import templates_dir
from app.render.context import build_context, flatten_outline, one_line
from app.render.environment import environment
from app.render.layout import Layout, report_layout
from app.render.model import Annex, Block, BlockKind, DocumentModel, Table

if TYPE_CHECKING:
    import jinja2

BODY_TEMPLATE = "report.j2"

TAGS: dict[str, BlockKind] = {
    "part_label": BlockKind.PART_LABEL,
    "part_title": BlockKind.PART_TITLE,
    "h1": BlockKind.HEADING1,
    "h2": BlockKind.HEADING2,
    "h3": BlockKind.HEADING3,
    "p": BlockKind.PARAGRAPH,
    "bullet": BlockKind.BULLET,
    "sub": BlockKind.SUB_BULLET,
    "table": BlockKind.TABLE,
    "closing": BlockKind.CLOSING,
}
_TAG_LINE = re.compile(r"^@(\w+)(?:#(\w+))?(?:\s+(.*))?$")
_SPACES = re.compile(r"[ \t]+")


def parse_blocks(text: str, tables: dict[str, Table]) -> list[Block]:
    """Blocks from the tagged template output; an unknown tag or table is a template bug."""
    blocks: list[Block] = []
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _TAG_LINE.match(line)
        if match is None:
            if not blocks or blocks[-1].kind is BlockKind.TABLE:
                raise ValueError(f"text outside a block: {line!r}")
            blocks[-1].text = f"{blocks[-1].text} {line}"
            continue
        tag, rest = match.group(1), _SPACES.sub(" ", match.group(3) or "").strip()
        section = match.group(2) or section
        kind = TAGS.get(tag)
        if kind is None:
            raise ValueError(f"unknown block tag @{tag}")
        if kind is BlockKind.TABLE:
            if rest not in tables:
                raise ValueError(f"unknown table {rest!r}")
            blocks.append(Block(kind, table=tables[rest], section=section))
        elif rest:
            blocks.append(Block(kind, rest, section=section))
    return blocks


def templates_override(report: Report) -> Path | None:
    """The organisation's folder of template overrides; None without one; UserError when it is gone."""
    folder = report.organisation.templates_dir
    if not folder:
        return None
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise UserError(_("The folder of templates {folder} does not exist. Choose it again in the organisation's "
                          "profile, or clear the setting to use the built-in wording.").format(folder=folder))
    return path.resolve()


def render_frame(report: Report, context: dict[str, Any]) -> tuple[Block, Block]:
    """The opening paragraph ("Đảng ủy báo cáo … như sau:") and the closing one, worded by templates/report.j2."""
    override = templates_override(report)
    text = render_template(environment(override), BODY_TEMPLATE, context, override)
    try:
        blocks = parse_blocks(text, context["tables"])
    except ValueError as exc:
        if override is None:
            raise
        raise UserError(_("The templates in {folder} print something the report cannot lay out: {error}").format(
            folder=override, error=exc)) from exc
    opening = next((b for b in blocks if b.kind is BlockKind.PARAGRAPH), Block(BlockKind.PARAGRAPH))
    closing = next((b for b in blocks if b.kind is BlockKind.CLOSING), Block(BlockKind.CLOSING))
    return opening, closing


# A line of dots under the heading of a section kept with no text, for the secretary to fill in by hand.
FILL_LINE = "…" * 30

_HEADING_KINDS = {1: BlockKind.HEADING1, 2: BlockKind.HEADING2, 3: BlockKind.HEADING3}


def render_body(report: Report, context: dict[str, Any] | None = None) -> list[Block]:
    """The body blocks of a drafted report: opening, each printed section's heading and entries, closing.

    report: its generated entries already merged (render.drafting.drafted); context: build_context(report).
    """
    context = context if context is not None else build_context(report)
    opening, closing = render_frame(report, context)
    basis = one_line(report.basis).strip()
    blocks = [Block(BlockKind.PARAGRAPH, basis) if basis else opening]
    flat = context["sections"]
    for index, item in enumerate(flat):
        key = item["key"]
        # In reading order, a section's printed sub-sections come right after it, one level down.
        has_children = index + 1 < len(flat) and flat[index + 1]["level"] > item["level"]
        if item["level"] == 0:
            blocks.append(Block(BlockKind.PART_LABEL, item["label"], section=key))
            blocks.append(Block(BlockKind.PART_TITLE, item["heading"], section=key))
        else:
            blocks.append(Block(_HEADING_KINDS[min(item["level"], 3)], item["heading"], section=key))
        if not item["entries"] and not has_children:
            blocks.append(Block(BlockKind.PARAGRAPH, FILL_LINE, section=key))
        for entry in item["entries"]:
            if entry["kind"] is EntryKind.TABLE:
                table = context["tables"].get(entry["text"])
                if table is not None:
                    blocks.append(Block(BlockKind.TABLE, table=table, section=key))
            else:
                blocks.append(Block(_ENTRY_BLOCKS[entry["kind"]], entry["text"], section=key))
    closing.section = "_closing"
    blocks.append(closing)
    return blocks


_ENTRY_BLOCKS = {EntryKind.PARAGRAPH: BlockKind.PARAGRAPH, EntryKind.BULLET: BlockKind.BULLET,
                 EntryKind.SUB_BULLET: BlockKind.SUB_BULLET}


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any], override: Path | None) -> str:
    """The text a template prints; a broken template of the organisation's folder becomes a UserError."""
    return _render(env, context, override, name)


def _render(env: jinja2.Environment, context: dict[str, Any], override: Path | None, name: str = BODY_TEMPLATE) -> str:
    import jinja2
    from jinja2.exceptions import SecurityError

    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise UserError(_("The template {name} has an error on line {line}: {error}").format(
            name=exc.name or name, line=exc.lineno, error=exc.message)) from exc
    except UnicodeDecodeError as exc:  # only an override can be saved in another encoding
        raise UserError(_("The template {name} is not saved as UTF-8 text: save it again as UTF-8.").format(
            name=name)) from exc
    except jinja2.UndefinedError as exc:
        where = _template_line(exc.__traceback__, override)
        if where is None:
            raise UserError(_("A template uses a value that does not exist: {error}").format(
                error=exc.message)) from exc
        raise UserError(_("The template {name} uses a value that does not exist on line {line}: {error}").format(
            name=where[0], line=where[1], error=exc.message)) from exc
    except SecurityError as exc:
        where = _template_line(exc.__traceback__, override) or (name, 0)
        raise UserError(_("The template {name} does something templates may not do, on line {line}: {error}").format(
            name=where[0], line=where[1], error=exc)) from exc
    except Exception as exc:
        where = _template_line(exc.__traceback__, override, only_override=True)
        if where is None:
            raise
        raise UserError(_("The template {name} fails on line {line}: {error}").format(
            name=where[0], line=where[1], error=exc)) from exc


def _template_line(tb: TracebackType | None, override: Path | None, *,
                   only_override: bool = False) -> tuple[str, int] | None:
    """(template name, line) of the innermost template frame of a traceback; Jinja2 maps its frames to template lines.

    only_override: consider only templates from the override folder (a failure elsewhere is our bug).
    """
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            path = Path(filename)
            inside = override is not None and path.is_relative_to(override)
            if inside or not only_override:
                base = override if inside else _templates_root(path)
                found = (path.relative_to(base).as_posix() if base else path.name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _templates_root(path: Path) -> Path | None:
    root = templates_dir().resolve()
    return root if path.resolve().is_relative_to(root) else None


def place_date(report: Report) -> str:
    """ "Thái Nguyên, ngày 15 tháng 12 năm 2026"; without a date the clerk fills the blanks."""
    place = report.effective_place
    if report.issued_on is None:
        year = report.year if report.kind is not ReportKind.YEAR_END else "      "
        return f"{place}, ngày      tháng      năm {year}"
    return f"{place}, {numfmt.document_date(report.issued_on)}"


def _annex_note(report: Report, layout: Layout) -> str:
    """ "(Kèm theo Báo cáo số 25-BC/ĐU, ngày 15/12/2026 của …)"; blanks for a draft's number and date."""
    conv = layout.conventions
    org = report.organisation
    # "25-BC/ĐU", as a document is cited; a draft keeps its blank for the clerk.
    number = conv.symbol(report.number, report.doc_type, org.issuer_code)
    # A school year's report is issued in the year its period ends.
    day = numfmt.body_date(report.issued_on) if report.issued_on else f"     /     /{report.period.end.year}"
    return layout.annex.note.format(number=number, date=day, issuer=org.name)


def compose(report: Report, layout: Layout | None = None,
            sub_units: Sequence[SubUnitPart] | None = None) -> DocumentModel:
    """The whole document of a report in its preset: header, title, body, closing, signature, recipients, appendices.

    layout: the layout to print in; by default the organisation's preset with the report's settings.
    sub_units: the sub-units' figures of a report rolled up from them, printed as the annex "Tổng hợp số liệu …".
    """
    from app.render.drafting import generate

    layout = layout or report_layout(report)
    conv = layout.conventions
    context = build_context(report, conv, sub_units)
    # What the figures say now, merged into a copy of the sections; the outline is then flattened anew.
    generated = generate(report, conv, context)
    report = replace(report, sections=copy.deepcopy(report.sections))
    drafting.refresh(report, generated)
    context["sections"] = flatten_outline(report, conv)
    org = report.organisation
    signature = report.effective_signature
    note = _annex_note(report, layout) if context["annexes"] else ""
    return DocumentModel(
        party_title=layout.header.title,
        motto=layout.header.motto,
        upper_body=org.upper_body.upper(),
        issuer_name=org.issuer_name.upper(),
        number_line=conv.document_number(report.number, report.doc_type, org.issuer_code),
        place_date=place_date(report),
        doc_type_name=report.doc_type_name,
        title=context["report"]["title"],
        congress_line=context["report"]["congress_line"],
        body=render_body(report, context),
        authority=signature.authority.upper(),
        position=signature.position.upper(),
        signer_name=signature.name,
        recipients=list(report.effective_recipients),
        end_mark=report.settings.end_mark,
        title_separator=layout.title.separator,
        annexes=[
            Annex(label=layout.annex.label.format(number=annex["label"]), title=annex["title"],
                  table=annex["table"], note=note)
            for annex in context["annexes"]
        ],
    )
