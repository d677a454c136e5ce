"""What the main window has of mail: the background sender, the status bar's count, the Outbox.

The window makes one :class:`WindowMail` and places its pieces: the count (a
button in the status bar that opens the Outbox), View › Outbox…, and the Customer
menu's emails (send_flow.CustomerMail). It starts the background sender and stops
it when the window closes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

from diva_desk.i18n import _, ngettext
from diva_desk.mail import outbox
from diva_desk.ui.common import dialogs
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.mail.background import OutboxSender
from diva_desk.ui.mail.outbox_view import OutboxDialog
from diva_desk.ui.mail.send_flow import CustomerMail, email_reminder


class WindowMail(QObject):
    """The window's mail: one sender, one count, one Outbox."""

    #: The owner changed the book from here (a message queued or cancelled).
    book_changed = Signal()
    #: A sentence for the status bar.
    announced = Signal(str)

    def __init__(
        self,
        window: QWidget,
        tasks: TaskRunner,
        selected: Callable[[], tuple[int, str] | None],
        today: Callable[[], dt.date],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._today = today
        self.sender = OutboxSender(self)
        self.sender.round_done.connect(self._round_done)
        self.sender.round_failed.connect(self._round_failed)

        #: "2 messages waiting to send." in the status bar; a click opens the Outbox.
        self.count_button = QToolButton(window)
        self.count_button.setObjectName("outboxLabel")
        self.count_button.setAutoRaise(True)
        self.count_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.count_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.count_button.clicked.connect(self.show_outbox)
        self.count_button.hide()

        self.outbox_action = QAction(_("&Outbox…"), window)
        self.outbox_action.setObjectName("outboxAction")
        self.outbox_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.outbox_action.setStatusTip(_("Messages waiting to send, sent and failed"))
        self.outbox_action.triggered.connect(lambda _checked=False: self.show_outbox())
        window.addAction(self.outbox_action)

        self.customer = CustomerMail(window, tasks, selected, today)
        self.customer.book_changed.connect(self.book_changed.emit)
        self.customer.announced.connect(self.announced.emit)
        #: Why the last round stopped, for the count's tip ("" when it went well).
        self._trouble = ""

    def start(self) -> None:
        self.sender.start()

    def stop(self) -> None:
        """The window closes: let the message being sent finish, start no other."""
        self.sender.stop()

    # --- the count ---------------------------------------------------------------------

    def show_count(self, *, kick: bool = True) -> None:
        """The count as the book has it now; with ``kick``, a round soon when something waits."""
        waiting = outbox.waiting_count()
        failed = outbox.needs_attention_count()
        words = [outbox.waiting_words(waiting)] if waiting else []
        if failed:
            words.append(
                ngettext("{count} message not sent.", "{count} messages not sent.", failed).format(
                    count=failed
                )
            )
        self.count_button.setText(" ".join(words))
        self.count_button.setVisible(bool(words))
        tip = _("Open the Outbox (Ctrl+Shift+M)")
        self.count_button.setToolTip(f"{self._trouble}\n{tip}" if self._trouble else tip)
        if waiting and kick:
            self.sender.send_soon()

    def _round_done(self, result: object) -> None:
        from diva_desk.mail.sender import Round

        if isinstance(result, Round):
            self._trouble = result.stopped or (result.problems[-1][1] if result.problems else "")
            if result.sent:
                self.announced.emit(
                    ngettext("Sent {count} message.", "Sent {count} messages.", len(result.sent))
                    .format(count=len(result.sent))
                )  # fmt: skip
            if result.problems or result.interrupted:
                self.announced.emit(_("Some messages were not sent: see the Outbox."))
        self.show_count(kick=False)

    def _round_failed(self, text: str) -> None:
        self._trouble = text
        self.announced.emit(_("Mail not sent: {reason}").format(reason=text))
        self.show_count(kick=False)

    # --- what the owner opens ----------------------------------------------------------

    def show_outbox(self) -> None:
        dialog = OutboxDialog(self.sender, self._window)
        dialog.changed.connect(self.book_changed.emit)
        dialogs.exec_dialog(dialog)
        dialog.deleteLater()  # no longer read again after each round
        self.show_count()

    def email_reminder(self, code: str, level: str) -> None:
        """A Today card's "Email a reminder": the reminder at ``level`` for the customer."""
        email_reminder(
            self._window, self._tasks, code, level, self._today(), self.announced.emit,
            self.book_changed.emit,
        )  # fmt: skip
