"""The scan behind test_unmarked_strings: user-visible string literals not passed through _().

A literal is user-visible where it is given to a Qt text setter or constructor, a
message box, a form row, a document Paragraph, the command line's output or help,
or an error raised for the user. It needs a word in it (two letters in a row):
"·", "%" or "{} / {}" are not words to translate.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

#: Methods whose text arguments a person reads (Qt setters and adders, the CLI's say).
TEXT_METHODS = frozenset(
    {
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setPlaceholderText",
        "setStatusTip",
        "setWhatsThis",
        "showMessage",
        "addAction",
        "addMenu",
        "addTab",
        "setTabText",
        "setTabToolTip",
        "setTitle",
        "setLabelText",
        "setInformativeText",
        "setDetailedText",
        "setSuffix",
        "setPrefix",
        "setSpecialValueText",
        "addRow",
        "addButton",
        "setHeaderLabels",
        "setAccessibleName",
        "information",
        "warning",
        "critical",
        "question",
        "getText",
        "getOpenFileName",
        "getSaveFileName",
        "getExistingDirectory",
        "addItem",
        "addItems",
        "insertItem",
        "setItemText",
        "setHorizontalHeaderLabels",
        "setVerticalHeaderLabels",
        "setButtonText",
        "setAccessibleDescription",
        "setDefaultSuffix",
        "say",
        "fail",
        # The documents' own builders: a section's title, a table's head, a paragraph.
        "section",
        "head",
        "paragraph",
        "Mark",
        "add_parser",
        "add_argument",
        "ArgumentParser",
    }
)
#: Classes whose constructor's text a person reads.
TEXT_CLASSES = frozenset(
    {
        "QLabel",
        "QPushButton",
        "QAction",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QMessageBox",
        "QMenu",
        "QCommandLinkButton",
        "QToolButton",
        "Paragraph",
        "BadInput",
        "UserFacingError",
        "BadTypedAmount",
    }
)
#: Keyword arguments that carry words (argparse's help, a dialog's title).
TEXT_KEYWORDS = frozenset({"help", "description", "epilog", "title", "text", "caption"})
#: Calls that pass text through for printing, whose first argument is still the words.
WRAPPERS = frozenset({"text", "printed", "escape", "paragraph"})
WORD = re.compile(r"[A-Za-z]{2}")
#: An example address or link (a placeholder showing the shape to type) is not words.
EXAMPLE = re.compile(r"^\S+://\S*$|^\S+@\S+$")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _words(node: ast.expr) -> str | None:
    """The literal words in ``node`` (a string, an f-string, or one passed through a wrapper)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if EXAMPLE.match(node.value):
            return None
        return node.value if WORD.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        fixed = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
        return fixed if WORD.search(fixed) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _words(node.left) or _words(node.right)
    if isinstance(node, ast.Call) and _is_wrapper(node.func) and node.args:
        return _words(node.args[0])
    return None


def _is_wrapper(func: ast.expr) -> bool:
    """``style.text(...)`` or ``text(...)``: markup made of the words inside."""
    if isinstance(func, ast.Name):
        return func.id in WRAPPERS
    return (
        isinstance(func, ast.Attribute)
        and func.attr in WRAPPERS
        and isinstance(func.value, ast.Name)
        and func.value.id in {"style", "saxutils", "html"}
    )


def _is_log(func: ast.expr) -> bool:
    """``log.warning(...)``: the log is for whoever reads the log file, in English."""
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id in {"log", "logger", "logging", "warnings"}
    )


def unmarked_in(source: str, path: str) -> Iterator[str]:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if _is_log(node.func):
            continue
        texts: list[ast.expr] = []
        if name in TEXT_METHODS or name in TEXT_CLASSES:
            texts += node.args
            # add_argument's first arguments are option names, not words.
            if name in {"add_argument", "add_parser"}:
                texts = []
        texts += [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
        for arg in texts:
            words = _words(arg)
            if words is not None:
                yield f"{path}:{arg.lineno}: {name}({words!r})"


def unmarked(root: Path, skip: frozenset[str] = frozenset()) -> list[str]:
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).as_posix()
        if rel not in skip:
            found += unmarked_in(path.read_text(encoding="utf-8"), rel)
    return found
