"""Same numbers everywhere: every place that says what is owed agrees to the cent.

The status bar (store.queries.total_owed), the aging report, the invoice list's
balances, the customer list's balances and the customers' statements are five
separate computations. On the demo book and on a generated book of thousands of
invoices (partial payments, voids, drafts, deposits, three currencies, and an
invoice and payments dated after today, as an import can bring) they must give
the same totals per currency, today and on a past day. The aging also takes a fixed number of SQL
statements whatever the size of the book.

Every other place a balance is shown or exported is held to the invoice list's
answer on both books, with the traps added (a void invoice with a payment, a
payment and an invoice dated ahead): the calendar export, what a call's outcome
covers, the call list's cards, the customer's page, the invoice's page, the
reminder letters and the statement, read back from their PDFs.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import cache
from io import BytesIO

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from diva_desk.core import records as r
from diva_desk.core.calls import ReasonKind
from diva_desk.core.invoices.open_items import aging_by_currency, open_items
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.core.money import ZERO, round_money
from diva_desk.demo import demo_contents
from diva_desk.documents.invoice import invoice_pdf
from diva_desk.documents.letters.reminder import overdue_items, reminder_pdf
from diva_desk.documents.letters.statement import statement_pdf
from diva_desk.errors import BadInput
from diva_desk.i18n import format as fmt
from diva_desk.store.book.business import get_business
from diva_desk.store.book.db import db
from diva_desk.store.calls.calendar import calendar_followups, open_followups_ics
from diva_desk.store.calls.call_list import call_settings, calls_today, situation_on
from diva_desk.store.calls.letters import reminder_document, statement_document
from diva_desk.store.calls.outcomes import balance_covered
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.customers.timeline import customer_history
from diva_desk.store.invoices.detail import invoice_detail
from diva_desk.store.invoices.documents import (
    invoice_document,
)
from diva_desk.store.invoices.lists import customer_rows, invoice_rows, total_owed
from diva_desk.store.reports import (
    aging_report,
    days_sales_outstanding,
    days_to_pay_by_month,
    deposits_by_month,
    dso_trend,
    money_by_month,
    promises_by_month,
    top_debtors,
)

TODAY = dt.date(2026, 11, 23)
CURRENCIES = ("CAD", "CAD", "CAD", "USD", "EUR", "JPY")


@cache
def generated_book(invoices: int, seed: int = 2026, prefix: str = "") -> r.BookContents:
    """A seeded random book: every invoice state, partial and full payments, deposits.

    Customers bill in their own currency, and one in ten also in a second one, so
    the aging has customers with a row in each of two currencies.
    """
    rng = random.Random(seed)
    customers = tuple(
        r.Customer(code=f"{prefix}C{n:04d}", name=f"Customer {n}", currency=rng.choice(CURRENCIES))
        for n in range(max(invoices // 25, 4))
    )
    second = {
        c.code: rng.choice([x for x in ("CAD", "USD", "EUR") if x != c.currency])
        for c in customers[::10]
    }
    made: list[r.Invoice] = []
    payments: list[r.Payment] = []
    still_open: list[tuple[r.Invoice, Decimal]] = []
    for n in range(invoices):
        customer = rng.choice(customers)
        currency = customer.currency
        if customer.code in second and rng.random() < 0.3:
            currency = second[customer.code]
        issued = TODAY - dt.timedelta(days=rng.randint(0, 730))
        lines = tuple(
            r.InvoiceLine(
                "Work",
                Decimal(rng.choice(["1", "2", "0.5", "3.25", "12"])),
                Decimal(rng.randint(100, 500_000)) / 100,
                *rng.choice([("", Decimal(0)), ("HST", Decimal(13)), ("GST", Decimal("5"))]),
            )
            for _line in range(rng.randint(1, 3))
        )
        total = invoice_totals(lines, currency).total
        state = rng.choices(list(r.InvoiceState), weights=[3, 90, 7])[0]
        deposit = round_money(total * Decimal("0.3"), currency) if rng.random() < 0.15 else ZERO
        invoice = r.Invoice(
            number=f"{prefix}INV-{n:05d}",
            customer=customer.code,
            issue_date=issued,
            due_date=issued + dt.timedelta(days=rng.choice([0, 15, 30, 45, 60])),
            lines=lines,
            currency=currency,
            state=state,
            deposit_amount=deposit,
            deposit_due_date=issued if deposit else None,
        )
        made.append(invoice)
        if state is r.InvoiceState.DRAFT:
            continue
        left, day = total, issued
        if deposit and rng.random() < 0.8:
            payments.append(r.Payment(invoice.number, day, deposit, is_deposit=True))
            left -= deposit
        for _payment in range(rng.choice([0, 1, 1, 2, 3])):
            if left <= 0 or day >= TODAY:
                break
            day = min(day + dt.timedelta(days=rng.randint(1, 60)), TODAY)
            amount = (
                left if rng.random() < 0.6 else round_money(left * Decimal(rng.random()), currency)
            )
            if amount > 0:
                payments.append(r.Payment(invoice.number, day, amount))
                left -= amount
        if state is r.InvoiceState.SENT and left > 0:
            still_open.append((invoice, left))
    ahead = _dated_after_today(customers, still_open, prefix)
    return r.BookContents(
        business=r.Business(name="Generated") if not prefix else None,
        customers=customers,
        invoices=(*made, *ahead.invoices),
        payments=(*payments, *ahead.payments),
    )


def _dated_after_today(
    customers: tuple[r.Customer, ...], still_open: list[tuple[r.Invoice, Decimal]], prefix: str
) -> r.BookContents:
    """What an import can bring: invoices and payments dated after TODAY.

    None of it is owed or paid on TODAY (store.as_of), so every figure of TODAY
    must leave it out alike. Made after the random book, so that book is unchanged.
    """
    later = [
        r.Invoice(
            number=f"{prefix}LATER-{n}",
            customer=customer.code,
            issue_date=TODAY + dt.timedelta(days=n + 1),
            due_date=TODAY + dt.timedelta(days=n + 31),
            lines=(r.InvoiceLine("Booked ahead", Decimal(1), Decimal("1234.56")),),
            currency=customer.currency,
        )
        for n, customer in enumerate(customers[:3])
    ]
    paid_ahead = [
        r.Payment(
            invoice.number,
            TODAY + dt.timedelta(days=n + 1),
            round_money(left / 2, invoice.currency),
        )
        for n, (invoice, left) in enumerate(still_open[:5])
    ]
    paid_ahead.append(r.Payment(later[0].number, TODAY + dt.timedelta(days=2), Decimal("100.00")))
    return r.BookContents(invoices=tuple(later), payments=tuple(paid_ahead))


TRAP = "TRAP"


def _traps() -> r.BookContents:
    """What a balance most easily gets wrong, each with an open follow-up about it.

    A void invoice with a payment on it (owes nothing), an open invoice with a
    payment that arrived and one dated ahead (owes 700.00 on TODAY), and an invoice
    dated ahead (owes nothing yet, though paid ahead too).
    """
    days = dt.timedelta(days=1)

    def invoice(number: str, issued: dt.date, price: str, state=r.InvoiceState.SENT) -> r.Invoice:
        line = r.InvoiceLine("Work", Decimal(1), Decimal(price))
        return r.Invoice(number, TRAP, issued, issued + 30 * days, (line,), state=state)

    invoices = (
        invoice("TRAP-VOID", TODAY - 60 * days, "500.00", r.InvoiceState.VOID),
        invoice("TRAP-OPEN", TODAY - 40 * days, "1000.00"),
        invoice("TRAP-AHEAD", TODAY + 7 * days, "800.00"),
    )
    return r.BookContents(
        customers=(r.Customer(TRAP, "Trap & Co.", phone="+1 416 555 0123", currency="CAD"),),
        invoices=invoices,
        payments=(
            r.Payment("TRAP-VOID", TODAY - 50 * days, Decimal("250.00")),
            r.Payment("TRAP-OPEN", TODAY - 5 * days, Decimal("300.00")),
            r.Payment("TRAP-OPEN", TODAY + 3 * days, Decimal("200.00")),
            r.Payment("TRAP-AHEAD", TODAY + 8 * days, Decimal("100.00")),
        ),
        followups=tuple(r.Followup(TRAP, TODAY, "Call about it", i.number) for i in invoices),
    )


@pytest.fixture(params=["demo", "generated"])
def filled(request, book) -> str:
    if request.param == "demo":
        add_contents(demo_contents(TODAY))
    else:
        add_contents(generated_book(3000))
    add_contents(_traps())
    return request.param


def _statement_totals(day: dt.date) -> dict[str, Decimal]:
    """Every customer's statement 'Total due' on ``day``, added up per currency."""
    totals: Counter[str] = Counter()
    for row in customer_rows(day):
        if not row.balances:
            continue
        doc = statement_document(row.code, day)
        for currency, aging in aging_by_currency(
            open_items(doc.invoices, doc.payments, day)
        ).items():
            totals[currency] += aging.total
    return dict(totals)


