"""Recording money that came in: date, amount, method, reference, deposit or not.

The amount starts at what is owed (or at the deposit still due, when the money is
the deposit), because most payments settle exactly that. It is read from the text
with ``i18n.format.parse_amount``; a payment larger than the balance is refused by the book
and the sentence saying so is shown in the dialog, which stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QLineEdit, QWidget

from diva_desk.core.invoices.payment_methods import payment_method_label
from diva_desk.core.money import money_text
from diva_desk.core.records import PaymentMethod
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.invoices.editing import InvoiceDetail, invoice_detail, record_payment
from diva_desk.ui.common import dialogs, errors
from diva_desk.ui.common.dialogs import FormDialog, date_edit, day_of


def _choice_text(detail: InvoiceDetail) -> str:
    return _("{number} — balance {balance}").format(
        number=detail.invoice.number,
        balance=fmt.money(detail.balance, detail.invoice.currency),
    )


class PaymentDialog(FormDialog):
    """One payment on one of the given invoices (several when opened from a customer)."""

    def __init__(
        self, invoice_ids: Sequence[int], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Record a payment"), _("&Record payment"), parent)
        self.setObjectName("paymentDialog")
        if not invoice_ids:
            raise BadInput(_("There is no invoice to record a payment on."))
        self.today = today
        self.details = [invoice_detail(invoice_id, today) for invoice_id in invoice_ids]
        self._typed = False
        #: The payment's id once recorded.
        self.payment_id: int | None = None

        self.invoice = QComboBox(self)
        self.invoice.setObjectName("paymentInvoice")
        for detail in self.details:
            self.invoice.addItem(_choice_text(detail), detail.id)
        self.date = date_edit(self, today, "paymentDate")
        self.amount = QLineEdit(self)
        self.amount.setObjectName("paymentAmount")
        self.method = QComboBox(self)
        self.method.setObjectName("paymentMethod")
        # Qt keeps the methods' codes as plain strings, so they are read back by value.
        self.method.addItem(_("Not said"), "")
        for method in PaymentMethod:
            self.method.addItem(payment_method_label(method), method.value)
        self.reference = QLineEdit(self)
        self.reference.setObjectName("paymentReference")
        self.reference.setPlaceholderText(_("Cheque number, transfer reference…"))
        self.deposit = QCheckBox(_("This is the &deposit"), self)
        self.deposit.setObjectName("paymentIsDeposit")
        self.deposit_facts = QLabel(self)
        self.deposit_facts.setProperty("role", "note")

        if len(self.details) > 1:
            self.form.addRow(_("&Invoice:"), self.invoice)
        else:
            self.invoice.hide()
        self.form.addRow(_("&Date:"), self.date)
        self.form.addRow(_("&Amount:"), self.amount)
        self.form.addRow(_("&Method:"), self.method)
        self.form.addRow(_("Re&ference:"), self.reference)
        self.form.addRow("", self.deposit)
        self.form.addRow("", self.deposit_facts)

        self.invoice.currentIndexChanged.connect(self._invoice_chosen)
        self.amount.textEdited.connect(self._amount_typed)
        self.deposit.toggled.connect(self._deposit_toggled)
        self.action = lambda _dialog: self._record()
        self._invoice_chosen()
        self.amount.setFocus()
        self.amount.selectAll()

    # --- what is shown ----------------------------------------------------------------

    def detail(self) -> InvoiceDetail:
        return self.details[max(self.invoice.currentIndex(), 0)]

    def _invoice_chosen(self) -> None:
        detail = self.detail()
        money = detail.invoice.currency
        self.intro.setText(
            _("{number} for {customer}: {balance} is owed.").format(
                number=detail.invoice.number,
                customer=detail.customer.name,
                balance=fmt.money(detail.balance, money),
            )
        )
        preferred = detail.customer.preferred_payment_method
        self.method.setCurrentIndex(max(self.method.findData(preferred or ""), 0))
        has_deposit = detail.deposit_asked > 0
        self.deposit.setChecked(detail.deposit_outstanding > 0)
        self.deposit_facts.setVisible(has_deposit)
        self.deposit_facts.setText(
            _("Deposit asked {asked} · received {received} · still due {due}").format(
                asked=fmt.money(detail.deposit_asked, money),
                received=fmt.money(detail.deposit_received, money),
                due=fmt.money(detail.deposit_outstanding, money),
            )
        )
        self._typed = False
        self._fill_amount()

    def _fill_amount(self) -> None:
        """Until the person types an amount, it follows what the payment most likely is."""
        if self._typed:
            return
        detail = self.detail()
        amount = detail.deposit_outstanding if self.deposit.isChecked() else detail.balance
        if self.deposit.isChecked() and amount <= 0:
            amount = detail.balance
        self.amount.setText(money_text(amount, detail.invoice.currency))
        self._check_amount()

    def _deposit_toggled(self) -> None:
        self._fill_amount()

    def _amount_typed(self) -> None:
        self._typed = True
        self._check_amount()

    def _check_amount(self) -> None:
        try:
            amount = self.amount_value()
        except BadInput as exc:
            self.show_problem(str(exc))
            return
        detail = self.detail()
        if amount > detail.balance:
            self.show_problem(
                _("That is more than the balance of {balance}.").format(
                    balance=fmt.money(detail.balance, detail.invoice.currency)
                )
            )
        else:
            self.show_problem("")

    # --- what is recorded -------------------------------------------------------------

    def amount_value(self) -> Decimal:
        text = self.amount.text().strip()
        if not text:
            raise BadInput(_("Type the amount received."))
        try:
            amount = fmt.parse_amount(text, _("Amount"), currency=self.detail().invoice.currency)
        except fmt.BadTypedAmount as exc:
            raise BadInput(str(exc)) from exc
        if amount <= 0:
            raise BadInput(_("The payment amount must be more than zero."))
        return amount

    def _record(self) -> None:
        code = self.method.currentData()
        self.payment_id = record_payment(
            self.detail().id,
            day_of(self.date),
            self.amount_value(),
            PaymentMethod(code) if code else None,
            self.reference.text(),
            is_deposit=self.deposit.isChecked(),
            today=self.today,
        )


def record_customer_payment(
    window: QWidget, customer_id: int, code: str, today: dt.date
) -> str | None:
    """Customer › Record payment: the dialog on the customer's invoices that can take one.

    Returns the status bar's sentence once a payment is recorded, or ``None`` when
    there was nothing to pay or the owner cancelled.
    """
    from diva_desk.store.invoices.payments import payable_invoice_ids

    ids = payable_invoice_ids(customer_id)
    if not ids:
        errors.show_message(
            window,
            _("{code} has no sent invoice with a balance to record a payment on.").format(
                code=code
            ),
        )
        return None
    dialog = PaymentDialog(ids, today, window)
    if dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    detail = dialog.detail()
    return _("Recorded a payment of {amount} on {number}.").format(
        amount=fmt.money(dialog.amount_value(), detail.invoice.currency),
        number=detail.invoice.number,
    )
