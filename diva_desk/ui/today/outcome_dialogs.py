"""What came of a call, asked in as few fields as possible, then written to the book.

Each outcome button of a call card ends here (:func:`record_outcome`). The ones
that need nothing more (no answer, voicemail, received and happy) write at once;
the others open a small form whose fields start at the likely answer (the amount
at stake, a date a week out), and whose OK button writes through store.outcomes.
A refusal from the book (a date in the past, more than the balance) is shown in
the form, which stays open. Nothing here decides what happens next: the store
does (a promise gets a follow-up on its date, a missed call a retry).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from diva_desk.core import records as r
from diva_desk.core.calls import Call, CallSettings, ReasonKind
from diva_desk.core.calls.workdays import add_working_days, working_day_on_or_after
from diva_desk.core.invoices.payment_methods import payment_method_label
from diva_desk.core.money import money_text
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.calls.outcomes import (
    OutcomeResult,
    no_answer,
    paid,
    promised_to_pay,
    received_and_happy,
    reported_problem,
    snoozed,
)
from diva_desk.store.invoices.editing import invoice_detail
from diva_desk.ui.common.dialogs import FormDialog, date_edit, day_of, exec_dialog
from diva_desk.ui.today.outcomes import OutcomeKind
from diva_desk.ui.today.payment_plan_dialog import PaymentPlanDialog

#: A promise, a snooze and a problem's follow-up are offered this many days out.
PROMISE_AFTER_DAYS = 7
SNOOZE_AFTER_DAYS = 7
PROBLEM_FOLLOWUP_WORKING_DAYS = 3


def call_invoices(call: Call) -> list[tuple[int, str]]:
    """The sent invoices the call is about (drafts waiting for the cut-off excluded), once each."""
    seen: dict[int, str] = {}
    for reason in call.reasons:
        if reason.invoice_id is not None and reason.kind is not ReasonKind.CUTOFF:
            seen.setdefault(reason.invoice_id, reason.invoice or "")
    return list(seen.items())


def checkin_invoices(call: Call) -> list[int]:
    return [
        reason.invoice_id
        for reason in call.reasons
        if reason.kind is ReasonKind.DELIVERY_CHECKIN and reason.invoice_id is not None
    ]


def _amount(edit: QLineEdit, what: str, field: str, currency: str) -> Decimal:
    text = edit.text().strip()
    if not text:
        raise BadInput(_("Type {what}.").format(what=what))
    try:
        return fmt.parse_amount(text, field, currency=currency)
    except fmt.BadTypedAmount as exc:
        raise BadInput(str(exc)) from exc


def _invoice_box(
    parent: QWidget, invoices: Sequence[tuple[int, str]], whole: str | None
) -> QComboBox:
    box = QComboBox(parent)
    if whole is not None:
        box.addItem(whole, None)
    for invoice_id, number in invoices:
        box.addItem(number, invoice_id)
    if whole is not None and len(invoices) == 1:
        box.setCurrentIndex(1)
    return box


class _OutcomeDialog(FormDialog):
    """A form about one call; ``result_value`` holds what was written once OK worked."""

    def __init__(self, title: str, ok: str, call: Call, on: dt.datetime, parent: QWidget | None):
        super().__init__(title, ok, parent)
        self.call = call
        self.on = on
        self.today = on.date()
        self.result_value: OutcomeResult | None = None
        self.action = lambda _dialog: self._write()

    def _write(self) -> None:
        raise NotImplementedError


class PromiseDialog(_OutcomeDialog):
    """Reached: they promised an amount by a date. A follow-up is set for that date."""

    def __init__(
        self, call: Call, on: dt.datetime, settings: CallSettings, parent: QWidget | None = None
    ):
        super().__init__(
            _("Promise from {customer}").format(customer=call.customer_name),
            _("&Note the promise"),
            call,
            on,
            parent,
        )
        self.setObjectName("promiseDialog")
        self.intro.setText(
            _("How much will {person} pay, and by when? You'll be reminded that day.").format(
                person=call.contact_name or call.customer_name
            )
        )
        self.invoice = _invoice_box(self, call_invoices(call), _("Everything at stake"))
        self.invoice.setObjectName("promiseInvoice")
        self.amount = QLineEdit(money_text(call.amount_at_stake, call.currency), self)
        self.amount.setObjectName("promiseAmount")
        due = working_day_on_or_after(self.today + dt.timedelta(days=PROMISE_AFTER_DAYS), settings)
        self.date = date_edit(self, due, "promiseDate")
        self.notes = QLineEdit(self)
        self.notes.setObjectName("promiseNotes")
        self.notes.setPlaceholderText(_("For example: cheque goes out Friday"))
        self.form.addRow(_("&About:"), self.invoice)
        self.form.addRow(_("A&mount:"), self.amount)
        self.form.addRow(_("&By:"), self.date)
        self.form.addRow(_("N&otes:"), self.notes)
        self.amount.setFocus()
        self.amount.selectAll()

    def _write(self) -> None:
        invoice = self.invoice.currentData()
        self.result_value = promised_to_pay(
            self.call.customer_id,
            invoice if isinstance(invoice, int) else None,
            _amount(self.amount, _("the promised amount"), _("Amount"), self.call.currency),
            day_of(self.date),
            self.notes.text(),
            self.on,
        )


class ProblemDialog(_OutcomeDialog):
    """Reached: there is a problem with the work, or they dispute the invoice."""

    def __init__(
        self, call: Call, on: dt.datetime, settings: CallSettings, parent: QWidget | None = None
    ):
        super().__init__(
            _("Problem raised by {customer}").format(customer=call.customer_name),
            _("&Note it"),
            call,
            on,
            parent,
        )
        self.setObjectName("problemDialog")
        self.intro.setText(_("Write down what they said; the follow-up call will start from it."))
        self.problem = QRadioButton(_("A &problem with the work"), self)
        self.problem.setObjectName("problemKind")
        self.dispute = QRadioButton(_("They &dispute the invoice"), self)
        self.dispute.setObjectName("disputeKind")
        self.problem.setChecked(True)
        kinds = QHBoxLayout()
        kinds.addWidget(self.problem)
        kinds.addWidget(self.dispute)
        kinds.addStretch(1)
        self.invoice = _invoice_box(self, call_invoices(call), _("The customer as a whole"))
        self.invoice.setObjectName("problemInvoice")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("problemNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(_("For example: the logo colours are off on the print run"))
        self.notes.setFixedHeight(self.fontMetrics().height() * 5)
        followup = add_working_days(self.today, PROBLEM_FOLLOWUP_WORKING_DAYS, settings)
        self.followup = date_edit(self, followup, "problemFollowup")
        self.form.addRow(_("What:"), kinds)
        self.form.addRow(_("&About:"), self.invoice)
        self.form.addRow(_("&Notes:"), self.notes)
        self.form.addRow(_("&Follow up on:"), self.followup)
        self.notes.textChanged.connect(self._changed)
        self._changed()
        self.notes.setFocus()

    def _changed(self) -> None:
        self.ok.setEnabled(bool(self.notes.toPlainText().strip()))

    def _write(self) -> None:
        invoice = self.invoice.currentData()
        self.result_value = reported_problem(
            self.call.customer_id,
            invoice if isinstance(invoice, int) else None,
            self.notes.toPlainText(),
            day_of(self.followup),
            self.on,
            r.Outcome.DISPUTE if self.dispute.isChecked() else r.Outcome.PROBLEM,
        )


class PaidDialog(_OutcomeDialog):
    """They have paid: the payment, on one of the call's invoices."""

    def __init__(self, call: Call, on: dt.datetime, parent: QWidget | None = None):
        super().__init__(
            _("Payment from {customer}").format(customer=call.customer_name),
            _("&Record payment"),
            call,
            on,
            parent,
        )
        self.setObjectName("paidDialog")
        self.balances: dict[int, tuple[Decimal, str]] = {}
        for invoice_id, _number in call_invoices(call):
            detail = invoice_detail(invoice_id, self.today)
            if detail.balance > 0:
                self.balances[invoice_id] = (detail.balance, detail.invoice.currency)
        choices = [(i, n) for i, n in call_invoices(call) if i in self.balances]
        self.invoice = _invoice_box(self, choices, None)
        self.invoice.setObjectName("paidInvoice")
        self.amount = QLineEdit(self)
        self.amount.setObjectName("paidAmount")
        self.method = QComboBox(self)
        self.method.setObjectName("paidMethod")
        self.method.addItem(_("Not said"), None)
        for method in r.PaymentMethod:
            # Qt hands the data back as a plain string: it is read back with PaymentMethod().
            self.method.addItem(payment_method_label(method), method.value)
        self.reference = QLineEdit(self)
        self.reference.setObjectName("paidReference")
        self.reference.setPlaceholderText(_("Cheque number, transfer reference…"))
        self.form.addRow(_("&Invoice:"), self.invoice)
        self.form.addRow(_("A&mount:"), self.amount)
        self.form.addRow(_("&Method:"), self.method)
        self.form.addRow(_("Re&ference:"), self.reference)
        self.invoice.currentIndexChanged.connect(self._invoice_chosen)
        self._invoice_chosen()
        if not choices:
            self.show_problem(_("No invoice on this call has a balance to pay."))
            self.ok.setEnabled(False)
        self.amount.setFocus()
        self.amount.selectAll()

    def _invoice_chosen(self) -> None:
        invoice = self.invoice.currentData()
        if invoice in self.balances:
            balance, currency = self.balances[invoice]
            self.amount.setText(money_text(balance, currency))
            self.intro.setText(
                _("{number}: {balance} is owed.").format(
                    number=self.invoice.currentText(), balance=fmt.money(balance, currency)
                )
            )

    def _write(self) -> None:
        method = self.method.currentData()
        invoice = self.invoice.currentData()
        if not isinstance(invoice, int):
            raise BadInput(_("Choose the invoice that was paid."))
        self.result_value = paid(
            self.call.customer_id,
            invoice,
            _amount(
                self.amount,
                _("the amount received"),
                _("Amount"),
                self.balances[invoice][1],
            ),
            r.PaymentMethod(method) if method else None,
            self.reference.text(),
            self.on,
        )


