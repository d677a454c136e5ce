"""Reminder letters: three courteous levels, each with its own clear ask."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.papers import ReminderDocument
from diva_desk.core.records import InvoiceLine
from diva_desk.documents.letters.reminder import ReminderLevel, reminder_pdf
from diva_desk.errors import BadInput

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def overdue(make_invoice, payment):
    lines = (InvoiceLine("Work", Decimal("1"), Decimal("1000.00"), "HST", Decimal("13")),)
    invoices = [
        make_invoice("INV-0988", issue=dt.date(2026, 9, 1), due=dt.date(2026, 10, 1), lines=lines),
        make_invoice("INV-1030", issue=dt.date(2026, 10, 5), due=dt.date(2026, 11, 4), lines=lines),
    ]
    return invoices, [payment("INV-0988", dt.date(2026, 10, 20), "130.00")]


def _letter(business, customer, overdue, pdf_pages, flat, level, **kwargs) -> str:
    invoices, payments = overdue
    doc = ReminderDocument(business, customer, invoices, payments, TODAY, **kwargs)
    pages = pdf_pages(reminder_pdf(doc, level))
    assert len(pages) == 1, "a reminder letter fits on one page"
    return flat(pages[0])


@pytest.mark.parametrize("level", list(ReminderLevel))
def test_every_letter_is_dated_addressed_itemised_and_signed(
    business, customer, overdue, pdf_pages, flat, level
):
    text = _letter(business, customer, overdue, pdf_pages, flat, level)
    for expected in [
        "November 23, 2026",
        "Acme Bakery Ltd.",
        "Attention: Lee Chan",
        "1200 Bay Street",
        "Dear Lee Chan,",
        "INV-0988 Sep 1, 2026 Oct 1, 2026 53 $1,000.00",
        "INV-1030 Oct 5, 2026 Nov 4, 2026 19 $1,130.00",
        "Total $2,130.00",
        "Diva Martin",
        "Interac e-Transfer to pay@studiolumiere.ca",
        "Page 1 of 1",
    ]:
        assert expected in text, (level, expected)
    for threat in ("legal", "court", "collection agency", "lawyer"):
        assert threat not in text.lower()


def test_friendly_assumes_an_oversight(business, customer, overdue, pdf_pages, flat):
    text = _letter(business, customer, overdue, pdf_pages, flat, "friendly")
    assert "Friendly reminder" in text
    assert "slipped through the cracks" in text
    assert "please disregard" in text
    assert "payment plan" not in text and "pausing" not in text


def test_firm_asks_for_a_date_and_offers_a_plan(business, customer, overdue, pdf_pages, flat):
    text = _letter(business, customer, overdue, pdf_pages, flat, ReminderLevel.FIRM)
    assert "arrange payment by November 30, 2026" in text  # seven days by default
    assert "payment plan" in text
    assert "pausing" not in text
    later = _letter(
        business, customer, overdue, pdf_pages, flat, "firm", pay_by=dt.date(2026, 12, 4)
    )
    assert "arrange payment by December 4, 2026" in later


def test_final_pauses_work_and_is_signed_by_the_owner(business, customer, overdue, pdf_pages, flat):
    text = _letter(business, customer, overdue, pdf_pages, flat, "final")
    assert "Final reminder" in text
    assert "pausing further work on your account" in text
    assert "payment plan" in text
    assert "Sincerely, Diva Martin Studio Lumière Design" in text


def test_the_three_letters_differ(business, customer, overdue, pdf_pages, flat):
    texts = {
        level: _letter(business, customer, overdue, pdf_pages, flat, level)
        for level in ReminderLevel
    }
    assert len(set(texts.values())) == 3


def test_no_letter_when_nothing_is_owed(business, customer, make_invoice, payment):
    paid = [payment("INV-1042", dt.date(2026, 11, 10), "3067.38")]
    doc = ReminderDocument(business, customer, [make_invoice()], paid, TODAY)
    with pytest.raises(BadInput, match="owes nothing"):
        reminder_pdf(doc, "friendly")


def test_unknown_level_is_refused(business, customer, overdue):
    with pytest.raises(ValueError):
        reminder_pdf(ReminderDocument(business, customer, *overdue, TODAY), "angry")


def test_only_overdue_invoices_are_asked_for(
    business, customer, overdue, make_invoice, pdf_pages, flat
):
    """An invoice not yet due (or due today) is neither listed nor in the letter's total."""
    invoices, payments = overdue
    lines = (InvoiceLine("Work", Decimal("1"), Decimal("500.00")),)
    not_due = [
        make_invoice(
            "INV-1101", issue=dt.date(2026, 11, 10), due=dt.date(2026, 12, 10), lines=lines
        ),
        make_invoice("INV-1102", issue=dt.date(2026, 10, 24), due=TODAY, lines=lines),
    ]
    doc = ReminderDocument(business, customer, [*invoices, *not_due], payments, TODAY)
    for level in ReminderLevel:
        pages = pdf_pages(reminder_pdf(doc, level))
        text = flat(pages[0])
        assert "INV-0988" in text and "INV-1030" in text
        assert "INV-1101" not in text and "INV-1102" not in text, level
        assert "Total $2,130.00" in text  # 1,000.00 + 1,130.00, not the 1,000.00 not yet due
        assert "$3,130.00" not in text
        assert "balance of $2,130.00" in text


def test_no_letter_when_nothing_is_overdue_yet(business, customer, make_invoice):
    not_due = make_invoice("INV-1101", issue=dt.date(2026, 11, 10), due=dt.date(2026, 12, 10))
    doc = ReminderDocument(business, customer, [not_due], [], TODAY)
    for level in ReminderLevel:
        with pytest.raises(BadInput, match=r"^Acme Bakery Ltd\. has nothing overdue: no reminder"):
            reminder_pdf(doc, level)
