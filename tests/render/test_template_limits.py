"""An office's templates run with a budget: runaway loops, huge values and links out of the folder end in a message."""

from __future__ import annotations

import os
import threading
import time

import pytest

from app import i18n
from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.render import environment as env_module
from app.render.compose import compose
from app.render.lint import check_templates


@pytest.fixture(autouse=True)
def english(vietnamese):
    i18n.set_language("en")


def compose_with(tmp_path, source: str, name: str = "sections/dac_diem.j2"):
    """compose() of the demo with one override template; fails the test if it runs over 30 seconds."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    report = demo_report()
    report.organisation.templates_dir = str(tmp_path)
    outcome: dict = {}

    def target():
        try:
            outcome["value"] = compose(report)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(30)
    assert not thread.is_alive(), "the template still runs after 30 seconds"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def error_of(tmp_path, source: str) -> str:
    with pytest.raises(UserError) as caught:
        compose_with(tmp_path, source)
    return str(caught.value)


def test_nested_loops_stop_at_the_loop_cap_naming_template_and_line(tmp_path):
    message = error_of(tmp_path, "@p Một\n{% for i in range(99999) %}{% for j in range(99999) %}"
                                 "{% endfor %}{% endfor %}\n")
    assert "sections/dac_diem.j2" in message
    assert "line 2" in message
    assert "loops of the templates turned more than 1 000 000 times" in message


def test_a_loop_over_a_generator_is_counted_too(tmp_path, monkeypatch):
    monkeypatch.setattr(env_module, "MAX_LOOP_ITERATIONS", 10_000)
    message = error_of(tmp_path, "@p {% for i in range(99999) %}{% for j in range(99999)|select %}"
                                 "{% endfor %}{% endfor %}\n")
    assert "more than 10 000 times" in message


def test_a_slow_template_stops_at_the_time_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(env_module, "MAX_SECONDS", 0.2)
    start = time.monotonic()
    message = error_of(tmp_path, "@p {% for i in range(999) %}{% for j in range(999) %}{{ (i * j) | string | "
                                 "length }}{% endfor %}{% endfor %}\n")
    assert time.monotonic() - start < 10
    assert "ran for more than 0.2 seconds" in message
    assert "sections/dac_diem.j2" in message


@pytest.mark.parametrize("source", [
    "@p {{ 9 ** 999999999 }}",
    "@p {{ 10 ** 2000 }}",
    "{% set ns = namespace(x=2) %}{% for i in range(40) %}{% set ns.x = ns.x * ns.x %}{% endfor %}@p {{ ns.x }}",
])
def test_a_huge_power_is_refused_before_it_is_computed(tmp_path, source):
    message = error_of(tmp_path, source + "\n")
    assert "a number of more than 1 233 digits would be made" in message
    assert "line 1" in message


@pytest.mark.parametrize("source", [
    "@p {{ 'x' * 10**9 }}",
    "@p {{ [1] * 10**8 }}",
    "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}@p {{ ns.s }}",
    "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}@p {{ ns.s }}",
    "@p {{ 'x'.ljust(10**9) }}",
    "@p {{ ('x' * 900000) | replace('x', 'yy') }}",
    "@p {{ ('x' * 999999).replace('', 'ab') }}",
    "{% set xs = [1, 2] %}{% for i in range(40) %}{% set _ = xs.extend(xs) %}{% endfor %}@p {{ xs | length }}",
])
def test_a_value_growing_past_the_cap_is_refused(tmp_path, source):
    message = error_of(tmp_path, source + "\n")
    assert "at most 1 000 000 are allowed" in message
    assert "sections/dac_diem.j2" in message


@pytest.mark.parametrize("source", [
    "@p {{ '%999999999d' % 1 }}",
    "@p {{ '%*d' | format(999999999, 1) }}",
    "@p {{ '{:>999999999}'.format(1) }}",
    "@p {{ 'x' | center(999999999) }}",
])
def test_a_huge_width_is_refused(tmp_path, source):
    message = error_of(tmp_path, source + "\n")
    assert "sections/dac_diem.j2" in message
    assert "line 1" in message


def test_output_past_the_cap_stops_with_the_line_that_printed_it(tmp_path):
    message = error_of(tmp_path, "@p x\n{% for i in range(99999) %}\n@p {{ 'x' * 999 }}\n{% endfor %}\n")
    assert "printed more than 2 000 000 characters" in message
    assert "sections/dac_diem.j2" in message
    assert "line 3" in message


def test_running_out_of_memory_gives_a_reason(tmp_path, monkeypatch):
    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setitem(env_module.environment(tmp_path.resolve()).filters, "upper", no_memory)
    message = error_of(tmp_path, "@p x\n@p {{ report.title | upper }}\n")
    assert "need more memory than a report may use" in message
    assert "sections/dac_diem.j2" in message
    assert "line 2" in message


def test_an_error_without_a_message_still_gives_a_reason(tmp_path, monkeypatch):
    def silent(*args, **kwargs):
        raise ValueError

    monkeypatch.setitem(env_module.environment(tmp_path.resolve()).filters, "upper", silent)
    message = error_of(tmp_path, "@p x\n@p {{ report.title | upper }}\n")
    assert message.endswith("The template sections/dac_diem.j2 fails on line 2: ValueError")


def test_ordinary_overrides_still_render(tmp_path):
    model = compose_with(tmp_path, "{% set ns = namespace(s='') %}{% for i in range(3) %}{% set ns.s = ns.s ~ i %}"
                                   "{% endfor %}@p Một {{ ns.s }} {{ 2 ** 10 }} {{ 'ab' * 2 }} {{ '%05d' % 7 }}\n")
    assert "Một 012 1024 abab 00007" in " ".join(block.text for block in model.body)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_template_that_links_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.j2"
    outside.write_text("@p BÍ MẬT\n", encoding="utf-8")
    folder = tmp_path / "mau"
    (folder / "sections").mkdir(parents=True)
    (folder / "sections" / "dac_diem.j2").symlink_to(outside)
    report = demo_report()
    report.organisation.templates_dir = str(folder)
    with pytest.raises(UserError, match="is a link to a file outside that folder") as caught:
        compose(report)
    assert "BÍ MẬT" not in str(caught.value)
    assert "templates.outside" in [f.code for f in check_templates(folder)]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_to_etc_passwd_never_reaches_the_document(tmp_path):
    if not os.path.exists("/etc/passwd"):
        pytest.skip("no /etc/passwd")
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "dac_diem.j2").symlink_to("/etc/passwd")
    report = demo_report()
    report.organisation.templates_dir = str(tmp_path)
    with pytest.raises(UserError):
        compose(report)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_template_that_is_a_fifo_is_refused_at_once(tmp_path):
    (tmp_path / "sections").mkdir()
    os.mkfifo(tmp_path / "sections" / "dac_diem.j2")
    report = demo_report()
    report.organisation.templates_dir = str(tmp_path)
    with pytest.raises(UserError, match="not an ordinary file"):
        compose_with(tmp_path, None) if False else _compose_in_thread(report)


def _compose_in_thread(report):
    outcome: dict = {}

    def target():
        try:
            outcome["value"] = compose(report)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(30)
    assert not thread.is_alive(), "still running after 30 seconds"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
