"""Target attainment: "đạt X% chỉ tiêu", "vượt Y%" with Y = X − 100."""

from decimal import Decimal

from app.domain.targets import Comparator, Target, summary


def test_double_the_target_is_200_percent_attained_and_exceeded_by_100():
    t = Target("kết nạp đảng viên mới", Decimal(2), "đảng viên", result=Decimal(4))
    assert t.attained == Decimal(200)
    assert t.exceeded_by == Decimal(100)
    assert t.met


def test_exactly_the_target_is_met_but_not_exceeded():
    t = Target("kết nạp", Decimal(15), result=Decimal(15))
    assert t.attained == Decimal(100)
    assert t.exceeded_by is None
    assert t.met


def test_more_than_needs_a_result_strictly_above():
    t = Target("chi bộ HTT", Decimal(90), is_percent=True, comparator=Comparator.MORE_THAN, result=Decimal(90))
    assert t.met is False
    assert t.attained is None  # rates are judged met or not, not as a ratio


def test_targets_without_results_are_not_judged():
    t = Target("kết nạp", Decimal(3))
    assert t.met is None
    assert summary([t, Target("x", Decimal(1), result=Decimal(0))]) == (0, 1, 1)
