"""Any text in an interchange file's printable fields: imported without control
characters and within its limits, or refused naming the record and key with the book
left exactly as it was."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diva_desk.core.text_limits import LIMITS
from diva_desk.errors import BadInput
from diva_desk.interchange import export_text, import_text
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import read_contents

#: 1,000 cases and more with DIVA_DESK_FUZZ=1; a quick sample in the everyday suite.
EXAMPLES = 1000 if os.environ.get("DIVA_DESK_FUZZ") == "1" else 30
AT = dt.datetime(2026, 12, 1, 12, 0, 0)

_values = st.one_of(
    st.text(max_size=20),
    st.text(min_size=1, max_size=5).map(lambda s: s * 60),  # long, maybe over a limit
    st.sampled_from(["\x07", "\x1b[31m", "\x00", "line\nline", "\u202eevil", "🎉🇨🇦", "שלום"]),
)


def document(v: dict[str, str]) -> str:
    return json.dumps(
        {
            "format": "diva-desk",
            "version": 1,
            "business": {"name": v["business"] or "B", "address": v["address"]},
            "customers": [
                {"code": "ZED", "name": v["name"] or "Z", "address": v["address"],
                 "contact_name": v["contact"], "notes": v["notes"]},
            ],
            "invoices": [
                {"number": "Z-1", "customer": "ZED", "issue_date": "2026-11-01",
                 "po_number": v["po"], "notes": v["notes"],
                 "lines": [{"description": v["description"] or "x", "quantity": "1",
                            "unit_price": "10.00", "tax_name": v["tax"], "tax_rate": "13"}]},
            ],
            "payments": [{"invoice": "Z-1", "date": "2026-11-05", "amount": "5.00",
                          "reference": v["reference"]}],
        }
    )  # fmt: skip


def clean_within_limits(text: str) -> None:
    """Every string of an exported book: no control characters, no value over a limit."""
    book = json.loads(text)
    pending = [("", book)]
    while pending:
        key, value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value.items())
        elif isinstance(value, list):
            pending.extend((key, item) for item in value)
        elif isinstance(value, str):
            assert not any(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in value), (
                key
            )
            if key in LIMITS:
                assert len(value) <= LIMITS[key].chars, key


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    v=st.fixed_dictionaries(
        {k: _values for k in ("business", "address", "name", "contact", "notes", "po",
                              "description", "tax", "reference")}
    )
)  # fmt: skip
def test_any_text_in_a_file_is_imported_clean_or_refused_by_name(v):
    with tempfile.TemporaryDirectory() as folder:
        open_book(Path(folder) / "book.sqlite3")
        try:
            before = read_contents()
            try:
                import_text(document(v))
            except BadInput as refused:
                message = str(refused)
                assert message.split(".")[0].split("[")[0] in {
                    "business",
                    "customers",
                    "invoices",
                    "payments",
                }, message
                assert read_contents() == before
                return
            clean_within_limits(export_text(AT))
        finally:
            close_book()
