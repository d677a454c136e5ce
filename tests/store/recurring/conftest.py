"""A business with a retainer customer, for the recurring invoices' tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core import records as r
from diva_desk.core.invoices.recurrence import Every
from diva_desk.store.book import models as m
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.recurring.schedules import Schedule, save_schedule

RETAINER = r.InvoiceLine(
    "Monthly retainer", Decimal("1"), Decimal("1500.00"), taxes=(r.LineTax("HST", Decimal("13")),)
)


@pytest.fixture
def shop(book):
    add_contents(
        r.BookContents(
            business=r.Business(name="Diva Design", invoice_prefix="INV-", next_invoice_number=100),
            customers=(
                r.Customer(code="ACME", name="Acme Ltd.", terms_days=15, phone="555-0100"),
                r.Customer(code="CAFE", name="Café Olé", currency="USD"),
            ),
        )
    )
    return {c.code: c.id for c in m.Customer.select()}


def schedule_for(customer_id: int, start: dt.date, **changes) -> int:
    values = {
        "customer_id": customer_id,
        "every": Every.MONTH,
        "next_date": start,
        "currency": "CAD",
        "lines": (RETAINER,),
        **changes,
    }
    return save_schedule(Schedule(**values))
