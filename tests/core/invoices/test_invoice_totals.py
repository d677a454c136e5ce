"""Invoice totals and the status a person sees, per spec/interchange-v1.md."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.invoices.totals import (
    InvoiceStatus,
    balance_due,
    deposit_outstanding,
    invoice_status,
    invoice_totals,
    line_net,
)
from diva_desk.core.records import InvoiceLine, InvoiceState

D = Decimal


def line(qty: str, price: str, tax: str = "", rate: str = "0") -> InvoiceLine:
    return InvoiceLine("work", D(qty), D(price), tax, D(rate))


# --- line_net -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qty", "price", "net"),
    [
        ("1", "100.00", "100.00"),
        ("2", "0.5", "1.00"),
        ("1.5", "0.01", "0.02"),  # 0.015 rounds half-up
        ("0.3333", "3.00", "1.00"),  # 0.9999
        ("3", "33.335", "100.01"),  # 100.005 rounds up, not to even
        ("2.5", "19.99", "49.98"),  # 49.975
        ("0.25", "0.02", "0.01"),  # 0.005: the smallest half cent still costs a cent
        ("7.5", "0", "0.00"),
    ],
)
def test_line_net_rounds_half_up_to_the_cent(qty: str, price: str, net: str) -> None:
    assert str(line_net(line(qty, price), "CAD")) == net


# --- invoice_totals -------------------------------------------------------------


def test_tax_is_rounded_once_per_tax_name_not_per_line() -> None:
    # Three lines of 0.10 at 5 % GST: each line's tax is 0.005. Rounded per line that
    # would be 0.01 + 0.01 + 0.01 = 0.03; the spec sums first (0.015) and rounds once.
    totals = invoice_totals([line("1", "0.10", "GST", "5")] * 3, "CAD")
    assert totals.net == D("0.30")
    assert [(t.name, t.amount) for t in totals.taxes] == [("GST", D("0.02"))]
    assert totals.tax == D("0.02")
    assert totals.total == D("0.32")


def test_ten_small_hst_lines_cost_the_same_as_one_big_one() -> None:
    many = invoice_totals([line("1", "0.35", "HST", "13")] * 10, "CAD")  # 0.0455 tax each
    one = invoice_totals([line("1", "3.50", "HST", "13")], "CAD")
    assert many.tax == one.tax == D("0.46")  # per line it would have been 10 x 0.05
    assert many.total == one.total == D("3.96")


def test_tax_rounds_half_up_once() -> None:
    # 0.10 at 5 % = 0.005 exactly -> 0.01.
    totals = invoice_totals([line("1", "0.10", "GST", "5")], "CAD")
    assert totals.tax == D("0.01")


def test_lines_without_tax_add_to_net_only() -> None:
    totals = invoice_totals([line("2", "50.00"), line("1", "25.25")], "CAD")
    assert totals.net == D("125.25")
    assert totals.taxes == ()
    assert totals.tax == D("0.00")
    assert totals.total == D("125.25")


def test_a_rate_without_a_tax_name_or_a_name_with_zero_rate_charges_nothing() -> None:
    totals = invoice_totals([line("1", "100.00", "", "13"), line("1", "100.00", "HST", "0")], "CAD")
    assert totals.taxes == ()
    assert totals.total == D("200.00")


def test_mixed_hst_gst_qst_each_get_their_own_tax_line() -> None:
    totals = invoice_totals(
        [
            line("2", "150.00", "HST", "13"),  # 300.00 -> 39.00
            line("1", "100.00", "GST", "5"),  # 100.00 -> 5.00
            line("1", "100.00", "QST", "9.975"),  # 100.00 -> 9.975 -> 9.98
            line("1", "33.33", "QST", "9.975"),  # 33.33 -> 3.3246675
            line("1", "40.00"),  # untaxed
        ],
        "CAD",
    )
    assert totals.net == D("573.33")
    by_name = {t.name: t for t in totals.taxes}
    assert [t.name for t in totals.taxes] == ["HST", "GST", "QST"]  # order of first use
    assert by_name["HST"].amount == D("39.00")
    assert by_name["HST"].base == D("300.00")
    assert by_name["GST"].amount == D("5.00")
    # QST: 9.975 + 3.3246675 = 13.2996675 -> 13.30 (per line: 9.98 + 3.32 = 13.30 too)
    assert by_name["QST"].amount == D("13.30")
    assert by_name["QST"].base == D("133.33")
    assert by_name["QST"].rate == D("9.975")
    assert totals.tax == D("57.30")
    assert totals.total == D("630.63")


def test_qst_on_a_single_line_rounds_the_third_decimal_up() -> None:
    totals = invoice_totals([line("1", "100.00", "QST", "9.975")], "CAD")
    assert totals.tax == D("9.98")
    assert totals.total == D("109.98")


def test_tax_is_charged_on_the_rounded_line_nets() -> None:
    # 1.5 x 0.01 = 0.015 -> net 0.02; 13 % of 0.02 is 0.0026 -> 0.00, and the tax base
    # printed on the invoice is the sum of the printed line amounts.
    totals = invoice_totals([line("1.5", "0.01", "HST", "13")] * 100, "CAD")
    assert totals.net == D("2.00")
    assert totals.taxes[0].base == D("2.00")
    assert totals.tax == D("0.26")


def test_an_invoice_without_lines_totals_zero() -> None:
    totals = invoice_totals([], "CAD")
    assert (totals.net, totals.tax, totals.total) == (D("0.00"), D("0.00"), D("0.00"))


def test_totals_accept_a_generator() -> None:
    totals = invoice_totals((line("1", "10.00", "GST", "5") for _ in range(2)), "CAD")
    assert totals.total == D("21.00")


# --- balance_due and deposit_outstanding ----------------------------------------


@pytest.mark.parametrize(
    ("total", "paid", "balance"),
    [
        ("100.00", "0.00", "100.00"),
        ("100.00", "40.00", "60.00"),
        ("100.00", "100.00", "0.00"),
        ("100.00", "120.00", "0.00"),  # an overpayment never shows as a negative balance
    ],
)
def test_balance_due_is_never_negative(total: str, paid: str, balance: str) -> None:
    assert str(balance_due(D(total), D(paid))) == balance


@pytest.mark.parametrize(
    ("asked", "received", "outstanding"),
    [
        ("500.00", "0.00", "500.00"),
        ("500.00", "200.00", "300.00"),
        ("500.00", "500.00", "0.00"),
        ("500.00", "650.00", "0.00"),
        ("0.00", "0.00", "0.00"),  # no deposit asked
    ],
)
def test_deposit_outstanding(asked: str, received: str, outstanding: str) -> None:
    assert str(deposit_outstanding(D(asked), D(received))) == outstanding


# --- invoice_status -------------------------------------------------------------

DUE = dt.date(2026, 11, 20)
DAY = dt.timedelta(days=1)
TOTAL = D("1130.00")


def status(state: InvoiceState, paid: str, today: dt.date, total: Decimal = TOTAL) -> str:
    return invoice_status(state, total, D(paid), DUE, today)


def test_sent_and_unpaid_before_or_on_the_due_date_is_sent() -> None:
    assert status(InvoiceState.SENT, "0.00", DUE - 10 * DAY) is InvoiceStatus.SENT
    assert status(InvoiceState.SENT, "0.00", DUE) is InvoiceStatus.SENT  # due today: not late


def test_the_day_after_the_due_date_is_overdue() -> None:
    assert status(InvoiceState.SENT, "0.00", DUE + DAY) is InvoiceStatus.OVERDUE


def test_partly_paid_until_it_falls_due_then_overdue() -> None:
    assert status(InvoiceState.SENT, "0.01", DUE) is InvoiceStatus.PARTLY_PAID
    assert status(InvoiceState.SENT, "1129.99", DUE - DAY) is InvoiceStatus.PARTLY_PAID
    assert status(InvoiceState.SENT, "500.00", DUE + DAY) is InvoiceStatus.OVERDUE


def test_paid_when_the_balance_is_exactly_zero_even_if_late() -> None:
    assert status(InvoiceState.SENT, "1130.00", DUE) is InvoiceStatus.PAID
    assert status(InvoiceState.SENT, "1130.00", DUE + 60 * DAY) is InvoiceStatus.PAID
    assert status(InvoiceState.SENT, "1129.99", DUE + DAY) is InvoiceStatus.OVERDUE


def test_overpaid_is_paid() -> None:
    assert status(InvoiceState.SENT, "1200.00", DUE + DAY) is InvoiceStatus.PAID


@pytest.mark.parametrize("paid", ["0.00", "500.00", "1130.00", "2000.00"])
@pytest.mark.parametrize("today", [DUE - DAY, DUE, DUE + 90 * DAY])
def test_void_and_draft_are_what_the_owner_set_regardless_of_money(
    paid: str, today: dt.date
) -> None:
    assert status(InvoiceState.VOID, paid, today) is InvoiceStatus.VOID
    assert status(InvoiceState.DRAFT, paid, today) is InvoiceStatus.DRAFT


def test_every_status_is_reachable() -> None:
    seen = {
        status(InvoiceState.DRAFT, "0.00", DUE),
        status(InvoiceState.VOID, "0.00", DUE),
        status(InvoiceState.SENT, "0.00", DUE),
        status(InvoiceState.SENT, "1.00", DUE),
        status(InvoiceState.SENT, "1130.00", DUE),
        status(InvoiceState.SENT, "0.00", DUE + DAY),
    }
    assert seen == set(InvoiceStatus)
