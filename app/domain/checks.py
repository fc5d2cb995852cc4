"""Arithmetic checks of a report's statistics; each failed check becomes a Finding that names its fields.

A 0 where a figure is needed to check another reads as "not entered yet": an INFO finding that says so
(and proposes the figure when the others give it), never an ERROR, and no message shows a "(0)".
The figures that follow from others (the closing membership and its split, the totals of the ratings
and of the discipline) are worked out by proposed_figure(); the form fills them in while she has not
typed there, and the checks propose them.
"""

from __future__ import annotations

import copy

from collections.abc import Callable, Iterator

from app.domain import numbers, numfmt
from app.domain.findings import Finding, Severity
from app.domain.member_stats import BADGE_YEARS
from app.domain.organisation import OrgKind
from app.domain.ratings import EXCELLENT_QUOTA, RatingCounts
from app.domain.report import Report, Statistics
from app.i18n import N_, _

# Field path → its name as the user sees it on the form. Messages name fields through this table.
FIELD_LABELS: dict[str, str] = {
    "stats.units": N_("number of Party cells"),
    "stats.membership.opening_total": N_("members at the start"),
    "stats.membership.opening_probationary": N_("probationary members at the start"),
    "stats.membership.admitted": N_("admitted"),
    "stats.membership.transferred_in": N_("transferred in"),
    "stats.membership.transferred_in_probationary": N_("probationary transferred in"),
    "stats.membership.transferred_out": N_("transferred out"),
    "stats.membership.transferred_out_probationary": N_("probationary transferred out"),
    "stats.membership.deceased": N_("deceased"),
    "stats.membership.struck_off": N_("struck off"),
    "stats.membership.struck_off_probationary": N_("probationary struck off"),
    "stats.membership.expelled": N_("expelled"),
    "stats.membership.left_party": N_("left the Party"),
    "stats.membership.recognised_official": N_("recognised as full members"),
    "stats.membership.closing_total": N_("members at the end"),
    "stats.membership.closing_official": N_("full members at the end"),
    "stats.membership.closing_probationary": N_("probationary members at the end"),
    "stats.membership.female": N_("female members"),
    "stats.membership.exempt": N_("members exempt from Party life"),
    "stats.membership.badges": N_("Party badges"),
    "stats.ratings.organisations.total": N_("Party cells to rate"),
    "stats.ratings.organisations.excellent": N_("Party cells rated excellent"),
    "stats.ratings.organisations.good": N_("Party cells rated good"),
    "stats.ratings.organisations.complete": N_("Party cells rated complete"),
    "stats.ratings.organisations.not_complete": N_("Party cells rated not complete"),
    "stats.ratings.organisations.not_rated": N_("Party cells not rated"),
    "stats.ratings.organisations.exemplary": N_("exemplary Party cells"),
    "stats.ratings.self_rating": N_("the Party cell's rating of itself"),
    "stats.ratings.members.total": N_("members to rate"),
    "stats.ratings.members.excellent": N_("members rated excellent"),
    "stats.ratings.members.good": N_("members rated good"),
    "stats.ratings.members.complete": N_("members rated complete"),
    "stats.ratings.members.not_complete": N_("members rated not complete"),
    "stats.ratings.members.not_rated": N_("members not rated"),
    "stats.ratings.members.exemplary": N_("exemplary members"),
    "stats.inspection.members_violating": N_("members found in violation"),
    "stats.inspection.members_to_discipline": N_("members to be disciplined"),
    "stats.discipline.members.total": N_("members disciplined"),
    "stats.discipline.members.reprimand": N_("reprimands (members)"),
    "stats.discipline.members.warning": N_("warnings (members)"),
    "stats.discipline.members.removal": N_("removals from post"),
    "stats.discipline.members.expulsion": N_("expulsions"),
    "stats.discipline.members.probationary": N_("probationary members disciplined"),
    "stats.discipline.organisations.total": N_("organisations disciplined"),
    "stats.discipline.organisations.reprimand": N_("reprimands (organisations)"),
    "stats.discipline.organisations.warning": N_("warnings (organisations)"),
    "stats.discipline.organisations.dissolution": N_("dissolutions"),
    "stats.party_life.study_participants": N_("members who took part in the study"),
    "stats.party_life.study_members": N_("members expected at the study"),
    "stats.party_life.meetings_held": N_("regular meetings held"),
    "stats.party_life.meetings_required": N_("regular meetings due"),
    "stats.party_life.thematic_meetings": N_("thematic meetings"),
    "stats.party_life.theme_plan_units": N_("Party cells with an annual-theme plan"),
    "stats.party_life.resolutions_studied": N_("resolutions and directives studied"),
    "stats.party_life.annual_theme": N_("annual theme"),
    "stats.party_life.commendations": N_("commendations"),
    "stats.membership.temporary_in": N_("temporarily transferred in"),
    "stats.membership.temporary_out": N_("temporarily transferred out"),
    "stats.membership.candidates_trained": N_("candidates trained in the Party course"),
    "stats.membership.candidates": N_("candidates for admission"),
    "stats.inspection.scheduled.organisations": N_("organisations inspected"),
    "stats.inspection.scheduled.members": N_("members inspected"),
    "stats.inspection.topical_supervision.organisations": N_("organisations under topical supervision"),
    "stats.inspection.topical_supervision.members": N_("members under topical supervision"),
    "stats.inspection.regular_supervision.organisations": N_("organisations under regular supervision"),
    "stats.inspection.regular_supervision.members": N_("members under regular supervision"),
    "stats.inspection.violation_signs.organisations": N_("organisations inspected for signs of violation"),
    "stats.inspection.violation_signs.members": N_("members inspected for signs of violation"),
    "stats.inspection.lower_level_tasks": N_("lower organisations checked on their inspection duties"),
    "stats.inspection.finance": N_("organisations whose Party finances were inspected"),
    "stats.inspection.dues": N_("Party cells checked on Party dues"),
    "stats.inspection.denunciations": N_("denunciations settled"),
    "stats.inspection.complaints": N_("disciplinary complaints settled"),
}


