"""reminder-pdf follows the call list's standing: agreements being kept hold letters back."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from diva_desk.i18n import _, speaking
from diva_desk.i18n.format import money, month_day
from tests.cli.test_documents import SAMPLE, french, one_line_error, pdf_text, plain, run

#: The sample book speaks fr_CA, and so do its messages.
LOCALE = "fr_CA"
#: Each sample invoice's total (the lines of DD-1040).
TOTAL = Decimal("241.28")


@pytest.fixture
def agreed(tmp_path: Path) -> Path:
    """ACME: DD-3001 (due Oct 1) on a plan, DD-3002 (due Nov 14) outside it.

    The plan, agreed Oct 15: 120.00 on Nov 15 (paid Nov 14), 121.28 on Dec 18.
    CAFE: DD-3003 (due Nov 1) with all of it (241.28) promised by Dec 10, made Nov 20.
    """
    book = json.loads(SAMPLE.read_text(encoding="utf-8"))
    first = book["invoices"][0]

    def invoice(number: str, customer: str, issued: str, due: str) -> dict:
        return dict(
            first, number=number, customer=customer, issue_date=issued, sent_date=issued,
            due_date=due,
        )  # fmt: skip

    book["invoices"] = [
        invoice("DD-3001", "ACME", "2026-09-01", "2026-10-01"),
        invoice("DD-3002", "ACME", "2026-10-15", "2026-11-14"),
        invoice("DD-3003", "CAFE", "2026-10-02", "2026-11-01"),
    ]
    book["payments"] = [
        {"invoice": "DD-3001", "date": "2026-11-14", "amount": "120.00", "method": "cheque",
         "reference": "", "is_deposit": False}
    ]  # fmt: skip
    book["payment_plans"] = [
        {"customer": "ACME", "invoice": "DD-3001", "agreed_on": "2026-10-15",
         "installments": [{"due_date": "2026-11-15", "amount": "120.00"},
                          {"due_date": "2026-12-18", "amount": "121.28"}]}
    ]  # fmt: skip
    book["promises"] = [
        {"customer": "CAFE", "invoice": "DD-3003", "made_on": "2026-11-20",
         "promised_date": "2026-12-10", "amount": "241.28"}
    ]  # fmt: skip
    for kind in ("followups", "interactions"):
        book[kind] = []
    (tmp_path / "agreed.json").write_text(json.dumps(book), encoding="utf-8")
    data = tmp_path / "agreed-data"
    assert run("import", str(tmp_path / "agreed.json"), data_dir=data, cwd=tmp_path).returncode == 0
    return data


def test_a_kept_plan_with_nothing_else_overdue_gets_no_letter(agreed: Path, tmp_path: Path) -> None:
    # On Nov 10 only DD-3001 is overdue, and the plan covering it is being kept.
    result = run(
        "reminder-pdf", "ACME", "--level", "final", "--date", "2026-11-10",
        data_dir=agreed, cwd=tmp_path,
    )  # fmt: skip
    next_one = money(Decimal("120.00"), "CAD", LOCALE)
    due = month_day(dt.date(2026, 11, 15), LOCALE)
    with speaking(LOCALE):  # the sample book's language
        said = _(
            "{customer} is on a payment plan: next installment {amount} due {date}; "
            "no reminder is needed."
        ).format(customer="\0", amount=next_one, date=due)
    one_line_error(result, 2, plain(said.split("\0")[1]))
    assert not list(tmp_path.glob("*.pdf"))


def test_the_letter_lists_only_what_is_outside_the_plan(agreed: Path, tmp_path: Path) -> None:
    result = run(
        "reminder-pdf", "ACME", "--level", "final", "--date", "2026-12-03",
        data_dir=agreed, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    target = tmp_path / "ACME-reminder-final-2026-12-03.pdf"
    text = pdf_text(target)
    assert "DD-3002" in text and "DD-3001" not in text
    assert french("Total") + " " + plain(money(TOTAL, "CAD", LOCALE)) in text
    # Not the whole balance: DD-3001's 121.28 still owed is the plan's.
    assert plain(money(TOTAL * 2 - Decimal("120.00"), "CAD", LOCALE)) not in text


def test_a_missed_installment_is_asked_for(agreed: Path, tmp_path: Path) -> None:
    target = tmp_path / "late.pdf"
    result = run(
        "reminder-pdf", "ACME", "--date", "2026-12-21", "-o", str(target),
        data_dir=agreed, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = pdf_text(target)
    # the Dec 18 installment, missed
    assert french("{invoice} (installment)", invoice="DD-3001") in text
    assert french("Total") + " " + plain(money(TOTAL + Decimal("121.28"), "CAD", LOCALE)) in text


def test_a_promise_not_yet_due_holds_the_letter_until_broken(agreed: Path, tmp_path: Path) -> None:
    promised = money(TOTAL, "CAD", LOCALE)
    by = month_day(dt.date(2026, 12, 10), LOCALE)
    with speaking(LOCALE):  # the sample book's language
        said = _("{customer} promised {amount} by {date}; no reminder is needed.")
    held = plain(said.format(customer="\0", amount=promised, date=by).split("\0")[1])
    for day in ("2026-12-03", "2026-12-10"):
        one_line_error(
            run("reminder-pdf", "CAFE", "--date", day, data_dir=agreed, cwd=tmp_path),
            2,
            held,
        )
    result = run("reminder-pdf", "CAFE", "--date", "2026-12-11", data_dir=agreed, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "DD-3003" in pdf_text(tmp_path / "CAFE-reminder-friendly-2026-12-11.pdf")


def test_the_date_is_checked(agreed: Path, tmp_path: Path) -> None:
    for bad in ("yesterday", "9999-12-31"):
        result = run("reminder-pdf", "ACME", "--date", bad, data_dir=agreed, cwd=tmp_path)
        one_line_error(result, 2, "--date")


def test_a_promise_for_part_of_an_invoice_lets_the_rest_be_chased(
    tmp_path: Path,
) -> None:
    """CAFE promised 100.00 of DD-3003's 241.28: the letter goes out and the call list calls."""
    book = json.loads(SAMPLE.read_text(encoding="utf-8"))
    first = book["invoices"][0]
    book["invoices"] = [
        dict(first, number="DD-3003", customer="CAFE", issue_date="2026-10-02",
             sent_date="2026-10-02", due_date="2026-11-01"),
    ]  # fmt: skip
    book["payments"] = []
    book["payment_plans"] = []
    book["promises"] = [
        {"customer": "CAFE", "invoice": "DD-3003", "made_on": "2026-11-20",
         "promised_date": "2026-12-10", "amount": "100.00"}
    ]  # fmt: skip
    for kind in ("followups", "interactions"):
        book[kind] = []
    (tmp_path / "part.json").write_text(json.dumps(book), encoding="utf-8")
    data = tmp_path / "part-data"
    assert run("import", str(tmp_path / "part.json"), data_dir=data, cwd=tmp_path).returncode == 0

    result = run(
        "reminder-pdf", "CAFE", "--level", "final", "--date", "2026-12-03",
        data_dir=data, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    letter = pdf_text(tmp_path / "CAFE-reminder-final-2026-12-03.pdf")
    assert "DD-3003" in letter
    # It asks only for what the promise does not cover, never the whole invoice.
    rest = plain(money(TOTAL - Decimal("100.00"), "CAD", LOCALE))
    assert french("Total") + " " + rest in letter
    assert plain(money(TOTAL, "CAD", LOCALE)) not in letter

    today = run("today", "--json", "--date", "2026-12-03", data_dir=data, cwd=tmp_path)
    assert today.returncode == 0, today.stderr
    calls = json.loads(today.stdout)["calls"]
    [cafe] = [c for c in calls if c["customer"] == "CAFE"]
    overdue = [r for r in cafe["reasons"] if r["kind"] == "overdue"]
    assert [(r["invoice"], Decimal(r["amount"])) for r in overdue] == [
        ("DD-3003", TOTAL - Decimal("100.00"))
    ]
