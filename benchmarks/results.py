"""A benchmark row, the targets of issue 11, and the table and JSON they are shown as.

Every row has a median (what is compared with its target) and a best; rows without a
target are there to explain the others. A target is met when the median is at or under
it (at or over it, for the PDF speed ratio). A row with no value (a process that
crashed, a package not installed) never passes, and says why in its note.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Target:
    #: Rows whose name starts with this have this target.
    prefix: str
    limit: float
    #: "max": the median must be at most ``limit``; "min": at least.
    kind: str = "max"


#: Issue 11's table, row by row (the names are the rows' names in operations.py,
#: whole.py and run.py). Times in ms, memory in MB, the PDF ratio in ×.
TARGETS = [
    Target("window: start → shown with Today filled", 1000),
    Target("window: longest GUI block", 100),
    Target("calls_for(day) with scripts", 150),
    Target("cli: ", 600),
    Target("ui: customer list load", 150),
    Target("ui: customer search keystroke", 16),
    Target("ui: invoice list open", 100),
    Target("ui: invoice sort by", 100),
    Target("ui: invoice filter by text", 100),
    Target("reports.aging_report", 200),
    Target("reports.days_sales_outstanding", 200),
    Target("reports.dso_trend", 200),
    Target("ui: Reports tab figures", 200),
    Target("pdf: ours, 10 lines, warm", 10),
    Target("pdf: InvoiceGenerator ÷ ours", 3, "min"),
    Target("interchange.export_text", 8000),
    Target("interchange.import_text (empty book)", 15000),
    Target("window: peak RSS", 250),
]


def target_for(name: str) -> Target | None:
    return next((t for t in TARGETS if name.startswith(t.prefix)), None)


@dataclass(frozen=True)
class Result:
    name: str
    best_ms: float
    median_ms: float
    statements: int | None
    runs: int
    #: What best and median count: "ms", "MB", or "×".
    unit: str = "ms"
    note: str = ""
    target: float | None = field(default=None)
    passed: bool | None = field(default=None)

    @classmethod
    def of(
        cls,
        name: str,
        values: list[float],
        statements: int | None,
        *,
        unit: str = "ms",
        note: str = "",
        lower_is_better: bool = True,
    ) -> Result:
        best = (min(values) if lower_is_better else max(values)) if values else math.nan
        median = statistics.median(values) if values else math.nan
        target = target_for(name)
        passed = None
        if target is not None:
            if math.isnan(median):
                passed = False
            elif target.kind == "max":
                passed = median <= target.limit
            else:
                passed = median >= target.limit
        return cls(
            name,
            best,
            median,
            statements,
            len(values),
            unit,
            note,
            None if target is None else target.limit,
            passed,
        )


def _number(value: float, unit: str) -> str:
    if math.isnan(value):
        return "—"
    return f"{value:.2f}" if unit == "×" else f"{value:.1f}"


def _target(result: Result) -> str:
    if result.target is None:
        return ""
    target = target_for(result.name)
    sign = "≥" if target is not None and target.kind == "min" else "≤"
    return f"{sign} {result.target:g}"


HEADER = (
    f"| {'operation':<46} | {'unit':<4} | {'best':>9} | {'median':>9} | {'SQL':>5} "
    f"| {'target':>8} | {'':<4} | note |"
)
RULE = (
    f"| {'-' * 46} | {'-' * 4} | {'-' * 8}:| {'-' * 8}:| {'-' * 4}:| {'-' * 7}:| {'-' * 4} | ---- |"
)


def row(result: Result) -> str:
    statements = "—" if result.statements is None else str(result.statements)
    verdict = {True: "pass", False: "FAIL", None: ""}[result.passed]
    return (
        f"| {result.name:<46} | {result.unit:<4} | {_number(result.best_ms, result.unit):>9} "
        f"| {_number(result.median_ms, result.unit):>9} | {statements:>5} "
        f"| {_target(result):>8} | {verdict:<4} | {result.note} |"
    )


def summary(results: list[Result]) -> str:
    judged = [r for r in results if r.passed is not None]
    failed = [r.name for r in judged if not r.passed]
    line = f"{len(judged) - len(failed)} of {len(judged)} targets met"
    return line + (f"; missed: {', '.join(failed)}" if failed else "")