# Figures about the organisations under the body: a chi bộ has none (its cấp ủy rates it, and it inspects and
# disciplines only its members). The form leaves them out for a chi bộ and the checks ignore them; the
# values stay in the report, so that switching the kind back loses nothing.
SUB_UNIT_FIELDS: frozenset[str] = frozenset({
    "stats.units",
    *(f"stats.ratings.organisations.{name}" for name in (
        "total", "excellent", "good", "complete", "not_complete", "not_rated", "exemplary")),
    *(f"stats.inspection.{name}.organisations" for name in (
        "scheduled", "topical_supervision", "regular_supervision", "violation_signs")),
    "stats.inspection.lower_level_tasks",
    "stats.inspection.finance",
    "stats.inspection.dues",
    *(f"stats.discipline.organisations.{name}" for name in ("total", "reprimand", "warning", "dissolution")),
    "stats.party_life.theme_plan_units",
})
# Figures only a chi bộ gives: the level it proposes for itself.
CHI_BO_FIELDS: frozenset[str] = frozenset({"stats.ratings.self_rating"})


def applies(path: str, kind: OrgKind) -> bool:
    """True when a body of kind reports the figure at path."""
    if kind.is_chi_bo:
        return path not in SUB_UNIT_FIELDS
    return path not in CHI_BO_FIELDS


def reported(stats: Statistics, kind: OrgKind) -> Statistics:
    """A copy of stats with only the figures a body of kind reports: the others zero (or None).

    Switching an organisation's kind keeps every figure entered; this is what prints and what is worded.
    """
    copied = copy.deepcopy(stats)
    for path in (SUB_UNIT_FIELDS if kind.is_chi_bo else CHI_BO_FIELDS):
        *parents, name = path.removeprefix("stats.").split(".")
        node: object = copied
        for part in parents:
            node = getattr(node, part)
        setattr(node, name, None if path in CHI_BO_FIELDS else 0)
    return copied


