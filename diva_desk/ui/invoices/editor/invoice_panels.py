"""Two panels of the invoice editor: the running totals, and the terms to suggest.

The totals panel shows what the PDF will print: net, tax per tax name, total,
the deposit (asked, received, still due), what was paid and the balance, large.
The suggestion panel appears when a customer is new, slow or risky, says why,
and offers the terms the customers issue suggests as one click each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.customers.history import RatingKind
from diva_desk.core.invoices.totals import InvoiceTotals
from diva_desk.core.money import ZERO
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.customers.history import CustomerStanding
from diva_desk.store.invoices.editing import InvoiceDetail
from diva_desk.ui.common import style

SHORTER_TERMS_DAYS = 15
#: ...and to one whose terms are already that short.
SHORTEST_TERMS_DAYS = 7

PANEL_STYLE = (
    """
#totalsPanel { background: palette(base); border: 1px solid palette(midlight);
               border-radius: 6px; }
#totalsPanel QLabel[role="figure"] { font-weight: 600; }
#balanceCaption { font-size: 11pt; font-weight: 600; }
#balanceValue { font-size: 17pt; font-weight: 700; }
#suggestionPanel { background: @amber~18; border: 1px solid @amber~70; border-radius: 6px; }
#suggestionPanel QLabel { color: palette(text); }
#suggestionTitle { font-weight: 700; }
#lockedPanel { background: @info~8; border: 1px solid @info~30; border-radius: 6px; }
QLabel[role="problem"] { color: @overdue; }
QLabel[role="warning"] { color: @caution; font-weight: 600; }
QLabel[role="note"] { color: @muted; }
"""
    + style.READ_ONLY_FIELDS
)


@dataclass(frozen=True)
class TermsOffer:
    """One way to apply a suggestion: a deposit, shorter terms, or payment up front."""

    label: str
    #: Ask for this percent of the total as a deposit, due on the issue date.
    deposit_percent: Decimal | None = None
    #: Make the invoice due this many days after its issue date.
    terms_days: int | None = None
    #: Add this sentence to the invoice's notes.
    note: str = ""


def up_front_note() -> str:
    return _("Payment by card or cash is due before the work begins. Thank you!")


def offers_for(kind: RatingKind, deposit_percent: Decimal, terms_days: int) -> list[TermsOffer]:
    """The one-click ways to apply what the rating suggests (none for a reliable customer).

    ``deposit_percent`` is the deposit to offer: the customer's own, else the book's
    (store.settings.suggested_deposit_percent); 0 offers no deposit, as the rating's
    sentence then suggests card payment or shorter terms alone.
    """
    deposit: list[TermsOffer] = []
    if deposit_percent > 0:
        label = _("Ask for a {percent} deposit").format(percent=fmt.percent(deposit_percent))
        deposit.append(TermsOffer(label, deposit_percent=deposit_percent))
    if kind is RatingKind.NEW:
        card = TermsOffer(_("Ask for card payment up front"), terms_days=0, note=up_front_note())
        return deposit or [card]
    if kind is RatingKind.SLOW:
        shorter = SHORTER_TERMS_DAYS if terms_days > SHORTER_TERMS_DAYS else SHORTEST_TERMS_DAYS
        sooner = TermsOffer(_("Due in {days} days").format(days=shorter), terms_days=shorter)
        return [*deposit, sooner]
    if kind is RatingKind.RISKY:
        return [TermsOffer(_("Ask for card or cash up front"), terms_days=0, note=up_front_note())]
    return []


def rating_word(kind: RatingKind) -> str:
    return {
        RatingKind.NEW: _("New customer"),
        RatingKind.RELIABLE: _("Reliable customer"),
        RatingKind.SLOW: _("Slow payer"),
        RatingKind.RISKY: _("Risky customer"),
    }[kind]


class SuggestionPanel(QFrame):
    """ "Slow payer: paid 6 invoices, on average 23 days late. Ask for …" [Apply]."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionPanel")
        self.title = QLabel(self)
        self.title.setObjectName("suggestionTitle")
        self.text = QLabel(self)
        self.text.setObjectName("suggestionText")
        self.text.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(self._row)
        self.hide()

    def show_standing(
        self,
        standing: CustomerStanding | None,
        offers: Sequence[TermsOffer],
        apply: Callable[[TermsOffer], None],
    ) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        if standing is None or not offers:
            self.hide()
            return
        self.title.setText(
            _("{rating}: {reason}").format(
                rating=rating_word(standing.rating.kind), reason=standing.rating.reason
            )
        )
        self.text.setText(_("Suggested: {terms}.").format(terms=standing.suggested_terms))
        for offer in offers:
            button = QPushButton(offer.label, self)
            button.setObjectName("applySuggestion")
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _c=False, offer=offer, button=button: (
                    apply(offer),
                    button.setEnabled(False),
                )
            )
            self._row.insertWidget(self._row.count() - 1, button)
            self.buttons.append(button)
        self.show()


