"""Lists as wide as their longest entry, so nothing in them is cut off or scrolled sideways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QStyle


def fit_to_items(widget: QListWidget, suffix: str = "") -> int:
    """Give ``widget`` the width of its widest item (plus ``suffix``, a mark an item may
    gain later), its frame and a vertical scroll bar; no sideways scrolling. Returns it."""
    widest = widget.sizeHintForColumn(0)
    if suffix:
        widest += widget.fontMetrics().horizontalAdvance(suffix)
    scroll_bar = widget.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, widget)
    width = widest + 2 * widget.frameWidth() + scroll_bar + 8
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setFixedWidth(width)
    return width
