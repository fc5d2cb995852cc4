"""Figures her own text states ("kết nạp 04 đảng viên mới"), read by a table of Vietnamese phrasings, and their checks.

find_claims() reads, sentence by sentence, the counts a text ties to a statistic: PHRASINGS maps each phrasing
to the field(s) of report.stats its numbers state. It is conservative: a phrasing names the statistic
unambiguously, and a sentence that talks about another time (another year, a target, "ít nhất", "mỗi", a
temporary transfer) or, in a đảng bộ's report, about one named chi bộ, states nothing. find_ratios() reads
"96/98 …, đạt 98,0%" and "28/35 = 80,0%". unpadded_counts() finds counts 1–9 not written as the report pads them,
and previous_period() phrases copied from last year's report ("năm 2025" in a 2026 report).

check_report() turns them into findings: a figure that disagrees with the statistics (ERROR), a percentage that
is not its ratio (ERROR), a fact both a generated sentence and her text state (WARNING), a count padded the
other way (INFO, with a fix) and a phrase naming the previous period (INFO). Every pattern is compiled once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache

from app.domain import fields, numbers, numfmt
from app.domain.fields import Field, FieldKind
from app.domain.fields import label as stat_label
from app.domain.findings import Finding, Fix, Severity
from app.domain.labels import labels_for
from app.domain.period import PeriodKind
from app.domain.ratings import LEVELS, RatingCounts
from app.domain.report import Entry, EntryKind, EntryState, Report, ReportKind, Section
from app.i18n import _

M = "stats.membership."
INS = "stats.inspection."
L = "stats.party_life."
UNITS = Field.UNITS.path

# A count: "98", "1.462"; not a part of a decimal, a date, a fraction or a percentage.
_N = r"(?<![\d.,/%])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/%]|[.,]\d)"
# A fraction "96/98": part and whole; not a date ("10/11/2026").
_F = r"(?<![\d.,/])(\d+)\s*/\s*(\d+)(?![\d/]|[.,]\d)"
# A percentage as written: "15,4%", "46.1 %", "100%".
_P = r"(\d{1,3}(?:[.,]\d{1,2})?)\s?%"
# What may follow a count's noun when the phrase ends there: punctuation, the end, or a linking word.
_END = r"(?=\s*(?:[,;.:(]|$)|\s+(?:trong\s+đó|gồm|và|chiếm|đạt|=)(?!\w))"
_WHO = r"(?:đảng\s+viên|đồng\s+chí)"
_ORG_MEMBER = rf"(?:đối\s+với\s+)?{_N}\s+tổ\s+chức\s+đảng(?:\s+và\s+{_N}\s+đảng\s+viên)?"


@dataclass(frozen=True, slots=True)
class Phrasing:
    """One way of stating figures: regex's numbered groups are the figures of fields, in order.

    anchor: words every match holds, lower case, "+" between several: a text without them is not searched, which
            keeps the checks fast.
    stock: states a head count at a moment (the end of the period): skipped in a sentence about the start.
    requires: a word the sentence must also hold ("96/98 đảng viên tham gia" is the study only near "quán triệt").
    unless: words that make the sentence about something else ("tặng Giấy khen cho 05 đảng viên hoàn thành xuất sắc
            nhiệm vụ" names the commended, not the rating).
    """

    fields: tuple[str, ...]
    anchor: str
    regex: str
    stock: bool = False
    requires: str = ""
    unless: str = ""

    def __post_init__(self) -> None:
        for path in self.fields:
            if fields.parse(path).kind is not FieldKind.STAT:  # a misspelt statistic raises UnknownField at import
                raise fields.UnknownField(f"{path!r} is no statistic")


# The phrasings, as data: what each pattern states. Words are matched case-insensitively.
PHRASINGS: tuple[Phrasing, ...] = (
    # Membership movement (report-content.md §4.1).
    Phrasing((M + "admitted",), "kết nạp",
             rf"kết\s+nạp\s+(?:được\s+|mới\s+)*{_N}\s+(?:đảng\s+viên|quần\s+chúng\s+ưu\s+tú\s+vào\s+đảng)"),
    Phrasing((M + "recognised_official",), "công nhận",
             rf"công\s+nhận\s+(?:đảng\s+viên\s+)?chính\s+thức\s+(?:cho\s+)?{_N}\s+{_WHO}"),
    Phrasing((M + "recognised_official",), "công nhận",
             rf"công\s+nhận\s+{_N}\s+đảng\s+viên\s+(?:dự\s+bị\s+)?(?:trở\s+thành\s+|là\s+)?"
             r"(?:đảng\s+viên\s+)?chính\s+thức"),
    Phrasing((M + "recognised_official",), "công nhận", rf"{_N}\s+đảng\s+viên\s+dự\s+bị\s+được\s+công\s+nhận"),
    Phrasing((M + "transferred_in", M + "transferred_out"), "tiếp nhận",
             rf"tiếp\s+nhận\s+{_N}\s+và\s+chuyển\s+(?:đi|sinh\s+hoạt\s+đảng\s+cho)\s+{_N}\s+{_WHO}"),
    Phrasing((M + "transferred_in",), "tiếp nhận",
             rf"tiếp\s+nhận\s+(?:sinh\s+hoạt\s+đảng\s+(?:cho\s+|của\s+)?)?{_N}\s+{_WHO}"),
    Phrasing((M + "transferred_in",), "chuyển đến", rf"chuyển\s+đến\s+{_N}\s+{_WHO}"),
    Phrasing((M + "transferred_in",), "chuyển", rf"{_N}\s+{_WHO}\s+chuyển\s+(?:sinh\s+hoạt\s+(?:đảng\s+)?)?đến"),
    Phrasing((M + "transferred_out",), "chuyển đi", rf"chuyển\s+đi\s+{_N}\s+{_WHO}"),
    Phrasing((M + "transferred_out",), "chuyển sinh hoạt",
             rf"chuyển\s+sinh\s+hoạt\s+đảng\s+(?:đi\s+)?(?:cho\s+|của\s+)?{_N}\s+{_WHO}"),
    Phrasing((M + "transferred_out",), "chuyển", rf"{_N}\s+{_WHO}\s+chuyển\s+(?:sinh\s+hoạt\s+(?:đảng\s+)?)?đi"),
    Phrasing((M + "deceased",), "từ trần", rf"{_N}\s+{_WHO}\s+(?:đã\s+)?từ\s+trần"),
    Phrasing((M + "struck_off",), "tên", rf"x(?:óa|oá)\s+tên\s+(?:đối\s+với\s+)?{_N}\s+{_WHO}"),
    Phrasing((M + "expelled",), "khai trừ", rf"khai\s+trừ\s+(?:ra\s+khỏi\s+đảng\s+)?{_N}\s+{_WHO}"),
    Phrasing((M + "left_party",), "ra khỏi", rf"cho\s+ra\s+khỏi\s+đảng\s+{_N}\s+{_WHO}"),
    # The size of the organisation at the end of the period.
    Phrasing((M + "closing_total",), "tổng số",
             r"tổng\s+số\s+đảng\s+viên\s+(?:của\s+(?:đảng|chi)\s+bộ\s+)?"
             r"(?:(?:cuối\s+năm|cuối\s+kỳ|hiện\s+nay|đến\s+nay|hiện\s+tại)\s+)?"
             rf"(?:là|có|gồm|lên)\s+{_N}\s+{_WHO}", stock=True),
    Phrasing((M + "closing_total",), "bộ+có+đảng viên",
             rf"(?<!chấp\s)(?<!hành\s)(?<!thường\s)(?<!vụ\s)(?:đảng|chi)\s+bộ\b[^\d,;.:]{{0,80}}?\bcó\s+{_N}\s+"
             rf"đảng\s+viên{_END}", stock=True),
    Phrasing((M + "closing_total",), "trực thuộc", rf"chi\s+bộ\s+trực\s+thuộc,?\s+với\s+{_N}\s+đảng\s+viên{_END}",
             stock=True),
    Phrasing((M + "closing_official", M + "closing_probationary"), "chính thức",
             rf"{_N}\s+đảng\s+viên\s+chính\s+thức\s*(?:,|và)\s*{_N}\s+(?:đảng\s+viên\s+)?dự\s+bị", stock=True),
    Phrasing((M + "closing_probationary",), "dự bị", rf"\bcó\s+{_N}\s+đảng\s+viên\s+dự\s+bị{_END}", stock=True),
    Phrasing((M + "female",), "nữ", rf"{_N}\s+đảng\s+viên\s+(?:là\s+)?nữ{_END}", stock=True),
    Phrasing((UNITS,), "trực thuộc", rf"\bcó\s+{_N}\s+chi\s+bộ\s+trực\s+thuộc", stock=True),
    Phrasing((UNITS,), "trực thuộc", rf"{_N}\s+chi\s+bộ\s+trực\s+thuộc(?=\s*[,;.(]|\s*$|\s+với)", stock=True),
    Phrasing((M + "candidates_trained",), "giới thiệu",
             rf"giới\s+thiệu\s+{_N}\s+quần\s+chúng\s+(?:ưu\s+tú\s+)?(?:đi\s+)?(?:học|tham\s+gia)\s+lớp"),
    Phrasing((M + "candidates",), "đối tượng",
             rf"\bcó\s+{_N}\s+quần\s+chúng\s+(?:ưu\s+tú\s+)?(?:là\s+)?đối\s+tượng\s+(?:kết\s+nạp|phát\s+triển)\s+đảng",
             stock=True),
    # Inspection, supervision and discipline (§4.3–4.4).
    Phrasing((INS + "scheduled.organisations", INS + "scheduled.members"), "kiểm tra",
             rf"(?<!ban\s)kiểm\s+tra\s+{_ORG_MEMBER}(?!\s+khi)"),
    Phrasing((INS + "scheduled.members",), "kiểm tra",
             rf"(?<!ban\s)kiểm\s+tra\s+(?:đối\s+với\s+)?{_N}\s+đảng\s+viên(?!\s+khi)"),
    Phrasing((INS + "topical_supervision.organisations", INS + "topical_supervision.members"), "giám sát chuyên đề",
             rf"giám\s+sát\s+chuyên\s+đề\s+{_ORG_MEMBER}"),
    Phrasing((INS + "topical_supervision.members",), "giám sát chuyên đề",
             rf"giám\s+sát\s+chuyên\s+đề\s+(?:đối\s+với\s+)?{_N}\s+đảng\s+viên"),
    Phrasing((INS + "regular_supervision.organisations", INS + "regular_supervision.members"), "thường xuyên",
             rf"giám\s+sát\s+thường\s+xuyên\s+{_ORG_MEMBER}"),
    Phrasing((INS + "regular_supervision.members",), "thường xuyên",
             rf"giám\s+sát\s+thường\s+xuyên\s+(?:đối\s+với\s+)?{_N}\s+đảng\s+viên"),
    Phrasing((INS + "violation_signs.organisations", INS + "violation_signs.members"), "dấu hiệu",
             rf"kiểm\s+tra\s+khi\s+có\s+dấu\s+hiệu\s+vi\s+phạm\s+{_ORG_MEMBER}"),
    Phrasing((INS + "violation_signs.members",), "dấu hiệu",
             rf"kiểm\s+tra\s+khi\s+có\s+dấu\s+hiệu\s+vi\s+phạm\s+(?:đối\s+với\s+)?{_N}\s+đảng\s+viên"),
    Phrasing((INS + "members_violating",), "phát hiện", rf"phát\s+hiện\s+{_N}\s+đảng\s+viên\s+(?:có\s+)?vi\s+phạm"),
    Phrasing((INS + "members_to_discipline",), "luật", rf"{_N}\s+đảng\s+viên\s+phải\s+thi\s+hành\s+k[ỷỉ]\s+luật"),
    Phrasing((fields.stat("discipline.members.total").path,), "luật",
             rf"(?:thi\s+hành|xử\s+lý)\s+k[ỷỉ]\s+luật\s+(?:đối\s+với\s+)?{_N}\s+đảng\s+viên"),
    Phrasing((fields.stat("discipline.organisations.total").path,), "luật",
             rf"(?:thi\s+hành|xử\s+lý)\s+k[ỷỉ]\s+luật\s+(?:đối\s+với\s+)?{_N}\s+tổ\s+chức\s+đảng"),
    # Study and Party life (§4.5).
    Phrasing((L + "resolutions_studied",), "quán triệt", rf"quán\s+triệt\s+(?:được\s+)?{_N}\s+nghị\s+quyết"),
    Phrasing((L + "study_participants", L + "study_members"), "/",
             rf"{_F}\s+đảng\s+viên\s+(?:được\s+)?(?:tham\s+gia|tham\s+dự)", requires=r"quán\s+triệt|học\s+tập"),
    Phrasing((L + "meetings_held", L + "meetings_required"), "định kỳ",
             rf"sinh\s+hoạt\s+(?:chi\s+bộ\s+)?định\s+kỳ\s+(?:đủ\s+|được\s+)?{_F}\s+kỳ"),
    Phrasing((L + "thematic_meetings",), "chuyên đề",
             rf"sinh\s+hoạt\s+chuyên\s+đề\s+{_N}\s+lần(?!\s*/|\s+(?:mỗi|một|trên)\b)"),
    Phrasing((L + "thematic_meetings",), "chuyên đề", rf"{_N}\s+(?:buổi|lần)\s+sinh\s+hoạt\s+chuyên\s+đề"),
    Phrasing((L + "theme_plan_units", UNITS), "chủ đề",
             rf"{_F}\s+chi\s+bộ\s+(?:đã\s+)?xây\s+dựng\s+kế\s+hoạch\s+thực\s+hiện\s+chủ\s+đề"),
)

_FLAGS = re.IGNORECASE
# A sentence about another time than the period, or about part of the organisation, states none of its figures.
_OFF_PERIOD = re.compile(r"(?<!\w)(?:phấn\s+đấu|dự\s+kiến|sẽ|ít\s+nhất|tối\s+thiểu|mỗi|bình\s+quân|trung\s+bình|"
                         r"tạm\s+thời|nếu)(?!\w)", _FLAGS)
# Words right before a phrase that make it a target or a proposal ("chỉ tiêu kết nạp 03 đảng viên").
_PLANNED = re.compile(r"(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|đề\s+nghị|xét|đăng\s+ký|giao|hồ\s+sơ|thủ\s+tục|quy\s+trình)"
                      r"\s*(?:là\s+)?$", _FLAGS)
# A sentence about the start of the period states no end-of-period head count.
_AT_START = re.compile(r"đầu\s+(?:năm|kỳ|nhiệm\s+kỳ)|đại\s+hội", _FLAGS)
# "từ đầu nhiệm kỳ đến nay" is the whole period of a mid-term report, not its start.
_SINCE_START = re.compile(r"từ\s+đầu\s+(?:năm|kỳ|nhiệm\s+kỳ)\s+(?:đến|tới)\s+nay", _FLAGS)
# A part of the period ("quý I", "6 tháng đầu năm" in a year-end report, "tháng 3"): its figures are not the period's.
_SUB_PERIOD = re.compile(r"(?<!\w)quý(?!\w)|\d\s+tháng|tháng\s+\d", _FLAGS)
_FULL_DATE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", _FLAGS)
_HALF_YEAR = re.compile(r"(?:6|06|sáu)\s+tháng\s+đầu\s+năm(?:\s+\d{4})?", _FLAGS)
# One chi bộ named in a đảng bộ's report: "Chi bộ Khoa Cơ khí có 15 đảng viên" is not the đảng bộ's figure.
_NAMED_UNIT = re.compile(r"\b[Cc]hi\s+bộ\s+(?!Đảng|Ủy|trực)[A-ZĐ]")
_DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+(?=\s|$)|$)")
_YEAR = re.compile(r"(?<![\d/.,-])((?:19|20)\d\d)(?![\d/])")
# Years that do not say what time a sentence talks about: dates and ranges ("ngày 10/11/2025", "2025 - 2030").
_DATE_OR_RANGE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4}|"
                            r"\d{4}\s*[-–—]\s*\d{4}", _FLAGS)
_PERCENT_AFTER = re.compile(rf"\s*(?:\(\s*{_P}\s*\)|,?\s*(?:chiếm|đạt|bằng)\s+(?:tỷ\s+lệ\s+)?{_P})", _FLAGS)


@dataclass(frozen=True, slots=True)
class Percent:
    """A percentage as written: value, its number of decimals and where it stands."""

    value: Decimal
    decimals: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure a text states: field is the dotted path of the statistic ("stats.membership.admitted").

    start/end: the phrase that states it; number_start/number_text: the figure itself as written.
    percent: a percentage written right after the count ("02 chi bộ … (15,4%)"), or None.
    """

    field: str
    value: int
    start: int
    end: int
    number_start: int
    number_text: str
    percent: Percent | None = None


@dataclass(frozen=True, slots=True)
class Ratio:
    """ "96/98 …, đạt 98,0%": part/whole and the percentage written for it."""

    part: int
    whole: int
    percent: Percent
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Compiled:
    phrasing: Phrasing
    pattern: re.Pattern[str]
    requires: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    anchors: frozenset[str]


def _compile(phrasing: Phrasing) -> _Compiled:
    requires = re.compile(phrasing.requires, _FLAGS) if phrasing.requires else None
    unless = re.compile(phrasing.unless, _FLAGS) if phrasing.unless else None
    return _Compiled(phrasing, re.compile(phrasing.regex, _FLAGS), requires, unless,
                     frozenset(phrasing.anchor.split("+")))


_COMPILED = tuple(_compile(p) for p in PHRASINGS)
# A sentence about commendations names the commended among the rated, not a rating level's count.
_COMMENDED = r"(?<!\w)(?:khen|tặng|biểu\s+dương|vinh\s+danh|đề\s+nghị)(?!\w)"
_LEVEL_PREFIX = r"(?:được\s+)?(?:đánh\s+giá,?\s+)?(?:xếp\s+loại\s+|đánh\s+giá\s+)?(?:đạt\s+)?(?:mức\s+)?[“\"]?"
_LEVEL_END = r"[”\"]?(?=\s*[(,;.:]|\s*$|\s+(?:và|trong\s+đó|chiếm|đạt|=)(?!\w))"


@cache
def _rating_phrasings(first_year: int) -> tuple[_Compiled, ...]:
    """ "02 chi bộ hoàn thành xuất sắc nhiệm vụ", "84 đồng chí hoàn thành tốt nhiệm vụ": that year's level names."""
    labels = labels_for(first_year)
    out = []
    for who, subject, names in (("organisations", r"(?:chi\s+bộ|tổ\s+chức\s+(?:cơ\s+sở\s+)?đảng)(?:\s+trực\s+thuộc)?",
                                 labels.organisation_levels),
                                ("members", _WHO, labels.member_levels)):
        for level in LEVELS:
            name = r"\s+".join(re.escape(word) for word in names[level].split())
            regex = rf"{_N}\s+{subject}\s+{_LEVEL_PREFIX}{name}{_LEVEL_END}"
            path = fields.stat(f"ratings.{who}.{level.value}").path
            out.append(_compile(Phrasing((path,), names[level].lower(), regex,
                                         unless=_COMMENDED)))
    return tuple(out)


@cache
def _levels_year(year: int | None) -> int:
    """The first year of the level names a report of year uses (the newest for None)."""
    return labels_for(year).first_year if year else 9999


def _count(text: str) -> int:
    return int(text.replace(".", ""))


def _percent(match: re.Match[str], group: int) -> Percent:
    text = match.group(group)
    value = Decimal(text.replace(",", "."))
    decimals = len(re.split(r"[.,]", text)[1]) if re.search(r"[.,]", text) else 0
    end = match.string.index("%", match.start(group)) + 1
    return Percent(value, decimals, match.start(group), end, match.string[match.start(group):end])


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) of each sentence of text; a period inside a number ("1.462") does not end one."""
    for match in _SENTENCE.finditer(text):
        if match.group(0).strip():
            yield match.start(), match.group(0)


def years_named(sentence: str) -> set[int]:
    """The years a sentence talks about: "năm 2025", "2025"; not those of dates or ranges ("2025 - 2030")."""
    if not _YEAR.search(sentence):
        return set()
    bare = _DATE_OR_RANGE.sub(" ", sentence)
    return {int(y) for y in _YEAR.findall(bare)}


def _readable(text: str, year: int | None, whole_body: bool, six_month: bool) -> Iterator[tuple[int, str, bool]]:
    """(offset, sentence, about the start) of each sentence of text that may state the period's figures."""
    for offset, sentence in sentences(text):
        if not _DIGIT.search(sentence):
            continue
        if year is not None and years_named(sentence) - {year}:
            continue
        if _OFF_PERIOD.search(sentence) or (whole_body and _NAMED_UNIT.search(sentence)):
            continue
        timing = _SINCE_START.sub(" ", _FULL_DATE.sub(" ", sentence))
        if six_month:
            timing = _HALF_YEAR.sub(" ", timing)
        if _SUB_PERIOD.search(timing):
            continue
        yield offset, sentence, bool(_AT_START.search(timing))


