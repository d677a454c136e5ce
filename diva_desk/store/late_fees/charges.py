"""The late-interest charges due on a day: one per customer and currency, from the book.

Four statements whatever the book's size: the business's terms, the overdue invoices
late enough to charge (sent, not themselves a charge, still owed on the day, of a
customer whose agreed rate is above 0), their payments up to the day, and each
customer's last charge per currency (void ones count: a waived charge was charged).
The rule itself is core.late_fees.interest.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.late_fees.interest import Charge, LateInvoice, interest_charge
from diva_desk.core.money import from_minor, from_units, to_units
from diva_desk.store.as_of import open_on
from diva_desk.store.book.db import db
from diva_desk.store.late_fees.terms import late_fee_terms


@dataclass(frozen=True)
class CustomerCharge:
    """A charge for one customer in one currency, with who they are."""

    customer_id: int
    code: str
    name: str
    charge: Charge

    @property
    def key(self) -> tuple[int, str]:
        return self.customer_id, self.charge.currency


# The customer's own rate, else the business's (:rate, ten-thousandths).
_RATE = "COALESCE(c.late_fee_percent_units, :rate)"
_LATE = f"""
    FROM invoice i JOIN customer c ON c.id = i.customer_id
    WHERE i.late_fee_through IS NULL AND i.due_date <= :late_since AND {_RATE} > 0
      AND {open_on(":day")}"""
_INVOICES = f"""
    SELECT i.id, i.customer_id, c.code, c.name, {_RATE}, i.number, i.currency, i.due_date,
           i.total_cents {_LATE}
    ORDER BY c.code, i.currency, i.due_date, i.number"""
_PAYMENTS = f"""
    SELECT p.invoice_id, p.date, p.amount_cents FROM payment p
    WHERE p.date <= :day AND p.invoice_id IN (SELECT i.id {_LATE})"""
_LAST_CHARGES = """
    SELECT customer_id, currency, MAX(late_fee_through) FROM invoice
    WHERE late_fee_through IS NOT NULL GROUP BY customer_id, currency"""


def late_fee_charges(day: dt.date) -> list[CustomerCharge]:
    """What applying on ``day`` would charge, by customer code and currency."""
    terms = late_fee_terms()
    late_since = day - dt.timedelta(days=max(terms.grace_days, 1))
    params = {
        "rate": to_units(terms.percent_per_month),
        "day": day.isoformat(),
        "late_since": late_since.isoformat(),
    }
    with db.atomic():
        rows = list(db.execute_sql(_INVOICES, params))
        if not rows:
            return []
        paid: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
        for invoice_id, date, cents in db.execute_sql(_PAYMENTS, params):
            paid[invoice_id].append((dt.date.fromisoformat(date[:10]), cents))
        last = {
            (customer_id, currency): dt.date.fromisoformat(through[:10])
            for customer_id, currency, through in db.execute_sql(_LAST_CHARGES)
        }
    groups: dict[tuple[int, str], list[LateInvoice]] = defaultdict(list)
    who: dict[int, tuple[str, str, Decimal]] = {}
    for invoice_id, customer_id, code, name, rate, number, currency, due, total in rows:
        who[customer_id] = (code, name, from_units(rate))
        groups[customer_id, currency].append(
            LateInvoice(
                number=number,
                due_date=dt.date.fromisoformat(due[:10]),
                total=from_minor(total, currency),
                payments=tuple(
                    (date, from_minor(cents, currency)) for date, cents in paid[invoice_id]
                ),
            )
        )
    found: list[CustomerCharge] = []
    for (customer_id, currency), invoices in groups.items():
        code, name, rate = who[customer_id]
        charge = interest_charge(
            invoices,
            day=day,
            currency=currency,
            percent_per_month=rate,
            grace_days=terms.grace_days,
            last_charge=last.get((customer_id, currency)),
        )
        if charge is not None:
            found.append(CustomerCharge(customer_id, code, name, charge))
    return found
