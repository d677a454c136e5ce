"""The aging of many days read at once: each day's figures, for about the cost of one.

The reports read "owed on a day" for a dozen month ends at a time (the aging chart,
the DSO trend). They must give exactly what store.as_of's rule gives day by day,
through the awkward ledgers (a payment in two parts on one day, an overpaid
invoice, a deposit paid before the invoice, a payment after the day), and must not
read the book once per day.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest

from diva_desk.core.money import from_minor
from diva_desk.core.records import BookContents, InvoiceState
from diva_desk.store.as_of import balance_on, owed_on
from diva_desk.store.book.db import db
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.reports import (
    aging_report,
    aging_reports,
    days_sales_outstanding,
    dso_trend,
    receivables_from,
    trend_ends,
)
from diva_desk.ui.reports.report_models import aging_days, read_figures

from .small_books import AS_OF, D, customers, invoice, pay


def ago(days: int) -> dt.date:
    return AS_OF - dt.timedelta(days=days)


def random_book(invoices: int, seed: int = 11, years: int = 2) -> BookContents:
    """Invoices over ``years``, most paid in full in one to three payments, a few never."""
    rng = random.Random(seed)
    people = customers(*((f"C{n:03d}", rng.choice(["CAD", "USD", "JPY"])) for n in range(20)))
    made, paid = [], []
    for n in range(invoices):
        who = rng.choice(people)
        issued = ago(rng.randint(0, 365 * years))
        yen = who.currency == "JPY"
        amount = str(rng.randint(1, 90_000)) if yen else f"{rng.randint(1, 9000)}.50"
        state = rng.choices(list(InvoiceState), weights=[3, 90, 7])[0]
        number = f"R-{n:04d}"
        made.append(
            invoice(
                number, who.code, amount, issued=issued, due=issued + dt.timedelta(days=30),
                currency=who.currency, state=state,
            )
        )  # fmt: skip
        left, day = D(amount), issued
        for _n in range(rng.choices([0, 1, 2, 3], weights=[5, 75, 15, 5])[0]):
            day += dt.timedelta(days=rng.randint(0, 50))
            part = left if rng.random() < 0.7 else (left / 2).quantize(D("1"))
            if part > 0 and state is not InvoiceState.DRAFT:
                paid.append(pay(number, str(part), day))
                left -= part
    return BookContents(customers=people, invoices=tuple(made), payments=tuple(paid))


def awkward_book() -> BookContents:
    """One customer, every way a balance can start, stop and start again across days."""
    due = ago(100)
    return BookContents(
        customers=customers(("AWK", "CAD")),
        invoices=(
            invoice("TWO-PARTS", "AWK", "100", issued=ago(200), due=due),
            invoice("OVERPAID", "AWK", "100", issued=ago(200), due=due),
            invoice("DEPOSIT-FIRST", "AWK", "100", issued=ago(90), due=due),
            invoice("PAID-LATER", "AWK", "100", issued=ago(200), due=due),
            invoice("NEVER", "AWK", "100", issued=ago(400), due=due),
            invoice("FUTURE", "AWK", "100", issued=AS_OF + dt.timedelta(days=3), due=AS_OF),
            invoice("VOID", "AWK", "100", issued=ago(200), due=due, state=InvoiceState.VOID),
            invoice("DRAFT", "AWK", "100", issued=ago(200), due=due, state=InvoiceState.DRAFT),
        ),
        payments=(
            pay("TWO-PARTS", "40", ago(60)),
            pay("TWO-PARTS", "60", ago(60)),
            pay("OVERPAID", "30", ago(150)),
            pay("OVERPAID", "90", ago(61)),
            pay("OVERPAID", "5", ago(10)),
            pay("DEPOSIT-FIRST", "50", ago(120), deposit=True),
            pay("DEPOSIT-FIRST", "50", ago(31)),
            pay("PAID-LATER", "10", ago(180)),
            pay("PAID-LATER", "90", AS_OF + dt.timedelta(days=5)),
            pay("VOID", "100", ago(150)),
        ),
    )


def by_the_rule(day: dt.date) -> dict[tuple[int, str], Decimal]:
    """What each customer owes per currency on ``day``, invoice by invoice (store.as_of)."""
    sql = f"""
        SELECT i.customer_id, i.currency, {balance_on(":day")} FROM invoice i
        WHERE {owed_on(":day")}
    """
    owed: dict[tuple[int, str], int] = defaultdict(int)
    for customer_id, currency, balance in db.execute_sql(sql, {"day": day.isoformat()}):
        if balance > 0:
            owed[customer_id, currency] += balance
    return {key: from_minor(units, key[1]) for key, units in owed.items()}


def month_ends() -> list[dt.date]:
    return [*trend_ends(AS_OF, 12), *aging_days(AS_OF), ago(60), ago(61), ago(150)]


@pytest.mark.parametrize("contents", [awkward_book, lambda: random_book(300)])
def test_every_day_owes_what_the_rule_says(book, contents: Callable[[], BookContents]) -> None:
    add_contents(contents())
    days = month_ends()
    reports = aging_reports(days)
    assert [report.as_of for report in reports] == days
    for day, report in zip(days, reports, strict=True):
        rows = {(row.customer_id, row.currency): row.total for row in report.customers}
        assert rows == by_the_rule(day), day
        assert report == aging_report(day)


def test_the_awkward_invoices_open_and_close_on_the_right_days(book) -> None:
    add_contents(awkward_book())
    owed = {day: report.total_owed().get("CAD") for day, report in _reports().items()}
    # 200 days ago: TWO-PARTS, OVERPAID and PAID-LATER issued, NEVER older still.
    assert owed[ago(200)] == D("400")
    # 61 days ago OVERPAID is settled; TWO-PARTS is paid in two parts the next day.
    assert owed[ago(61)] == D("100") + D("90") + D("100") + D("50")
    assert owed[ago(60)] == D("90") + D("100") + D("50")
    # The deposit came before its invoice: only half of it is owed once issued.
    assert owed[ago(31)] == D("90") + D("100")
    # A payment dated after the day has not arrived; an invoice dated ahead is not owed.
    assert owed[AS_OF] == D("90") + D("100")


def _reports() -> dict[dt.date, object]:
    days = [ago(200), ago(61), ago(60), ago(31), AS_OF]
    return dict(zip(days, aging_reports(days), strict=True))


def test_totals_only_days_keep_their_totals(book) -> None:
    add_contents(random_book(200))
    days = sorted(set(month_ends()), reverse=True)
    full = aging_reports(days)
    light = aging_reports(days, totals_only=set(days[1:]))
    assert light[0] == full[0]
    for lean, whole in zip(light[1:], full[1:], strict=True):
        assert lean.totals == whole.totals and lean.customers == ()


def test_dso_from_the_aging_is_dso_read_alone(book) -> None:
    add_contents(random_book(300))
    ends = trend_ends(AS_OF, 12)
    owed = receivables_from(aging_reports([*ends, AS_OF], totals_only=set(ends)))
    assert dso_trend(AS_OF, 12, 12, owed) == dso_trend(AS_OF, 12, 12)
    assert days_sales_outstanding(AS_OF, 3, owed) == days_sales_outstanding(AS_OF, 3)


@contextmanager
def vm_steps() -> Iterator[list[int]]:
    """Counts SQLite's virtual-machine steps, in thousands: the work a query did."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    connection = db.connection()
    connection.set_progress_handler(tick, 1000)
    try:
        yield steps
    finally:
        connection.set_progress_handler(None, 0)