def test_every_total_owed_agrees_to_the_cent(filled) -> None:
    status_bar = total_owed(TODAY)
    report = aging_report(TODAY)
    aging = dict(report.total_owed())

    invoice_sums: Counter[str] = Counter()
    for row in invoice_rows(TODAY):
        invoice_sums[row.currency] += row.balance
    invoice_balances = {cur: amount for cur, amount in invoice_sums.items() if amount}

    customer_sums: Counter[str] = Counter()
    for row in customer_rows(TODAY):
        customer_sums.update(row.balances)

    assert status_bar, "the book owes something, or this test proves nothing"
    assert aging == status_bar
    assert invoice_balances == status_bar
    assert dict(customer_sums) == status_bar
    assert _statement_totals(TODAY) == status_bar


def test_invoices_and_payments_dated_after_today_count_nowhere_today(book) -> None:
    contents = generated_book(3000)
    ahead = [i for i in contents.invoices if i.issue_date > TODAY]
    paid_ahead = [p for p in contents.payments if p.date > TODAY]
    assert len(ahead) == 3 and len(paid_ahead) == 6, "the book has what this test is about"
    add_contents(contents)
    status_bar = total_owed(TODAY)
    # The payments ahead have not arrived: each invoice still owes its whole balance.
    listed = {row.number: row for row in invoice_rows(TODAY)}
    for payment in paid_ahead:
        row = listed[payment.invoice]
        assert row.paid == sum(
            (p.amount for p in contents.payments if p.invoice == row.number and p.date <= TODAY),
            ZERO,
        )
    # An invoice dated ahead is listed, owing nothing yet, until its day.
    assert all(listed[i.number].balance == ZERO for i in ahead)
    # The invoice's own page says what the list says.
    for number in {p.invoice for p in paid_ahead}:
        detail = invoice_detail(listed[number].id, TODAY)
        assert (detail.paid, detail.balance) == (listed[number].paid, listed[number].balance)
    later = max(p.date for p in paid_ahead)
    assert total_owed(later) != status_bar
    for day in (TODAY, later):
        assert dict(aging_report(day).total_owed()) == total_owed(day)


