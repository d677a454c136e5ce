"""An import holds only payments the app could have recorded (docs/interchange.md).

No payment takes an invoice past its total, none is on a draft; a void invoice keeps
what it received before it was voided, as the app does, so such an export imports again.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee
import pytest

from diva_desk.errors import BadInput
from diva_desk.i18n import format as fmt
from diva_desk.interchange import export_text, import_text
from diva_desk.store.book import models as m
from diva_desk.store.invoices.editing import void_invoice
from diva_desk.store.invoices.payments import record_payment
from tests.cli.test_documents import one_line_error, run

AT = dt.datetime(2026, 12, 1, 12, 0, 0)
D = Decimal


def book_with(payments: list[dict[str, Any]], status: str = "sent") -> dict[str, Any]:
    """One CAD invoice, T-1, for $100.00 (status as given), and these payments on it."""
    return {
        "format": "diva-desk",
        "version": 1,
        "business": {"name": "Studio", "currency": "CAD"},
        "customers": [{"code": "ACME", "name": "Acme"}],
        "invoices": [
            {"number": "T-1", "customer": "ACME", "issue_date": "2026-10-01", "status": status,
             "lines": [{"description": "Work", "unit_price": "100.00"}]},
        ],
        "payments": [
            {"invoice": "T-1", "date": "2026-10-05", "amount": amount} for amount in payments
        ],
    }  # fmt: skip


def _wipe() -> None:
    m.Business.delete().execute()
    for model in (m.Interaction, m.Payment, m.InvoiceLine, m.Invoice):
        model.delete().execute()
    m.Customer.delete().execute()


def test_payments_past_the_total_are_refused_naming_the_one_and_by_how_much(
    book: peewee.SqliteDatabase,
) -> None:
    with pytest.raises(BadInput) as caught:
        import_text(json.dumps(book_with(["60.00", "30.00", "25.00"])))
    assert str(caught.value) == (
        f"payments[2].amount: this payment takes what T-1 received to {fmt.money(D(115), 'CAD')}, "
        f"{fmt.money(D(15), 'CAD')} more than its total of {fmt.money(D(100), 'CAD')}"
    )
    assert m.Invoice.select().count() == 0 and m.Payment.select().count() == 0


def test_payments_up_to_the_total_are_kept(book: peewee.SqliteDatabase) -> None:
    import_text(json.dumps(book_with(["60.00", "40.00"])))
    assert sorted(p.amount_minor for p in m.Payment.select()) == [4000, 6000]


def test_a_payment_on_a_draft_is_refused(book: peewee.SqliteDatabase) -> None:
    with pytest.raises(BadInput, match=r"^payments\[0\]\.amount: T-1 is a draft: "):
        import_text(json.dumps(book_with(["10.00"], status="draft")))
    assert m.Invoice.select().count() == 0


def test_a_void_invoice_keeps_payments_up_to_its_total_and_no_more(
    book: peewee.SqliteDatabase,
) -> None:
    with pytest.raises(BadInput, match=r"^payments\[1\]\.amount: this payment takes what T-1"):
        import_text(json.dumps(book_with(["100.00", "0.01"], status="void")))
    import_text(json.dumps(book_with(["100.00"], status="void")))
    assert [p.amount_minor for p in m.Payment.select()] == [10000]


def test_what_the_book_already_received_counts(book: peewee.SqliteDatabase) -> None:
    import_text(json.dumps(book_with(["70.00"])))
    more: dict[str, Any] = {"format": "diva-desk", "version": 1, "payments": [
        {"invoice": "T-1", "date": "2026-10-09", "amount": "30.00"},
        {"invoice": "T-1", "date": "2026-10-10", "amount": "0.01"},
    ]}  # fmt: skip
    with pytest.raises(BadInput, match=r"^payments\[1\]\.amount: .* more than its total"):
        import_text(json.dumps(more))
    more["payments"].pop()
    import_text(json.dumps(more))
    assert sum(p.amount_minor for p in m.Payment.select()) == 10000


def test_a_book_with_a_voided_paid_invoice_exports_and_imports_again(
    book: peewee.SqliteDatabase,
) -> None:
    """The app leaves payments on an invoice it voids: that export must read back."""
    import_text(json.dumps(book_with([])))
    invoice_id = m.Invoice.get(m.Invoice.number == "T-1").id
    record_payment(invoice_id, dt.date(2026, 10, 5), D("100.00"), None, today=dt.date(2026, 11, 1))
    void_invoice(invoice_id, "Wrong customer", dt.date(2026, 11, 2))
    first = export_text(AT)
    assert json.loads(first)["invoices"][0]["status"] == "void"
    _wipe()
    import_text(first)
    assert export_text(AT) == first


def test_the_import_command_refuses_an_overpaid_yen_invoice(tmp_path: Path) -> None:
    """The audit's case: ¥400 then ¥5,000 on a ¥1,000 invoice; the second is named."""
    document = book_with(["400", "5000"])
    document["customers"][0]["currency"] = "JPY"
    document["invoices"][0]["lines"] = [
        {"description": "Widget", "quantity": "3", "unit_price": "333.33"}
    ]
    (tmp_path / "overpay.json").write_text(json.dumps(document), encoding="utf-8")
    data = tmp_path / "data"
    result = run("import", str(tmp_path / "overpay.json"), data_dir=data, cwd=tmp_path)
    one_line_error(
        result,
        2,
        f"payments[1].amount: this payment takes what T-1 received to "
        f"{fmt.money(D(5400), 'JPY', 'en_CA')}, {fmt.money(D(4400), 'JPY', 'en_CA')} more than "
        f"its total of {fmt.money(D(1000), 'JPY', 'en_CA')}",
    )
    assert json.loads(run("export", data_dir=data, cwd=tmp_path).stdout)["invoices"] == []
