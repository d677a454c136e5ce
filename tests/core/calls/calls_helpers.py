"""Small hand-built situations for the call-list rules: one customer, a few facts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.core.calls import CustomerFacts, OpenInvoice

#: A week in November 2026: Monday the 16th to Sunday the 22nd.
MON, TUE, WED, THU, FRI, SAT, SUN = (dt.date(2026, 11, d) for d in range(16, 23))
NEXT_MON = dt.date(2026, 11, 23)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def customer(cid: int = 1, code: str = "ACME", **kw: object) -> CustomerFacts:
    return CustomerFacts(
        id=cid, code=code, name=kw.pop("name", f"{code.title()} Ltd."), contact_name="Pat Jones",
        phone="+1 416 555 0100", **kw,
    )  # fmt: skip


def invoice(
    iid: int = 1,
    due: dt.date = MON,
    total: str = "1000.00",
    paid: str = "0",
    customer_id: int = 1,
    **kw: object,
) -> OpenInvoice:
    issue = kw.pop("issue_date", due - days(30))
    return OpenInvoice(
        id=iid, number=f"INV-{1000 + iid}", customer_id=customer_id, currency="CAD",
        issue_date=issue, due_date=due, total=Decimal(total), paid=Decimal(paid),
        sent_date=kw.pop("sent_date", issue), received_confirmed_date=kw.pop("confirmed", issue),
        **kw,
    )  # fmt: skip
