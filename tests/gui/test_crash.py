"""The crash handler: an unhandled exception is logged, the open report saved, and the user told where the log is."""

from __future__ import annotations

import sys
import threading

import pytest

from app import APP_DISPLAY_NAME, logging_setup
from app.gui import crash
from app.i18n import _


@pytest.fixture
def log_path(data_dir):
    path = logging_setup.setup_logging()
    yield path
    logging_setup.teardown_logging()


@pytest.fixture
def shown():
    """The messages the handler would show, instead of a message box."""
    return []


@pytest.fixture
def handler_factory(log_path, shown):
    installed = []

    def make(save=None):
        handler = crash.install_crash_handler(log_path, save, show_message=shown.append)
        installed.append(handler)
        return handler

    yield make
    crash.uninstall_crash_handler()


def raise_and_report(message: str = "sổ cái bị hỏng") -> None:
    """Call the installed sys.excepthook with a real exception, as Python does for an unhandled one."""
    try:
        raise RuntimeError(message)
    except RuntimeError:
        sys.excepthook(*sys.exc_info())


def read_log(path) -> str:
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_an_unhandled_exception_is_logged_with_its_traceback(handler_factory, log_path):
    handler_factory()
    raise_and_report("sổ cái bị hỏng")
    text = read_log(log_path)
    assert "Unhandled exception" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: sổ cái bị hỏng" in text
    assert "raise_and_report" in text


def test_the_open_report_is_saved_and_the_user_told_so(handler_factory, shown, log_path):
    saved = []
    handler_factory(save=lambda: saved.append(True))
    raise_and_report()
    assert saved == [True]
    [message] = shown
    assert str(log_path) in message
    assert message.startswith(_("{app} met an unexpected error. Your work has been saved. "
                                "Details are in the log file: {path}").format(app=APP_DISPLAY_NAME, path=log_path))


def test_the_message_is_in_vietnamese(handler_factory, shown):
    handler_factory(save=lambda: None)
    raise_and_report()
    assert "met an unexpected error" not in shown[0]
    assert APP_DISPLAY_NAME in shown[0]


def test_a_failing_save_is_logged_and_the_user_told_the_work_was_not_saved(handler_factory, shown, log_path):
    def broken_save():
        raise OSError("đĩa đầy")

    handler_factory(save=broken_save)
    raise_and_report()
    [message] = shown
    assert message.startswith(_("{app} met an unexpected error and could not save your work. "
                                "Details are in the log file: {path}").format(app=APP_DISPLAY_NAME, path=log_path))
    text = read_log(log_path)
    assert "could not save the open report" in text and "OSError: đĩa đầy" in text


def test_without_a_save_callback_the_message_promises_nothing(handler_factory, shown):
    handler_factory(save=None)
    raise_and_report()
    assert shown[0].startswith(_("{app} met an unexpected error. Details are in the log file: {path}").format(
        app=APP_DISPLAY_NAME, path=crash._installed.log_path))


def test_an_exception_in_a_worker_thread_is_saved_and_shown_on_the_gui_thread(qtbot, handler_factory, shown,
                                                                               log_path):
    saved_on = []
    handler = handler_factory(save=lambda: saved_on.append(threading.current_thread()))

    def work():
        raise ValueError("luồng phụ hỏng")

    with qtbot.waitSignal(handler.crashed, timeout=2000):
        thread = threading.Thread(target=work, name="worker-1")
        thread.start()
        thread.join()
    qtbot.waitUntil(lambda: bool(shown), timeout=2000)
    assert saved_on == [threading.main_thread()]
    text = read_log(log_path)
    assert "Unhandled exception in thread worker-1" in text and "ValueError: luồng phụ hỏng" in text


def test_keyboard_interrupt_goes_to_the_previous_hook(handler_factory, shown, monkeypatch):
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: seen.append(args[0]))
    handler_factory()
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        sys.excepthook(*sys.exc_info())
    assert seen == [KeyboardInterrupt]
    assert shown == []


def test_uninstall_puts_the_previous_hooks_back(log_path):
    before = (sys.excepthook, threading.excepthook)
    crash.install_crash_handler(log_path, None, show_message=lambda text: None)
    assert sys.excepthook != before[0]
    crash.uninstall_crash_handler()
    assert (sys.excepthook, threading.excepthook) == before
