"""The whole book as plain rows, streamed: what an export reads, with no object per row.

``reading.read_contents`` builds a peewee model and a core record for every row and
holds them all; on a ten-year book (half a million rows) that took longer than
everything else an export does, and a gigabyte. These read with cursors, one row
at a time, in insertion order (so the file keeps the order records came in).

Every row is a tuple in the order of the interchange format's keys, with its
references already codes and numbers (joined in SQL) and the raw values of the
book: dates as ISO text, money as whole minor units followed by the currency they
are in, quantities, prices and rates as integer ten-thousandths (store.book.models),
flags as ``bool`` and a customer's payment-run days as a tuple of ints.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from diva_desk.store.book import models as m
from diva_desk.store.book.db import db

Row = tuple[Any, ...]

_CUSTOMERS = """
    SELECT code, name, contact_name, email, phone, address, currency, language, terms_days,
           ap_contact_name, ap_email, ap_phone, invoice_cutoff_day, payment_run_days,
           deposit_percent_units, preferred_payment_method, notes, archived,
           late_fee_percent_units
    FROM customer ORDER BY id"""
_INVOICES = """
    SELECT i.id, i.number, c.code, i.issue_date, i.due_date, i.state, i.sent_date,
           i.received_confirmed_date, i.po_number, i.currency, i.deposit_cents,
           i.deposit_due_date, i.notes, i.payment_link, i.late_fee_through
    FROM invoice i JOIN customer c ON c.id = i.customer_id ORDER BY i.id"""
# A line's taxes come as one JSON list of [name, rate text] pairs, in their order.
_LINES = """
    SELECT l.invoice_id, l.description, l.quantity_units, l.unit_price_units,
           (SELECT json_group_array(json_array(t.name, t.rate)) FROM (
                SELECT name, rate FROM invoice_line_tax WHERE line_id = l.id ORDER BY position
            ) t)
    FROM invoice_line l ORDER BY l.invoice_id, l.position"""
_PAYMENTS = """
    SELECT i.number, p.date, p.amount_cents, i.currency, p.method, p.reference, p.is_deposit,
           (SELECT t.transaction_id FROM bank_transaction t WHERE t.id = p.bank_transaction_id)
    FROM payment p JOIN invoice i ON i.id = p.invoice_id ORDER BY p.id"""
# A promise or plan without an invoice is in its customer's currency (store.book.minor).
_PROMISES = """
    SELECT c.code, i.number, p.made_on, p.promised_date, p.amount_cents,
           COALESCE(i.currency, c.currency)
    FROM promise p JOIN customer c ON c.id = p.customer_id
    LEFT JOIN invoice i ON i.id = p.invoice_id ORDER BY p.id"""
_PLANS = """
    SELECT p.id, c.code, i.number, p.agreed_on, COALESCE(i.currency, c.currency)
    FROM payment_plan p JOIN customer c ON c.id = p.customer_id
    LEFT JOIN invoice i ON i.id = p.invoice_id ORDER BY p.id"""
_INSTALLMENTS = """
    SELECT plan_id, due_date, amount_cents FROM installment ORDER BY plan_id, position"""
_FOLLOWUPS = """
    SELECT c.code, i.number, f.due_date, f.reason, f.done
    FROM followup f JOIN customer c ON c.id = f.customer_id
    LEFT JOIN invoice i ON i.id = f.invoice_id ORDER BY f.id"""
_INTERACTIONS = """
    SELECT c.code, i.number, n.at, n.channel, n.outcome, n.notes
    FROM interaction n JOIN customer c ON c.id = n.customer_id
    LEFT JOIN invoice i ON i.id = n.invoice_id ORDER BY n.id"""


def customer_rows() -> Iterator[Row]:
    """Customers, each row in the order of the format's customer keys."""
    days = m.Customer.payment_run_days.python_value
    for row in db.execute_sql(_CUSTOMERS):
        yield (*row[:13], days(row[13]), row[14], row[15], row[16], bool(row[17]), row[18])


