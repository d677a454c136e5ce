"""The streamed export writes the same bytes as the record-by-record writer, without
building a model object per row (issue 11: export and import that stream).

``writer.book_text(read_contents(), moment)`` is the exporter as it was before; it
stays the definition, and every book here is held to it byte for byte.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import sys
from decimal import Decimal
from pathlib import Path

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.interchange import export_pieces, export_text, exporting, import_text
from diva_desk.interchange.writer import book_text
from diva_desk.store.book import models as m
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.reading import read_contents
from diva_desk.store.contents.writing import add_contents

MOMENT = dt.datetime(2026, 11, 23, 9, 30, 15)
BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _generated(customers: int, invoices: int) -> r.BookContents:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module("ten_year_book").ten_year_book(customers, invoices)


def _as_before() -> str:
    return book_text(read_contents(), MOMENT)


def test_a_generated_book_exports_as_before(book: peewee.SqliteDatabase) -> None:
    add_contents(_generated(30, 400))
    assert export_text(MOMENT) == _as_before()


# No control character but tab and line feed: an import drops the rest (core.plain_text).
HOSTILE = 'Quote " backslash \\ tab \t new\nline \u2028 café 北京 🎉'


def _odd_book() -> r.BookContents:
    """Every optional value both ways, odd text, yen, four-decimal prices."""
    business = r.Business(
        name=HOSTILE, owner_name="Zoë", currency="EUR", locale="fr_CA", next_invoice_number=77
    )
    plain = r.Customer(code="PLAIN", name="Plain")
    full = r.Customer(
        code="FULL/1",
        name=HOSTILE,
        contact_name="Ann",
        email="a@example.com",
        phone="+1 555",
        address="1 Main\nTown",
        currency="JPY",
        language="fr_CA",
        terms_days=0,
        ap_contact_name="Bo",
        ap_email="ap@example.com",
        ap_phone="+2",
        invoice_cutoff_day=31,
        payment_run_days=(31, 15, 15, 1),
        deposit_percent=Decimal("12.5"),
        preferred_payment_method=r.PaymentMethod.CHEQUE,
        notes=HOSTILE,
        archived=True,
    )
    yen = r.Invoice(
        number="Y-1",
        customer="FULL/1",
        issue_date=dt.date(2024, 2, 29),
        due_date=dt.date(2024, 3, 30),
        currency="JPY",
        lines=(
            r.InvoiceLine("Three", Decimal("3"), Decimal("333.33"), "TVA", Decimal("9.975")),
            r.InvoiceLine("Round", Decimal("0.5"), Decimal("1000")),
        ),
        state=r.InvoiceState.SENT,
        sent_date=dt.date(2024, 3, 1),
        received_confirmed_date=dt.date(2024, 3, 2),
        po_number=HOSTILE,
        deposit_amount=Decimal("500"),
        deposit_due_date=dt.date(2024, 3, 10),
        notes=HOSTILE,
    )
    cad = r.Invoice(
        number="C-1",
        customer="PLAIN",
        issue_date=dt.date(2026, 1, 1),
        due_date=dt.date(2026, 1, 31),
        currency="CAD",
        lines=(
            r.InvoiceLine("Fine", Decimal("1.2345"), Decimal("12.3456"), "HST", Decimal("13")),
            r.InvoiceLine("Whole", Decimal("2"), Decimal("120.00")),
            r.InvoiceLine("Free", Decimal("1"), Decimal("0")),
        ),
        state=r.InvoiceState.SENT,
    )
    return r.BookContents(
        business=business,
        customers=(plain, full),
        invoices=(yen, cad),
        payments=(
            r.Payment("Y-1", dt.date(2024, 3, 5), Decimal("1000"), r.PaymentMethod.CASH, HOSTILE),
            r.Payment("C-1", dt.date(2026, 1, 5), Decimal("0.01"), None, "", is_deposit=True),
        ),
        promises=(
            r.Promise("FULL/1", dt.date(2024, 3, 1), dt.date(2024, 4, 1), Decimal("200")),
            r.Promise("PLAIN", dt.date(2026, 1, 2), dt.date(2026, 1, 9), Decimal("5.50"), "C-1"),
        ),
        payment_plans=(
            r.PaymentPlan(
                "FULL/1",
                dt.date(2024, 3, 3),
                (
                    r.Installment(dt.date(2024, 4, 1), Decimal("100")),
                    r.Installment(dt.date(2024, 5, 1), Decimal("112")),
                ),
            ),
            r.PaymentPlan("PLAIN", dt.date(2026, 1, 3), (), "C-1"),
        ),
        followups=(
            r.Followup("PLAIN", dt.date(2026, 2, 1), HOSTILE),
            r.Followup("FULL/1", dt.date(2024, 4, 2), "Call", "Y-1", done=True),
        ),
        interactions=(
            r.Interaction("PLAIN", dt.datetime(2026, 1, 4, 8, 0, 0, 123456), notes=HOSTILE),
            r.Interaction(
                "FULL/1",
                dt.datetime(2024, 3, 4, 17, 45, 59),
                r.Channel.CALL,
                r.Outcome.PROMISED,
                "",
                "Y-1",
            ),
        ),
    )


def test_every_kind_of_value_exports_as_before(book: peewee.SqliteDatabase) -> None:
    add_contents(_odd_book())
    text = export_text(MOMENT)
    assert text == _as_before()
    assert '"payment_run_days": [\n        1,\n        15,\n        31\n      ]' in text


def test_an_empty_book_exports_as_before(book: peewee.SqliteDatabase) -> None:
    assert export_text(MOMENT) == _as_before()
    add_contents(r.BookContents(business=r.Business(name="Only the business")))
    assert export_text(MOMENT) == _as_before()


def test_the_odd_book_round_trips_byte_for_byte(
    book: peewee.SqliteDatabase, tmp_path: Path
) -> None:
    odd = _odd_book()
    # A plan with no installments can be stored but not imported (the format needs one).
    add_contents(dataclasses.replace(odd, payment_plans=odd.payment_plans[:1]))
    exported = export_text(MOMENT)
    close_book()
    open_book(tmp_path / "again.sqlite3")
    import_text(exported)
    assert export_text(MOMENT) == exported


def test_no_model_object_is_built_per_row(
    book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_contents(_generated(20, 200))
    built: list[type] = []
    real_init = m.BaseModel.__init__

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(type(self))
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(m.BaseModel, "__init__", counted)
    export_text(MOMENT)
    assert built == [m.Business]  # the one business profile, read as a record


def test_a_large_book_comes_out_in_pieces(
    book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_contents(_generated(20, 300))
    monkeypatch.setattr(exporting, "CHUNK", 25)
    pieces = list(export_pieces(MOMENT))
    assert "".join(pieces) == _as_before()
    # Memory is bounded by a chunk of records, not by the book.
    assert max(len(piece) for piece in pieces) < sum(len(piece) for piece in pieces) / 10
