"""Every kind of bad file is refused with a message naming the record and key, and the
book is left exactly as it was: an import is all or nothing."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import peewee
import pytest

from diva_desk.errors import BadInput
from diva_desk.interchange import export_text, import_file, import_text

AT = dt.datetime(2026, 12, 1, 12, 0, 0)

#: A good file to add to a book holding the sample; each case breaks one spot of it.
ADDITION: dict[str, Any] = {
    "format": "diva-desk",
    "version": 1,
    "customers": [
        {"code": "ZED", "name": "Zed Co.", "email": "z@zed.example"},
        {"code": "YAK", "name": "Yak Inc.", "terms_days": 10},
    ],
    "invoices": [
        {"number": f"Z-{n}", "customer": "ZED", "issue_date": "2026-11-01",
         "lines": [{"description": "Work", "quantity": "1", "unit_price": "10.00",
                    "tax_name": "HST", "tax_rate": "13"}]}
        for n in (1, 2, 3)
    ] + [
        {"number": "INV-1004", "customer": "YAK", "issue_date": "2026-11-02",
         "lines": [{"description": "Two things", "quantity": "2", "unit_price": "5.00"}]},
    ],
    "payments": [{"invoice": "Z-1", "date": "2026-11-05", "amount": "5.00", "is_deposit": False}],
    "promises": [{"customer": "ZED", "invoice": "Z-1", "made_on": "2026-11-05",
                  "promised_date": "2026-11-20", "amount": "5.00"}],
    "payment_plans": [{"customer": "ZED", "agreed_on": "2026-11-05",
                       "installments": [{"due_date": "2026-12-01", "amount": "5.00"}]}],
    "followups": [{"customer": "ZED", "due_date": "2026-11-21", "reason": "Call Zed"}],
    "interactions": [{"customer": "ZED", "at": "2026-11-05T10:00:00", "channel": "call",
                      "outcome": "reached"}],
}  # fmt: skip

DECIMAL_PLACES = "has more than {} decimal places"
METHODS = "cash, cheque, e-transfer, card, bank-transfer, other"

# (where to change, new value, the exact message)
CASES: list[tuple[str, Any, str]] = [
    # Printable text over its limit (core.text_limits, docs/limits.md).
    ("customers.0.name", "N" * 201,
     "customers[0] (ZED).name: at most 200 characters (this has 201)"),
    ("customers.0.address", "\n".join(["Street"] * 51),
     "customers[0] (ZED).address: at most 20 lines (this has 51)"),
    ("invoices.0.po_number", "P" * 833,
     "invoices[0] (Z-1).po_number: at most 100 characters (this has 833)"),
    ("invoices.0.lines.0.description", "x\n" * 200,
     "invoices[0] (Z-1).lines[0].description: at most 200 lines (this has 201)"),
    ("invoices.0.lines.0.tax_name", "T" * 307,
     "invoices[0] (Z-1).lines[0].tax_name: at most 60 characters (this has 307)"),
    ("payments.0.reference", "R" * 1121,
     "payments[0].reference: at most 200 characters (this has 1,121)"),
    # The spec's own example.
    ("invoices.3.lines.0.quantity", "two",
     'invoices[3] (INV-1004).lines[0].quantity: expected a decimal string, got "two"'),
    # A JSON number has been through a float: refused even when it looks harmless.
    ("invoices.0.lines.0.quantity", 2,
     "invoices[0] (Z-1).lines[0].quantity: expected a decimal string, got 2"),
    ("invoices.0.lines.0.unit_price", 10.5,
     "invoices[0] (Z-1).lines[0].unit_price: expected a decimal string, got 10.5"),
    ("payments.0.amount", "1e3", 'payments[0].amount: expected a decimal string, got "1e3"'),
    ("payments.0.amount", "1,000.00",
     'payments[0].amount: expected a decimal string, got "1,000.00"'),
    # Places: amounts to the currency's minor unit (cents here), unit prices, quantities
    # and rates to four decimals.
    ("invoices.0.lines.0.unit_price", "10.00001",
     'invoices[0] (Z-1).lines[0].unit_price: "10.00001" has more than 4 decimal places'),
    ("payments.0.amount", "5.001", 'payments[0].amount: "5.001" has more than 2 decimal places'),
    ("invoices.0.deposit_amount", "0.001",
     'invoices[0] (Z-1).deposit_amount: "0.001" has more than 2 decimal places'),
    ("invoices.0.lines.0.quantity", "1.23456",
     'invoices[0] (Z-1).lines[0].quantity: "1.23456" has more than 4 decimal places'),
    ("invoices.0.lines.0.tax_rate", "13.00001",
     'invoices[0] (Z-1).lines[0].tax_rate: "13.00001" has more than 4 decimal places'),
    ("customers.0.deposit_percent", "10.12345",
     'customers[0] (ZED).deposit_percent: "10.12345" has more than 4 decimal places'),
    # Ranges.
    ("invoices.0.lines.0.quantity", "0",
     'invoices[0] (Z-1).lines[0].quantity: must be more than 0, got "0"'),
    ("invoices.0.lines.0.quantity", "-1",
     'invoices[0] (Z-1).lines[0].quantity: must be more than 0, got "-1"'),
    ("invoices.0.lines.0.unit_price", "-0.01",
     'invoices[0] (Z-1).lines[0].unit_price: must be 0 or more, got "-0.01"'),
    ("invoices.0.lines.0.tax_rate", "-5",
     'invoices[0] (Z-1).lines[0].tax_rate: must be 0 or more, got "-5"'),
    ("payments.0.amount", "0.00", 'payments[0].amount: must be more than 0, got "0.00"'),
    ("promises.0.amount", "-5", 'promises[0].amount: must be more than 0, got "-5"'),
    ("payment_plans.0.installments.0.amount", "0",
     'payment_plans[0].installments[0].amount: must be more than 0, got "0"'),
    ("customers.0.invoice_cutoff_day", 0,
     "customers[0] (ZED).invoice_cutoff_day: must be between 1 and 31, got 0"),
    ("customers.0.invoice_cutoff_day", 32,
     "customers[0] (ZED).invoice_cutoff_day: must be between 1 and 31, got 32"),
    ("customers.0.payment_run_days", [15, 32],
     "customers[0] (ZED).payment_run_days[1]: must be between 1 and 31, got 32"),
    ("customers.0.payment_run_days", [0],
     "customers[0] (ZED).payment_run_days[0]: must be between 1 and 31, got 0"),
    ("customers.0.payment_run_days", 15,
     "customers[0] (ZED).payment_run_days: expected a list of days 1-31, got 15"),
    ("customers.0.deposit_percent", "100.5",
     'customers[0] (ZED).deposit_percent: must be at most 100, got "100.5"'),
    ("customers.0.deposit_percent", "-1",
     'customers[0] (ZED).deposit_percent: must be 0 or more, got "-1"'),
    ("customers.0.deposit_percent", 50,
     "customers[0] (ZED).deposit_percent: expected a decimal string, got 50"),
    ("customers.1.terms_days", -1,
     "customers[1] (YAK).terms_days: must be between 0 and 36500, got -1"),
    ("customers.1.terms_days", "30",
     'customers[1] (YAK).terms_days: expected a whole number, got "30"'),
    ("customers.1.terms_days", 30.0,
     "customers[1] (YAK).terms_days: expected a whole number, got 30.0"),
    # Booleans are not integers, and integers are not booleans.
    ("customers.0.invoice_cutoff_day", True,
     "customers[0] (ZED).invoice_cutoff_day: expected a whole number, got true"),
    ("customers.0.archived", 1, "customers[0] (ZED).archived: expected true or false, got 1"),
    ("payments.0.is_deposit", "yes", 'payments[0].is_deposit: expected true or false, got "yes"'),
    # Enumerations.
    ("customers.0.preferred_payment_method", "paypal",
     'customers[0] (ZED).preferred_payment_method: unknown value "paypal"; '
     f"expected one of {METHODS}"),
    ("payments.0.method", "Cash",
     f'payments[0].method: unknown value "Cash"; expected one of {METHODS}'),
    ("invoices.0.status", "paid",
     'invoices[0] (Z-1).status: unknown value "paid"; expected one of draft, sent, void'),
    ("interactions.0.channel", "fax",
     'interactions[0].channel: unknown value "fax"; '
     "expected one of call, email, meeting, letter, note"),
    ("interactions.0.outcome", "happy",
     'interactions[0].outcome: unknown value "happy"; expected one of reached, no_answer, '
     "voicemail, promised, dispute, paid, plan, received_ok, problem, other"),
    # Dates and timestamps.
    ("invoices.0.issue_date", "2026-02-30",
     'invoices[0] (Z-1).issue_date: expected a date YYYY-MM-DD, got "2026-02-30"'),
    ("invoices.0.issue_date", "20261101",
     'invoices[0] (Z-1).issue_date: expected a date YYYY-MM-DD, got "20261101"'),
    ("invoices.0.due_date", "2026-11-01T00:00:00",
     'invoices[0] (Z-1).due_date: expected a date YYYY-MM-DD, got "2026-11-01T00:00:00"'),
    ("promises.0.made_on", "11/05/2026",
     'promises[0].made_on: expected a date YYYY-MM-DD, got "11/05/2026"'),
    ("interactions.0.at", "2026-11-05 10:00:00",
     "interactions[0].at: expected a local date and time YYYY-MM-DDTHH:MM:SS, "
     'got "2026-11-05 10:00:00"'),
    ("interactions.0.at", "2026-11-05T10:00",
     "interactions[0].at: expected a local date and time YYYY-MM-DDTHH:MM:SS, "
     'got "2026-11-05T10:00"'),
    ("interactions.0.at", "2026-11-05T25:00:00",
     "interactions[0].at: expected a local date and time YYYY-MM-DDTHH:MM:SS, "
     'got "2026-11-05T25:00:00"'),
    ("interactions.0.at", "2026-11-05T10:00:00Z",
     "interactions[0].at: expected a local date and time YYYY-MM-DDTHH:MM:SS, "
     'got "2026-11-05T10:00:00Z"'),
    ("exported_at", "yesterday",
     'exported_at: expected a local date and time YYYY-MM-DDTHH:MM:SS, got "yesterday"'),
    # Currencies and locales.
    ("customers.0.currency", "XYZ", 'customers[0] (ZED).currency: unknown currency code "XYZ"'),
    ("invoices.0.currency", "dollars",
     'invoices[0] (Z-1).currency: unknown currency code "dollars"'),
    ("customers.0.language", "xx_YY",
     'customers[0] (ZED).language: unknown locale "xx_YY"; use a name such as en_CA or fr_CA'),
    ("business", {"name": "B", "locale": "klingon"},
     'business.locale: unknown locale "klingon"; use a name such as en_CA or fr_CA'),
    # Duplicates and references.
    ("customers.1.code", "ZED",
     'customers[1] (ZED).code: the customer code "ZED" is already used in the file at '
     "customers[0] (ZED)"),
    ("invoices.2.number", "Z-1",
     'invoices[2] (Z-1).number: the invoice number "Z-1" is already used in the file at '
     "invoices[0] (Z-1)"),
    ("customers.0.code", "ACME",
     'customers[0] (ACME).code: the book already has a customer with the code "ACME"'),
    ("invoices.0.number", "DD-1040",
     'invoices[0] (DD-1040).number: the book already has an invoice numbered "DD-1040"'),
    ("invoices.0.customer", "NOPE",
     'invoices[0] (Z-1).customer: no customer with the code "NOPE" in the file or the book'),
    ("payments.0.invoice", "NOPE-9",
     'payments[0].invoice: no invoice numbered "NOPE-9" in the file or the book'),
    ("payments.0.invoice", None, "payments[0].invoice: missing; this key is required"),
    ("followups.0.customer", "nobody",
     'followups[0].customer: no customer with the code "nobody" in the file or the book'),
    ("promises.0.invoice", "DD-1040",
     'promises[0].invoice: invoice "DD-1040" belongs to customer "ACME", not "ZED"'),
    ("interactions.0.invoice", "INV-1004",
     'interactions[0].invoice: invoice "INV-1004" belongs to customer "YAK", not "ZED"'),
    # Shapes and required keys.
    ("invoices.0.lines", [], "invoices[0] (Z-1).lines: needs at least one entry"),
    ("invoices.0.lines", None, "invoices[0] (Z-1).lines: missing; this key is required"),
    ("invoices.0.lines", "Work", 'invoices[0] (Z-1).lines: expected a list, got "Work"'),
    ("payment_plans.0.installments", [], "payment_plans[0].installments: needs at least one entry"),
    ("followups.0.reason", None, "followups[0].reason: missing; this key is required"),
    ("invoices.1.issue_date", None, "invoices[1] (Z-2).issue_date: missing; this key is required"),
    ("customers.0.code", "  ", "customers[0].code: must not be empty"),
    ("customers.0.name", 5, "customers[0] (ZED).name: expected text, got 5"),
    ("customers.0.name", None, "customers[0] (ZED).name: missing; this key is required"),
    ("customers", {"code": "ZED"}, 'customers: expected a list, got {"code": "ZED"}'),
    ("payments.0", "Z-1", 'payments[0]: expected an object, got "Z-1"'),
    ("business", {}, "business.name: missing; this key is required"),
    # Unknown keys, anywhere.
    ("customers.0.emial", "z@zed.example",
     'customers[0] (ZED).emial: unknown key; did you mean "email"?'),
    ("customer", [], 'customer: unknown key; did you mean "customers"?'),
    ("invoices.0.lines.0.qty", "1",
     "invoices[0] (Z-1).lines[0].qty: unknown key; known keys are description, quantity, "
     "unit_price, tax_name, tax_rate"),
    ("payment_plans.0.installments.0.paid", True,
     "payment_plans[0].installments[0].paid: unknown key; known keys are due_date, amount"),
    ("business", {"name": "B", "logo": "x"},
     "business.logo: unknown key; known keys are name, owner_name, address, email, phone, "
     "tax_numbers, currency, locale, default_terms_days, invoice_prefix, next_invoice_number, "
     "payment_instructions"),
    # Format and version.
    ("format", "other", 'format: expected "diva-desk", got "other"; this is not a Diva Desk file'),
    ("format", None, "format: missing; this key is required"),
    ("version", 3,
     "version: this file is format version 3, but this Diva Desk reads version 2; "
     "install a newer Diva Desk to import it"),
    ("version", "1", 'version: expected a whole number, got "1"'),
    ("version", 0, "version: must be 1 or more, got 0"),
    ("version", None, "version: missing; this key is required"),
    # Overflow guards.
    ("invoices.0.lines", [{"description": "x", "unit_price": "999999999999.99"}] * 2,
     "invoices[0] (Z-1).lines: the invoice total 1999999999999.98 is too large"),
    ("business", {"name": "B", "next_invoice_number": 2**63},
     "business.next_invoice_number: must be between 1 and 999999999, got 9223372036854775808"),
    ("business", {"name": "B", "next_invoice_number": 0},
     "business.next_invoice_number: must be between 1 and 999999999, got 0"),
    ("invoices.0.lines.0", {"description": "x", "quantity": "2", "unit_price": "999999999999.99"},
     "invoices[0] (Z-1).lines[0].unit_price: quantity × unit price is too large"),
    ("payments.0.amount", "1000000000000.00",
     'payments[0].amount: "1000000000000.00" is too large (the limit is 1,000,000,000,000)'),
]  # fmt: skip


def _changed(path: str, value: Any) -> dict[str, Any]:
    document = copy.deepcopy(ADDITION)
    *parents, last = path.split(".")
    target: Any = document
    for step in parents:
        target = target[int(step)] if isinstance(target, list) else target[step]
    if isinstance(target, list):
        target[int(last)] = value
    elif value is None:
        target.pop(last, None)
    else:
        target[last] = value
    return document


@pytest.fixture
def sample_book(book: peewee.SqliteDatabase, sample_text: str) -> Iterator[str]:
    """A book holding the sample; yields its export, to compare after a refused import."""
    import_text(sample_text)
    before = export_text(AT)
    yield before
    assert export_text(AT) == before, "a refused import changed the book"


def test_the_unbroken_addition_imports(book: peewee.SqliteDatabase, sample_text: str):
    """So that each case below fails for the one thing it breaks."""
    import_text(sample_text)
    summary = import_text(json.dumps(ADDITION))

    assert (summary.customers, summary.invoices, summary.interactions) == (2, 4, 1)


@pytest.mark.parametrize(("path", "value", "message"), CASES, ids=[c[2][:70] for c in CASES])
def test_bad_input_names_record_and_key_and_changes_nothing(
    sample_book: str, path: str, value: Any, message: str
):
    with pytest.raises(BadInput) as caught:
        import_text(json.dumps(_changed(path, value), ensure_ascii=False))
    assert str(caught.value) == message


RAW_CASES = [
    ('{"format": "diva-desk",\n "version": 1\n "customers": []}',
     "The file is not valid JSON: Expecting ',' delimiter at line 3, column 2."),
    ("", "The file is not valid JSON: Expecting value at line 1, column 1."),
    ("[1, 2]", "This is not a Diva Desk file: expected a JSON object, got [1, 2]."),
    ('{"format": "diva-desk", "version": 1, "payments": [{"invoice": "DD-1040", '
     '"date": "2026-11-05", "amount": NaN}]}',
     "payments[0].amount: expected a decimal string, got NaN"),
    ('{"format": "diva-desk", "version": 1, "followups": [{"customer": "ACME", '
     '"due_date": "2026-11-05", "reason": "bad \\ud800 text"}]}',
     "followups[0].reason: the text holds an invalid character (a lone surrogate escape)"),
    ('{"format": "diva-desk", "version": 1, "customers": [{"code": "Q", "name": "Q", '
     '"name": "Q again"}]}',
     "customers[0] (Q).name: this key appears more than once in the same object"),
    # A newer file is refused for its version, not for the keys it added.
    ('{"format": "diva-desk", "version": 3, "projects": []}',
     "version: this file is format version 3, but this Diva Desk reads version 2; "
     "install a newer Diva Desk to import it"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), RAW_CASES, ids=[c[1][:60] for c in RAW_CASES])
def test_bad_text_is_refused_with_its_place(sample_book: str, text: str, message: str):
    with pytest.raises(BadInput) as caught:
        import_text(text)
    assert str(caught.value) == message


def test_a_bad_record_late_in_the_file_still_leaves_everything_unwritten(sample_book: str):
    """The customers and invoices before the bad interaction must not be kept."""
    document = _changed("interactions.0.outcome", "happy")
    with pytest.raises(BadInput):
        import_text(json.dumps(document))
    assert '"ZED"' not in export_text(AT)


def test_a_new_book_needs_a_business(book: peewee.SqliteDatabase):
    with pytest.raises(BadInput) as caught:
        import_text(json.dumps(ADDITION))

    assert str(caught.value) == (
        "business: missing; the book has no business profile yet, so the file must have one"
    )
    assert json.loads(export_text())["customers"] == []


def test_import_file_says_what_is_wrong_with_the_file(book: peewee.SqliteDatabase, tmp_path: Path):
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"format": "diva-desk", "business": {"name": "Café"}}'.encode("latin-1"))
    with pytest.raises(BadInput, match=r"latin1\.json is not UTF-8 text \(byte 49 "):
        import_file(latin1)
    with pytest.raises(BadInput, match=r"Cannot read .*missing\.json"):
        import_file(tmp_path / "missing.json")


def test_import_file_accepts_a_byte_order_mark(book: peewee.SqliteDatabase, tmp_path: Path):
    path = tmp_path / "bom.json"
    document = {"format": "diva-desk", "version": 1, "business": {"name": "Café"}}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document).encode("utf-8"))

    assert import_file(path).business is True
    assert json.loads(export_text())["business"]["name"] == "Café"


def test_control_characters_in_a_file_never_reach_the_book(
    book: peewee.SqliteDatabase, sample_text: str
):
    import_text(sample_text)
    document = _changed("customers.0.name", "Zed\x07 Co.\x1b")
    document["customers"][0]["address"] = "1 Main\x00\nTown"
    import_text(json.dumps(document))
    exported = export_text(AT)
    assert '"Zed Co."' in exported and '"1 Main\\nTown"' in exported
    assert "\\u0007" not in exported and "\\u001b" not in exported


def test_a_refused_long_text_leaves_the_book_exactly_as_it_was(sample_book: str):
    before = export_text(AT)
    with pytest.raises(BadInput):
        import_text(json.dumps(_changed("invoices.2.notes", "n" * 10_001)))
    assert export_text(AT) == before
