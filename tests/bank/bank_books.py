"""Books with traps for matching bank lines, written with the interchange (v1) like a user's."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from diva_desk.bank.statement import BankLine, Statement
from diva_desk.interchange import import_text

DAY = dt.date(2026, 11, 17)


def invoice(number: str, customer: str, amount: str, **kw: Any) -> dict[str, Any]:
    issue = kw.pop("issue_date", "2026-10-01")
    return {
        "number": number, "customer": customer, "issue_date": issue,
        "due_date": kw.pop("due_date", "2026-10-31"), "status": kw.pop("status", "sent"),
        "sent_date": issue, "currency": kw.pop("currency", "CAD"),
        "lines": [{"description": "Design", "quantity": "1", "unit_price": amount}], **kw,
    }  # fmt: skip


def customer(code: str, name: str, **kw: Any) -> dict[str, Any]:
    return {"code": code, "name": name, "currency": "CAD", "phone": "+1 416 555 0100", **kw}


def document(
    customers: list[dict], invoices: list[dict], payments: list[dict] = ()
) -> dict[str, Any]:
    return {
        "format": "diva-desk",
        "version": 1,
        "business": {"name": "Lakeshore Pixel Studio", "currency": "CAD"},
        "customers": customers,
        "invoices": invoices,
        "payments": list(payments),
    }


def trap_document() -> dict[str, Any]:
    """ACME owes INV-1001 and INV-1010; PAID paid INV-2001; TWIN has two invoices of the
    same balance; two customers named nearly alike; a USD customer; a draft and a void."""
    return document(
        [
            customer("ACME", "Acme & Sons Ltd."),
            customer("PAID", "Paid Up Inc."),
            customer("TWIN", "Twin Peaks Studio"),
            customer("NORTH1", "Northwind Traders"),
            customer("NORTH2", "Northwind Trader"),
            customer("YANK", "Yankee Doodle Co.", currency="USD"),
            customer("SMITH", "Smith Renovations"),
        ],
        [
            invoice("INV-1001", "ACME", "4520.00"),
            invoice("INV-1010", "ACME", "300.00"),
            invoice("INV-10", "ACME", "75.00", status="draft"),
            invoice("INV-2001", "PAID", "800.00"),
            invoice("INV-2002", "PAID", "99.00", status="void"),
            invoice("INV-3001", "TWIN", "250.00"),
            invoice("INV-3002", "TWIN", "250.00"),
            invoice("INV-4001", "NORTH1", "640.00"),
            invoice("INV-4002", "NORTH2", "910.00"),
            invoice("INV-5001", "YANK", "1200.00", currency="USD"),
            invoice("INV-6001", "SMITH", "1500.00"),
            invoice("INV-6002", "SMITH", "700.00"),
        ],
        [{"invoice": "INV-2001", "date": "2026-10-20", "amount": "800.00"}],
    )


def trap_book() -> None:
    """The trap document imported into the open book."""
    import_text(json.dumps(trap_document()))


def line(transaction: str, amount: str, description: str, day: dt.date = DAY) -> BankLine:
    return BankLine(transaction, day, Decimal(amount), description)


def statement(
    *lines: BankLine, currency: str | None = "CAD", account: str = "1234567"
) -> Statement:
    return Statement(account, currency, tuple(lines))
