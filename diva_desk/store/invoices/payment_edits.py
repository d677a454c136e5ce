"""Correcting a payment already recorded: edit it, delete it, or move it to the right invoice.

Owners mistype. An edit obeys the rules of recording (store.payments.record_payment):
more than zero, in whole minor units of its currency, not dated after today nor
before the invoice was issued, and no more than the invoice still owes once this
payment is left out. A move obeys those of store.payments.move_payments: the
target is a sent invoice of the same customer and currency, with room for the
money. A refusal is a :class:`BadInput` sentence and changes nothing.

Each change runs in one transaction, writes a note in the customer's history (so
the correction shows in their timeline), and returns a :class:`PaymentChange`
holding what the payment was before, which :func:`undo_payment_change` puts back,
note and all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from diva_desk.core import records as r
from diva_desk.core.invoices.payment_methods import payment_method_word
from diva_desk.core.money import ZERO, fits_currency, from_minor, to_minor
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.i18n.format import places_rule
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.book.minor import invoice_currency
from diva_desk.store.invoices.payments import check_move_target, paid_on, payable_invoice_ids
from diva_desk.store.invoices.records import invoice_row


class ChangeKind(StrEnum):
    EDITED = "edited"
    DELETED = "deleted"
    MOVED = "moved"


@dataclass(frozen=True)
class PaymentFields:
    """One payment as the book holds it."""

    invoice_id: int
    date: dt.date
    amount: Decimal
    method: r.PaymentMethod | None
    reference: str
    is_deposit: bool
    #: The bank statement's line it was recorded from (import-bank), kept through an edit,
    #: a move and the undo of a delete.
    bank_transaction_id: int | None = None


@dataclass(frozen=True)
class PaymentChange:
    """What one correction did, enough to take it back exactly."""

    kind: ChangeKind
    payment_id: int
    before: PaymentFields
    #: ``None`` once deleted.
    after: PaymentFields | None
    #: The note written in the customer's history.
    interaction_id: int
    #: One sentence for the status bar and the undo offer.
    summary: str


@dataclass(frozen=True)
class MoveTarget:
    """An open invoice a payment may move to."""

    invoice_id: int
    number: str
    balance: Decimal
    currency: str


def payment_fields(payment_id: int) -> PaymentFields:
    """The payment, or BadInput: its id came from a list that may be stale."""
    row = m.Payment.get_or_none(m.Payment.id == payment_id)
    if row is None:
        raise BadInput(_("That payment is no longer in the book."))
    return PaymentFields(
        invoice_id=row.invoice_id,
        date=row.date,
        amount=from_minor(row.amount_minor, invoice_currency(row.invoice_id)),
        method=None if row.method is None else r.PaymentMethod(row.method),
        reference=row.reference or "",
        is_deposit=bool(row.is_deposit),
        bank_transaction_id=row.bank_transaction_id,
    )


# --- the changes ----------------------------------------------------------------------


def edit_payment(
    payment_id: int,
    date: dt.date,
    amount: Decimal,
    method: r.PaymentMethod | None,
    reference: str = "",
    is_deposit: bool | None = None,
    *,
    today: dt.date | None = None,
    at: dt.datetime | None = None,
) -> PaymentChange | None:
    """Correct a payment's date, amount, method, reference (and deposit mark).

    Returns ``None`` when nothing differs, so nothing is logged. ``is_deposit``
    ``None`` keeps the mark as it is. ``at`` is when the note is logged (now). The
    date is checked only when it changes, so a payment imported with an odd date
    can still have its reference corrected.
    """
    today = today or dt.date.today()
    _check_amount(amount)
    with db.atomic("IMMEDIATE"):
        before = payment_fields(payment_id)
        after = replace(
            before,
            date=date,
            amount=amount,
            method=method,
            reference=reference.strip(),
            is_deposit=before.is_deposit if is_deposit is None else is_deposit,
        )
        if after == before:
            return None
        row = invoice_row(before.invoice_id)
        _check_places(amount, row.currency)
        if row.state != r.InvoiceState.SENT:
            raise BadInput(
                _(
                    "{number} is void: its payments can be moved to another invoice or "
                    "deleted, not edited."
                ).format(number=row.number)
            )
        if date != before.date:
            _not_after_today(date, today)
            _not_before_issue(date, row)
        total = from_minor(row.total_minor, row.currency)
        room = max(total - (paid_on(before.invoice_id) - before.amount), ZERO)
        if amount > room:
            raise BadInput(
                _(
                    "The payment of {amount} is more than the balance of {balance} on {number}."
                ).format(
                    amount=fmt.money(amount, row.currency),
                    balance=fmt.money(room, row.currency),
                    number=row.number,
                )
            )
        _write(payment_id, after)
        summary = _("Corrected the payment on {number}: {changes}.").format(
            number=row.number, changes="; ".join(_differences(before, after, row.currency))
        )
        note = _log(row, summary, at)
    return PaymentChange(ChangeKind.EDITED, payment_id, before, after, note, summary)


def delete_payment(payment_id: int, *, at: dt.datetime | None = None) -> PaymentChange:
    """Take a payment out of the book (money that never came, or recorded twice)."""
    with db.atomic("IMMEDIATE"):
        before = payment_fields(payment_id)
        row = invoice_row(before.invoice_id)
        m.Payment.delete().where(m.Payment.id == payment_id).execute()
        _bank_line_recorded(before.bank_transaction_id)
        summary = _("Deleted the payment of {payment} on {number}.").format(
            payment=_described(before, row.currency), number=row.number
        )
        note = _log(row, summary, at)
    return PaymentChange(ChangeKind.DELETED, payment_id, before, None, note, summary)


def move_payment(
    payment_id: int,
    to_invoice_id: int,
    *,
    at: dt.datetime | None = None,
) -> PaymentChange:
    """Move a payment recorded on the wrong invoice to the right one of the same customer.

    The checks are move_payments': the target is sent, of the same customer and
    currency, and owes at least the payment. The payment keeps its date; unless it
    comes off a void invoice (whose corrected copy is issued after the money came),
    that date may not be before the target was issued, as when recording.
    """
    with db.atomic("IMMEDIATE"):
        before = payment_fields(payment_id)
        if before.invoice_id == to_invoice_id:
            raise BadInput(_("The payment is already on that invoice."))
        source, target = invoice_row(before.invoice_id), invoice_row(to_invoice_id)
        check_move_target(source, target, payments=1)
        if source.state != r.InvoiceState.VOID:
            _not_before_issue(before.date, target)
        total = from_minor(target.total_minor, target.currency)
        balance = max(total - paid_on(to_invoice_id), ZERO)
        if before.amount > balance:
            raise BadInput(
                _(
                    "The payment of {amount} is more than the {balance} owed on {target}; "
                    "it stays on {source}."
                ).format(
                    amount=fmt.money(before.amount, source.currency),
                    balance=fmt.money(balance, target.currency),
                    target=target.number,
                    source=source.number,
                )
            )
        after = replace(before, invoice_id=to_invoice_id)
        _write(payment_id, after)
        summary = _("Moved the payment of {payment} from {source} to {target}.").format(
            payment=_described(before, source.currency),
            source=source.number,
            target=target.number,
        )
        # The note is about the invoice the money now pays, where the owner will look.
        note = _log(target, summary, at)
    return PaymentChange(ChangeKind.MOVED, payment_id, before, after, note, summary)


def undo_payment_change(change: PaymentChange) -> None:
    """Put the payment back as it was and take the note out, in one transaction.

    Refused (nothing changes) if, meanwhile, the payment was changed again or the
    invoice took other money so that putting this back would pay it more than its total.
    """
    with db.atomic("IMMEDIATE"):
        # The note is the change's mark: gone, the change was taken back already.
        if not m.Interaction.select().where(m.Interaction.id == change.interaction_id).exists():
            raise BadInput(_("That correction was undone already."))
        if change.after is None:
            # SQLite may have given the deleted payment's id to one recorded since.
            taken = m.Payment.select().where(m.Payment.id == change.payment_id).exists()
            values = _values(change.before)
            if not taken:
                values["id"] = change.payment_id
            m.Payment.insert(**values).execute()
            _bank_line_recorded(change.before.bank_transaction_id)
        else:
            current = m.Payment.get_or_none(m.Payment.id == change.payment_id)
            if current is None or payment_fields(change.payment_id) != change.after:
                raise BadInput(_("The payment was changed again since; it is left as it is now."))
            _write(change.payment_id, change.before)
        row = invoice_row(change.before.invoice_id)
        total = from_minor(row.total_minor, row.currency)
        if row.state == r.InvoiceState.SENT and paid_on(row.id) > total:
            raise BadInput(
                _(
                    "{number} has taken other money since; putting the payment back would "
                    "pay it more than its total."
                ).format(number=row.number)
            )
        m.Interaction.delete().where(m.Interaction.id == change.interaction_id).execute()


# --- where a payment can move ---------------------------------------------------------


def move_targets(payment_id: int) -> list[MoveTarget]:
    """The customer's other open invoices in the payment's currency, oldest due first."""
    before = payment_fields(payment_id)
    source = invoice_row(before.invoice_id)
    found: list[MoveTarget] = []
    for invoice_id in payable_invoice_ids(source.customer_id):
        if invoice_id == source.id:
            continue
        row = invoice_row(invoice_id)
        if row.currency != source.currency:
            continue
        balance = max(from_minor(row.total_minor, row.currency) - paid_on(invoice_id), ZERO)
        found.append(MoveTarget(invoice_id, row.number, balance, row.currency))
    return found


# --- helpers --------------------------------------------------------------------------


def _check_amount(amount: Decimal) -> None:
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise BadInput(_("The payment amount is not a number."))
    if amount <= ZERO:
        raise BadInput(_("The payment amount must be more than zero."))


def _check_places(amount: Decimal, currency: str) -> None:
    if not fits_currency(amount, currency):
        raise BadInput(_("The payment amount: {rule}.").format(rule=places_rule(currency)))


def _not_after_today(date: dt.date, today: dt.date) -> None:
    if date > today:
        raise BadInput(
            _(
                "A payment is recorded when it arrives: the date can't be after today ({today})."
            ).format(today=fmt.date(today))
        )


def _not_before_issue(date: dt.date, invoice: m.Invoice) -> None:
    if date < invoice.issue_date:
        raise BadInput(
            _(
                "The payment date {date} is before {number} was issued ({issued}): check the date."
            ).format(
                date=fmt.date(date), number=invoice.number, issued=fmt.date(invoice.issue_date)
            )
        )


def _values(fields: PaymentFields) -> dict[str, object]:
    """The row's columns; the amount in minor units of the invoice it is on."""
    return {
        "invoice": fields.invoice_id,
        "date": fields.date,
        "amount_minor": to_minor(fields.amount, invoice_currency(fields.invoice_id)),
        "method": None if fields.method is None else str(fields.method),
        "reference": fields.reference,
        "is_deposit": fields.is_deposit,
        "bank_transaction_id": fields.bank_transaction_id,
    }


