"""Any book the format can describe comes back from export and import unchanged."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diva_desk.core import records as r
from diva_desk.core.business_rules import MAX_INVOICE_NUMBER
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.core.money import ZERO, from_minor, from_units, minor_unit
from diva_desk.core.plain_text import clean_lines
from diva_desk.interchange import export_text, import_text
from diva_desk.interchange.writer import book_text
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import read_contents

AT = dt.datetime(2026, 11, 23, 9, 0, 0)

# Any Unicode hypothesis can draw (it leaves out lone surrogates, which UTF-8 cannot hold)
# but control characters, which an import drops (core.plain_text).
texts = st.text(max_size=12).map(clean_lines)
identifiers = st.text(min_size=1, max_size=6).map(clean_lines).filter(str.strip)
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
moments = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 12, 31)).map(
    lambda moment: moment.replace(microsecond=0)
)


def amounts(currency: str, least: int = 0) -> st.SearchStrategy[Decimal]:
    """Amounts in the currency's own minor units: cents, or whole yen."""
    return st.integers(least, 10**11).map(lambda n: from_minor(n, currency))


def positive_amounts(currency: str) -> st.SearchStrategy[Decimal]:
    return amounts(currency, least=1)


quantities = st.integers(1, 10**8).map(from_units)
rates = st.integers(0, 100 * 10**4).map(from_units)
currencies = st.sampled_from(["CAD", "USD", "EUR", "JPY", "ILS", "AED"])
locales = st.sampled_from(["en_CA", "fr_CA", "ar", "he_IL", "es_MX"])


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


businesses = st.builds(
    r.Business,
    name=texts,
    owner_name=texts,
    address=texts,
    email=texts,
    phone=texts,
    tax_numbers=texts,
    currency=currencies,
    locale=locales,
    default_terms_days=st.integers(0, 365),
    invoice_prefix=texts,
    next_invoice_number=st.integers(1, MAX_INVOICE_NUMBER),
    payment_instructions=texts,
)


def customer_with(code: str) -> st.SearchStrategy[r.Customer]:
    return st.builds(
        r.Customer,
        code=st.just(code),
        name=texts,
        contact_name=texts,
        email=texts,
        phone=texts,
        address=texts,
        currency=currencies,
        language=optional(locales),
        terms_days=optional(st.integers(0, 365)),
        ap_contact_name=texts,
        ap_email=texts,
        ap_phone=texts,
        invoice_cutoff_day=optional(st.integers(1, 31)),
        payment_run_days=st.sets(st.integers(1, 31), max_size=3).map(lambda s: tuple(sorted(s))),
        deposit_percent=rates,
        preferred_payment_method=optional(st.sampled_from(r.PaymentMethod)),
        notes=texts,
        archived=st.booleans(),
    )


lines = st.builds(
    r.InvoiceLine,
    description=texts,
    quantity=quantities,
    # Unit prices keep four decimals in any currency.
    unit_price=st.integers(0, 10**8).map(from_units),
    tax_name=st.sampled_from(["", "HST", "GST", "QST", "ضريبة"]),
    tax_rate=rates,
)


@st.composite
def books(draw: st.DrawFn) -> r.BookContents:
    codes = draw(st.lists(identifiers, unique=True, max_size=3))
    customers = tuple(draw(customer_with(code)) for code in codes)
    invoices: list[r.Invoice] = []
    if codes:
        for number in draw(st.lists(identifiers, unique=True, max_size=4)):
            currency = draw(currencies)
            invoices.append(
                draw(
                    st.builds(
                        r.Invoice,
                        number=st.just(number),
                        customer=st.sampled_from(codes),
                        issue_date=days,
                        due_date=days,
                        lines=st.lists(lines, min_size=1, max_size=3).map(tuple),
                        currency=st.just(currency),
                        state=st.sampled_from(r.InvoiceState),
                        sent_date=optional(days),
                        received_confirmed_date=optional(days),
                        po_number=texts,
                        deposit_amount=amounts(currency),
                        deposit_due_date=optional(days),
                        notes=texts,
                    )
                )
            )

    own = {c.code: c.currency for c in customers}
    billed = {i.number: i.currency for i in invoices}

    def currency_of(customer: str, invoice: str | None) -> str:
        return billed[invoice] if invoice is not None else own[customer]

    def about() -> tuple[str, str | None]:
        """A customer and, maybe, one of that customer's invoices."""
        if invoices and draw(st.booleans()):
            invoice = draw(st.sampled_from(invoices))
            return invoice.customer, invoice.number
        return draw(st.sampled_from(codes)), None

    def some(make: Any) -> tuple[Any, ...]:
        return tuple(make() for _ in range(draw(st.integers(0, 3))))

    # Payments the app could have recorded: on sent or void invoices, within the total.
    room = {
        i.number: invoice_totals(i.lines, i.currency).total
        for i in invoices
        if i.state != r.InvoiceState.DRAFT
    }

    def payment() -> r.Payment | None:
        payable = [i for i in invoices if room.get(i.number, ZERO) >= minor_unit(i.currency)]
        if not payable:
            return None
        invoice = draw(st.sampled_from(payable))
        amount = min(draw(positive_amounts(invoice.currency)), room[invoice.number])
        room[invoice.number] -= amount
        return r.Payment(
            invoice=invoice.number,
            date=draw(days),
            amount=amount,
            method=draw(optional(st.sampled_from(r.PaymentMethod))),
            reference=draw(texts),
            is_deposit=draw(st.booleans()),
        )

    def promise() -> r.Promise:
        customer, invoice = about()
        amount = draw(positive_amounts(currency_of(customer, invoice)))
        return r.Promise(customer, draw(days), draw(days), amount, invoice)

    def plan() -> r.PaymentPlan:
        customer, invoice = about()
        installments = draw(
            st.lists(
                st.builds(r.Installment, days, positive_amounts(currency_of(customer, invoice))),
                min_size=1,
                max_size=3,
            )
        )
        return r.PaymentPlan(customer, draw(days), tuple(installments), invoice)

    def followup() -> r.Followup:
        customer, invoice = about()
        return r.Followup(customer, draw(days), draw(texts), invoice, draw(st.booleans()))

    def interaction() -> r.Interaction:
        customer, invoice = about()
        return r.Interaction(
            customer,
            draw(moments),
            draw(optional(st.sampled_from(r.Channel))),
            draw(optional(st.sampled_from(r.Outcome))),
            draw(texts),
            invoice,
        )

    return r.BookContents(
        business=draw(businesses),
        customers=customers,
        invoices=tuple(invoices),
        payments=tuple(p for p in some(payment) if p is not None) if invoices else (),
        promises=some(promise) if codes else (),
        payment_plans=some(plan) if codes else (),
        followups=some(followup) if codes else (),
        interactions=some(interaction) if codes else (),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contents=books())
def test_any_book_round_trips_through_the_format(contents: r.BookContents):
    text = book_text(contents, AT)
    with tempfile.TemporaryDirectory() as folder:
        open_book(Path(folder) / "book.sqlite3")
        try:
            import_text(text)
            assert read_contents() == contents
            assert export_text(AT) == text
        finally:
            close_book()