def test_a_past_days_statements_add_up_to_that_days_aging(book) -> None:
    add_contents(generated_book(3000))
    past = dt.date(2026, 3, 31)
    owed = dict(aging_report(past).total_owed())
    assert owed and owed != total_owed(TODAY)
    assert total_owed(past) == owed
    assert _statement_totals(past) == owed


def test_customer_rows_agree_with_the_aging_per_customer(filled) -> None:
    report = aging_report(TODAY)
    per_customer: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for row in report.customers:
        per_customer[row.code][row.currency] = row.total
    listed = {row.code: row for row in customer_rows(TODAY)}
    for code, owed in per_customer.items():
        row = listed[code]
        assert row.balances == owed, code
        assert row.balance == owed.get(row.currency, ZERO), code
    nobody_else = {code for code, row in listed.items() if row.balances} - set(per_customer)
    assert not nobody_else
    overdue: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for debtor in top_debtors(TODAY, limit=10_000):
        if debtor.overdue:
            overdue[debtor.code][debtor.currency] = debtor.overdue
    assert {code: dict(row.overdues) for code, row in listed.items() if row.overdues} == overdue
    for total in report.totals:
        rows = [row for row in report.customers if row.currency == total.currency]
        for bucket in total.aging.buckets:
            assert total.bucket(bucket) == sum((row.bucket(bucket) for row in rows), ZERO)


