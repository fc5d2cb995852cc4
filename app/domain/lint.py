"""The report linter: the arithmetic checks, the organisation profile checks and the conventions of the preset.

lint_report() is what `python -m app check` prints and the GUI's findings panel shows. It covers the typical
mistakes party offices make that the app cannot prevent by construction (docs/conventions.md, section 13):
what the user typed (numbers cited in the text, dates, percentages, spelling, dashes, spaces) and what the
profile says (codes, signature, recipients, names of bodies dissolved in 2025). Every finding names its fields as
dotted paths into the report ("sections.0.children.2.entries.1.text", "organisation.upper_body") and says
what to write instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from app.domain import fields, numfmt, org_checks, text_figures
from app.domain.checks import run_checks
from app.domain.fields import Field, FieldKind, FieldRef
from app.domain.findings import Finding, Severity
from app.domain.outline import filled_title
from app.domain.presets import Conventions, Preset, conventions, margin_choices
from app.domain.report import Report, ReportStatus, Section
from app.domain.spelling import TONE_EXAMPLES, ToneStyle, to_style
from app.i18n import _

# District-level units and the đảng ủy khối were dissolved or reorganised on this day (docs/conventions.md, section 12).
REORGANISATION_DAY = date(2025, 7, 1)


@dataclass(frozen=True, slots=True)
class Context:
    """What every rule sees: the report, the preset it prints in and that preset's conventions."""

    report: Report
    preset: str
    conv: Conventions

    @property
    def is_party(self) -> bool:
        return self.preset == Preset.PARTY


Rule = Callable[[Context], Iterator[Finding]]
_RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    _RULES.append(fn)
    return fn


def lint_report(report: Report, preset: str | None = None) -> list[Finding]:
    """Every finding about a report printed in preset (default: its organisation's), errors first.

    It is run_checks(report), then the profile checks of app.domain.org_checks on the organisation with the
    report's own signature and recipients (fields "organisation.…", or "signature.…"/"recipients" where the
    report overrides them), then the conventions of the preset.
    """
    preset = Preset(preset or report.organisation.preset).value
    context = Context(report, preset, conventions(preset))
    findings = [*run_checks(report), *_profile(report, preset)]
    findings += [f for fn in _RULES for f in fn(context)]
    return sorted(findings, key=lambda f: -f.severity)


def _profile(report: Report, preset: str) -> list[Finding]:
    """org_checks on the organisation as this report prints it; fields the report overrides point to the report."""
    org = replace(report.organisation, preset=preset, signature=report.effective_signature,
                  recipients=list(report.effective_recipients))
    moved: dict[str, str] = {}
    if report.signature is not None:
        moved |= {fields.org_field(f"signature.{name}").path: fields.report_field(f"signature.{name}").path
                  for name in ("authority", "position", "name")}
    if report.recipients is not None:
        moved[Field.ORG_RECIPIENTS.path] = Field.RECIPIENTS.path
    return [replace(f, fields=tuple(moved.get(path, path) for path in f.fields))
            for f in org_checks.check_organisation(org)]


# Where the user typed text, as (field path, text).

def _section_texts(sections: list[Section], indexes: tuple[int, ...]) -> Iterator[tuple[str, str]]:
    for index, section in enumerate(sections):
        here = (*indexes, index)
        yield fields.section_title(here).path, section.title
        for number, entry in enumerate(section.entries):
            yield fields.section_entry(here, number).path, entry.text
        yield from _section_texts(section.children, here)


def typed_texts(report: Report) -> Iterator[tuple[str, str]]:
    """Every text of the report the user typed (not the organisation's profile), with its field path."""
    yield Field.TITLE.path, report.title
    yield Field.BASIS.path, report.basis
    yield Field.TERM.path, report.term
    yield Field.PLACE.path, report.place
    yield from _section_texts(report.sections, ())
    life = report.stats.party_life
    yield Field.ANNUAL_THEME.path, life.annual_theme
    for index, text in enumerate(life.commendations):
        yield fields.item(Field.COMMENDATIONS, index).path, text
    for next_period, targets in ((False, report.targets), (True, report.next_targets)):
        for index, target in enumerate(targets):
            yield fields.target(index, "label", next_period=next_period).path, target.label
            yield fields.target(index, "unit", next_period=next_period).path, target.unit
    if report.signature is not None:
        yield Field.SIGNATURE_AUTHORITY.path, report.signature.authority
        yield Field.SIGNATURE_POSITION.path, report.signature.position
    for index, line in enumerate(report.recipients or []):
        yield fields.item(Field.RECIPIENTS, index).path, line


