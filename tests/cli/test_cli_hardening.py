"""The command line on damaged databases, full and read-only disks, long names and symlinks: a message, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import DAMAGED_DATABASE, USER_ERROR, main
from tests.storage.mounts import fill_up, make_read_only, small_disk
from tests.storage.test_damaged_database import fill, flip_middle, truncate_half

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "tests" / "data" / "report_demo_v1.json"


def run(*args: str) -> int:
    return main(["--lang", "en", *args])


def app(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """python -m app as a separate process, in English: what a user at a terminal sees."""
    return subprocess.run([sys.executable, "-m", "app", "--lang", "en", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, **(env or {})}, check=False)


@pytest.mark.parametrize("damage", [flip_middle, truncate_half], ids=["flipped-bytes", "truncated"])
@pytest.mark.parametrize("command", [["list"], ["import", str(REPORT)]], ids=["list", "import"])
def test_a_damaged_database_exits_3_with_a_message_and_is_not_written_to(demo, damage, command, capsys):
    path = fill(demo)
    damage(path)
    damaged = path.read_bytes()

    assert run(*command) == DAMAGED_DATABASE

    err = capsys.readouterr().err
    assert f"The database {path} is damaged" in err
    assert "Traceback" not in err
    assert path.read_bytes() == damaged


def test_a_damaged_database_is_reported_in_vietnamese_by_a_real_process(demo, data_dir):
    path = fill(demo)
    flip_middle(path)

    done = subprocess.run([sys.executable, "-m", "app", "list"], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "TONGKET_DATA_DIR": str(data_dir)}, check=False)

    assert done.returncode == DAMAGED_DATABASE
    assert "bị hỏng" in done.stderr and "Traceback" not in done.stderr


def test_a_garbage_wal_is_set_aside_with_a_notice_and_the_list_works(demo, capsys):
    path = fill(demo)
    Path(f"{path}-wal").write_bytes(os.urandom(40000))

    assert run("list") == 0

    captured = capsys.readouterr()
    assert captured.out.count("Đảng bộ Trường Cao đẳng") == 5
    assert "set aside" in captured.err
    assert list(path.parent.glob(f"{path.name}-wal.damaged-*"))


def test_a_database_on_a_full_disk_gives_a_message_not_a_traceback(tmp_path, demo):
    with small_disk(tmp_path / "disk", size_kb=400) as disk:
        database = disk / "office.sqlite3"
        assert app("import", str(REPORT), "--database", str(database)).returncode == 0
        fill_up(disk)
        before = database.read_bytes()

        done = app("import", str(REPORT), "--database", str(database))

        assert done.returncode == USER_ERROR
        assert "The disk is full" in done.stderr and "Traceback" not in done.stderr
        assert database.read_bytes() == before


def test_render_onto_a_full_disk_gives_only_its_message(tmp_path):
    with small_disk(tmp_path / "disk", size_kb=64) as disk:
        fill_up(disk)

        done = app("render", "--demo", "-o", str(disk / "demo.docx"))

        assert done.returncode == USER_ERROR
        assert done.stderr.startswith("The disk is full")
        assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]


def test_a_read_only_database_lists_and_refuses_to_import_with_a_message(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        database = disk / "office.sqlite3"
        assert app("import", str(REPORT), "--database", str(database)).returncode == 0
        make_read_only(disk)

        listed = app("list", "--database", str(database))
        imported = app("import", str(REPORT), "--database", str(database))

        assert listed.returncode == 0, listed.stderr
        assert "Đảng bộ Trường Cao đẳng" in listed.stdout
        assert imported.returncode == USER_ERROR
        assert "read-only" in imported.stderr and "Traceback" not in imported.stderr


def test_a_database_url_opened_read_only_lists(tmp_path, capsys):
    database = tmp_path / "office.sqlite3"
    assert run("--database", str(database), "import", str(REPORT)) == 0
    url = f"sqlite:///file:{database}?mode=ro&uri=true"

    assert run("--database", url, "list") == 0
    assert run("--database", url, "import", str(REPORT)) == USER_ERROR

    captured = capsys.readouterr()
    assert captured.out.count("Đảng bộ Trường Cao đẳng") == 1
    assert "read-only" in captured.err


def test_an_output_name_of_250_bytes_is_written(tmp_path, capsys):
    target = tmp_path / ("b" * 245 + ".docx")

    assert run("render", "--demo", "-o", str(target)) == 0
    assert target.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name != "userdata"] == [target.name]


def test_an_output_name_too_long_for_the_disk_gives_a_message(tmp_path, capsys):
    target = tmp_path / ("b" * 300 + ".docx")

    assert run("render", "--demo", "-o", str(target)) == USER_ERROR
    assert "too long" in capsys.readouterr().err


def test_output_through_a_symlink_writes_the_links_target_and_keeps_the_link(tmp_path, capsys):
    real = tmp_path / "documents" / "report.docx"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "report.docx"
    link.symlink_to(real)

    assert run("render", "--demo", "-o", str(link)) == 0

    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in real.parent.iterdir()) == ["report.docx"]


def test_a_written_file_has_the_usual_permissions_not_private_ones(tmp_path, capsys):
    target = tmp_path / "demo.docx"
    umask = os.umask(0o022)
    try:
        assert run("render", "--demo", "-o", str(target)) == 0
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644
