"""A customer's history as words and a table model: what happened, how it ended.

The Customers tab shows these in the customer's timeline and the list; the words
for ratings, payment methods, channels and outcomes are here once, so every screen
says them the same way.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from diva_desk.core import records as r
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.invoices.payment_methods import payment_method_word
from diva_desk.core.invoices.totals import InvoiceStatus
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.customers.timeline import EntryKind, TimelineEntry
from diva_desk.ui.common import labels, style
from diva_desk.ui.common.labels import status_text
from diva_desk.ui.common.style import Tone
from diva_desk.ui.common.tables.table_models import Column, Index, RowTableModel


def method_text(method: r.PaymentMethod | None) -> str:
    """The method inside a sentence ("by cash")."""
    return payment_method_word(method)


def channel_text(channel: r.Channel | None) -> str:
    """How a contact was made, or "Contact" when not said."""
    return labels.channel_text(channel) if channel else _("Contact")


def outcome_text(outcome: r.Outcome | None) -> str:
    if outcome is None:
        return ""
    return {
        r.Outcome.REACHED: _("reached"),
        r.Outcome.NO_ANSWER: _("no answer"),
        r.Outcome.VOICEMAIL: _("left a voicemail"),
        r.Outcome.PROMISED: _("promised to pay"),
        r.Outcome.DISPUTE: _("disputed"),
        r.Outcome.PAID: _("said it is paid"),
        r.Outcome.PLAN: _("agreed a payment plan"),
        r.Outcome.RECEIVED_OK: _("confirmed receipt"),
        r.Outcome.PROBLEM: _("raised a problem"),
        r.Outcome.OTHER: _("other"),
    }[outcome]


def _money(amount: Decimal | None, currency: str) -> str:
    return "" if amount is None else fmt.money(amount, currency)


def entry_text(entry: TimelineEntry) -> str:
    """What happened, in a few words, naming the invoice it was about."""
    number = entry.invoice_number
    if entry.kind is EntryKind.INVOICE:
        return _("Invoice {number}, due {date}").format(
            number=number, date=fmt.date(entry.due_date)
        )
    if entry.kind is EntryKind.PAYMENT and entry.from_bank:
        return _("{text} ({number})").format(text=bank_payment_text(entry), number=number)
    if entry.kind is EntryKind.PAYMENT:
        text = (_("Deposit on {number}") if entry.is_deposit else _("Payment on {number}")).format(
            number=number
        )
        if entry.method:
            text = _("{text} by {method}").format(text=text, method=method_text(entry.method))
        if entry.reference:
            text = _("{text} (ref. {reference})").format(text=text, reference=entry.reference)
        return text
    if entry.kind is EntryKind.PROMISE:
        date = fmt.date(entry.due_date)
        if number:
            return _("Promised to pay {number} by {date}").format(number=number, date=date)
        return _("Promised to pay by {date}").format(date=date)
    if entry.kind is EntryKind.PLAN:
        text = ngettext(
            "Payment plan: {count} installment until {date}",
            "Payment plan: {count} installments until {date}",
            entry.installments,
        ).format(count=fmt.number(entry.installments), date=fmt.date(entry.due_date))
        return _("{text} ({number})").format(text=text, number=number) if number else text
    text = channel_text(entry.channel)
    if number:
        text = _("{channel} about {number}").format(channel=text, number=number)
    if entry.outcome:
        text = _("{channel}, {outcome}").format(channel=text, outcome=outcome_text(entry.outcome))
    return text


def bank_payment_text(entry: TimelineEntry) -> str:
    """A payment recorded from a bank statement's line: how it came, and from where."""
    if entry.method:
        return _("Paid by {method}, matched from the bank statement").format(
            method=method_text(entry.method)
        )
    return _("Paid, matched from the bank statement")


def entry_details(entry: TimelineEntry) -> str:
    """The whole story of an entry, notes included, for its tooltip."""
    text = entry_text(entry)
    if entry.from_bank and entry.reference:
        text = _("{text} (ref. {reference})").format(text=text, reference=entry.reference)
    if entry.at is not None:
        text = _("{when}: {text}").format(when=fmt.datetime(entry.at), text=text)
    if entry.notes:
        text = _("{text}\n{notes}").format(text=text, notes=entry.notes.strip())
    return text


def entry_status(entry: TimelineEntry) -> str:
    if entry.kind is EntryKind.INVOICE and entry.status is not None:
        words = status_text(entry.status)
        if entry.balance and entry.status is not InvoiceStatus.SENT:
            return _("{status}, {amount} left").format(
                status=words, amount=fmt.money(entry.balance, entry.currency)
            )
        return words
    if entry.kind is EntryKind.PROMISE and entry.promise_status is not None:
        return {
            PromiseStatus.KEPT: _("Kept"),
            PromiseStatus.BROKEN: _("Broken"),
            PromiseStatus.PENDING: _("Pending"),
        }[entry.promise_status]
    return ""


def _entry_tint(entry: TimelineEntry) -> QColor | None:
    if entry.status is InvoiceStatus.OVERDUE or entry.promise_status is PromiseStatus.BROKEN:
        return style.colour(Tone.OVERDUE)
    if entry.status is InvoiceStatus.PAID or entry.promise_status is PromiseStatus.KEPT:
        return style.colour(Tone.SETTLED)
    if entry.kind is EntryKind.PAYMENT:
        return style.colour(Tone.SETTLED)
    return None


class TimelineModel(RowTableModel[TimelineEntry]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    _("Date"),
                    lambda e: fmt.date(e.day),
                    value=lambda e: e.sort_key(),
                    numeric=True,
                ),
                Column(_("What"), entry_text, weight=3),
                Column(
                    _("Amount"),
                    lambda e: _money(e.amount, e.currency),
                    value=lambda e: e.amount,
                    numeric=True,
                ),
                Column(_("Status"), entry_status, tint=_entry_tint),
            ],
            parent,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 1:
            return entry_details(self.row_at(index.row()))
        return super().data(index, role)
