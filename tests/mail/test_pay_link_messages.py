"""The pay link in the emails: the invoice's balance, the letters' total, the invoice's own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee

from diva_desk.mail import compose
from diva_desk.store.book.models import Business, Invoice
from diva_desk.store.invoices.payments import record_payment

TODAY = dt.date.today()
TEMPLATE = "https://pay.example/{number}?amount={amount}&currency={currency}"


def test_each_message_carries_the_link_for_what_it_asks(mail_book: peewee.SqliteDatabase):
    Business.update(payment_link=TEMPLATE).execute()

    invoice = compose.invoice_draft("DD-1040", TODAY)
    link = "https://pay.example/DD-1040?amount=141.28&currency=CAD"
    assert f"You can also pay online: {link}\n" in invoice.body

    statement = compose.statement_draft("ACME", TODAY)
    assert f"You can also pay online: {link}\n" in statement.body
    reminder = compose.reminder_draft("ACME", TODAY, "firm")
    assert f"You can also pay online: {link}\n" in reminder.body

    # The invoice's own link wins; the USD one is in its own currency.
    Invoice.update(payment_link="https://paypal.me/maple/{amount}{currency}").where(
        Invoice.number == "DD-1041"
    ).execute()
    usd = compose.reminder_draft("NOUR", TODAY, "friendly", to="nour@example.com")
    assert "You can also pay online: https://paypal.me/maple/1250.50USD\n" in usd.body


def test_in_french_the_line_is_the_french_template_with_the_same_link(
    mail_book: peewee.SqliteDatabase,
):
    Business.update(payment_link=TEMPLATE, locale="fr_CA").execute()
    body = compose.invoice_draft("DD-1040", TODAY).body
    line = "Vous pouvez aussi payer en ligne\u00a0: https://pay.example/DD-1040?amount=141.28"
    assert line in body


def test_nothing_owed_means_no_link_line(mail_book: peewee.SqliteDatabase):
    Business.update(payment_link=TEMPLATE).execute()
    assert "pay online" in compose.invoice_draft("DD-1040", TODAY).body
    row = Invoice.get(Invoice.number == "DD-1040")
    record_payment(row.id, TODAY, Decimal("141.28"), None)
    assert "pay online" not in compose.invoice_draft("DD-1040", TODAY).body
