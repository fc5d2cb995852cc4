"""The statistics form names the rating levels in the wording of the report's year."""

from __future__ import annotations

import dataclasses

import pytest

from app.domain.demo import demo_report
from app.domain.fields import parse
from app.gui.widgets.stats_form import StatsForm


@pytest.fixture
def form(qtbot):
    widget = StatsForm()
    qtbot.addWidget(widget)
    return widget


def _label(form: StatsForm, path: str) -> str:
    return form._row_labels[parse(path)].text()


def test_a_2012_report_names_the_best_cells_as_its_form_did(form):
    form.set_report(dataclasses.replace(demo_report(), year=2012))
    assert _label(form, "stats.ratings.organisations.excellent") == "Số chi bộ được xếp loại trong sạch, vững mạnh"
    assert _label(form, "stats.ratings.members.excellent") == (
        "Số đảng viên được xếp loại đủ tư cách, hoàn thành xuất sắc nhiệm vụ")


def test_a_2025_report_names_the_levels_of_its_own_rules(form):
    form.set_report(dataclasses.replace(demo_report(), year=2012))
    form.set_report(dataclasses.replace(demo_report(), year=2025))
    assert _label(form, "stats.ratings.organisations.excellent") == (
        "Số chi bộ được xếp loại hoàn thành xuất sắc nhiệm vụ")
    assert _label(form, "stats.ratings.members.not_complete") == "Số đảng viên được xếp loại không hoàn thành nhiệm vụ"
