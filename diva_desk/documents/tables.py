"""Tables whose rows may be cut across pages, but only when nothing else would fit.

A row taller than a whole page (a line description of a hundred lines, a fifty-line
address, a payment reference of a thousand characters) cannot move to the next page:
ReportLab then stops the whole document with ``LayoutError``. These tables split such
a row inside its cells instead. Everywhere a table used to fit (whole rows moved to the
next page) they behave exactly as ReportLab's own, so ordinary documents keep their
bytes.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import tables

#: The least height, in points, of either part of a row cut across pages.
_LEAST_PART = 1


def _split(table: tables.Table, avail_width: float, avail_height: float) -> list[Any]:
    """Rows whole where they fit; a row cut in two only at the top of an empty frame.

    A table laid out inside another table's cell has no frame of its own: it is split
    only because its outer row is being cut, so it may cut its rows too.
    """
    table.splitInRow = 0
    parts = tables.Table.split(table, avail_width, avail_height)
    if parts:
        return parts
    frame = getattr(table, "_frame", None)
    if frame is not None and not getattr(frame, "_atTop", True):
        return []  # the next page will have room: move the table there, as before
    table.splitInRow = _LEAST_PART
    try:
        return tables.Table.split(table, avail_width, avail_height)
    finally:
        table.splitInRow = 0


class Table(tables.Table):
    """``reportlab.platypus.Table`` that never fails on a row taller than a page."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return _split(self, availWidth, availHeight)


class LongTable(tables.LongTable):
    """``reportlab.platypus.LongTable`` that never fails on a row taller than a page."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return _split(self, availWidth, availHeight)
