"""File › New (Ctrl+N): make a new thing of the kind the tab in view lists.

One action holds the platform's New shortcut for the whole window; what it makes
follows the tab shown: a customer on Customers, an invoice on Invoices, a follow-up
on Follow-ups. Its text says which ("New invoice…"), so the menu never promises one
thing and does another. A tab with nothing to make (Reports) disables it, and its
status tip says where to go instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QWidget

from diva_desk.i18n import _


@dataclass(frozen=True)
class NewChoice:
    """What New makes on one tab: the menu text, the work, the status tip."""

    text: str
    make: Callable[[], object]
    tip: str


class TabNewAction(QObject):
    """The window's New action, acting on the tab in view."""

    def __init__(
        self, tabs: QTabWidget, choices: dict[QWidget, NewChoice], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._tabs = tabs
        self._choices = choices
        self.action = QAction(_("&New…"), parent)
        self.action.setObjectName("newAction")
        self.action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.New))
        self.action.triggered.connect(lambda _checked=False: self.trigger())
        parent.addAction(self.action)
        tabs.currentChanged.connect(lambda _index: self.follow_tab())
        self.follow_tab()

    def current(self) -> NewChoice | None:
        return self._choices.get(self._tabs.currentWidget())

    def follow_tab(self) -> None:
        """Say what New makes on the tab now in view, or why it makes nothing here."""
        choice = self.current()
        if choice is None:
            self.action.setText(_("&New…"))
            self.action.setStatusTip(
                _("Nothing to add on this tab: go to Customers, Invoices or Follow-ups first")
            )
            self.action.setEnabled(False)
            return
        self.action.setText(choice.text)
        self.action.setStatusTip(choice.tip)
        self.action.setEnabled(True)

    def trigger(self) -> None:
        choice = self.current()
        if choice is not None:
            choice.make()
