"""The Outbox: every message queued, sent, failed or cancelled, newest first, with the reason.

What the owner does here: **Retry** a failed message (one that "may have been sent"
asks first: it may arrive twice), **Edit** a waiting or failed one (the compose
dialog again; it waits again after), **Cancel** one that has not gone (asked first;
its line leaves the customer's history unless it may have been sent), **Send now**
(every waiting message, whatever its wait) and open a message's PDF. The list reads
the outbox again after each round of the background sender.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.errors import UserFacingError
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.mail import outbox
from diva_desk.mail.compose import Draft
from diva_desk.mail.outbox import OutboxMessage
from diva_desk.ui.common import dialogs, style
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.common.style import Tone
from diva_desk.ui.common.tables.table_models import ROW_ROLE, Column, RowTableModel
from diva_desk.ui.mail.background import OutboxSender
from diva_desk.ui.mail.compose_dialog import ComposeDialog

#: Messages that have not gone and can still be changed, retried or cancelled.
OPEN = ("queued", "failed")


def status_words(m: OutboxMessage) -> str:
    if m.maybe_sent:
        return _("May have been sent")
    return {
        "queued": _("Waiting"),
        "sending": _("Sending…"),
        "sent": _("Sent"),
        "failed": _("Failed"),
        "cancelled": _("Cancelled"),
    }.get(m.status, m.status)


def _moment(at: dt.datetime) -> str:
    return fmt.datetime(at, "short")


def reason_words(m: OutboxMessage) -> str:
    """What happened: when it went, or why it has not, and when it is tried again."""
    if m.status == "sent" and m.sent_at is not None:
        return _("Sent {when}").format(when=_moment(m.sent_at))
    if m.status == "queued" and m.next_try_at and m.next_try_at > dt.datetime.now():
        next_try = _("next try {when}").format(when=_moment(m.next_try_at))
        return f"{next_try}: {m.last_error}" if m.last_error else next_try
    return m.last_error


def _tint(m: OutboxMessage) -> QColor | None:
    if m.maybe_sent or m.status == "failed":
        return style.colour(Tone.OVERDUE)
    if m.status == "sent":
        return style.colour(Tone.SETTLED)
    if m.status == "cancelled":
        return style.colour(Tone.FAINT)
    return None


def outbox_columns() -> list[Column[OutboxMessage]]:
    return [
        Column(_("Status"), status_words, tint=_tint, shrinks=False),
        Column(_("Queued"), lambda m: _moment(m.queued_at), value=lambda m: m.queued_at),
        Column(_("To"), lambda m: m.to, shrinks=False),
        Column(_("Subject"), lambda m: m.subject, weight=2),
        Column(_("What happened"), reason_words, weight=3),
    ]


def draft_of(m: OutboxMessage) -> Draft:
    """The message as the compose dialog edits it (its PDF read from the outbox)."""
    name, data, _message_id = outbox.attachment(m.id)
    return Draft(
        kind=m.kind, about=m.about, customer_id=0, invoice_id=None, to=m.to,
        subject=m.subject, body=m.body, attachment_name=name, attachment=data, note="",
    )  # fmt: skip


class OutboxDialog(QDialog):
    """The outbox, with Retry, Edit, Cancel, Send now and the PDF."""

    #: The owner changed the outbox (the window reads the book and the count again).
    changed = Signal()

    def __init__(self, sender: OutboxSender, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxDialog")
        self.setWindowTitle(_("Outbox"))
        self._sender = sender
        self.model: RowTableModel[OutboxMessage] = RowTableModel(outbox_columns(), self)
        self.view = QTableView(self)
        self.view.setObjectName("outboxView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.edit())
        self.summary = QLabel(self)
        self.summary.setObjectName("outboxSummary")
        self.summary.setWordWrap(True)
        #: The selected message's whole story (the column cuts a long reason short).
        self.detail = QLabel(self)
        self.detail.setObjectName("outboxDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setProperty("role", "note")

        def button(text: str, name: str, slot: object, tip: str) -> QPushButton:
            widget = QPushButton(text, self)
            widget.setObjectName(name)
            widget.setAutoDefault(False)
            widget.setToolTip(tip)
            assert callable(slot)
            widget.clicked.connect(lambda _checked=False: slot())
            return widget

        self.retry_button = button(
            _("&Retry"), "outboxRetry", self.retry, _("Try the message again at the next chance")
        )
        self.edit_button = button(
            _("&Edit…"), "outboxEdit", self.edit, _("Change the recipient or the words")
        )
        self.cancel_button = button(
            _("&Cancel message…"), "outboxCancel", self.cancel, _("Take the message back")
        )
        self.pdf_button = button(_("&PDF…"), "outboxPdf", self.open_pdf, _("See the attachment"))
        self.send_now_button = button(
            _("Send &now"), "outboxSendNow", self.send_now, _("Try every waiting message now")
        )
        row = QHBoxLayout()
        for widget in (self.retry_button, self.edit_button, self.cancel_button, self.pdf_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.send_now_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        layout.addWidget(close)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        sender.round_done.connect(self.reload)
        sender.round_failed.connect(self.reload)
        self.reload()
        fit_to_screen(self, 980, 520)
        self.view.setFocus()

    # --- what is shown -----------------------------------------------------------------

    def reload(self, *_args: object) -> None:
        chosen = self.selected()
        self.model.set_rows(outbox.messages())
        waiting = outbox.waiting_count()
        failed = outbox.needs_attention_count()
        words = [outbox.waiting_words(waiting)]
        if failed:
            words.append(
                ngettext(
                    "{count} not sent: retry, edit or cancel it.",
                    "{count} not sent: retry, edit or cancel them.",
                    failed,
                ).format(count=failed)
            )
        self.summary.setText(" ".join(words))
        if self.model.rowCount():
            self.select(chosen.id if chosen else self.model.row_at(0).id)
        self._update_buttons()
        widths = (140, 170, 210, 250)
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width)

    def select(self, message_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == message_id:
                self.view.selectRow(row)
                return

    def selected(self) -> OutboxMessage | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_buttons(self) -> None:
        m = self.selected()
        reason = reason_words(m) if m is not None else ""
        self.detail.setText(
            f"{status_words(m)} · {m.subject} → {m.to}\n{reason[:1].upper()}{reason[1:]}"
            if m is not None
            else ""
        )
        open_ = m is not None and m.status in OPEN
        self.retry_button.setEnabled(open_)
        self.edit_button.setEnabled(open_)
        self.cancel_button.setEnabled(open_)
        self.pdf_button.setEnabled(m is not None and bool(m.attachment_name))
        self.send_now_button.setEnabled(outbox.waiting_count() > 0)

    # --- what the owner does -----------------------------------------------------------

    def _changed(self, chosen: int | None = None) -> None:
        self.reload()
        if chosen is not None:
            self.select(chosen)
        self.changed.emit()
        self._sender.send_soon()

    def _attempt(self, work: object) -> bool:
        assert callable(work)
        try:
            work()
        except UserFacingError as exc:
            show_failure(self, exc)
            self.reload()
            return False
        return True

    def retry(self) -> None:
        m = self.selected()
        if m is None or m.status not in OPEN:
            return
        if m.maybe_sent and not dialogs.confirm(
            self,
            _("Send it again?"),
            _(
                "This message may have reached {to} already: look in your mail program's "
                "Sent folder first. Send it again?"
            ).format(to=m.to),
            _("&Send again"),
        ):
            return
        if self._attempt(lambda: outbox.retry(m.id)):
            self._changed(m.id)

    def edit(self) -> None:
        m = self.selected()
        if m is None or m.status not in OPEN:
            return
        self._sender.pause()
        try:
            dialog = ComposeDialog(draft_of(m), self, message_id=m.id)
            accepted = dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted.value
        finally:
            self._sender.resume()
        if accepted:
            self._changed(m.id)
        else:
            self.reload()

    def cancel(self) -> None:
        m = self.selected()
        if m is None or m.status not in OPEN:
            return
        history = (
            _("It may have been sent already, so it stays in the customer's history.")
            if m.maybe_sent
            else _("It will not be sent, and its line leaves the customer's history.")
        )
        if not dialogs.confirm(
            self,
            _("Cancel the message"),
            _('Cancel "{subject}" to {to}?').format(subject=m.subject, to=m.to) + " " + history,
            _("Cancel the &message"),
        ):
            return
        if self._attempt(lambda: outbox.cancel(m.id)):
            self._changed(m.id)

    def send_now(self) -> None:
        self._sender.send_everything_now()
        self.summary.setText(_("Sending…"))

    def open_pdf(self) -> None:
        from diva_desk.ui.documents.pdf_preview import preview_pdf

        m = self.selected()
        if m is None:
            return
        name, data, _message_id = outbox.attachment(m.id)
        preview_pdf(self, data, title=name, file_name=name)

    def keyPressEvent(self, event: object) -> None:  # Delete cancels, as in the lists
        from PySide6.QtGui import QKeyEvent, QKeySequence

        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.StandardKey.Delete):
            self.cancel()
            return
        super().keyPressEvent(event)
