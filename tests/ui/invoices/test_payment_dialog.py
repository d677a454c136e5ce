"""The payment dialog says why the book refuses a payment dated after today."""

from __future__ import annotations

import datetime as dt

import peewee
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from diva_desk.store.book import models as m
from diva_desk.ui.invoices.payment_dialog import PaymentDialog

from ..conftest import TODAY


def test_a_payment_dated_tomorrow_is_refused_in_the_dialog(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    invoice_id = m.Invoice.get(m.Invoice.number == "INV-1003").id
    dialog = PaymentDialog([invoice_id], TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    tomorrow = TODAY + dt.timedelta(days=1)
    dialog.date.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    dialog.ok.click()
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == (
        "A payment is recorded when it arrives: the date can't be after today (Nov 23, 2026)."
    )
    assert not m.Payment.select().where(m.Payment.invoice == invoice_id, m.Payment.date > TODAY)

    dialog.date.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    dialog.ok.click()
    assert not dialog.isVisible()
    payment = m.Payment.get_by_id(dialog.payment_id)
    assert payment.date == TODAY
