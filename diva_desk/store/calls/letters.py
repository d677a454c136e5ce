"""The customer's collection papers, gathered from the book in a few bounded queries.

A statement, a reminder letter and a meeting pack each read one customer's open
invoices and recent payments, never the whole book; the reminder leaves off what an
agreement in force holds back (store.calls.reminder_standing).
"""

from __future__ import annotations

import datetime as dt

from diva_desk.core import records as r
from diva_desk.core.calls.plans import proposed_plan
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.invoices.open_items import open_items
from diva_desk.core.money import ZERO, from_minor
from diva_desk.core.papers import (
    MAX_PAYMENTS,
    CustomerPack,
    MeetingPackDocument,
    PaidLine,
    PromiseLine,
    ReminderDocument,
    StatementDocument,
)
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.as_of import owed_on, paid_by
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.book.settings import payment_instructions_by_currency
from diva_desk.store.calls.reminder_standing import letter_standing
from diva_desk.store.contents.reading import customers_by_code
from diva_desk.store.customers.history import promise_outcomes
from diva_desk.store.invoices.documents import letterhead
from diva_desk.store.invoices.records import invoices_by_id, payments_of


def _customer(code: str) -> tuple[int, r.Customer]:
    customer_id = m.Customer.select(m.Customer.id).where(m.Customer.code == code).scalar()
    if customer_id is None:
        raise BadInput(_("no customer {code} in the book").format(code=code))
    return customer_id, customers_by_code([code])[code]


# Invoices of one customer owed something on :as_of (store.as_of's rule), plus (when
# asked) those with a payment from :since to :as_of, so the statement can list
# recent payments on invoices that are now paid.
_STATEMENT_INVOICES = f"""
    SELECT i.id FROM invoice i
    WHERE i.customer_id = :customer AND {owed_on(":as_of")}
      AND i.total_cents > {paid_by(":as_of")}
    UNION
    SELECT DISTINCT i.id FROM invoice i JOIN payment p ON p.invoice_id = i.id
    WHERE i.customer_id = :customer AND {owed_on(":as_of")}
      AND :since IS NOT NULL AND p.date >= :since AND p.date <= :as_of
"""


def _open_invoices(
    customer_id: int, code: str, since: dt.date | None, as_of: dt.date
) -> tuple[list[r.Invoice], list[r.Payment]]:
    """The customer's invoices owed on ``as_of`` and the payments on them dated by then.

    A payment dated after ``as_of`` has not arrived on that day, so it is left off
    and the balances are those of the aging and the status bar on the same day.
    """
    params = {
        "customer": customer_id,
        "as_of": as_of.isoformat(),
        "since": since.isoformat() if since else None,
    }
    ids = [row[0] for row in db.execute_sql(_STATEMENT_INVOICES, params)]
    invoices = invoices_by_id(ids, code)
    numbers = {invoice_id: inv.number for invoice_id, inv in invoices.items()}
    payments = [p for _id, p in payments_of(numbers) if p.date <= as_of]
    ordered = sorted(invoices.values(), key=lambda inv: (inv.due_date, inv.number))
    return ordered, payments


def statement_document(
    code: str, today: dt.date, payments_since: dt.date | None = None
) -> StatementDocument:
    """A customer's statement on ``today``: open invoices, and payments since ``payments_since``.

    Without ``payments_since`` the statement lists the payments on the open
    invoices only (partial payments), which keeps it bounded for a long customer.
    A statement of a past day is the account as it stood that day (store.as_of).
    """
    business, logo = letterhead()
    customer_id, customer = _customer(code)
    invoices, payments = _open_invoices(customer_id, code, payments_since, today)
    return StatementDocument(
        business=business,
        customer=customer,
        invoices=invoices,
        payments=payments,
        today=today,
        payments_since=payments_since,
        logo=logo,
        instructions_by_currency=payment_instructions_by_currency(),
    )


def reminder_document(code: str, today: dt.date, pay_by: dt.date | None = None) -> ReminderDocument:
    """A payment reminder letter for what the customer may be reminded of on ``today``.

    What a payment plan being kept, a promise not yet due or an open problem covers
    is left off (core.calls.holds, the call list's rule); an installment missed is
    asked for instead of the balance its plan spreads out.
    """
    business, logo = letterhead()
    customer_id, customer = _customer(code)
    invoices, payments = _open_invoices(customer_id, code, None, today)
    standing = letter_standing(customer_id, today)
    return ReminderDocument(
        business=business,
        customer=customer,
        invoices=invoices,
        payments=payments,
        today=today,
        pay_by=pay_by,
        logo=logo,
        held=standing.held_numbers,
        held_amounts=standing.held_amounts,
        installments=standing.standing.missed,
        hold=standing.reason,
        instructions_by_currency=payment_instructions_by_currency(),
    )


_RECENT_PAYMENTS = """
    SELECT p.date, i.number, p.amount_cents, i.currency FROM payment p
    JOIN invoice i ON i.id = p.invoice_id
    WHERE i.customer_id = ? AND p.date <= ? ORDER BY p.date DESC, p.id DESC LIMIT ?
"""
_PROMISES = """
    SELECT pr.id, pr.made_on, pr.promised_date, pr.amount_cents, i.number, i.currency
    FROM promise pr LEFT JOIN invoice i ON i.id = pr.invoice_id
    WHERE pr.customer_id = ? AND pr.made_on <= ? ORDER BY pr.promised_date DESC, pr.id DESC
"""


def meeting_pack_document(code: str, today: dt.date) -> MeetingPackDocument:
    """One customer's sit-down meeting page: what is open, paid, promised, and a plan.

    Kept or broken comes from store.history.promise_outcomes, the derivation the
    rating and the call list share; the plan proposed is core.plans.proposed_plan
    of what is owed in the customer's currency.
    """
    business, logo = letterhead()
    customer_id, customer = _customer(code)
    invoices, payments = _open_invoices(customer_id, code, None, today)
    day = today.isoformat()
    history = [
        PaidLine(dt.date.fromisoformat(d), number, from_minor(units, currency), currency)
        for d, number, units, currency in db.execute_sql(
            _RECENT_PAYMENTS, (customer_id, day, MAX_PAYMENTS)
        )
    ]
    outcomes = promise_outcomes(today, customer_id)
    promises = [
        PromiseLine(
            made_on=dt.date.fromisoformat(made_on),
            promised_date=dt.date.fromisoformat(promised),
            amount=from_minor(units, currency or customer.currency),
            currency=currency or customer.currency,
            status=outcomes[pid].status,
            invoice=number,
        )
        for pid, made_on, promised, units, number, currency in db.execute_sql(
            _PROMISES, (customer_id, day)
        )
        if pid in outcomes
    ]
    owed = sum(
        (item.balance for item in open_items(invoices, payments, today)
         if item.invoice.currency == customer.currency),
        ZERO,
    )  # fmt: skip
    pack = CustomerPack(
        customer=customer,
        invoices=invoices,
        payments=payments,
        history=history,
        promises=promises,
        promises_kept=sum(p.status is PromiseStatus.KEPT for p in promises),
        promises_broken=sum(p.status is PromiseStatus.BROKEN for p in promises),
        proposed_plan=proposed_plan(owed, today, customer.currency),
    )
    return MeetingPackDocument(business=business, packs=(pack,), today=today, logo=logo)