def _bank_line_recorded(transaction_id: int | None) -> None:
    """A bank line is recorded while a payment of the book came from it. Its last payment
    deleted, it waits for review again: the next import of that statement shows it for the
    owner to assign (or leave), instead of counting it as recorded; the undo records it again.
    """
    if transaction_id is None:
        return
    kept = m.Payment.select().where(m.Payment.bank_transaction_id == transaction_id).exists()
    status = r.BankStatus.RECORDED if kept else r.BankStatus.REVIEW
    m.BankTransaction.update(status=str(status)).where(
        (m.BankTransaction.id == transaction_id)
        & (m.BankTransaction.status != str(r.BankStatus.IGNORED))
    ).execute()


def _write(payment_id: int, fields: PaymentFields) -> None:
    m.Payment.update(**_values(fields)).where(m.Payment.id == payment_id).execute()


def _log(invoice: m.Invoice, notes: str, at: dt.datetime | None) -> int:
    """A note in the customer's history, about ``invoice``; returns its id."""
    moment = (at or dt.datetime.now()).replace(microsecond=0)
    return m.Interaction.create(
        customer=invoice.customer_id,
        invoice=invoice.id,
        at=moment,
        channel=str(r.Channel.NOTE),
        outcome=None,
        notes=notes,
    ).id


