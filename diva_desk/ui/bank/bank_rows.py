"""The bank statement review's rows, words and checks (the dialog is review_dialog.py).

What the file said and what the matching made of it arrive together in a
:class:`BankLook`, read on a worker: the plan, and the invoices still open in the
statement's currency (their customers' names and what is left on each). From then on
nothing reads the book until Record: unticking, assigning and checking are sums over
these.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from diva_desk.bank.matching import Allocation, BankPlan, MatchedLine, ReviewLine, how_label
from diva_desk.core.money import ZERO
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.bank.reading import BookForMatching
from diva_desk.ui.common import style
from diva_desk.ui.common.style import Tone
from diva_desk.ui.common.tables.table_models import Column, Index, RowTableModel


@dataclass(frozen=True)
class OpenBalance:
    """An invoice a credit can still go on: whose it is and what is left to pay."""

    number: str
    customer_code: str
    customer_name: str
    currency: str
    balance: Decimal


def open_balances(book: BookForMatching, currency: str) -> dict[str, OpenBalance]:
    """The book's open invoices in ``currency``, by number, as matching saw them."""
    return {
        i.number: OpenBalance(
            i.number, i.customer, book.customers.get(i.customer, i.customer), i.currency, i.balance
        )
        for i in book.open_invoices
        if i.currency == currency
    }


@dataclass(frozen=True)
class BankLook:
    """A statement planned against the book: what the review dialog shows."""

    plan: BankPlan
    #: The invoices open in the plan's currency, by number.
    invoices: dict[str, OpenBalance]

    def customer_name(self, allocation: Allocation) -> str:
        known = self.invoices.get(allocation.invoice)
        return known.customer_name if known is not None else allocation.customer


def allocations_text(allocations: Iterable[Allocation], currency: str) -> str:
    """ "INV-1001", or each invoice with its amount when the money is shared."""
    given = tuple(allocations)
    if len(given) == 1:
        return given[0].invoice
    return ", ".join(
        _("{number} ({amount})").format(number=a.invoice, amount=fmt.money(a.amount, currency))
        for a in given
    )


def customers_text(look: BankLook, allocations: Iterable[Allocation]) -> str:
    names: list[str] = []
    for allocation in allocations:
        name = look.customer_name(allocation)
        if name not in names:
            names.append(name)
    return ", ".join(names)


def invoice_choice_text(invoice: OpenBalance) -> str:
    return _("{number} · {customer} · {balance} left").format(
        number=invoice.number,
        customer=invoice.customer_name,
        balance=fmt.money(invoice.balance, invoice.currency),
    )


def taken_by_invoice(
    ticked: Iterable[MatchedLine],
    assigned: Mapping[str, tuple[Allocation, ...]],
    *,
    leaving_out: str = "",
) -> dict[str, Decimal]:
    """What the lines chosen give each invoice (but the line ``leaving_out``)."""
    taken: dict[str, Decimal] = {}
    given = [m.allocations for m in ticked if m.line.transaction != leaving_out]
    given += [a for transaction, a in assigned.items() if transaction != leaving_out]
    for allocations in given:
        for allocation in allocations:
            taken[allocation.invoice] = taken.get(allocation.invoice, ZERO) + allocation.amount
    return taken


def over_balances(look: BankLook, taken: Mapping[str, Decimal]) -> list[str]:
    """One sentence per invoice the chosen lines would pay more than is left on it."""
    problems = []
    for number, amount in taken.items():
        known = look.invoices.get(number)
        left = known.balance if known is not None else ZERO
        if amount > left:
            problems.append(
                _(
                    "{number} would get {amount} from this statement, more than the {left} "
                    "left on it: untick a line or change an assignment."
                ).format(
                    number=number,
                    amount=fmt.money(amount, look.plan.currency),
                    left=fmt.money(left, look.plan.currency),
                )
            )
    return problems


def _amount(line: Any, currency: str) -> str:
    return fmt.money(line.amount, currency)


class MatchedModel(RowTableModel[MatchedLine]):
    """The matched lines; the first cell's tick says whether the line is recorded."""

    def __init__(self, look: BankLook, parent: Any = None) -> None:
        currency = look.plan.currency
        super().__init__(
            [
                Column(_("Date"), lambda m: fmt.date(m.line.date), shrinks=False),
                Column(
                    _("Amount"),
                    lambda m: _amount(m.line, currency),
                    value=lambda m: m.line.amount,
                    numeric=True,
                ),
                Column(_("Description"), lambda m: m.line.description, weight=3),
                Column(_("Invoice"), lambda m: allocations_text(m.allocations, currency)),
                Column(_("Customer"), lambda m: customers_text(look, m.allocations), weight=2),
                Column(
                    _("Matched"),
                    lambda m: how_label(m.how),
                    tint=lambda _m: style.colour(Tone.MUTED),
                    tip=_("How the line was recognised"),
                ),
            ],
            parent,
        )
        #: The transactions the owner unticked.
        self.unticked: set[str] = set()
        self.set_rows(look.plan.matched)

    def ticked(self) -> list[MatchedLine]:
        return [m for m in self._rows if m.line.transaction not in self.unticked]

    def toggle(self, row: int) -> None:
        self.setData(
            self.index(row, 0),
            Qt.CheckState.Unchecked
            if self.row_at(row).line.transaction not in self.unticked
            else Qt.CheckState.Checked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            unticked = self.row_at(index.row()).line.transaction in self.unticked
            return Qt.CheckState.Unchecked if unticked else Qt.CheckState.Checked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column():
            return False
        transaction = self.row_at(index.row()).line.transaction
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.unticked.discard(transaction)
        else:
            self.unticked.add(transaction)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class ReviewModel(RowTableModel[ReviewLine]):
    """The lines nothing matched for sure, with their likely invoices and what was given."""

    def __init__(self, look: BankLook, parent: Any = None) -> None:
        currency = look.plan.currency
        #: The owner's assignments, by transaction.
        self.assigned: dict[str, tuple[Allocation, ...]] = {}

        def given(line: ReviewLine) -> str:
            allocations = self.assigned.get(line.line.transaction)
            if not allocations:
                return _("Not recorded")
            return _("{invoices} for {customers}").format(
                invoices=allocations_text(allocations, currency),
                customers=customers_text(look, allocations),
            )

        super().__init__(
            [
                Column(_("Date"), lambda r: fmt.date(r.line.date), shrinks=False),
                Column(
                    _("Amount"),
                    lambda r: _amount(r.line, currency),
                    value=lambda r: r.line.amount,
                    numeric=True,
                ),
                Column(_("Description"), lambda r: r.line.description, weight=3),
                Column(
                    _("Why it waits"),
                    lambda r: r.reason,
                    tint=lambda _r: style.colour(Tone.MUTED),
                    weight=3,
                ),
                Column(
                    _("Likely invoices"),
                    lambda r: ", ".join(r.candidates) or _("none found"),
                    weight=2,
                ),
                Column(
                    _("Recorded as"),
                    given,
                    weight=2,
                    tint=lambda r: (
                        None if self.assigned.get(r.line.transaction) else style.colour(Tone.MUTED)
                    ),
                ),
            ],
            parent,
        )
        self.set_rows(look.plan.review)

    def assign(self, row: int, allocations: tuple[Allocation, ...]) -> None:
        transaction = self.row_at(row).line.transaction
        if allocations:
            self.assigned[transaction] = allocations
        else:
            self.assigned.pop(transaction, None)
        self._search = None
        self._ranks = {}
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row, last), self.index(row, last))
