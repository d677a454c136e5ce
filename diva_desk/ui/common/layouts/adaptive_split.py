"""A splitter that puts its two sides one above the other when it is too narrow for both.

Beside the Today panel a tab may get 700 pixels or 1,500. Side by side, a list and
a page each get half of 700 and neither reads; stacked, each gets the full width.
The splitter decides on every resize, and remembers where the owner put the
handle for each arrangement separately (a handle dragged while stacked says
nothing about the side-by-side split).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

SIDE_BY_SIDE = Qt.Orientation.Horizontal
STACKED = Qt.Orientation.Vertical
_KEYS = {SIDE_BY_SIDE: "side", STACKED: "stacked"}


class AdaptiveSplitter(QSplitter):
    """Two widgets, side by side from ``stack_below`` pixels of width up, else stacked."""

    def __init__(
        self,
        stack_below: int,
        first_shares: dict[Qt.Orientation, tuple[int, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(SIDE_BY_SIDE, parent)
        self.stack_below = stack_below
        #: The first split of each arrangement, as proportions (e.g. 55/45).
        self._shares = first_shares
        #: Where the handle was in each arrangement, in pixels, once it has been shown.
        self._sizes: dict[Qt.Orientation, list[int]] = {}
        #: Whether the sides got their first sizes at a width that was really shown.
        self._placed = False

    def arrangement_for(self, width: int) -> Qt.Orientation:
        return STACKED if width < self.stack_below else SIDE_BY_SIDE

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = self.arrangement_for(event.size().width())
        if wanted != self.orientation() or not self._placed:
            self._arrange(wanted, event.size().width(), event.size().height())
        super().resizeEvent(event)

    def _arrange(self, wanted: Qt.Orientation, width: int, height: int) -> None:
        if self._placed:
            self._sizes[self.orientation()] = self.sizes()
        self.setOrientation(wanted)
        extent = width if wanted is SIDE_BY_SIDE else height
        self.setSizes(self._sizes.get(wanted) or self._shared(wanted, extent))
        # Sizes set while hidden (at a size no one saw) are set again when shown.
        self._placed = self.isVisible()

    def _shared(self, orientation: Qt.Orientation, extent: int) -> list[int]:
        first, second = self._shares[orientation]
        return [extent * first // (first + second), extent * second // (first + second)]

    def save_sizes(self, settings: QSettings, key: str) -> None:
        if self._placed:
            self._sizes[self.orientation()] = self.sizes()
        for orientation, sizes in self._sizes.items():
            settings.setValue(f"{key}/{_KEYS[orientation]}", [str(size) for size in sizes])

    def restore_sizes(self, settings: QSettings, key: str) -> None:
        for orientation, name in _KEYS.items():
            sizes = _ints(settings.value(f"{key}/{name}"))
            if sizes is not None:
                self._sizes[orientation] = sizes
        if self._placed and self.orientation() in self._sizes:
            self.setSizes(self._sizes[self.orientation()])


def _ints(value: object) -> list[int] | None:
    """Two positive sizes from QSettings (an INI file gives strings back), or None."""
    if not isinstance(value, Sequence) or isinstance(value, str) or len(value) != 2:
        return None
    try:
        sizes = [int(v) for v in value]
    except (TypeError, ValueError):
        return None
    return sizes if all(size > 0 for size in sizes) else None