@cache
def _anchors(levels_year: int) -> tuple[frozenset[str], tuple[_Compiled, ...]]:
    """Every anchor of the phrasings of a report year, and those phrasings."""
    phrasings = _COMPILED + _rating_phrasings(levels_year)
    return frozenset(a for c in phrasings for a in c.anchors), phrasings


def _present(anchors: frozenset[str], text: str) -> frozenset[str]:
    words = " ".join(text.lower().split())
    return frozenset(a for a in anchors if a in words)


def find_claims(text: str, year: int | None = None, *, whole_body: bool = False,
                six_month: bool = False) -> tuple[Claim, ...]:
    """The figures text states, in order; overlapping phrasings of one field are kept once.

    year: the report's year; a sentence naming another year states nothing. None: years are not looked at.
    whole_body: the report is a đảng bộ's: a sentence naming one chi bộ ("Chi bộ Khoa Cơ khí …") states nothing.
    six_month: "6 tháng đầu năm" names the period itself, not its start.
    The answer is remembered: the linter runs after every edit, and most paragraphs have not changed.
    """
    return _find_claims(text, year, whole_body, six_month)


@lru_cache(maxsize=4096)
def _find_claims(text: str, year: int | None, whole_body: bool, six_month: bool) -> tuple[Claim, ...]:
    text = unicodedata.normalize("NFC", text)
    if not _DIGIT.search(text):
        return ()
    claims: dict[tuple[str, int], Claim] = {}
    anchors, every = _anchors(_levels_year(year))
    present = _present(anchors, text)
    phrasings = [c for c in every if c.anchors <= present]
    if not phrasings:
        return ()
    for offset, sentence, at_start in _readable(text, year, whole_body, six_month):
        here = _present(present, sentence)
        for compiled in phrasings:
            if not compiled.anchors <= here or (compiled.phrasing.stock and at_start):
                continue
            if compiled.requires is not None and not compiled.requires.search(sentence):
                continue
            if compiled.unless is not None and compiled.unless.search(sentence):
                continue
            for match in compiled.pattern.finditer(sentence):
                if _PLANNED.search(sentence[max(0, match.start() - 20):match.start()]):
                    continue
                after = _PERCENT_AFTER.match(sentence, match.end())
                for index, field in enumerate(compiled.phrasing.fields, start=1):
                    number = match.group(index)
                    if number is None:
                        continue
                    percent = None
                    if after is not None and index == len(compiled.phrasing.fields):
                        found = _percent(after, 1 if after.group(1) else 2)
                        percent = Percent(found.value, found.decimals, offset + found.start, offset + found.end,
                                          found.text)
                    claim = Claim(field, _count(number), offset + match.start(), offset + match.end(),
                                  offset + match.start(index), number, percent)
                    claims.setdefault((field, claim.number_start), claim)
    return tuple(sorted(claims.values(), key=lambda c: (c.number_start, c.field)))


