"""Report → DocumentModel: header fields from the profile, body wording from the Jinja2 templates.

The body template prints one block per line, each starting with a tag: "@h1 I- ĐẶC ĐIỂM TÌNH HÌNH",
"@p …", "@bullet …", "@sub …", "@table membership", "@closing …", "@part_label …", "@part_title …".
Lines without a tag continue the block before them.
"""

from __future__ import annotations

import re

from app.domain import numfmt
from app.domain.errors import UserError
from app.domain.report import Report
from app.i18n import _
from app.render.context import build_context
from app.render.environment import environment
from app.render.model import Block, BlockKind, DocumentModel

BODY_TEMPLATE = "report.j2"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"

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
_TAG_LINE = re.compile(r"^@(\w+)(?:\s+(.*))?$")
_SPACES = re.compile(r"[ \t]+")


def parse_blocks(text: str, tables: dict) -> list[Block]:
    """Blocks from the tagged template output; an unknown tag or table is a template bug."""
    blocks: list[Block] = []
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
        tag, rest = match.group(1), _SPACES.sub(" ", match.group(2) or "").strip()
        kind = TAGS.get(tag)
        if kind is None:
            raise ValueError(f"unknown block tag @{tag}")
        if kind is BlockKind.TABLE:
            if rest not in tables:
                raise ValueError(f"unknown table {rest!r}")
            blocks.append(Block(kind, table=tables[rest]))
        elif rest:
            blocks.append(Block(kind, rest))
    return blocks


def render_body(report: Report) -> list[Block]:
    """The body blocks of a report, worded by templates/report.j2 and its section templates."""
    import jinja2

    context = build_context(report)
    try:
        text = environment().get_template(BODY_TEMPLATE).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise UserError(_("The template {name} has an error on line {line}: {error}").format(
            name=exc.name or BODY_TEMPLATE, line=exc.lineno, error=exc.message)) from exc
    except jinja2.UndefinedError as exc:
        raise UserError(_("A template uses a value that does not exist: {error}").format(error=exc.message)) from exc
    return parse_blocks(text, context["tables"])


def place_date(report: Report) -> str:
    """ "Thái Nguyên, ngày 15 tháng 12 năm 2026"; without a date the clerk fills the blanks."""
    place = report.effective_place
    if report.issued_on is None:
        return f"{place}, ngày      tháng      năm {report.year if report.kind.value != 'year_end' else '      '}"
    return f"{place}, {numfmt.document_date(report.issued_on)}"


def compose(report: Report) -> DocumentModel:
    """The whole document of a report: header, title, body, closing, signature and recipients."""
    org = report.organisation
    signature = report.effective_signature
    return DocumentModel(
        party_title=PARTY_TITLE,
        upper_body=org.upper_body.upper(),
        issuer_name=org.issuer_name.upper(),
        number_line=numfmt.document_number(report.number, report.doc_type, org.issuer_code),
        place_date=place_date(report),
        doc_type_name="BÁO CÁO",
        title=report.effective_title,
        body=render_body(report),
        authority=signature.authority.upper(),
        position=signature.position.upper(),
        signer_name=signature.name,
        recipients=list(report.effective_recipients),
        end_mark=report.settings.end_mark,
    )
