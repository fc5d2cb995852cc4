"""The report being edited: autosave, findings and preview, kept off the GUI thread where they are slow."""

from __future__ import annotations

import copy
import gc
import logging
import time
from collections.abc import Callable
from dataclasses import fields, replace
from datetime import datetime
from operator import attrgetter
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.conflicts import EditConflict
from app.domain.errors import ConnectionLost, UserError
from app.domain.findings import Finding
from app.domain.report import Entry, Report, Section
from app.domain.targets import Target
from app.gui.tasks import Tasks
from app.i18n import _

RolledUp = tuple[dict[str, list[tuple[str, int]]], dict[str, int]]  # a roll-up's trace and sums (services.collect)

log = logging.getLogger(__name__)

_T = TypeVar("_T")


def _copier(cls: type[_T]) -> Callable[[_T], _T]:
    """A function that copies an instance of the dataclass cls field by field (a shallow copy, made fast)."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    values = attrgetter(*names)
    return lambda instance: cls(*values(instance))


_copy_entry = _copier(Entry)
_copy_target = _copier(Target)


def copy_report(report: Report) -> Report:
    """A deep copy of report, made faster than copy.deepcopy where a report is big: its entries and targets.

    Entries and targets hold only immutable values (text, enums, numbers), so a shallow copy of each is a
    full copy; everything else goes through copy.deepcopy, which reuses the lists copied here.
    """
    memo: dict[int, object] = {}

    def sections(siblings: list[Section]) -> list[Section]:
        copied = memo[id(siblings)] = [
            replace(section, entries=list(map(_copy_entry, section.entries)), children=sections(section.children))
            for section in siblings
        ]
        return copied

    sections(report.sections)
    for targets in (report.targets, report.next_targets):
        memo[id(targets)] = list(map(_copy_target, targets))
    return copy.deepcopy(report, memo)


def lint(report: Report, rolled_up: RolledUp | None = None) -> list[Finding]:
    """Every finding the findings panel lists for report: arithmetic, profile, conventions and the drafting; and, for
    a report rolled up from its sub-units' (rolled_up: the trace and sums of its last roll-up), each figure she
    typed over that the sum no longer supports."""
    from app.services.drafting import check_report

    findings = check_report(report)
    if rolled_up is not None:
        from app.domain.consolidation import typed_over_findings

        findings += typed_over_findings(report, *rolled_up)
    return findings


class Debouncer(QObject):
    """Calls fn delay ms after the last poke, and no later than max_delay ms after the first one."""

    def __init__(self, fn: Callable[[], None], delay: int, max_delay: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._delay = delay
        self._quiet = QTimer(self, singleShot=True, interval=delay)
        self._deadline = QTimer(self, singleShot=True, interval=max_delay)
        for timer in (self._quiet, self._deadline):
            timer.timeout.connect(fn)

    def poke(self, quiet: int | None = None) -> None:
        """Call fn once the pokes pause for the delay, or for quiet ms without the max delay."""
        if quiet is None:
            self._quiet.start(self._delay)
            if not self._deadline.isActive():
                self._deadline.start()
        else:
            self._quiet.start(quiet)

    def cancel(self) -> None:
        self._quiet.stop()
        self._deadline.stop()

    def delay(self, msecs: int) -> None:
        """Try again in msecs (after a failure), whatever the usual delays."""
        self.cancel()
        self._quiet.start(msecs)


class _Save:
    """One autosave on its way to the database: the snapshot it writes, and whether the write committed."""

    def __init__(self, after: Report) -> None:
        self.after = after
        self.landed = False  # set in the database thread once committed; read after Tasks.wait()


class ReportEditing(QObject):
    """Holds the open report; every edit goes through changed(), which schedules a save, the checks and a preview.

    Saving is debounced (SAVE_DELAY_MS after the last edit, and at most SAVE_MAX_DELAY_MS after the
    first unsaved one), so a killed process loses at most the last second of typing. It keeps the report
    as last saved and writes, in the database thread and one transaction, only what differs between that
    and a snapshot of the report now (services.reports.save_changes). Each save is first written to the local
    journal (services.journal), and removed from it once it landed: when the database server is out of reach
    (connection_changed) the edits stay there and in memory, saving is retried after RETRY_MS, and whatever the
    database never got (a kill, a close with a conflict unanswered) is offered back at the next start.

    The checks (lint) and the preview run on the same snapshot in the render thread, debounced
    (REFRESH_DELAY_MS, at most REFRESH_MAX_DELAY_MS); only the newest result is shown, so typing never
    waits for them. Showing the preview takes the GUI thread (QTextBrowser lays the document out there):
    once showing one took longer than PREVIEW_SLOW_MS, the next waits for a pause in typing
    (PREVIEW_PAUSE_MS) instead of interrupting it.

    snapshot() is the one place where the report is copied for work off the GUI thread.

    Signals:
        report_loaded(object): a Report was opened (None when closed).
        report_changed(str): an edit happened; the argument names the area ("text", "stats", …).
        report_saved(object): the local datetime of the save that landed.
        save_failed(str): a translated message; the edits stay in memory and are retried.
        connection_changed(bool): True when a save found the database server out of reach (her edits stay in memory
            and in the local journal, and saving is retried with a growing delay), False when a save landed again.
        save_conflict(object): someone else saved the report since it was opened or last saved (an EditConflict);
            saving pauses, her edits stay in memory, until keep_mine(), keep_theirs() or keep_mix() settles it.
        findings_updated(object): the current list of Finding.
        preview_updated(str): HTML of the document as it stands.
    """

    report_loaded = Signal(object)
    report_changed = Signal(str)
    report_saved = Signal(object)
    save_failed = Signal(str)
    save_conflict = Signal(object)
    connection_changed = Signal(bool)
    findings_updated = Signal(object)
    preview_updated = Signal(str)

    SAVE_DELAY_MS = 400
    SAVE_MAX_DELAY_MS = 800
    REFRESH_DELAY_MS = 150
    REFRESH_MAX_DELAY_MS = 400
    PREVIEW_DELAY_MS = REFRESH_DELAY_MS  # the name the preview benchmark reads
    PREVIEW_SLOW_MS = 16  # a frame: beyond it, showing the preview mid-typing would be felt
    PREVIEW_PAUSE_MS = 500  # then the preview waits for this long a pause: she stopped typing, not between keys
    RETRY_MS = (1000, 2000, 4000, 8000, 15000, 30000)  # waits between saves while the server is out of reach

    def __init__(self, tasks: Tasks, sessions: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._sessions = sessions
        self.report: Report | None = None
        self.report_id: int | None = None
        self._findings: list[Finding] = []
        self._findings_of: Report | None = None  # the snapshot _findings were computed on
        self.extra_findings: list[Finding] = []  # shown before the checks' own (a roll-up's cross-checks)
        self.rolled_up: RolledUp | None = None  # the trace and sums of the open report's last roll-up
        self._snapshot: Report | None = None  # a copy of report since the last edit; None: take a new one
        self._saved: Report | None = None  # the report as stored: the snapshot of the last save that landed
        self._dirty = False
        self._in_flight: _Save | None = None
        self.conflict: EditConflict | None = None  # a save refused as based on an outdated version, not yet settled
        self.connection_lost = False  # the last save found the database server out of reach
        self._journaled: Report | None = None  # the snapshot last journaled while a save was under way
        self._retries = 0
        self._preview_seq = 0
        # Called in the render thread with each preview's HTML before it is emitted (the preview pane parses
        # it there: PreviewPane.prepare).
        self.prepare_preview: Callable[[str], None] | None = None
        self._findings_seq = 0
        # Continuous typing keeps restarting a plain debounce; the max delay bounds what a kill loses.
        self._save = Debouncer(self.save_now, self.SAVE_DELAY_MS, self.SAVE_MAX_DELAY_MS, self)
        self._checks = Debouncer(self.refresh_findings, self.REFRESH_DELAY_MS, self.REFRESH_MAX_DELAY_MS, self)
        self._preview = Debouncer(self.refresh_preview, self.REFRESH_DELAY_MS, self.REFRESH_MAX_DELAY_MS, self)
        self._preview_shown_ms = 0.0  # how long showing the last preview took on the GUI thread

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def findings(self) -> list[Finding]:
        """The findings of the report as it stands; checked now, on this thread, when edits came after the last check.

        Callers that act on them (export asks first when there are errors) get them up to date; the findings
        panel is kept up to date in the background instead.
        """
        if self.report is not None and self._findings_of is not self.snapshot():
            snapshot = self.snapshot()
            self._findings_seq += 1  # a check still running in the background is older than this one
            self._show_findings(lint(snapshot, self.rolled_up), snapshot)
        return self._findings

    def snapshot(self) -> Report:
        """A copy of the report as it stands, for the save, the checks and the preview to use off the GUI thread.

        The copy is taken once per edit and shared: nobody changes it. Anything that must bring the report up
        to date before it is saved, checked or previewed belongs here, before the copy.
        """
        assert self.report is not None
        if self._snapshot is None:
            self._snapshot = copy_report(self.report)
        return self._snapshot

    def open(self, report_id: int, report: Report) -> None:
        """Start editing report, as just loaded from the database under report_id: the first save compares with it."""
        self.flush()
        self.report_id, self.report, self._dirty = report_id, report, False
        self.extra_findings, self.rolled_up = [], None
        self._snapshot, self._findings, self._findings_of = None, [], None
        self._saved = self.snapshot()
        self.report_loaded.emit(report)
        # A full garbage collection walks every object of the process, and with Qt's wrappers that takes
        # 0.3 s here: a pause in typing whenever copies of a big report trigger one. The objects alive now
        # (the app, its widgets, this report) are kept out of those walks; later collections see only what
        # was made since. What is garbage at this moment is kept too: a few objects per report opened.
        gc.freeze()
        self._refresh_views()

    def close(self) -> None:
        self.flush()
        self.report_id, self.report, self._snapshot, self._saved = None, None, None, None
        self.report_loaded.emit(None)

    def changed(self, area: str) -> None:
        """Record that the report was edited in area; save, checks and preview follow shortly."""
        if self.report is None:
            return
        self._dirty = True
        self._snapshot = None
        self._save.poke()
        self._checks.poke()
        self._preview.poke(None if self._preview_shown_ms <= self.PREVIEW_SLOW_MS else self.PREVIEW_PAUSE_MS)
        self.report_changed.emit(area)

    def save_now(self) -> None:
        """Write the report's unsaved edits now (Ctrl+S, closing, switching reports); one save runs at a time."""
        self._save.cancel()
        if self.report is None or not self._dirty or self.conflict is not None:
            return
        if self._in_flight is not None:
            self._save.poke()  # this one follows the running one
            self._journal_meanwhile()
            return
        from app.services import journal

        assert self._saved is not None and self.report_id is not None
        before, after, report_id = self._saved, self.snapshot(), self.report_id
        sessions: Any = self._sessions()
        flight = self._in_flight = _Save(after)
        self._dirty = False

        def save() -> datetime:
            # Journaled on this computer first: a lost connection or a kill never loses what was typed.
            when = journal.save_changes(sessions, report_id, before, after)
            flight.landed = True
            return when

        self.tasks.run_db(save, lambda when: self._on_saved(flight, when),
                          lambda exc: self._on_save_failed(flight, exc))

    def flush(self) -> None:
        """Save pending edits and wait until they are written (before closing or switching).

        Edits the database did not take (the server out of reach, a conflict not answered) stay in the local
        journal, offered back at the next start.
        """
        for _attempt in range(2):  # the save under way, then the edits made while it ran
            self.save_now()
            self.tasks.wait()
            if self._in_flight is not None:
                # Its outcome is still queued for the event loop, which may not run again: settle it here.
                self._settle(self._in_flight, self._in_flight.landed)
        if self.conflict is not None and self._dirty and self.report is not None:
            self._journal_unsaved()

    def _journal_location(self) -> str | None:
        """The database the journal files its entries under; None without one open."""
        return getattr(self._sessions(), "location", None)

    def _journal_meanwhile(self) -> None:
        """While a save is under way (a server slow to answer may hold it for SERVER_TIMEOUT s), journal the edits
        made since, in the journal's own thread, so a kill meanwhile loses none of them."""
        from app.services import journal

        snapshot, location = self.snapshot(), self._journal_location()
        if snapshot is self._journaled or location is None or self.report_id is None:
            return
        assert self._saved is not None
        self._journaled = snapshot
        journal.record_soon(location, self.report_id, self._saved, snapshot)

    def _journal_unsaved(self) -> None:
        """Put the edits held back by an unanswered conflict in the journal (save_now sends nothing meanwhile)."""
        from app.services import journal

        assert self._saved is not None and self.report_id is not None
        before, after, report_id = self._saved, self.snapshot(), self.report_id
        location = self._journal_location()
        if location is None:
            return
        self.tasks.run_db(lambda: journal.record(location, report_id, before, after), None,
                          lambda exc: log.error("the journal could not be written", exc_info=exc))
        self.tasks.wait()

    def resume(self, base: Report) -> None:
        """Take up edits journaled by an earlier run: the open report is hers, base the stored copy it started from.

        The save that follows goes through the version check: a newer save by someone else shows as a conflict.
        """
        if self.report is None:
            return
        self._saved = base
        self.changed("restored")
        self.save_now()

    def _settle(self, flight: _Save, landed: bool) -> bool:
        """Record the outcome of flight; False when it was settled already (by flush)."""
        if flight is not self._in_flight:
            return False
        self._in_flight = None
        if landed:
            self._saved = flight.after
        else:
            self._dirty = True
        return True

    def _on_saved(self, flight: _Save, when: datetime) -> None:
        self._settle(flight, True)
        self._retries = 0
        if self.connection_lost:
            self.connection_lost = False
            self.connection_changed.emit(False)
        self.report_saved.emit(when.astimezone())

    def _on_save_failed(self, flight: _Save, exc: BaseException) -> None:
        if not self._settle(flight, False):
            return
        if isinstance(exc, EditConflict) and not exc.conflicts:
            # Someone saved in between, but what is stored now is what she has (both sides drafted the same
            # sentences, say): nothing to choose, her save goes on top of theirs.
            self.conflict = exc
            self.keep_mine()
            return
        if isinstance(exc, EditConflict):
            self.conflict = exc
            self.save_conflict.emit(exc)
            return
        if isinstance(exc, ConnectionLost):
            log.info("autosave: the database server is out of reach: %s", exc)
            wait = self.RETRY_MS[min(self._retries, len(self.RETRY_MS) - 1)]
            self._retries += 1
            if not self.connection_lost:
                self.connection_lost = True
                self.connection_changed.emit(True)
            self._save.delay(wait)
            return
        if isinstance(exc, UserError):
            message = exc.message
        else:
            log.error("autosave failed", exc_info=exc)
            message = _("Your changes could not be saved yet; they will be saved again shortly.")
        self.save_failed.emit(message)
        self._save.delay(3000)

    def keep_mine(self) -> None:
        """Settle a conflict for her copy: save it over the stored one (based on the version the conflict found)."""
        if self.conflict is None:
            return
        theirs = self.conflict.theirs
        assert isinstance(theirs, Report)
        self.conflict, self._saved, self._dirty = None, copy_report(theirs), True
        self.save_now()

    def keep_mix(self, keep_theirs: set[str]) -> None:
        """Settle a conflict field by field: their value where the path is in keep_theirs, hers elsewhere; saved."""
        if self.conflict is None or self.report is None or self.report_id is None:
            return
        from app.domain.conflicts import merge_report

        theirs = self.conflict.theirs
        assert isinstance(theirs, Report)
        merged = merge_report(theirs, self.snapshot(), keep_theirs)
        self.conflict, self._dirty = None, False
        self.open(self.report_id, merged)  # the editor shows the mix
        self._saved, self._dirty = copy_report(theirs), True
        self.save_now()

    def keep_theirs(self) -> None:
        """Settle a conflict for the stored copy: her unsaved edits are dropped and the stored report reopened."""
        if self.conflict is None or self.report_id is None:
            return
        theirs = self.conflict.theirs
        assert isinstance(theirs, Report)
        self.conflict, self._dirty = None, False
        self._forget_journaled(self.report_id)
        self.open(self.report_id, copy_report(theirs))

    def _forget_journaled(self, report_id: int) -> None:
        """She gave up her unsaved edits of report_id: they leave the journal too."""
        from app.services import journal

        location = self._journal_location()
        if location is not None:
            self.tasks.run_db(lambda: journal.clear(location, report_id), None,
                              lambda exc: log.warning("the journal could not be cleared: %s", exc))

    def _refresh_views(self) -> None:
        self.refresh_findings()
        self.refresh_preview()

    def refresh_findings(self) -> None:
        """Run the checks on a snapshot in the render thread; only the newest result is shown."""
        self._checks.cancel()
        if self.report is None:
            return
        snapshot = self.snapshot()
        if self._findings_of is snapshot:
            return
        self._findings_seq += 1
        seq = self._findings_seq

        def done(findings: list[Finding]) -> None:
            if seq == self._findings_seq:
                self._show_findings(findings, snapshot)

        def failed(exc: BaseException) -> None:
            log.error("checks failed", exc_info=exc)

        rolled_up = self.rolled_up  # as it is now: the check runs in the render thread
        self.tasks.run_render(lambda: lint(snapshot, rolled_up), done, failed)

    def set_extra_findings(self, findings: list[Finding]) -> None:
        """Show findings (a roll-up's cross-checks) before the checks' own until another report opens."""
        self.extra_findings = list(findings)
        self._findings_of = None
        self.refresh_findings()

    def set_rolled_up(self, trace: dict[str, list[tuple[str, int]]], sums: dict[str, int]) -> None:
        """Check each figure she types over against its roll-up from now on (until another report opens); the
        roll-up's own findings about typed-over figures give way to these, which follow her typing."""
        self.rolled_up = (trace, sums)
        self._findings_of = None
        self.refresh_findings()

    def _show_findings(self, findings: list[Finding], of: Report) -> None:
        extra = [f for f in self.extra_findings
                 if self.rolled_up is None or f.code != "consolidation.override"]
        findings = extra + [f for f in findings if f not in extra]
        unchanged = findings == self._findings and self._findings_of is not None
        self._findings, self._findings_of = findings, of
        if not unchanged:  # typing mostly leaves them as they were: no need to redraw the panel
            self.findings_updated.emit(findings)

    def refresh_preview(self) -> None:
        """Rebuild the preview HTML in the render thread; only the newest result is shown."""
        self._preview.cancel()
        if self.report is None:
            return
        snapshot = self.snapshot()
        self._preview_seq += 1
        seq = self._preview_seq

        prepare = self.prepare_preview

        def build() -> str:
            from app.services.export import preview_html

            html = preview_html(snapshot)
            if prepare is not None:
                prepare(html)  # parsed here, not on the GUI thread
            return html

        def done(html: str) -> None:
            if seq == self._preview_seq:
                start = time.perf_counter()
                self.preview_updated.emit(html)  # shown by the time emit returns (same thread)
                self._preview_shown_ms = (time.perf_counter() - start) * 1000

        def failed(exc: BaseException) -> None:
            if seq != self._preview_seq:
                return
            message = exc.message if isinstance(exc, UserError) else _("The preview could not be built.")
            if not isinstance(exc, UserError):
                log.error("preview failed", exc_info=exc)
            self.preview_updated.emit(f"<p style='color:#a00'>{message}</p>")

        self.tasks.run_render(build, done, failed)
