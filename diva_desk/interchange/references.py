"""Customer codes and invoice numbers: unique, and referring to something real.

A record may refer to a customer or invoice defined earlier in the same file or
already in the book. The book is asked once, up front, about every code and number
the file mentions, so a large import costs a few queries, not one per record.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol

from diva_desk.core import records as r
from diva_desk.core.invoices.invoice_standing import Standing
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.core.money import ZERO
from diva_desk.i18n import _
from diva_desk.interchange.fields import Fields
from diva_desk.interchange.values import shown

#: Lists whose records name a customer and/or an invoice.
_REFERRING = (
    "invoices", "payments", "promises", "payment_plans", "followups", "interactions", "quotes",
    "recurring_invoices",
)  # fmt: skip


class BookView(Protocol):
    """What the reader needs to know about the book the file goes into."""

    def business(self) -> r.Business | None: ...

    def customers(self, codes: Collection[str]) -> Mapping[str, r.Customer]:
        """Those of ``codes`` that the book already has."""
        ...

    def invoice_customers(self, numbers: Collection[str]) -> Mapping[str, str]:
        """Customer code by invoice number, for those of ``numbers`` the book has."""
        ...

    def invoice_currencies(self, numbers: Collection[str]) -> Mapping[str, str]:
        """Currency by invoice number, for those of ``numbers`` the book has."""
        ...

    def invoice_standings(self, numbers: Collection[str]) -> Mapping[str, Standing]:
        """State, total and payments received, for those of ``numbers`` the book has."""
        ...

    def quote_numbers(self, numbers: Collection[str]) -> Collection[str]:
        """Those of ``numbers`` that quotes in the book already carry."""
        ...


class EmptyBook:
    """A new book: no business, no customers, no invoices."""

    def business(self) -> r.Business | None:
        return None

    def customers(self, codes: Collection[str]) -> Mapping[str, r.Customer]:
        return {}

    def invoice_customers(self, numbers: Collection[str]) -> Mapping[str, str]:
        return {}

    def invoice_currencies(self, numbers: Collection[str]) -> Mapping[str, str]:
        return {}

    def invoice_standings(self, numbers: Collection[str]) -> Mapping[str, Standing]:
        return {}

    def quote_numbers(self, numbers: Collection[str]) -> Collection[str]:
        return ()


class References:
    """The customers and invoices known so far: the book's and the file's."""

    def __init__(self, document: Mapping[str, Any], book: BookView) -> None:
        codes, numbers = _mentioned(document)
        self.book_customers = dict(book.customers(codes))
        self.book_invoices = dict(book.invoice_customers(numbers))
        #: Currency by invoice number, the book's and this file's: amounts are checked
        #: against the minor units of the currency they are in.
        self.invoice_currencies = dict(book.invoice_currencies(numbers))
        #: What each invoice may still receive (paid_so_far.py): the book's, then the file's.
        self.standings = dict(book.invoice_standings(numbers))
        self.customers: dict[str, r.Customer] = {}
        self.customer_where: dict[str, str] = {}
        self.invoices: dict[str, str] = {}  # number -> customer code, for this file
        self.invoice_where: dict[str, str] = {}

    def check_new_customer(self, f: Fields, code: str) -> None:
        if code in self.customer_where:
            raise f.error(
                "code",
                _("the customer code {code} is already used in the file at {first}").format(
                    code=shown(code), first=self.customer_where[code]
                ),
            )
        if code in self.book_customers:
            raise f.error(
                "code",
                _("the book already has a customer with the code {code}").format(code=shown(code)),
            )

    def add_customer(self, f: Fields, customer: r.Customer) -> None:
        self.customers[customer.code] = customer
        self.customer_where[customer.code] = f.where

    def check_new_invoice(self, f: Fields, number: str) -> None:
        if number in self.invoice_where:
            raise f.error(
                "number",
                _("the invoice number {number} is already used in the file at {first}").format(
                    number=shown(number), first=self.invoice_where[number]
                ),
            )
        if number in self.book_invoices:
            raise f.error(
                "number",
                _("the book already has an invoice numbered {number}").format(number=shown(number)),
            )

    def add_invoice(self, f: Fields, invoice: r.Invoice, total: Decimal | None = None) -> None:
        """Note an invoice of the file; ``total`` is its lines' total, if already known."""
        self.invoices[invoice.number] = invoice.customer
        self.invoice_where[invoice.number] = f.where
        self.invoice_currencies[invoice.number] = invoice.currency
        if total is None:
            total = invoice_totals(invoice.lines, invoice.currency).total
        self.standings[invoice.number] = Standing(invoice.state, total, invoice.currency, ZERO)

    def currency_of(self, customer: str | None, invoice: str | None) -> str:
        """The currency of an amount about ``invoice``, or else about ``customer``."""
        if invoice is not None:
            return self.invoice_currencies[invoice]
        found = self.customers.get(customer or "") or self.book_customers[customer or ""]
        return found.currency

    def customer_for(self, f: Fields) -> r.Customer:
        """The customer a record's ``customer`` key names."""
        code = f.identifier("customer")
        customer = self.customers.get(code) or self.book_customers.get(code)
        if customer is None:
            raise f.error(
                "customer",
                _("no customer with the code {code} in the file or the book").format(
                    code=shown(code)
                ),
            )
        return customer

    def invoice_for(self, f: Fields, *, customer: str | None = None) -> str | None:
        """The invoice number a record's ``invoice`` key names.

        Without ``customer`` the invoice is required (a payment); with it, it may be
        null (the customer's whole balance) but must be that customer's invoice.
        """
        if customer is None:
            number: str | None = f.identifier("invoice")
        else:
            number = f.optional_identifier("invoice")
        if number is None:
            return None
        owner = self.invoices.get(number) or self.book_invoices.get(number)
        if owner is None:
            raise f.error(
                "invoice",
                _("no invoice numbered {number} in the file or the book").format(
                    number=shown(number)
                ),
            )
        if customer is not None and owner != customer:
            raise f.error(
                "invoice",
                _("invoice {number} belongs to customer {owner}, not {customer}").format(
                    number=shown(number), owner=shown(owner), customer=shown(customer)
                ),
            )
        return number


def _mentioned(document: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """Every customer code and invoice number the file names.

    Tolerant of anything malformed: the real checks come later and say what is wrong.
    """
    codes: set[str] = set()
    numbers: set[str] = set()
    for item in _dicts(document.get("customers")):
        if isinstance(item.get("code"), str):
            codes.add(item["code"])
    for section in _REFERRING:
        for item in _dicts(document.get(section)):
            if isinstance(item.get("customer"), str):
                codes.add(item["customer"])
            key = "number" if section == "invoices" else "invoice"
            if isinstance(item.get(key), str):
                numbers.add(item[key])
    return codes, numbers


def _dicts(value: Any) -> Iterable[dict[str, Any]]:
    return (item for item in value if isinstance(item, dict)) if isinstance(value, list) else ()
