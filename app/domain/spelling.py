"""Vietnamese spell checking, without the dictionary itself: which words to check, and the two tone-mark styles.

The checker is handed two functions over a Hunspell dictionary (app.services.spelling loads one): known(word) and
suggest(word). It checks each syllable of the text, leaving out what is not a word to check: numbers and
code-like tokens ("366-QĐ/TW", "12/2025", "a@b.vn"), abbreviations in capitals ("HĐND", "TW"), words of the office
dictionary and the Party's vocabulary.

Vietnamese writes a final oa, oe or uy with the tone mark on either vowel ("hoà"/"hòa", "thuỷ"/"thủy"). The report's
setting (Settings.tone_style) chooses one; a word written the other way is misspelt and its first suggestion is the
same word in the chosen style, as the tone-mark check of the document (app.domain.lint, "text.tone_marks") asks.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterable

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_LETTERS = re.compile(r"[^\W\d_]+")
_CHUNK = re.compile(r"\S+")
# A chunk holding a digit, a slash, an @ or a dot inside is a number, a code or an address: not words to check.
_CODE_LIKE = re.compile(r"\d|/|@|\w\.\w|_")
# Old style: mark on the second vowel of a final oa, oe, uy ("hoà", "khoẻ", "thuỷ"); new style on the first.
_OLD_FINAL = re.compile(r"(?<!q)(o[áàảãạ]|o[éèẻẽẹ]|u[ýỳỷỹỵ])$", re.IGNORECASE)
_NEW_FINAL = re.compile(r"(?<!q)([óòỏõọ][ae]|[úùủũụ]y)$", re.IGNORECASE)

# Words of the Party's documents and of office work that a syllable dictionary may not hold, lower case.
PARTY_WORDS = frozenset({
    "đảng", "ủy", "uỷ", "chi", "bộ", "nghị", "quyết", "bí", "thư", "ban", "thường", "vụ", "kiểm", "tra", "giám",
    "sát", "tổ", "chức", "online", "internet", "email", "website", "zalo", "facebook", "covid",
    "smartphone", "video", "camera", "wifi",
})


class ToneStyle(enum.StrEnum):
    NEW = "new"  # "hòa", "thủy", "Đảng ủy": as the app's own wording writes
    OLD = "old"  # "hoà", "thuỷ", "Đảng uỷ"


# How the settings and messages show each style.
TONE_EXAMPLES = {ToneStyle.NEW: "hòa, thủy, ủy", ToneStyle.OLD: "hoà, thuỷ, uỷ"}


def to_style(word: str, style: ToneStyle) -> str:
    """word with the tone mark of a final oa, oe or uy placed as style places it ("hoà" ↔ "hòa")."""
    word = unicodedata.normalize("NFC", word)
    pattern = _NEW_FINAL if style is ToneStyle.OLD else _OLD_FINAL
    if not pattern.search(word):
        return word
    head, first, second = word[:-2], unicodedata.normalize("NFD", word[-2]), unicodedata.normalize("NFD", word[-1])
    source, target = (first, second) if style is ToneStyle.OLD else (second, first)
    marks = "".join(c for c in source if c in _TONES)
    source = "".join(c for c in source if c not in _TONES)
    target = target + marks
    pair = (source + target) if style is ToneStyle.OLD else (target + source)
    return head + unicodedata.normalize("NFC", pair)


def other_style(word: str, style: ToneStyle) -> bool:
    """True when word places the tone mark of its final oa, oe or uy the other way than style ("hoà" under NEW)."""
    return (_OLD_FINAL if style is ToneStyle.NEW else _NEW_FINAL).search(unicodedata.normalize("NFC", word)) is not None


def words_to_check(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word of text that spell checking looks at (positions in text as given)."""
    out = []
    for chunk in _CHUNK.finditer(text):
        token = chunk.group()
        if _CODE_LIKE.search(token):
            continue
        for match in _LETTERS.finditer(token):
            word = match.group()
            if len(word) > 1 and word.isupper():
                continue  # an abbreviation: HĐND, QĐ, TW
            if any(c.isupper() for c in word[1:]):
                continue  # "TTg", "iPhone": a code or a name written its own way
            out.append((chunk.start() + match.start(), chunk.start() + match.end(), word))
    return out


class SpellChecker:
    """Checks words against a dictionary (known/suggest over its own tone style) and the office's own words.

    Results are kept per word: a report uses a few thousand distinct syllables, each looked up once. A word whose
    tone mark is placed the other way than style is misspelt, whatever the dictionary says.
    """

    def __init__(self, known: Callable[[str], bool], suggest: Callable[[str], Iterable[str]],
                 dictionary_style: ToneStyle = ToneStyle.OLD, style: ToneStyle = ToneStyle.NEW,
                 own_words: Iterable[str] = ()) -> None:
        self._known = known
        self._suggest = suggest
        self.dictionary_style = dictionary_style
        self.style = style
        self._own = {unicodedata.normalize("NFC", w).lower() for w in own_words}
        self._cache: dict[str, bool] = {}

    def add_word(self, word: str) -> None:
        """Accept word from now on (it was added to the office dictionary)."""
        word = unicodedata.normalize("NFC", word)
        self._own.add(word.lower())
        self._cache.pop(word, None)
        self._cache = {w: ok for w, ok in self._cache.items() if w.lower() != word.lower()}

    def cached(self, word: str) -> bool | None:
        """True/False when word was checked already, None when not yet (the GUI checks it off its thread)."""
        word = unicodedata.normalize("NFC", word)
        if other_style(word, self.style):
            return False
        if word.lower() in self._own or word.lower() in PARTY_WORDS:
            return True
        return self._cache.get(word)

    def set_style(self, style: ToneStyle) -> None:
        """Check and suggest with the tone marks placed as style places them from now on."""
        self.style = style

    def is_correct(self, word: str) -> bool:
        word = unicodedata.normalize("NFC", word)
        done = self.cached(word)
        if done is not None:
            return done
        in_dictionary = to_style(word, self.dictionary_style)
        ok = (self._known(in_dictionary) or self._known(in_dictionary.lower())
              or in_dictionary.lower() in PARTY_WORDS)
        self._cache[word] = ok
        return ok

    def misspelt(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of each word of text the dictionary does not know."""
        return [(s, e, w) for s, e, w in words_to_check(text) if not self.is_correct(w)]

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        """Corrections for word, written in the tone style of the setting, the likeliest first.

        A word written in the other tone style is first offered as itself in the setting's style ("hoà" → "hòa").
        """
        word = unicodedata.normalize("NFC", word)
        out: list[str] = []
        if other_style(word, self.style):
            out.append(to_style(word, self.style))
            if self.is_correct(out[0]):
                return out
        found = self._suggest(to_style(word, self.dictionary_style))
        candidates: list[str] = []
        for suggestion in found:
            styled = to_style(suggestion, self.style)
            if styled not in out and styled not in candidates:
                candidates.append(styled)
            if len(candidates) >= 2 * limit:
                break
        # The office's words and the Party's vocabulary first ("kiễm" → "kiểm" before "kiêm"), else Hunspell's order.
        candidates.sort(key=lambda w: w.lower() not in self._own and w.lower() not in PARTY_WORDS)
        return (out + candidates)[:limit]
