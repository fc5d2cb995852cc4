"""Typing a section: lines become paragraphs and bullets, and back."""

from hypothesis import given
from hypothesis import strategies as st

from app.domain.report import Entry, EntryKind
from app.domain.section_text import entries_from_text, text_from_entries

# The kinds she can type; tables are generated only.
TYPED_KINDS = [EntryKind.PARAGRAPH, EntryKind.BULLET, EntryKind.SUB_BULLET]


def test_dash_and_plus_lines_become_bullets_and_sub_bullets():
    entries = entries_from_text("Mở đầu.\n- Một\n+ Một a\n\n– Hai\n• Ba")
    assert [(e.kind, e.text) for e in entries] == [
        (EntryKind.PARAGRAPH, "Mở đầu."), (EntryKind.BULLET, "Một"), (EntryKind.SUB_BULLET, "Một a"),
        (EntryKind.BULLET, "Hai"), (EntryKind.BULLET, "Ba"),
    ]


def test_a_lone_dash_is_no_entry():
    assert entries_from_text("-  \n") == []


def test_a_hyphen_inside_a_line_is_text():
    assert entries_from_text("nhiệm kỳ 2025 - 2030")[0].kind is EntryKind.PARAGRAPH


line = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40)
entry = st.builds(Entry, line.map(str.strip).filter(lambda s: s and s[:2] not in ("- ", "+ ", "– ", "• ") and s not in ("-", "+", "–", "•")),
                  st.sampled_from(TYPED_KINDS))


@given(st.lists(entry, max_size=8))
def test_text_round_trips_to_the_same_entries(entries):
    again = entries_from_text(text_from_entries(entries))
    assert [(e.kind, e.text) for e in again] == [(e.kind, e.text) for e in entries]
