"""The render sweep: generate reports from the JSON Schema, import each, print every one the reader accepts.

    .venv/bin/python tests/fuzz/run_render_sweep.py --count 10000 [--seed N] [--mutated] [--code DIR]

Counts what happened to each generated document: refused by the reader with a message (UserError), accepted,
rendered (.docx written and reopened, preview built), refused by the renderer with a message, or failed with a
traceback; failures are grouped by cause (the exception and the innermost frame in app/), the first traceback of
each shown. --mutated sweeps damaged documents through the reader instead (no rendering). Exit status 1 when
anything failed with a traceback.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
# --code DIR: sweep the app of another tree (an export of an older commit: app/, resources/, templates/), to
# measure before and after a fix with the same generated documents (same --seed).
if "--code" in sys.argv:
    CODE = Path(sys.argv[sys.argv.index("--code") + 1]).resolve()
    sys.path.insert(0, str(CODE))
else:
    CODE = ROOT

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from app import i18n  # noqa: E402
from app.domain.errors import UserError  # noqa: E402
from app.services.interchange import loads_report  # noqa: E402
from tests.fuzz.harness import envelope_text, render_everywhere  # noqa: E402
from tests.fuzz.strategies import documents, mutated_documents  # noqa: E402


def _cause(exc: BaseException) -> str:
    """ "KeyError in app/services/interchange.py:161 _upgraded": the exception and where in the app it arose."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f"{CODE}/app/" in f.filename]
    where = f" in {Path(frames[-1].filename).relative_to(CODE)}:{frames[-1].lineno} {frames[-1].name}" if frames else ""
    return f"{type(exc).__name__}{where}"


class Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.refusals: Counter[str] = Counter()
        self.failures: Counter[str] = Counter()
        self.first: dict[str, str] = {}

    def failed(self, stage: str, exc: BaseException) -> None:
        cause = f"{stage}: {_cause(exc)}"
        self.counts[f"{stage} failed"] += 1
        self.failures[cause] += 1
        self.first.setdefault(cause, "".join(traceback.format_exception(exc)))

    def line(self) -> str:
        c = self.counts
        failed = c["import failed"] + c["render failed"]
        return (f"generated {c['generated']}, accepted {c['accepted']}, rendered {c['rendered']}, failed {failed} "
                f"(import {c['import failed']}, render {c['render failed']}); refused with a message: "
                f"import {c['import refused']}, render {c['render refused']}")

    def refused(self, stage: str, exc: UserError) -> None:
        self.counts[f"{stage} refused"] += 1
        self.refusals[f"{stage}: {str(exc).splitlines()[0][:90]}"] += 1


def sweep(count: int, seed_value: int, mutated: bool, folder: Path, tally: Tally, progress: int) -> None:
    started = time.monotonic()
    strategy = mutated_documents() if mutated else documents().map(envelope_text)

    @seed(seed_value)
    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def run(data: st.DataObject) -> None:
        text = data.draw(strategy)
        tally.counts["generated"] += 1
        if progress and tally.counts["generated"] % progress == 0:
            print(f"{time.monotonic() - started:6.0f} s  {tally.line()}", flush=True)
        try:
            report = loads_report(text)
        except UserError as exc:
            tally.refused("import", exc)
            return
        except Exception as exc:  # noqa: BLE001 - counted: what the sweep is for
            tally.failed("import", exc)
            return
        tally.counts["accepted"] += 1
        if mutated:
            return
        try:
            render_everywhere(report, folder)
        except UserError as exc:
            tally.refused("render", exc)
            return
        except Exception as exc:  # noqa: BLE001
            tally.failed("render", exc)
            return
        tally.counts["rendered"] += 1

    run()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mutated", action="store_true")
    parser.add_argument("--shown", type=int, default=3, help="tracebacks shown (one per cause)")
    parser.add_argument("--progress", type=int, default=250, help="print the counts every N documents (0: never)")
    parser.add_argument("--code", help="a tree whose app/ to sweep instead of this one's")
    args = parser.parse_args()
    i18n.set_language("en")
    started = time.monotonic()
    tally = Tally()
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # kill PID: the counts so far, then stop
    with tempfile.TemporaryDirectory() as folder:
        try:
            sweep(args.count, args.seed, args.mutated, Path(folder), tally, args.progress)
        except KeyboardInterrupt:
            print("interrupted: the counts so far")
    import app

    print(f"{tally.line()}; {time.monotonic() - started:.0f} s; app from {Path(app.__file__).parent}")
    for title, counter in (("refusals", tally.refusals), ("failures", tally.failures)):
        if counter:
            print(f"\n{title} by cause:")
            for cause, n in counter.most_common(15):
                print(f"  {n:6}  {cause}")
    for cause, _n in tally.failures.most_common(args.shown):
        print(f"\n--- first traceback of {cause}\n{tally.first[cause]}")
    return 1 if tally.counts["import failed"] + tally.counts["render failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
