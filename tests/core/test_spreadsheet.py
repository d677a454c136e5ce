"""The CSV guard: a cell a spreadsheet would run as a formula is kept as text, and comes back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diva_desk.core.spreadsheet import neutralised, unneutralised


def test_formula_starts_get_an_apostrophe_and_plain_text_does_not() -> None:
    assert neutralised('=HYPERLINK("http://x.example")') == '\'=HYPERLINK("http://x.example")'
    assert neutralised("+1 416 555 0100") == "'+1 416 555 0100"
    assert neutralised("-2+3") == "'-2+3"
    assert neutralised("@SUM(A1)") == "'@SUM(A1)"
    assert neutralised("\tTabbed") == "'\tTabbed"
    assert neutralised("Acme") == "Acme"
    assert neutralised("'Round the Clock") == "'Round the Clock"
    assert neutralised("") == ""


def test_text_that_already_looks_neutralised_survives_the_round_trip() -> None:
    assert neutralised("'+1 416") == "''+1 416"
    assert unneutralised("''+1 416") == "'+1 416"
    assert unneutralised("'Round the Clock") == "'Round the Clock"


@given(st.text().filter(lambda t: not t.startswith(("\t", "\r"))))
def test_what_the_export_writes_the_import_reads_back(text: str) -> None:
    # A tab or carriage return first is kept behind its apostrophe: the import leaves
    # such a cell alone, since an apostrophe there may be the owner's own.
    assert unneutralised(neutralised(text)) == text
