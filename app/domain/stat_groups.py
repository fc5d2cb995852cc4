"""The statistics grouped as the form shows them: one home for the order the window and the Excel sheet share."""

from __future__ import annotations

from app.domain import fields as F
from app.domain.fields import Field, FieldRef
from app.i18n import N_

RATING_LEVELS = ("excellent", "good", "complete", "not_complete")


def _group(name: str, names: tuple[str, ...]) -> list[FieldRef]:
    return [F.stat(f"{name}.{n}") for n in names]


# (group title, [fields]); every field is a count ≥ 0, labelled through app.domain.fields.STAT_LABELS.
GROUPS: list[tuple[str, list[FieldRef]]] = [
    (N_("Organisation"), [Field.UNITS, F.stat("unit.staff"), F.stat("unit.population")]),
    (N_("Membership movement"), _group("membership", (
        "opening_total", "opening_probationary", "admitted", "transferred_in", "transferred_in_probationary",
        "transferred_out", "transferred_out_probationary", "deceased", "struck_off", "struck_off_probationary",
        "expelled", "left_party", "recognised_official", "closing_total", "closing_official",
        "closing_probationary", "female", "exempt", "temporary_in", "temporary_out", "candidates_trained",
        "candidates"))),
    (N_("Ratings of Party cells"), _group("ratings.organisations", (
        "total", *RATING_LEVELS, "not_rated", "exemplary"))),
    (N_("Ratings of members"), _group("ratings.members", ("total", *RATING_LEVELS, "not_rated", "exemplary"))),
    (N_("Inspection and supervision"), _group("inspection", (
        "scheduled.organisations", "scheduled.members", "topical_supervision.organisations",
        "topical_supervision.members", "regular_supervision.organisations", "regular_supervision.members",
        "violation_signs.organisations", "violation_signs.members", "lower_level_tasks", "finance", "dues",
        "denunciations", "complaints", "members_violating", "members_to_discipline"))),
    (N_("Discipline"), _group("discipline", (
        "members.total", "members.reprimand", "members.warning", "members.removal", "members.expulsion",
        "members.probationary", "organisations.total", "organisations.reprimand", "organisations.warning",
        "organisations.dissolution"))),
    (N_("Study and Party life"), _group("party_life", (
        "resolutions_studied", "study_participants", "study_members", "meetings_held", "meetings_required",
        "thematic_meetings", "theme_plan_units"))),
]
