"""The bar that says what was just written, with an Undo that lasts a few seconds.

Used by the Today panel after an outcome and by an invoice's payments.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from diva_desk.i18n import _

#: How long the undo of an outcome is offered.
UNDO_SECONDS = 10


class UndoBar(QFrame):
    """What the last outcome did, with an Undo button that lasts UNDO_SECONDS."""

    undo_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.text = QLabel("", self)
        self.text.setProperty("role", "undoText")
        self.text.setWordWrap(True)
        self.text.setObjectName("undoText")
        self.button = QPushButton(_("Undo"), self)
        self.button.setObjectName("undoButton")
        self.button.setToolTip(_("Take back what was just written (Ctrl+Z)"))
        self.button.clicked.connect(self.undo_clicked.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button, 0)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.expire)
        self.hide()

    def offer(self, text: str, seconds: int = UNDO_SECONDS) -> None:
        self.text.setText(text)
        self.button.setEnabled(True)
        self.show()
        self.timer.start(seconds * 1000)

    def expire(self) -> None:
        self.timer.stop()
        self.hide()
