"""Report files read safely: special files, huge files and hostile text give a UserError, never a hang or a traceback."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from app import i18n
from app.domain.errors import UserError
from app.services import interchange
from app.services.interchange import import_report_file, loads_report

DATA = Path(__file__).resolve().parent.parent / "data"
DEMO = DATA / "report_demo_v1.json"


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")


def demo_data() -> dict:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def within_seconds(seconds: float, fn):
    """fn() run in a thread; fails the test (instead of hanging it) when fn takes longer."""
    outcome: dict = {}

    def target():
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_at_once_instead_of_waited_on(tmp_path):
    fifo = tmp_path / "f.json"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="not an ordinary file"):
        within_seconds(5, lambda: import_report_file(fifo))


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(device):
    if not Path(device).exists():
        pytest.skip(f"{device} does not exist here")
    with pytest.raises(UserError, match="not an ordinary file"):
        within_seconds(5, lambda: import_report_file(Path(device)))


def test_a_sparse_file_of_gigabytes_is_refused_by_its_size(tmp_path):
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(6 * 1024**3)  # sparse: takes no disk space
    with pytest.raises(UserError, match=r"larger than 8 MB"):
        within_seconds(5, lambda: import_report_file(big))


def test_a_file_just_over_the_cap_is_refused_and_one_under_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(interchange, "MAX_FILE_BYTES", DEMO.stat().st_size)
    assert import_report_file(DEMO).organisation.name
    monkeypatch.setattr(interchange, "MAX_FILE_BYTES", DEMO.stat().st_size - 1)
    with pytest.raises(UserError, match="larger than"):
        import_report_file(DEMO)


def test_a_folder_is_refused_as_a_folder(tmp_path):
    with pytest.raises(UserError, match="is a folder"):
        import_report_file(tmp_path)


def test_a_lone_surrogate_is_refused_with_its_place(tmp_path):
    text = DEMO.read_text(encoding="utf-8")
    data = demo_data()
    place = data["report"]["organisation"]["place"]
    text = text.replace(json.dumps(place, ensure_ascii=False), '"Th\\ud800 x"', 1)
    path = tmp_path / "surrogate.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        import_report_file(path)
    assert "report.organisation.place" in str(caught.value)
    assert "half of a character" in str(caught.value)


def test_a_lone_surrogate_in_a_key_is_refused():
    text = DEMO.read_text(encoding="utf-8").replace('"format"', '"\\udc80format"', 1)
    with pytest.raises(UserError):
        loads_report(text)


def test_an_unknown_key_of_a_megabyte_is_shown_cut_short():
    data = demo_data()
    data["report"]["organisation"]["x" * 1_000_000] = 1
    with pytest.raises(UserError) as caught:
        loads_report(json.dumps(data))
    message = str(caught.value)
    assert "unknown key" in message
    assert "1000000 characters" in message
    assert len(message) < 2000


def test_an_unknown_key_of_ten_megabytes_is_refused_without_echoing_it(tmp_path):
    data = demo_data()
    data["report"]["organisation"]["x" * 10_000_000] = 1
    path = tmp_path / "big_key.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        import_report_file(path)
    assert len(str(caught.value)) < 2000


def test_a_long_value_of_the_wrong_type_is_shown_cut_short():
    data = demo_data()
    data["report"]["year"] = "9" * 100_000
    with pytest.raises(UserError) as caught:
        loads_report(json.dumps(data))
    assert len(str(caught.value)) < 2000


def test_a_term_longer_than_a_real_one_is_refused():
    data = demo_data()
    data["report"]["term"] = "2025 - 2030 " * 1000
    data["report"]["title"] = "{term}" * 160
    with pytest.raises(UserError) as caught:
        loads_report(json.dumps(data))
    assert "report.term: the text has 12000 characters; at most 100 fit here" in str(caught.value)
    assert "report.title" not in str(caught.value)


def test_a_title_longer_than_a_real_one_is_refused():
    data = demo_data()
    data["report"]["sections"][0]["title"] = "{term}" * 1000
    with pytest.raises(UserError, match=r"report.sections\[0\].title: the text has 6000 characters"):
        loads_report(json.dumps(data))


def test_many_term_placeholders_within_the_limits_give_a_document_that_reopens(tmp_path):
    import docx

    from app.services.export import export_docx

    data = demo_data()
    data["report"]["term"] = "x" * interchange.MAX_TERM_CHARS
    data["report"]["title"] = "{term}" * (interchange.MAX_TITLE_CHARS // len("{term}"))
    report = loads_report(json.dumps(data))
    out = tmp_path / "r.docx"
    export_docx(report, out)
    assert docx.Document(str(out)).paragraphs
