"""Start the real Diva Desk window on a book and say, as JSON, how long it took.

    QT_QPA_PLATFORM=offscreen python benchmarks/window_probe.py DATA_DIR [--payment NUMBER]
                                                                 [--today YYYY-MM-DD]

Run in a process of its own (window.py does, and reads the output). The window is
started the way ``diva-desk`` starts it (diva_desk.app.run_app on the data folder), with
two additions that do not change what it does:

- a zero-interval QTimer, started before the window is built, records the longest gap
  between its ticks: the longest stretch the GUI thread was blocked while the window was
  on screen (``longest_block_ms``, counted from the window's Show event; what blocks before
  it is start-up time, reported apart as ``longest_block_before_shown_ms``);
- the first emission of ``MainWindow.today_filled`` and the first paint of the window
  are stamped.

Phase "start": from process start until the window has painted, the Today panel is filled,
no background task runs and no gap longer than QUIET_GAP_MS has happened for QUIET_MS.
Phase "payment" (with ``--payment``): a payment of 1.00 is recorded on that invoice through
the store, then ``window.refresh()`` is called and the same quiet is waited for.

Each milestone is printed at once as a line of JSON (``{"event": ...}``), so a crash still
leaves what was reached; the last line is the summary (``{"summary": ...}``) with the peak
resident memory read from /proc/self/status (VmHWM). Times are milliseconds since the
process started (its start time from /proc/self/stat), and the absolute monotonic clock is
given too so the caller can time from its own spawn.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

#: The window is quiet when no tick gap above this has happened for QUIET_MS.
QUIET_GAP_MS = 50.0
QUIET_MS = 750.0
#: Give up waiting for quiet after this long (seconds), and say so.
PHASE_TIMEOUT_S = 120.0


def process_start_monotonic() -> float:
    """This process's start on the monotonic clock (Linux /proc; else now)."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # seconds after boot
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        # CLOCK_MONOTONIC and /proc/uptime both count from boot (less suspended time).
        return time.monotonic() - (uptime - started)
    except (OSError, ValueError, IndexError):
        return time.monotonic()


STARTED = process_start_monotonic()


def since_start() -> float:
    return round((time.monotonic() - STARTED) * 1000, 1)


def emit(kind: str, **fields: Any) -> None:
    print(json.dumps({kind: fields}), flush=True)