class TotalsPanel(QFrame):
    """The figures of the invoice, updated as the lines are typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(14, 10, 14, 10)
        self._grid.setHorizontalSpacing(18)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(0, 1)
        self._rows: list[tuple[QLabel, QLabel]] = []
        #: The tax rows as shown: "HST 13 %" -> "$123.83".
        self.tax_values: dict[str, str] = {}
        self.net_value = QLabel(self)
        self.total_value = QLabel(self)
        self.balance_value = QLabel(self)
        self.balance_value.setObjectName("balanceValue")
        self.balance_caption = QLabel(_("Balance due"), self)
        self.balance_caption.setObjectName("balanceCaption")

    def show_detail(self, detail: InvoiceDetail) -> None:
        """The figures of an invoice as the book has them: deposit, paid and balance."""
        self.show_figures(
            detail.totals,
            detail.invoice.currency,
            deposit_asked=detail.deposit_asked,
            deposit_received=detail.deposit_received,
            deposit_still_due=detail.deposit_outstanding,
            paid=detail.paid,
            balance=detail.balance,
        )

    def show_figures(
        self,
        totals: InvoiceTotals,
        currency: str,
        *,
        deposit_asked: Decimal = ZERO,
        deposit_received: Decimal = ZERO,
        deposit_still_due: Decimal = ZERO,
        paid: Decimal = ZERO,
        balance: Decimal | None = None,
    ) -> None:
        kept = (self.net_value, self.total_value, self.balance_value, self.balance_caption)
        for pair in self._rows:
            for widget in pair:
                self._grid.removeWidget(widget)
                if widget not in kept:
                    widget.hide()
                    widget.deleteLater()
        self._rows = []
        self.tax_values = {}

        def money(amount: Decimal) -> str:
            return fmt.money(amount, currency)

        self.net_value.setText(money(totals.net))
        self._add(_("Subtotal"), self.net_value)
        for tax in totals.taxes:
            name = f"{tax.name} {fmt.percent(tax.rate)}"
            self.tax_values[name] = money(tax.amount)
            self._add(name, QLabel(money(tax.amount), self))
        self.total_value.setText(money(totals.total))
        self._add(_("Total"), self.total_value, strong=True)
        if deposit_asked > 0:
            self._add(_("Deposit asked"), QLabel(money(deposit_asked), self))
            self._add(_("Deposit received"), QLabel(money(deposit_received), self))
            self._add(_("Deposit still due"), QLabel(money(deposit_still_due), self))
        if paid > 0:
            self._add(_("Paid"), QLabel(money(paid), self))
        shown_balance = totals.total - paid if balance is None else balance
        self.balance_value.setText(money(max(shown_balance, ZERO)))
        self._add_pair(self.balance_caption, self.balance_value)

    def _add(self, caption: str, value: QLabel, *, strong: bool = False) -> None:
        label = QLabel(caption, self)
        if strong:
            label.setProperty("role", "figure")
            value.setProperty("role", "figure")
        self._add_pair(label, value)

    def _add_pair(self, caption: QLabel, value: QLabel) -> None:
        row = len(self._rows)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._grid.addWidget(caption, row, 0)
        self._grid.addWidget(value, row, 1)
        self._rows.append((caption, value))
