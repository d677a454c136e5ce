"""An invoice's figures for its PDF: its sums computed once (totals, paid, deposits,
status, balance) and formatted in the document's locale."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.core.invoices.totals import (
    InvoiceStatus,
    InvoiceTotals,
    balance_due,
    deposit_outstanding,
    invoice_status,
    invoice_totals,
)
from diva_desk.core.money import ZERO
from diva_desk.core.papers import InvoiceDocument
from diva_desk.documents import style


class Figures:
    """The invoice's sums, computed once and formatted in the document's locale."""

    def __init__(self, doc: InvoiceDocument) -> None:
        self.locale = style.document_locale(doc.business, doc.customer)
        self.currency = doc.invoice.currency
        self.totals: InvoiceTotals = invoice_totals(doc.invoice.lines, self.currency)
        self.paid = sum((p.amount for p in doc.payments), ZERO)
        self.deposits = sum((p.amount for p in doc.payments if p.is_deposit), ZERO)
        today = doc.today or dt.date.today()
        self.status = invoice_status(
            doc.invoice.state, self.totals.total, self.paid, doc.invoice.due_date, today
        )
        void = self.status is InvoiceStatus.VOID
        self.balance = ZERO if void else balance_due(self.totals.total, self.paid)
        # As the editor shows it (store.invoice_detail): money that came in without
        # the deposit mark still counts once nothing is owed.
        self.deposit_due = min(
            deposit_outstanding(doc.invoice.deposit_amount, self.deposits), self.balance
        )

        self.formats = style.Formats(self.locale)

    def money(self, amount: Decimal) -> str:
        return self.formats.money(amount, self.currency)

    def date(self, day: dt.date | None) -> str:
        return self.formats.date(day)

    def rate(self, rate: Decimal) -> str:
        return self.formats.rate(rate)
