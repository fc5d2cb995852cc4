"""Runs work off the GUI thread: one thread for the database, one for rendering; results come back as signals."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
T = TypeVar("T")


class RunDb(Protocol):
    """Tasks.run_db as a widget is handed it: on_done receives what fn returned."""

    def __call__(self, fn: Callable[[], T], on_done: Callable[[T], None], /) -> None: ...


class _Relay(QObject):
    """Carries one task's outcome back to the thread that owns it (the GUI thread).

    Signals:
        finished(object): the task's return value.
        failed(object): the exception it raised.
    """

    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to on_error, which decides
            log.debug("task failed:\n%s", traceback.format_exc())
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


class Tasks(QObject):
    """Queues for background work. inline=True runs everything at once on the caller's thread (tests).

    The database queue has a single thread, so writes happen one at a time and in order.
    """

    def __init__(self, *, inline: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.inline = inline
        self._db = QThreadPool(self)
        self._db.setMaxThreadCount(1)
        self._render = QThreadPool(self)
        self._render.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def run_db(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> None:
        self._run(self._db, fn, on_done, on_error)

    def run_render(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> None:
        self._run(self._render, fn, on_done, on_error)

    def _run(self, pool: QThreadPool, fn: Callable[[], Any], on_done: Done | None, on_error: Failed | None) -> None:
        if self.inline:
            try:
                result = fn()
            except BaseException as exc:
                if on_error is None:
                    raise
                on_error(exc)
            else:
                if on_done is not None:
                    on_done(result)
            return
        relay = _Relay()
        self._relays.add(relay)

        def finish(result: Any) -> None:
            self._relays.discard(relay)
            if on_done is not None:
                on_done(result)

        def fail(exc: BaseException) -> None:
            self._relays.discard(relay)
            if on_error is None:
                log.error("background task failed", exc_info=exc)
            else:
                on_error(exc)

        relay.finished.connect(finish)
        relay.failed.connect(fail)
        pool.start(_Task(fn, relay))

    @Slot()
    def wait(self, msecs: int = 10_000) -> bool:
        """Block until both queues are empty (used at shutdown, so the last save lands)."""
        return self._db.waitForDone(msecs) and self._render.waitForDone(msecs)
