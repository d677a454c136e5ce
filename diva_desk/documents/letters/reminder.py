"""Payment reminder letters, in three steps that stay courteous all the way.

Getting paid respectfully: the first letter assumes an oversight, the second asks
for payment by a date and offers a payment plan, the last pauses further work until
the balance is settled or a plan is agreed. None threatens; every one lists exactly
what is open, so the reader can act on it without looking anything up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from diva_desk.core.calls.model import MissedInstallment
from diva_desk.core.invoices.open_items import OpenItem, open_items
from diva_desk.core.invoices.pay_links import links_for_items
from diva_desk.core.money import ZERO
from diva_desk.core.papers import ReminderDocument
from diva_desk.core.records import Business, Customer
from diva_desk.documents import blocks, style
from diva_desk.documents.interest import late_interest
from diva_desk.documents.page import build_pdf
from diva_desk.documents.pay_link import beside_instructions
from diva_desk.documents.tables import Table
from diva_desk.errors import BadInput
from diva_desk.i18n import _

#: Days a firm or final reminder gives, unless the owner sets a date.
DEFAULT_DAYS_TO_PAY = 7


class ReminderLevel(StrEnum):
    FRIENDLY = "friendly"
    FIRM = "firm"
    FINAL = "final"


def _para(template: str, **values: str) -> str:
    """A translated sentence as markup, with its filled-in values in bold."""
    return style.text(template).format(**{k: f"<b>{style.text(v)}</b>" for k, v in values.items()})


def _subject(level: ReminderLevel, code: str) -> str:
    if level is ReminderLevel.FRIENDLY:
        return _("Friendly reminder: account {account}").format(account=code)
    if level is ReminderLevel.FIRM:
        return _("Payment reminder: account {account}").format(account=code)
    return _("Final reminder: account {account}").format(account=code)


def _body(level: ReminderLevel, total: str, pay_by: str, on_plan: bool = False) -> list[str]:
    """The letter's paragraphs (markup) above the list of invoices.

    ``on_plan``: the letter asks for a missed installment, so the customer already
    has a plan; the firm letter offers to adjust it rather than to make one.
    """
    if level is ReminderLevel.FRIENDLY:
        return [
            _para(
                _(
                    "I hope this finds you well. This is a friendly reminder that the "
                    "balance of {total} on your account, for the invoices listed below, has "
                    "not reached us yet. It has probably just slipped through the cracks; "
                    "it happens to all of us."
                ),
                total=total,
            ),
            _para(
                _(
                    "If you have already sent the payment, thank you, and please disregard "
                    "this letter. If anything on these invoices is unclear or not what we "
                    "agreed, just let me know and I will gladly sort it out."
                )
            ),
        ]
    if level is ReminderLevel.FIRM:
        return [
            _para(
                _(
                    "I am writing about the balance of {total} on your account; the invoices "
                    "are listed below with the days each is past due. I have not yet "
                    "received a payment or heard back about them."
                ),
                total=total,
            ),
            _para(
                _(
                    "Could you please arrange payment by {date}? If something is holding it "
                    "up, such as an approval, a question about the work or a missing purchase "
                    "order, tell me and I will help resolve it right away."
                ),
                date=pay_by,
            ),
            _para(
                _(
                    "If an installment of our payment plan is difficult to pay right now, "
                    "please call me before then so that we can adjust the plan together."
                )
                if on_plan
                else _(
                    "If paying the full amount at once is difficult right now, please call "
                    "me before then: I am glad to talk about a payment plan that works for "
                    "both of us."
                )
            ),
        ]
    return [
        _para(
            _(
                "Despite my earlier reminders, the balance of {total} on your account, "
                "for the invoices listed below, remains unpaid. I value our work together, "
                "and I would much rather settle this with you directly."
            ),
            total=total,
        ),
        _para(
            _(
                "Until the balance is settled or we have agreed on a payment plan, I am "
                "pausing further work on your account. Please arrange payment by {date}, "
                "or contact me before then so that we can agree on a plan together."
            ),
            date=pay_by,
        ),
    ]


def _closing(level: ReminderLevel, business: Business) -> str:
    if level is ReminderLevel.FINAL:
        text = _("As soon as that is done, I will be glad to pick up where we left off.")
    else:
        text = _("Thank you for your business; I value working with you.")
    # A phone number broken over two lines is hard to dial.
    phone, email = business.phone.strip().replace(" ", "\u00a0"), business.email.strip()
    if phone and email:
        reach = _para(
            _("You can reach me directly at {phone} or {email}."), phone=phone, email=email
        )
    elif phone or email:
        reach = _para(_("You can reach me directly at {contact}."), contact=phone or email)
    else:
        reach = ""
    return " ".join(p for p in (_para(text), reach) if p)


def _recipient(customer: Customer) -> list[Flowable]:
    attention = customer.ap_contact_name or customer.contact_name
    parts: list[Flowable] = [Paragraph(style.text(customer.name), style.BODY_TIGHT_BOLD)]
    if attention:
        parts.append(
            Paragraph(style.text(_("Attention: {name}").format(name=attention)), style.BODY_TIGHT)
        )
    if customer.address.strip():
        parts.append(Paragraph(style.text(customer.address.strip()), style.BODY_TIGHT))
    return parts


def totals_by_currency(
    items: Sequence[OpenItem], installments: Sequence[MissedInstallment]
) -> dict[str, Decimal]:
    """What the letter asks for, per currency: amounts in two currencies are never added."""
    totals: dict[str, Decimal] = {}
    for currency, amount in [(i.invoice.currency, i.balance) for i in items] + [
        (m.currency, m.amount) for m in installments
    ]:
        totals[currency] = totals.get(currency, ZERO) + amount
    return totals


def _installment_label(missed: MissedInstallment) -> str:
    if missed.invoice:
        return _("{invoice} (installment)").format(invoice=missed.invoice)
    return _("Payment-plan installment")


def _invoice_table(
    items: list[OpenItem],
    installments: Sequence[MissedInstallment],
    today: dt.date,
    f: style.Formats,
    width: float,
) -> Table:
    rows: list[list[object]] = [
        blocks.head(
            _("Invoice"), _("Issued"), _("Due"), _("Days past due"), _("Balance"), numeric_from=3
        )
    ]
    lines = [
        (item.invoice.due_date, inv.number, inv.issue_date, item.days_past_due, item.balance,
         inv.currency)
        for item in items
        for inv in [item.invoice]
    ] + [
        (m.due_date, _installment_label(m), None, (today - m.due_date).days, m.amount,
         m.currency)
        for m in installments
    ]  # fmt: skip
    lines.sort(key=lambda line: (line[0], line[1]))
    for due, label, issued, days, balance, currency in lines:
        rows.append(
            [
                Paragraph(style.text(label), style.CELL),
                # An installment was agreed, not issued: its plan's date would mislead.
                Paragraph(f.date(issued) if issued else "—", style.CELL),
                Paragraph(f.date(due), style.CELL),
                Paragraph(f.number(days) if days > 0 else "—", style.CELL_RIGHT),
                Paragraph(f.money(balance, currency), style.CELL_RIGHT),
            ]
        )
    for currency, total in totals_by_currency(items, installments).items():
        rows.append(
            [
                Paragraph(style.text(_("Total")), style.CELL_BOLD),
                *[""] * 3,
                Paragraph(f.money(total, currency), style.CELL_BOLD_RIGHT),
            ]
        )
    table = Table(
        rows, colWidths=[width * 0.3, width * 0.16, width * 0.16, width * 0.18, width * 0.2]
    )
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=3, total_row=True))
    return table


def _signature(level: ReminderLevel, business: Business) -> Flowable:
    closing = _("Sincerely,") if level is ReminderLevel.FINAL else _("Kind regards,")
    parts: list[Flowable] = [Paragraph(style.text(closing), style.BODY_TIGHT), Spacer(1, 10 * mm)]
    if business.owner_name.strip():
        parts.append(Paragraph(style.text(business.owner_name), style.BODY_TIGHT_BOLD))
    parts.append(Paragraph(style.text(business.name), style.BODY_TIGHT))
    return KeepTogether(parts)


def _top_right(logo: bytes | None) -> list[Flowable]:
    """A letter keeps the logo beside the sender, not above, to leave room for the text."""
    image = blocks.logo_image(logo)
    return [] if image is None else [image]


def _address_and_date(customer: Customer, today: str, width: float) -> Table:
    table = Table(
        [[_recipient(customer), Paragraph(style.text(today), style.LETTER_DATE)]],
        colWidths=[width * 0.6, width * 0.4],
    )
    table.setStyle(blocks.plain_table_style())
    return table


def _less_held(item: OpenItem, held: Decimal) -> OpenItem:
    """The item asking only for what an agreement does not cover."""
    return dataclasses.replace(item, balance=max(item.balance - held, ZERO)) if held else item


def overdue_items(doc: ReminderDocument, today: dt.date) -> list[OpenItem]:
    """The invoices a reminder may ask for: past their due date with a balance.

    An invoice not yet due is not late, and asking for it would be asking to be
    paid early; so it stays off the letter and out of its total, and so does what
    an agreement being kept covers (``doc.held``). BadInput when there is nothing
    to remind of, in a sentence the window can show as it is: the agreement's
    (``doc.hold``) when one holds back all that is overdue.
    """
    items = open_items(doc.invoices, doc.payments, today)
    if not items and not doc.installments:
        raise BadInput(
            _("{customer} owes nothing at the moment; there is nothing to remind them of.").format(
                customer=doc.customer.name
            )
        )
    overdue = [
        _less_held(i, doc.held_amounts.get(i.invoice.number, ZERO))
        for i in items
        if i.days_past_due > 0 and i.invoice.number not in doc.held
    ]
    overdue = [i for i in overdue if i.balance > ZERO]
    if overdue or doc.installments:
        return overdue
    if doc.hold:
        raise BadInput(doc.hold)
    raise BadInput(
        _("{customer} has nothing overdue: no reminder is needed.").format(
            customer=doc.customer.name
        )
    )


@style.in_customer_language
def reminder_pdf(doc: ReminderDocument, level: ReminderLevel | str) -> bytes:
    """A reminder letter at ``level`` (friendly, firm or final) as PDF bytes."""
    level = ReminderLevel(level)
    today = doc.today or dt.date.today()
    pay_by = doc.pay_by or today + dt.timedelta(days=DEFAULT_DAYS_TO_PAY)
    locale = style.document_locale(doc.business, doc.customer)
    f = style.Formats(locale)
    width = style.content_width(doc.business.locale)
    items = overdue_items(doc, today)
    totals = totals_by_currency(items, doc.installments)
    total = " + ".join(
        style.fmt.money(amount, currency, locale=locale) for currency, amount in totals.items()
    )
    attention = doc.customer.ap_contact_name or doc.customer.contact_name
    greeting = _("Dear {name},").format(name=attention) if attention else _("Hello,")
    story: list[Flowable] = [
        blocks.letterhead(doc.business, None, _top_right(doc.logo)),
        Spacer(1, 9 * mm),
        _address_and_date(doc.customer, style.fmt.date(today, style="long", locale=locale), width),
        Spacer(1, 8 * mm),
        Paragraph(style.text(_subject(level, doc.customer.code)), style.SUBJECT),
        Paragraph(style.text(greeting), style.BODY_LETTER),
    ]
    pay_by_text = style.fmt.date(pay_by, style="long", locale=locale)
    story += [
        Paragraph(p, style.BODY_LETTER)
        for p in _body(level, total, pay_by_text, bool(doc.installments))
    ]
    originals, charges = late_interest.split_interest(items)  # interest apart (issue 16)
    if originals or doc.installments or not charges:
        story += [Spacer(1, 2), _invoice_table(originals, doc.installments, today, f, width)]
    story += [*late_interest.interest_table(charges, f, width), Spacer(1, 6 * mm)]
    how = blocks.how_to_pay(doc.business, doc.instructions_by_currency, totals)
    links = links_for_items(doc.business.payment_link, items)
    how = beside_instructions(how, links, f, width)
    if how:
        story.append(KeepTogether([*how, Spacer(1, 5 * mm)]))
    story.append(Paragraph(_closing(level, doc.business), style.BODY_LETTER))
    story.append(_signature(level, doc.business))
    return build_pdf(
        story,
        locale=locale,
        page_locale=doc.business.locale,
        title=_subject(level, doc.customer.code),
        author=doc.business.owner_name or doc.business.name,
        footer_left=blocks.footer_line(doc.business),
    )
