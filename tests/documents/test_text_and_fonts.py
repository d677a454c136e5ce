"""User text prints literally in any script, in the embedded font, registered once."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from decimal import Decimal

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics

from diva_desk.core.papers import InvoiceDocument, StatementDocument
from diva_desk.core.records import Customer, InvoiceLine
from diva_desk.documents import fonts
from diva_desk.documents.invoice import invoice_pdf
from diva_desk.documents.letters.statement import statement_pdf
from diva_desk.documents.style import text

TODAY = dt.date(2026, 11, 23)

TRICKY_NAME = 'Baker & Sons <Ltd> <b>bold</b> &amp; "quotes" café'
TRICKY_ADDRESS = "Rue de l'Église 5 <unit>\n1000 Bruxelles"
JAPANESE = "日本橋商店"
ARABIC = "شركة النور"
CJK_NAME = "日本 서울 北京 ひらがな Trading"


@pytest.fixture
def tricky(customer: Customer) -> Customer:
    return Customer(
        code="B&S<1>",
        name=TRICKY_NAME,
        contact_name=f"{JAPANESE} / {ARABIC}",
        address=TRICKY_ADDRESS,
    )


def _fonts(data: bytes) -> list[pypdf.generic.DictionaryObject]:
    found = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            found.append(ref.get_object())
    return found


def _embedded(font: pypdf.generic.DictionaryObject) -> bool:
    """Whether the font program is inside the PDF (a TrueType file in its descriptor)."""
    descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
    descriptor = descendant.get("/FontDescriptor")
    return descriptor is not None and "/FontFile2" in descriptor.get_object()


def test_markup_characters_print_literally(business, tricky, make_invoice, pdf_pages, flat):
    line = InvoiceLine('Sign "A&B" <i>not italic</i> 5 < 6', Decimal("1"), Decimal("10.00"))
    invoice = make_invoice(lines=(line,), po_number="<PO&1>", notes="Net 30 & <thanks>")
    page = flat(pdf_pages(invoice_pdf(InvoiceDocument(business, tricky, invoice, (), TODAY)))[0])
    for literal in [
        TRICKY_NAME,
        "Rue de l'Église 5 <unit>",
        "1000 Bruxelles",
        'Sign "A&B" <i>not italic</i> 5 < 6',
        "<PO&1>",
        "Net 30 & <thanks>",
    ]:
        assert literal in page, literal


def test_other_scripts_print(business, tricky, make_invoice, pdf_pages):
    page = pdf_pages(invoice_pdf(InvoiceDocument(business, tricky, make_invoice(), (), TODAY)))[0]
    assert JAPANESE in page
    # Arabic prints joined: its letters are set in their presentation (joined) forms,
    # which NFKC turns back into the letters (pypdf may give the run either way round).
    assert any("\ufe70" <= char <= "\ufefc" for char in page)
    seen = unicodedata.normalize("NFKC", page)
    assert ARABIC in seen or ARABIC[::-1] in seen


def test_address_lines_stay_lines(business, tricky, make_invoice, pdf_pages):
    page = pdf_pages(invoice_pdf(InvoiceDocument(business, tricky, make_invoice(), (), TODAY)))[0]
    lines = [line.strip() for line in page.splitlines()]
    assert "Rue de l'Église 5 <unit>" in lines
    assert "1000 Bruxelles" in lines


def test_text_escapes_and_breaks_lines() -> None:
    assert text("A & B <b>\nC") == "A &amp; B &lt;b&gt;<br/>C"
    assert text("日本") == f'<font name="{fonts.CJK_FALLBACK}">日本</font>'
    assert text("서울") == f'<font name="{fonts.KOREAN_FALLBACK}">서울</font>'


@pytest.mark.parametrize("kind", ["invoice", "statement"])
def test_cjk_names_are_set_in_embedded_fonts(business, customer, make_invoice, pdf_pages, kind):
    # Unembedded CID fonts left "北京" blank in the app's preview and in viewers
    # without Asian font packs; every font in the file must carry its glyphs.
    cjk = Customer(code="CJK", name=CJK_NAME, address=customer.address)
    if kind == "invoice":
        data = invoice_pdf(InvoiceDocument(business, cjk, make_invoice(), (), TODAY))
    else:
        data = statement_pdf(StatementDocument(business, cjk, [make_invoice()], (), TODAY))
    used = _fonts(data)
    assert any(fonts.CJK_FALLBACK in f["/BaseFont"] for f in used)
    not_embedded = [str(f["/BaseFont"]) for f in used if not _embedded(f)]
    assert not_embedded == []
    page = pdf_pages(data)[0]
    for word in CJK_NAME.split():
        assert word in page, word
    # Subset, not the whole multi-megabyte face.
    assert len(data) < 200_000, len(data)


def test_latin_text_is_set_only_in_embedded_dejavu(business, customer, make_invoice, payment):
    data = invoice_pdf(InvoiceDocument(business, customer, make_invoice(), (), TODAY))
    used = _fonts(data)
    assert used
    for font in used:
        assert "DejaVuSans" in font["/BaseFont"], font["/BaseFont"]
        assert _embedded(font)
    assert {f["/BaseFont"].split("+")[-1] for f in used} == {"DejaVuSans", "DejaVuSans-Bold"}


def test_statement_also_uses_only_dejavu(business, customer, make_invoice):
    data = statement_pdf(StatementDocument(business, customer, [make_invoice()], (), TODAY))
    assert all("DejaVuSans" in f["/BaseFont"] for f in _fonts(data))


def test_fonts_are_registered_once_per_process(business, customer, make_invoice, monkeypatch):
    invoice_pdf(InvoiceDocument(business, customer, make_invoice(), (), TODAY))
    calls: list[object] = []
    monkeypatch.setattr(pdfmetrics, "registerFont", lambda font: calls.append(font))
    second = invoice_pdf(InvoiceDocument(business, customer, make_invoice("INV-2"), (), TODAY))
    assert second.startswith(b"%PDF-")
    assert calls == []


def test_same_input_gives_the_same_file(business, customer, make_invoice):
    doc = InvoiceDocument(business, customer, make_invoice(), (), TODAY)
    assert invoice_pdf(doc) == invoice_pdf(doc)


def test_formatted_amounts_and_dates_have_no_breakable_space() -> None:
    from diva_desk.documents.style import Formats

    formats = Formats("fr_CA")
    for shown in (formats.money(Decimal("3057.50"), "CAD"), formats.date(TODAY)):
        assert " " not in shown and "\u202f" not in shown
