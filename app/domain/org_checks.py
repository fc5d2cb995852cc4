"""Checks of an organisation's profile against the Party document format (header, code, signature, recipients)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from app.domain.fields import label as label  # the name of a field of the organisation form
from app.domain.fields import org_field
from app.domain.findings import Finding, Severity
from app.domain.organisation import ORG_KIND_LABELS, Organisation, OrgKind
from app.domain.presets import Preset, conventions
from app.i18n import _

PARTY = Preset.PARTY.value  # Hướng dẫn 36-HD/VPTW


def _o(name: str) -> str:
    """The dotted path of a field of the organisation's profile, built (and checked) by app.domain.fields."""
    return org_field(name).path


# Fields the header or the numbering cannot do without (36-HD/VPTW points 1.2–1.4).
REQUIRED: tuple[str, ...] = (
    _o("name"), _o("upper_body"), _o("issuer_name"), _o("issuer_code"), _o("place"),
)


def default_issuer_code(kind: OrgKind) -> str:
    """The code after the slash in "Số 05-BC/CB" for a kind; empty when it varies (tỉnh ủy, huyện ủy …)."""
    if kind.is_chi_bo:
        return "CB"
    if kind in (OrgKind.DANG_BO_CO_SO, OrgKind.DANG_BO_BO_PHAN):
        return "ĐU"
    return ""


def default_authority(kind: OrgKind) -> str:
    """The usual authority line of the signature: a cấp ủy signs on behalf of the collective (36-HD/VPTW point 1.7)."""
    if kind.is_chi_bo:
        return "T/M CHI BỘ"
    if kind is OrgKind.DANG_BO_CAP_TREN:
        return "T/M BAN THƯỜNG VỤ"
    return "T/M ĐẢNG ỦY"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _text_fields(org: Organisation) -> list[tuple[str, str]]:
    s = org.signature
    fields = [
        (_o("name"), org.name), (_o("short_name"), org.short_name), (_o("upper_body"), org.upper_body),
        (_o("issuer_name"), org.issuer_name), (_o("issuer_code"), org.issuer_code), (_o("place"), org.place),
        (_o("signature.authority"), s.authority), (_o("signature.position"), s.position),
        (_o("signature.name"), s.name),
    ]
    return fields + [(_o("recipients"), line) for line in org.recipients]


def is_party(org: Organisation) -> bool:
    """True when the organisation issues Party documents, the format whose rules the checks below know."""
    return getattr(org, "preset", PARTY) == PARTY


def check_organisation(org: Organisation) -> list[Finding]:
    """Every problem of an organisation's profile, errors first, in form order within a severity.

    The rules of the Party format (upper line, T/M, codes, recipients) apply only to an organisation
    that issues Party documents; the others get the checks every format shares.
    """
    findings = [*_required(org)]
    if is_party(org):
        findings += [*_upper_body(org), *_authority(org)]
    findings += _signer_name(org)
    if is_party(org):
        findings += [*_issuer_code(org), *_recipients(org)]
    findings += _not_nfc(org)
    return sorted(findings, key=lambda f: -f.severity)


def _required(org: Organisation) -> Iterator[Finding]:
    values = dict(_text_fields(org))
    for path in REQUIRED:
        if not values[path].strip():
            yield Finding("organisation.required", Severity.ERROR, (path,),
                          _("Fill in the {field}.").format(field=label(path)))
    s = org.signature
    if not s.authority.strip():
        yield Finding("organisation.authority_missing", Severity.WARNING, (_o("signature.authority"),),
                      _("Fill in the authority line, for example \"{example}\".").format(
                          example=default_authority(org.kind)))
    if not s.position.strip():
        yield Finding("organisation.position_missing", Severity.WARNING, (_o("signature.position"),),
                      _("Fill in the position of the signer, for example \"BÍ THƯ\"."))
    if not s.name.strip():
        yield Finding("organisation.signer_missing", Severity.WARNING, (_o("signature.name"),),
                      _("The signer's name is empty: the document will have no name under the signature."))


# A committee's name at the start of the upper-level line → the đảng bộ it leads (36-HD/VPTW point 1.2).
_COMMITTEES: tuple[tuple[str, str], ...] = (
    ("ĐẢNG ỦY", "ĐẢNG BỘ"),
    ("HUYỆN ỦY", "ĐẢNG BỘ HUYỆN"),
    ("QUẬN ỦY", "ĐẢNG BỘ QUẬN"),
    ("TỈNH ỦY", "ĐẢNG BỘ TỈNH"),
    ("THÀNH ỦY", "ĐẢNG BỘ THÀNH PHỐ"),
    ("THỊ ỦY", "ĐẢNG BỘ THỊ XÃ"),
    ("CHI ỦY", "CHI BỘ"),
)
_STANDING = "BAN THƯỜNG VỤ"


def _committee_prefix(text: str) -> tuple[str, str] | None:
    """(the committee as written, the đảng bộ to write instead) when text starts with a committee's name.

    text is upper case and NFC; "UỶ" (old tone placement) counts as "ỦY". The rest of text keeps its spelling.
    """
    folded = text.replace("UỶ", "ỦY")  # same length, so indexes into text stay valid
    standing = ""
    if folded == _STANDING or folded.startswith(_STANDING + " "):
        standing = text[:len(_STANDING)] + " "
        text, folded = text[len(standing):].strip(), folded[len(standing):].strip()
    for committee, body in _COMMITTEES:
        if folded == committee or folded.startswith(committee + " "):
            rest = text[len(committee):].strip()
            return standing + text[:len(committee)], f"{body} {rest or '…'}"
    if standing:
        return standing.strip(), f"ĐẢNG BỘ {text or '…'}"
    return None