def _header_names(report: Report) -> Iterator[tuple[str, str]]:
    """The names printed in the header, the signature and the recipients: what must exist on the date of issue."""
    org = report.organisation
    for name in ("upper_body", "issuer_name", "name", "short_name", "place"):
        yield fields.org_field(name).path, getattr(org, name)
    yield Field.PLACE.path, report.place
    authority = Field.SIGNATURE_AUTHORITY if report.signature is not None else Field.ORG_SIGNATURE_AUTHORITY
    yield authority.path, report.effective_signature.authority
    recipients = Field.RECIPIENTS if report.recipients is not None else Field.ORG_RECIPIENTS
    for line in report.effective_recipients:
        yield recipients.path, line


def _all_texts(report: Report) -> Iterator[tuple[str, str]]:
    """The typed texts and the organisation's profile as the report prints it: all the words of the document."""
    yield from typed_texts(report)
    org = report.organisation
    for name in ("name", "short_name", "upper_body", "issuer_name", "place"):
        yield fields.org_field(name).path, getattr(org, name)
    if report.signature is None:
        yield Field.ORG_SIGNATURE_AUTHORITY.path, org.signature.authority
        yield Field.ORG_SIGNATURE_POSITION.path, org.signature.position
    if report.recipients is None:
        yield from ((Field.ORG_RECIPIENTS.path, line) for line in org.recipients)


def describe(report: Report, path: str | FieldRef) -> str:
    """How a message names a field: "paragraph 2 of “Công tác tư tưởng”", "the opening sentence" …"""
    ref = fields.parse(path) if isinstance(path, str) else path
    if ref.kind is FieldKind.SECTION:
        section = ref.section_in(report)
        title = filled_title(section.title, report.period) if section else ""
        if "entries" in ref.parts:
            entry = ref.parts[ref.parts.index("entries") + 1]
            return _("paragraph {number} of “{section}”").format(number=int(entry) + 1, section=title)
        return _("the heading “{section}”").format(section=title)
    if ref == Field.ANNUAL_THEME:
        return _("the annual theme")
    return fields.label(ref)


def _finding(code: str, severity: Severity, report: Report, path: str, message: str) -> Finding:
    where = describe(report, path)
    return Finding(code, severity, (path,), _("In {where}: {problem}").format(where=where, problem=message))


def _quote(text: str, start: int, end: int, margin: int = 12) -> str:
    """The text around text[start:end], for a message: "… đạt đạt 200% …"."""
    left, right = max(0, start - margin), min(len(text), end + margin)
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


# The number of the document and its codes (36-HD/VPTW point 1.3; NĐ 30).

_CODE_SEPARATORS = re.compile(r"[/:\s]")


@rule
def document_number(ctx: Context) -> Iterator[Finding]:
    report, conv = ctx.report, ctx.conv
    if report.number is not None and report.number < 1:
        yield Finding("number.invalid", Severity.ERROR, (Field.NUMBER.path,), _(
            "The document number must be 1 or more; leave it empty in a draft for the clerk to fill in."))
    if report.number is None and report.status is ReportStatus.FINAL:
        yield Finding("number.missing", Severity.WARNING, (Field.NUMBER.path,), _(
            "The report is final but has no number: take the next number of the register, or the clerk "
            "writes it in by hand."))
    doc_type = unicodedata.normalize("NFC", report.doc_type).strip()
    if _CODE_SEPARATORS.search(doc_type) or "-" in doc_type:
        yield Finding("number.doc_type_form", Severity.ERROR, (Field.DOC_TYPE.path,), _(
            "The type code is “{code}”: write only the letters, “{expected}”; the app adds the number, "
            "the hyphen and the slash.").format(code=doc_type, expected=conv.report_type))
    elif doc_type != conv.report_type:
        yield Finding("number.doc_type", Severity.WARNING, (Field.DOC_TYPE.path,), _(
            "A report (báo cáo) has the type code “{expected}”, not “{code}”: the number should read “{example}”."
        ).format(expected=conv.report_type, code=doc_type,
                 example=conv.document_number(report.number or 1, conv.report_type,
                                              report.organisation.issuer_code)))
    code = unicodedata.normalize("NFC", report.organisation.issuer_code).strip()
    if not ctx.is_party and "/" in code:
        # The Party form is checked with the profile (org_checks); a Đoàn code may hold a hyphen ("TWĐTN-VP").
        yield Finding("number.issuer_code_form", Severity.ERROR, (Field.ORG_ISSUER_CODE.path,), _(
            "The issuer code “{code}” holds a slash: write only the code that ends the number, as in “{example}”."
        ).format(code=code, example=conv.document_number(25, conv.report_type, "UBND")))
    if code.upper() in conv.foreign_issuer_codes:
        named = (Field.ORG_ISSUER_CODE.path, Field.ORG_PRESET.path)
        yield Finding("number.issuer_code_preset", Severity.WARNING, named, _(
            "“{code}” is the code of another kind of body than this document format is for: check the "
            "organisation's document format (a Party body issues Party documents, “{party}”; a state body "
            "state documents, “{state}”).").format(
                code=code, party=conventions(Preset.PARTY).document_number(25, "BC", "ĐU"),
                state=conventions(Preset.STATE).document_number(25, "BC", "UBND")))


