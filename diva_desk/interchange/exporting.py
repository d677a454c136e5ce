"""The open book as interchange text, streamed from the store's rows (issue 11).

The same bytes as ``writer.book_text(read_contents(), moment)``, which stays the
definition of the format (tests/interchange/test_streamed_export.py holds the two
to one answer), at a fraction of the cost: no record object per row, and no
``json.dumps(..., indent=2)``, which with ``indent`` falls back to the pure-Python
encoder. Each record is one ``%`` template with the indentation ``json.dumps``
gives it; strings go through ``json``'s own C string encoder, so the escapes match.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import chain

from diva_desk.core.money import minor_text, price_units_text, units_text
from diva_desk.interchange.keys import (
    BANK_TRANSACTION_KEYS,
    CUSTOMER_KEYS,
    FOLLOWUP_KEYS,
    FORMAT_NAME,
    INSTALLMENT_KEYS,
    INTERACTION_KEYS,
    INVOICE_KEYS,
    LINE_KEYS,
    LINE_TAX_KEYS,
    PAYMENT_BANK_KEYS,
    PAYMENT_KEYS,
    PLAN_KEYS,
    PROMISE_KEYS,
    VERSION,
)
from diva_desk.interchange.records.recurring import recurring_objects
from diva_desk.interchange.writer import (
    business_object,
    line_object,
    quote_object,
    timestamp_text,
)
from diva_desk.store.book.db import db
from diva_desk.store.book.settings import payment_instructions_by_currency
from diva_desk.store.contents import rows as stored
from diva_desk.store.contents.bank import bank_transaction_rows, business_currency
from diva_desk.store.contents.quote_contents import read_quotes
from diva_desk.store.contents.reading import read_business
from diva_desk.store.contents.schedules import schedules_to_export

#: ``json``'s C string encoder, the one ``json.dumps(..., ensure_ascii=False)`` uses.
_string: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]
#: Records are written this many rows at a time: few enough to keep memory flat.
CHUNK = 2000


def export_chunks(exported_at: dt.datetime) -> Iterator[str]:
    """The whole open book as canonical interchange JSON, in pieces that join to it.

    Read in one transaction, so a change made while the file is written is either
    all in it or not at all.
    """
    with db.atomic():
        yield "{\n"
        yield f'  "format": {_string(FORMAT_NAME)},\n  "version": {VERSION},\n'
        yield f'  "exported_at": {_string(timestamp_text(exported_at))},\n'
        yield f'  "business": {_business()},\n'
        yield from _array("customers", _customers())
        yield ",\n"
        yield from _array("invoices", _invoices())
        yield ",\n"
        yield from _array("payments", _payments())
        yield ",\n"
        banked = _bank_transactions()
        first = next(banked, None)
        if first is not None:  # written only when the book has some (keys.TOP_KEYS)
            yield from _array("bank_transactions", chain([first], banked))
            yield ",\n"
        yield from _array("promises", _promises())
        yield ",\n"
        yield from _array("payment_plans", _plans())
        yield ",\n"
        yield from _array("followups", _followups())
        yield ",\n"
        yield from _array("interactions", _interactions())
        yield ",\n"
        yield from _array("quotes", _quotes())
        schedules = _recurring()
        if schedules:  # written only when held (keys.TOP_KEYS)
            yield ",\n"
            yield from _array("recurring_invoices", iter(schedules))
        yield "\n}\n"


def _array(key: str, records: Iterator[str]) -> Iterator[str]:
    """``"key": [...]`` at the top level, the records joined a chunk at a time."""
    chunk: list[str] = []
    started = False
    for record in records:
        chunk.append(record)
        if len(chunk) == CHUNK:
            yield (",\n    " if started else f'  "{key}": [\n    ') + ",\n    ".join(chunk)
            started, chunk = True, []
    if chunk:
        yield (",\n    " if started else f'  "{key}": [\n    ') + ",\n    ".join(chunk)
        started = True
    yield "\n  ]" if started else f'  "{key}": []'


@cache
def _template(keys: Sequence[str], depth: int) -> str:
    """A ``%`` template of one object whose opening brace is at ``depth`` spaces."""
    inner = " " * (depth + 2)
    body = ",\n".join(f"{inner}{json.dumps(key)}: %s" for key in keys)
    return "{\n" + body + "\n" + " " * depth + "}"


def _list(items: Sequence[str], depth: int) -> str:
    """A JSON list of already written items, its closing bracket at ``depth`` spaces."""
    if not items:
        return "[]"
    inner = " " * (depth + 2)
    return "[\n" + inner + (",\n" + inner).join(items) + "\n" + " " * depth + "]"


def _text(value: str | None) -> str:
    return "null" if value is None else _string(value)


def _number(value: int | None) -> str:
    return "null" if value is None else str(value)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _day(value: str | None) -> str:
    return "null" if value is None else f'"{value}"'


def _business() -> str:
    business = read_business()
    if business is None:
        return "null"
    # One object, written as json.dumps writes it (its registrations nest a list).
    by_currency = payment_instructions_by_currency()
    text = json.dumps(business_object(business, by_currency), indent=2, ensure_ascii=False)
    return text.replace("\n", "\n  ")


def _quotes() -> Iterator[str]:
    """Quotes are few: each written as ``json.dumps`` writes it, as the business is."""
    for quote in read_quotes():
        text = json.dumps(quote_object(quote), indent=2, ensure_ascii=False)
        yield text.replace("\n", "\n    ")


def _customers() -> Iterator[str]:
    template = _template(CUSTOMER_KEYS, 4)
    s = _string
    for row in stored.customer_rows():
        (code, name, contact, email, phone, address, currency, language, terms) = row[:9]
        (ap_contact, ap_email, ap_phone, cutoff, days, deposit, method, notes, archived) = row[9:18]
        late_fee_percent = row[18]
        yield template % (
            s(code),
            s(name),
            s(contact),
            s(email),
            s(phone),
            s(address),
            s(currency),
            _text(language),
            _number(terms),
            s(ap_contact),
            s(ap_email),
            s(ap_phone),
            _number(cutoff),
            _list([str(day) for day in sorted(set(days))], 6),
            s(units_text(deposit)),
            _text(method),
            s(notes),
            _flag(archived),
            "null" if late_fee_percent is None else s(units_text(late_fee_percent)),
        )


def _invoices() -> Iterator[str]:
    template = _template(INVOICE_KEYS, 4)
    line_template = _template(LINE_KEYS, 8)
    tax_template = _template(LINE_TAX_KEYS, 12)
    s = _string
    for row, lines in stored.invoice_rows():
        (number, customer, issued, due, state, sent, received, po, currency) = row[:9]
        (deposit, deposit_due, notes, link, late_fee_through) = row[9:]
        written = [
            line_template
            % (
                s(description),
                f'"{units_text(quantity)}"',
                f'"{price_units_text(price, currency)}"',
                _list([tax_template % (s(name), s(rate)) for name, rate in taxes], 10),
            )
            for description, quantity, price, taxes in lines
        ]
        yield template % (
            s(number),
            s(customer),
            _day(issued),
            _day(due),
            s(state),
            _day(sent),
            _day(received),
            s(po),
            s(currency),
            f'"{minor_text(deposit, currency)}"',
            _day(deposit_due),
            s(notes),
            s(link),
            _list(written, 6),
            _day(late_fee_through),
        )


def _payments() -> Iterator[str]:
    template, banked = _template(PAYMENT_KEYS, 4), _template(PAYMENT_BANK_KEYS, 4)
    s = _string
    for number, day, amount, currency, method, reference, deposit, bank in stored.payment_rows():
        values = (
            s(number),
            _day(day),
            f'"{minor_text(amount, currency)}"',
            _text(method),
            s(reference),
            _flag(deposit),
        )
        yield template % values if bank is None else banked % (*values, s(bank))


def _bank_transactions() -> Iterator[str]:
    own = business_currency()
    template = _template(BANK_TRANSACTION_KEYS, 4)
    without_currency = _template(tuple(k for k in BANK_TRANSACTION_KEYS if k != "currency"), 4)
    s = _string
    for account, transaction, day, amount, currency, description, status in bank_transaction_rows():
        money = f'"{minor_text(amount, currency)}"'
        if currency == own:
            yield without_currency % (
                s(account),
                s(transaction),
                _day(day),
                money,
                s(description),
                s(status),
            )
        else:
            yield template % (
                s(account),
                s(transaction),
                _day(day),
                money,
                s(currency),
                s(description),
                s(status),
            )


def _promises() -> Iterator[str]:
    template = _template(PROMISE_KEYS, 4)
    for code, number, made_on, promised, amount, currency in stored.promise_rows():
        yield template % (
            _string(code),
            _text(number),
            _day(made_on),
            _day(promised),
            f'"{minor_text(amount, currency)}"',
        )


def _plans() -> Iterator[str]:
    template = _template(PLAN_KEYS, 4)
    installment = _template(INSTALLMENT_KEYS, 8)
    for (code, number, agreed_on, currency), installments in stored.plan_rows():
        written = [
            installment % (_day(due), f'"{minor_text(amount, currency)}"')
            for due, amount in installments
        ]
        yield template % (_string(code), _text(number), _day(agreed_on), _list(written, 6))


def _followups() -> Iterator[str]:
    template = _template(FOLLOWUP_KEYS, 4)
    for code, number, due, reason, done in stored.followup_rows():
        yield template % (_string(code), _text(number), _day(due), _string(reason), _flag(done))


def _interactions() -> Iterator[str]:
    template = _template(INTERACTION_KEYS, 4)
    for code, number, at, channel, outcome, notes in stored.interaction_rows():
        moment = at if isinstance(at, str) else timestamp_text(at)
        yield template % (
            _string(code),
            _text(number),
            f'"{moment}"',
            _text(channel),
            _text(outcome),
            _string(notes),
        )


def _recurring() -> list[str]:
    """The schedules, each written as json.dumps writes it (a few per book, not streamed)."""
    schedules, currencies = schedules_to_export()
    return [
        json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        for item in recurring_objects(schedules, currencies, line_object)
    ]