def label(path: str) -> str:
    """The translated name of a field, for messages; the path itself when it has none."""
    if path.startswith("targets."):
        return _("target {number}").format(number=int(path.split(".")[1]) + 1)
    return _(FIELD_LABELS.get(path, path))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sum_terms(paths: list[str], values: list[int], signs: list[str]) -> str:
    """ "admitted (4) + transferred in (2) − deceased (1)"; zero terms are left out (a caller has at least one)."""
    out: list[str] = []
    for path, value, sign in zip(paths, values, signs, strict=True):
        if not value:
            continue
        term = f"{label(path)} ({numfmt.number(value)})"
        out.append(term if not out and sign == "+" else f"{'+' if sign == '+' else '−'} {term}")
    return " ".join(out)


Check = Callable[[Report], Iterator[Finding]]
_CHECKS: list[Check] = []


def check(fn: Check) -> Check:
    _CHECKS.append(fn)
    return fn


def run_checks(report: Report) -> list[Finding]:
    """Every check of the statistics and targets, errors first, in a stable order.

    Findings about figures the organisation's kind does not report are left out, and a figure not entered
    is said once.
    """
    kind = report.organisation.kind
    findings, not_entered = [], set()
    for fn in _CHECKS:
        for finding in fn(report):
            if finding.fields and not applies(finding.fields[0], kind):
                continue
            if finding.code.endswith(".not_entered"):
                if finding.fields[0] in not_entered:
                    continue
                not_entered.add(finding.fields[0])
            findings.append(finding)
    return sorted(findings, key=lambda f: -f.severity)


def _mismatch(code: str, actual_path: str, actual: int, term_paths: list[str], signs: list[str],
              values: list[int], severity: Severity = Severity.ERROR) -> Finding:
    expected = sum(v if s == "+" else -v for v, s in zip(values, signs, strict=True))
    message = _("{field} is {actual}, but {terms} gives {expected}. Correct one of these figures.").format(
        field=label(actual_path),
        actual=numfmt.number(actual),
        terms=_sum_terms(term_paths, values, signs),
        expected=numfmt.number(expected),
    )
    return Finding(code, severity, (actual_path, *term_paths), _sentence(message))


def _not_entered(code: str, path: str, *others: str, proposal: str = "", because: str = "") -> Finding:
    """An INFO finding: the figure at path is still 0 where it is needed.

    proposal: the sentence proposing its value ("by the movement: 98"); because: the figure that needs it
    ("female members: 3"). others: further fields the finding is about.
    """
    message = _("{field}: not entered yet.").format(field=label(path))
    if proposal:
        message = _("{field}: not entered yet; {proposal}.").format(field=label(path), proposal=proposal)
    elif because:
        message = _("{field}: not entered yet ({because}).").format(field=label(path), because=because)
    return Finding(f"{code}.not_entered", Severity.INFO, (path, *others), _sentence(message))


def _value_of(path: str, value: int) -> str:
    """ "female members: 3", naming a figure that needs another."""
    return _("{field}: {value}").format(field=label(path), value=numfmt.number(value))


M = "stats.membership."
MOVEMENT = ["opening_total", "admitted", "transferred_in", "transferred_out", "deceased",
            "struck_off", "expelled", "left_party"]
PROBATIONARY_MOVEMENT = ["opening_probationary", "admitted", "transferred_in_probationary", "recognised_official",
                         "transferred_out_probationary", "struck_off_probationary"]


# -- figures that follow from others -------------------------------------------------------------


def _closing_total(report: Report) -> int | None:
    m = report.stats.membership
    expected = m.expected_closing_total
    return expected if m.opening_total and expected >= 0 else None


def _closing_probationary(report: Report) -> int | None:
    m = report.stats.membership
    expected = m.expected_closing_probationary
    if expected < 0 or (m.closing_total and expected > m.closing_total):
        return None
    return expected if m.opening_total or m.closing_total else None


def _closing_official(report: Report) -> int | None:
    m = report.stats.membership
    official = m.closing_total - m.closing_probationary
    return official if m.closing_total and official >= 0 else None


def _rated_total(prefix: str) -> Callable[[Report], int | None]:
    def proposal(report: Report) -> int | None:
        counts: RatingCounts = getattr(report.stats.ratings, prefix)
        return (counts.rated + counts.not_rated) or None
    return proposal


def _discipline_total(who: str) -> Callable[[Report], int | None]:
    def proposal(report: Report) -> int | None:
        return getattr(report.stats.discipline, who).forms_sum or None
    return proposal