@dataclass(frozen=True, slots=True)
class Share:
    """ "đảng viên nữ chiếm 41,8%": the percentage of part in whole (dotted paths of statistics) a text states."""

    part: str
    whole: str
    percent: Percent
    start: int
    end: int


# Percentages of the statistics written without their count: (phrasing, the part, the whole).
SHARES: tuple[tuple[str, str, str], ...] = (
    (rf"đảng\s+viên\s+nữ\s+(?:chiếm|đạt|là)\s+(?:tỷ\s+lệ\s+)?{_P}", M + "female", M + "closing_total"),
    (rf"(?:tỷ\s+lệ\s+)?đảng\s+viên\s+nữ\s*(?:=|:)\s*{_P}", M + "female", M + "closing_total"),
    # "Tổng số đảng viên … chiếm 80% tổng số cán bộ, giáo viên": the members' share of the unit's staff.
    (rf"đảng\s+viên(?!\s+nữ)[^;%]{{0,60}}?\bchiếm\s+(?:tỷ\s+lệ\s+)?{_P}\s+(?:tổng\s+)?(?:số\s+)?"
     rf"(?:cán\s+bộ|công\s+chức|viên\s+chức|giáo\s+viên|người\s+lao\s+động)", M + "closing_total",
     "stats.unit.staff"),
    (rf"đảng\s+viên(?!\s+nữ)[^;%]{{0,60}}?\bchiếm\s+(?:tỷ\s+lệ\s+)?{_P}\s+(?:tổng\s+)?dân\s+số",
     M + "closing_total", "stats.unit.population"),
)
_SHARES = tuple((re.compile(regex, _FLAGS), part, whole) for regex, part, whole in SHARES)


