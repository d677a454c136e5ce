"""Text that UTF-8 cannot hold, found anywhere in a parsed interchange file.

JSON may spell half a character: ``"\\ud800"`` parses to a lone surrogate, which no
UTF-8 file or SQLite text can hold. Such a string is refused before anything else
reads the document (the reader asks the book about every code and number up front),
with the record and key where it is, as every other complaint about the file.
"""

from __future__ import annotations

import re
from typing import Any

from diva_desk.i18n import _
from diva_desk.interchange.values import fail

#: The key that names a record of these lists in messages: ``customers[3] (ACME)``.
_NAMED_BY = {"customers": "code", "invoices": "number"}


def check_text(document: Any) -> None:
    """Raise ``BadInput`` naming the first key or string with a lone surrogate."""
    pending: list[tuple[str, Any]] = [("", document)]
    while pending:
        where, value = pending.pop()
        if isinstance(value, str):
            if not encodable(value):
                raise fail(
                    where, _("the text holds an invalid character (a lone surrogate escape)")
                )
        elif isinstance(value, dict):
            children = []
            for key, item in value.items():
                place = f"{where}.{key}" if where else key
                if not encodable(key):
                    raise fail(
                        place, _("this key holds an invalid character (a lone surrogate escape)")
                    )
                children.append((place, item))
            pending.extend(reversed(children))  # reported in file order
        elif isinstance(value, list):
            section = where if where in _NAMED_BY else None
            pending.extend(
                (_item_place(where, index, item, section), item)
                for index, item in reversed(list(enumerate(value)))
            )


#: ``\ud800``-``\udfff`` written as an escape: the only way JSON text that is itself
#: valid UTF-8 can give a string with a lone surrogate.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]", re.ASCII)


def may_hold_surrogates(text: str) -> bool:
    """Whether parsing ``text`` could give a lone surrogate: if not, no need to look.

    Walking every string of a ten-year book took longer than parsing it.
    """
    return not encodable(text) or _SURROGATE_ESCAPE.search(text) is not None


def _item_place(where: str, index: int, item: Any, section: str | None) -> str:
    place = f"{where}[{index}]"
    if section is not None and isinstance(item, dict):
        label = item.get(_NAMED_BY[section])
        if isinstance(label, str) and label.strip() and encodable(label):
            place = f"{place} ({label})"
    return place


def encodable(text: str) -> bool:
    """False for text with lone surrogates, which UTF-8 cannot hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
