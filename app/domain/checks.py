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

from app.domain import fields, numbers, numfmt
from app.domain.fields import Field, FieldRef, label, parse, stat
from app.domain.findings import Finding, Severity
from app.domain.member_stats import BADGE_YEARS
from app.domain.organisation import OrgKind
from app.domain.period import term_years
from app.domain.ratings import EXCELLENT_QUOTA, RatingCounts
from app.domain.report import Report, Statistics
from app.domain.roster_stats import disagreements
from app.domain.targets import term_table
from app.i18n import N_, _

# The labels of the fields (FIELD_LABELS before) live with the fields: app.domain.fields.STAT_LABELS.

# Figures about the organisations under the body: a chi bộ has none (its cấp ủy rates it, and it inspects and
# disciplines only its members). The form leaves them out for a chi bộ and the checks ignore them; the
# values stay in the report, so that switching the kind back loses nothing.
SUB_UNIT_FIELDS: frozenset[FieldRef] = frozenset({
    Field.UNITS,
    *(stat(f"ratings.organisations.{name}") for name in (
        "total", "excellent", "good", "complete", "not_complete", "not_rated", "exemplary")),
    *(stat(f"inspection.{name}.organisations") for name in (
        "scheduled", "topical_supervision", "regular_supervision", "violation_signs")),
    stat("inspection.lower_level_tasks"),
    stat("inspection.finance"),
    stat("inspection.dues"),
    *(stat(f"discipline.organisations.{name}") for name in ("total", "reprimand", "warning", "dissolution")),
    stat("party_life.theme_plan_units"),
})
# Figures only a chi bộ gives: the level it proposes for itself.
CHI_BO_FIELDS: frozenset[FieldRef] = frozenset({Field.SELF_RATING})


def applies(ref: FieldRef | str, kind: OrgKind) -> bool:
    """True when a body of kind reports the figure at ref (a FieldRef, or its dotted path)."""
    if isinstance(ref, str):
        ref = parse(ref)
    if kind.is_chi_bo:
        return ref not in SUB_UNIT_FIELDS
    return ref not in CHI_BO_FIELDS


def reported(stats: Statistics, kind: OrgKind) -> Statistics:
    """A copy of stats with only the figures a body of kind reports: the others zero (or None).

    Switching an organisation's kind keeps every figure entered; this is what prints and what is worded.
    """
    copied = copy.deepcopy(stats)
    for ref in (SUB_UNIT_FIELDS if kind.is_chi_bo else CHI_BO_FIELDS):
        under_stats = FieldRef(ref.kind, ref.parts[1:])  # walked from the Statistics, not the Report
        under_stats.set(copied, None if ref in CHI_BO_FIELDS else 0)
    return copied


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sum_terms(paths: list[FieldRef], values: list[int], signs: list[str]) -> str:
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


def _mismatch(code: str, actual_path: FieldRef, actual: int, term_paths: list[FieldRef], signs: list[str],
              values: list[int], severity: Severity = Severity.ERROR) -> Finding:
    expected = sum(v if s == "+" else -v for v, s in zip(values, signs, strict=True))
    message = _("{field} is {actual}, but {terms} gives {expected}. Correct one of these figures.").format(
        field=label(actual_path),
        actual=numfmt.number(actual),
        terms=_sum_terms(term_paths, values, signs),
        expected=numfmt.number(expected),
    )
    return Finding(code, severity, _paths(actual_path, *term_paths), _sentence(message))


def _not_entered(code: str, path: FieldRef, *others: FieldRef, proposal: str = "", because: str = "") -> Finding:
    """An INFO finding: the figure at path is still 0 where it is needed.

    proposal: the sentence proposing its value ("by the movement: 98"); because: the figure that needs it
    ("female members: 3"). others: further fields the finding is about.
    """
    message = _("{field}: not entered yet.").format(field=label(path))
    if proposal:
        message = _("{field}: not entered yet; {proposal}.").format(field=label(path), proposal=proposal)
    elif because:
        message = _("{field}: not entered yet ({because}).").format(field=label(path), because=because)
    return Finding(f"{code}.not_entered", Severity.INFO, _paths(path, *others), _sentence(message))


def _value_of(path: FieldRef, value: int) -> str:
    """ "female members: 3", naming a figure that needs another."""
    return _("{field}: {value}").format(field=label(path), value=numfmt.number(value))


def _under(group: str) -> Callable[[str], FieldRef]:
    """The statistics of one group by name: M("closing_total") is the FieldRef of "stats.membership.closing_total"."""
    return lambda name: stat(f"{group}.{name}")


def _paths(*refs: FieldRef) -> tuple[str, ...]:
    """The dotted paths a Finding carries."""
    return tuple(ref.path for ref in refs)


