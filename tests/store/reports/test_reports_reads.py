"""The reports weigh every invoice of the book at most once per reading.

Which invoices still owe something is the one fact that needs every invoice's
payments summed. The Reports tab reads it once for all its figures, and a report
asked on a connection that already knows it (the window's lists keep it) starts
from it: old invoices paid long ago cost it nothing. The answers are the same
(tests/test_same_numbers.py and test_many_days.py hold them).
"""

from __future__ import annotations

import datetime as dt

from diva_desk.core.records import BookContents
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.unpaid import unpaid_invoices
from diva_desk.store.reports import aging_report, dso_trend, top_debtors
from diva_desk.ui.reports.report_models import read_figures

from .small_books import AS_OF, invoice, pay
from .test_many_days import paid_up_book, random_book, statements, vm_steps

#: SQL that reads every invoice's payments: the invoices still owing (store.invoices.unpaid)
#: or the aging's pass over the whole book.
WHOLE_BOOK = ("NOT INDEXED", "WHERE total > paid")


def test_the_reports_tab_weighs_the_book_once_for_all_its_figures(book) -> None:
    add_contents(random_book(200))
    with statements() as seen:
        figures = read_figures(AS_OF)
    whole = [sql for sql in seen if any(mark in sql for mark in WHOLE_BOOK)]
    assert len(whole) == 1, whole  # the aging and the top debtors start from it
    assert figures.aging == aging_report(AS_OF)
    assert figures.debtors == top_debtors(AS_OF, len(figures.debtors))


def long_paid(count: int) -> BookContents:
    """Invoices of the book's customers (paid_up_book's), three to twelve years old, all paid."""
    made, paid = [], []
    for n in range(count):
        issued = AS_OF - dt.timedelta(days=3 * 365 + (n * 7) % (9 * 365))
        number = f"OLD-{n:05d}"
        made.append(invoice(number, f"P{n % 30:03d}", "250", issued=issued, due=issued))
        paid.append(pay(number, "250", issued + dt.timedelta(days=n % 40)))
    return BookContents(invoices=tuple(made), payments=tuple(paid))


REPORTS = {
    "aging": lambda: aging_report(AS_OF),
    "debtors": lambda: top_debtors(AS_OF),
    "dso_trend": lambda: dso_trend(AS_OF),
}


def work_of_each_report() -> dict[str, int]:
    unpaid_invoices(AS_OF)  # as the window's lists do on its connection
    cost = {}
    for name, report in REPORTS.items():
        with vm_steps() as steps:
            report()
        cost[name] = steps[0]
    return cost


def test_a_report_on_a_connection_that_knows_the_unpaid_skips_old_paid_invoices(book) -> None:
    add_contents(paid_up_book(500, years=2))
    before = work_of_each_report()
    add_contents(long_paid(2000))  # five times the invoices, every new one paid long ago
    after = work_of_each_report()
    for name in REPORTS:
        # The same work, give or take SQLite's steps counted in thousands.
        assert after[name] <= before[name] * 1.2 + 2, (name, before, after)