# In the order they are worked out: a later one may rest on an earlier one (the split on the closing total).
_PROPOSALS: dict[str, Callable[[Report], int | None]] = {
    M + "closing_total": _closing_total,
    M + "closing_probationary": _closing_probationary,
    M + "closing_official": _closing_official,
    "stats.ratings.members.total": _rated_total("members"),
    "stats.ratings.organisations.total": _rated_total("organisations"),
    "stats.discipline.members.total": _discipline_total("members"),
    "stats.discipline.organisations.total": _discipline_total("organisations"),
}
DERIVED_FIELDS: tuple[str, ...] = tuple(_PROPOSALS)
MEMBERSHIP_CLOSING_FIELDS: tuple[str, ...] = DERIVED_FIELDS[:3]


def proposed_figure(report: Report, path: str) -> int | None:
    """The value the other figures give the figure at path (one of DERIVED_FIELDS), from the report as it
    stands; None when they do not determine it (the opening membership is not entered, the result would be
    negative, nothing it rests on is entered)."""
    return _PROPOSALS[path](report)


# -- membership ----------------------------------------------------------------------------------


@check
def membership_balance(report: Report) -> Iterator[Finding]:
    m = report.stats.membership
    signs = ["+", "+", "+", "−", "−", "−", "−", "−"]
    values = [getattr(m, n) for n in MOVEMENT]
    if m.closing_total == m.expected_closing_total:
        return
    if not m.opening_total:
        if m.closing_total or any(values):
            yield _not_entered("membership.opening", M + "opening_total")
        return
    if not m.closing_total:
        proposal = _closing_total(report)
        yield _not_entered("membership.closing", M + "closing_total", *(M + n for n in MOVEMENT), proposal=(
            _("by the movement: {value}").format(value=numfmt.number(proposal)) if proposal is not None else ""))
        return
    yield _mismatch("membership.balance", M + "closing_total", m.closing_total,
                    [M + n for n in MOVEMENT], signs, values)


@check
def membership_split(report: Report) -> Iterator[Finding]:
    m = report.stats.membership
    if not m.closing_total or m.closing_official + m.closing_probationary == m.closing_total:
        return
    if not m.closing_official and not m.closing_probationary:
        probationary = _closing_probationary(report)
        proposal = "" if probationary is None else _(
            "by the movement: {official} full members and {probationary} probationary members"
        ).format(official=numfmt.number(m.closing_total - probationary), probationary=numfmt.number(probationary))
        yield _not_entered("membership.split", M + "closing_probationary", M + "closing_official",
                           M + "closing_total", proposal=proposal)
        return
    yield _mismatch("membership.split", M + "closing_total", m.closing_total,
                    [M + "closing_official", M + "closing_probationary"], ["+", "+"],
                    [m.closing_official, m.closing_probationary])


@check
def probationary_balance(report: Report) -> Iterator[Finding]:
    m = report.stats.membership
    if not m.closing_total or not (m.closing_official or m.closing_probationary):
        return  # the closing figures are not entered: the checks above say so
    if m.closing_probationary == m.expected_closing_probationary:
        return
    values = [getattr(m, n) for n in PROBATIONARY_MOVEMENT]
    if not any(values):
        yield _not_entered("membership.opening_probationary", M + "opening_probationary",
                           because=_value_of(M + "closing_probationary", m.closing_probationary))
        return
    signs = ["+", "+", "+", "−", "−", "−"]
    yield _mismatch("membership.probationary_balance", M + "closing_probationary", m.closing_probationary,
                    [M + n for n in PROBATIONARY_MOVEMENT], signs, values)


def _not_above(code: str, part_path: str, part: int, whole_path: str, whole: int,
               severity: Severity = Severity.ERROR) -> Iterator[Finding]:
    """part ≤ whole; a whole still 0 is a figure not entered yet."""
    if part <= whole:
        return
    if not whole:
        yield _not_entered(code, whole_path, part_path, because=_value_of(part_path, part))
        return
    message = _("{part} ({part_value}) cannot be more than {whole} ({whole_value}).").format(
        part=label(part_path), part_value=numfmt.number(part),
        whole=label(whole_path), whole_value=numfmt.number(whole))
    yield Finding(code, severity, (part_path, whole_path), _sentence(message))


