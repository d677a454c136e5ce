"""Reading the book again after a change, without freezing the window.

Every change (an outcome, a payment, a saved invoice) and F5 call
:meth:`Refresher.refresh`. What it reads, and where:

* the list tab in view reloads its model at once (``tab.model.reload(today)``: the
  list models read a window of rows, so this does not grow with the book); the
  tabs out of view are only marked stale and read when they are shown, so the
  window opens with one list read, and a payment recorded from the Customers tab
  does not re-read the invoice list;
* the Reports tab reads its figures on a worker, and only while it is shown;
* the Today panel's day (the figures, the call list, the first calls' talking
  points) is read on a worker of its own (:attr:`Refresher.reads`), so a long
  export or backup on the window's task runner never holds it up. One read runs
  at a time: a refresh asked for while one is out is remembered, the result that
  comes back is dropped as stale, and the newest refresh is read instead.

While the Today panel's read is out, :attr:`Refresher.busy_changed` is true and the
window says "Reading the book…" in its status bar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from diva_desk.core.calls import Call
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.tables.list_tab import ListTab
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.reports.reports_tab import ReportsTab
from diva_desk.ui.today.today_panel import TodayPanel
from diva_desk.ui.today.today_reading import CardExtras, TodayReading, card_extras, read_today


def extras_reader(
    reads: TaskRunner, parent: QWidget
) -> Callable[[list[Call], dt.date, Callable[[CardExtras], None]], None]:
    """The Today panel's "Show more": the next page's talking points, read on ``reads``."""

    def read(calls: list[Call], day: dt.date, done: Callable[[CardExtras], None]) -> None:
        reads.run(lambda: card_extras(calls, day), done, lambda exc: show_failure(parent, exc))

    return read


class Refresher(QObject):
    #: True while the Today panel's day is being read.
    busy_changed = Signal(bool)
    #: A fresh reading reached the Today panel (the window's owed label follows it).
    read = Signal(object)  # TodayReading

    def __init__(
        self,
        reads: TaskRunner,
        *,
        panel: TodayPanel,
        tabs: QTabWidget,
        lists: Sequence[ListTab],
        reports: ReportsTab,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.reads = reads
        self._panel = panel
        self._tabs = tabs
        self._lists = tuple(lists)
        self._reports = reports
        self._today: dt.date | None = None
        #: List tabs out of view since the book changed: read again when shown.
        self._stale: set[ListTab] = set()
        self._reading = False
        #: A refresh asked for while a read was out: its day.
        self._again: dt.date | None = None
        tabs.currentChanged.connect(self._tab_shown)

    def refresh(self, today: dt.date) -> None:
        """Read again what the window shows for ``today``: the slow parts on a worker."""
        self._today = today
        current = self._tabs.currentWidget()
        for tab in self._lists:
            if tab is current:
                self._stale.discard(tab)
                tab.model.reload(today)
            else:
                self._stale.add(tab)
        self._reports.reload(today)
        self._read_today(today)

    def is_reading(self) -> bool:
        """Whether the Today panel's day is still to be read."""
        return self._reading

    def ensure_read(self, tab: ListTab) -> None:
        """Read a list out of view now, when something is about to look a row up in it."""
        if tab in self._stale and self._today is not None:
            self._stale.discard(tab)
            tab.model.reload(self._today)

    def _tab_shown(self, index: int) -> None:
        tab = self._tabs.widget(index)
        if isinstance(tab, ListTab):
            # At once: what shows a tab may select a row in it next (show_customer_in).
            self.ensure_read(tab)

    # --- the Today panel's day, on the worker ------------------------------------------

    def _read_today(self, today: dt.date) -> None:
        if self._reading:
            self._again = today  # the read out now comes back stale; this one follows it
            return
        self._reading = True
        self.busy_changed.emit(True)
        shown = self._panel.list.target
        self.reads.run(lambda: read_today(today, shown), self._was_read, self._not_read)

    def _was_read(self, reading: TodayReading) -> None:
        self._reading = False
        if self._again is not None:
            day, self._again = self._again, None
            self._read_today(day)  # a newer refresh wins: this reading is dropped
            return
        self.busy_changed.emit(False)
        self.read.emit(reading)  # first: the panel may say it is filled before returning
        self._panel.show_reading(reading)

    def _not_read(self, error: BaseException) -> None:
        self._reading = False
        self._again = None
        self.busy_changed.emit(False)
        show_failure(self._panel, error)
