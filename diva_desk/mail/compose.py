"""The message for an invoice, a statement or a reminder: recipient, words and the PDF.

The PDF is the same document the window prints and the command line writes; the words
come from the email templates (mail.templates) in the book's language. A reminder
obeys the reminder letter's standing (store.calls.reminder_standing through
documents.letters.reminder.overdue_items): what a payment plan being kept or a promise not yet
due covers is never asked for, and when that is everything, the refusal is the letter's
own sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.invoices.instructions import instructions_for_all
from diva_desk.core.invoices.open_items import open_items
from diva_desk.core.invoices.pay_links import PayLink, link_for_invoice, links_for_items
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.core.money import ZERO
from diva_desk.core.papers import reminder_name
from diva_desk.errors import BadInput
from diva_desk.i18n import _, same_language, speaking
from diva_desk.i18n import format as fmt
from diva_desk.mail import templates
from diva_desk.mail.settings import checked_address
from diva_desk.store.book.db import db

Kind = str  # "invoice" | "statement" | "reminder"
REMINDER_LEVELS = ("friendly", "firm", "final")


@dataclass(frozen=True)
class Draft:
    """A message ready for the outbox (or for the owner's own mail program)."""

    kind: Kind
    #: The invoice number or the customer's code.
    about: str
    customer_id: int
    invoice_id: int | None
    to: str
    subject: str
    body: str
    attachment_name: str
    attachment: bytes
    #: One line for the customer's history.
    note: str


def recipient(customer: r.Customer) -> str:
    """The customer's accounts-payable email where there is one, else their email."""
    return (customer.ap_email or customer.email).strip()


#: Where the history line names the recipient of a message made with ``to=""`` for a
#: customer with no email (the window's compose dialog: the owner types one).
BLANK_TO = "{to}"


def _to(customer: r.Customer, to: str | None) -> str:
    """The recipient: ``to``, else the customer's. ``to=""`` asks for the customer's, or
    none (""), where ``None`` refuses a customer without one."""
    if to is not None and to.strip():
        return checked_address(_("to"), to)
    address = recipient(customer)
    if not address:
        if to is not None:
            return ""
        raise BadInput(
            _(
                "{customer} has no email address: add theirs (or their accounts-payable "
                "email) to the customer, or give the recipient"
            ).format(customer=customer.name)
        )
    return checked_address(_("to"), address)


def _file_name(name: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "-", name).strip().lstrip(".")
    return cleaned or "document"


def _first_word(name: str) -> str:
    words = name.split()
    return words[0] if words else ""


def _common(
    business: r.Business,
    customer: r.Customer,
    to: str,
    today: dt.date,
    currencies: list[str],
    instructions_by_currency: dict[str, str],
    links: list[PayLink],
) -> dict[str, str]:
    person = customer.ap_contact_name if to == customer.ap_email.strip() else ""
    person = person or customer.contact_name
    texts = instructions_for_all(
        business.payment_instructions, instructions_by_currency, currencies
    )
    instructions = "\n".join(f"{code}: {text}" if code else text for code, text in texts)
    return {
        "business_name": business.name,
        "owner_name": business.owner_name,
        "owner_first_name": _first_word(business.owner_name),
        "customer_name": customer.name,
        "contact_name": customer.contact_name,
        "contact_first_name": _first_word(customer.contact_name),
        "greeting_name": _first_word(person) or customer.name,
        "date": fmt.date(today, locale=mail_locale(business, customer)),
        "payment_instructions": instructions,
        "pay_link": pay_link_text(links),
    }


def pay_link_text(links: list[PayLink]) -> str:
    """The pay link for the message (core.invoices.pay_links), ``""`` for none; one per
    currency, each after its code, when a letter asks for several currencies."""
    if len(links) == 1:
        return links[0].url
    return "  ".join(f"{link.currency}: {link.url}" for link in links)


def mail_locale(business: r.Business, customer: r.Customer) -> str:
    """The customer's language when its email texts ship, else the book's.

    The attached PDF follows the customer's language anyway (documents.style); the
    message's words and figures stay together in one language.
    """
    # Here, not at the top: the window imports this module, and documents.style brings
    # ReportLab, which start-up leaves for the first PDF (tests/ui/shell/test_start_up.py).
    from diva_desk.documents.style import document_locale

    locale = document_locale(business, customer)
    if same_language(templates.template_folder(locale).name, locale):
        return locale
    return business.locale


def _filled(name: str, locale: str, values: dict[str, str], book_locale: str) -> tuple[str, str]:
    """The message in ``locale``; the owner's rewrite only where it is the book's language."""
    same = templates.template_folder(locale) == templates.template_folder(book_locale)
    text = templates.text_in_use(name, locale, in_book_language=same)
    filled = templates.fill(name, text, values)
    return filled.subject, filled.body


def invoice_draft(number: str, today: dt.date, to: str | None = None) -> Draft:
    """The email for a sent invoice, its PDF attached."""
    from diva_desk.documents.invoice import invoice_pdf
    from diva_desk.store.invoices.documents import invoice_document

    doc = invoice_document(number, today)
    invoice = doc.invoice
    if invoice.state is not r.InvoiceState.SENT:
        raise BadInput(
            _("{number} is a draft: send it (give it its number) before emailing it").format(
                number=number
            )
            if invoice.state is r.InvoiceState.DRAFT
            else _("{number} is void and cannot be emailed").format(number=number)
        )
    address = _to(doc.customer, to)
    locale = mail_locale(doc.business, doc.customer)
    total = invoice_totals(invoice.lines, invoice.currency).total
    paid = sum((p.amount for p in doc.payments), ZERO)
    owed = max(total - paid, ZERO)
    link = link_for_invoice(
        doc.business.payment_link, invoice.payment_link, invoice.number, owed, invoice.currency
    )
    values = _common(
        doc.business,
        doc.customer,
        address,
        today,
        [invoice.currency],
        dict(doc.instructions_by_currency),
        [] if link is None else [link],
    )
    values |= {
        "invoice": invoice.number,
        "total": fmt.money(total, invoice.currency, locale),
        "amount": fmt.money(owed, invoice.currency, locale),
        "issue_date": fmt.date(invoice.issue_date, locale=locale),
        "due_date": fmt.date(invoice.due_date, locale=locale),
        "po_number": invoice.po_number,
    }
    subject, body = _filled("invoice", locale, values, doc.business.locale)
    customer_id, invoice_id = db.execute_sql(
        "SELECT customer_id, id FROM invoice WHERE number = ?", (invoice.number,)
    ).fetchone()
    return Draft(
        kind="invoice",
        about=invoice.number,
        customer_id=customer_id,
        invoice_id=invoice_id,
        to=address,
        subject=subject,
        body=body,
        attachment_name=_file_name(invoice.number) + ".pdf",
        attachment=invoice_pdf(doc),
        note=_("Emailed invoice {number} to {to}.").format(
            number=invoice.number, to=address or BLANK_TO
        ),
    )


def _customer_id(code: str) -> int:
    row = db.execute_sql("SELECT id FROM customer WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise BadInput(_("no customer {code} in the book").format(code=code))
    return row[0]


def statement_draft(
    code: str, today: dt.date, to: str | None = None, since: dt.date | None = None
) -> Draft:
    """The email for a customer's statement of account, the statement attached."""
    from diva_desk.documents.letters.statement import statement_pdf
    from diva_desk.store.calls.letters import statement_document

    customer_id = _customer_id(code)
    doc = statement_document(code, today, payments_since=since)
    address = _to(doc.customer, to)
    locale = mail_locale(doc.business, doc.customer)
    items = open_items(doc.invoices, doc.payments, today)
    owed: dict[str, Decimal] = {}
    late: dict[str, Decimal] = {}
    for item in items:
        currency = item.invoice.currency
        owed[currency] = owed.get(currency, ZERO) + item.balance
        if item.days_past_due > 0:
            late[currency] = late.get(currency, ZERO) + item.balance
    first = doc.customer.currency
    currencies = list(owed) or [first]
    values = _common(
        doc.business,
        doc.customer,
        address,
        today,
        currencies,
        dict(doc.instructions_by_currency),
        links_for_items(doc.business.payment_link, items),
    )
    values |= {
        "total_owed": fmt.money_in_currencies(owed, first, locale),
        "overdue": fmt.money_in_currencies(late, first, locale),
    }
    subject, body = _filled("statement", locale, values, doc.business.locale)
    return Draft(
        kind="statement",
        about=code,
        customer_id=customer_id,
        invoice_id=None,
        to=address,
        subject=subject,
        body=body,
        attachment_name=f"{_file_name(code)}-statement-{today.isoformat()}.pdf",
        attachment=statement_pdf(doc),
        note=_("Emailed a statement of account to {to}.").format(to=address or BLANK_TO),
    )


def reminder_draft(
    code: str, today: dt.date, level: str = "friendly", to: str | None = None
) -> Draft:
    """The email for a reminder, the letter attached; BadInput (the letter's own
    sentence) when nothing may be reminded of."""
    from diva_desk.documents.letters.reminder import (
        DEFAULT_DAYS_TO_PAY,
        overdue_items,
        reminder_pdf,
        totals_by_currency,
    )
    from diva_desk.store.calls.letters import reminder_document

    if level not in REMINDER_LEVELS:
        raise BadInput(
            _("level: {level} is not one of {levels}").format(
                level=level, levels=", ".join(REMINDER_LEVELS)
            )
        )
    customer_id = _customer_id(code)
    doc = reminder_document(code, today)
    items = overdue_items(doc, today)  # the standing's refusal, word for word
    address = _to(doc.customer, to)
    locale = mail_locale(doc.business, doc.customer)
    totals = totals_by_currency(items, doc.installments)
    first = doc.customer.currency
    with speaking(locale):
        lines = [
            _("{invoice}: {amount}, due {due_date}").format(
                invoice=i.invoice.number,
                amount=fmt.money(i.balance, i.invoice.currency, locale),
                due_date=fmt.date(i.invoice.due_date, locale=locale),
            )
            for i in items
        ] + [
            _("Payment-plan installment: {amount}, due {due_date}").format(
                amount=fmt.money(m.amount, m.currency, locale),
                due_date=fmt.date(m.due_date, locale=locale),
            )
            for m in doc.installments
        ]
    single = [i.invoice.number for i in items]
    values = _common(
        doc.business,
        doc.customer,
        address,
        today,
        list(totals) or [first],
        dict(doc.instructions_by_currency),
        links_for_items(doc.business.payment_link, items),
    )
    amount = fmt.money_in_currencies(totals, first, locale)
    values |= {
        "amount": amount,
        "invoices": "\n".join(f"  • {line}" for line in lines),
        "pay_by": fmt.date(today + dt.timedelta(days=DEFAULT_DAYS_TO_PAY), locale=locale),
    }
    subject, body = _filled(f"reminder_{level}", locale, values, doc.business.locale)
    return Draft(
        kind="reminder",
        about=code,
        customer_id=customer_id,
        invoice_id=_invoice_id(single[0]) if len(single) == 1 else None,
        to=address,
        subject=subject,
        body=body,
        attachment_name=f"{_file_name(code)}-reminder-{level}-{today.isoformat()}.pdf",
        attachment=reminder_pdf(doc, level),
        # The customer's history is the owner's: their language and formats.
        note=_("Emailed a {reminder} for {amount} to {to}.").format(
            reminder=reminder_name(level),
            amount=fmt.money_in_currencies(totals, first),
            to=address or BLANK_TO,
        ),
    )


def _invoice_id(number: str) -> int:
    return db.execute_sql("SELECT id FROM invoice WHERE number = ?", (number,)).fetchone()[0]
