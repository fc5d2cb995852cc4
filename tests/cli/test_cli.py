"""The command line: what each command prints and its exit status, in-process and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
import types
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from jsonschema import Draft202012Validator

from app import __version__, i18n
from app.__main__ import main as app_main
from app.cli.main import database_url, main
from app.domain.codec import to_dict
from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.domain.report import Report, ReportKind, ReportStatus
from app.services.interchange import import_report_file, schema_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def run(*args: str) -> int:
    """main() with English messages, the msgids the assertions quote."""
    return main(["--lang", "en", *args])


@pytest.fixture
def out(tmp_path) -> Path:
    """An empty folder for the files a command writes."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def fake_module(monkeypatch, name: str, **attributes) -> None:
    """Install a stand-in for a module written elsewhere, so that the wiring is tested on its own."""
    module = types.ModuleType(name)
    module.__dict__.update(attributes)
    monkeypatch.setitem(sys.modules, name, module)


# Version, entry points, the window


def test_version_prints_the_program_name_and_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"tongket {__version__}\n"


def test_python_m_app_prints_the_version_in_a_fresh_process():
    result = subprocess.run([sys.executable, "-m", "app", "--version"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"tongket {__version__}\n"


def test_command_line_loads_neither_qt_nor_the_database_layer():
    code = (
        "import sys\n"
        "from app.cli.main import main\n"
        "status = main(['check', '--demo'])\n"
        "print(status, sorted(m for m in ('PySide6', 'sqlalchemy', 'docx') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "0 []", result.stderr


def test_no_arguments_open_the_window(monkeypatch):
    opened = []
    fake_module(monkeypatch, "app.gui.application", main=lambda args: opened.append(args) or 0)
    assert app_main([]) == 0
    assert opened == [[]]


def test_the_window_options_alone_open_the_window(monkeypatch):
    opened = []
    fake_module(monkeypatch, "app.gui.application", main=lambda args: opened.append(args) or 0)
    assert app_main(["--lang", "en", "--smoke-test"]) == 0
    assert opened == [["--lang", "en", "--smoke-test"]]


def test_arguments_run_the_command_line_instead_of_the_window(monkeypatch, capsys):
    fake_module(monkeypatch, "app.gui.application", main=lambda *_a: pytest.fail("the window opened"))
    assert app_main(["--version"]) == 0
    assert capsys.readouterr().out == f"tongket {__version__}\n"


def test_no_arguments_without_the_window_module_explain_and_exit_2(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "app.gui.application", None)
    assert app_main([]) == 2
    assert "tongket --help" in capsys.readouterr().err


# Options and usage


def test_language_option_is_accepted_after_the_command_too():
    assert main(["check", "--demo", "--lang", "en"]) == 0
    assert i18n.current_language() == "en"


def test_unknown_language_is_a_usage_error(capsys):
    assert main(["--lang", "xx", "schema"]) == 2
    assert "lựa chọn không hợp lệ: 'xx'" in capsys.readouterr().err


def test_unknown_command_is_a_usage_error_in_the_users_language(capsys):
    assert main(["publish"]) == 2
    assert "cách dùng: tongket" in capsys.readouterr().err
    assert main(["--lang", "en", "publish"]) == 2
    assert "usage: tongket" in capsys.readouterr().err


def test_argparse_help_is_in_vietnamese(capsys):
    assert main(["render", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: tongket render")
    assert "tùy chọn:" in out and "hiện hướng dẫn này rồi thoát" in out


def test_help_lists_every_command(capsys):
    assert run("--help") == 0
    help_text = capsys.readouterr().out
    for command in ("render", "demo", "check", "import", "export", "list", "schema"):
        assert command in help_text


def test_database_is_a_url_a_file_path_or_the_users_own(tmp_path):
    assert database_url("sqlite:///:memory:") == "sqlite:///:memory:"
    assert database_url(str(tmp_path / "other.sqlite3")) == f"sqlite:///{(tmp_path / 'other.sqlite3').as_posix()}"
    assert database_url(None) is None


# schema, demo


def test_schema_prints_the_shipped_schema(capsys):
    assert run("schema") == 0
    printed = capsys.readouterr().out
    assert printed == schema_text()
    Draft202012Validator.check_schema(json.loads(printed))


def test_demo_writes_a_file_that_matches_the_schema(out, capsys):
    path = out / "demo.json"
    assert run("demo", "-o", str(path)) == 0
    assert capsys.readouterr().out == f"Wrote {path}\n"
    validator = Draft202012Validator(json.loads(schema_text()), format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))) == []
    assert import_report_file(path) == demo_report()


def test_demo_into_a_missing_folder_exits_2_and_writes_nothing(out, capsys):
    assert run("demo", "-o", str(out / "missing" / "demo.json")) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err
    assert list(out.iterdir()) == []


def test_demo_over_a_folder_exits_2_and_says_so(out, capsys):
    assert run("demo", "-o", str(out)) == 2
    assert "Cannot write" in capsys.readouterr().err


# check


def test_check_of_the_demo_finds_no_problems(capsys):
    assert run("check", "--demo") == 0
    assert capsys.readouterr().out == "No problems found.\n"


def test_check_of_a_valid_file_finds_no_problems(capsys):
    assert run("check", str(DATA / "report_minimal_v1.json")) == 0
    assert "No problems found." in capsys.readouterr().out


def test_check_of_inconsistent_figures_exits_1_and_names_the_fields(capsys):
    assert run("check", str(DATA / "check_unbalanced_v1.json")) == 1
    printed = capsys.readouterr().out
    lines = printed.splitlines()
    assert lines[0] == (
        "error: Members at the end is 53, but members at the start (50) + admitted (2) gives 52. "
        "Correct one of these figures."
    )
    assert lines[1].startswith("    fields: stats.membership.closing_total, stats.membership.opening_total, "
                               "stats.membership.admitted")
    assert lines[2] == (
        "error: Party cells to rate is 13, but Party cells rated excellent (2) + Party cells rated good (12) "
        "gives 14. Correct one of these figures."
    )
    assert lines[3].startswith("    fields: stats.ratings.organisations.total, "
                               "stats.ratings.organisations.excellent, stats.ratings.organisations.good")
    assert lines[-1] == "2 errors"


def test_check_exits_0_when_there_are_only_warnings(tmp_path, capsys):
    report = demo_report()
    report.stats.ratings.members.excellent, report.stats.ratings.members.good = 40, 57
    path = tmp_path / "warnings.json"
    path.write_text(json.dumps({**json.loads((DATA / "report_demo_v1.json").read_text(encoding="utf-8")),
                                "report": to_dict(report)}), encoding="utf-8")
    assert run("check", str(path)) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("warning: ")
    assert printed.endswith("1 warning\n")


def test_check_needs_a_file_or_the_demo(capsys):
    assert run("check") == 2
    assert "Give an input file, or --demo" in capsys.readouterr().err


def test_check_refuses_a_file_and_the_demo_together(capsys):
    assert run("check", "--demo", str(DATA / "report_minimal_v1.json")) == 2
    assert "not both" in capsys.readouterr().err


@pytest.mark.parametrize(("name", "expected"), [
    ("nowhere.json", "does not exist"),
    ("bad_not_json.json", "line 69, column 5"),
    ("bad_negative_count.json", "report.stats.membership.closing_total: -3 is less than the minimum 0"),
    ("bad_newer_version.json", "reads format version 3 and older"),
])
def test_check_of_a_bad_file_exits_2_with_the_reason_and_no_traceback(name: str, expected: str, capsys):
    assert run("check", str(DATA / name)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert expected in captured.err
    assert "Traceback" not in captured.err


# render


def test_render_gives_the_report_and_path_to_the_docx_export(monkeypatch, out, capsys):
    calls = []
    fake_module(monkeypatch, "app.services.export", export_docx=lambda report, path, preset=None: calls.append((report, path)))
    target = out / "report.docx"
    assert run("render", str(DATA / "report_demo_v1.json"), "-o", str(target)) == 0
    assert calls == [(demo_report(), target)]
    assert capsys.readouterr().out == f"Wrote {target}\n"


def test_render_shows_a_user_error_of_the_export_and_exits_2(monkeypatch, out, capsys):
    def locked(report: Report, path: Path, preset: str | None = None) -> None:
        raise UserError("Cannot overwrite report.docx: it may be open in Word.")

    fake_module(monkeypatch, "app.services.export", export_docx=locked)
    assert run("render", "--demo", "-o", str(out / "report.docx")) == 2
    captured = capsys.readouterr()
    assert captured.err == "Cannot overwrite report.docx: it may be open in Word.\n"
    assert captured.out == ""


def test_render_of_a_bad_file_writes_nothing(monkeypatch, out, capsys):
    fake_module(monkeypatch, "app.services.export",
                export_docx=lambda report, path, preset=None: pytest.fail("rendered an invalid report"))
    assert run("render", str(DATA / "bad_unknown_key.json"), "-o", str(out / "report.docx")) == 2
    assert "report.organisation: unknown key “fax”" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_render_of_the_demo_writes_a_docx_document(out):
    pytest.importorskip("app.services.export")
    target = out / "demo.docx"
    assert run("render", "--demo", "-o", str(target)) == 0
    assert zipfile.is_zipfile(target)
    assert "word/document.xml" in zipfile.ZipFile(target).namelist()


# import, export, list against stand-ins for the database services


@pytest.fixture
def fake_database(monkeypatch) -> Iterator[SimpleNamespace]:
    """Stand-ins for app.services.sessions and app.services.reports, keeping reports in a dict."""
    db = SimpleNamespace(urls=[], reports={}, open=0)
    sessions = SimpleNamespace(close=lambda: setattr(db, "open", db.open - 1), notices=[])

    def open_sessions(url: str | None) -> SimpleNamespace:
        db.urls.append(url)
        db.open += 1
        return sessions

    def save_new_report(sessions: SimpleNamespace, report: Report) -> int:
        db.reports[len(db.reports) + 1] = report
        return len(db.reports)

    def get_report(sessions: SimpleNamespace, report_id: int) -> Report:
        if report_id not in db.reports:
            raise UserError(f"There is no report {report_id}.")
        return db.reports[report_id]

    def list_reports(sessions: SimpleNamespace) -> list[SimpleNamespace]:
        return [
            SimpleNamespace(id=i, organisation_name=r.organisation.name, year=r.year, kind=r.kind.value,
                            status=r.status, updated_at=datetime(2026, 12, 15, 9, 30) if i == 1 else None)
            for i, r in db.reports.items()
        ]

    fake_module(monkeypatch, "app.services.sessions", open_sessions=open_sessions,
                DamagedDatabaseError=type("DamagedDatabaseError", (UserError,), {}))
    fake_module(monkeypatch, "app.services.reports", save_new_report=save_new_report, get_report=get_report,
                list_reports=list_reports)
    yield db
    assert db.open == 0, "a command left the database open"


def test_import_saves_the_report_and_prints_its_id(fake_database, capsys):
    path = DATA / "report_demo_v1.json"
    assert run("--database", "sqlite:///x.sqlite3", "import", str(path)) == 0
    assert fake_database.reports == {1: demo_report()}
    assert fake_database.urls == ["sqlite:///x.sqlite3"]
    assert capsys.readouterr().out == f"Imported {path} as report 1.\n"


def test_import_of_a_bad_file_saves_nothing(fake_database, capsys):
    assert run("import", str(DATA / "bad_missing_key.json")) == 2
    assert fake_database.reports == {}
    assert "report.organisation: the key “name” is missing" in capsys.readouterr().err


def test_export_writes_the_report_of_the_database(fake_database, out, capsys):
    fake_database.reports[4] = demo_report()
    target = out / "report.json"
    assert run("export", "4", "-o", str(target)) == 0
    assert import_report_file(target) == demo_report()
    assert capsys.readouterr().out == f"Wrote {target}\n"


def test_export_of_an_unknown_report_exits_2_and_writes_nothing(fake_database, out, capsys):
    assert run("export", "9", "-o", str(out / "report.json")) == 2
    assert capsys.readouterr().err == "There is no report 9.\n"
    assert list(out.iterdir()) == []


def test_export_needs_a_numeric_id(fake_database, out, capsys):
    assert run("export", "latest", "-o", str(out / "report.json")) == 2
    assert "invalid int value" in capsys.readouterr().err


def test_list_prints_an_aligned_table(fake_database, capsys):
    fake_database.reports[1] = demo_report()
    short = demo_report()
    short.organisation.name, short.year = "Chi bộ Khoa Điện", 2025
    short.kind, short.status = ReportKind.SIX_MONTH, ReportStatus.FINAL
    fake_database.reports[2] = short
    assert run("list") == 0
    assert capsys.readouterr().out == (
        "ID  Organisation                                  Year  Kind              Status  Updated\n"
        "--  --------------------------------------------  ----  ----------------  ------  ----------------\n"
        " 1  Đảng bộ Trường Cao đẳng Kỹ thuật Công nghiệp  2026  Year-end review   draft   2026-12-15 09:30\n"
        " 2  Chi bộ Khoa Điện                              2025  Six-month review  final\n"
    )


def test_list_of_an_empty_database_says_so(fake_database, capsys):
    assert run("list") == 0
    assert capsys.readouterr().out == "There are no reports in the database.\n"


def test_database_commands_use_the_users_database_by_default(fake_database):
    assert run("list") == 0
    assert fake_database.urls == [None]


# import, export, list against the real database


@pytest.fixture
def database(engine_url) -> str:
    """What --database is given: a SQLite file's path, or a PostgreSQL URL."""
    pytest.importorskip("app.services.sessions")
    pytest.importorskip("app.services.reports")
    return engine_url.removeprefix("sqlite:///")


def test_imported_report_is_listed_and_exports_unchanged(database, out, capsys):
    assert run("--database", database, "import", str(DATA / "report_demo_v1.json")) == 0
    report_id = capsys.readouterr().out.split()[-1].rstrip(".")
    assert run("--database", database, "list") == 0
    assert "Đảng bộ Trường Cao đẳng Kỹ thuật Công nghiệp" in capsys.readouterr().out
    target = out / "again.json"
    assert run("--database", database, "export", report_id, "-o", str(target)) == 0
    exported = import_report_file(target)
    exported.updated_at = None
    assert exported == demo_report()


def test_failed_import_leaves_the_database_empty(database, capsys):
    assert run("--database", database, "import", str(DATA / "bad_negative_count.json")) == 2
    assert run("--database", database, "list") == 0
    assert capsys.readouterr().out.endswith("There are no reports in the database.\n")


def test_tongket_database_url_names_the_database_when_no_option_does(engine_url, monkeypatch, capsys):
    monkeypatch.setenv("TONGKET_DATABASE_URL", engine_url)

    assert run("import", str(DATA / "report_demo_v1.json")) == 0
    capsys.readouterr()
    assert run("--database", engine_url, "list") == 0
    assert "Đảng bộ Trường Cao đẳng Kỹ thuật Công nghiệp" in capsys.readouterr().out


@pytest.mark.postgresql
def test_a_server_refusing_the_password_is_reported_without_it(postgresql_cluster, capsys, caplog):
    from tests import postgres

    url = postgresql_cluster.url("postgres").replace(postgres.PASSWORD, "wrong-pass-41c7")

    assert run("--database", url, "list") == 2
    err = capsys.readouterr().err
    assert "Cannot reach the database server postgresql+psycopg://tongket:***@127.0.0.1" in err
    assert "wrong-pass-41c7" not in err + caplog.text


def test_backup_and_restore_move_a_secretarys_file_into_another_database(engine_url, tmp_path, capsys):
    secretary = str(tmp_path / "secretary.sqlite3")
    assert run("--database", secretary, "import", str(DATA / "report_demo_v1.json")) == 0
    archive = tmp_path / "backup.zip"

    assert run("--database", secretary, "backup", "-o", str(archive)) == 0
    assert "Backed up 1 organisations and 1 reports." in capsys.readouterr().out
    assert run("--database", engine_url, "restore", str(archive)) == 0
    restored = capsys.readouterr().out
    assert run("--database", engine_url, "list") == 0

    assert "Restored 1 organisations and 1 reports" in restored
    assert "Đảng bộ Trường Cao đẳng Kỹ thuật Công nghiệp" in capsys.readouterr().out
    assert run("--database", engine_url, "restore", str(archive)) == 2
    assert "restored only into an empty database" in capsys.readouterr().err
