r"""Smoke-test a built bundle away from the source tree, and time its start-up against the source.

    .venv/bin/python packaging/smoke_test.py [--bundle dist/tongket] [--repeat 5] [--max-size-mb 190]
    python packaging\smoke_test.py --bundle dist\tongket --user-data --installer dist\installer\TongKet-X-setup.exe


The bundle is copied to a temporary folder and run from there with a clean environment, the working folder
elsewhere and TONGKET_DATA_DIR pointing at a temporary folder, so that nothing can come from the source tree.
It checks the command line (version, render, check, import, list, schema, the Vietnamese catalog), every shared
library's dependencies (Linux), and the window started offscreen with --smoke-test (skipped while the source
has no app/gui/application.py). It then prints the bundle size and the start-up times of the bundle and of the
source, medians of --repeat runs, and their ratios, with the start of a bare interpreter (`python -c pass`)
as a second baseline. Exit status 1 when any check failed.

On Windows, for a fresh machine (a CI runner, a throwaway Wine prefix), two options use the user's real
folders: --user-data imports and lists through a new database in %LOCALAPPDATA%\TongKet, as the offices'
program does; --installer SETUP.exe installs silently, runs the installed programs from
%LOCALAPPDATA%\Programs\TongKet, uninstalls, and checks that the user's database is still there. Both
refuse to run where Tổng Kết data or an installed Tổng Kết already exists.

Runs on Linux, on Windows and under Wine, with the standard library only.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
GUI_MODULE = ROOT / "app" / "gui" / "application.py"
TIMEOUT = 60  # seconds for one command; the GUI smoke test should take about 2 s


def expected_version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit("cannot read __version__ from app/__init__.py")
    return match.group(1)


class Failed(Exception):
    """A check did not pass; the message says what was seen."""


class Skipped(Exception):
    """A check could not run here; the message says why."""


class Run:
    """The result of one command: status, output and how long it took."""

    def __init__(self, args: Sequence[str], returncode: int, stdout: str, stderr: str, seconds: float,
                 raw_stdout: bytes = b"") -> None:
        self.args, self.returncode, self.stdout, self.stderr, self.seconds = args, returncode, stdout, stderr, seconds
        self.raw_stdout = raw_stdout  # stdout as the program wrote it

    def expect(self, *statuses: int) -> Run:
        """This run, when it ended with one of statuses (default 0); else Failed with its output."""
        wanted = statuses or (0,)
        if self.returncode not in wanted:
            expected = " or ".join(str(s) for s in wanted)
            raise Failed(f"exit status {self.returncode}, expected {expected}\n{self.output()}")
        return self

    def output(self) -> str:
        text = (self.stdout + self.stderr).strip()
        return "\n".join("      | " + line for line in text.splitlines()[-25:])


def clean_env(home: Path, data: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """An environment with nothing from this shell but what the OS needs, and the data folder set."""
    env = {
        "HOME": str(home),
        "TONGKET_DATA_DIR": str(data),
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    if WINDOWS:
        # The user's folders stay the real ones: Windows gives programs %LOCALAPPDATA% from the user's
        # profile whatever the environment says, and only --user-data and --installer use it.
        for name in ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT", "TEMP", "TMP", "USERPROFILE",
                     "LOCALAPPDATA", "APPDATA", "USERNAME",
                     "DISPLAY"):  # under Wine, windows (the installer's) need the X display
            if name in os.environ:
                env[name] = os.environ[name]
        env["PATH"] = os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32")
    else:
        env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
        env["XDG_RUNTIME_DIR"] = str(home / "runtime")
        (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(extra or {})
    return env


def run(args: Sequence[str | Path], cwd: Path, env: dict[str, str], timeout: float = TIMEOUT) -> Run:
    """Run a program with its output through pipes; Failed when it does not end in time."""
    argv = [str(a) for a in args]
    start = time.perf_counter()
    try:
        done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise Failed(f"still running after {timeout:.0f} s: {' '.join(argv)}") from exc
    def text(data: bytes) -> str:
        return data.decode("utf-8", "replace").replace("\r\n", "\n")

    return Run(argv, done.returncode, text(done.stdout), text(done.stderr), time.perf_counter() - start, done.stdout)


def vietnamese_letters(text: str) -> int:
    """How many letters of Vietnamese's own block (ạ … ỹ, U+1EA0–U+1EF9) and đ/Đ/ơ/ư text holds."""
    return sum(1 for c in text if "\u1ea0" <= c <= "\u1ef9" or c in "đĐơƠưƯ")