def peak_rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class Probe:
    """The ticks, the milestones and the phases, on the GUI thread."""

    def __init__(
        self, app: Any, payment: str | None, today: dt.date | None, quiet_ms: float = QUIET_MS
    ) -> None:
        from PySide6.QtCore import QTimer

        self.app, self.payment, self.today, self.quiet_ms = app, payment, today, quiet_ms
        self.window: Any = None
        self.marks: dict[str, float] = {}
        self.phases: dict[str, dict[str, Any]] = {}
        self.phase = "start"
        self.phase_began = STARTED
        self.longest_ms = 0.0
        #: Before the window is shown nobody sees it block: that time is start-up's.
        self.longest_before_shown_ms = 0.0
        self.counting_from: float | None = None
        self.last_tick = time.monotonic()
        self.last_long_gap = time.monotonic()
        self.filled = 0
        self.ticker = QTimer()
        self.ticker.setInterval(0)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()

    def mark(self, name: str) -> None:
        if name == "window_shown" and self.counting_from is None:
            self.counting_from = time.monotonic()
        if name not in self.marks:
            self.marks[name] = since_start()
            emit("event", name=name, ms=self.marks[name], monotonic=time.monotonic())

    def attach(self, window: Any) -> None:
        """Called on the window as soon as it exists (or on its first refresh)."""
        if self.window is not None:
            return
        self.window = window
        window.today_filled.connect(self.on_filled)
        window.installEventFilter(event_watch(self, window))

    def on_filled(self) -> None:
        self.filled += 1
        self.mark("today_filled" if self.phase == "start" else "today_filled_again")

    def tick(self) -> None:
        now = time.monotonic()
        gap = (now - self.last_tick) * 1000
        if self.counting_from is None:
            self.longest_before_shown_ms = max(self.longest_before_shown_ms, gap)
        else:
            # A gap that began before the window was shown: its part before goes apart.
            unseen = max(0.0, (self.counting_from - self.last_tick) * 1000)
            self.longest_before_shown_ms = max(self.longest_before_shown_ms, unseen)
            self.longest_ms = max(self.longest_ms, gap - unseen)
        self.last_tick = now
        if gap > QUIET_GAP_MS:
            self.last_long_gap = now
        if self.quiet(now):
            self.finish_phase(now)
        elif now - self.phase_began > PHASE_TIMEOUT_S:
            self.finish_phase(now, timed_out=True)

    def busy(self) -> bool:
        tasks = getattr(self.window, "tasks", None)
        return bool(tasks is not None and tasks.is_busy())

    def quiet(self, now: float) -> bool:
        if self.window is None or self.busy() or self.filled == 0:
            return False
        if self.phase == "start" and "first_paint" not in self.marks:
            return False
        if self.phase == "payment" and "today_filled_again" not in self.marks:
            return False
        return (now - self.last_long_gap) * 1000 >= self.quiet_ms

    def finish_phase(self, now: float, timed_out: bool = False) -> None:
        began = (self.phase_began - STARTED) * 1000
        filled = "today_filled" if self.phase == "start" else "today_filled_again"
        # Quiet from the last long gap, or from when the window was ready, if later.
        quiet_at = max(
            (self.last_long_gap - STARTED) * 1000,
            self.marks.get(filled, 0.0),
            self.marks.get("first_paint", 0.0) if self.phase == "start" else 0.0,
        )
        self.phases[self.phase] = {
            "longest_block_ms": round(self.longest_ms, 1),
            "longest_block_before_shown_ms": round(self.longest_before_shown_ms, 1),
            "quiet_ms": round(quiet_at - began, 1),
            "timed_out": timed_out,
        }
        emit("event", name=f"{self.phase}_quiet", **self.phases[self.phase])
        if self.phase == "start" and self.payment and not timed_out:
            self.pay_and_refresh()
        else:
            self.ticker.stop()
            self.app.quit()

    def pay_and_refresh(self) -> None:
        from diva_desk.store.invoices.payments import record_payment
        from diva_desk.store.invoices.records import invoice_row_by_number

        self.phase = "payment"
        invoice_id = invoice_row_by_number(str(self.payment)).id
        day = self.today or dt.date.today()
        record_payment(invoice_id, day, Decimal("1.00"), None, "benchmark", today=day)
        self.mark("payment_recorded")
        self.longest_ms = self.longest_before_shown_ms = 0.0
        self.phase_began = self.counting_from = self.last_tick = self.last_long_gap = (
            time.monotonic()
        )
        self.window.refresh()
        self.mark("refresh_returned")


def event_watch(probe: Probe, window: Any) -> Any:
    """An event filter that stamps the window's first paint (made after Qt is imported)."""
    from PySide6.QtCore import QEvent, QObject

    class Watch(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Show:
                probe.mark("window_shown")
            elif event.type() == QEvent.Type.Paint:
                probe.mark("first_paint")
            return False

    return Watch(window)


def probed_window_class(probe: Probe) -> type:
    """MainWindow, connected to the probe at its first refresh (inside its constructor
    today) or right after it is built, whichever comes first."""
    from diva_desk.ui.shell import main_window

    class ProbedWindow(main_window.MainWindow):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if probe.today is not None:
                kwargs.setdefault("today", lambda: probe.today)
            probe.mark("window_building")
            super().__init__(*args, **kwargs)
            probe.attach(self)
            probe.mark("window_built")

        def refresh(self, *args: Any, **kwargs: Any) -> None:
            probe.attach(self)
            super().refresh(*args, **kwargs)

    main_window.MainWindow = ProbedWindow  # type: ignore[misc]
    return ProbedWindow


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--payment", metavar="NUMBER", help="then record a payment on it")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="the window's today")
    parser.add_argument("--quiet-ms", type=float, default=QUIET_MS, help="quiet for this long")
    args = parser.parse_args(argv)
    emit("event", name="python_started", ms=since_start(), monotonic=time.monotonic())

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # run_app's make_application reuses it
    probe = Probe(app, args.payment, args.today, args.quiet_ms)
    probed_window_class(probe)
    from diva_desk.app import run_app

    probe.mark("imported")
    status = run_app(args.data_dir)
    emit(
        "summary",
        status=status,
        marks=probe.marks,
        phases=probe.phases,
        peak_rss_mb=peak_rss_mb(),
        filled=probe.filled,
    )
    return status


if __name__ == "__main__":
    raise SystemExit(main())
