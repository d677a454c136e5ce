"""An invoice's own pay link, changed after it is sent, and the link as it stands today.

A sent invoice's lines are locked (the customer's accounts payable keyed them in), but
its pay link is not something they key in: the owner may make a Stripe or Square link
for it later, and the next reminder or statement should carry it.
"""

from __future__ import annotations

import datetime as dt

from diva_desk.core import records as r
from diva_desk.core.invoices.pay_links import PayLink, link_for_invoice, pay_link_sentence
from diva_desk.core.money import from_minor
from diva_desk.core.text_limits import clean
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.as_of import paid_by
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.invoices.records import invoice_row


def set_payment_link(invoice_id: int, template: str) -> None:
    """Keep ``template`` as the invoice's own pay link ("" to use the business's).

    BadInput, changing nothing, for a void invoice or a template that cannot be a link.
    """
    template = clean("payment_link", template).strip()
    if problem := pay_link_sentence(template):
        raise BadInput(problem)
    with db.atomic():
        row = invoice_row(invoice_id)
        if row.state == r.InvoiceState.VOID:
            raise BadInput(_("{number} is void; it asks for no payment.").format(number=row.number))
        m.Invoice.update(payment_link=template).where(m.Invoice.id == invoice_id).execute()


def invoice_pay_link(invoice_id: int, today: dt.date) -> PayLink | None:
    """The link the invoice prints on ``today`` (its balance as of then), or None when
    nothing is owed or no template applies."""
    row = invoice_row(invoice_id)
    if row.state == r.InvoiceState.VOID:
        return None
    business = m.Business.select(m.Business.payment_link).where(m.Business.id == 1).scalar()
    sql = f"SELECT MAX(i.total_cents - {paid_by(':day')}, 0) FROM invoice i WHERE i.id = :id"
    owed = db.execute_sql(sql, {"day": today.isoformat(), "id": invoice_id}).fetchone()[0]
    balance = from_minor(owed, row.currency)
    return link_for_invoice(business or "", row.payment_link, row.number, balance, row.currency)


def business_pay_link() -> str:
    """The business's pay link template ("" when it has none, or no profile yet)."""
    template = m.Business.select(m.Business.payment_link).where(m.Business.id == 1).scalar()
    return template or ""