def find_shares(text: str, year: int | None = None, *, whole_body: bool = False,
                six_month: bool = False) -> list[Share]:
    """The percentages of SHARES text states, read as find_claims() reads counts."""
    text = unicodedata.normalize("NFC", text)
    if "%" not in text:
        return []
    out = []
    for offset, sentence, at_start in _readable(text, year, whole_body, six_month):
        if at_start:
            continue
        for pattern, part, whole in _SHARES:
            for match in pattern.finditer(sentence):
                found = _percent(match, 1)
                out.append(Share(part, whole, Percent(found.value, found.decimals, offset + found.start,
                                                      offset + found.end, found.text),
                                 offset + match.start(), offset + match.end()))
    return out


# Between the fraction and its percentage: a few words, at most one comma right before "đạt", never "trong đó"
# ("5/5 chỉ tiêu, trong đó chỉ tiêu kết nạp đạt 200%" gives the percentage of something else).
_RATIO = re.compile(rf"(?<![\d/.,])(\d+)\s*/\s*(\d+)(?![\d/]|[.,]\d)((?:(?!trong\s+đó)[^;%/\d,]){{0,50}}?,?\s*)"
                    rf"(?:=|\bđạt|\bchiếm|\bbằng|\btỷ\s+lệ|\()\s*(?:tỷ\s+lệ\s*)?{_P}", _FLAGS)


