"""The rows timed as whole processes: the real window (window_probe.py) and the commands.

Each is run ``repeat`` times on a fresh copy of the book; the rows give the best and the
median. A process that fails is a row with no time and what went wrong as its note, so
a crash on a large book shows in the table instead of stopping the benchmark.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from processes import Finished, book_folder, book_samples, diva_desk_command, run_process
from results import Result

PROBE = Path(__file__).resolve().with_name("window_probe.py")
NAN = math.nan
#: The last window_results' runs, each its milestones and phases (for the JSON).
LAST_WINDOW_RUNS: list[dict] = []
#: The peak memory of the last window run that failed (read by wait4 all the same).
CRASHED_PEAK_MB: list[float] = []

#: The window's rows: (row name, unit, how to read it from one run's summary).
WINDOW_ROWS: list[tuple[str, str, Callable[[dict, Finished], float]]] = [
    ("window: start → shown with Today filled", "ms", lambda s, f: s["ready_from_spawn_ms"]),
    ("window: longest GUI block, start-up", "ms", lambda s, f: s["start"]["longest_block_ms"]),
    ("window: start → quiet", "ms", lambda s, f: s["quiet_from_spawn_ms"]),
    ("window: longest GUI block, payment", "ms", lambda s, f: s["payment"]["longest_block_ms"]),
    ("window: payment refresh → quiet", "ms", lambda s, f: s["payment"]["quiet_ms"]),
    ("window: peak RSS", "MB", lambda s, f: f.peak_rss_mb),
]


def _events(stdout: str) -> tuple[dict[str, dict], dict | None]:
    events: dict[str, dict] = {}
    summary = None
    for line in stdout.splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if "event" in item:
            events[item["event"]["name"]] = item["event"]
        elif "summary" in item:
            summary = item["summary"]
    return events, summary


def _failure(finished: Finished, events: dict[str, dict]) -> str:
    reached = max(events, key=lambda n: events[n].get("ms", 0), default="nothing")
    lines = [line for line in finished.stderr.splitlines() if line.strip()]
    why = next((line for line in lines if "Fatal" in line or "Error" in line), "")
    why = why or (lines[-1] if lines else "")
    return (
        f"status {finished.status} after {reached}, {finished.seconds:.1f} s, "
        f"{finished.peak_rss_mb:.0f} MB; {why[:100]}"
    ).strip()


def window_once(
    book: Path, today: str, number: str, timeout: float, quiet_ms: float
) -> tuple[dict | None, str]:
    """One probe run: its summary with times from spawn, or None and why it failed.

    A run that crashed still has its peak memory: it goes in ``CRASHED_PEAK_MB``."""
    with book_folder(book) as (data, env):
        command = [sys.executable, str(PROBE), str(data), "--payment", number, "--today", today]
        command += ["--quiet-ms", str(quiet_ms)]
        finished = run_process(command, env, data.parent, timeout)
    events, summary = _events(finished.stdout)
    if finished.status != 0 or summary is None or "payment" not in summary["phases"]:
        CRASHED_PEAK_MB[:] = [finished.peak_rss_mb]
        return None, _failure(finished, events)
    for phase in summary["phases"].values():
        if phase["timed_out"]:
            return None, "the window never went quiet"

    def from_spawn(name: str) -> float:
        return (events[name]["monotonic"] - finished.spawned) * 1000 if name in events else NAN

    result = dict(summary["phases"])
    result["ready_from_spawn_ms"] = max(from_spawn("today_filled"), from_spawn("first_paint"))
    start = summary["marks"]
    quiet = result["start"]["quiet_ms"] - start.get("first_paint", 0) + from_spawn("first_paint")
    result["quiet_from_spawn_ms"] = quiet
    result["peak_rss_mb"] = summary["peak_rss_mb"]
    result["marks"] = summary["marks"]
    result["today_filled"] = summary["filled"]
    result["finished"] = finished
    return result, ""


def window_results(
    book: Path, today: str, repeat: int, timeout: float = 600, quiet_ms: float = 750
) -> list[Result]:
    """The real window on ``book``: start-up, blocking, a payment's refresh, memory.

    ``quiet_ms``: how long without a tick gap over 50 ms counts as settled (shorter in
    the test, where only the wiring is checked)."""
    number = book_samples(book)["open_invoice"]
    runs: list[dict] = []
    failures: list[str] = []
    for _n in range(repeat):
        summary, why = window_once(book, today, number, timeout, quiet_ms)
        if summary is None:
            failures.append(why)
            break  # a crash repeats itself; one is enough to report
        runs.append(summary)
    LAST_WINDOW_RUNS[:] = [
        {k: v for k, v in run.items() if k != "finished"} | {"failure": ""} for run in runs
    ] + [{"failure": why} for why in failures]
    rows = []
    for name, unit, read in WINDOW_ROWS:
        values = [read(run, run["finished"]) for run in runs]
        values = [v for v in values if not math.isnan(v)]
        note = failures[0] if failures else ""
        if failures and unit == "MB" and CRASHED_PEAK_MB:
            values, note = CRASHED_PEAK_MB[-1:], "when it failed: " + note
        row = Result.of(name, values, None, unit=unit, note=note)
        if failures and row.target is not None:
            row = replace(row, passed=False)  # a window that crashed meets no target
        rows.append(row)
    return rows


#: The commands timed whole: (row name, arguments after ``diva-desk``).
def commands(today: str, number: str, pdf: Path) -> list[tuple[str, list[str]]]:
    return [
        ("cli: today --json", ["today", "--json", "--date", today]),
        ("cli: aging --json", ["aging", "--json", "--date", today]),
        ("cli: customers --json", ["customers", "--json"]),
        ("cli: invoice-pdf", ["invoice-pdf", number, "-o", str(pdf)]),
    ]


def command_results(
    book: Path, today: str, repeat: int, only: list[str] | None = None
) -> list[Result]:
    number = book_samples(book)["open_invoice"]
    rows = []
    with book_folder(book) as (data, env):
        pdf = data.parent / "invoice.pdf"
        for name, arguments in commands(today, number, pdf):
            if only and not any(word in name for word in only):
                continue
            command = [*diva_desk_command(), "--data-dir", str(data), *arguments]
            times, note = [], ""
            for _n in range(repeat):
                finished = run_process(command, env, data.parent)
                if finished.status != 0:
                    note = _failure(finished, {})
                    break
                times.append(finished.seconds * 1000)
            rows.append(Result.of(name, times, None, note=note))
    return rows
