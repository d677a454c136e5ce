"""Writing an invoice: customer, dates, lines, deposit, with the totals as you type.

One dialog for a new invoice, a draft, a duplicate and a sent invoice. A draft is
edited freely; a sent or void invoice opens read-only (the customer's accounts
payable keyed its lines in), with a hint that a correction is a void and a new
invoice. Amounts are read with ``i18n.format.parse_amount``: a problem is shown beside
the field and nothing is saved until it is fixed; no float ever holds money here.

The pieces. :class:`InvoiceEditor` is the one owner: it makes and places all of them
and alone decides what an edit means (a customer's terms, a deposit's percent).

- ``invoice_form.InvoiceForm``: the fields, the lines (``invoice_lines_model``) and the
  totals; it shows what it is told and reads itself into a draft.
- ``invoice_panels``: the customer's standing and the terms it suggests, above the form.
- ``invoice_state_text``: the title and the locked note of a sent or void invoice.
- ``invoice_life.InvoiceLife``: the buttons along the bottom and what each does to the
  book (save, send, PDF, payment, receipt, void, duplicate), and the payments list
  (``invoice_payments``) it owns, with their dialogs.

Inside and outside: the life and the payments list see the editor only as an
``editor_host.EditorHost`` (the invoice shown, its draft, reload, announce, close),
never its form or private attributes, and never import this module. The window
opens the editor with :func:`open_editor` and hears ``book_changed`` and ``announced``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QVBoxLayout, QWidget

from diva_desk.core import records as r
from diva_desk.core.invoices.totals import deposit_for, invoice_totals
from diva_desk.core.money import ZERO, money_text
from diva_desk.core.records import InvoiceLine
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book.business import business_currency
from diva_desk.store.book.settings import suggested_deposit_percent
from diva_desk.store.customers.history import customer_standing
from diva_desk.store.invoices.editing import (
    InvoiceDetail,
    InvoiceDraft,
    draft_for_customer,
    invoice_detail,
    tax_picks,
)
from diva_desk.store.invoices.lists import customer_rows
from diva_desk.store.invoices.records import customer_record
from diva_desk.ui.common import style
from diva_desk.ui.common.dialogs import day_of
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.invoices.editor.invoice_form import InvoiceForm, qdate
from diva_desk.ui.invoices.editor.invoice_life import InvoiceLife
from diva_desk.ui.invoices.editor.invoice_panels import (
    PANEL_STYLE,
    SuggestionPanel,
    TermsOffer,
    offers_for,
)
from diva_desk.ui.invoices.editor.invoice_state_text import locked_text, window_title


class InvoiceEditor(QDialog):
    """New, draft, duplicate or sent invoice; ``book_changed`` after anything is written."""

    book_changed = Signal()
    #: A status-bar sentence about what was done.
    announced = Signal(str)

    def __init__(
        self,
        *,
        today: dt.date,
        invoice_id: int | None = None,
        customer_id: int | None = None,
        copy_of: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("invoiceEditor")
        style.themed(self, PANEL_STYLE)
        self.today = today
        self.invoice_id: int | None = None
        self.detail: InvoiceDetail | None = None
        self.customer: r.Customer | None = None
        self._terms_days = 0
        #: While set, the deposit follows this percent of the total as lines are typed.
        self.deposit_percent: Decimal | None = None
        self._loading = False
        self.dirty = False
        #: What an empty currency field means: the customer's currency once one is chosen.
        self._default_currency = business_currency()

        self.suggestion = SuggestionPanel(self)
        self.locked_note = QLabel(self)
        self.locked_note.setObjectName("lockedPanel")
        self.locked_note.setWordWrap(True)
        self.locked_note.setContentsMargins(12, 8, 12, 8)
        self.locked_note.hide()
        self.form = InvoiceForm(tax_picks(), self)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setProperty("role", "rule")
        #: Made after the form: its payments list, then its buttons, follow it in Tab order.
        self.life = InvoiceLife(self, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.locked_note)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.life.payments)
        layout.addWidget(rule)
        layout.addLayout(self.life.button_row)
        fit_to_screen(self, 980, 720)
        self._connect()

        if invoice_id is not None:
            self.load_invoice(invoice_id)
        elif copy_of is not None:
            self.load_copy(copy_of)
        else:
            self.start_new(customer_id)

    def _connect(self) -> None:
        f = self.form
        f.customer_box.currentIndexChanged.connect(self._customer_chosen)
        f.customer_box.lineEdit().editingFinished.connect(self._customer_typed)
        f.issue_date.dateChanged.connect(self._issue_date_changed)
        f.due_date.dateChanged.connect(self._changed)
        f.currency.currentTextChanged.connect(self._currency_changed)
        f.lines.lines_changed.connect(self._changed)
        f.po_number.textEdited.connect(self._touched)
        f.notes.textChanged.connect(self._touched)
        f.ask_deposit.toggled.connect(self._deposit_toggled)
        f.deposit_amount.textEdited.connect(self._deposit_typed)
        f.deposit_due.dateChanged.connect(self._touched)
        f.pay_link.edited.connect(lambda: self._refresh() if f.lines.locked else self._changed())

    # --- loading ----------------------------------------------------------------------

    def start_new(self, customer_id: int | None, lines: Sequence[InvoiceLine] = ()) -> None:
        f = self.form
        self._loading = True
        self.invoice_id, self.detail, self.customer = None, None, None
        self.deposit_percent = None
        f.fill_customers(customer_rows(self.today))
        for edit in (f.issue_date, f.due_date, f.deposit_due):
            edit.setDate(qdate(self.today))
        f.po_number.clear()
        f.notes.clear()
        f.ask_deposit.setChecked(False)
        f.deposit_amount.clear()
        f.lines.set_lines(lines)
        if not lines:
            f.lines.add_line()
        self._loading = False
        self._set_locked(False)
        self.suggestion.hide()
        if customer_id is not None:
            f.customer_box.setCurrentIndex(f.customer_box.findData(customer_id))
        self.dirty = bool(lines)
        self._refresh()

    def load_copy(self, invoice_id: int) -> None:
        """A new invoice with another's customer, lines, currency and notes (dated today)."""
        source = invoice_detail(invoice_id, self.today)
        self.start_new(source.customer_id, source.lines)
        self._loading = True
        self.form.currency.setCurrentText(source.invoice.currency)
        self.form.lines.set_currency(source.invoice.currency)
        self.form.notes.setPlainText(source.invoice.notes)
        self.form.pay_link.set_template(source.invoice.payment_link)
        self._loading = False
        self.dirty = True
        self.announced.emit(
            _("A new invoice copied from {number}.").format(number=source.invoice.number)
        )
        self._refresh()

    def load_invoice(self, invoice_id: int) -> None:
        f = self.form
        detail = invoice_detail(invoice_id, self.today)
        invoice = detail.invoice
        self._loading = True
        self.invoice_id, self.detail, self.customer = invoice_id, detail, detail.customer
        f.fill_customers(customer_rows(self.today), also=detail.customer_id)
        f.customer_box.setCurrentIndex(f.customer_box.findData(detail.customer_id))
        self._terms_days = (invoice.due_date - invoice.issue_date).days
        f.issue_date.setDate(qdate(invoice.issue_date))
        f.due_date.setDate(qdate(invoice.due_date))
        f.po_number.setText(invoice.po_number)
        f.currency.setCurrentText(invoice.currency)
        f.notes.setPlainText(invoice.notes)
        f.pay_link.load(invoice_id, invoice)
        self.deposit_percent = None
        f.ask_deposit.setChecked(invoice.deposit_amount > 0)
        asked = invoice.deposit_amount
        f.deposit_amount.setText(money_text(asked, invoice.currency) if asked > 0 else "")
        f.deposit_due.setDate(qdate(invoice.deposit_due_date or invoice.issue_date))
        f.lines.set_currency(invoice.currency)
        f.lines.set_lines(invoice.lines)
        self._loading = False
        self._set_locked(invoice.state is not r.InvoiceState.DRAFT)
        self.suggestion.hide()
        self.dirty = False
        self._refresh()

    # --- reacting to edits ------------------------------------------------------------

    def _touched(self) -> None:
        if not self._loading:
            self.dirty = True

    def _changed(self) -> None:
        self._touched()
        self._refresh()

    def _customer_typed(self) -> None:
        self.form.pick_typed_customer()
        self._refresh()

    def _customer_chosen(self) -> None:
        customer_id = self.form.chosen_customer_id()
        if customer_id is None or self._loading or self.form.lines.locked:
            self._refresh()
            return
        f = self.form
        issue = day_of(f.issue_date)
        draft = draft_for_customer(customer_id, issue)
        self.customer = customer_record(customer_id)
        self._terms_days = (draft.due_date - draft.issue_date).days
        self._loading = True
        f.due_date.setDate(qdate(draft.due_date))
        f.currency.setCurrentText(draft.currency)
        f.lines.set_currency(draft.currency)
        percent = self.customer.deposit_percent
        self.deposit_percent = percent if percent > 0 else None
        f.ask_deposit.setChecked(percent > 0)
        f.deposit_due.setDate(qdate(issue))
        self._loading = False
        self.dirty = True
        # The same deposit the customer's page suggests: their own, else the book's.
        standing = customer_standing(customer_id, self.today)
        offered = percent if percent > 0 else suggested_deposit_percent()
        offers = offers_for(standing.rating.kind, offered, self._terms_days) if standing else []
        self.suggestion.show_standing(standing, offers, self.apply_offer)
        self._refresh()

    def apply_offer(self, offer: TermsOffer) -> None:
        """One click: the deposit, the shorter terms or the up-front note the rating suggests."""
        f = self.form
        issue = day_of(f.issue_date)
        if offer.deposit_percent is not None:
            self.deposit_percent = offer.deposit_percent
            f.ask_deposit.setChecked(True)
            f.deposit_due.setDate(qdate(issue))
        if offer.terms_days is not None:
            self._terms_days = offer.terms_days
            f.due_date.setDate(qdate(issue + dt.timedelta(days=offer.terms_days)))
        if offer.note and offer.note not in f.notes.toPlainText():
            text = f.notes.toPlainText().rstrip()
            f.notes.setPlainText(f"{text}\n{offer.note}" if text else offer.note)
        self.dirty = True
        self.announced.emit(_("Applied: {offer}.").format(offer=offer.label))
        self._refresh()

    def _issue_date_changed(self) -> None:
        f = self.form
        if not self._loading and not f.lines.locked:
            issue = day_of(f.issue_date)
            self._loading = True
            f.due_date.setDate(qdate(issue + dt.timedelta(days=self._terms_days)))
            if f.deposit_due.date() < f.issue_date.date():
                f.deposit_due.setDate(qdate(issue))
            self._loading = False
        self._changed()

    def _currency_changed(self, text: str) -> None:
        self.form.lines.set_currency(self._currency(text))
        self._changed()

    def _currency(self, typed: str) -> str:
        """The currency typed, else the customer's, else the business's (never a guess)."""
        fallback = self.customer.currency if self.customer else self._default_currency
        return typed.strip().upper() or fallback

    def _deposit_toggled(self, on: bool) -> None:
        if self._loading:
            return
        if on and not self.form.deposit_amount.text().strip() and self.deposit_percent is None:
            percent = self.customer.deposit_percent if self.customer else ZERO
            percent = percent if percent > 0 else suggested_deposit_percent()
            # A book that suggests no deposit leaves the amount for the owner to type.
            self.deposit_percent = percent if percent > 0 else None
        if not on:
            self.deposit_percent = None
        self._changed()

    def _deposit_typed(self) -> None:
        self.deposit_percent = None  # the amount typed wins over a percentage
        self._changed()

    # --- showing the figures ----------------------------------------------------------

    def _refresh(self) -> None:
        if self._loading:
            return
        f = self.form
        if self.detail is not None and f.lines.locked:
            f.totals.show_detail(self.detail)
            f.pay_link.show_detail(self.detail)
        else:
            money = f.lines.currency
            totals = invoice_totals(f.lines.lines(), money)
            if self.deposit_percent is not None and f.ask_deposit.isChecked():
                deposit = deposit_for(totals.total, self.deposit_percent, money)
                f.deposit_amount.setText(money_text(deposit, money))
            try:
                deposit = f.deposit_or_none() or ZERO
            except BadInput:
                deposit = ZERO
            currency = self._currency(f.currency.currentText())
            f.totals.show_figures(
                totals, currency, deposit_asked=deposit, deposit_still_due=deposit
            )
            f.pay_link.show_draft(self.detail, totals.total, currency)
        f.show_line_problems()
        f.show_deposit_state(self.deposit_percent)
        f.show_terms(
            self.customer, self.detail.invoice.sent_date if self.detail else None, self.today
        )
        f.show_customer_problem()
        self.life.update_buttons()

    # --- reading the form -------------------------------------------------------------

    def draft(self) -> InvoiceDraft:
        """The form as a draft for the book, or BadInput naming what to fix first."""
        return self.form.draft(self._currency(self.form.currency.currentText()))

    # --- the outside its life and payments list see (editor_host.EditorHost) ----------

    def customer_name(self) -> str:
        return self.customer.name if self.customer else ""

    def book_written(self) -> None:
        self.book_changed.emit()

    def announce(self, message: str) -> None:
        self.announced.emit(message)

    def close_editor(self) -> None:
        self.reject()

    # --- locking ----------------------------------------------------------------------

    def _set_locked(self, locked: bool) -> None:
        self.form.set_locked(locked)
        self.locked_note.setVisible(locked)
        if locked and self.detail is not None:
            self.locked_note.setText(locked_text(self.detail))
        self.setWindowTitle(window_title(self.detail))

    def reject(self) -> None:
        if self.dirty and not self.life.may_discard():
            return
        super().reject()


def open_editor(
    parent: QWidget | None,
    today: dt.date,
    *,
    invoice_id: int | None = None,
    customer_id: int | None = None,
    copy_of: int | None = None,
    payments_from: tuple[int, str, str] | None = None,
    on_change: Callable[[], None] | None = None,
    announce: Callable[[str], None] | None = None,
) -> InvoiceEditor:
    """Make the editor, wired to the window's refresh and status bar (not shown yet).

    ``payments_from`` (void invoice id, its number, the amount as shown): its
    payments move to the copy when the copy is sent (InvoiceLife.carry_payments).
    """
    editor = InvoiceEditor(
        today=today, invoice_id=invoice_id, customer_id=customer_id, copy_of=copy_of, parent=parent
    )
    if on_change is not None:
        editor.book_changed.connect(on_change)
    if announce is not None:
        editor.announced.connect(announce)
    if payments_from is not None:
        editor.life.carry_payments(*payments_from)
    return editor
