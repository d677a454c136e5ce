"""Version 2's taxes: several on a line, the registration numbers, and what is refused.

Each refusal names the record and key and leaves the book as it was.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from typing import Any

import peewee
import pytest

from diva_desk.errors import BadInput
from diva_desk.interchange import export_text, import_text
from diva_desk.store.contents.writing import read_contents

MOMENT = dt.datetime(2026, 12, 3, 9, 0)

BOOK: dict[str, Any] = {
    "format": "diva-desk",
    "version": 2,
    "business": {
        "name": "Studio",
        "tax_registrations": [
            {"tax": "GST", "number": "123456789 RT0001"},
            {"tax": "QST", "number": "1234567890 TQ0001"},
        ],
    },
    "customers": [{"code": "Q", "name": "Québec Inc.", "language": "fr_CA"}],
    "invoices": [
        {"number": "1", "customer": "Q", "issue_date": "2026-11-02",
         "lines": [
             {"description": "Design", "quantity": "3", "unit_price": "33.33",
              "taxes": [{"name": "GST", "rate": "5"}, {"name": "QST", "rate": "9.975"}]},
             {"description": "Prints", "quantity": "1", "unit_price": "10.00",
              "taxes": [{"name": "GST", "rate": "5"}, {"name": "QST", "rate": "9.975"}]},
             {"description": "Old form", "unit_price": "1.00", "tax_name": "GST",
              "tax_rate": "5"},
             {"description": "Export", "unit_price": "2.00"},
         ]},
    ],
}  # fmt: skip


def _changed(path: str, value: Any) -> dict[str, Any]:
    document = copy.deepcopy(BOOK)
    *parents, last = path.split(".")
    target: Any = document
    for step in parents:
        target = target[int(step)] if isinstance(target, list) else target[step]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return document


def test_a_line_carries_gst_and_qst_each_summed_and_rounded_once(book: peewee.SqliteDatabase):
    import_text(json.dumps(BOOK))
    contents = read_contents()
    invoice = contents.invoices[0]
    assert [[(t.name, t.rate) for t in line.taxes] for line in invoice.lines] == [
        [("GST", Decimal(5)), ("QST", Decimal("9.975"))],
        [("GST", Decimal(5)), ("QST", Decimal("9.975"))],
        [("GST", Decimal(5))],
        [],
    ]
    assert contents.business is not None
    assert contents.business.registration_for("GST") == "123456789 RT0001"
    exported = json.loads(export_text())
    # The old form is written the new way; nothing else about the line changes.
    assert exported["invoices"][0]["lines"][2]["taxes"] == [{"name": "GST", "rate": "5"}]
    assert exported["business"]["tax_registrations"] == BOOK["business"]["tax_registrations"]


# (where to change, new value, the exact message)
CASES: list[tuple[str, Any, str]] = [
    ("invoices.0.lines.0.tax_name", "GST",
     'invoices[0] (1).lines[0].tax_name: a line gives its taxes either in "taxes" or as '
     "tax_name, not both"),
    ("invoices.0.lines.0.taxes",
     [{"name": "GST", "rate": "5"}, {"name": "GST", "rate": "5"}],
     "invoices[0] (1).lines[0].taxes[1].name: GST is on this line twice"),
    ("invoices.0.lines.0.taxes", [{"name": "", "rate": "5"}],
     "invoices[0] (1).lines[0].taxes[0].name: must not be empty"),
    ("invoices.0.lines.0.taxes", [{"name": "GST"}],
     "invoices[0] (1).lines[0].taxes[0].rate: missing; this key is required"),
    ("invoices.0.lines.0.taxes", [{"name": "GST", "rate": 5}],
     "invoices[0] (1).lines[0].taxes[0].rate: expected a decimal string, got 5"),
    ("invoices.0.lines.0.taxes", [{"name": "GST", "rate": "5", "region": "QC"}],
     "invoices[0] (1).lines[0].taxes[0].region: unknown key; known keys are name, rate"),
    ("business.tax_registrations", [{"tax": "GST", "number": "1"}, {"tax": "GST", "number": "2"}],
     "business.tax_registrations[1].tax: GST has a number already"),
    ("business.tax_registrations", [{"tax": "GST"}],
     "business.tax_registrations[0].number: missing; this key is required"),
    # What comes with later issues is refused by name, never dropped.
    # Late interest (issue 16): held, and checked.
    ("business.late_fee_percent_per_month", "5.01",
     'business.late_fee_percent_per_month: must be at most 5, got "5.01"'),
    ("business.late_fee_percent_per_month", 2,
     "business.late_fee_percent_per_month: expected a decimal string, got 2"),
    ("business.late_fee_grace_days", -1,
     "business.late_fee_grace_days: must be between 0 and 36500, got -1"),
    ("customers.0.late_fee_percent_per_month", "-1",
     'customers[0] (Q).late_fee_percent_per_month: must be 0 or more, got "-1"'),
    ("invoices.0.late_fee_through", "2026-02-30",
     'invoices[0] (1).late_fee_through: expected a date YYYY-MM-DD, got "2026-02-30"'),
    # Version 1 knows nothing of them.
    ("version", 1,
     "business.tax_registrations: unknown key; known keys are name, owner_name, address, "
     "email, phone, tax_numbers, currency, locale, default_terms_days, invoice_prefix, "
     "next_invoice_number, payment_instructions"),
]  # fmt: skip


@pytest.mark.parametrize(("path", "value", "message"), CASES, ids=[c[2][:70] for c in CASES])
def test_bad_version_2_input_names_record_and_key_and_changes_nothing(
    book: peewee.SqliteDatabase, path: str, value: Any, message: str
):
    # One moment for both exports: the same book must not differ by a second's tick.
    before = export_text(MOMENT)
    with pytest.raises(BadInput) as caught:
        import_text(json.dumps(_changed(path, value), ensure_ascii=False))
    assert str(caught.value) == message
    assert export_text(MOMENT) == before


def test_empty_records_of_later_issues_carry_nothing_and_are_let_through(
    book: peewee.SqliteDatabase,
):
    document = _changed("quotes", [])
    document["recurring_invoices"] = None
    document["invoices"][0]["payment_link"] = None
    import_text(json.dumps(document))
    assert len(read_contents().invoices) == 1


def test_a_version_1_line_may_not_use_version_2_taxes(book: peewee.SqliteDatabase):
    document = _changed("version", 1)
    del document["business"]["tax_registrations"]
    with pytest.raises(BadInput) as caught:
        import_text(json.dumps(document))
    assert str(caught.value) == (
        "invoices[0] (1).lines[0].taxes: several taxes on a line need format version 2 "
        '("version": 2)'
    )
