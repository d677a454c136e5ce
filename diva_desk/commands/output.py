"""Everything the command line prints goes through here, so no command can forget.

Names, codes, file names and error messages come from the input: a customer name
holding a line break would break the one-line rule of spec/cli.md, and one holding
``ESC[31m`` or a right-to-left override would reach the terminal as an order. So
every line printed has its control characters shown as escapes, one way:

* ``\\n``, ``\\r``, ``\\t`` for those three;
* ``\\xNN`` for the other C0 and C1 controls and DEL, and for a byte of a command-line
  argument or file name that is not UTF-8 (Python keeps it as a lone surrogate);
* ``\\uNNNN`` for line and paragraph separators, bidirectional controls (U+202E, ...)
  and any other lone surrogate.

A backslash is left alone: ``C:\\Users`` stays readable. Escaping is idempotent, so
a table may escape its cells (to measure them) and the line escape them again.

JSON output stays JSON with the same values: ``json.dumps`` escapes C0 controls, and
the rest of the characters above become ``\\uNNNN`` escapes (in JSON they can only be
inside strings). ``tests/cli/test_output.py`` checks that no command module prints
any other way.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

_UNSAFE = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_CONTROL = re.compile(f"[\x00-\x1f{_UNSAFE}]")
#: The same, less the C0 controls: json.dumps escapes those inside strings, and the
#: line breaks outside them are the layout.
_JSON_UNSAFE = re.compile(f"[{_UNSAFE}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escaped(text: object) -> str:
    """``text`` as one line a terminal shows and does not obey."""
    return _CONTROL.sub(_escape, str(text))


def json_safe(text: str) -> str:
    """JSON text with the characters above written as ``\\uNNNN``: the same JSON value."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def say(line: object = "") -> None:
    """Print one line on stdout; a line break inside it is shown as ``\\n``."""
    print(escaped(line))


def say_json(payload: Any) -> None:
    """Print ``payload`` as indented JSON on stdout (spec/cli.md's shapes)."""
    print(json_safe(indented_json(payload)))


_string = json.encoder.encode_basestring  # type: ignore[attr-defined]


def indented_json(payload: Any) -> str:
    """``json.dumps(payload, ensure_ascii=False, indent=2)``, the same text, faster.

    With ``indent`` set, ``json.dumps`` leaves its C encoder for a pure-Python one
    that yields every comma and bracket through a chain of generators: a third of a
    second for ``customers --json`` on 5,000 customers. The documents printed here are
    dicts, lists, strings, whole numbers, booleans and None; anything else (a float)
    goes to ``json.dumps`` whole.
    """
    parts: list[str] = []
    try:
        _indented(payload, "\n", parts)
    except _NotPlain:
        return json.dumps(payload, ensure_ascii=False, indent=2)
    return "".join(parts)


class _NotPlain(Exception):
    pass


def _indented(value: Any, newline: str, parts: list[str]) -> None:
    if isinstance(value, str):
        parts.append(_string(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif type(value) is int:
        parts.append(int.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _NotPlain
            parts.append(separator)
            parts.append(_string(key))
            parts.append(": ")
            _indented(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _indented(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    else:
        raise _NotPlain


def say_data(text: str) -> None:
    """Write a whole JSON document (an export) to stdout as UTF-8, terminal-safe."""
    sys.stdout.buffer.write(json_safe(text).encode("utf-8"))
    sys.stdout.flush()


def complain(message: object) -> None:
    """One line on stderr: ``diva-desk: <message>``, for errors and warnings."""
    print(f"diva-desk: {escaped(message)}", file=sys.stderr)
