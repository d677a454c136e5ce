"""The invoice PDF: every figure a clerk keys in is there, correct, and on the right page."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pypdf
import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from diva_desk import i18n
from diva_desk.core.papers import InvoiceDocument
from diva_desk.core.records import InvoiceLine, InvoiceState, LineTax, TaxRegistration
from diva_desk.documents.invoice import invoice_pdf
from diva_desk.i18n import format as fmt
from diva_desk.i18n.format import money, percent

TODAY = dt.date(2026, 11, 23)


def en(amount: str, currency: str) -> str:
    """An amount as an en_CA document prints it, from Babel rather than one CLDR release."""
    return fmt.money(Decimal(amount), currency, "en_CA")


def day(year: int, month: int, date: int) -> str:
    """A date as an en_CA document prints it (medium)."""
    return fmt.date(dt.date(year, month, date), "medium", "en_CA")


def test_invoice_shows_parties_numbers_dates_and_figures(
    business, customer, make_invoice, payment, pdf_pages, flat
):
    invoice = make_invoice(
        po_number="PO-77812",
        deposit_amount=Decimal("800.00"),
        deposit_due_date=dt.date(2026, 11, 5),
        notes="Thank you for choosing us.",
    )
    payments = [payment("INV-1042", dt.date(2026, 11, 4), "800.00", is_deposit=True)]
    pages = pdf_pages(invoice_pdf(InvoiceDocument(business, customer, invoice, payments, TODAY)))
    assert len(pages) == 1
    text = flat(pages[0])
    # 1450 + 1187.50 + 87 = 2724.50 net; HST 13 % of 2637.50 = 342.875 -> 342.88
    for expected in [
        "Studio Lumière Design",
        "214 Queen Street West, Suite 3",
        "GST/HST 812345678 RT0001",
        "Acme Bakery Ltd.",
        "Pat Jones",
        "1200 Bay Street",
        "Lee Chan",
        "ap@acmebakery.ca",
        "INV-1042",
        "PO-77812",
        day(2026, 11, 2),
        day(2026, 12, 2),
        "Logo package",
        "12.5",
        en("95.00", "CAD"),
        en("1187.50", "CAD"),
        en("2724.50", "CAD"),
        "HST 13%",
        en("2637.50", "CAD"),
        en("342.88", "CAD"),
        en("3067.38", "CAD"),
        "Deposit requested",
        en("800.00", "CAD"),
        "Less payments received",
        en("2267.38", "CAD"),
        "Interac e-Transfer to pay@studiolumiere.ca",
        "Thank you for choosing us.",
        "Page 1 of 1",
    ]:
        assert expected in text, expected
    assert "PAID" not in text and "VOID" not in text


def test_balance_due_is_the_largest_figure_on_the_page(business, customer, make_invoice):
    data = invoice_pdf(InvoiceDocument(business, customer, make_invoice(), (), TODAY))
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font, size):  # pypdf's visitor signature
        if text.strip():
            sizes[text.strip()] = max(size, sizes.get(text.strip(), 0))

    pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    balance = en("3067.38", "CAD")
    assert sizes[balance] >= 18
    amounts = [size for text, size in sizes.items() if "$" in text and text != balance]
    assert max(amounts) < sizes[balance]


def test_long_invoice_flows_over_pages_with_the_header_repeated(
    business, customer, make_invoice, pdf_pages
):
    lines = tuple(
        InvoiceLine(
            f"Catalogue page {n} layout", Decimal("1"), Decimal("40.00"), "HST", Decimal(13)
        )
        for n in range(1, 121)
    )
    pages = pdf_pages(
        invoice_pdf(InvoiceDocument(business, customer, make_invoice(lines=lines), (), TODAY))
    )
    count = len(pages)
    assert count >= 3
    pages_with_lines = 0
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {count}" in text
        if "Catalogue page" in text:
            pages_with_lines += 1
            assert "Description" in text and "Unit price" in text and "Amount" in text
    assert pages_with_lines >= 3
    everything = "\n".join(pages)
    for n in range(1, 121):
        assert f"Catalogue page {n} layout" in everything
    # 120 x 40 = 4800 net, 624 HST, 5424 total: the summary comes after the last line.
    assert en("5424.00", "CAD") in pages[-1]
    assert en("5424.00", "CAD") not in pages[0]


def test_a_long_description_wraps_inside_its_cell(business, customer, make_invoice, pdf_pages):
    words = "Complete brand refresh with three logo concepts two rounds of revisions and " * 3
    line = InvoiceLine(words.strip() + " END", Decimal("1"), Decimal("10.00"))
    text = pdf_pages(
        invoice_pdf(InvoiceDocument(business, customer, make_invoice(lines=(line,)), (), TODAY))
    )[0]
    start, end = text.index("Complete brand refresh"), text.index("END")
    assert "\n" in text[start:end]  # broken over lines, not clipped or run off the page


def test_paid_invoice_carries_a_paid_mark(business, customer, make_invoice, payment, pdf_pages):
    invoice = make_invoice()
    paid = [payment("INV-1042", dt.date(2026, 11, 20), "3067.38")]
    text = pdf_pages(invoice_pdf(InvoiceDocument(business, customer, invoice, paid, TODAY)))[0]
    assert "PAID" in text
    assert en("0.00", "CAD") in text  # balance due


def test_partly_paid_invoice_has_no_mark(business, customer, make_invoice, payment, pdf_pages):
    part = [payment("INV-1042", dt.date(2026, 11, 20), "1000.00")]
    text = pdf_pages(invoice_pdf(InvoiceDocument(business, customer, make_invoice(), part, TODAY)))[
        0
    ]
    assert "PAID" not in text
    assert en("2067.38", "CAD") in text


def test_void_invoice_carries_a_void_mark_and_owes_nothing(
    business, customer, make_invoice, pdf_pages, flat
):
    invoice = make_invoice(state=InvoiceState.VOID)
    text = flat(pdf_pages(invoice_pdf(InvoiceDocument(business, customer, invoice, (), TODAY)))[0])
    assert "VOID" in text
    assert f"Balance due {en('0.00', 'CAD')}" in text


def _install_french_catalog(folder, monkeypatch) -> None:
    """A French catalog, compiled here, where the app looks for its translations."""
    catalog = Catalog(locale="fr", domain="diva_desk")
    catalog.add("Invoice", "Facture")
    target = folder / "fr" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "diva_desk.mo").open("wb") as out:
        write_mo(out, catalog)
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)


def test_amounts_and_dates_follow_the_customers_language_once_it_has_a_catalog(
    business, customer, make_invoice, pdf_pages, flat, tmp_path, monkeypatch
):
    french = customer.__class__(**{**customer.__dict__, "language": "fr_CA"})
    _install_french_catalog(tmp_path, monkeypatch)
    text = flat(
        pdf_pages(invoice_pdf(InvoiceDocument(business, french, make_invoice(), (), TODAY)))[0]
    )
    assert flat(money(Decimal("3067.38"), "CAD", locale="fr_CA")) in text
    assert "2 déc. 2026" in text
    assert en("3067.38", "CAD") not in text


def test_without_a_catalog_a_french_customer_gets_one_language_not_two(
    business, customer, make_invoice, pdf_pages, flat, tmp_path, monkeypatch
):
    """English labels with French amounts and dates would read as a mistake."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    french = customer.__class__(**{**customer.__dict__, "language": "fr_CA"})
    text = flat(
        pdf_pages(invoice_pdf(InvoiceDocument(business, french, make_invoice(), (), TODAY)))[0]
    )
    assert f"Balance due {en('3067.38', 'CAD')}" in text
    assert day(2026, 12, 2) in text
    assert "déc." not in text and "3 067,38" not in text


