"""The sit-down meeting pack: one page per customer to bring to the table (habit 5).

When calls have not worked, the owner asks to sit down. The page lays out the facts
both sides can agree on (open invoices and their age, what was paid lately, the
promises kept and broken), a payment plan to start the conversation from, and a
short agenda that keeps the meeting respectful and ends with a next step. It has
the invoices' look (letterhead, accent bands, hairline tables) and no rating or
judgement, since the customer may well read it across the table.

Each customer's part is shrunk to fit its page if a long history would spill over;
the tables already show only the most recent rows (the counts say what was left out).
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Paragraph, Spacer

from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.invoices.open_items import OpenItem, aging_by_currency, open_items
from diva_desk.core.money import ZERO
from diva_desk.core.papers import (
    MAX_OPEN_INVOICES,
    MAX_PAYMENTS,
    MAX_PROMISES,
    CustomerPack,
    MeetingPackDocument,
)
from diva_desk.documents import blocks, style
from diva_desk.documents.page import build_pdf
from diva_desk.documents.tables import Table
from diva_desk.i18n import _, current_locale, ngettext, speaking

#: The notes' ruled lines, and the least room worth giving them.
NOTE_LINE_GAP = 7 * mm
MIN_NOTES_HEIGHT = 25 * mm


def agenda() -> list[str]:
    """The meeting in five steps: warm, factual, and ending with something agreed."""
    return [
        _("Thank them for their business and for making the time to meet."),
        _("Agree the facts: the open invoices and the payments received, as listed here."),
        _("Hear what is going on: their cash flow, and any problem with the work."),
        _("Agree a plan they can keep: the one proposed here, or one that suits them better."),
        _("Confirm the next step: the first payment date, and when we will speak next."),
    ]


def _header(doc: MeetingPackDocument, pack: CustomerPack, f: style.Formats) -> Flowable:
    facts = [
        (_("Meeting date"), f.date(doc.today)),
        (_("Account"), style.text(pack.customer.code)),
    ]
    right = [
        Paragraph(style.text(_("Meeting pack").upper()), style.TITLE),
        Spacer(1, 6),
        blocks.facts_table(facts),
    ]
    return blocks.letterhead(doc.business, doc.logo, right)


def _who_and_owed(
    pack: CustomerPack, items: list[OpenItem], f: style.Formats, today: dt.date, width: float
) -> Flowable:
    who = [Paragraph(style.text(_("Meeting with").upper()), style.LABEL)]
    who += blocks.customer_block(pack.customer)
    phone = pack.customer.phone.strip()
    if phone:
        who.append(Paragraph(style.text(phone), style.BODY))
    ap = blocks.accounts_payable_block(pack.customer)
    if ap:
        who += [Spacer(1, 4), *ap]
    aging = aging_by_currency(items)
    amounts = [f.money(t.total, currency) for currency, t in aging.items()] or [
        f.money(ZERO, pack.customer.currency)
    ]
    note = _("as of {date}").format(date=style.fmt.date(today, locale=f.locale))
    band = Table(
        [
            [Paragraph(style.text(_("Total owed")), style.BALANCE_LABEL)],
            [Paragraph("<br/>".join(amounts), style.BALANCE)],
            [Paragraph(style.text(note), style.BALANCE_NOTE)],
        ],
        colWidths=[width * 0.44],
    )
    band.setStyle(blocks.band_style())
    table = Table([[who, "", band]], colWidths=[width * 0.5, width * 0.06, width * 0.44])
    table.setStyle(blocks.plain_table_style())
    return table


def _more(shown: int, total: int) -> list[Flowable]:
    if total <= shown:
        return []
    text = _("and {count} more").format(count=total - shown)
    return [Spacer(1, 2), Paragraph(style.text(text), style.SMALL)]


def _open_invoices(items: list[OpenItem], f: style.Formats, width: float) -> list[Flowable]:
    parts: list[Flowable] = [blocks.section(_("Open invoices"))]
    if not items:
        return [*parts, Paragraph(style.text(_("Nothing is owed today.")), style.BODY)]
    rows: list[list[object]] = [
        blocks.head(
            _("Invoice"), _("Issued"), _("Due"), _("Days late"), _("Paid"), _("Balance"),
            numeric_from=3,
        )
    ]  # fmt: skip
    for item in items[:MAX_OPEN_INVOICES]:
        inv = item.invoice
        rows.append(
            [
                Paragraph(style.text(inv.number), style.CELL),
                Paragraph(f.date(inv.issue_date), style.CELL),
                Paragraph(f.date(inv.due_date), style.CELL),
                Paragraph(
                    f.number(item.days_past_due) if item.days_past_due > 0 else "—",
                    style.CELL_RIGHT,
                ),
                Paragraph(f.money(item.paid, inv.currency), style.CELL_RIGHT),
                Paragraph(f.money(item.balance, inv.currency), style.CELL_BOLD_RIGHT),
            ]
        )
    fixed = [26 * mm, 26 * mm, 20 * mm, 26 * mm, 28 * mm]
    table = Table(rows, colWidths=[width - sum(fixed), *fixed])
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=3))
    return [*parts, table, *_more(MAX_OPEN_INVOICES, len(items))]


def _payments(pack: CustomerPack, f: style.Formats, width: float) -> list[Flowable]:
    parts: list[Flowable] = [blocks.section(_("Recent payments"))]
    if not pack.history:
        return [*parts, Paragraph(style.text(_("No payments received yet.")), style.BODY)]
    rows: list[list[object]] = [blocks.head(_("Date"), _("Invoice"), _("Amount"), numeric_from=2)]
    for paid in pack.history[:MAX_PAYMENTS]:
        rows.append(
            [
                Paragraph(f.date(paid.date), style.CELL),
                Paragraph(style.text(paid.invoice), style.CELL),
                Paragraph(f.money(paid.amount, paid.currency), style.CELL_RIGHT),
            ]
        )
    table = Table(rows, colWidths=[width * 0.34, width * 0.3, width * 0.36])
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=2))
    return [*parts, table]


def status_label(status: PromiseStatus) -> str:
    labels = {
        PromiseStatus.KEPT: _("Kept"),
        PromiseStatus.BROKEN: _("Not kept"),
        PromiseStatus.PENDING: _("Pending"),
    }
    return labels[status]


def _promises(pack: CustomerPack, f: style.Formats, width: float) -> list[Flowable]:
    parts: list[Flowable] = [blocks.section(_("Promises to pay"))]
    if not pack.promises:
        return [*parts, Paragraph(style.text(_("No promises on record.")), style.BODY)]
    kept, broken = pack.promises_kept, pack.promises_broken
    summary = _("{kept}, {broken}").format(
        kept=ngettext("{count} kept", "{count} kept", kept).format(count=f.number(kept)),
        broken=ngettext("{count} not kept", "{count} not kept", broken).format(
            count=f.number(broken)
        ),
    )
    rows: list[list[object]] = [
        blocks.head(_("Promised for"), _("Amount"), _("Outcome"), numeric_from=1)
    ]
    for promise in pack.promises[:MAX_PROMISES]:
        cell = style.CELL_BOLD_RIGHT if promise.status is PromiseStatus.BROKEN else style.CELL_RIGHT
        rows.append(
            [
                Paragraph(f.date(promise.promised_date), style.CELL),
                Paragraph(f.money(promise.amount, promise.currency), style.CELL_RIGHT),
                Paragraph(style.text(status_label(promise.status)), cell),
            ]
        )
    table = Table(rows, colWidths=[width * 0.36, width * 0.34, width * 0.3])
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=1))
    return [
        *parts,
        Paragraph(summary, style.SMALL),
        Spacer(1, 3),
        table,
        *_more(MAX_PROMISES, len(pack.promises)),
    ]


def _plan(pack: CustomerPack, f: style.Formats, width: float) -> list[Flowable]:
    parts: list[Flowable] = [blocks.section(_("Proposed payment plan"))]
    if not pack.proposed_plan:
        return [*parts, Paragraph(style.text(_("No plan needed.")), style.BODY)]
    currency = pack.customer.currency
    rows: list[list[object]] = [blocks.head("#", _("Date"), _("Amount"), numeric_from=2)]
    for n, inst in enumerate(pack.proposed_plan, start=1):
        rows.append(
            [
                Paragraph(f.number(n), style.CELL),
                Paragraph(f.date(inst.due_date), style.CELL),
                Paragraph(f.money(inst.amount, currency), style.CELL_RIGHT),
            ]
        )
    total = sum((i.amount for i in pack.proposed_plan), ZERO)
    rows.append(
        [
            Paragraph(style.text(_("Total")), style.CELL_BOLD),
            "",
            Paragraph(f.money(total, currency), style.CELL_BOLD_RIGHT),
        ]
    )
    table = Table(rows, colWidths=[width * 0.16, width * 0.44, width * 0.4])
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=2, total_row=True))
    return [*parts, table]


def _agenda(width: float) -> list[Flowable]:
    parts: list[Flowable] = [blocks.section(_("Agenda"))]
    rows = [
        [Paragraph(f"{n}.", style.CELL_BOLD), Paragraph(style.text(item), style.CELL)]
        for n, item in enumerate(agenda(), start=1)
    ]
    table = Table(rows, colWidths=[width * 0.08, width * 0.92])
    table.setStyle(blocks.totals_table_style([]))
    return [*parts, table]


class NoteLines(Flowable):
    """Ruled lines for notes in the meeting, filling what is left of the page."""

    def __init__(self, title: Paragraph) -> None:
        super().__init__()
        self.title = title
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = availHeight if availHeight >= MIN_NOTES_HEIGHT else 0.0
        return self.width, self.height

    def draw(self) -> None:
        if not self.height:
            return
        _w, title_height = self.title.wrap(self.width, self.height)
        top = self.height - style.SECTION.spaceBefore
        self.title.drawOn(self.canv, 0, top - title_height)
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(style.RULE)
        canvas.setLineWidth(0.4)
        y = top - title_height - NOTE_LINE_GAP
        while y >= 0:
            canvas.line(0, y, self.width, y)
            y -= NOTE_LINE_GAP
        canvas.restoreState()


def _side_by_side(left: list[Flowable], right: list[Flowable], width: float) -> Table:
    table = Table([[left, "", right]], colWidths=[width * 0.48, width * 0.04, width * 0.48])
    table.setStyle(blocks.plain_table_style())
    return table


def _customer_page(
    doc: MeetingPackDocument, pack: CustomerPack, f: style.Formats, width: float, height: float
) -> Flowable:
    items = open_items(pack.invoices, pack.payments, doc.today)
    half = width * 0.48
    story: list[Flowable] = [
        _header(doc, pack, f),
        Spacer(1, 8 * mm),
        _who_and_owed(pack, items, f, doc.today, width),
        Spacer(1, 4 * mm),
        *_open_invoices(items, f, width),
        Spacer(1, 3 * mm),
        _side_by_side(_payments(pack, f, half), _promises(pack, f, half), width),
        Spacer(1, 3 * mm),
        _side_by_side(_plan(pack, f, half), _agenda(half), width),
    ]
    for part in story:
        if isinstance(part, Table):
            part.hAlign = "LEFT"  # shrunk to fit, a table must not drift to the middle
    return KeepInFrame(width, height, story, mode="shrink", hAlign="LEFT")


def meeting_pack_pdf(doc: MeetingPackDocument) -> bytes:
    """The pack as PDF bytes: one page per customer, in the order given.

    Each customer's page is in that customer's language; the title and footers are
    too when every customer in the pack speaks the same one, else the business's.
    """
    locales = [style.document_locale(doc.business, pack.customer) for pack in doc.packs]
    with speaking(locales[0] if len(set(locales)) == 1 else doc.business.locale):
        return _meeting_pack_pdf(doc, locales)


def _meeting_pack_pdf(doc: MeetingPackDocument, locales: list[str]) -> bytes:
    locale = doc.business.locale
    width = style.content_width(locale)
    page_height = style.page_size_for(locale)[1]
    # The frame's height as page.build_pdf lays it out (margins and footer band).
    height = page_height - 2 * style.MARGIN - style.FOOTER_HEIGHT + 6 - 1
    story: list[Flowable] = []
    for n, (pack, pack_locale) in enumerate(zip(doc.packs, locales, strict=True)):
        if n:
            story.append(PageBreak())
        with speaking(pack_locale):  # each customer's page in their language
            f = style.Formats(pack_locale)
            story.append(_customer_page(doc, pack, f, width, height))
            story.append(NoteLines(blocks.section(_("Notes and what we agreed"))))
    names = ", ".join(p.customer.name for p in doc.packs)
    spoken = current_locale()
    return build_pdf(
        story,
        locale=spoken,
        page_locale=locale,
        title=_("Meeting pack: {customers}").format(customers=names),
        author=doc.business.name,
        footer_left=blocks.footer_line(doc.business)
        + "  ·  "
        + _("Meeting pack {date}").format(date=style.fmt.date(doc.today, locale=spoken)),
    )
