"""What an invoice draft holds, and the checks every draft passes before the book keeps it.

The editor, the command line, recurring schedules and quotes are all held to these
(store.invoices.editing saves and sends; a quote's lines are checked as an invoice's).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.currencies import currency_problem, minor_places
from diva_desk.core.invoices.pay_links import pay_link_sentence
from diva_desk.core.money import RATE_PLACES, ZERO, fits_currency
from diva_desk.core.text_limits import clean, cleaned, invoice_text_problem
from diva_desk.errors import BadInput
from diva_desk.i18n import _

_QUANTUM = Decimal(1).scaleb(-RATE_PLACES)
_CURRENCY = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class InvoiceDraft:
    """What the invoice editor holds before it is saved."""

    customer_id: int
    issue_date: dt.date
    due_date: dt.date
    po_number: str = ""
    currency: str = r.DEFAULT_CURRENCY
    deposit_amount: Decimal = ZERO
    deposit_due_date: dt.date | None = None
    notes: str = ""
    lines: tuple[r.InvoiceLine, ...] = field(default=())
    #: This invoice's own pay link template; "" uses the business's.
    payment_link: str = ""


def checked_draft(draft: InvoiceDraft) -> InvoiceDraft:
    """The draft cleaned as the book keeps it, or ``BadInput`` naming the field and line.

    What every invoice is held to; a recurring invoice's lines are checked by it too.
    """
    draft = replace(cleaned(draft), lines=tuple(cleaned_line(line) for line in draft.lines))
    check_draft(draft)
    return draft


def cleaned_line(line: r.InvoiceLine) -> r.InvoiceLine:
    """The line with its texts cleaned and its taxes as the book keeps them: a tax at
    a zero rate charges nothing and is not kept (as the editor's "No tax")."""
    taxes = tuple(
        r.LineTax(clean("tax_name", tax.name).strip(), tax.rate) for tax in line.taxes if tax.rate
    )
    return replace(cleaned(line), taxes=taxes)


def check_draft(draft: InvoiceDraft) -> None:
    """Refuse what the editor should not have let through, naming the field and line."""
    if draft.due_date < draft.issue_date:
        raise BadInput(_("The due date is before the issue date."))
    if not _CURRENCY.fullmatch(draft.currency):
        raise BadInput(
            _('The currency "{currency}" is not a three-letter code such as CAD.').format(
                currency=draft.currency
            )
        )
    if problem := currency_problem(draft.currency):
        raise BadInput(_("Currency: {problem}").format(problem=problem))
    _check_amount(draft.deposit_amount, _("The deposit"), draft.currency)
    if draft.deposit_amount > 0 and draft.deposit_due_date is None:
        raise BadInput(_("Give the date the deposit is due."))
    if problem := invoice_text_problem(draft.po_number, draft.notes, draft.lines):
        raise BadInput(problem)
    if problem := pay_link_sentence(draft.payment_link):
        raise BadInput(problem)
    for n, line in enumerate(draft.lines, start=1):
        if not line.description.strip():
            raise BadInput(_("Line {n}: describe the work or goods.").format(n=n))
        if line.quantity <= 0 or line.quantity != line.quantity.quantize(_QUANTUM):
            raise BadInput(
                _("Line {n}: the quantity must be above 0, with at most 4 decimals.").format(n=n)
            )
        if line.unit_price < 0 or line.unit_price != line.unit_price.quantize(_QUANTUM):
            raise BadInput(
                _("Line {n}: the unit price must be 0 or more, with at most 4 decimals.").format(
                    n=n
                )
            )
        names: set[str] = set()
        for tax in line.taxes:
            if tax.rate < 0 or tax.rate != tax.rate.quantize(_QUANTUM):
                raise BadInput(_("Line {n}: the tax rate is not a valid rate.").format(n=n))
            if not tax.name:
                raise BadInput(_("Line {n}: give the tax a name.").format(n=n))
            if tax.name in names:
                raise BadInput(_("Line {n}: {tax} is on the line twice.").format(n=n, tax=tax.name))
            names.add(tax.name)


def _check_amount(amount: Decimal, what: str, currency: str) -> None:
    if amount < 0 or not fits_currency(amount, currency):
        raise BadInput(
            _("{what} must be an amount of 0 or more, with at most {places} decimals.").format(
                what=what, places=minor_places(currency)
            )
        )
