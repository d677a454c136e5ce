"""A book leaves and comes back unchanged, and a minimal file gets the documented defaults."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.core.money import from_minor
from diva_desk.interchange import ImportSummary, export_text, import_file, import_text
from diva_desk.interchange.keys import (
    BUSINESS_KEYS,
    CUSTOMER_KEYS,
    FOLLOWUP_KEYS,
    INSTALLMENT_KEYS,
    INTERACTION_KEYS,
    INVOICE_KEYS,
    LINE_KEYS,
    PAYMENT_KEYS,
    PLAN_KEYS,
    PROMISE_KEYS,
    TOP_KEYS,
)
from diva_desk.store.book import models as m
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import add_contents, read_contents

#: The sample's own exported_at, so exporting it again gives the same bytes.
SAMPLE_EXPORTED_AT = dt.datetime(2026, 11, 23, 9, 0, 0)
LATER = dt.datetime(2027, 1, 2, 3, 4, 5)


def _without_exported_at(text: str) -> list[str]:
    return [line for line in text.splitlines() if '"exported_at"' not in line]


def test_sample_file_round_trips_byte_for_byte(book: peewee.SqliteDatabase, sample_v2_path: Path):
    summary = import_file(sample_v2_path)

    assert export_text(SAMPLE_EXPORTED_AT).encode("utf-8") == sample_v2_path.read_bytes()
    assert summary == ImportSummary(
        business=True, customers=4, invoices=4, payments=3, promises=2, payment_plans=2,
        followups=2, interactions=4, quotes=1,
    )  # fmt: skip
    contents = read_contents()
    assert contents.business is not None
    assert contents.business.registration_for("QST") == "1234567890 TQ0001"
    both = [line for i in contents.invoices for line in i.lines if len(line.taxes) == 2]
    assert [t.name for t in both[0].taxes] == ["GST", "QST"]


def test_a_version_1_file_comes_back_from_version_2_unchanged(
    book: peewee.SqliteDatabase, sample_path: Path, tmp_path: Path
):
    """v1 -> book -> v2 -> book -> v2 loses nothing: each one-tax line is a one-item list."""
    import_file(sample_path)
    first_contents = read_contents()
    first = export_text(LATER)
    close_book()
    open_book(tmp_path / "second.sqlite3")
    import_text(first)

    assert read_contents() == first_contents
    assert export_text(LATER) == first
    version_1 = json.loads(sample_path.read_text(encoding="utf-8"))
    version_2 = json.loads(first)
    assert version_2["version"] == 2
    for old, new in zip(version_1["invoices"], version_2["invoices"], strict=True):
        for old_line, new_line in zip(old["lines"], new["lines"], strict=True):
            expected = [{"name": old_line["tax_name"], "rate": old_line["tax_rate"]}]
            assert new_line["taxes"] == (expected if old_line["tax_name"] else [])


def test_export_import_export_into_a_new_book_is_identical_but_for_exported_at(
    book: peewee.SqliteDatabase, sample_text: str, tmp_path: Path
):
    import_text(sample_text)
    first = export_text(LATER)
    close_book()
    open_book(tmp_path / "second.sqlite3")

    import_text(first)
    second = export_text()

    assert second != first  # exported_at is now
    assert _without_exported_at(second) == _without_exported_at(first)


def test_tricky_text_survives_exactly(book: peewee.SqliteDatabase, sample_text: str):
    import_text(sample_text)
    contents = read_contents()
    names = {c.code: c.name for c in contents.customers}

    assert names["ACME"] == "Acme Ltd. <Head Office> & Co."
    assert names["NOUR"] == "شركة النور للتجارة"
    assert names["OR-IL"] == 'חברת אור בע"מ'
    assert names["CAFE"] == "Café Crème « Chez Zoë » Inc."
    assert contents.customers[3].notes == "Back\\slash, tab\there, 👩‍💼 emoji ZWJ"
    assert '"name": "شركة النور للتجارة"' in export_text()  # readable, not \u escapes


def test_export_writes_every_key_in_the_spec_order(book: peewee.SqliteDatabase, sample_text):
    import_text(sample_text)
    document = json.loads(export_text())

    # bank_transactions is written only when the book has some (tests/bank).
    assert tuple(document) == tuple(
        key for key in TOP_KEYS if key not in ("bank_transactions", "recurring_invoices")
    )
    assert tuple(document["business"]) == BUSINESS_KEYS
    assert tuple(document["customers"][0]) == CUSTOMER_KEYS
    assert tuple(document["invoices"][0]) == INVOICE_KEYS
    assert tuple(document["invoices"][0]["lines"][0]) == LINE_KEYS
    assert tuple(document["payments"][0]) == PAYMENT_KEYS
    assert tuple(document["promises"][0]) == PROMISE_KEYS
    assert tuple(document["payment_plans"][0]) == PLAN_KEYS
    assert tuple(document["payment_plans"][0]["installments"][0]) == INSTALLMENT_KEYS
    assert tuple(document["followups"][0]) == FOLLOWUP_KEYS
    assert tuple(document["interactions"][0]) == INTERACTION_KEYS


def test_an_empty_book_exports_a_valid_empty_document(book: peewee.SqliteDatabase):
    document = json.loads(export_text(LATER))

    assert document == {
        "format": "diva-desk", "version": 2, "exported_at": "2027-01-02T03:04:05",
        "business": None, "customers": [], "invoices": [], "payments": [], "promises": [],
        "payment_plans": [], "followups": [], "interactions": [], "quotes": [],
    }  # fmt: skip


MINIMAL = {
    "format": "diva-desk",
    "version": 1,
    "business": {"name": "Solo Studio"},
    "customers": [
        {"code": "A", "name": "A Co"},
        {"code": "B", "name": "B Co", "terms_days": 10, "currency": "usd"},
    ],
    "invoices": [
        {"number": "1", "customer": "A", "issue_date": "2026-01-10",
         "lines": [{"description": "x"}]},
        {"number": "2", "customer": "B", "issue_date": "2026-01-10",
         "lines": [{"description": "y", "quantity": "2", "unit_price": "7.5"}]},
    ],
    "payments": [{"invoice": "2", "date": "2026-01-11", "amount": "1"}],
    "promises": [{"customer": "B", "made_on": "2026-01-12", "promised_date": "2026-01-20",
                  "amount": "15"}],
    "payment_plans": [{"customer": "B", "agreed_on": "2026-01-12",
                       "installments": [{"due_date": "2026-02-01", "amount": "15"}]}],
    "followups": [{"customer": "A", "due_date": "2026-01-15", "reason": "call"}],
    "interactions": [{"customer": "A", "at": "2026-01-11T09:30:00"}],
}  # fmt: skip


def test_a_minimal_file_gets_the_documented_defaults(book: peewee.SqliteDatabase):
    import_text(json.dumps(MINIMAL))
    contents = read_contents()

    assert contents.business == r.Business(
        name="Solo Studio", currency="CAD", locale="en_CA", default_terms_days=30,
        invoice_prefix="INV-", next_invoice_number=1,
    )  # fmt: skip
    a, b = contents.customers
    assert a == r.Customer(code="A", name="A Co", currency="CAD")
    assert (a.language, a.terms_days, a.deposit_percent, a.archived) == (None, None, 0, False)
    assert (b.currency, b.terms_days) == ("USD", 10)
    first, second = contents.invoices
    assert first.due_date == dt.date(2026, 2, 9)  # the business's 30 days
    assert second.due_date == dt.date(2026, 1, 20)  # the customer's own 10 days
    assert (first.state, first.currency, second.currency) == (r.InvoiceState.SENT, "CAD", "USD")
    assert first.lines == (r.InvoiceLine(description="x", quantity=Decimal(1)),)
    assert first.deposit_amount == 0 and first.deposit_due_date is None
    assert contents.payments == (
        r.Payment(invoice="2", date=dt.date(2026, 1, 11), amount=Decimal("1.00")),
    )
    assert contents.promises[0].invoice is None
    assert contents.followups[0].done is False
    assert contents.interactions[0] == r.Interaction(
        customer="A", at=dt.datetime(2026, 1, 11, 9, 30)
    )


def test_defaults_that_follow_the_business_export_as_null(book: peewee.SqliteDatabase):
    import_text(json.dumps(MINIMAL))
    customer = json.loads(export_text())["customers"][0]

    assert customer["language"] is None
    assert customer["terms_days"] is None
    assert customer["currency"] == "CAD"  # resolved and kept
    assert customer["notes"] == ""
    assert customer["deposit_percent"] == "0"


def test_null_text_is_accepted_as_empty(book: peewee.SqliteDatabase):
    document = json.loads(json.dumps(MINIMAL))
    document["customers"][0].update(email=None, notes=None, language=None, archived=None)
    import_text(json.dumps(document))

    customer = read_contents().customers[0]
    assert (customer.email, customer.notes, customer.language, customer.archived) == (
        "",
        "",
        None,
        False,
    )


def test_new_invoices_take_terms_and_currency_from_customers_already_in_the_book(
    book: peewee.SqliteDatabase, sample_text: str
):
    import_text(sample_text)
    import_text(json.dumps({
        "format": "diva-desk", "version": 1,
        "invoices": [
            {"number": "X-1", "customer": "CAFE", "issue_date": "2026-12-01",
             "lines": [{"description": "a", "unit_price": "1.00"}]},
            {"number": "X-2", "customer": "NOUR", "issue_date": "2026-12-01",
             "lines": [{"description": "b", "unit_price": "1.00"}]},
            {"number": "X-3", "customer": "ACME", "issue_date": "2026-12-01",
             "lines": [{"description": "c", "unit_price": "1.00"}]},
        ],
        "payments": [{"invoice": "DD-1040", "date": "2026-12-02", "amount": "2.00"}],
    }))  # fmt: skip

    added = {i.number: i for i in read_contents().invoices}
    assert (added["X-1"].due_date, added["X-1"].currency) == (dt.date(2026, 12, 16), "CAD")
    assert (added["X-2"].due_date, added["X-2"].currency) == (dt.date(2027, 1, 15), "USD")
    # ACME follows the business default of 30 days.
    assert added["X-3"].due_date == dt.date(2026, 12, 31)


def test_a_file_business_replaces_the_books_but_never_lowers_the_next_number(
    book: peewee.SqliteDatabase, sample_text: str
):
    import_text(sample_text)
    m.Business.update(logo=b"\x89PNG").execute()
    import_text(
        json.dumps(
            {
                "format": "diva-desk",
                "version": 1,
                "business": {"name": "Renamed", "next_invoice_number": 7},
            }
        )
    )

    business = read_contents().business
    assert business is not None
    assert business.name == "Renamed"
    assert business.locale == "en_CA"  # the file's profile, defaults included
    assert business.next_invoice_number == 1043  # the book's was larger
    assert bytes(m.Business.get_by_id(1).logo) == b"\x89PNG"
    assert "logo" not in export_text()

    import_text(
        json.dumps(
            {
                "format": "diva-desk",
                "version": 1,
                "business": {"name": "Renamed", "next_invoice_number": 5000},
            }
        )
    )
    assert read_contents().business.next_invoice_number == 5000


def test_money_is_exact_and_the_cached_total_matches_the_lines(
    book: peewee.SqliteDatabase, sample_text: str
):
    import_text(sample_text)
    import_text(json.dumps({
        "format": "diva-desk", "version": 1,
        "invoices": [
            {"number": "T-1", "customer": "ACME", "issue_date": "2026-12-01",
             "lines": [{"description": "tiny", "quantity": "1", "unit_price": "0.05",
                        "tax_name": "HST", "tax_rate": "13"}] * 3},
            {"number": "T-2", "customer": "ACME", "issue_date": "2026-12-01",
             "lines": [{"description": "a third", "quantity": "0.335", "unit_price": "3.00",
                        "tax_name": "HST", "tax_rate": "13"}] * 3},
        ],
    }))  # fmt: skip

    totals = {i.number: from_minor(i.total_minor, i.currency) for i in m.Invoice.select()}
    # 3 x 0.05 = 0.15 net; HST 3 x 0.0065 = 0.0195 rounded once per tax name -> 0.02.
    assert totals["T-1"] == Decimal("0.17")
    # 0.335 x 3.00 = 1.005 -> 1.01 half-up (not banker's 1.00); HST 13 % of 3.03 -> 0.39.
    assert totals["T-2"] == Decimal("3.42")
    # The sample: HST on 1.02 + 212.50 = 27.7576 -> 27.76; GST/QST per name on DD-1042.
    assert totals["DD-1040"] == Decimal("241.28")
    assert totals["DD-1042"] == Decimal("207.26")
    raw = dict(book.execute_sql("SELECT number, total_cents FROM invoice").fetchall())
    assert raw["T-1"] == 17 and raw["DD-1042"] == 20726


def test_lines_and_installments_keep_their_order(book: peewee.SqliteDatabase, sample_text):
    import_text(sample_text)

    lines = m.InvoiceLine.select().join(m.Invoice).where(m.Invoice.number == "DD-1040")
    assert [(line.position, line.description) for line in lines.order_by(m.InvoiceLine.id)] == [
        (0, "Business cards — 3 × 0.335 sample"),
        (1, "Design time (hours)"),
        (2, "Rush & courier"),
    ]
    plan = read_contents().payment_plans[0]
    assert [i.due_date for i in plan.installments] == [dt.date(2026, 12, 1), dt.date(2027, 1, 1)]


def test_add_contents_writes_nothing_when_a_reference_is_broken(book: peewee.SqliteDatabase):
    broken = r.BookContents(
        business=r.Business(name="B"),
        customers=(r.Customer(code="A", name="A"),),
        invoices=(
            r.Invoice(number="1", customer="NOBODY", issue_date=dt.date(2026, 1, 1),
                      due_date=dt.date(2026, 1, 1), lines=(r.InvoiceLine("x"),)),
        ),
    )  # fmt: skip
    with pytest.raises(LookupError):
        add_contents(broken)

    assert read_contents() == r.BookContents()


def test_add_contents_and_read_contents_agree(book: peewee.SqliteDatabase, sample_text: str):
    import_text(sample_text)
    contents = read_contents()
    close_book()
    open_book(book.database + ".copy")

    add_contents(contents)

    assert read_contents() == contents


def test_the_summary_reads_as_a_sentence_part(book: peewee.SqliteDatabase, sample_text: str):
    summary = import_text(sample_text)

    assert str(summary) == (
        "the business profile, 4 customers, 4 invoices, 3 payments, 2 promises, "
        "2 payment plans, 2 follow-ups and 4 interactions"
    )
    assert str(ImportSummary(customers=1)) == "1 customer"
    assert str(ImportSummary()) == "nothing"


def test_the_example_in_the_user_docs_imports_as_it_says(book: peewee.SqliteDatabase):
    docs = Path(__file__).parents[2] / "docs" / "interchange.md"
    example = docs.read_text(encoding="utf-8").split("```json\n")[1].split("```")[0]

    import_text(example)

    invoice = m.Invoice.get(m.Invoice.number == "INV-1001")
    assert (invoice.due_date, invoice.currency, invoice.total_minor) == (
        dt.date(2026, 11, 17),
        "CAD",
        24433,
    )
