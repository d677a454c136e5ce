"""The statement of account: everything a customer still owes, and how old it is.

Accounts payable reconciles against it, so it lists every open invoice with its
dates, age, total, what was paid and the balance; the payments since the last
statement (so they can see theirs arrived); and the aging buckets a collector and
a clerk both think in.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from diva_desk.core.invoices.open_items import OpenItem, aging_by_currency, open_items
from diva_desk.core.invoices.pay_links import PayLink, links_for_items
from diva_desk.core.invoices.payment_methods import payment_method_label
from diva_desk.core.money import ZERO
from diva_desk.core.papers import StatementDocument
from diva_desk.core.reports.aging import AgingBucket, AgingTotals, aging_totals, bucket_label
from diva_desk.documents import blocks, style
from diva_desk.documents.interest import late_interest
from diva_desk.documents.page import build_pdf
from diva_desk.documents.pay_link import pay_link_block
from diva_desk.documents.tables import LongTable, Table
from diva_desk.i18n import _


def _header(doc: StatementDocument, f: style.Formats, today: dt.date) -> Flowable:
    facts = [
        (_("Statement date"), f.date(today)),
        (_("Account"), style.text(doc.customer.code)),
    ]
    if doc.payments_since:
        facts.append((_("Payments since"), f.date(doc.payments_since)))
    right = [
        Paragraph(style.text(_("Statement").upper()), style.TITLE),
        Spacer(1, 6),
        blocks.facts_table(facts),
    ]
    return blocks.letterhead(doc.business, doc.logo, right)


def _addresses(doc: StatementDocument, width: float, right: list[Flowable]) -> Flowable:
    to = [Paragraph(style.text(_("Statement for").upper()), style.LABEL)]
    to += blocks.customer_block(doc.customer)
    ap = blocks.accounts_payable_block(doc.customer)
    if ap:
        to += [Spacer(1, 6), *ap]
    table = Table([[to, "", right]], colWidths=[width * 0.5, width * 0.06, width * 0.44])
    table.setStyle(blocks.plain_table_style())
    return table


def _due_block(
    doc: StatementDocument,
    aging: dict[str, AgingTotals],
    f: style.Formats,
    today: dt.date,
    width: float,
    links: list[PayLink],
) -> list[Flowable]:
    """Total due, large (a line per currency when there are several), then how to pay
    and the pay link for all of it (core.invoices.pay_links.link_for_letter)."""
    amounts = [f.money(totals.total, currency) for currency, totals in aging.items()]
    note = _("as of {date}").format(date=style.fmt.date(today, locale=f.locale))
    band = Table(
        [
            [Paragraph(style.text(_("Total due")), style.BALANCE_LABEL)],
            # A seven-figure total is set smaller rather than broken over two lines.
            [Paragraph("<br/>".join(amounts), blocks.fitted_style(style.BALANCE, amounts, width))],
            [Paragraph(style.text(note), style.BALANCE_NOTE)],
        ],
        colWidths=[width],
    )
    band.setStyle(blocks.band_style())
    parts: list[Flowable] = [band]
    how = blocks.how_to_pay(doc.business, doc.instructions_by_currency, aging)
    how += pay_link_block(links, f, width, amounts=True, gap=bool(how))
    if how:
        parts += [Spacer(1, 5 * mm), *how]
    return parts


def _aging_table(aging: dict[str, AgingTotals], f: style.Formats, width: float) -> list[Flowable]:
    labels = [bucket_label(b) for b in AgingBucket]
    rows: list[list[object]] = [blocks.head(*labels, _("Total due"), numeric_from=0)]
    for currency, totals in aging.items():
        rows.append(
            [Paragraph(f.money(totals.buckets[b], currency), style.CELL_RIGHT) for b in AgingBucket]
            + [Paragraph(f.money(totals.total, currency), style.CELL_BOLD_RIGHT)]
        )
    # Six equal columns while the amounts fit; wider amounts take what they need.
    needed = blocks.column_widths(rows, range(6), [0.0] * 6)
    spare = max(width - sum(needed), 0) / 6
    widths = [w + spare for w in needed]
    if max(needed) <= width / 6:
        widths = [width / 6] * 6
    table = Table(rows, colWidths=widths)
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=0))
    heading = Paragraph(style.text(_("Aging (days past due date)").upper()), style.LABEL)
    return [KeepTogether([heading, Spacer(1, 3), table])]


def _open_table(items: list[OpenItem], f: style.Formats, width: float) -> list[Flowable]:
    section = blocks.table_section(_("Open invoices"))
    if not items:
        return [*section, Paragraph(style.text(_("Nothing is owed. Thank you!")), style.BODY)]
    rows: list[list[object]] = [
        blocks.head(
            _("Invoice"),
            _("Issued"),
            _("Due"),
            _("Days past due"),
            _("Total"),
            _("Paid"),
            _("Balance"),
            numeric_from=3,
        )
    ]
    for item in items:
        inv = item.invoice
        age = f.number(item.days_past_due) if item.days_past_due > 0 else "—"
        rows.append(
            [
                Paragraph(style.text(inv.number), style.CELL),
                Paragraph(f.date(inv.issue_date), style.CELL),
                Paragraph(f.date(inv.due_date), style.CELL),
                Paragraph(age, style.CELL_RIGHT),
                Paragraph(f.money(item.total, inv.currency), style.CELL_RIGHT),
                Paragraph(f.money(item.paid, inv.currency), style.CELL_RIGHT),
                Paragraph(f.money(item.balance, inv.currency), style.CELL_BOLD_RIGHT),
            ]
        )
    for currency, totals in aging_by_currency(items).items():
        rows.append(
            [
                Paragraph(style.text(_("Total due")), style.CELL_BOLD),
                *[""] * 5,
                Paragraph(f.money(totals.total, currency), style.CELL_BOLD_RIGHT),
            ]
        )
    # Dates and amounts take the room they need on one line (an amount never breaks
    # mid-number); the invoice number takes the rest.
    # Past seven figures the columns give up their spare room (the days' heading
    # then takes three lines) so the invoice number keeps its line too.
    fixed = blocks.column_widths(rows, range(1, 7), _OPEN_LEAST)
    number = max(blocks.needed_width(row[0]) for row in rows[1 : len(items) + 1])
    if width - sum(fixed) < number:
        fixed = blocks.column_widths(rows, range(1, 7), [0.0] * 6)
    widths = [width - sum(fixed), *fixed]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=3, total_row=True))
    return [*section, table]


#: The open invoices' columns after the number: issued, due, days past due, three amounts.
_OPEN_LEAST = (0, 0, 20 * mm, 20 * mm, 20 * mm, 22 * mm)


def _payments_table(doc: StatementDocument, f: style.Formats, width: float) -> list[Flowable]:
    since = doc.payments_since
    listed = sorted(
        (p for p in doc.payments if since is None or p.date >= since),
        key=lambda p: (p.date, p.invoice),
    )
    if since is None:
        title = _("Payments received")
    else:
        title = _("Payments received since {date}").format(
            date=style.fmt.date(since, locale=f.locale)
        )
    section = blocks.table_section(title)
    if not listed:
        return [*section, Paragraph(style.text(_("No payments in this period.")), style.BODY)]
    currency = {inv.number: inv.currency for inv in doc.invoices}
    rows: list[list[object]] = [
        blocks.head(
            _("Date"), _("Invoice"), _("Method"), _("Reference"), _("Received"), numeric_from=4
        )
    ]
    received: dict[str, Decimal] = {}
    for payment in listed:
        paid_in = currency.get(payment.invoice, doc.customer.currency)
        received[paid_in] = received.get(paid_in, ZERO) + payment.amount
        rows.append(
            [
                Paragraph(f.date(payment.date), style.CELL),
                Paragraph(style.text(payment.invoice), style.CELL),
                Paragraph(style.text(payment_method_label(payment.method)), style.CELL),
                Paragraph(style.text(payment.reference), style.CELL),
                # A payment is money in: printed positive under "Received", and
                # totalled (per currency) so it can be ticked off a bank statement.
                Paragraph(f.money(payment.amount, paid_in), style.CELL_RIGHT),
            ]
        )
    for paid_in, amount in sorted(received.items()):
        rows.append(
            [
                Paragraph(style.text(_("Total received")), style.CELL_BOLD),
                *[""] * 3,
                Paragraph(f.money(amount, paid_in), style.CELL_BOLD_RIGHT),
            ]
        )
    # The amount takes the room it needs on one line; the rest share what is left.
    (amount,) = blocks.column_widths(rows, [4], [width * 0.18])
    rest = width - amount
    widths = [rest * share for share in (0.22, 0.22, 0.24, 0.32)] + [amount]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=4, total_row=True))
    return [*section, table]


@style.in_customer_language
def statement_pdf(doc: StatementDocument) -> bytes:
    """The statement as PDF bytes."""
    today = doc.today or dt.date.today()
    locale = style.document_locale(doc.business, doc.customer)
    f = style.Formats(locale)
    width = style.content_width(doc.business.locale)
    items = open_items(doc.invoices, doc.payments, today)
    aging = aging_by_currency(items)
    originals, charges = late_interest.split_interest(items)  # interest apart (issue 16)
    links = links_for_items(doc.business.payment_link, items)
    if not aging:
        aging = {doc.customer.currency: aging_totals([])}
    story: list[Flowable] = [
        _header(doc, f, today),
        Spacer(1, 10 * mm),
        _addresses(doc, width, _due_block(doc, aging, f, today, width * 0.44, links)),
        Spacer(1, 8 * mm),
        *_aging_table(aging, f, width),
        *(_open_table(originals, f, width) if originals or not charges else []),
        *late_interest.interest_table(charges, f, width),
        *_payments_table(doc, f, width),
        *late_interest.terms_note(doc.business, doc.customer),
    ]
    title = _("Statement of account for {customer}").format(customer=doc.customer.name)
    dated = _("Statement {date}").format(date=style.fmt.date(today, locale=locale))
    return build_pdf(
        story,
        locale=locale,
        page_locale=doc.business.locale,
        title=title,
        author=doc.business.name,
        footer_left=blocks.footer_line(doc.business) + "  ·  " + dated,
        # Every page after the first names the customer, in case the pages part.
        running_head=f"{dated}  ·  {doc.customer.name} ({doc.customer.code})",
    )
