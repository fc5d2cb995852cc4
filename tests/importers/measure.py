"""How well the reader recognises the hand-typed reports of word_fixtures: headings, paragraphs and figures.

`python -m tests.importers.measure` writes the reports to a temporary folder, reads each back and prints a table
per file and in total. tests/importers/test_word_report.py asserts the same figures.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from app.importers.word_report import Reading, read_word_report
from tests.importers.word_fixtures import SPECS, Spec, build, expected_headings, expected_paragraphs


@dataclass
class Row:
    name: str
    headings: int
    recognised: int
    matched: int
    paragraphs: int
    recovered: int
    figures: int
    figures_found: int
    figures_wrong: int

    def cells(self) -> list[str]:
        return [self.name, f"{self.recognised}/{self.headings}", f"{self.matched}/{self.headings}",
                f"{self.recovered}/{self.paragraphs}", f"{self.figures_found}/{self.figures}", str(self.figures_wrong)]


def recovered_texts(reading: Reading) -> list[str]:
    """The basis and the text of every entry of the report read, in order."""
    texts = [reading.report.basis] if reading.report.basis else []
    texts.extend(e.text for s in reading.report.walk_sections() for e in s.entries)
    return texts


def measure(spec: Spec, reading: Reading) -> Row:
    headings = expected_headings(spec)
    recognised = matched = 0
    found = list(reading.headings)
    for text, key in headings:
        heading = next((h for h in found if h.text.rstrip(": ").endswith(text)), None)
        if heading is None:
            continue
        found.remove(heading)
        recognised += 1
        if (heading.key == key) if key is not None else not heading.matched:
            matched += 1
    want = Counter(expected_paragraphs(spec))
    got = Counter(recovered_texts(reading))
    recovered = sum(min(n, got[t]) for t, n in want.items())
    proposed = {(p.field, p.value) for p in reading.proposals}
    return Row(spec.name, len(headings), recognised, matched, sum(want.values()), recovered, len(spec.figures),
               len(proposed & spec.figures), len(proposed - spec.figures))


def measure_all(folder: Path) -> list[Row]:
    return [measure(spec, read_word_report(build(spec, folder / f"{spec.name}.docx"))) for spec in SPECS]


def total(rows: list[Row]) -> Row:
    fields = ("headings", "recognised", "matched", "paragraphs", "recovered", "figures", "figures_found",
              "figures_wrong")
    return Row("total", *(sum(getattr(r, f) for r in rows) for f in fields))


def table(rows: list[Row]) -> str:
    header = ["file", "headings found", "matched", "paragraphs", "figures", "wrong figures"]
    lines = [header, *(r.cells() for r in rows), total(rows).cells()]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        print(table(measure_all(Path(tmp))))