@rule
def layout_settings(ctx: Context) -> Iterator[Finding]:
    margins = ctx.report.settings.margins
    choices = margin_choices(ctx.preset)
    if margins and margins not in choices:
        yield Finding("settings.margins", Severity.WARNING, (Field.MARGINS.path,), _(
            "This document format has no margins called “{name}”: its own margins ({label}) apply. Choose one of "
            "{choices}.").format(name=margins, label=choices[None], choices=", ".join(choices.values())))


# Party document numbers cited in the text: "05-HD/ĐU", no colon after "Số" (36-HD/VPTW point 1.3).
_PARTY_ISSUER = r"(?:[A-ZĐ]*(?:TW|TƯ|TU|HU|QU|ĐU|ĐUK)|CB)"
_STATE_STYLE = re.compile(rf"\b(\d+)\s*/\s*([A-ZĐ][A-Za-zĐđ]{{0,4}})\s*[-/]\s*({_PARTY_ISSUER})\b")
_NUMBER_COLON = re.compile(r"\b[Ss]ố\s*:\s*\d")
_UNPADDED = re.compile(rf"(?<![\d./-])(\d)-([A-ZĐ][A-Za-zĐđ]{{0,4}})/({_PARTY_ISSUER}|[A-ZĐ]{{2,}})\b")
_SPACED = re.compile(rf"\b(\d+)(?:\s+-\s*|\s*-\s+)([A-ZĐ][A-Za-zĐđ]{{0,4}})\s*/\s*({_PARTY_ISSUER})\b")
_TU = re.compile(r"(?<=/)TƯ\b")


