"""The pay link on paper: the address as a clickable link, and a QR code a phone reads.

The QR code is decoded from the rendered page by zbarimg (Debian's zbar-tools, which
.ci/run installs): the test is skipped only on a machine where it cannot be installed.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdf
import pytest

from diva_desk.core.papers import InvoiceDocument, ReminderDocument, StatementDocument
from diva_desk.core.records import Business, Customer, Invoice, InvoiceState, Payment
from diva_desk.documents.invoice import invoice_pdf
from diva_desk.documents.letters.reminder import reminder_pdf
from diva_desk.documents.letters.statement import statement_pdf
from diva_desk.i18n import set_language

TODAY = __import__("datetime").date(2026, 11, 23)
TEMPLATE = "https://pay.studiolumiere.ca/{number}?amount={amount}&currency={currency}"


def links_in(data: bytes) -> list[str]:
    """Every URI link annotation's address, once each (a link broken over lines has
    an annotation per line)."""
    found: list[str] = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                found.append(str(action["/URI"]))
    return list(dict.fromkeys(found))


def decoded_qr_codes(data: bytes, tmp_path: Path) -> list[str]:
    """The QR codes zbarimg reads on the first page rendered at 120 dpi (a coarse scan)."""
    if shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None:
        pytest.skip("zbarimg (zbar-tools) and pdftoppm (poppler-utils) are not installed")
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "120", "-png", "-f", "1", "-l", "1", pdf, tmp_path / "p"],
                   check=True)  # fmt: skip
    (png,) = tmp_path.glob("p-*.png")
    done = subprocess.run(
        ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", png],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.stdout.splitlines()


def _text(data: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_the_invoice_prints_its_balance_link_clickable_and_as_a_qr_code(
    business: Business, customer: Customer, make_invoice: Callable[..., Invoice],
    payment: Callable[..., Payment], tmp_path: Path,
):  # fmt: skip
    invoice = make_invoice()
    paid = payment("INV-1042", TODAY, "500.00")
    doc = InvoiceDocument(dataclasses.replace(business, payment_link=TEMPLATE), customer,
                          invoice, (paid,), today=TODAY)  # fmt: skip
    data = invoice_pdf(doc)
    # 1450 + 1187.50 + 87 + HST 13 % of 2637.50 (342.88) = 3067.38, less 500.
    url = "https://pay.studiolumiere.ca/INV-1042?amount=2567.38&currency=CAD"
    assert links_in(data) == [url]
    assert decoded_qr_codes(data, tmp_path) == [url]
    text = _text(data)
    assert "PAY ONLINE" in text and "Interac e-Transfer" in text  # beside the instructions


def test_an_invoice_own_link_wins_and_one_with_nothing_owed_prints_none(
    business: Business, customer: Customer, make_invoice: Callable[..., Invoice],
    payment: Callable[..., Payment],
):  # fmt: skip
    with_link = dataclasses.replace(business, payment_link=TEMPLATE)
    own = make_invoice(payment_link="https://paypal.me/lumiere/{amount}{currency}")
    data = invoice_pdf(InvoiceDocument(with_link, customer, own, (), today=TODAY))
    assert links_in(data) == ["https://paypal.me/lumiere/3067.38CAD"]

    paid = payment("INV-1042", TODAY, "3067.38")
    data = invoice_pdf(InvoiceDocument(with_link, customer, own, (paid,), today=TODAY))
    assert links_in(data) == [] and "PAY ONLINE" not in _text(data)
    void = make_invoice(state=InvoiceState.VOID)
    assert links_in(invoice_pdf(InvoiceDocument(with_link, customer, void, today=TODAY))) == []
    # No template, no link.
    assert links_in(invoice_pdf(InvoiceDocument(business, customer, own.__class__(
        **{**own.__dict__, "payment_link": ""}), today=TODAY))) == []  # fmt: skip


def test_the_statement_and_the_reminder_link_pay_all_they_ask_for(
    business: Business, customer: Customer, make_invoice: Callable[..., Invoice],
    tmp_path: Path,
):  # fmt: skip
    with_link = dataclasses.replace(business, payment_link=TEMPLATE)
    old = make_invoice("INV-1", lines=make_invoice().lines[2:],
                       due=__import__("datetime").date(2026, 11, 2))  # fmt: skip
    older = make_invoice("INV-2", lines=make_invoice().lines[2:],
                         due=__import__("datetime").date(2026, 10, 2))  # fmt: skip
    url = "https://pay.studiolumiere.ca/INV-2%2CINV-1?amount=174.00&currency=CAD"

    statement = statement_pdf(StatementDocument(with_link, customer, (old, older), today=TODAY))
    assert links_in(statement) == [url]
    assert "For $174.00" in _text(statement)

    reminder = reminder_pdf(ReminderDocument(with_link, customer, (old, older), today=TODAY),
                            "firm")  # fmt: skip
    assert links_in(reminder) == [url]
    assert decoded_qr_codes(reminder, tmp_path) == [url]
    assert len(pypdf.PdfReader(io.BytesIO(reminder)).pages) == 1


def test_in_french_the_words_change_and_the_amount_in_the_link_does_not(
    business: Business, customer: Customer, make_invoice: Callable[..., Invoice],
    catalog: Callable[..., None],
):  # fmt: skip
    catalog(
        "fr_CA",
        {
            "Pay online": "Payer en ligne",
            "Scan the code with a phone, or open:": "Balayez le code, ou ouvrez :",
        },
    )
    french = dataclasses.replace(business, payment_link=TEMPLATE, locale="fr_CA")
    data = invoice_pdf(InvoiceDocument(french, customer, make_invoice(), today=TODAY))
    assert "PAYER EN LIGNE" in _text(data) and "Balayez le code" in _text(data)
    # A payment page reads 3067.38, never "3 067,38".
    assert links_in(data) == ["https://pay.studiolumiere.ca/INV-1042?amount=3067.38&currency=CAD"]


@pytest.fixture
def english_after() -> Iterator[None]:
    """The command line speaks its book's language (the sample's is fr_CA) in this
    process; the next test starts in English again."""
    yield
    set_language("en_CA")


def test_from_the_command_line_the_invoice_pdf_carries_a_code_that_scans(
    cli: Callable[..., tuple[int, str, str]], tmp_path: Path, english_after: None
):
    sample = Path(__file__).parents[1] / "interchange" / "data" / "sample-book-v2.json"
    data = tmp_path / "data"
    assert cli("--data-dir", data, "import", sample)[0] == 0
    out = tmp_path / "DD-1041.pdf"
    code, _out, err = cli("--data-dir", data, "invoice-pdf", "DD-1041", "-o", out)
    assert code == 0, err
    # DD-1041 has its own link (PayPal.me), for its USD balance: 2501.00 less 1250.50.
    url = "https://paypal.me/divadesign/1250.50USD"
    assert links_in(out.read_bytes()) == [url]
    assert decoded_qr_codes(out.read_bytes(), tmp_path) == [url]
