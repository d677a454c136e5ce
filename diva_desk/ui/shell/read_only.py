"""A window on a book it may only read: a banner that says why, and every write action off.

Two ways here: the book itself cannot be written (a read-only file, folder or disk,
chosen at start in the book-problem dialog), or another window or program has it
(ui.shell.single_instance), in which case the book is opened ``mode=ro`` and any
write that slips past the disabled actions is refused with the banner's reason.

The write actions are put in one disabled ``QActionGroup``: an action in a disabled
group stays disabled when its own code (a selection changing) enables it again.
Buttons that write are kept disabled the same way by :class:`_StayDisabled`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from diva_desk.i18n import _
from diva_desk.ui.common import style

#: The main window (ui.shell.main_window.MainWindow), not imported: it imports this module.
MainWindow = Any

#: Attribute paths, from the window, of every action that writes to the book.
WRITE_ACTIONS = (
    "new_action",
    "business_settings_action",
    "call_settings_action",
    "mail_settings_action",
    "backup_settings_action",
    "book_actions.import_action",
    "book_actions.restore_action",
    "contacts.import_action",
    "customers.new_action",
    "customers.open_action",
    "customers.archive_action",
    "customers.delete_action",
    "invoices.new_action",
    "invoices.duplicate_action",
    "invoices.send_action",
    "invoices.payment_action",
    "invoices.receipt_action",
    "invoices.void_action",
    "quotes.new_action",
    "quotes.open_action",
    "quotes.send_action",
    "quotes.accept_action",
    "quotes.decline_action",
    "quotes.delete_action",
    "customer_documents.payment_action",
    "today_panel.undo_action",
)
#: Buttons that write (not backed by an action).
WRITE_BUTTONS = (
    "customers.new_button",
    "customers.pane.edit_button",
    "followups.add_button",
    "followups.done_button",
    "followups.move_button",
)
#: Object names of the call cards' buttons that record an outcome or send an invoice.
_CARD_BUTTON_PREFIXES = ("outcome_", "sendDraft")

BANNER = """
QFrame#readOnlyBanner {
    background: @amber~30; border-bottom: 1px solid @caution;
}
QFrame#readOnlyBanner QLabel { color: palette(text); }
"""


def _attribute(window: object, path: str) -> Any:
    found: Any = window
    for name in path.split("."):
        found = getattr(found, name, None)
        if found is None:
            return None
    return found


class _StayDisabled(QObject):
    """Turns a button off again whenever its own code turns it on."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.EnabledChange
            and isinstance(watched, QWidget)
            and watched.isEnabled()
        ):
            watched.setEnabled(False)
        return False


class ReadOnlyLock(QObject):
    """The window's write actions and buttons, off for as long as the window lives."""

    def __init__(self, window: QMainWindow, reason: str) -> None:
        super().__init__(window)
        self.reason = reason
        self.group = QActionGroup(self)
        self.group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        for path in WRITE_ACTIONS:
            action = _attribute(window, path)
            if isinstance(action, QAction):
                self.group.addAction(action)
                action.setToolTip(reason)
        self.group.setEnabled(False)
        self._filter = _StayDisabled(self)
        self.buttons: list[QAbstractButton] = []
        self.keep_off(b for b in (_attribute(window, p) for p in WRITE_BUTTONS) if b is not None)
        panel = getattr(window, "today_panel", None)
        if panel is not None:
            panel.list.filled.connect(lambda: self.keep_off(card_buttons(panel)))
            self.keep_off(card_buttons(panel))

    def keep_off(self, buttons: Iterable[QAbstractButton]) -> None:
        for button in buttons:
            if button in self.buttons:
                continue
            self.buttons.append(button)
            button.setEnabled(False)
            button.setToolTip(self.reason)
            button.installEventFilter(self._filter)


def card_buttons(panel: QWidget) -> list[QAbstractButton]:
    return [
        button
        for button in panel.findChildren(QPushButton)
        if button.objectName().startswith(_CARD_BUTTON_PREFIXES)
    ]


def read_only_banner(reason: str, parent: QWidget) -> QFrame:
    banner = QFrame(parent)
    banner.setObjectName("readOnlyBanner")
    row = QHBoxLayout(banner)
    row.setContentsMargins(12, 8, 12, 8)
    icon = QLabel(banner)
    icon.setPixmap(
        banner.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(24)
    )
    icon.setAlignment(Qt.AlignmentFlag.AlignTop)
    row.addWidget(icon)
    text = QLabel(
        "<b>{}</b> {} {}".format(
            _escape(_("Read-only.")),
            _escape(reason),
            _escape(_("You can look, search, print and export; nothing can be changed.")),
        ),
        banner,
    )
    text.setObjectName("readOnlyText")
    text.setWordWrap(True)
    row.addWidget(text, 1)
    style.themed(banner, BANNER)
    return banner


def show_read_only(window: MainWindow, reason: str) -> ReadOnlyLock:
    """The banner above the window's contents, and its write actions off."""
    central = window.takeCentralWidget()
    holder = QWidget(window)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    window.read_only_banner = read_only_banner(reason, holder)
    column.addWidget(window.read_only_banner)
    column.addWidget(central, 1)
    window.setCentralWidget(holder)
    return ReadOnlyLock(window, reason)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
