"""Statistics as flat dotted keys: every figure has a key, and flatten/unflatten round-trip."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.demo import demo_statistics
from app.domain.member_stats import BADGE_YEARS
from app.domain.report import Statistics
from app.storage import stat_keys


def test_the_demo_statistics_round_trip():
    figures, texts = stat_keys.flatten(demo_statistics())

    assert figures["membership.closing_total"] == 98
    assert figures["ratings.organisations.good"] == 11
    assert figures["inspection.scheduled.members"] == 5
    assert figures["membership.badges.30"] == 2
    assert set(texts) == {"party_life.annual_theme", "party_life.commendations", "ratings.self_rating"}
    assert stat_keys.unflatten(figures, texts) == demo_statistics()


def test_missing_keys_take_their_defaults():
    assert stat_keys.unflatten({}, {}) == Statistics()


def test_every_integer_field_is_a_figure_key_and_the_rest_text_keys():
    figures, texts = stat_keys.flatten(Statistics())

    assert all(stat_keys.is_figure_key(key) and not stat_keys.is_text_key(key) for key in figures)
    assert all(stat_keys.is_text_key(key) and not stat_keys.is_figure_key(key) for key in texts)
    assert "membership.badges" not in figures  # an empty map has no key of its own
    assert stat_keys.is_map_key("membership.badges.45")
    assert not stat_keys.is_map_key("membership.female")


@given(
    values=st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=80),
    badges=st.dictionaries(st.sampled_from(BADGE_YEARS), st.integers(min_value=1, max_value=500)),
)
def test_any_figures_round_trip(values, badges):
    defaults = stat_keys.flatten(Statistics())[0]
    figures = dict(zip(sorted(defaults), values, strict=False)) | {f"membership.badges.{y}": n for y, n in badges.items()}

    stats = stat_keys.unflatten(figures, {})

    assert stat_keys.flatten(stats)[0] == defaults | figures
