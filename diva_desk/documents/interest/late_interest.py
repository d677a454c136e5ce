"""Late interest on the documents (docs/late-fees.md): the agreed terms stated with their
yearly rate (Canada's Interest Act, s. 4) on invoices and statements, and the interest
charged shown apart from the original invoices on statements and reminders."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from diva_desk.core.invoices.open_items import OpenItem
from diva_desk.core.late_fees.terms import agreed_percent, stated_terms
from diva_desk.core.money import ZERO
from diva_desk.core.records import Business, Customer, Invoice
from diva_desk.documents import blocks, style
from diva_desk.documents.tables import LongTable
from diva_desk.i18n import _


def terms_note(
    business: Business, customer: Customer, invoice: Invoice | None = None
) -> list[Flowable]:
    """ "Interest on overdue balances: 2% a month (24% a year)." when the customer's agreed
    rate is above 0; nothing on a late-interest charge itself, which bears none."""
    if invoice is not None and invoice.late_fee_through is not None:
        return []
    percent = agreed_percent(
        customer.late_fee_percent_per_month, business.late_fee_percent_per_month
    )
    text = stated_terms(percent)
    if not text:
        return []
    return [Spacer(1, 4 * mm), Paragraph(style.text(text), style.BODY)]


def split_interest(items: Sequence[OpenItem]) -> tuple[list[OpenItem], list[OpenItem]]:
    """The original invoices, and the late-interest charges, in their order."""
    originals = [i for i in items if i.invoice.late_fee_through is None]
    charges = [i for i in items if i.invoice.late_fee_through is not None]
    return originals, charges


def interest_table(items: Sequence[OpenItem], f: style.Formats, width: float) -> list[Flowable]:
    """ "Interest charged": each charge still owed, the day it runs to, and its balance."""
    if not items:
        return []
    rows: list[list[object]] = [
        blocks.head(_("Charge"), _("Issued"), _("Interest up to"), _("Balance"), numeric_from=3)
    ]
    totals: dict[str, Decimal] = {}
    for item in items:
        inv = item.invoice
        totals[inv.currency] = totals.get(inv.currency, ZERO) + item.balance
        rows.append(
            [
                Paragraph(style.text(inv.number), style.CELL),
                Paragraph(f.date(inv.issue_date), style.CELL),
                Paragraph(f.date(inv.late_fee_through), style.CELL),
                Paragraph(f.money(item.balance, inv.currency), style.CELL_BOLD_RIGHT),
            ]
        )
    for currency, total in totals.items():
        rows.append(
            [
                Paragraph(style.text(_("Total interest")), style.CELL_BOLD),
                "",
                "",
                Paragraph(f.money(total, currency), style.CELL_BOLD_RIGHT),
            ]
        )
    (amount,) = blocks.column_widths(rows, [3], [width * 0.2])
    rest = width - amount
    widths = [rest * 0.4, rest * 0.3, rest * 0.3, amount]
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=3, total_row=True))
    return [*blocks.table_section(_("Interest charged")), table]
