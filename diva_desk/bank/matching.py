"""Which open invoice each credit of a statement pays, and which wait for the owner.

The rule (spec/cli.md, ``import-bank --json``; docs/bank-statements.md), in this order:

1. **invoice number**: the line names open invoices (numbers.py): one of them, when the
   credit is no more than its balance (less is a part payment); several, when the credit
   is exactly the sum of their balances, paying them in the order named. A line that
   names an invoice which is paid, void, a draft, in another currency or issued after
   the bank date, or a credit larger than the balance, waits for review: the money may
   be a double payment or belong elsewhere, which the owner knows and we do not.
2. **name and amount**: the line carries the name of exactly one customer (names.py; a
   name close to two customers matches neither) and the credit equals the whole balance
   of exactly one of that customer's open invoices.
3. **sender name**: the same, with a sender name learned from this customer's earlier
   lines (an e-transfer from "J SMITH" for Smith Renovations).

Everything else waits for review with its likely invoices; nothing is guessed. Debits
are ignored. Invoices in another currency than the account's are never matched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.bank import names
from diva_desk.bank.numbers import NumberFinder
from diva_desk.bank.statement import BadStatement, BankLine, Statement
from diva_desk.core.money import fits_currency
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.bank.reading import BookForMatching, OpenInvoice, book_for_matching

BY_NUMBER, BY_NAME, BY_SENDER = "invoice number", "name and amount", "sender name"
#: Candidates offered for a review line, at most.
_CANDIDATES = 5


def how_label(how: str) -> str:
    """How a line was matched, in the window's words."""
    return {
        BY_NUMBER: _("Invoice number"),
        BY_NAME: _("Name and amount"),
        BY_SENDER: _("Sender name"),
    }[how]


@dataclass(frozen=True)
class Allocation:
    """Money of one line paid onto one invoice (invoice number, customer code)."""

    invoice: str
    customer: str
    amount: Decimal


@dataclass(frozen=True)
class MatchedLine:
    line: BankLine
    allocations: tuple[Allocation, ...]
    #: "invoice number", "name and amount" or "sender name" (the JSON's words).
    how: str


@dataclass(frozen=True)
class ReviewLine:
    line: BankLine
    #: Invoice numbers, likeliest first (possibly none).
    candidates: tuple[str, ...]
    #: Why it was not matched, in one sentence.
    reason: str = ""


@dataclass(frozen=True)
class BankPlan:
    file: str
    account: str
    currency: str
    matched: tuple[MatchedLine, ...]
    review: tuple[ReviewLine, ...]
    #: Debits seen for the first time (kept as ignored, so they count once).
    ignored: int
    #: Lines already recorded or ignored by an earlier import: never recorded again.
    already_imported: int
    #: The new debits themselves, for recording to keep.
    debits: tuple[BankLine, ...] = ()


def plan_bank_import(statement: Statement, file_name: str) -> BankPlan:
    """What importing the statement would record, reading the open book; writes nothing."""
    book = book_for_matching(statement.account, {line.transaction for line in statement.lines})
    currency = statement.currency or book.currency
    matcher = _Matcher(book, currency)
    matched: list[MatchedLine] = []
    review: list[ReviewLine] = []
    debits: list[BankLine] = []
    already = 0
    taken: set[str] = set()
    for line in statement.lines:
        if line.transaction in taken or book.seen.get(line.transaction, "review") != "review":
            already += 1
            continue
        taken.add(line.transaction)
        if not fits_currency(line.amount, currency):
            raise BadStatement(
                _("The amount {amount} of transaction {transaction} is not in {currency}.").format(
                    amount=line.amount, transaction=line.transaction, currency=currency
                )
            )
        if not line.is_credit:
            debits.append(line)
            continue
        found = matcher.match(line)
        if isinstance(found, MatchedLine):
            matched.append(found)
        else:
            review.append(found)
    return BankPlan(
        file=file_name,
        account=statement.account,
        currency=currency,
        matched=tuple(matched),
        review=tuple(review),
        ignored=len(debits),
        already_imported=already,
        debits=tuple(debits),
    )


