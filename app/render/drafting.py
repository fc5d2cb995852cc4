"""Word the sentences the figures support, section by section, from templates/sections/<key>.j2.

Each line a section template prints is one generated entry: "@bullet:movement Đảng bộ kết nạp …" gives the
bullet of slot "to_chuc_can_bo.movement"; "@table:membership_table membership" puts the table named
"membership" there. A line without a name ("@p …") is named by its position ("dac_diem.2"). Lines without a
tag continue the entry before them. app/domain/drafting.py merges the result into the report's entries.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.domain import drafting
from app.domain.drafting import Generated
from app.domain.errors import UserError
from app.domain.findings import Finding
from app.domain.presets import Conventions, conventions
from app.domain.report import EntryKind, Report
from app.i18n import _
from app.render.context import build_context, flatten_outline

SECTION_TEMPLATE = "sections/{key}.j2"
_KINDS = {"p": EntryKind.PARAGRAPH, "bullet": EntryKind.BULLET, "sub": EntryKind.SUB_BULLET,
          "table": EntryKind.TABLE}
_LINE = re.compile(r"^@(\w+)(?::(\w+))?(?:\s+(.*))?$")
_SPACES = re.compile(r"[ \t]+")


def parse_generated(key: str, text: str, tables: dict[str, Any]) -> list[Generated]:
    """The entries a section template printed; an unknown tag or table, or a slot named twice, is a template bug."""
    out: list[Generated] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _LINE.match(line)
        if match is None:
            if not out or out[-1].kind is EntryKind.TABLE:
                raise ValueError(f"text outside an entry: {line!r}")
            out[-1] = replace(out[-1], text=f"{out[-1].text} {_SPACES.sub(' ', line)}")
            continue
        tag, name, rest = match.group(1), match.group(2), _SPACES.sub(" ", match.group(3) or "").strip()
        kind = _KINDS.get(tag)
        if kind is None:
            raise ValueError(f"unknown entry tag @{tag} in {SECTION_TEMPLATE.format(key=key)}")
        if kind is EntryKind.TABLE and rest not in tables:
            raise ValueError(f"unknown table {rest!r} in {SECTION_TEMPLATE.format(key=key)}")
        slot = f"{key}.{name or len(out) + 1}"
        if any(g.slot == slot for g in out):
            raise ValueError(f"slot {slot} printed twice")
        if rest:
            out.append(Generated(slot, kind, rest))
    return out


def generate(report: Report, conv: Conventions | None = None,
             context: dict[str, Any] | None = None) -> dict[str, list[Generated]]:
    """By section key, the sentences and tables the figures of report support, in template order.

    Every section of the outline is worded, switched off or not, so that ticking it back shows its sentences.
    Raises UserError when a template of the organisation's own folder is broken.
    """
    from app.render.compose import render_template, templates_override
    from app.render.environment import environment

    context = context if context is not None else build_context(report, conv)
    override = templates_override(report)
    env = environment(override)
    out: dict[str, list[Generated]] = {}
    for section in report.walk_sections():
        name = SECTION_TEMPLATE.format(key=section.key)
        if section.key in out or not _exists(env, name):
            continue
        text = render_template(env, name, context, override)
        try:
            out[section.key] = parse_generated(section.key, text, context["tables"])
        except ValueError as exc:
            if override is None:
                raise
            raise UserError(_("The templates in {folder} print something the report cannot lay out: {error}").format(
                folder=override, error=exc)) from exc
    return out


def _exists(env: Any, name: str) -> bool:
    import jinja2

    try:
        env.get_template(name)
    except jinja2.TemplateNotFound:
        return False
    except (jinja2.TemplateSyntaxError, UnicodeDecodeError):
        return True  # an override that does not compile: render_template reports it with its name and line
    return True


def drafted(report: Report, conv: Conventions | None = None) -> tuple[Report, dict[str, list[Generated]]]:
    """A copy of report whose sections hold what the figures now say, and the generated entries by section key."""
    conv = conv or conventions(report.organisation.preset)
    generated = generate(report, conv)
    copied = replace(report, sections=copy.deepcopy(report.sections))
    drafting.refresh(copied, generated)
    return copied, generated


def headings(report: Report, conv: Conventions | None = None) -> dict[str, str]:
    """The heading each section prints under ("5- Công tác kiểm tra, …"), by key; unprinted ones by their title."""
    flat = flatten_outline(report, conv, keep_empty=True)
    return {item["key"]: item["heading"] for item in flat}


def drafting_findings(report: Report, generated: dict[str, list[Generated]],
                      conv: Conventions | None = None) -> list[Finding]:
    """What the drafting itself finds in a drafted report: edited sentences gone stale, sections with no text."""
    names = headings(report, conv)
    return (drafting.drift_findings(report, generated, names)
            + drafting.empty_section_findings(report, names, kept=report.settings.keep_empty_sections))


def template_path(key: str) -> Path:
    """Where the built-in template of a section lives, relative to templates/."""
    return Path(SECTION_TEMPLATE.format(key=key))