def test_amounts_never_break_across_lines(business, customer, make_invoice, pdf_pages):
    """French groups thousands with a space; a narrow column must not split the figure."""
    french = business.__class__(**{**business.__dict__, "locale": "fr_CA"})
    page = pdf_pages(invoice_pdf(InvoiceDocument(french, customer, make_invoice(), (), TODAY)))[0]
    lines = [" ".join(line.split()) for line in page.splitlines()]
    for amount in ("2637.50", "2724.50", "3067.38"):
        shown = " ".join(money(Decimal(amount), "CAD", locale="fr_CA").split())
        assert any(shown in line for line in lines), shown


@pytest.mark.parametrize("locale", ["en_CA", "fr_CA"])
def test_tax_rates_print_whole_on_one_line(business, customer, make_invoice, pdf_pages, locale):
    """A rate such as 9.975% or 14,975 % is never split over two lines, in any column."""
    lines = (
        InvoiceLine("Design", Decimal("1"), Decimal("100.00"), "GST", Decimal("5")),
        InvoiceLine("Design", Decimal("1"), Decimal("100.00"), "QST", Decimal("9.975")),
        InvoiceLine("Large order", Decimal("1"), Decimal("123456.00"), "HST", Decimal("14.975")),
    )
    here = business.__class__(**{**business.__dict__, "locale": locale})
    page = pdf_pages(invoice_pdf(InvoiceDocument(here, customer, make_invoice(lines=lines), ())))[0]
    rows = [" ".join(line.split()) for line in page.splitlines()]
    # A French page names them TVQ and TVH (core.invoices.tax_names).
    names = {"QST": "TVQ", "HST": "TVH"} if locale == "fr_CA" else {"QST": "QST", "HST": "HST"}
    for name, rate in ((names["QST"], "9.975"), (names["HST"], "14.975")):
        shown = " ".join(percent(Decimal(rate), locale=locale).split())
        # The tax summary's Rate column, the lines' Tax column and the totals.
        assert sum(shown in row for row in rows) >= 3, (shown, rows)
        # The line's Tax cell and the totals keep the name and rate together.
        assert sum(f"{name} {shown}" in row for row in rows) >= 2, (name, rows)
    # 123,656.00 + 5.00 + 9.98 + 18,487.54 (14.975 % of 123,456.00 = 18,487.536)
    balance = " ".join(money(Decimal("142158.52"), "CAD", locale=locale).split())
    assert any(row.endswith(balance) for row in rows), "the balance figure stays whole"