def find_ratios(text: str) -> list[Ratio]:
    """Every "x/y …, đạt z%" or "x/y = z%" of text whose y is not 0."""
    text = unicodedata.normalize("NFC", text)
    if "/" not in text or "%" not in text:
        return []
    out = []
    for match in _RATIO.finditer(text):
        part, whole = int(match.group(1)), int(match.group(2))
        if whole:
            out.append(Ratio(part, whole, _percent(match, 4), match.start(), match.end()))
    return out


def percent_agrees(written: Percent, part: int, whole: int, *, shares: tuple[Decimal, ...] = ()) -> bool:
    """Whether a written percentage is part/whole at the precision it is written with (or one of shares)."""
    if whole <= 0:
        return True
    exact = Decimal(part) * 100 / Decimal(whole)
    step = Decimal(1).scaleb(-written.decimals)
    candidates = {exact.quantize(step, rounding=ROUND_HALF_UP), *(s.quantize(step, rounding=ROUND_HALF_UP)
                                                                  for s in shares)}
    return written.value in candidates


# Count nouns: "2 đảng viên" is a count; "6 tháng", "năm 2026", "Điều 5" are not.
_COUNT_NOUNS = (r"đảng\s+viên|đồng\s+chí|chi\s+bộ|tổ\s+chức|đảng\s+bộ|quần\s+chúng|nghị\s+quyết|chỉ\s+thị|văn\s+bản|"
                r"lần|đợt|cuộc|lớp|tập\s+thể|cá\s+nhân|đơn\s+vị|người|việc|chỉ\s+tiêu|học\s+sinh|sinh\s+viên|"
                r"hội\s+nghị|buổi|chuyên\s+đề|đơn|vụ\s+việc|trường\s+hợp|khoa|phòng|tổ")
