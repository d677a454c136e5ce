"""Correcting a recorded payment: the same form as recording one, filled in; and moving one.

:class:`PaymentEditDialog` is the payment dialog (same fields, same reading of the
amount) opened on a payment already in the book; the book refuses what recording
would (more than is owed with this payment left out, a date after today or before
the invoice was issued) and the sentence shows in the dialog, which stays open.
:class:`MovePaymentDialog` lists the customer's other open invoices in the same
currency.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QWidget

from diva_desk.core.money import ZERO, money_text
from diva_desk.core.records import PaymentMethod
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.invoices.payment_edits import (
    MoveTarget,
    PaymentChange,
    PaymentFields,
    edit_payment,
    move_payment,
    payment_fields,
)
from diva_desk.ui.common.dates import qdate
from diva_desk.ui.common.dialogs import FormDialog, day_of
from diva_desk.ui.invoices.payment_dialog import PaymentDialog


def described(fields: PaymentFields, currency: str) -> str:
    """ "$150.00 received Nov 2, 2026"."""
    return _("{amount} received {date}").format(
        amount=fmt.money(fields.amount, currency), date=fmt.date(fields.date)
    )


class PaymentEditDialog(PaymentDialog):
    """One payment's date, amount, method, reference and deposit mark, to correct."""

    def __init__(
        self, invoice_id: int, payment_id: int, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__([invoice_id], today, parent)
        self.setObjectName("paymentEditDialog")
        self.setWindowTitle(_("Correct a payment"))
        self.ok.setText(_("&Save correction"))
        self.payment_id = payment_id
        self.before = payment_fields(payment_id)
        #: What was changed, once saved (``None`` when nothing differed).
        self.change: PaymentChange | None = None
        before = self.before
        self._typed = True  # the amount is the payment's, not the balance
        self.deposit.setChecked(before.is_deposit)
        self.date.setDate(qdate(before.date))
        self.amount.setText(money_text(before.amount, self.detail().invoice.currency))
        code = before.method.value if before.method is not None else ""
        self.method.setCurrentIndex(max(self.method.findData(code), 0))
        self.reference.setText(before.reference)
        detail = self.detail()
        self.intro.setText(
            _(
                "{payment} on {number} for {customer}. Correct what was mistyped; "
                "the change is noted in the customer's history."
            ).format(
                payment=described(before, detail.invoice.currency),
                number=detail.invoice.number,
                customer=detail.customer.name,
            )
        )
        self.action = lambda _dialog: self._save()
        self._check_amount()
        self.amount.setFocus()
        self.amount.selectAll()

    def room(self) -> Decimal:
        """The most this payment may be: the total less the invoice's other payments."""
        detail = self.detail()
        others = sum(
            (
                p.amount
                for p, pid in zip(detail.payments, detail.payment_ids, strict=True)
                if pid != self.payment_id
            ),
            ZERO,
        )
        return max(detail.totals.total - others, ZERO)

    def _check_amount(self) -> None:
        if not hasattr(self, "before"):  # the base dialog checks while it is being built
            return
        try:
            amount = self.amount_value()
        except BadInput as exc:
            self.show_problem(str(exc))
            return
        room = self.room()
        if amount > room:
            self.show_problem(
                _("That is more than the balance of {balance}.").format(
                    balance=fmt.money(room, self.detail().invoice.currency)
                )
            )
        else:
            self.show_problem("")

    def _save(self) -> None:
        code = self.method.currentData()
        self.change = edit_payment(
            self.payment_id,
            day_of(self.date),
            self.amount_value(),
            PaymentMethod(code) if code else None,
            self.reference.text(),
            is_deposit=self.deposit.isChecked(),
            today=self.today,
        )


class MovePaymentDialog(FormDialog):
    """Which of the customer's open invoices the payment really pays."""

    def __init__(
        self,
        payment_id: int,
        payment: str,
        number: str,
        targets: list[MoveTarget],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Move a payment"), _("&Move payment"), parent)
        self.setObjectName("movePaymentDialog")
        self.payment_id = payment_id
        self.change: PaymentChange | None = None
        self.intro.setText(
            _(
                "The payment of {payment} was recorded on {number}. Move it to the invoice "
                "it pays; the move is noted in the customer's history."
            ).format(payment=payment, number=number)
        )
        self.target = QComboBox(self)
        self.target.setObjectName("moveTarget")
        for target in targets:
            self.target.addItem(
                _("{number} — balance {balance}").format(
                    number=target.number, balance=fmt.money(target.balance, target.currency)
                ),
                target.invoice_id,
            )
        self.form.addRow(_("&To invoice:"), self.target)
        self.action = lambda _dialog: self._move()
        self.target.setFocus()

    def _move(self) -> None:
        self.change = move_payment(self.payment_id, int(self.target.currentData()))