def method_word(method: r.PaymentMethod | None) -> str:
    """The method in a sentence (the same words as the customer's timeline)."""
    return payment_method_word(method) if method is not None else _("not said")


def _described(fields: PaymentFields, currency: str) -> str:
    """ "$150.00 received Nov 2, 2026 (cheque, ref. 1234)"."""
    how = [method_word(fields.method)] if fields.method is not None else []
    if fields.reference:
        how.append(_("ref. {reference}").format(reference=fields.reference))
    text = _("{amount} received {date}").format(
        amount=fmt.money(fields.amount, currency), date=fmt.date(fields.date)
    )
    return f"{text} ({', '.join(how)})" if how else text


def _differences(before: PaymentFields, after: PaymentFields, currency: str) -> list[str]:
    changes: list[str] = []

    def changed(label: str, old: str, new: str) -> None:
        changes.append(_("{what} {old} → {new}").format(what=label, old=old, new=new))

    if before.amount != after.amount:
        changed(_("amount"), fmt.money(before.amount, currency), fmt.money(after.amount, currency))
    if before.date != after.date:
        changed(_("date"), fmt.date(before.date), fmt.date(after.date))
    if before.method != after.method:
        changed(_("method"), method_word(before.method), method_word(after.method))
    if before.reference != after.reference:
        changed(_("reference"), before.reference or "—", after.reference or "—")
    if before.is_deposit != after.is_deposit:
        marked = _("marked as the deposit") if after.is_deposit else _("no longer the deposit")
        changes.append(marked)
    return changes