def invoice_rows() -> Iterator[tuple[Row, list[Row]]]:
    """Each invoice's row (number to pay link) with its lines' rows, in position order.

    Dates of the invoice are ISO text; each line is ``(description, quantity units,
    unit price units, taxes)``, the taxes a list of ``(name, rate text)`` in their order.
    """
    lines = iter(db.execute_sql(_LINES))
    pending = next(lines, None)
    for invoice_id, *row in db.execute_sql(_INVOICES):
        own: list[Row] = []
        # Both cursors run in invoice id order: the lines are merged in, not looked up.
        while pending is not None and pending[0] <= invoice_id:
            if pending[0] == invoice_id:
                taxes = pending[4]
                own.append((*pending[1:4], () if taxes == "[]" else json.loads(taxes)))
            pending = next(lines, None)
        row[2], row[3], row[5], row[6], row[10], row[12] = (
            iso_day(row[2]),
            iso_day(row[3]),
            iso_day(row[5]),
            iso_day(row[6]),
            iso_day(row[10]),
            iso_day(row[12]),
        )
        yield tuple(row), own


def payment_rows() -> Iterator[Row]:
    """``(invoice number, date, amount units, currency, method, reference, is deposit,
    bank transaction id or None)``."""
    for number, day, amount, currency, method, reference, deposit, bank in db.execute_sql(
        _PAYMENTS
    ):
        yield number, iso_day(day), amount, currency, method, reference, bool(deposit), bank


def promise_rows() -> Iterator[Row]:
    """``(customer code, invoice number, made on, promised date, amount units, currency)``."""
    for code, number, made_on, promised, amount, currency in db.execute_sql(_PROMISES):
        yield code, number, iso_day(made_on), iso_day(promised), amount, currency


def plan_rows() -> Iterator[tuple[Row, list[Row]]]:
    """``(customer code, invoice number, agreed on, currency)`` with ``(due date, amount
    units)`` of each installment, in order."""
    installments = iter(db.execute_sql(_INSTALLMENTS))
    pending = next(installments, None)
    for plan_id, code, number, agreed_on, currency in db.execute_sql(_PLANS):
        own: list[Row] = []
        while pending is not None and pending[0] <= plan_id:
            if pending[0] == plan_id:
                own.append((iso_day(pending[1]), pending[2]))
            pending = next(installments, None)
        yield (code, number, iso_day(agreed_on), currency), own


def followup_rows() -> Iterator[Row]:
    """``(customer code, invoice number, due date, reason, done)``."""
    for code, number, due, reason, done in db.execute_sql(_FOLLOWUPS):
        yield code, number, iso_day(due), reason, bool(done)


def interaction_rows() -> Iterator[Row]:
    """``(customer code, invoice number, at, channel, outcome, notes)``; ``at`` as
    :func:`moment` gives it."""
    for code, number, at, channel, outcome, notes in db.execute_sql(_INTERACTIONS):
        yield code, number, moment(at), channel, outcome, notes


def iso_day(value: str | None) -> str | None:
    """A stored date as ``YYYY-MM-DD`` (what the book writes); anything else through peewee."""
    if value is None or (len(value) == 10 and value[4] == "-" and value[7] == "-"):
        return value
    day = m.Invoice.issue_date.python_value(value)
    return day.isoformat() if isinstance(day, dt.date) else str(day)


def moment(value: str | None) -> str | dt.datetime | None:
    """A stored timestamp: ``YYYY-MM-DDTHH:MM:SS`` for the naive ones the book writes
    (whole seconds, fractions dropped), else the ``datetime`` peewee reads from it."""
    if value is None:
        return None
    naive = len(value) == 19 or (len(value) == 26 and value[19] == ".")
    if naive and value[10] == " " and value[13] == ":" and value[16] == ":":
        return f"{value[:10]}T{value[11:19]}"
    return m.Interaction.at.python_value(value)