def test_the_generated_book_has_what_it_promises(book) -> None:
    contents = generated_book(3000)
    assert sum(i.issue_date <= TODAY for i in contents.invoices) == 3000
    states = Counter(i.state for i in contents.invoices)
    assert states[r.InvoiceState.VOID] > 50 and states[r.InvoiceState.DRAFT] > 20
    assert sum(p.is_deposit for p in contents.payments) > 100
    # Two-decimal currencies and yen, which has no minor unit.
    assert {i.currency for i in contents.invoices} == {"CAD", "USD", "EUR", "JPY"}
    add_contents(contents)
    report = aging_report(TODAY)
    assert all(row.total > 0 for row in report.customers)
    codes = Counter(row.code for row in report.customers)
    assert max(codes.values()) == 2, "some customers owe in two currencies"
    assert all(report.totals[0].aging.buckets.values()), "every bucket has money in it"


@contextmanager
def counted_statements() -> Iterator[list[str]]:
    statements: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        connection.set_trace_callback(None)


REPORTS: dict[str, Callable[[], object]] = {
    "aging": lambda: aging_report(TODAY),
    "top_debtors": lambda: top_debtors(TODAY),
    "dso": lambda: days_sales_outstanding(TODAY, 12),
    "dso_trend": lambda: dso_trend(TODAY),
    "money_by_month": lambda: money_by_month(TODAY),
    "days_to_pay": lambda: days_to_pay_by_month(TODAY),
    "promises": lambda: promises_by_month(TODAY),
    "deposits": lambda: deposits_by_month(TODAY),
}


@pytest.mark.parametrize("name", REPORTS)
def test_reports_take_the_same_number_of_statements_on_any_book(book, name) -> None:
    report = REPORTS[name]
    add_contents(generated_book(40))
    with counted_statements() as small:
        report()
    add_contents(generated_book(3000, seed=9, prefix="L"))
    with counted_statements() as large:
        report()
    assert len(small) == len(large)
    assert len(large) <= 2


def _listed() -> dict[str, Decimal]:
    """Each invoice's balance on TODAY as the invoice list shows it, by number."""
    return {row.number: row.balance for row in invoice_rows(TODAY)}


def test_the_traps_owe_what_the_rule_says(filled) -> None:
    rows = {row.number: row for row in invoice_rows(TODAY) if row.customer_code == TRAP}
    owed = {"TRAP-VOID": ZERO, "TRAP-OPEN": Decimal("700.00"), "TRAP-AHEAD": ZERO}
    assert {number: row.balance for number, row in rows.items()} == owed
    # The invoice's page, and the payment dialogs drawn from it, say the same.
    assert {n: invoice_detail(row.id, TODAY).balance for n, row in rows.items()} == owed
    (trap,) = [row for row in customer_rows(TODAY) if row.code == TRAP]
    assert trap.balances == {"CAD": Decimal("700.00")}
    assert [(row.code, row.total) for row in aging_report(TODAY).customers if row.code == TRAP] == [
        (TRAP, Decimal("700.00"))
    ]


def test_the_calendar_export_gives_each_invoice_its_listed_balance(filled) -> None:
    listed, locale = _listed(), get_business().locale
    followups = {f"followup-{f.id}@diva-desk": f for f in calendar_followups(today=TODAY)}
    events = Calendar.from_ical(open_followups_ics(today=TODAY)).walk("VEVENT")
    about = [(followups[str(e["uid"])], str(e["description"])) for e in events]
    checked = [f.invoice_number for f, _text in about if f.invoice_number]
    assert {"TRAP-VOID", "TRAP-OPEN", "TRAP-AHEAD"} <= set(checked)
    for followup, description in about:
        if followup.invoice_number:
            owed = fmt.money(listed[followup.invoice_number], followup.currency, locale)
            assert f"Invoice {followup.invoice_number}, balance {owed}" in description


