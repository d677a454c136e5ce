"""Two benchmark runs side by side: ``python benchmarks/compare.py BEFORE.json AFTER.json``.

Prints a Markdown table: each row's median before and after, after ÷ before, the target
and whether the after-median meets it. Rows only in one run show "—" on the other side.
The machines' loads are printed first: a run on a busier machine is slower everywhere.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _median(row: dict | None) -> str:
    if row is None or row.get("median_ms") is None:
        return "—"
    value = row["median_ms"]
    return f"{value:.2f}" if row.get("unit") == "×" else f"{value:.1f}"


def compare(before: dict, after: dict) -> list[str]:
    old = {row["name"]: row for row in before["results"]}
    new = {row["name"]: row for row in after["results"]}
    names = [r["name"] for r in after["results"]] + [n for n in old if n not in new]
    lines = [
        f"before: {before['machine'].get('commit')} on {before['date']}, "
        f"load {before['machine'].get('load')}",
        f"after:  {after['machine'].get('commit')} on {after['date']}, "
        f"load {after['machine'].get('load')}",
        "",
        "| operation | unit | before | after | after ÷ before | target | |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for name in names:
        a, b = old.get(name), new.get(name)
        row = b or a or {}
        ratio = ""
        if a and b and a.get("median_ms") and b.get("median_ms") is not None:
            ratio = f"{b['median_ms'] / a['median_ms']:.2f}"
        target = "" if row.get("target") is None else f"{row['target']:g}"
        verdict = {True: "pass", False: "FAIL", None: ""}[b.get("passed") if b else None]
        unit = row.get("unit", "ms")
        lines.append(
            f"| {name} | {unit} | {_median(a)} | {_median(b)} | {ratio} | {target} | {verdict} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: compare.py BEFORE.json AFTER.json", file=sys.stderr)
        return 2
    before, after = (json.loads(Path(a).read_text(encoding="utf-8")) for a in args)
    print("\n".join(compare(before, after)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