def _upper_body(org: Organisation) -> Iterator[Finding]:
    found = _committee_prefix(_nfc(org.upper_body).strip().upper())
    if found:
        committee, suggestion = found
        yield Finding("organisation.upper_body_committee", Severity.ERROR, (_o("upper_body"),),
                      _("The upper-level line names a committee (\"{committee}\"), but it must name the "
                        "Party organisation: write \"{suggestion}\" instead.").format(
                          committee=committee, suggestion=suggestion))


_DEPUTY = re.compile(r"\b(K\s*/\s*T|KT\s*\.)", re.IGNORECASE)
_STATE_TM = re.compile(r"\bTM\s*\.", re.IGNORECASE)


def _collective(kind: OrgKind) -> str:
    return default_authority(kind).removeprefix("T/M ")


def _authority(org: Organisation) -> Iterator[Finding]:
    s = org.signature
    for path, text in ((_o("signature.authority"), s.authority), (_o("signature.position"), s.position)):
        if match := _DEPUTY.search(text):
            yield Finding("organisation.deputy_signs_kt", Severity.ERROR, (path,),
                          _("A Party committee signs on behalf of the collective: write \"T/M {body}\" in the "
                            "authority line instead of \"{found}\", and put \"PHÓ BÍ THƯ\" in the position "
                            "when the deputy signs.").format(body=_collective(org.kind), found=match.group(0)))
        if match := _STATE_TM.search(text):
            yield Finding("organisation.state_tm", Severity.ERROR, (path,),
                          _("\"{found}\" is the state style: a Party document writes \"T/M\" with a slash.").format(
                              found=match.group(0)))


# Academic and other titles that never go before the signer's name (36-HD/VPTW point 1.7).
_TITLE = re.compile(
    r"^\s*((?:(?:P?GS|TSKH|TS|Th\.?S|KS|BS|CN|LS|NCS)\s*\.?\s*)+|Đ/c\.?\s*|Đồng chí\s+)",
    re.IGNORECASE,
)


def _signer_name(org: Organisation) -> Iterator[Finding]:
    name = _nfc(org.signature.name)
    match = _TITLE.match(name)
    # The title must be followed by the name itself, so that "Thu" or "Cnh" are not read as titles.
    if match and match.group(0).strip() and (match.group(0)[-1:] in ". " and name[match.end():].strip()):
        yield Finding("organisation.signer_title", Severity.WARNING, (_o("signature.name"),),
                      _("Remove \"{title}\" before the signer's name: the signature shows the name only, "
                        "as in \"{name}\".").format(title=match.group(0).strip(), name=name[match.end():].strip()))


def _issuer_code(org: Organisation) -> Iterator[Finding]:
    code = _nfc(org.issuer_code).strip().upper()
    if not code:
        return
    if "/" in code or "-" in code or code.startswith("SỐ"):
        yield Finding("organisation.issuer_code_form", Severity.WARNING, (_o("issuer_code"),),
                      _("Write only the code that follows the slash in \"Số 05-BC/ĐU\", for example \"ĐU\" "
                        "or \"CB\"; the app adds the number and the document type."))
        return
    expected = default_issuer_code(org.kind)
    if expected and code != expected:
        yield Finding("organisation.issuer_code_kind", Severity.WARNING, (_o("issuer_code"), _o("kind")),
                      _("A {kind} uses the code \"{expected}\" (\"{example}\"); this one has "
                        "\"{code}\". Write \"{expected}\" unless your superiors told you otherwise.").format(
                          kind=_(ORG_KIND_LABELS[org.kind]), expected=expected, code=code,
                          example=conventions(PARTY).document_number(5, "BC", expected)))


def _recipients(org: Organisation) -> Iterator[Finding]:
    """One warning per recipient line that breaks the Party form of Nơi nhận, listing everything to change on it."""
    path = _o("recipients")
    conv = conventions(PARTY)
    archive = conv.archive.removeprefix("-").strip()  # "Lưu"
    lines = [_nfc(line).strip() for line in org.recipients]
    if not any(lines):
        yield Finding("organisation.recipients_missing", Severity.WARNING, (path,),
                      _("Add the recipients, one per line, or fill in the usual list."))
        return
    for number, line in enumerate(lines, start=1):
        last = number == len(lines)
        problems = []
        if not line.startswith("- "):
            problems.append(_("start it with “- ”"))
        if not last and not line.endswith(conv.recipient_end):
            problems.append(_("end it with “{mark}”").format(mark=conv.recipient_end))
        if last:
            body = line.removeprefix("-").strip()
            if not body.startswith(archive):
                problems.append(_("make the last line the filed copy, such as \"- Lưu Văn phòng Đảng ủy.\" "
                                  "or \"- Lưu Chi bộ.\""))
            elif body.startswith(f"{archive}:"):
                problems.append(_("write no colon after \"Lưu\""))
            if not line.endswith(conv.recipient_last_end):
                problems.append(_("end it with “{mark}”").format(mark=conv.recipient_last_end))
        if problems:
            yield Finding("organisation.recipient_line", Severity.WARNING, (path,),
                          _("Recipient line {number} (“{line}”): {problems}.").format(
                              number=number, line=line, problems="; ".join(problems)))


def _not_nfc(org: Organisation) -> Iterator[Finding]:
    seen: set[str] = set()
    for path, text in _text_fields(org):
        if path not in seen and unicodedata.normalize("NFC", text) != text:
            seen.add(path)
            yield Finding("organisation.not_nfc", Severity.WARNING, (path,),
                          _("The {field} spells some Vietnamese letters in a decomposed form (not NFC), which "
                            "Word may show badly. Save the organisation from this form to fix it.").format(
                              field=label(path)))
