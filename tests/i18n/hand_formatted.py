"""The scan behind test_formats_by_babel: money, numbers and dates formatted by hand.

Amounts, dates and numbers a person reads go through diva_desk.i18n.format (Babel),
so they follow the language of the words around them. Found here:
``f"{x:,.2f}"`` and other number format specs, ``"%.2f" % x``, ``"{:,}".format(x)``,
``format(x, ",.2f")``, ``strftime`` (English month names whatever the language), and a
dollar sign glued to a value (``"$" + text``, ``f"${amount}"``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

#: A number format: grouping or fixed decimals (``,``, ``.2f``, ``_d``); widths alone are fine.
NUMBER_SPEC = re.compile(r"[,_]|\.\d+[fFeEgG%]?|[fFeE%]$")
PERCENT_FORMAT = re.compile(r"%[-+ 0#]*\d*\.\d+[fFeEgG]|%,")
BRACE_FORMAT = re.compile(r"\{[^{}]*:[^{}]*(?:,|\.\d+f)[^{}]*\}")


def _spec_text(spec: ast.JoinedStr | None) -> str:
    if spec is None:
        return ""
    return "".join(str(v.value) for v in spec.values if isinstance(v, ast.Constant))


def _ends_with_dollar(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and (node.value.endswith("$"))
    )


def found_in(source: str, path: str) -> Iterator[str]:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        where = f"{path}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.JoinedStr):
            for before, part in zip([None, *node.values], node.values, strict=False):
                if not isinstance(part, ast.FormattedValue):
                    continue
                if NUMBER_SPEC.search(_spec_text(part.format_spec)):  # type: ignore[arg-type]
                    yield f"{where}: number format {ast.unparse(node)[:60]}"
                if before is not None and _ends_with_dollar(before):
                    yield f"{where}: dollar sign glued to a value {ast.unparse(node)[:60]}"
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "strftime":
                yield f"{where}: strftime {ast.unparse(node)[:60]}"
            if name == "format" and isinstance(func, ast.Name) and len(node.args) == 2:
                spec = node.args[1]
                if isinstance(spec, ast.Constant) and NUMBER_SPEC.search(str(spec.value)):
                    yield f"{where}: format() {ast.unparse(node)[:60]}"
            if (
                name == "format"
                and isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Constant)
                and BRACE_FORMAT.search(str(func.value.value))
            ):
                yield f"{where}: str.format number {ast.unparse(node)[:60]}"
        elif isinstance(node, ast.BinOp):
            if (
                isinstance(node.op, ast.Mod)
                and isinstance(node.left, ast.Constant)
                and PERCENT_FORMAT.search(str(node.left.value))
            ):
                yield f"{where}: % format {ast.unparse(node)[:60]}"
            if isinstance(node.op, ast.Add) and _ends_with_dollar(node.left):
                yield f"{where}: dollar sign glued to a value {ast.unparse(node)[:60]}"


def hand_formatted(root: Path, allowed: frozenset[str] = frozenset()) -> list[str]:
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).as_posix()
        found += [
            hit
            for hit in found_in(path.read_text(encoding="utf-8"), rel)
            if not any(hit.startswith(prefix) for prefix in allowed)
        ]
    return found
