"""Benchmark: spell checking the whole demo report against a plain regex tokenisation of the same text.

Run as `.venv/bin/python tests/perf/bench_spelling.py [--runs 5]`. Prints the time to load the vi_VN dictionary,
the first (cold) check of every text of the demo reports, a warm check (each word's result kept, as the editor
keeps it), the regex baseline, and the ratios cold/regex and warm/regex. Also the worst single lookup, which is
what a keystroke may wait for on the spelling thread.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.demo import DemoKind, demo_report
from app.domain.spelling import ToneStyle
from app.services.spelling import dictionary_base, load_checker

_WORD = re.compile(r"\w+")


def demo_texts() -> list[str]:
    texts = []
    for kind in DemoKind:
        report = demo_report(kind)
        texts += [e.text for s in report.walk_sections() for e in s.entries]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if dictionary_base() is None:
        sys.exit("no vi_VN Hunspell dictionary (apt-get install hunspell-vi)")
    texts = demo_texts()
    words = sum(len(_WORD.findall(t)) for t in texts)
    regex, cold, warm, load = [], [], [], []
    for _run in range(args.runs):
        start = time.perf_counter()
        checker = load_checker(ToneStyle.NEW, data_dir=Path("/nonexistent"))
        load.append(time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            _WORD.findall(text)
        regex.append(time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            checker.misspelt(text)
        cold.append(time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            checker.misspelt(text)
        warm.append(time.perf_counter() - start)
    fresh = load_checker(ToneStyle.NEW, data_dir=Path("/nonexistent"))
    worst = 0.0
    for word in {w for t in texts for w in _WORD.findall(t)}:
        start = time.perf_counter()
        fresh.is_correct(word)
        worst = max(worst, time.perf_counter() - start)
    r, c, w = statistics.median(regex), statistics.median(cold), statistics.median(warm)
    print(f"{len(texts)} texts, {words} words; median of {args.runs} runs")
    print(f"load dictionary {statistics.median(load) * 1000:.0f} ms")
    print(f"regex tokenisation {r * 1000:.2f} ms")
    print(f"spell check cold  {c * 1000:.1f} ms  ratio {c / r:.0f}x")
    print(f"spell check warm  {w * 1000:.2f} ms  ratio {w / r:.1f}x")
    print(f"slowest single word lookup {worst * 1000:.2f} ms")


if __name__ == "__main__":
    main()