def folder_size(folder: Path) -> int:
    """Bytes of the files under folder, links not followed (what du counts)."""
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                total += os.path.getsize(path)
    return total


class SmokeTest:
    def __init__(self, bundle: Path, work: Path, python: Path) -> None:
        self.source_bundle = bundle
        self.python = python
        self.bundle = work / "bundle" / bundle.name  # the copy that runs
        self.home = work / "home"
        self.data = work / "data"
        self.cwd = work / "cwd"
        for folder in (self.home, self.data, self.cwd):
            folder.mkdir(parents=True)
        self.env = clean_env(self.home, self.data)
        self.results: list[tuple[str, str, str]] = []  # (status, name, detail)

    @property
    def cli(self) -> Path:
        return self.bundle / f"tongket-cli{EXE}"

    @property
    def gui(self) -> Path:
        return self.bundle / f"tongket{EXE}"

    def check(self, name: str, fn: Callable[[], str | None]) -> None:
        try:
            detail = fn() or ""
        except Failed as exc:
            self.results.append(("FAIL", name, str(exc)))
        except Skipped as exc:
            self.results.append(("skip", name, str(exc)))
        else:
            self.results.append(("ok", name, detail))
        status, _, detail = self.results[-1]
        print(f"  {status:<4} {name}" + (f": {detail}" if detail else ""), flush=True)

    # The checks, in the order they run.

    def copy_bundle(self) -> str:
        if not (self.source_bundle / f"tongket-cli{EXE}").is_file():
            raise Failed(f"{self.source_bundle} holds no tongket-cli{EXE}: build it first")
        # copy (contents and mode bits), not copy2: Python 3.12+'s copy2 uses CopyFile2 on Windows, which Wine 8 lacks.
        shutil.copytree(self.source_bundle, self.bundle, symlinks=True, copy_function=shutil.copy)
        return f"copied to {self.bundle}"

    def version(self) -> str:
        result = run([self.cli, "--version"], self.cwd, self.env).expect(0)
        want = expected_version()
        if want not in result.stdout:
            raise Failed(f"printed {result.stdout.strip()!r}, expected the version {want}")
        return result.stdout.strip()

    def render_demo(self) -> str:
        out = self.cwd / "x.docx"
        run([self.cli, "render", "--demo", "-o", "x.docx"], self.cwd, self.env).expect(0)
        if not out.is_file():
            raise Failed("no x.docx written")
        try:
            with zipfile.ZipFile(out) as docx:
                bad = docx.testzip()
                document = docx.read("word/document.xml").decode("utf-8")
        except (zipfile.BadZipFile, KeyError) as exc:
            raise Failed(f"x.docx is not a Word document: {exc}") from exc
        if bad is not None:
            raise Failed(f"x.docx has a corrupt member {bad}")
        if PARTY_TITLE not in document:
            raise Failed(f"word/document.xml lacks {PARTY_TITLE!r}")
        return f"{out.stat().st_size // 1024} KiB, holds {PARTY_TITLE!r}"

    def check_demo(self) -> str:
        result = run([self.cli, "check", "--demo"], self.cwd, self.env).expect(0)
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    def vietnamese_catalog(self) -> str:
        # A report whose figures do not add up: the findings are messages from the catalog.
        sample = self.cwd / "unbalanced.json"
        shutil.copyfile(ROOT / "tests" / "data" / "check_unbalanced_v1.json", sample)
        english = run([self.cli, "--lang", "en", "check", sample.name], self.cwd, self.env).expect(1).stdout
        vietnamese = run([self.cli, "check", sample.name], self.cwd, self.env).expect(1).stdout
        if "Correct one of these figures" not in english:
            raise Failed(f"unexpected English findings:\n{english}")
        if "Correct one of these figures" in vietnamese or vietnamese == english:
            raise Failed("the findings are in English: the Vietnamese catalog (.mo) is missing from the bundle")
        return vietnamese.strip().splitlines()[0][:70] + "…"

    def vietnamese_through_pipe(self) -> str:
        # What a script gets from `tongket-cli list | findstr …` or `> out.txt`: UTF-8 bytes, whatever the code page.
        raw = run([self.cli, "check", "--demo"], self.cwd, self.env).expect(0).raw_stdout
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Failed(f"the output through a pipe is not UTF-8 ({exc}): {raw[:120]!r}") from exc
        letters = vietnamese_letters(text)
        if letters == 0 or "?" * 3 in text:
            raise Failed(f"no Vietnamese letters in the output through a pipe: {text[:200]!r}")
        return f"{len(raw)} bytes of UTF-8, {letters} Vietnamese letters"

    def database_round_trip(self) -> str:
        run([self.cli, "demo", "-o", "demo.json"], self.cwd, self.env).expect(0)
        if not (self.cwd / "demo.json").is_file():
            raise Failed("demo wrote no demo.json")
        # The test suite's copy of the demo report: its validity is the tests' business, not the bundle's.
        shutil.copyfile(ROOT / "tests" / "data" / "report_demo_v1.json", self.cwd / "report.json")
        # The JSON Schema comes from resources/schema; 1 means findings, which are the tests' business too.
        run([self.cli, "check", "report.json"], self.cwd, self.env).expect(0, 1)
        run([self.cli, "import", "report.json"], self.cwd, self.env).expect(0)  # Alembic creates the database
        listing = run([self.cli, "list"], self.cwd, self.env).expect(0).stdout
        database = self.data / "tongket.sqlite3"
        if not database.is_file():
            raise Failed(f"the database is not in TONGKET_DATA_DIR ({database})")
        rows = [line for line in listing.splitlines() if re.match(r"\s*1\s", line)]
        if not rows:
            raise Failed(f"list does not show the imported report:\n{listing}")
        return f"imported and listed: {rows[0].strip()[:60]}"

    def schema(self) -> str:
        text = run([self.cli, "schema"], self.cwd, self.env).expect(0).stdout
        if '"$schema"' not in text:
            raise Failed("schema printed no JSON Schema")
        return f"{len(text)} characters"

    def library_dependencies(self) -> str:
        if WINDOWS or shutil.which("ldd") is None:
            raise Skipped("ldd is for Linux")
        internal = self.bundle / "_internal"
        lib_path = os.pathsep.join(str(p) for p in (internal, internal / "PySide6" / "Qt" / "lib"))
        env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": lib_path}
        missing: dict[str, set[str]] = {}
        count = 0
        for path in sorted(self.bundle.rglob("*")):
            if path.is_symlink() or not path.is_file() or not (".so" in path.name or path.parent == self.bundle):
                continue
            with path.open("rb") as f:
                if f.read(4) != b"\x7fELF":
                    continue
            count += 1
            result = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True)
            for line in result.stdout.splitlines():
                if "not found" in line:
                    missing.setdefault(line.split()[0], set()).add(str(path.relative_to(self.bundle)))
        if missing:
            lines = [f"{lib} (needed by {', '.join(sorted(users)[:3])})" for lib, users in sorted(missing.items())]
            raise Failed("unresolved libraries:\n      " + "\n      ".join(lines))
        return f"{count} binaries, every dependency found"

    # Windows only, on a fresh machine: the user's real folders.

    def local_app_data(self) -> Path:
        if not WINDOWS or not os.environ.get("LOCALAPPDATA"):
            raise Skipped("%LOCALAPPDATA% is Windows'")
        return Path(os.environ["LOCALAPPDATA"])

    def user_database(self) -> str:
        data = self.local_app_data() / "TongKet"
        if data.exists():
            raise Skipped(f"{data} already exists: this check is for a fresh machine")
        env = {k: v for k, v in self.env.items() if k != "TONGKET_DATA_DIR"}
        shutil.copyfile(ROOT / "tests" / "data" / "report_demo_v1.json", self.cwd / "report.json")
        run([self.cli, "import", "report.json"], self.cwd, env).expect(0)
        listing = run([self.cli, "list"], self.cwd, env).expect(0).stdout
        database = data / "tongket.sqlite3"
        if not database.is_file():
            raise Failed(f"no database at {database} after import")
        if not re.search(r"^\s*1\s", listing, re.MULTILINE):
            raise Failed(f"list does not show the imported report:\n{listing}")
        return f"{database} created, report 1 listed"

    def installer(self, setup: Path) -> str:
        programs = self.local_app_data() / "Programs" / "TongKet"
        if programs.exists():
            raise Skipped(f"{programs} already exists: this check is for a machine without Tổng Kết")
        env = {k: v for k, v in self.env.items() if k != "TONGKET_DATA_DIR"}
        log = self.cwd / "install.log"
        run([setup, "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER", f"/LOG={log}"],
            self.cwd, env, timeout=300).expect(0)
        cli, gui = programs / "tongket-cli.exe", programs / "tongket.exe"
        for program in (cli, gui, programs / "unins000.exe"):
            if not program.is_file():
                raise Failed(f"the installer put no {program}")
        version = run([cli, "--version"], programs, env).expect(0).stdout.strip()
        if expected_version() not in version:
            raise Failed(f"the installed program says {version!r}")
        shutil.copyfile(ROOT / "tests" / "data" / "report_demo_v1.json", self.cwd / "report2.json")
        run([cli, "import", self.cwd / "report2.json"], programs, env).expect(0)
        listing = run([cli, "list"], programs, env).expect(0).stdout
        database = self.local_app_data() / "TongKet" / "tongket.sqlite3"
        if not database.is_file():
            raise Failed(f"the installed program wrote no database at {database}")
        window = "not started (no GUI in this source)"
        if GUI_MODULE.exists():
            seconds = run([gui, "--smoke-test"], programs, env, timeout=60).expect(0).seconds
            window = f"window shown and closed in {seconds:.1f} s"
        # The uninstaller copies itself to a temporary folder and returns at once: wait for the files to go.
        run([programs / "unins000.exe", "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"], self.cwd, env,
            timeout=300).expect(0)
        deadline = time.monotonic() + 120
        while gui.exists() and time.monotonic() < deadline:
            time.sleep(1)
        if gui.exists():
            raise Failed(f"the uninstaller left {gui}")
        if not database.is_file():
            raise Failed(f"the uninstaller deleted the user's database {database}")
        reports = len(re.findall(r"^\s*\d+\s", listing, re.MULTILINE))
        return (f"installed to {programs} ({version}), {reports} reports listed, {window}; uninstalled, "
                f"{database.name} kept")

    def gui_smoke(self) -> str:
        if not GUI_MODULE.exists():
            raise Skipped("GUI not present (app/gui/application.py does not exist yet)")
        result = run([self.gui, "--smoke-test"], self.cwd, self.env, timeout=30).expect(0)
        return f"exited 0 after {result.seconds:.2f} s"

    # Timing.

    def timings(self, repeat: int) -> list[tuple[str, float, float]]:
        """(what, median seconds from the bundle, median seconds from source) for each start-up measured."""
        # From source, the app comes from the source tree (its Python may not have it installed).
        source_env = clean_env(self.home, self.data, {"PYTHONPATH": str(ROOT)})
        measured = []
        cases = [("tongket-cli --version", [self.cli, "--version"], [self.python, "-m", "app", "--version"])]
        if GUI_MODULE.exists():
            cases.append(("tongket --smoke-test (window)", [self.gui, "--smoke-test"],
                          [self.python, ROOT / "packaging" / "entry_gui.py", "--smoke-test"]))
        for name, frozen, source in cases:
            bundle_times, source_times = [], []
            for _ in range(repeat):  # interleaved, so that a busy moment hits both
                bundle_times.append(run(frozen, self.cwd, self.env).expect(0).seconds)
                source_times.append(run(source, ROOT, source_env).expect(0).seconds)
            measured.append((name, statistics.median(bundle_times), statistics.median(source_times)))
        return measured

    def interpreter_start(self, repeat: int) -> float:
        """Median seconds of `python -c pass` with the source's Python: the floor of any Python program's start."""
        return statistics.median(run([self.python, "-c", "pass"], self.cwd, self.env).expect(0).seconds
                                 for _ in range(repeat))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "tongket", help="the built one-folder bundle")
    parser.add_argument("--repeat", type=int, default=5, help="runs per start-up timing (0: no timing)")
    parser.add_argument("--max-size-mb", type=float, default=190.0, help="fail when the bundle is larger (MB)")
    parser.add_argument("--python", type=Path, default=Path(sys.executable), help="Python of the source timings")
    parser.add_argument("--user-data", action="store_true",
                        help="Windows, fresh machine: also import and list through a new database in %%LOCALAPPDATA%%")
    parser.add_argument("--installer", type=Path,
                        help="Windows, fresh machine: install this setup.exe silently, use, uninstall")
    args = parser.parse_args(argv)

    bundle = args.bundle.resolve()
    with tempfile.TemporaryDirectory(prefix="tongket-smoke-") as tmp:
        test = SmokeTest(bundle, Path(tmp), args.python)
        print(f"Smoke test of {bundle} (run from {test.bundle}, data in {test.data})")
        test.check("copy the bundle away from the source tree", test.copy_bundle)
        if test.results[-1][0] == "ok":
            test.check("tongket-cli --version", test.version)
            test.check("tongket-cli render --demo -o x.docx", test.render_demo)
            test.check("tongket-cli check --demo", test.check_demo)
            test.check("messages in Vietnamese (compiled catalog shipped)", test.vietnamese_catalog)
            test.check("Vietnamese output through a pipe is UTF-8", test.vietnamese_through_pipe)
            test.check("demo, check, import and list through the database", test.database_round_trip)
            test.check("tongket-cli schema", test.schema)
            test.check("shared libraries resolve inside the bundle", test.library_dependencies)
            test.check("tongket --smoke-test (window, offscreen)", test.gui_smoke)
            if args.user_data:
                test.check("import and list through a new database in %LOCALAPPDATA%\\TongKet", test.user_database)
            if args.installer:
                setup = args.installer.resolve()
                test.check(f"install {setup.name} silently, run, uninstall, data kept", lambda: test.installer(setup))

            size = folder_size(test.bundle)
            size_mb = size / 1_000_000
            def size_check() -> str:
                if size_mb > args.max_size_mb:
                    raise Failed(f"{size_mb:.0f} MB, over the {args.max_size_mb:.0f} MB target")
                return f"{size_mb:.0f} MB ({size / 2**20:.0f} MiB)"
            test.check(f"bundle size under {args.max_size_mb:.0f} MB", size_check)

            failed_so_far = any(status == "FAIL" for status, _, _ in test.results)
            if args.repeat > 0 and not failed_so_far:
                print(f"Start-up, median of {args.repeat} runs (bundle vs source {args.python}):")
                try:
                    bare = test.interpreter_start(args.repeat)
                    print(f"  {'python -c pass':<32} {bare:6.3f} s (a bare interpreter)")
                    for name, frozen, source in test.timings(args.repeat):
                        print(f"  {name:<32} bundle {frozen:6.3f} s   source {source:6.3f} s   "
                              f"ratio {frozen / source:4.2f}   {frozen / bare:4.1f}x python -c pass")
                except Failed as exc:
                    test.results.append(("FAIL", "start-up timing", str(exc)))
                    print(f"  FAIL start-up timing: {exc}")

    passed = sum(1 for status, _, _ in test.results if status == "ok")
    failed = sum(1 for status, _, _ in test.results if status == "FAIL")
    skipped = sum(1 for status, _, _ in test.results if status == "skip")
    print(f"smoke: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