_NUMBER_RUN = re.compile(r"\d+")
_COUNT_NOUN_AFTER = re.compile(rf"\s+(?:{_COUNT_NOUNS})(?!\w)", _FLAGS)
_NOT_BEFORE_COUNT = frozenset(".,/%-")
_NOT_AFTER_COUNT = frozenset(".,/%")


def unpadded_counts(text: str, pad: bool) -> list[tuple[int, str, str]]:
    """(start, written, as the report writes it) of each count 1–9 written the other way than pad says, with its noun.

    A count is "2" or "02" standing alone before a count noun ("2 đảng viên", "02 lần"); "6 tháng",
    "Điều 5", "12/12" and "1,5" are not counts.
    """
    out = []
    for match in _NUMBER_RUN.finditer(text):
        written = match.group(0)
        if written not in _SMALL or _SMALL[written] == pad:
            continue
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or before in _NOT_BEFORE_COUNT or after.isalnum() or after in _NOT_AFTER_COUNT:
            continue
        noun = _COUNT_NOUN_AFTER.match(text, end)
        if noun:
            out.append((start, written + noun.group(0), numfmt.count(int(written), pad=pad) + noun.group(0)))
    return out


# "2" → written unpadded, "02" → written padded; only counts 1–9.
_SMALL = {**{str(n): False for n in range(1, 10)}, **{f"0{n}": True for n in range(1, 10)}}


_PERIOD_PHRASES = re.compile(
    r"(?<!\w)(?P<school>năm\s+học\s+(?P<s1>\d{4})\s*[-–]\s*(?P<s2>\d{4}))"
    r"|(?<!\w)(?P<half>(?:6|06|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm\s+(?P<h>\d{4}))"
    r"|(?<!\w)(?P<year>năm\s+(?P<y>\d{4}))(?!\s*[-–]\s*\d{4})", _FLAGS)
_NOT_THE_PERIOD = re.compile(r"(?:so\s+với(?:\s+cùng\s+kỳ)?|tháng\s+\d{1,2}|từ|kể\s+từ|thành\s+lập)\s*$", _FLAGS)


def previous_period(text: str, year: int) -> list[str]:
    """Phrases naming the period before a report of year: "năm 2025", "năm học 2024 - 2025", "6 tháng đầu năm 2025".

    Dates ("ngày 10 tháng 11 năm 2025"), comparisons ("so với năm 2025") and "từ năm 2025" are not counted.
    """
    if not _YEAR.search(text):
        return []
    out = []
    for match in _PERIOD_PHRASES.finditer(text):
        if _NOT_THE_PERIOD.search(text[max(0, match.start() - 20):match.start()]):
            continue
        if match.group("school"):
            old = int(match.group("s2")) < year
        else:
            old = int(match.group("h") or match.group("y")) == year - 1
        if old:
            out.append(match.group(0))
    return list(dict.fromkeys(out))


# The checks.

Describe = Callable[[Report, str], str]
# The statistics a percentage after a count is taken of: the rated ones for ratings, the members otherwise.
_WHOLE: dict[str, Callable[[Report], int]] = {
    M + "female": lambda r: r.stats.membership.closing_total,
    M + "closing_official": lambda r: r.stats.membership.closing_total,
    M + "closing_probationary": lambda r: r.stats.membership.closing_total,
    **{fields.stat(f"ratings.organisations.{lv.value}").path: (lambda r: r.stats.ratings.organisations.rated)
       for lv in LEVELS},
    **{fields.stat(f"ratings.members.{lv.value}").path: (lambda r: r.stats.ratings.members.rated) for lv in LEVELS},
}
# Some write a level's share of all the units, the unrated included: that whole is accepted too.
_OTHER_WHOLE: dict[str, Callable[[Report], int]] = {
    **{fields.stat(f"ratings.organisations.{lv.value}").path: (lambda r: r.stats.ratings.organisations.total)
       for lv in LEVELS},
    **{fields.stat(f"ratings.members.{lv.value}").path: (lambda r: r.stats.ratings.members.total) for lv in LEVELS},
}


def stat_value(report: Report, path: str) -> int:
    """The statistic a dotted path "stats.membership.admitted" names."""
    value = fields.parse(path).get(report)
    assert isinstance(value, int)
    return value


