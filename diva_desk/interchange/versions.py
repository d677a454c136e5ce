"""What differs between the versions a file may be: the keys version 2 adds that this
Diva Desk cannot hold yet.

A version 2 file that carries quotes is refused with the key named: importing the rest
without them would lose the owner's data without a word. The same key null or empty
carries nothing and is taken out before the records are read, so such a file imports.
"""

from __future__ import annotations

from typing import Any

from diva_desk.i18n import _
from diva_desk.interchange.fields import Fields
from diva_desk.interchange.keys import NOT_YET

_NAMED_BY = {"customers": "code", "invoices": "number", "payments": "invoice"}


def _what(key: str) -> str:
    """The feature a not-yet key belongs to, in words."""
    return {
        "quotes": _("Quotes"),
    }[key]


def refuse_what_is_not_yet_held(root: Fields) -> None:
    """Raise, naming the record and key, for the first not-yet key that holds something;
    take out the ones that hold nothing (null, an empty list or object)."""
    _check(root, NOT_YET[""])
    business = root.raw.get("business")
    if isinstance(business, dict):
        _check(Fields(business, "business"), NOT_YET["business"])
    for list_key in ("customers", "invoices", "payments"):
        items = root.raw.get(list_key)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if isinstance(item, dict):
                f = Fields(item, f"{list_key}[{index}]").named_by(_NAMED_BY[list_key])
                _check(f, NOT_YET[list_key])


def _check(f: Fields, keys: tuple[str, ...]) -> None:
    for key in keys:
        if key not in f.raw:
            continue
        value: Any = f.raw[key]
        if value is None or value == [] or value == {}:
            del f.raw[key]
            continue
        raise f.error(
            key,
            _(
                "{what} are in this file, but this Diva Desk cannot keep them yet; "
                "import the file into a newer Diva Desk, or remove the key to import the rest"
            ).format(what=_what(key)),
        )
