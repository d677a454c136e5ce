"""The demo book: what a person trying Diva Desk sees before entering their own customers.

The demo must look like a real small Ontario business on any day it is made, show
every situation the app is built for (a payment plan, a broken promise, a missing
deposit, overdue invoices of every age), and never contain something the book
would refuse (an overpaid invoice, a payment from the future, an invalid date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from decimal import Decimal
from functools import cache

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.core.customers.terms import BillingCycle, due_date_for
from diva_desk.core.invoices.totals import InvoiceStatus, invoice_status, invoice_totals
from diva_desk.demo import demo_contents
from diva_desk.interchange.reader import EmptyBook, read_text
from diva_desk.interchange.writer import book_text
from diva_desk.store.contents.writing import add_contents, read_contents

TODAY = dt.date(2026, 5, 14)
DAYS = [
    TODAY,
    dt.date(2028, 2, 29),
    dt.date(2027, 1, 1),
    dt.date(2026, 12, 31),
    dt.date(2025, 3, 1),
    dt.date(2026, 8, 31),
]
#: Eighteen months are never shorter than this many days.
EIGHTEEN_MONTHS = dt.timedelta(days=546)


@cache
def demo(today: dt.date, seed: int = 7) -> r.BookContents:
    return demo_contents(today, seed)


class Book:
    """The demo with the sums a person reads off the screen."""

    def __init__(self, today: dt.date, seed: int = 7) -> None:
        self.today = today
        self.contents = demo(today, seed)
        self.customers = {c.code: c for c in self.contents.customers}
        self.invoices = {i.number: i for i in self.contents.invoices}
        self.payments: dict[str, list[r.Payment]] = defaultdict(list)
        for payment in self.contents.payments:
            self.payments[payment.invoice].append(payment)

    def total(self, number: str) -> Decimal:
        invoice = self.invoices[number]
        return invoice_totals(invoice.lines, invoice.currency).total

    def paid(self, number: str, by: dt.date | None = None) -> Decimal:
        return sum(
            (p.amount for p in self.payments[number] if by is None or p.date <= by),
            Decimal(0),
        )

    def status(self, number: str) -> InvoiceStatus:
        i = self.invoices[number]
        return invoice_status(
            i.state, self.total(number), self.paid(number), i.due_date, self.today
        )

    def invoices_of(self, code: str) -> list[r.Invoice]:
        return [i for i in self.contents.invoices if i.customer == code]


@pytest.fixture(params=[(day, seed) for day in DAYS for seed in (7, 2024)], ids=str)
def sample(request: pytest.FixtureRequest) -> Book:
    """The demo as made on several days (a leap day, New Year's Day) with two seeds."""
    day, seed = request.param
    return Book(day, seed)


def test_same_day_and_seed_give_the_same_book_and_another_seed_another() -> None:
    assert demo_contents(TODAY, 7) == demo_contents(TODAY, 7)
    other = demo_contents(TODAY, 8)
    assert [p.amount for p in other.payments] != [p.amount for p in demo(TODAY).payments]


def test_the_business_is_a_small_ontario_studio_paid_by_e_transfer() -> None:
    contents = demo(TODAY)
    business = contents.business
    assert business is not None
    assert (business.currency, business.locale, business.invoice_prefix) == ("CAD", "en_CA", "INV-")
    assert re.search(r"GST/HST \d{9} RT0001", business.tax_numbers)
    assert "e-Transfer" in business.payment_instructions
    assert " ON " in business.address
    last = max(int(i.number.removeprefix("INV-")) for i in contents.invoices)
    assert business.next_invoice_number == last + 1


def test_size_is_a_small_business(sample: Book) -> None:
    assert 25 <= len(sample.customers) <= 35
    assert 170 <= len(sample.invoices) <= 230


def test_codes_and_numbers_are_unique_numbers_follow_issue_dates_due_dates_follow_terms(
    sample: Book,
) -> None:
    contents = sample.contents
    assert len(sample.customers) == len(contents.customers)
    assert len(sample.invoices) == len(contents.invoices)
    numbers = [int(i.number.removeprefix("INV-")) for i in contents.invoices]
    assert numbers == sorted(numbers)
    issued = [i.issue_date for i in contents.invoices]
    assert issued == sorted(issued)
    for invoice in contents.invoices:
        terms = sample.customers[invoice.customer].terms_days
        assert invoice.due_date == due_date_for(invoice.issue_date, 30 if terms is None else terms)
        assert invoice.currency == sample.customers[invoice.customer].currency


def test_names_phones_and_emails_look_real_but_are_fictional(sample: Book) -> None:
    names = {c.name for c in sample.contents.customers}
    assert "Café Étoile" in names
    assert any("&" in name for name in names)
    phone = re.compile(r"\+1 (416|647|905|514) 555 01\d\d")
    email = re.compile(r"[a-z.'-]+@example\.(com|ca)")
    for c in sample.contents.customers:
        assert phone.fullmatch(c.phone), c.phone
        assert email.fullmatch(c.email), c.email
        if c.ap_contact_name:
            assert phone.fullmatch(c.ap_phone) and email.fullmatch(c.ap_email)
    phones = [c.phone for c in sample.contents.customers]
    assert len(set(phones)) == len(phones)


def test_no_payment_overpays_comes_from_the_future_or_lands_on_a_void_invoice(sample: Book) -> None:
    for number, payments in sample.payments.items():
        invoice = sample.invoices[number]
        assert invoice.state is r.InvoiceState.SENT, number
        assert sample.paid(number) <= sample.total(number), number
        for payment in payments:
            assert invoice.issue_date <= payment.date <= sample.today
            assert payment.amount > 0
            assert payment.amount == payment.amount.quantize(Decimal("0.01"))


def test_everything_happened_in_the_last_eighteen_months(sample: Book) -> None:
    start = sample.today - EIGHTEEN_MONTHS
    c = sample.contents
    past = [i.issue_date for i in c.invoices] + [p.date for p in c.payments]
    past += [i.sent_date for i in c.invoices if i.sent_date]
    past += [i.received_confirmed_date for i in c.invoices if i.received_confirmed_date]
    past += [p.made_on for p in c.promises] + [p.agreed_on for p in c.payment_plans]
    past += [i.at.date() for i in c.interactions]
    past += [f.due_date for f in c.followups if f.done]
    assert all(start <= day <= sample.today for day in past)
    assert all(i.at.date() < sample.today and 9 <= i.at.hour < 17 for i in c.interactions)
    assert all(i.at.weekday() < 5 for i in c.interactions)
    # Due dates reach into the future, but not absurdly far.
    future = [i.due_date for i in c.invoices] + [f.due_date for f in c.followups]
    future += [s.due_date for p in c.payment_plans for s in p.installments]
    assert all(start <= day <= sample.today + dt.timedelta(days=60) for day in future)


def test_a_customer_in_a_cash_crunch_is_paying_by_installments(sample: Book) -> None:
    (plan,) = sample.contents.payment_plans
    assert 3 <= len(plan.installments) <= 4
    assert plan.invoice is not None and sample.status(plan.invoice) is InvoiceStatus.OVERDUE
    balance_then = sample.total(plan.invoice) - sample.paid(plan.invoice, by=plan.agreed_on)
    assert sum(s.amount for s in plan.installments) == balance_then
    paid_since = sample.paid(plan.invoice) - sample.paid(plan.invoice, by=plan.agreed_on)
    met = [s for s in plan.installments if s.due_date < sample.today]
    assert met and paid_since == sum(s.amount for s in met)
    upcoming = [s for s in plan.installments if s.due_date >= sample.today]
    assert 1 <= (upcoming[0].due_date - sample.today).days <= 7


def test_a_customer_broke_a_promise_last_week(sample: Book) -> None:
    broken = [
        p
        for p in sample.contents.promises
        if p.promised_date < sample.today
        and p.invoice is not None
        and sample.paid(p.invoice, by=p.promised_date) - sample.paid(p.invoice, by=p.made_on)
        < p.amount
    ]
    assert len(broken) == 1
    promise = broken[0]
    assert 1 <= (sample.today - promise.promised_date).days <= 7
    for invoice in sample.invoices_of(promise.customer):
        assert all(p.date <= promise.made_on for p in sample.payments[invoice.number])
    calls_today = [
        f
        for f in sample.contents.followups
        if f.customer == promise.customer and f.due_date == sample.today and not f.done
    ]
    assert calls_today
    # The other promises in the history were kept: paid in full by the promised date.
    for other in sample.contents.promises:
        if other is not promise:
            assert other.invoice is not None
            kept = sample.paid(other.invoice, by=other.promised_date)
            assert kept - sample.paid(other.invoice, by=other.made_on) >= other.amount


def test_a_deposit_was_asked_for_and_never_paid(sample: Book) -> None:
    unpaid = [
        i
        for i in sample.contents.invoices
        if i.deposit_amount > 0
        and i.deposit_due_date is not None
        and i.deposit_due_date < sample.today
        and not any(p.is_deposit for p in sample.payments[i.number])
    ]
    assert len(unpaid) == 1
    invoice = unpaid[0]
    assert invoice.state is r.InvoiceState.SENT and not sample.payments[invoice.number]
    assert sample.customers[invoice.customer].deposit_percent > 0
    # Elsewhere deposits came in as deposit payments before the rest of the money.
    deposits = [p for p in sample.contents.payments if p.is_deposit]
    assert deposits
    for deposit in deposits:
        assert deposit.amount <= sample.invoices[deposit.invoice].deposit_amount


def test_a_new_customer_has_one_or_two_recent_invoices(sample: Book) -> None:
    new = [
        code
        for code in sample.customers
        if 1 <= len(sample.invoices_of(code)) < 3
        and all((sample.today - i.issue_date).days <= 30 for i in sample.invoices_of(code))
    ]
    assert new


def test_quebec_customers_pay_gst_and_qst_in_french_ontario_ones_hst(sample: Book) -> None:
    french = [c for c in sample.contents.customers if c.language == "fr_CA"]
    assert 1 <= len(french) <= 2
    for invoice in sample.contents.invoices:
        customer = sample.customers[invoice.customer]
        taxes = {tuple((t.name, t.rate) for t in line.taxes) for line in invoice.lines}
        if customer.language == "fr_CA":
            # GST and QST apart on every line, and apart in the invoice's tax summary.
            assert taxes == {(("GST", Decimal("5")), ("QST", Decimal("9.975")))}
            summary = invoice_totals(invoice.lines, invoice.currency).taxes
            assert [t.name for t in summary] == ["GST", "QST"]
        elif customer.currency == "CAD":
            assert taxes == {(("HST", Decimal("13")),)}


def test_a_us_customer_is_billed_in_dollars_without_canadian_tax(sample: Book) -> None:
    (usd,) = [c for c in sample.contents.customers if c.currency == "USD"]
    invoices = sample.invoices_of(usd.code)
    assert invoices and all(i.currency == "USD" for i in invoices)
    assert all(invoice_totals(i.lines, i.currency).tax == 0 for i in invoices)


def test_customers_with_payables_cycles_deposits_and_an_archived_one(sample: Book) -> None:
    customers = sample.contents.customers
    cycles = [c for c in customers if c.invoice_cutoff_day and c.payment_run_days]
    assert len(cycles) >= 3 and any(c.ap_contact_name for c in cycles)
    assert {(15, 31), (30,)} <= {c.payment_run_days for c in cycles}
    assert {20, 25} <= {c.invoice_cutoff_day for c in cycles}
    assert sum(c.deposit_percent > 0 for c in customers) >= 2
    (archived,) = [c for c in customers if c.archived]
    owed = [i.number for i in sample.invoices_of(archived.code)]
    assert owed and all(sample.status(n) is InvoiceStatus.PAID for n in owed)


def test_drafts_wait_for_a_cut_off_in_the_next_days_and_voids_carry_no_money(sample: Book) -> None:
    drafts = [i for i in sample.contents.invoices if i.state is r.InvoiceState.DRAFT]
    assert 2 <= len(drafts) <= 3
    for draft in drafts:
        customer = sample.customers[draft.customer]
        cutoff = BillingCycle(customer.invoice_cutoff_day).next_cutoff(sample.today)
        assert cutoff is not None and 2 <= (cutoff - sample.today).days <= 8
        assert draft.sent_date is None
    voids = [i for i in sample.contents.invoices if i.state is r.InvoiceState.VOID]
    assert 2 <= len(voids) <= 5
    assert all(not sample.payments[v.number] for v in voids)


def test_new_invoices_await_confirmation_and_older_ones_were_mostly_confirmed(sample: Book) -> None:
    sent = [i for i in sample.contents.invoices if i.sent_date is not None]
    this_week = [i for i in sent if (sample.today - i.sent_date).days <= 7]  # type: ignore[operator]
    assert any(i.received_confirmed_date is None for i in this_week)
    older = [i for i in sent if (sample.today - i.sent_date).days > 30]  # type: ignore[operator]
    confirmed = [i for i in older if i.received_confirmed_date is not None]
    assert len(confirmed) >= 0.7 * len(older)
    assert all(i.received_confirmed_date >= i.sent_date for i in confirmed)  # type: ignore[operator]


def test_invoices_come_due_soon_and_are_overdue_by_every_age(sample: Book) -> None:
    due_soon = [
        n
        for n, i in sample.invoices.items()
        if sample.status(n) is InvoiceStatus.SENT and 0 <= (i.due_date - sample.today).days <= 5
    ]
    assert due_soon
    ages = [
        (sample.today - sample.invoices[n].due_date).days
        for n in sample.invoices
        if sample.status(n) is InvoiceStatus.OVERDUE
    ]
    for low, high in ((1, 7), (8, 30), (31, 60), (61, 90), (91, 10_000)):
        assert any(low <= age <= high for age in ages), (low, high, sorted(ages))
    assert len(ages) <= 20, "a demo of a business in trouble is not believable"
    partly = [n for n in sample.invoices if 0 < sample.paid(n) < sample.total(n)]
    assert partly


def test_most_invoices_are_paid_and_lines_are_the_studios_work(sample: Book) -> None:
    statuses = [sample.status(n) for n in sample.invoices]
    assert statuses.count(InvoiceStatus.PAID) >= 0.7 * len(statuses)
    lines = [line for i in sample.contents.invoices for line in i.lines]
    hourly = [line for line in lines if line.unit_price == Decimal("95.00")]
    assert any(line.quantity != line.quantity.to_integral_value() for line in hourly)
    text = " ".join(line.description for line in lines)
    for kind in ("Logo package", "maintenance retainer", "Printing", "Site visit"):
        assert kind in text


def test_the_contact_history_has_calls_emails_a_meeting_and_open_followups(sample: Book) -> None:
    interactions = sample.contents.interactions
    assert {r.Channel.CALL, r.Channel.EMAIL, r.Channel.MEETING} <= {i.channel for i in interactions}
    outcomes = {i.outcome for i in interactions}
    assert {r.Outcome.REACHED, r.Outcome.VOICEMAIL, r.Outcome.PROMISED} <= outcomes
    assert r.Outcome.RECEIVED_OK in outcomes
    followups = sample.contents.followups
    open_ones = [f for f in followups if not f.done]
    assert [f.due_date for f in open_ones].count(sample.today) == 1
    assert sum(f.due_date > sample.today for f in open_ones) >= 3
    assert any(f.done for f in followups)
    assert all(i.invoice in sample.invoices for i in interactions if i.invoice)
    assert all(f.customer in sample.customers for f in followups)


def test_the_demo_is_a_valid_interchange_file() -> None:
    """Written out and read back by the importer, nothing is refused or changed."""
    for day in DAYS:
        contents = demo(day)
        text = book_text(contents, dt.datetime.combine(day, dt.time(9)))
        assert read_text(text, EmptyBook()) == contents


def test_the_demo_fits_into_a_fresh_book(book: peewee.SqliteDatabase) -> None:
    contents = demo(TODAY)
    add_contents(contents)
    assert read_contents() == contents