@rule
def cited_numbers(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    # Numbers cited in the text are Party documents' whatever the report's own format.
    party = conventions(Preset.PARTY)
    for path, text in typed_texts(report):
        if ctx.is_party:
            for match in _NUMBER_COLON.finditer(text):
                yield _finding("text.number_colon", Severity.WARNING, report, path, _(
                    "“{found}”: a Party document writes no colon after “Số” (“Số 25-BC/ĐU”).").format(
                        found=_quote(text, match.start(), match.end())))
        for match in _STATE_STYLE.finditer(text):
            number, kind, issuer = match.groups()
            yield _finding("text.number_state_style", Severity.WARNING, report, path, _(
                "“{found}” is written in the state style; a Party document is numbered “{fixed}”.").format(
                    found=match.group(0), fixed=party.symbol(int(number), kind, issuer)))
        for match in _SPACED.finditer(text):
            number, kind, issuer = match.groups()
            yield _finding("text.number_spacing", Severity.WARNING, report, path, _(
                "“{found}” has spaces inside the number: write “{fixed}”.").format(
                    found=match.group(0), fixed=party.symbol(int(number), kind, issuer)))
        for match in _UNPADDED.finditer(text):
            number, kind, issuer = match.groups()
            yield _finding("text.number_padding", Severity.WARNING, report, path, _(
                "“{found}”: numbers below 10 take a leading zero, “{fixed}”.").format(
                    found=match.group(0), fixed=party.symbol(int(number), kind, issuer)))
        for match in _TU.finditer(text):
            yield _finding("text.number_tu", Severity.WARNING, report, path, _(
                "“{found}”: the code of the Central Committee is written “TW”.").format(
                    found=_quote(text, match.start(), match.end())))


# The signature and the recipients of non-Party presets (NĐ 30, the union and Đoàn rules); org_checks checks
# the Party form.

@rule
def state_signature(ctx: Context) -> Iterator[Finding]:
    if ctx.is_party:
        return
    own = ctx.report.signature is not None
    signature = ctx.report.effective_signature
    conv = ctx.conv
    for name, text in (("authority", signature.authority), ("position", signature.position)):
        for party, state in (("T/M", conv.on_behalf), ("K/T", conv.deputy), ("T/L", conv.by_order)):
            match = re.search(rf"\b{party[0]}\s*/\s*{party[2]}\b", text, re.IGNORECASE)
            if match:
                ref = fields.report_field(f"signature.{name}") if own else fields.org_field(f"signature.{name}")
                yield Finding("signature.party_style", Severity.WARNING, (ref.path,), _(
                    "“{found}” is the Party style: this document format writes “{fixed}” with a dot.").format(
                        found=match.group(0), fixed=state))


@rule
def state_recipients(ctx: Context) -> Iterator[Finding]:
    if ctx.is_party:
        return
    report, conv = ctx.report, ctx.conv
    path = (Field.RECIPIENTS if report.recipients is not None else Field.ORG_RECIPIENTS).path
    lines = [unicodedata.normalize("NFC", line).strip() for line in report.effective_recipients]
    lines = [line for line in lines if line]
    for number, line in enumerate(lines, start=1):
        last = number == len(lines)
        problems = []
        if not line.startswith("- "):
            problems.append(_("start it with “- ”"))
        if last:
            if not line.startswith(conv.archive):
                problems.append(_("make the last line the filed copy, “{archive}, …”").format(archive=conv.archive))
            if not line.endswith(conv.recipient_last_end):
                problems.append(_("end it with “{mark}”").format(mark=conv.recipient_last_end))
        elif not line.endswith(conv.recipient_end):
            problems.append(_("end it with “{mark}”").format(mark=conv.recipient_end))
        if problems:
            yield Finding("recipients.punctuation", Severity.WARNING, (path,), _(
                "Recipient line {number} (“{line}”): {problems}.").format(
                    number=number, line=line, problems="; ".join(problems)))


# The header and the title (36-HD/VPTW points 1.1–1.2).

_STRAY_HEADER = re.compile(r"C[ƠO]\s*QUAN\s*:|\*{2,}|ĐỘC LẬP\s*-\s*TỰ DO", re.IGNORECASE)


@rule
def header_names(ctx: Context) -> Iterator[Finding]:
    org = ctx.report.organisation
    for name in ("upper_body", "issuer_name"):
        text = getattr(org, name)
        match = _STRAY_HEADER.search(text)
        if match:
            ref = fields.org_field(name)
            yield Finding("header.stray", Severity.WARNING, (ref.path,), _(
                "The {field} holds “{found}”: write only the name of the body; the app prints the star, the "
                "lines and the title of the header itself.").format(field=ref.label,
                                                                   found=match.group(0)))


# Words a Party trích yếu may start with although it starts lower-case: names that always keep their capital.
_CAPITALISED = ("Đảng ", "Hồ Chí Minh", "Bác ", "Nhà nước", "Nhân dân")


@rule
def title_case(ctx: Context) -> Iterator[Finding]:
    title = ctx.report.title.strip()
    if not title or ctx.conv.title_initial != "lower":
        # A state-shaped preset prints the trích yếu with a capital whatever was typed.
        return
    first_word = title.split()[0]
    if title[:1].isupper() and not title.startswith(_CAPITALISED) and not first_word.isupper():
        yield Finding("title.capital", Severity.WARNING, (Field.TITLE.path,), _(
            "A Party report's title (trích yếu) starts lower-case, under “BÁO CÁO”: write “{fixed}”.").format(
                fixed=title[:1].lower() + title[1:]))


# Spelling: one tone-mark style per document, the one of its settings.

_LETTER = r"[^\W\d_]"
# Old style puts the mark on the second vowel of a final oa, oe, uy ("hoá", "khoẻ", "uỷ"); new style on the first.
_OLD_TONE = re.compile(rf"(?<!\w){_LETTER}*?(?<!q)(?:o[áàảãạ]|o[éèẻẽẹ]|u[ýỳỷỹỵ])(?!{_LETTER})")
_NEW_TONE = re.compile(rf"(?<!\w){_LETTER}*?(?<!q)(?:[óòỏõọ][ae]|[úùủũụ]y)(?!{_LETTER})")


def _tone_words(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    lowered = text.lower()  # Vietnamese NFC text keeps its length in lower case
    return [(m.start(), m.end()) for m in pattern.finditer(lowered)]


@rule
def tone_marks(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    style = report.settings.tone_style
    other = ToneStyle.OLD if style is ToneStyle.NEW else ToneStyle.NEW
    wrong = _OLD_TONE if style is ToneStyle.NEW else _NEW_TONE
    reported: set[str] = set()
    for path, text in _all_texts(report):
        words = [text[start:end] for start, end in _tone_words(wrong, text)]
        if not words or path in reported:
            continue
        reported.add(path)
        pairs = ", ".join(f"“{w}” → “{to_style(w, style)}”" for w in dict.fromkeys(words))
        yield _finding("text.tone_marks", Severity.WARNING, report, path, _(
            "the report places tone marks as in “{chosen}” (its settings); write {pairs}, or choose “{other}” in "
            "the document's settings.").format(chosen=TONE_EXAMPLES[style], pairs=pairs, other=TONE_EXAMPLES[other]))


# Dashes: ranges are "2025 - 2030", and one kind of dash between words.

_RANGE_DASH = re.compile(r"\b((?:19|20)\d\d)\s*[–—]\s*((?:19|20)\d\d)\b")
_SPACED_HYPHEN = re.compile(r"\S - \S")
_SPACED_DASH = re.compile(r"\S\s+[–—]\s+\S")


@rule
def dashes(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    texts = list(_all_texts(report))
    # The app writes ranges and names with a hyphen between spaces ("2025 - 2030"): a long dash is the odd one out
    # as soon as the document has such a hyphen anywhere.
    mixed = any(_SPACED_HYPHEN.search(text) for _, text in texts)
    reported: set[str] = set()
    for path, text in texts:
        ranges = list(_RANGE_DASH.finditer(text))
        for match in ranges:
            yield _finding("text.range_dash", Severity.WARNING, report, path, _(
                "write the range “{found}” with a hyphen between spaces, “{fixed}”.").format(
                    found=match.group(0), fixed=f"{match.group(1)} - {match.group(2)}"))
        if mixed and path not in reported:
            inside_range = [(r.start(), r.end()) for r in ranges]
            spaced = next((m for m in _SPACED_DASH.finditer(text)
                           if not any(a <= m.start() < b for a, b in inside_range)), None)
            if spaced:
                reported.add(path)
                yield _finding("text.mixed_dashes", Severity.WARNING, report, path, _(
                    "“{found}” uses a long dash where the rest of the document uses a hyphen (“Đảng - Đoàn thể”): "
                    "write “-”.").format(found=_quote(text, spaced.start(), spaced.end())))


# Plain typing mistakes: text not in NFC (TCVN 6909:2001), stray spaces.

@rule
def text_form(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    for path, text in typed_texts(report):
        if unicodedata.normalize("NFC", text) != text:
            yield _finding("text.not_nfc", Severity.WARNING, report, path, _(
                "some Vietnamese letters are stored decomposed (not NFC), which Word may show badly: retype the "
                "text or paste it again."))
        text = unicodedata.normalize("NFC", text)
        for match in re.finditer(r"(\S)[ \t]+([,.;:!?)\]”%])", text):
            if match.group(2) == "%" or (match.group(2) == "." and match.group(1) == "."):
                continue
            yield _finding("text.space_before_punctuation", Severity.WARNING, report, path, _(
                "remove the space before “{mark}” in “{found}”.").format(
                    mark=match.group(2), found=_quote(text, match.start(), match.end())))
        for match in re.finditer(r"([(\[“])[ \t]+", text):
            yield _finding("text.space_after_bracket", Severity.WARNING, report, path, _(
                "remove the space after “{mark}” in “{found}”.").format(
                    mark=match.group(1), found=_quote(text, match.start(), match.end())))


# Reduplications that are words of their own ("nhà nhà, người người").
_REDUPLICATIONS = frozenset({"người", "nhà", "ai", "đâu", "xa", "lâu", "ngày", "năm", "từng", "mỗi", "đời", "ba"})
# One to three words written twice: "đạt đạt", "Chi bộ chi bộ".
_REPEATED = re.compile(rf"(?<!{_LETTER})((?:{_LETTER}+\s+){{0,2}}{_LETTER}+)\s+(\1)(?!{_LETTER})", re.IGNORECASE)


def _is_repetition(match: re.Match[str]) -> bool:
    first, second = match.group(1), match.group(2)
    if " " not in first and first.lower() in _REDUPLICATIONS:
        return False
    # "Đảng ủy Ủy ban nhân dân tỉnh": a capital starting the second one begins a name.
    return not (second[:1].isupper() and not first[:1].isupper())


@rule
def repeated_words(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    for path, text in typed_texts(report):
        for match in _REPEATED.finditer(unicodedata.normalize("NFC", text)):
            if _is_repetition(match):
                yield _finding("text.repeated_word", Severity.WARNING, report, path, _(
                    "“{word}” is written twice in “{found}”: delete one.").format(
                        word=match.group(1), found=_quote(text, match.start(), match.end())))


_DECIMAL_POINT = re.compile(r"(?<![\d.,])(\d{1,3})\.(\d{1,2})\s?%")
_PERCENT_SPACE = re.compile(r"(\d)\s+%")


@rule
def numbers_in_text(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    for path, text in typed_texts(report):
        for match in _DECIMAL_POINT.finditer(text):
            yield _finding("text.decimal_point", Severity.WARNING, report, path, _(
                "“{found}” uses a decimal point: write “{fixed}” with a comma.").format(
                    found=match.group(0), fixed=f"{match.group(1)},{match.group(2)}%"))
        for match in _PERCENT_SPACE.finditer(text):
            yield _finding("text.percent_space", Severity.WARNING, report, path, _(
                "write the per cent sign without a space before it, “{fixed}”.").format(
                    fixed=_quote(text, match.start(), match.end(), 6).replace(match.group(0), match.group(1) + "%")))


@rule
def figures_in_text(ctx: Context) -> Iterator[Finding]:
    """The figures her own text states against the statistics, ratios, counts 1–9, copied periods (text_figures)."""
    yield from text_figures.check_report(ctx.report, describe)


# Dates written out (36-HD/VPTW point 1.4): days 1–9 and months 1–2 padded, months 3–12 never.
_PADDED_MONTH = re.compile(r"\btháng\s+0([3-9])\b")
_FULL_DATE = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b")


@rule
def dates_in_text(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    for path, text in typed_texts(report):
        for match in _PADDED_MONTH.finditer(text):
            yield _finding("text.date_padding", Severity.WARNING, report, path, _(
                "“{found}”: months 3 to 12 take no leading zero, write “tháng {month}”.").format(
                    found=match.group(0), month=match.group(1)))
        for match in _FULL_DATE.finditer(text):
            day, month, year = (int(g) for g in match.groups())
            try:
                fixed = numfmt.document_date(date(year, month, day))
            except ValueError:  # not a date ("ngày 31 tháng 2"): not this rule's business
                continue
            if match.group(0) != fixed and not _PADDED_MONTH.search(match.group(0)):
                yield _finding("text.date_padding", Severity.WARNING, report, path, _(
                    "“{found}”: days 1 to 9 and months 1 and 2 take a leading zero, write “{fixed}”.").format(
                        found=match.group(0), fixed=fixed))


# Bodies dissolved in 2025.

_DISSOLVED = re.compile(r"(?<!\w)(quận|huyện|thị xã|thị\s+(?:ủy|uỷ)|đảng\s+(?:ủy|uỷ|bộ)\s+khối)(?!\w)", re.IGNORECASE)
_DISSOLVED_CODES = ("HU", "QU", "ĐUK")


@rule
def dissolved_bodies(ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    on = report.reference_date
    if on < REORGANISATION_DAY:
        return
    when = numfmt.display_date(on)
    reorganised = numfmt.display_date(REORGANISATION_DAY)
    seen: set[tuple[str, str]] = set()
    for path, text in _header_names(report):
        for match in _DISSOLVED.finditer(unicodedata.normalize("NFC", text)):
            key = (path, match.group(0).lower())
            if key in seen:
                continue
            seen.add(key)
            yield Finding("names.dissolved", Severity.WARNING, (path,), _(
                "“{found}” in {field} ({text}): district-level units and the đảng ủy khối were dissolved or "
                "reorganised on {reorganised}. Write the name the body has on {date}.").format(
                    found=match.group(0), field=describe(report, path), text=_quote(text, match.start(),
                                                                                   match.end(), 30), date=when,
                    reorganised=reorganised))
    code = report.organisation.issuer_code.strip().upper()
    if code in _DISSOLVED_CODES:
        yield Finding("names.dissolved_code", Severity.WARNING, (Field.ORG_ISSUER_CODE.path,), _(
            "The issuer code “{code}” belongs to a body dissolved or reorganised on {reorganised}: write the code "
            "of the body that issues the report on {date}.").format(code=code, date=when, reorganised=reorganised))