def test_an_outcome_covers_the_listed_balance(filled) -> None:
    listed = {row.number: row for row in invoice_rows(TODAY)}
    for row in listed.values():
        assert balance_covered(row.customer_id, row.id, TODAY) == row.balance, row.number
    for row in customer_rows(TODAY):
        assert balance_covered(row.id, None, TODAY) == row.balance, row.code


def test_the_call_list_counts_what_the_lists_count(filled) -> None:
    listed = _listed()
    situation = situation_on(TODAY, call_settings())
    assert {i.number: i.balance for i in situation.invoices} == {
        number: balance for number, balance in listed.items() if balance
    }
    owed = {row.id: row.balance for row in customer_rows(TODAY)}
    calls = calls_today(TODAY)
    assert TRAP in {call.customer for call in calls}
    # What the card says an invoice owes (a deposit, a plan or a promise says its own amount).
    kinds = {ReasonKind.OVERDUE, ReasonKind.DUE_SOON, ReasonKind.DELIVERY_CHECKIN}
    kinds.add(ReasonKind.FOLLOWUP)
    for call in calls:
        assert call.total_owed == owed[call.customer_id], call.customer
        for reason in call.reasons:
            if reason.invoice and reason.kind in kinds:
                assert reason.amount == listed[reason.invoice], (call.customer, reason)


def test_letters_statements_and_history_say_what_the_lists_say(filled) -> None:
    listed = _listed()
    for row in customer_rows(TODAY):
        history = customer_history(row.id, TODAY)
        assert (history.balance, history.overdue) == (dict(row.balances), dict(row.overdues))
        if not row.balances:
            continue
        letter = reminder_document(row.code, TODAY)
        items = open_items(letter.invoices, letter.payments, TODAY)
        assert {c: a.total for c, a in aging_by_currency(items).items()} == row.balances
        try:
            asked = overdue_items(letter, TODAY)
        except BadInput:
            asked = []  # nothing the letter may ask for
        for item in asked:
            assert item.balance == listed[item.invoice.number], (row.code, item.invoice.number)
    locale, owed = get_business().locale, Decimal("700.00")
    letter = _pdf_text(reminder_pdf(reminder_document(TRAP, TODAY), "friendly"))
    statement = _pdf_text(statement_pdf(statement_document(TRAP, TODAY)))
    for text in (letter, statement):
        assert fmt.money(owed, "CAD", locale) in text
        assert "TRAP-VOID" not in text and "TRAP-AHEAD" not in text


def test_the_invoice_pdf_counts_only_the_payments_that_arrived(book) -> None:
    """The 200.00 dated three days ahead has not arrived: the PDF asks for 700.00."""
    add_contents(demo_contents(TODAY))
    add_contents(_traps())
    locale = get_business().locale
    text = _pdf_text(invoice_pdf(invoice_document("TRAP-OPEN", TODAY)))
    lines = text.splitlines()
    received = lines.index("Less payments received")
    assert lines[received + 1].strip() == fmt.money(Decimal("300.00"), "CAD", locale)
    due = lines.index("Balance due")
    assert lines[due + 1].strip() == fmt.money(Decimal("700.00"), "CAD", locale)
    # Nor is it listed among the payments received.
    assert fmt.date(TODAY + dt.timedelta(days=3), locale=locale) not in text
    assert "PAID" not in text
    # The day it arrives, the invoice PDF of that day counts it.
    later = _pdf_text(invoice_pdf(invoice_document("TRAP-OPEN", TODAY + dt.timedelta(days=3))))
    lines = later.splitlines()
    assert lines[lines.index("Balance due") + 1].strip() == fmt.money(
        Decimal("500.00"), "CAD", locale
    )


def _pdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
