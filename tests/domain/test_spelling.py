"""Which words spell checking looks at, and the two places of the tone mark."""

from __future__ import annotations

from app.domain.spelling import SpellChecker, ToneStyle, to_style, words_to_check

KNOWN = {"hoà", "thuỷ", "chi", "bộ", "kiểm", "tra", "lợi", "uỷ", "Đảng", "đảng"}


def checker(style=ToneStyle.NEW, own=()):
    return SpellChecker(KNOWN.__contains__, lambda w: ["kiểm", "kiếm"] if w == "kiễm" else [], ToneStyle.OLD,
                        style, own)


def test_the_tone_mark_of_a_final_oa_oe_uy_moves_between_the_styles():
    assert [to_style(w, ToneStyle.NEW) for w in ("hoà", "khoẻ", "Uỷ", "thuỷ", "quý", "hoàn")] == [
        "hòa", "khỏe", "Ủy", "thủy", "quý", "hoàn"]
    assert [to_style(w, ToneStyle.OLD) for w in ("hòa", "khỏe", "ủy", "hoàn")] == ["hoà", "khoẻ", "uỷ", "hoàn"]


def test_numbers_codes_and_abbreviations_are_not_checked():
    text = "Quy định 366-QĐ/TW ngày 12/3/2025 của HĐND, TTg và a@b.vn: chi bộ"
    assert [w for _s, _e, w in words_to_check(text)] == ["Quy", "định", "ngày", "của", "và", "chi", "bộ"]


def test_a_word_in_the_other_tone_style_is_misspelt_and_offered_in_the_chosen_one():
    c = checker()
    assert c.is_correct("hòa") and not c.is_correct("hoà")
    assert c.is_correct("thủy") and c.is_correct("Đảng") and c.is_correct("ủy") and not c.is_correct("uỷ")
    assert [w for _s, _e, w in c.misspelt("Chi bộ kiễm tra, hoà thuận, Đảng uỷ")] == ["kiễm", "hoà", "thuận", "uỷ"]
    assert c.suggestions("kiễm") == ["kiểm", "kiếm"]
    ranked = SpellChecker(KNOWN.__contains__, lambda w: ["kiêm", "kiềm", "kiểm", "kiếm"], ToneStyle.OLD,
                          ToneStyle.NEW, ["kiềm"])
    assert ranked.suggestions("kiễm", limit=3) == ["kiềm", "kiểm", "kiêm"]  # office, then Party words first
    assert c.suggestions("hoà") == ["hòa"] and c.suggestions("Uỷ") == ["Ủy"]
    c.set_style(ToneStyle.OLD)
    assert c.is_correct("hoà") and c.is_correct("uỷ") and not c.is_correct("hòa") and not c.is_correct("ủy")
    assert c.suggestions("thủy") == ["thuỷ"]
    old = SpellChecker(KNOWN.__contains__, lambda w: ["hoà"], ToneStyle.OLD, ToneStyle.OLD)
    new = SpellChecker(KNOWN.__contains__, lambda w: ["hoà"], ToneStyle.OLD, ToneStyle.NEW)
    assert old.suggestions("hoa") == ["hoà"] and new.suggestions("hoa") == ["hòa"]


def test_an_added_word_and_the_office_words_are_known():
    c = checker(own=["Tây Nguyên", "Zalo"])
    assert c.is_correct("zalo")
    assert not c.is_correct("Krông")
    c.add_word("Krông")
    assert c.is_correct("Krông") and c.misspelt("huyện Krông") == [(0, 5, "huyện")]