M = _under("membership")
D = _under("discipline")
P = _under("party_life")
MOVEMENT = ["opening_total", "admitted", "transferred_in", "transferred_out", "deceased",
            "struck_off", "expelled", "left_party"]
MOVEMENT_SIGNS = ["+", "+", "+", "−", "−", "−", "−", "−"]
PROBATIONARY_MOVEMENT = ["opening_probationary", "admitted", "transferred_in_probationary", "recognised_official",
                         "transferred_out_probationary", "struck_off_probationary"]
PROBATIONARY_SIGNS = ["+", "+", "+", "−", "−", "−"]
# (part, whole) of the membership: the part cannot be more than the whole.
MEMBERSHIP_PARTS = [
    ("opening_probationary", "opening_total"),
    ("transferred_in_probationary", "transferred_in"),
    ("transferred_out_probationary", "transferred_out"),
    ("struck_off_probationary", "struck_off"),
    ("female", "closing_total"),
    ("exempt", "closing_total"),
]
MEMBER_DISCIPLINE_FORMS = ["reprimand", "warning", "removal", "expulsion"]
ORGANISATION_DISCIPLINE_FORMS = ["reprimand", "warning", "dissolution"]
RATED_LEVELS = ["excellent", "good", "complete", "not_complete", "not_rated"]


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
_PROPOSALS: dict[FieldRef, Callable[[Report], int | None]] = {
    M("closing_total"): _closing_total,
    M("closing_probationary"): _closing_probationary,
    M("closing_official"): _closing_official,
    stat("ratings.members.total"): _rated_total("members"),
    stat("ratings.organisations.total"): _rated_total("organisations"),
    D("members.total"): _discipline_total("members"),
    D("organisations.total"): _discipline_total("organisations"),
}
DERIVED_FIELDS: tuple[FieldRef, ...] = tuple(_PROPOSALS)
MEMBERSHIP_CLOSING_FIELDS: tuple[FieldRef, ...] = DERIVED_FIELDS[:3]


def proposed_figure(report: Report, ref: FieldRef | str) -> int | None:
    """The value the other figures give the figure ref (one of DERIVED_FIELDS), from the report as it
    stands; None when they do not determine it (the opening membership is not entered, the result would be
    negative, nothing it rests on is entered)."""
    return _PROPOSALS[parse(ref) if isinstance(ref, str) else ref](report)


# -- membership ----------------------------------------------------------------------------------


