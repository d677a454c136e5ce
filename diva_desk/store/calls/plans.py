"""Payment plans as the customer's page and the invoice detail show them.

Met, missed and upcoming are derived (core.plans.installment_status) from the
payments since the plan was agreed toward what it covers, counted exactly as the
call list counts them (store.calls), so the page and the morning list agree.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.calls.plans import InstallmentState, InstallmentStatus, installment_status
from diva_desk.core.money import from_minor
from diva_desk.core.records import Installment
from diva_desk.store.book.db import db


@dataclass(frozen=True)
class PlanView:
    id: int
    customer_id: int
    agreed_on: dt.date
    #: The invoice it covers, or ``None`` (and ``""``) for the customer's whole balance.
    invoice_id: int | None
    invoice_number: str
    currency: str
    paid_since_agreed: Decimal
    installments: tuple[InstallmentState, ...]

    @property
    def finished(self) -> bool:
        return all(i.status is InstallmentStatus.MET for i in self.installments)


_PLANS = """
SELECT pl.id, pl.customer_id, pl.agreed_on, pl.invoice_id, COALESCE(about.number, ''),
       COALESCE(about.currency, c.currency), COALESCE(SUM(p.amount_cents), 0)
FROM payment_plan pl
JOIN customer c ON c.id = pl.customer_id
LEFT JOIN invoice about ON about.id = pl.invoice_id
LEFT JOIN invoice i
    ON i.customer_id = pl.customer_id
   AND (i.id = pl.invoice_id OR (pl.invoice_id IS NULL AND i.issue_date <= pl.agreed_on))
LEFT JOIN payment p ON p.invoice_id = i.id AND p.date >= pl.agreed_on AND p.date <= :day
WHERE pl.agreed_on <= :day
  AND (:customer IS NULL OR pl.customer_id = :customer)
  AND (:invoice IS NULL OR pl.invoice_id = :invoice)
GROUP BY pl.id
ORDER BY pl.agreed_on DESC, pl.id DESC
"""


def payment_plans(
    today: dt.date, customer_id: int | None = None, invoice_id: int | None = None
) -> list[PlanView]:
    """The plans agreed by ``today`` (newest first), of one customer or about one invoice."""
    params = {"day": today.isoformat(), "customer": customer_id, "invoice": invoice_id}
    rows = db.execute_sql(_PLANS, params).fetchall()
    if not rows:
        return []
    ids = [row[0] for row in rows]
    marks = ",".join("?" * len(ids))
    currencies = {row[0]: row[5] for row in rows}
    installments: dict[int, list[Installment]] = defaultdict(list)
    for plan_id, due, units in db.execute_sql(
        f"SELECT plan_id, due_date, amount_cents FROM installment WHERE plan_id IN ({marks})"
        " ORDER BY plan_id, position, id",
        ids,
    ):
        amount = from_minor(units, currencies[plan_id])
        installments[plan_id].append(Installment(dt.date.fromisoformat(due), amount))
    views = []
    for pid, cid, agreed, inv_id, number, currency, paid_units in rows:
        paid = from_minor(paid_units, currency)
        views.append(
            PlanView(
                id=pid,
                customer_id=cid,
                agreed_on=dt.date.fromisoformat(agreed),
                invoice_id=inv_id,
                invoice_number=number,
                currency=currency,
                paid_since_agreed=paid,
                installments=tuple(installment_status(installments[pid], paid, today)),
            )
        )
    return views
