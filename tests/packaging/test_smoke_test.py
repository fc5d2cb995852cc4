"""The smoke test's own judgement of output: what it takes for Vietnamese text."""

from __future__ import annotations

from tests.packaging import packaging_module

smoke_test = packaging_module("smoke_test")


def test_vietnamese_letters_are_counted_and_mojibake_or_english_has_none():
    assert smoke_test.vietnamese_letters("ĐẢNG CỘNG SẢN VIỆT NAM") == 5  # Đ, Ả, Ộ, Ả, Ệ
    assert smoke_test.vietnamese_letters("Correct one of these figures") == 0
    assert smoke_test.vietnamese_letters("Äáº¢NG") == 0  # UTF-8 read as cp1252