@check
def membership_balance(report: Report) -> Iterator[Finding]:
    m = report.stats.membership
    signs = MOVEMENT_SIGNS
    values = [getattr(m, n) for n in MOVEMENT]
    if m.closing_total == m.expected_closing_total:
        return
    if not m.opening_total:
        if m.closing_total or any(values):
            yield _not_entered("membership.opening", M("opening_total"))
        return
    if not m.closing_total:
        proposal = _closing_total(report)
        yield _not_entered("membership.closing", M("closing_total"), *(M(n) for n in MOVEMENT), proposal=(
            _("by the movement: {value}").format(value=numfmt.number(proposal)) if proposal is not None else ""))
        return
    yield _mismatch("membership.balance", M("closing_total"), m.closing_total,
                    [M(n) for n in MOVEMENT], signs, values)


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
        yield _not_entered("membership.split", M("closing_probationary"), M("closing_official"),
                           M("closing_total"), proposal=proposal)
        return
    yield _mismatch("membership.split", M("closing_total"), m.closing_total,
                    [M("closing_official"), M("closing_probationary")], ["+", "+"],
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
        yield _not_entered("membership.opening_probationary", M("opening_probationary"),
                           because=_value_of(M("closing_probationary"), m.closing_probationary))
        return
    signs = PROBATIONARY_SIGNS
    yield _mismatch("membership.probationary_balance", M("closing_probationary"), m.closing_probationary,
                    [M(n) for n in PROBATIONARY_MOVEMENT], signs, values)


def _not_above(code: str, part_path: FieldRef, part: int, whole_path: FieldRef, whole: int,
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
    yield Finding(code, severity, _paths(part_path, whole_path), _sentence(message))


@check
def membership_parts(report: Report) -> Iterator[Finding]:
    m = report.stats.membership
    for part, whole in MEMBERSHIP_PARTS:
        yield from _not_above("membership.part", M(part), getattr(m, part), M(whole), getattr(m, whole))
    unknown = sorted(y for y in m.badges if y not in BADGE_YEARS)
    if unknown:
        yield Finding("membership.badge_years", Severity.ERROR, _paths(M("badges")), _(
            "Party badges are awarded for {allowed} years of membership, not for {years}."
        ).format(allowed=", ".join(map(str, BADGE_YEARS)), years=", ".join(map(str, unknown))))


@check
def unit_share(report: Report) -> Iterator[Finding]:
    """The members are part of the staff (or the people) they are a share of: never more."""
    m, unit = report.stats.membership, report.stats.unit
    for whole in ("staff", "population"):
        value = getattr(unit, whole)
        if value:
            yield from _not_above("unit.share", M("closing_total"), m.closing_total, stat(f"unit.{whole}"), value,
                                  Severity.WARNING)


@check
def roster_counts(report: Report) -> Iterator[Finding]:
    """A count entered by hand that the chi bộ's member list contradicts."""
    for ref, entered, listed in disagreements(report):
        yield Finding("roster.disagrees", Severity.WARNING, _paths(ref), _sentence(_(
            "{field} is {entered}, but the list of members gives {listed}. Correct the figure, or the list, "
            "or switch on “Compute the figures from the list”.").format(
                field=label(ref), entered=numfmt.number(entered), listed=numfmt.number(listed))))


# -- ratings -------------------------------------------------------------------------------------

_LEVELS_OF = {"organisations": N_("ratings of Party cells by level"), "members": N_("ratings of members by level")}


def _ratings_findings(prefix: Callable[[str], FieldRef], counts: RatingCounts, total_path: FieldRef | None,
                      total: int | None,
                      who: str) -> Iterator[Finding]:
    if counts.is_empty:
        return
    levels = RATED_LEVELS
    values = [getattr(counts, n) for n in levels]
    if sum(values) != counts.total:
        if not counts.total:
            yield _not_entered(f"ratings.{who}.total", prefix("total"), *(prefix(n) for n in levels), proposal=_(
                "by the levels: {value}").format(value=numfmt.number(sum(values))))
        elif not any(values):
            message = _("{field}: not entered yet ({because}).").format(
                field=_(_LEVELS_OF[who]), because=_value_of(prefix("total"), counts.total))
            yield Finding(f"ratings.{who}.levels.not_entered", Severity.INFO,
                          _paths(prefix("excellent"), *(prefix(n) for n in levels[1:]), prefix("total")),
                          _sentence(message))
        else:
            yield _mismatch(f"ratings.{who}.sum", prefix("total"), counts.total,
                            [prefix(n) for n in levels], ["+"] * len(levels), values)
    if total_path is not None and total and counts.total and counts.total != total:
        message = _("{rated} ({rated_value}) differs from {total} ({total_value}).").format(
            rated=label(prefix("total")), rated_value=numfmt.number(counts.total),
            total=label(total_path), total_value=numfmt.number(total))
        yield Finding(f"ratings.{who}.total", Severity.WARNING, _paths(prefix("total"), total_path),
                      _sentence(message))
    yield from _not_above(f"ratings.{who}.exemplary", prefix("exemplary"), counts.exemplary,
                          prefix("excellent"), counts.excellent)
    if counts.excellent and counts.excellent > counts.good * EXCELLENT_QUOTA:
        cap = numfmt.percent(EXCELLENT_QUOTA * 100)
        if counts.good:
            message = _(
                "{excellent} ({value}) is {share} of {good} ({good_value}); the guidance caps it at {cap}. "
                "Check the ratings before sending."
            ).format(excellent=label(prefix("excellent")), value=numfmt.number(counts.excellent),
                     share=numfmt.percent(numbers.percent(counts.excellent, counts.good)),
                     good=label(prefix("good")), good_value=numfmt.number(counts.good), cap=cap)
        else:
            message = _(
                "{excellent} ({value}) while there are no {good}; the guidance caps the first at {cap} of the "
                "second. Check the ratings before sending."
            ).format(excellent=label(prefix("excellent")), value=numfmt.number(counts.excellent),
                     good=label(prefix("good")), cap=cap)
        yield Finding(f"ratings.{who}.quota", Severity.WARNING, _paths(prefix("excellent"), prefix("good")),
                      _sentence(message))


@check
def ratings(report: Report) -> Iterator[Finding]:
    r = report.stats.ratings
    units = report.stats.units if report.organisation.kind.has_sub_units else None
    yield from _ratings_findings(_under("ratings.organisations"), r.organisations, Field.UNITS, units, "organisations")
    closing = report.stats.membership.closing_total or None
    yield from _ratings_findings(_under("ratings.members"), r.members, M("closing_total"), closing, "members")


# -- inspection and discipline --------------------------------------------------------------------



def _forms_findings(prefix: Callable[[str], FieldRef], total: int, forms: list[str], values: list[int],
                    who: str) -> Iterator[Finding]:
    if sum(values) == total:
        return
    if not total:
        yield _not_entered(f"discipline.{who}", prefix("total"), *(prefix(f) for f in forms), proposal=_(
            "by the forms: {value}").format(value=numfmt.number(sum(values))))
    elif not any(values):
        yield _not_entered(f"discipline.{who}.forms", prefix(forms[0]), *(prefix(f) for f in forms[1:]),
                           prefix("total"), because=_value_of(prefix("total"), total))
    else:
        yield _mismatch(f"discipline.{who}.sum", prefix("total"), total, [prefix(f) for f in forms],
                        ["+"] * len(forms), values)


@check
def discipline(report: Report) -> Iterator[Finding]:
    d = report.stats.discipline
    forms = MEMBER_DISCIPLINE_FORMS
    yield from _forms_findings(_under("discipline.members"), d.members.total, forms,
                               [getattr(d.members, f) for f in forms],
                               "members")
    yield from _not_above("discipline.members.probationary", D("members.probationary"), d.members.probationary,
                          D("members.total"), d.members.total)
    org_forms = ORGANISATION_DISCIPLINE_FORMS
    yield from _forms_findings(_under("discipline.organisations"), d.organisations.total, org_forms,
                               [getattr(d.organisations, f) for f in org_forms], "organisations")
    expelled = report.stats.membership.expelled
    if d.members.expulsion != expelled:
        a, b = D("members.expulsion"), M("expelled")
        if d.members.expulsion and expelled:
            message = _("{a} ({a_value}) differs from {b} ({b_value}) in the membership movement.").format(
                a=label(a), a_value=numfmt.number(d.members.expulsion), b=label(b), b_value=numfmt.number(expelled))
        elif expelled:
            message = _("The membership movement has {b} ({b_value}), but discipline has no {a}.").format(
                a=label(a), b=label(b), b_value=numfmt.number(expelled))
        else:
            message = _("Discipline has {a} ({a_value}), but no one {b} is entered in the membership movement.").format(
                a=label(a), a_value=numfmt.number(d.members.expulsion), b=label(b))
        yield Finding("discipline.expulsion", Severity.WARNING, _paths(a, b), _sentence(message))
    i = report.stats.inspection
    yield from _not_above("inspection.to_discipline", stat("inspection.members_to_discipline"),
                          i.members_to_discipline, stat("inspection.members_violating"), i.members_violating)




@check
def party_life(report: Report) -> Iterator[Finding]:
    p = report.stats.party_life
    yield from _not_above("party_life.study", P("study_participants"), p.study_participants,
                          P("study_members"), p.study_members)
    yield from _not_above("party_life.meetings", P("meetings_held"), p.meetings_held,
                          P("meetings_required"), p.meetings_required)
    if report.organisation.kind.has_sub_units:
        yield from _not_above("party_life.theme_plan", P("theme_plan_units"), p.theme_plan_units,
                              Field.UNITS, report.stats.units)


@check
def targets(report: Report) -> Iterator[Finding]:
    for index, target in enumerate(report.targets):
        if target.value <= 0:
            yield Finding("targets.value", Severity.ERROR, _paths(fields.target(index, "value")), _(
                "Target {number} (“{label}”) needs a value above 0."
            ).format(number=index + 1, label=target.label))
        if target.result is not None and target.result < 0:
            yield Finding("targets.result", Severity.ERROR, _paths(fields.target(index, "result")), _(
                "The result of target {number} (“{label}”) cannot be negative."
            ).format(number=index + 1, label=target.label))
        if target.is_percent and target.result is not None and target.result > 100:
            yield Finding("targets.percent", Severity.ERROR, _paths(fields.target(index, "result")), _(
                "The result of target {number} (“{label}”) is a rate and cannot exceed 100%."
            ).format(number=index + 1, label=target.label))


@check
def congress_term(report: Report) -> Iterator[Finding]:
    """A report to a congress covers the committee's whole term and names the next: both come from its term."""
    if report.kind.is_congress and term_years(report.term) is None:
        yield Finding("congress.term", Severity.WARNING, (Field.TERM.path,), _(
            "A report to the congress covers the committee's whole term: type the term as “2020 - 2025” in the "
            "document details, and the title and the next term follow from it."))


@check
def term_targets_by_year(report: Report) -> Iterator[Finding]:
    """The result of a count target over the term is the sum of the yearly reports' figures, when every year has one."""
    if not report.kind.is_congress:
        return
    table = term_table(report.targets, report.yearly_targets)
    for index, row in enumerate(table.rows):
        if row.disagrees and row.years_total is not None and row.target.result is not None:
            yield Finding("targets.term_sum", Severity.WARNING, _paths(fields.target(index, "result")), _(
                "Target {number} (“{label}”): the term's result is {result}, but the yearly reports add up to "
                "{total}. Check the result, or the yearly reports."
            ).format(number=index + 1, label=row.target.label, result=numfmt.number(row.target.result),
                     total=numfmt.number(row.years_total)))
