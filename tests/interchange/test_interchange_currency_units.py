"""Amounts in the currency's own minor units (interchange v2, first section; v1 files too)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import peewee
import pytest

from diva_desk.errors import BadInput
from diva_desk.interchange import export_text, import_text
from diva_desk.store.book import models as m
from diva_desk.store.invoices.detail import invoice_detail

AT = dt.datetime(2026, 12, 1, 12, 0, 0)


def yen_book(**changes: Any) -> dict[str, Any]:
    """A CAD business billing a Tokyo customer in yen: 3 x 333.33 yen is 1,000 yen."""
    document: dict[str, Any] = {
        "format": "diva-desk",
        "version": 1,
        "business": {"name": "Studio", "currency": "CAD"},
        "customers": [{"code": "TOKYO", "name": "Tokyo KK", "currency": "JPY"}],
        "invoices": [
            {"number": "T-1", "customer": "TOKYO", "issue_date": "2026-11-02",
             "deposit_amount": "300", "deposit_due_date": "2026-11-02",
             "lines": [{"description": "Work", "quantity": "3", "unit_price": "333.33"}]},
        ],
        "payments": [{"invoice": "T-1", "date": "2026-11-05", "amount": "600"}],
        "promises": [{"customer": "TOKYO", "invoice": None, "made_on": "2026-11-05",
                      "promised_date": "2026-11-20", "amount": "400"}],
        "payment_plans": [{"customer": "TOKYO", "invoice": "T-1", "agreed_on": "2026-11-06",
                           "installments": [{"due_date": "2026-12-01", "amount": "400"}]}],
    }  # fmt: skip
    for path, value in changes.items():
        kind, index, key = path.split(".")
        document[kind][int(index)][key] = value
    return document


def test_whole_yen_import_and_export_unchanged(book: peewee.SqliteDatabase) -> None:
    import_text(json.dumps(yen_book()))
    detail = invoice_detail(m.Invoice.get(m.Invoice.number == "T-1").id, dt.date(2026, 11, 30))
    assert (detail.totals.total, detail.paid, detail.balance) == (
        Decimal(1000),
        Decimal(600),
        Decimal(400),
    )
    exported = json.loads(export_text(AT))
    invoice = exported["invoices"][0]
    assert (invoice["deposit_amount"], invoice["lines"][0]["unit_price"]) == ("300", "333.33")
    assert exported["payments"][0]["amount"] == "600"
    assert exported["promises"][0]["amount"] == "400"
    assert exported["payment_plans"][0]["installments"][0]["amount"] == "400"

    # Into a new book and out again: the same text.
    first = export_text(AT)
    m.Business.delete().execute()
    for model in (m.Installment, m.PaymentPlan, m.Promise, m.Payment, m.InvoiceLine, m.Invoice):
        model.delete().execute()
    m.Customer.delete().execute()
    import_text(first)
    assert export_text(AT) == first


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("payments.0.amount", "100.50",
         'payments[0].amount: "100.50" has too many decimals: JPY amounts have no decimals'),
        ("promises.0.amount", "0.5",
         'promises[0].amount: "0.5" has too many decimals: JPY amounts have no decimals'),
        ("invoices.0.deposit_amount", "300.25",
         'invoices[0] (T-1).deposit_amount: "300.25" has too many decimals: '
         "JPY amounts have no decimals"),
    ],
)  # fmt: skip
def test_more_decimals_than_the_currency_has_are_refused_naming_the_key(
    book: peewee.SqliteDatabase, path: str, value: str, message: str
) -> None:
    with pytest.raises(BadInput) as caught:
        import_text(json.dumps(yen_book(**{path: value})))
    assert str(caught.value) == message
    assert m.Invoice.select().count() == 0  # all or nothing


def test_a_jpy_payment_on_an_invoice_already_in_the_book_is_checked_too(
    book: peewee.SqliteDatabase,
) -> None:
    import_text(json.dumps(yen_book()))
    payment = {"invoice": "T-1", "date": "2026-11-09", "amount": "100.50"}
    later = {"format": "diva-desk", "version": 1, "payments": [payment]}
    with pytest.raises(BadInput, match=r"^payments\[0\]\.amount: .*JPY"):
        import_text(json.dumps(later))
    payment["amount"] = "100"
    import_text(json.dumps(later))
    assert m.Payment.select().count() == 2


def test_a_currency_with_three_decimals_is_refused(book: peewee.SqliteDatabase) -> None:
    document = yen_book()
    document["customers"][0]["currency"] = "KWD"
    with pytest.raises(BadInput, match=r"^customers\[0\] \(TOKYO\)\.currency: KWD has 3 decimals"):
        import_text(json.dumps(document))


def test_an_empty_customer_currency_is_the_businesss(book: peewee.SqliteDatabase) -> None:
    document = yen_book()
    document["business"]["currency"] = "JPY"
    del document["customers"][0]["currency"]
    import_text(json.dumps(document))
    assert m.Customer.get(m.Customer.code == "TOKYO").currency == "JPY"


def test_an_empty_currency_falls_back_like_a_missing_one(book: peewee.SqliteDatabase) -> None:
    """``"currency": ""`` on a customer takes the business's; on an invoice, the customer's."""
    document = yen_book(**{"invoices.0.currency": ""})
    document["customers"].append({"code": "HOME", "name": "Home Ltd", "currency": ""})
    import_text(json.dumps(document))
    assert m.Customer.get(m.Customer.code == "HOME").currency == "CAD"
    assert m.Invoice.get(m.Invoice.number == "T-1").currency == "JPY"