def paid_up_book(invoices: int, years: int = 8) -> BookContents:
    """What a book of many years looks like: nearly everything paid, within weeks."""
    rng = random.Random(3)
    people = customers(*((f"P{n:03d}", "CAD") for n in range(30)))
    made, paid = [], []
    for n in range(invoices):
        issued = ago(rng.randint(0, 365 * years))
        number = f"P-{n:05d}"
        made.append(invoice(number, rng.choice(people).code, "250", issued=issued, due=issued))
        if n % 50:
            paid.append(pay(number, "250", issued + dt.timedelta(days=rng.randint(0, 40))))
    return BookContents(customers=people, invoices=tuple(made), payments=tuple(paid))


def test_a_dozen_month_ends_cost_little_more_than_one_day(book) -> None:
    add_contents(paid_up_book(1500))
    ends = trend_ends(AS_OF, 12)
    with vm_steps() as one:
        aging_reports([AS_OF])
    with vm_steps() as dozen:
        aging_reports(ends, totals_only=set(ends))
    # Read day by day, twelve days were twelve times one (and more: the older days).
    assert dozen[0] < 3 * one[0], (dozen[0], one[0])


@contextmanager
def statements() -> Iterator[list[str]]:
    seen: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        connection.set_trace_callback(None)


def test_the_reports_tab_reads_the_balances_once_for_all_its_days(book) -> None:
    add_contents(random_book(200))
    with statements() as seen:
        read_figures(AS_OF)
    # The aging of every day shown and of every DSO month end, and the top debtors.
    assert sum("as_of_days" in sql for sql in seen) == 2, seen
    assert len(seen) <= 10