class SnoozeDialog(_OutcomeDialog):
    """Not today: the customer leaves the list until a date."""

    def __init__(
        self, call: Call, on: dt.datetime, settings: CallSettings, parent: QWidget | None = None
    ):
        super().__init__(
            _("Snooze {customer}").format(customer=call.customer_name),
            _("&Snooze"),
            call,
            on,
            parent,
        )
        self.setObjectName("snoozeDialog")
        self.intro.setText(
            _("Until that day, {customer} only comes back for something agreed for a date.").format(
                customer=call.customer_name
            )
        )
        until = working_day_on_or_after(self.today + dt.timedelta(days=SNOOZE_AFTER_DAYS), settings)
        self.until = date_edit(self, until, "snoozeUntil")
        self.notes = QLineEdit(self)
        self.notes.setObjectName("snoozeNotes")
        self.notes.setPlaceholderText(_("Why, for the history (optional)"))
        self.form.addRow(_("&Until:"), self.until)
        self.form.addRow(_("N&otes:"), self.notes)

    def _write(self) -> None:
        self.result_value = snoozed(
            self.call.customer_id, day_of(self.until), self.notes.text(), self.on
        )


def record_outcome(
    parent: QWidget | None,
    kind: OutcomeKind,
    call: Call,
    on: dt.datetime,
    settings: CallSettings,
) -> list[OutcomeResult]:
    """Ask what is needed for ``kind`` and write it; what was written (empty when cancelled)."""
    if kind is OutcomeKind.NO_ANSWER:
        return [no_answer(call.customer_id, False, "", on)]
    if kind is OutcomeKind.VOICEMAIL:
        return [no_answer(call.customer_id, True, "", on)]
    if kind is OutcomeKind.RECEIVED:
        return [
            received_and_happy(call.customer_id, invoice, on) for invoice in checkin_invoices(call)
        ]
    dialog: FormDialog
    if kind is OutcomeKind.PROMISED:
        dialog = PromiseDialog(call, on, settings, parent)
    elif kind is OutcomeKind.PROBLEM:
        dialog = ProblemDialog(call, on, settings, parent)
    elif kind is OutcomeKind.PAID:
        dialog = PaidDialog(call, on, parent)
    elif kind is OutcomeKind.SNOOZE:
        dialog = SnoozeDialog(call, on, settings, parent)
    else:
        dialog = PaymentPlanDialog(
            customer_id=call.customer_id,
            customer_name=call.customer_name,
            currency=call.currency,
            invoices=call_invoices(call),
            today=on.date(),
            on=on,
            parent=parent,
        )
    if exec_dialog(dialog) != QDialog.DialogCode.Accepted.value:
        return []
    result = dialog.result_value  # type: ignore[attr-defined]
    return [result] if result is not None else []
