"""Properties of the money rules over many generated amounts, lines and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from diva_desk.core.customers.terms import BillingCycle, expected_payment_date
from diva_desk.core.invoices.totals import (
    InvoiceStatus,
    balance_due,
    invoice_status,
    invoice_totals,
    line_net,
)
from diva_desk.core.money import (
    from_minor,
    minor_unit,
    money_text,
    parse_decimal,
    round_money,
    to_minor,
)
from diva_desk.core.records import InvoiceLine, InvoiceState, LineTax

#: Two-decimal currencies and one without minor units: each rounds to its own unit.
currencies = st.sampled_from(["CAD", "USD", "EUR", "JPY"])

cents = st.integers(min_value=-(10**12), max_value=10**12)
amounts = cents.map(lambda n: Decimal(n).scaleb(-2))
prices = st.integers(min_value=0, max_value=10**9).map(lambda n: Decimal(n).scaleb(-2))
# Unit prices keep four decimals in any currency.
unit_prices = st.integers(min_value=0, max_value=10**11).map(lambda n: Decimal(n).scaleb(-4))
quantities = st.integers(min_value=1, max_value=10**7).map(lambda n: Decimal(n).scaleb(-4))
rates = st.sampled_from([Decimal(r) for r in ("0", "5", "9.975", "13", "14.975", "15")])
tax_names = st.sampled_from(["", "GST", "HST", "QST", "PST"])
# A line carries no tax, one, or several (GST and QST), each name once.
line_taxes = st.lists(
    st.builds(LineTax, name=tax_names, rate=rates), max_size=3, unique_by=lambda t: t.name
).map(tuple)
lines = st.builds(
    InvoiceLine,
    description=st.just("work"),
    quantity=quantities,
    unit_price=unit_prices,
    taxes=line_taxes,
)
dates = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2032, 12, 31))
cycles = st.builds(
    BillingCycle,
    cutoff_day=st.none() | st.integers(min_value=1, max_value=31),
    payment_run_days=st.lists(st.integers(min_value=1, max_value=31), max_size=4).map(tuple),
)


@given(lines, currencies)
def test_a_line_never_loses_more_than_half_a_minor_unit(line: InvoiceLine, currency: str) -> None:
    exact = line.quantity * line.unit_price
    net = line_net(line, currency)
    assert net == round_money(exact, currency)
    assert abs(net - exact) <= minor_unit(currency) / 2
    assert net.as_tuple().exponent == minor_unit(currency).as_tuple().exponent


@given(st.lists(lines, max_size=12), currencies)
def test_total_is_net_plus_the_tax_of_each_name(
    invoice_lines: list[InvoiceLine], currency: str
) -> None:
    totals = invoice_totals(invoice_lines, currency)
    assert totals.net == sum((line_net(li, currency) for li in invoice_lines), Decimal(0))
    assert totals.tax == sum((t.amount for t in totals.taxes), Decimal(0))
    assert totals.total == totals.net + totals.tax
    # One tax line per name, each the once-rounded sum of that name's exact line taxes.
    names = [t.name for t in totals.taxes]
    assert len(names) == len(set(names))
    for tax in totals.taxes:
        exact = sum(
            (
                line_net(li, currency) * t.rate / 100
                for li in invoice_lines
                for t in li.taxes
                if t.name == tax.name and t.rate
            ),
            Decimal(0),
        )
        assert tax.amount == round_money(exact, currency)
    # Every printed figure is whole minor units, so it can be stored and paid exactly.
    for figure in (totals.net, totals.tax, totals.total):
        assert to_minor(figure, currency) * minor_unit(currency) == figure


@given(
    total=prices,
    paid=prices,
    due=dates,
    today=dates,
)
def test_a_sent_invoice_is_paid_exactly_when_nothing_is_left_to_pay(
    total: Decimal, paid: Decimal, due: dt.date, today: dt.date
) -> None:
    status = invoice_status(InvoiceState.SENT, total, paid, due, today)
    balance = balance_due(total, paid)
    assert balance >= 0
    assert (status is InvoiceStatus.PAID) == (balance == 0)
    if balance:
        assert (status is InvoiceStatus.OVERDUE) == (today > due)


@given(cents, currencies)
def test_minor_units_survive_the_trip_through_decimal(n: int, currency: str) -> None:
    assert to_minor(from_minor(n, currency), currency) == n


@given(amounts)
def test_money_text_reads_back_as_the_same_amount(amount: Decimal) -> None:
    text = money_text(amount, "CAD")
    assert "E" not in text and "e" not in text
    assert parse_decimal(text, places=2) == amount


@given(cents)
def test_yen_text_has_no_decimals(n: int) -> None:
    text = money_text(Decimal(n), "JPY")
    assert text == str(n)


@given(arrival=dates, due=dates, cycle=cycles)
def test_money_never_arrives_before_it_can(
    arrival: dt.date, due: dt.date, cycle: BillingCycle
) -> None:
    paid = expected_payment_date(arrival, due, cycle)
    assert paid >= arrival
    assert paid >= due
    cutoff = cycle.next_cutoff(arrival)
    if cutoff is not None:
        assert paid >= cutoff
    if cycle.payment_run_days:
        # It is a payment-run day of that month (31 and any day past the month's end
        # meaning its last day), and no earlier run day would have done.
        assert cycle.next_payment_run(paid) == paid
        earliest = max(cutoff or arrival, due)
        assert cycle.next_payment_run(earliest) == paid
        assert (paid - earliest).days < 62


@given(arrival=dates, due=dates, cycle=cycles, later_by=st.integers(min_value=0, max_value=90))
def test_sending_earlier_is_never_paid_later(
    arrival: dt.date, due: dt.date, cycle: BillingCycle, later_by: int
) -> None:
    later = arrival + dt.timedelta(days=later_by)
    assert expected_payment_date(arrival, due, cycle) <= expected_payment_date(later, due, cycle)