def test_page_size_follows_the_business_country(business, customer, make_invoice):
    def size(locale: str) -> tuple[float, float]:
        b = business.__class__(**{**business.__dict__, "locale": locale})
        data = invoice_pdf(InvoiceDocument(b, customer, make_invoice(), (), TODAY))
        box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
        return round(float(box.width)), round(float(box.height))

    assert size("en_CA") == (612, 792)  # Letter
    assert size("en_US") == (612, 792)
    assert size("en_GB") == (595, 842)  # A4
    assert size("de_DE") == (595, 842)


@pytest.mark.parametrize("logo", [None, b"not an image"])
def test_a_missing_or_unreadable_logo_does_not_stop_the_invoice(
    business, customer, make_invoice, pdf_pages, logo
):
    doc = InvoiceDocument(business, customer, make_invoice(), (), TODAY, logo)
    assert "INV-1042" in pdf_pages(invoice_pdf(doc))[0]


def test_logo_is_drawn_when_set(business, customer, make_invoice):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 60), (31, 95, 91)).save(buffer, format="PNG")
    data = invoice_pdf(
        InvoiceDocument(business, customer, make_invoice(), (), TODAY, buffer.getvalue())
    )
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    assert len(page.images) == 1


def test_the_deposit_still_due_is_shown_with_its_date(
    business, customer, make_invoice, payment, pdf_pages, flat
):
    invoice = make_invoice(deposit_amount=Decimal("800.00"), deposit_due_date=dt.date(2026, 11, 9))
    part = [payment("INV-1042", dt.date(2026, 11, 4), "300.00", is_deposit=True)]
    text = flat(
        pdf_pages(invoice_pdf(InvoiceDocument(business, customer, invoice, part, TODAY)))[0]
    )
    assert f"Deposit requested {en('800.00', 'CAD')}" in text
    assert f"Deposit received {en('300.00', 'CAD')}" in text
    assert f"Deposit still due due {day(2026, 11, 9)} {en('500.00', 'CAD')}" in text
    assert f"Balance due {en('2767.38', 'CAD')}" in text