def _entered(report: Report, path: str) -> bool:
    """Whether the statistics of path's group were filled in at all; 0 in an empty group means "not entered"."""
    s = report.stats
    if path.startswith(M):
        return not s.membership.is_empty
    ref = fields.parse(path)
    if ref.parts[1] == "ratings":
        counts: RatingCounts = getattr(s.ratings, str(ref.parts[2]))
        return not counts.is_empty
    if path.startswith(INS):
        i = s.inspection
        return any(not getattr(i, n).is_empty for n in ("scheduled", "topical_supervision", "violation_signs",
                                                        "regular_supervision")) or i.members_violating > 0
    if ref.parts[1] == "discipline":
        return True  # a generated sentence prints "không có đảng viên bị thi hành kỷ luật" for 0
    if ref == Field.UNITS:
        return s.units > 0
    if path in (L + "study_participants", L + "study_members"):
        return s.party_life.study_members > 0
    if path in (L + "meetings_held", L + "meetings_required"):
        return s.party_life.meetings_held > 0
    return stat_value(report, path) > 0


_FORWARD = frozenset({"phan_2", "phuong_huong", "chi_tieu", "nhiem_vu_giai_phap", "de_xuat"})


@dataclass(frozen=True, slots=True)
class _Place:
    path: str            # "sections.0.children.3.entries.1.text"
    section: Section
    entry: Entry
    forward: bool        # in the part about the next period


def _places(sections: list[Section], indexes: tuple[int, ...] = (), forward: bool = False) -> Iterator[_Place]:
    for index, section in enumerate(sections):
        here = (*indexes, index)
        ahead = forward or section.key in _FORWARD
        for number, entry in enumerate(section.entries):
            yield _Place(fields.section_entry(here, number).path, section, entry, ahead)
        yield from _places(section.children, here, ahead)


def _is_hers(entry: Entry) -> bool:
    """Her text: typed, or a generated sentence she edited (it no longer follows the figures)."""
    if entry.kind is EntryKind.TABLE:
        return False
    return not entry.source or entry.state is EntryState.EDITED


def _is_auto(entry: Entry) -> bool:
    """A generated sentence that still follows the figures and prints."""
    return bool(entry.source) and entry.state is EntryState.AUTO and entry.kind is not EntryKind.TABLE


def _quote(text: str, start: int, end: int, margin: int = 12) -> str:
    left, right = max(0, start - margin), min(len(text), end + margin)
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and not text[right].isspace():
        right += 1
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def check_report(report: Report, describe: Describe) -> Iterator[Finding]:
    """Every finding about the figures, percentages, counts and periods her text states (see the module doc)."""
    whole_body = report.stats.units > 0 or report.organisation.kind.has_sub_units
    six_month = report.kind is ReportKind.SIX_MONTH
    places = list(_places(report.sections))
    claims_of: dict[str, tuple[Claim, ...]] = {}
    for place in places:
        if (_is_hers(place.entry) and not place.forward) or _is_auto(place.entry):
            claims_of[place.path] = find_claims(place.entry.text, report.year, whole_body=whole_body,
                                                six_month=six_month)
    for place in places:
        if not _is_hers(place.entry):
            continue
        text = unicodedata.normalize("NFC", place.entry.text)
        if not place.forward:
            yield from _contradictions(report, describe, place, claims_of[place.path])
            yield from _wrong_shares(report, describe, place, whole_body, six_month)
        yield from _ratios(report, describe, place)
        yield from _padding(report, describe, place)
        yield from _previous_period(report, describe, place.path, text)
    yield from _said_twice(report, describe, places, claims_of)
    for ref, text in ((Field.TITLE, report.title), (Field.BASIS, report.basis)):
        yield from _previous_period(report, describe, ref.path, text)


def _previous_period(report: Report, describe: Describe, path: str, text: str) -> Iterator[Finding]:
    """A mid-term or congress report covers the years since the congress: earlier years of the term are its own."""
    term = report.period.kind in (PeriodKind.TERM_SO_FAR, PeriodKind.WHOLE_TERM)
    phrases = previous_period(text, report.year) if not term else []
    if phrases:
        yield _finding("text.previous_period", Severity.INFO, report, describe, path, _(
            "{phrases} names the previous period: this text may have been copied from last year's report. "
            "Review it and write the figures and the period of {year}.").format(
                phrases=", ".join(f"“{p}”" for p in phrases), year=report.year))


def _finding(code: str, severity: Severity, report: Report, describe: Describe, path: str, message: str,
             fix: Fix | None = None, others: tuple[str, ...] = ()) -> Finding:
    where = describe(report, path)
    return Finding(code, severity, (path, *others), _("In {where}: {problem}").format(where=where, problem=message),
                   fix)


