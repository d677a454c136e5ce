"""The customers list, and one customer at a time: create, edit, archive or delete.

A customer with invoices is never deleted, only archived: their invoices, payments
and history are the book's record and still have to be collected. A customer
with no invoice (a typo, a duplicate) may be deleted, together with the notes,
promises and follow-ups that were about them, in one transaction.

The list of all customers (with balances, ratings and cut-offs) is three queries
whatever the size of the book. One customer's history is in
:mod:`diva_desk.store.customers.timeline`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from peewee import fn

from diva_desk.core import records as r
from diva_desk.core.customers.billing_text import next_cutoff_near
from diva_desk.core.customers.history import RatingKind
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.book.settings import suggested_deposit_percent
from diva_desk.store.customers.history import CustomerStanding, customer_ratings
from diva_desk.store.invoices.lists import CustomerRow, customer_fields

# --- the list -------------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerListRow(CustomerRow):
    """A row of the customer list: what they owe, how they pay, and their next cut-off."""

    rating: RatingKind | None = None
    rating_reason: str = ""
    suggested_terms: str = ""
    invoice_cutoff_day: int | None = None
    #: The next cut-off when it is close enough to act on (see billing_text), else None.
    cutoff_soon: dt.date | None = None


def customer_list(
    today: dt.date,
    default_deposit_percent: Decimal | None = None,
    *,
    rated: bool = True,
) -> list[CustomerListRow]:
    """Every customer (archived ones too: the list filters), in three queries.

    ``default_deposit_percent`` is suggested to new and slow customers with none of
    their own; by default, the book's setting. With ``rated=False`` the ratings are
    left out (``rating`` None) and the list is two queries that do not read every
    invoice: the window's list rates the customers it shows (:func:`with_ratings`).
    """
    if default_deposit_percent is None and rated:
        default_deposit_percent = suggested_deposit_percent()
    standings: dict[int, CustomerStanding] = (
        customer_ratings(today, default_deposit_percent) if rated else {}
    )
    rows = []
    for fields in customer_fields(today, "invoice_cutoff_day"):
        standing = standings.get(fields["id"])
        cutoff = fields["invoice_cutoff_day"]
        rows.append(
            CustomerListRow(
                **fields,
                rating=standing.rating.kind if standing else None,
                rating_reason=standing.rating.reason if standing else "",
                suggested_terms=standing.suggested_terms if standing else "",
                cutoff_soon=next_cutoff_near(today, cutoff) if cutoff is not None else None,
            )
        )
    return rows


def with_ratings(
    rows: Sequence[CustomerListRow], standings: Mapping[int, CustomerStanding]
) -> list[CustomerListRow]:
    """The rows with the rating of each customer in ``standings`` (the others as they are)."""
    return [
        dataclasses.replace(
            row,
            rating=standing.rating.kind,
            rating_reason=standing.rating.reason,
            suggested_terms=standing.suggested_terms,
        )
        if (standing := standings.get(row.id)) is not None
        else row
        for row in rows
    ]


# --- one customer ---------------------------------------------------------------------


def get_customer(customer_id: int) -> r.Customer:
    """The customer as a record; BadInput when it is gone (deleted in another window)."""
    row = m.Customer.get_or_none(m.Customer.id == customer_id)
    if row is None:
        raise BadInput(_("That customer is no longer in the book."))
    values = {f.name: getattr(row, f.name) for f in dataclasses.fields(r.Customer)}
    method = values["preferred_payment_method"]
    values["preferred_payment_method"] = r.PaymentMethod(method) if method else None
    values["payment_run_days"] = tuple(values["payment_run_days"])
    values["archived"] = bool(values["archived"])
    return r.Customer(**values)


def code_in_use(code: str, *, except_id: int | None = None) -> str | None:
    """Another customer's code, as stored, when it is this one in any case ("acme" -> "ACME").

    SQLite's lower() folds ASCII letters only; the table's UNIQUE constraint still
    refuses an exact duplicate of a code with other letters.
    """
    query = m.Customer.select(m.Customer.code).where(
        fn.lower(m.Customer.code) == code.strip().lower()
    )
    if except_id is not None:
        query = query.where(m.Customer.id != except_id)
    row = query.first()
    return None if row is None else str(row.code)


def code_taken(code: str, *, except_id: int | None = None) -> bool:
    """Whether another customer has this code, ignoring case ("acme" would be ACME's)."""
    return code_in_use(code, except_id=except_id) is not None


def _values(customer: r.Customer) -> dict[str, object]:
    values = dataclasses.asdict(customer)
    method = customer.preferred_payment_method
    values["preferred_payment_method"] = method.value if method else None
    values["code"] = customer.code.strip()
    return values


def create_customer(customer: r.Customer) -> int:
    """Add a customer (already checked by core.customer_rules); returns the new id."""
    with db.atomic():
        taken = code_in_use(customer.code)
        if taken is not None:
            raise BadInput(_("Another customer already has the code {code}.").format(code=taken))
        return int(m.Customer.insert(**_values(customer)).execute())


def update_customer(customer_id: int, customer: r.Customer) -> None:
    """Replace every field of a customer; a code change keeps their invoices with them."""
    with db.atomic():
        taken = code_in_use(customer.code, except_id=customer_id)
        if taken is not None:
            raise BadInput(_("Another customer already has the code {code}.").format(code=taken))
        changed = (
            m.Customer.update(**_values(customer)).where(m.Customer.id == customer_id).execute()
        )
        if not changed:
            raise BadInput(_("That customer is no longer in the book."))


def set_archived(customer_id: int, archived: bool) -> None:
    """Archive (hide from pick lists, still collected) or bring back a customer."""
    m.Customer.update(archived=archived).where(m.Customer.id == customer_id).execute()


def invoice_count(customer_id: int) -> int:
    return m.Invoice.select().where(m.Invoice.customer == customer_id).count()


def delete_customer(customer_id: int) -> None:
    """Delete a customer who has no invoice, with everything that was about them.

    Refused (BadInput) when they have invoices: archive them instead.
    """
    with db.atomic():
        if invoice_count(customer_id):
            raise BadInput(_("A customer with invoices cannot be deleted; archive them instead."))
        plans = m.PaymentPlan.select(m.PaymentPlan.id).where(m.PaymentPlan.customer == customer_id)
        m.Installment.delete().where(m.Installment.plan.in_(plans)).execute()
        for model in (
            m.PaymentPlan,
            m.Promise,
            m.Followup,
            m.Interaction,
            m.RecurringInvoice,
            m.Quote,
        ):
            model.delete().where(model.customer == customer_id).execute()
        m.Customer.delete().where(m.Customer.id == customer_id).execute()