def test_no_deposit_still_due_once_it_is_in(
    business, customer, make_invoice, payment, pdf_pages, flat
):
    invoice = make_invoice(deposit_amount=Decimal("800.00"), deposit_due_date=dt.date(2026, 11, 9))
    paid = [payment("INV-1042", dt.date(2026, 11, 4), "800.00", is_deposit=True)]
    text = flat(
        pdf_pages(invoice_pdf(InvoiceDocument(business, customer, invoice, paid, TODAY)))[0]
    )
    assert f"Deposit received {en('800.00', 'CAD')}" in text
    assert "still due" not in text
    # Settled without the deposit mark: nothing is owed, so no deposit is either.
    settled = [payment("INV-1042", dt.date(2026, 11, 20), "3067.38")]
    text = flat(
        pdf_pages(invoice_pdf(InvoiceDocument(business, customer, invoice, settled, TODAY)))[0]
    )
    assert "still due" not in text


def test_a_paid_invoice_thanks_instead_of_asking(
    business, customer, make_invoice, payment, pdf_pages, flat
):
    paid = [payment("INV-1042", dt.date(2026, 11, 20), "3067.38")]
    text = flat(
        pdf_pages(invoice_pdf(InvoiceDocument(business, customer, make_invoice(), paid, TODAY)))[0]
    )
    assert f"Balance due {en('0.00', 'CAD')} Paid — thank you" in text
    assert "Due by" not in text


def test_a_void_invoice_asks_for_nothing(business, customer, make_invoice, pdf_pages, flat):
    invoice = make_invoice(state=InvoiceState.VOID)
    text = flat(pdf_pages(invoice_pdf(InvoiceDocument(business, customer, invoice, (), TODAY)))[0])
    assert "Due by" not in text and "thank you" not in text


def test_an_open_invoice_says_when_it_is_due(business, customer, make_invoice, pdf_pages, flat):
    text = flat(
        pdf_pages(invoice_pdf(InvoiceDocument(business, customer, make_invoice(), (), TODAY)))[0]
    )
    assert f"Balance due {en('3067.38', 'CAD')} Due by {day(2026, 12, 2)}" in text


@pytest.mark.parametrize(("federal", "quebec"), [("GST", "QST"), ("TPS", "TVQ")])
def test_a_quebec_invoice_shows_its_two_taxes_apart_with_their_numbers(
    business, customer, make_invoice, pdf_pages, flat, federal, quebec
):
    """GST (TPS) and QST (TVQ) each on a line of the tax summary, with the number the
    business is registered under for it, as a Québec customer must see them."""
    registered = business.__class__(
        **{
            **business.__dict__,
            "tax_registrations": (
                TaxRegistration(federal, "812345678 RT0001"),
                TaxRegistration(quebec, "1223456789 TQ0001"),
            ),
        }
    )
    both = (LineTax(federal, Decimal("5")), LineTax(quebec, Decimal("9.975")))
    lines = (
        InvoiceLine("Logo design", Decimal("3"), Decimal("33.33"), taxes=both),
        InvoiceLine("Business cards", Decimal("1"), Decimal("10.00"), taxes=both),
    )
    invoice = make_invoice(lines=lines)
    pages = pdf_pages(invoice_pdf(InvoiceDocument(registered, customer, invoice, ())))
    text = flat(pages[0])
    # Net 99.99 + 10.00 = 109.99; GST 5.4995 -> 5.50; QST 10.9715... -> 10.97 (each once),
    # each tax on its row of the summary with its number under it.
    on = en("109.99", "CAD")
    assert (
        f"{federal} 5% {on} {en('5.50', 'CAD')} {federal} registration no. 812345678 RT0001 "
        f"{quebec} 9.975% {on} {en('10.97', 'CAD')} {quebec} registration no. 1223456789 TQ0001"
    ) in text
    assert f"Total {en('126.46', 'CAD')}" in text  # 109.99 + 5.50 + 10.97