class _Matcher:
    """The book's open invoices, less what the statement's earlier lines already paid."""

    def __init__(self, book: BookForMatching, currency: str) -> None:
        self.currency = currency
        self.open = {i.number: i for i in book.open_invoices if i.currency == currency}
        self.left = {number: invoice.balance for number, invoice in self.open.items()}
        self.finder = NumberFinder(book.numbers)
        self.names = book.customers
        self.customers = {code: names.normalised(name) for code, name in book.customers.items()}
        self.senders = {(name, code): name for name, code in book.senders}

    def match(self, line: BankLine) -> MatchedLine | ReviewLine:
        named = self.finder.numbers_in(line.description)
        if named:
            return self._by_number(line, named)
        by_name = names.scores(line.description, self.customers, names.NAME_SCORE)
        if len(by_name) > 1:
            reason = _("The name on the line is close to more than one customer.")
            return ReviewLine(line, self._candidates(line, []), reason)
        customer = self._one(by_name)
        how = BY_NAME
        if customer is None:
            found = names.scores(line.description, self.senders, names.NAME_SCORE)
            customer = self._one({code: s for (_name, code), s in found.items()})
            how = BY_SENDER
        if customer is not None:
            fitting = [i for i in self._payable(line) if i.customer == customer]
            exact = [i for i in fitting if self.left[i.number] == line.amount]
            if len(exact) == 1:
                return self._take(line, [(exact[0], line.amount)], how)
            reason = (
                _("Two or more of {customer}'s open invoices owe exactly this amount.")
                if exact
                else _("None of {customer}'s open invoices owes exactly this amount.")
            ).format(customer=self.names[customer])
            return ReviewLine(line, self._candidates(line, [i.number for i in fitting]), reason)
        return ReviewLine(
            line, self._candidates(line, []), _("No invoice number or customer name found.")
        )

    def _by_number(self, line: BankLine, named: list[str]) -> MatchedLine | ReviewLine:
        payable = {i.number: i for i in self._payable(line)}
        closed = [number for number in named if number not in payable]
        if closed:
            reason = _(
                "{number} is not open in {currency} on this date (paid, void, a draft, "
                "or in another currency)."
            ).format(number=closed[0], currency=self.currency)
            return ReviewLine(line, self._candidates(line, named), reason)
        invoices = [payable[number] for number in named]
        if len(invoices) == 1:
            balance = self.left[invoices[0].number]
            if line.amount <= balance:
                return self._take(line, [(invoices[0], line.amount)], BY_NUMBER)
            reason = _("{amount} is more than the {balance} left on {number}.").format(
                amount=fmt.money(line.amount, self.currency),
                balance=fmt.money(balance, self.currency),
                number=invoices[0].number,
            )
            return ReviewLine(line, self._candidates(line, named), reason)
        balances = [self.left[i.number] for i in invoices]
        if sum(balances) == line.amount:
            return self._take(line, list(zip(invoices, balances, strict=True)), BY_NUMBER)
        reason = _("{amount} is not the sum of what is left on {numbers}.").format(
            amount=fmt.money(line.amount, self.currency), numbers=", ".join(named)
        )
        return ReviewLine(line, self._candidates(line, named), reason)

    def _payable(self, line: BankLine) -> list[OpenInvoice]:
        """Open invoices in the account's currency, issued by the bank date, still owing."""
        return [
            i
            for number, i in self.open.items()
            if i.issue_date <= line.date and self.left[number] > 0
        ]

    def _take(
        self, line: BankLine, paying: list[tuple[OpenInvoice, Decimal]], how: str
    ) -> MatchedLine:
        for invoice, amount in paying:
            self.left[invoice.number] -= amount
        allocations = tuple(Allocation(i.number, i.customer, amount) for i, amount in paying)
        return MatchedLine(line, allocations, how)

    @staticmethod
    def _one(found: dict) -> str | None:
        return next(iter(found)) if len(found) == 1 else None

    def _candidates(self, line: BankLine, first: Iterable[str]) -> tuple[str, ...]:
        """Likeliest first: invoices the line names, then those of customers whose name is
        close to the line and owe exactly the amount, then any owing exactly the amount,
        then the close customers' other open invoices."""
        payable = self._payable(line)
        close = names.scores(line.description, self.customers, names.LIKELY_SCORE)
        same = [i.number for i in payable if self.left[i.number] == line.amount]
        open_numbers = {i.number for i in payable}
        ordered = [
            *(n for n in first if n in open_numbers),
            *(n for n in same if self.open[n].customer in close),
            *same,
            *(i.number for i in payable if i.customer in close),
        ]
        return tuple(dict.fromkeys(ordered))[:_CANDIDATES]