def _contradictions(report: Report, describe: Describe, place: _Place,
                    claims: tuple[Claim, ...]) -> Iterator[Finding]:
    text = unicodedata.normalize("NFC", place.entry.text)
    # A figure of an edited sentence that its generated basis stated too went stale with the figures: the
    # drafting's own finding (drafting.stale_number) says so, with the new sentence.
    basis = place.entry.basis
    inherited = {(c.field, c.value) for c in find_claims(basis, report.year)} if basis else set()
    for claim in claims:
        if not _entered(report, claim.field) or (claim.field, claim.value) in inherited:
            continue
        held = stat_value(report, claim.field)
        if claim.value != held:
            yield _finding("text.figure_mismatch", Severity.ERROR, report, describe, place.path, _(
                "“{found}” says {written}, but the statistics hold {held} ({field}): the report contradicts itself. "
                "Change the text or the figure so that they agree.").format(
                    found=_quote(text, claim.start, claim.end), written=claim.number_text,
                    held=numfmt.count(held, pad=report.settings.pad_counts), field=stat_label(claim.field)),
                others=(claim.field,))
            continue
        whole_of = _WHOLE.get(claim.field)
        if claim.percent is None or whole_of is None:
            continue
        whole = whole_of(report)
        shares: tuple[Decimal, ...] = ()
        ref = fields.parse(claim.field)
        if ref.parts[1] == "ratings":
            counts: RatingCounts = getattr(report.stats.ratings, str(ref.parts[2]))
            share = (counts.shares() or {}).get(next(lv for lv in LEVELS if ref.parts[-1] == lv.value))
            shares = (share,) if share is not None else ()
        other = _OTHER_WHOLE.get(claim.field)
        if other is not None and percent_agrees(claim.percent, claim.value, other(report)):
            continue
        if whole and not percent_agrees(claim.percent, claim.value, whole, shares=shares):
            right = _right_percent(claim.percent, claim.value, whole)
            yield _finding("text.percent_wrong", Severity.ERROR, report, describe, place.path, _(
                "“{found}”: {part} of {whole} is {right}, not {written}. Write {right}.").format(
                    found=_quote(text, claim.start, claim.percent.end), part=claim.number_text,
                    whole=numfmt.number(whole), right=right, written=claim.percent.text),
                fix=_percent_fix(place.path, text, claim.percent, right))


def _wrong_shares(report: Report, describe: Describe, place: _Place, whole_body: bool,
                  six_month: bool) -> Iterator[Finding]:
    text = unicodedata.normalize("NFC", place.entry.text)
    for share in find_shares(text, report.year, whole_body=whole_body, six_month=six_month):
        part, whole = stat_value(report, share.part), stat_value(report, share.whole)
        if not _entered(report, share.part) or not whole or percent_agrees(share.percent, part, whole):
            continue
        right = _right_percent(share.percent, part, whole)
        yield _finding("text.figure_mismatch", Severity.ERROR, report, describe, place.path, _(
            "“{found}” says {written}, but the statistics make it {right} ({part_name} {part} of {whole_name} "
            "{whole}): the report contradicts itself. Write {right}, or correct the figures.").format(
                found=_quote(text, share.start, share.end), written=share.percent.text, right=right,
                part_name=stat_label(share.part), part=numfmt.number(part), whole_name=stat_label(share.whole),
                whole=numfmt.number(whole)),
            fix=_percent_fix(place.path, text, share.percent, right), others=(share.part, share.whole))


def _right_percent(written: Percent, part: int, whole: int) -> str:
    """part/whole as the report writes it: "80%" for 28/35 written "46%", "80,0%" when written with decimals."""
    if written.decimals:
        return numfmt.percent_value(numbers.percent(part, whole) or Decimal(0), decimals=True)
    return numfmt.percent_of(part, whole)


def _percent_fix(path: str, text: str, percent: Percent, right: str) -> Fix:
    written = text[percent.start:text.index("%", percent.start) + 1]
    return Fix(path, percent.start, written, right)


def _ratios(report: Report, describe: Describe, place: _Place) -> Iterator[Finding]:
    text = unicodedata.normalize("NFC", place.entry.text)
    for ratio in find_ratios(text):
        if percent_agrees(ratio.percent, ratio.part, ratio.whole):
            continue
        right = _right_percent(ratio.percent, ratio.part, ratio.whole)
        yield _finding("text.ratio_wrong", Severity.ERROR, report, describe, place.path, _(
            "“{found}”: {part}/{whole} is {right}, not {written}. Write {right}.").format(
                found=_quote(text, ratio.start, ratio.end), part=ratio.part, whole=ratio.whole, right=right,
                written=ratio.percent.text),
            fix=_percent_fix(place.path, text, ratio.percent, right))


def _padding(report: Report, describe: Describe, place: _Place) -> Iterator[Finding]:
    pad = report.settings.pad_counts
    for start, old, new in unpadded_counts(place.entry.text, pad):
        if pad:
            message = _("write “{fixed}” for “{found}”: this report writes counts from 1 to 9 as 01 to 09.")
        else:
            message = _("write “{fixed}” for “{found}”: this report writes counts from 1 to 9 without a leading zero.")
        yield _finding("text.count_padding", Severity.INFO, report, describe, place.path,
                       message.format(fixed=new, found=old), fix=Fix(place.path, start, old, new))


def _said_twice(report: Report, describe: Describe, places: list[_Place],
                claims_of: dict[str, tuple[Claim, ...]]) -> Iterator[Finding]:
    by_section: dict[int, list[_Place]] = {}
    for place in places:
        by_section.setdefault(id(place.section), []).append(place)
    for group in by_section.values():
        generated = [p for p in group if _is_auto(p.entry) and claims_of.get(p.path)]
        if not generated:
            continue
        for hers in group:
            if not _is_hers(hers.entry) or not claims_of.get(hers.path):
                continue
            for gen in generated:
                facts = {(c.field, c.value) for c in claims_of[gen.path]}
                shared = [c for c in claims_of[hers.path] if (c.field, c.value) in facts]
                if not shared:
                    continue
                text = hers.entry.text
                yield _finding("text.said_twice", Severity.WARNING, report, describe, hers.path, _(
                    "{found} repeats what the generated sentence in {other} already says (“{generated}”): "
                    "the report says it twice. Remove one: the figures from this text, or the generated sentence."
                ).format(found=", ".join(f"“{text[c.start:c.end]}”" for c in shared),
                         other=describe(report, gen.path), generated=_quote(gen.entry.text, 0, 60, 0)),
                    others=(gen.path,))

