"""The one way long work (imports, exports, backups) leaves the GUI thread.

Why a worker may touch the book at all: the store's database is a Peewee
``SqliteDatabase`` with ``thread_safe=True``, so each thread gets its *own*
SQLite connection, opened on first use with the same pragmas (WAL,
foreign keys, busy timeout). The book is in WAL mode, so the window keeps
reading while a worker writes, and a whole import is one transaction: a
refresh sees the book before it or after it, never half of it. Two rules keep
this honest:

* tasks run one at a time (a pool of one thread), so two writers never race
  for the book's write lock and a backup never copies half an import;
* a task that used the book closes its thread's connection when it ends, so
  no connection outlives its task or the book (``close_book`` on the GUI thread
  only closes the GUI thread's own connection).

Small reads and writes (refreshing the lists, saving a form) stay on the GUI
thread: they take milliseconds, and keeping them there keeps the code simple.
The Reports view's figures, a dozen aggregates over the whole book, are read here
(ui.reports_tab), so a large book never freezes the window while they are read.

No widget is touched inside a task. The result, or the exception, travels back
by a queued signal to :class:`TaskRunner`, which lives on the GUI thread and
calls the caller's callbacks there. A bug (not a :class:`UserFacingError`) that the
caller's ``on_failed`` did not report (ui.common.errors.show_failure does) is still
written to the log with its traceback, so no bug in a task passes silently; one
raised by a callback itself reaches sys.excepthook, as in any slot.
"""

from __future__ import annotations

import gc
import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from diva_desk.errors import UserFacingError
from diva_desk.store.book.maintenance import close_thread_connection
from diva_desk.ui.common.errors import was_logged

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Signals(QObject):
    """Created on the GUI thread, emitted from the worker: Qt queues the delivery."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, number: int, work: Callable[[], Any], signals: _Signals, uses_book: bool):
        super().__init__()
        self._number = number
        self._work = work
        self._signals = signals
        self._uses_book = uses_book

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # handed to the GUI thread, which decides how to show it
            self._signals.failed.emit(self._number, exc)
        else:
            self._signals.succeeded.emit(self._number, result)
        finally:
            if self._uses_book:
                close_thread_connection()


class TaskRunner(QObject):
    """Runs work off the GUI thread, one task at a time, and calls back on the GUI thread."""

    #: Emitted after a task's callback ran (for tests and for anything waiting on work).
    task_finished = Signal()
    #: True while a task runs: actions that would start another long job turn grey.
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._numbers = itertools.count(1)
        self._pending: dict[int, tuple[_Signals, Done, Failed]] = {}

    def run(
        self,
        work: Callable[[], Any],
        on_done: Done,
        on_failed: Failed,
        *,
        uses_book: bool = True,
    ) -> None:
        """Start ``work()`` on the worker thread; then ``on_done(result)`` or ``on_failed(exc)``.

        ``work`` must not touch a widget. Both callbacks run on the GUI thread.
        """
        number = next(self._numbers)
        signals = _Signals()
        signals.succeeded.connect(self._succeeded)
        signals.failed.connect(self._failed)
        was_busy = self.is_busy()
        self._pending[number] = (signals, on_done, on_failed)
        if not was_busy:
            self.busy_changed.emit(True)
        _collector_off()
        self._pool.start(_Task(number, work, signals, uses_book))

    def is_busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (the callbacks still need the event loop)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object)
    def _succeeded(self, number: int, result: object) -> None:
        _signals, on_done, _on_failed = self._pending.pop(number)
        try:
            on_done(result)
        finally:
            self._settled()

    @Slot(int, object)
    def _failed(self, number: int, error: object) -> None:
        _signals, _on_done, on_failed = self._pending.pop(number)
        try:
            assert isinstance(error, BaseException)
            on_failed(error)
        finally:
            if not isinstance(error, UserFacingError) and not was_logged(error):
                log.error(
                    "A background task failed:\n%s",
                    "".join(traceback.format_exception(type(error), error, error.__traceback__)),
                )
            self._settled()

    def _settled(self) -> None:
        _collector_back()
        if not self._pending:
            self.busy_changed.emit(False)
        self.task_finished.emit()


#: Tasks started and not yet settled, in every runner; and whether the collector was
#: on when the first of them started.
_out = 0
_was_enabled = False


def _collector_off() -> None:
    """No automatic garbage collection while a task is out (on the GUI thread).

    A collection started in a worker may delete a Qt object there, which crashes the
    process. A full collection on the GUI thread before each task prevented that, but
    on a large book (thousands of rows and calls alive) it held the window for 150-200
    ms at every refresh. Instead the collector is off while any task is out, and back on
    once all have settled: garbage waits for the GUI thread, which collects it as usual.
    """
    global _out, _was_enabled
    if _out == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
    _out += 1


def _collector_back() -> None:
    global _out
    _out -= 1
    if _out == 0 and _was_enabled:
        gc.enable()