@check
def membership_parts(report: Report) -> Iterator[Finding]:
    m = report.stats.membership
    pairs = [
        ("opening_probationary", "opening_total"),
        ("transferred_in_probationary", "transferred_in"),
        ("transferred_out_probationary", "transferred_out"),
        ("struck_off_probationary", "struck_off"),
        ("female", "closing_total"),
        ("exempt", "closing_total"),
    ]
    for part, whole in pairs:
        yield from _not_above("membership.part", M + part, getattr(m, part), M + whole, getattr(m, whole))
    unknown = sorted(y for y in m.badges if y not in BADGE_YEARS)
    if unknown:
        yield Finding("membership.badge_years", Severity.ERROR, (M + "badges",), _(
            "Party badges are awarded for {allowed} years of membership, not for {years}."
        ).format(allowed=", ".join(map(str, BADGE_YEARS)), years=", ".join(map(str, unknown))))


# -- ratings -------------------------------------------------------------------------------------

_LEVELS_OF = {"organisations": N_("ratings of Party cells by level"), "members": N_("ratings of members by level")}


def _ratings_findings(prefix: str, counts: RatingCounts, total_path: str | None, total: int | None,
                      who: str) -> Iterator[Finding]:
    if counts.is_empty:
        return
    levels = ["excellent", "good", "complete", "not_complete", "not_rated"]
    values = [getattr(counts, n) for n in levels]
    if sum(values) != counts.total:
        if not counts.total:
            yield _not_entered(f"ratings.{who}.total", prefix + "total", *(prefix + n for n in levels), proposal=_(
                "by the levels: {value}").format(value=numfmt.number(sum(values))))
        elif not any(values):
            message = _("{field}: not entered yet ({because}).").format(
                field=_(_LEVELS_OF[who]), because=_value_of(prefix + "total", counts.total))
            yield Finding(f"ratings.{who}.levels.not_entered", Severity.INFO,
                          (prefix + "excellent", *(prefix + n for n in levels[1:]), prefix + "total"),
                          _sentence(message))
        else:
            yield _mismatch(f"ratings.{who}.sum", prefix + "total", counts.total,
                            [prefix + n for n in levels], ["+"] * len(levels), values)
    if total_path is not None and total and counts.total and counts.total != total:
        message = _("{rated} ({rated_value}) differs from {total} ({total_value}).").format(
            rated=label(prefix + "total"), rated_value=numfmt.number(counts.total),
            total=label(total_path), total_value=numfmt.number(total))
        yield Finding(f"ratings.{who}.total", Severity.WARNING, (prefix + "total", total_path),
                      _sentence(message))
    yield from _not_above(f"ratings.{who}.exemplary", prefix + "exemplary", counts.exemplary,
                          prefix + "excellent", counts.excellent)
    if counts.excellent and counts.excellent > counts.good * EXCELLENT_QUOTA:
        cap = numfmt.percent(EXCELLENT_QUOTA * 100)
        if counts.good:
            message = _(
                "{excellent} ({value}) is {share} of {good} ({good_value}); the guidance caps it at {cap}. "
                "Check the ratings before sending."
            ).format(excellent=label(prefix + "excellent"), value=numfmt.number(counts.excellent),
                     share=numfmt.percent(numbers.percent(counts.excellent, counts.good)),
                     good=label(prefix + "good"), good_value=numfmt.number(counts.good), cap=cap)
        else:
            message = _(
                "{excellent} ({value}) while there are no {good}; the guidance caps the first at {cap} of the "
                "second. Check the ratings before sending."
            ).format(excellent=label(prefix + "excellent"), value=numfmt.number(counts.excellent),
                     good=label(prefix + "good"), cap=cap)
        yield Finding(f"ratings.{who}.quota", Severity.WARNING, (prefix + "excellent", prefix + "good"),
                      _sentence(message))


@check
def ratings(report: Report) -> Iterator[Finding]:
    r = report.stats.ratings
    units = report.stats.units if report.organisation.kind.has_sub_units else None
    yield from _ratings_findings("stats.ratings.organisations.", r.organisations, "stats.units", units, "organisations")
    closing = report.stats.membership.closing_total or None
    yield from _ratings_findings("stats.ratings.members.", r.members, M + "closing_total", closing, "members")


