"""The few colours and the style sheet that give the window its look, in one place."""

from __future__ import annotations

from PySide6.QtGui import QColor

#: Money that is late: a deep red that stays readable on light and dark palettes.
OVERDUE = QColor("#c0392b")
#: Paid in full.
SETTLED = QColor("#2e7d32")
#: Nothing to see: zero balances, drafts, void invoices, archived customers.
MUTED = QColor("#8a8f98")

TODAY_PANEL = """
#todayPanel { background: palette(base); border-right: 1px solid palette(mid); }
#todayTitle { font-size: 20pt; font-weight: 600; }
#todayDate { color: #5f6670; font-size: 11pt; }
QLabel[role="caption"] {
    color: #5f6670; font-size: 8.5pt; font-weight: 600; letter-spacing: 1px;
}
QLabel[role="figure"] { font-size: 17pt; font-weight: 600; }
QLabel[role="figure"][tone="overdue"] { color: #c0392b; }
QLabel[role="note"] { color: #5f6670; }
QLabel[role="who"] { font-weight: 600; }
QLabel[role="when"] { color: #5f6670; }
QLabel[role="when"][tone="overdue"] { color: #c0392b; }
QFrame[role="rule"] { color: palette(midlight); }
"""

LISTS = """
QTableView {
    border: 1px solid palette(midlight);
    selection-background-color: #dbe7f7; selection-color: palette(text);
}
QTableView::item { padding: 0 6px; }
QHeaderView::section {
    background: palette(window); border: none;
    border-bottom: 1px solid palette(mid); border-right: 1px solid palette(midlight);
    padding: 5px 6px; font-weight: 600;
}
QHeaderView::up-arrow, QHeaderView::down-arrow {
    subcontrol-origin: padding; subcontrol-position: top center; width: 8px; height: 5px;
}
QLineEdit {
    padding: 5px 8px; border: 1px solid palette(mid); border-radius: 4px;
    background: palette(base);
}
QLineEdit:focus { border: 1px solid #3b78c4; }
"""
