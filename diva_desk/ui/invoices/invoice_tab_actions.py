"""How the Invoices tab's actions are reached: toolbar, context menu and their keys.

Each action carries its shortcut in its tooltip and a status tip, and works while
the tab (or anything in it) has focus. Which actions there are, and what they do,
stays with the tab (:mod:`invoices_tab`); ``None`` in a list is a separator.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget


def tab_action(
    owner: QWidget, text: str, slot: Callable[[], object], keys: list[QKeySequence], tip: str
) -> QAction:
    """An action of ``owner``, its first key shown in its tooltip."""
    made = QAction(text, owner)
    made.setShortcuts(keys)
    made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    made.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    made.setStatusTip(tip)
    made.triggered.connect(lambda _checked=False: slot())
    owner.addAction(made)
    return made


def action_toolbar(owner: QWidget, items: Sequence[QAction | None]) -> QToolBar:
    """A text-only toolbar of the actions; its buttons are reached by Tab, not by click focus."""
    toolbar = QToolBar(owner)
    toolbar.setObjectName("invoiceActions")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.setStyleSheet("QToolBar { border: none; spacing: 4px; }")
    for item in items:
        if item is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(item)
            button = toolbar.widgetForAction(item)
            if isinstance(button, QToolButton):
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return toolbar


def pop_menu(owner: QWidget, items: Sequence[QAction | None], at: QPoint) -> None:
    """The same actions as a context menu at ``at`` (global coordinates)."""
    menu = QMenu(owner)
    for item in items:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item)
    menu.popup(at)


def enabled_action_for(
    items: Sequence[QAction | None], event: QKeyEvent, skip: Callable[[QAction], bool]
) -> QAction | None:
    """The enabled action bound to the key pressed, unless ``skip`` says it does not apply."""
    pressed = QKeySequence(event.keyCombination())
    for item in items:
        if item is not None and item.isEnabled() and pressed in item.shortcuts():
            if skip(item):
                continue
            return item
    return None