# -- inspection and discipline --------------------------------------------------------------------

D = "stats.discipline."


def _forms_findings(prefix: str, total: int, forms: list[str], values: list[int], who: str) -> Iterator[Finding]:
    if sum(values) == total:
        return
    if not total:
        yield _not_entered(f"discipline.{who}", prefix + "total", *(prefix + f for f in forms), proposal=_(
            "by the forms: {value}").format(value=numfmt.number(sum(values))))
    elif not any(values):
        yield _not_entered(f"discipline.{who}.forms", prefix + forms[0], *(prefix + f for f in forms[1:]),
                           prefix + "total", because=_value_of(prefix + "total", total))
    else:
        yield _mismatch(f"discipline.{who}.sum", prefix + "total", total, [prefix + f for f in forms],
                        ["+"] * len(forms), values)


@check
def discipline(report: Report) -> Iterator[Finding]:
    d = report.stats.discipline
    forms = ["reprimand", "warning", "removal", "expulsion"]
    yield from _forms_findings(D + "members.", d.members.total, forms, [getattr(d.members, f) for f in forms],
                               "members")
    yield from _not_above("discipline.members.probationary", D + "members.probationary", d.members.probationary,
                          D + "members.total", d.members.total)
    org_forms = ["reprimand", "warning", "dissolution"]
    yield from _forms_findings(D + "organisations.", d.organisations.total, org_forms,
                               [getattr(d.organisations, f) for f in org_forms], "organisations")
    expelled = report.stats.membership.expelled
    if d.members.expulsion != expelled:
        a, b = D + "members.expulsion", M + "expelled"
        if d.members.expulsion and expelled:
            message = _("{a} ({a_value}) differs from {b} ({b_value}) in the membership movement.").format(
                a=label(a), a_value=numfmt.number(d.members.expulsion), b=label(b), b_value=numfmt.number(expelled))
        elif expelled:
            message = _("The membership movement has {b} ({b_value}), but discipline has no {a}.").format(
                a=label(a), b=label(b), b_value=numfmt.number(expelled))
        else:
            message = _("Discipline has {a} ({a_value}), but no one {b} is entered in the membership movement.").format(
                a=label(a), a_value=numfmt.number(d.members.expulsion), b=label(b))
        yield Finding("discipline.expulsion", Severity.WARNING, (a, b), _sentence(message))
    i = report.stats.inspection
    yield from _not_above("inspection.to_discipline", "stats.inspection.members_to_discipline",
                          i.members_to_discipline, "stats.inspection.members_violating", i.members_violating)


P = "stats.party_life."


@check
def party_life(report: Report) -> Iterator[Finding]:
    p = report.stats.party_life
    yield from _not_above("party_life.study", P + "study_participants", p.study_participants,
                          P + "study_members", p.study_members)
    yield from _not_above("party_life.meetings", P + "meetings_held", p.meetings_held,
                          P + "meetings_required", p.meetings_required)
    if report.organisation.kind.has_sub_units:
        yield from _not_above("party_life.theme_plan", P + "theme_plan_units", p.theme_plan_units,
                              "stats.units", report.stats.units)


@check
def targets(report: Report) -> Iterator[Finding]:
    for index, target in enumerate(report.targets):
        path = f"targets.{index}"
        if target.value <= 0:
            yield Finding("targets.value", Severity.ERROR, (path + ".value",), _(
                "Target {number} (“{label}”) needs a value above 0."
            ).format(number=index + 1, label=target.label))
        if target.result is not None and target.result < 0:
            yield Finding("targets.result", Severity.ERROR, (path + ".result",), _(
                "The result of target {number} (“{label}”) cannot be negative."
            ).format(number=index + 1, label=target.label))
        if target.is_percent and target.result is not None and target.result > 100:
            yield Finding("targets.percent", Severity.ERROR, (path + ".result",), _(
                "The result of target {number} (“{label}”) is a rate and cannot exceed 100%."
            ).format(number=index + 1, label=target.label))
