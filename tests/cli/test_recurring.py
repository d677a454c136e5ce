"""``diva-desk recurring run [--date D]``: what it made, nothing the second time, bad dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from diva_desk import paths
from diva_desk.core import records as r
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import add_contents

RETAINER = r.InvoiceLine("Retainer", Decimal(1), Decimal("1000.00"))


def _book(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    open_book(paths.book_path(folder))
    try:
        add_contents(
            r.BookContents(
                business=r.Business(name="Studio", invoice_prefix="S-", next_invoice_number=7),
                customers=(r.Customer("ACME", "Acme Ltd."),),
                recurring_invoices=(
                    r.RecurringInvoice(
                        "ACME", r.Every.MONTH, dt.date(2027, 1, 31), (RETAINER,), send=True
                    ),
                    r.RecurringInvoice(
                        "ACME", r.Every.QUARTER, dt.date(2027, 2, 1), (RETAINER,), interval=2
                    ),
                ),
            )
        )
    finally:
        close_book()
    return folder


def test_recurring_run_prints_each_invoice_made_then_nothing(tmp_path: Path, cli):
    folder = _book(tmp_path)

    code, out, err = cli("--data-dir", folder, "recurring", "run", "--date", "2027-03-31")

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Made 4 recurring invoices:",
        "S-7      Jan 31, 2027  Acme Ltd. (ACME)  $1,000.00  sent",
        "DRAFT-2  Feb 1, 2027   Acme Ltd. (ACME)  $1,000.00  draft: look at it, then send",
        "S-8      Feb 28, 2027  Acme Ltd. (ACME)  $1,000.00  sent",
        "S-9      Mar 31, 2027  Acme Ltd. (ACME)  $1,000.00  sent",
    ]
    code, out, err = cli("--data-dir", folder, "recurring", "run", "--date", "2027-03-31")
    assert (code, out, err) == (0, "No recurring invoice was due up to Mar 31, 2027.\n", "")


def test_a_bad_date_exits_2_and_makes_nothing(tmp_path: Path, cli):
    folder = _book(tmp_path)

    code, out, err = cli("--data-dir", folder, "recurring", "run", "--date", "2027-02-30")

    assert code == 2 and out == ""
    assert '"2027-02-30" is not a date in the form YYYY-MM-DD' in err
    code, out, _err = cli("--data-dir", folder, "recurring", "run", "--date", "2027-01-30")
    assert out.startswith("No recurring invoice was due")
