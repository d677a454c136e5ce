"""Bank transactions in and out of the book whole (interchange v2 ``bank_transactions``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from diva_desk.core import records as r
from diva_desk.core.money import from_minor, to_minor
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db

_ROWS = """
    SELECT account, transaction_id, date, amount_cents, currency, description, status
    FROM bank_transaction ORDER BY id"""


def business_currency() -> str | None:
    """The business's currency (None before a profile exists), without a model object."""
    row = db.execute_sql("SELECT currency FROM business WHERE id = 1").fetchone()
    return row[0] if row else None


def bank_transaction_ids() -> dict[int, str]:
    """Row id -> the bank's transaction id, to name a payment's transaction."""
    return dict(db.execute_sql("SELECT id, transaction_id FROM bank_transaction"))


def bank_transaction_rows() -> Iterator[tuple[str, str, str, int, str, str, str]]:
    """``(account, transaction, date, amount units, currency, description, status)``,
    in the order they were imported."""
    yield from db.execute_sql(_ROWS)


def read_bank_transactions() -> tuple[r.BankTransaction, ...]:
    return tuple(
        r.BankTransaction(
            account,
            transaction,
            dt.date.fromisoformat(day),
            from_minor(amount, currency),
            currency,
            description,
            r.BankStatus(status),
        )
        for account, transaction, day, amount, currency, description, status in (
            bank_transaction_rows()
        )
    )


def add_bank_transactions(transactions: Sequence[r.BankTransaction]) -> dict[str, int]:
    """Insert them (inside the caller's transaction); returns row id by transaction id.

    One already in the book (the same account and id) is refused with a sentence: the
    file was imported before, and its payments would be recorded twice.
    """
    now = dt.datetime.now().replace(microsecond=0)
    ids: dict[str, int] = {}
    for t in transactions:
        known = (
            m.BankTransaction.select(m.BankTransaction.id)
            .where(
                (m.BankTransaction.account == t.account)
                & (m.BankTransaction.transaction == t.transaction)
            )
            .exists()
        )
        if known:
            raise BadInput(
                _(
                    "bank_transactions: the transaction {transaction} of account {account} "
                    "is already in the book."
                ).format(transaction=t.transaction, account=t.account)
            )
        ids[t.transaction] = m.BankTransaction.insert(
            account=t.account,
            transaction=t.transaction,
            date=t.date,
            amount_minor=to_minor(t.amount, t.currency),
            currency=t.currency,
            description=t.description,
            status=str(t.status),
            imported_at=now,
        ).execute()
    return ids
