"""What a PDF costs, counted rather than timed: the C accelerator, one font parse, no
throwaway paragraphs. The times are in benchmarks/ (issue 11: a warm invoice in
milliseconds)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest
from reportlab.lib import rl_accel
from reportlab.platypus import Paragraph

from diva_desk.core.papers import InvoiceDocument
from diva_desk.documents import blocks, style
from diva_desk.documents.invoice import invoice_pdf
from diva_desk.i18n import format as fmt

TODAY = dt.date(2026, 11, 23)


def test_reportlab_runs_on_its_c_accelerator() -> None:
    # Without rl-accel every number written into a page and every width measured
    # goes through ReportLab's pure-Python fallbacks: nearly half of an invoice's time.
    assert {"fp_str", "instanceStringWidthTTF", "asciiBase85Encode"} <= set(rl_accel._c_funcs)


def test_the_cjk_font_is_parsed_only_when_a_text_needs_it(tmp_path) -> None:
    # A fresh process, since this one may have drawn a CJK name already.
    script = textwrap.dedent(
        """
        import datetime as dt
        from decimal import Decimal
        from reportlab.pdfbase import pdfmetrics
        from diva_desk.core.papers import InvoiceDocument
        from diva_desk.core.records import Business, Customer, Invoice, InvoiceLine
        from diva_desk.documents import fonts
        from diva_desk.documents.invoice import invoice_pdf

        def pdf(name):
            line = InvoiceLine("Design", Decimal("1"), Decimal("10.00"))
            invoice = Invoice("INV-1", "C", dt.date(2026, 1, 1), dt.date(2026, 1, 31), (line,))
            customer = Customer(code="C", name=name)
            return invoice_pdf(InvoiceDocument(Business(name="Studio"), customer, invoice))

        pdf("Acme Bakery")
        print(fonts.CJK_FALLBACK in pdfmetrics.getRegisteredFontNames())
        pdf("北京 Trading")
        print(fonts.CJK_FALLBACK in pdfmetrics.getRegisteredFontNames())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["False", "True"]


@pytest.fixture
def paragraphs_built(monkeypatch) -> list[str]:
    """The text of every Paragraph built from here on (the real class, only counted)."""
    built: list[str] = []
    real_init = Paragraph.__init__

    def counted(self, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(text)
        real_init(self, text, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "__init__", counted)
    return built


def test_measuring_a_plain_cell_builds_no_paragraph(paragraphs_built) -> None:
    amount = style.unbroken(fmt.money(Decimal("1234567.89"), "EUR", locale="fr_FR"))
    width = blocks.cell_width(style.text(amount), style.CELL_RIGHT)
    assert width > 0
    assert paragraphs_built == []


def test_an_invoice_line_builds_one_paragraph_per_cell(
    business, customer, make_invoice, paragraphs_built
) -> None:
    # The line items' four numbers used to be parsed twice: once drawn, and once more
    # only to measure how wide their column must be.
    counts = []
    for copies in (1, 1, 4):  # the first run builds each style's plain fragment once
        paragraphs_built.clear()
        invoice = make_invoice(lines=make_invoice().lines * copies)
        invoice_pdf(InvoiceDocument(business, customer, invoice, (), TODAY))
        counts.append(len(paragraphs_built))
    added_lines = 3 * len(make_invoice().lines)
    assert (counts[2] - counts[1]) / added_lines == 5  # description, quantity, price, tax, amount


@pytest.mark.parametrize("locale", ["en_CA", "fr_CA", "de_DE", "ja_JP", "ar_EG"])
def test_plain_cells_measure_as_a_paragraph_would(locale: str) -> None:
    texts = [
        style.unbroken(fmt.money(Decimal("98765.43"), "CAD", locale=locale)),
        style.unbroken(fmt.date(dt.date(2026, 12, 31), locale=locale)),
        style.unbroken(fmt.percent(Decimal("14.975"), locale=locale)),
        "Design work, phase 3",
        "Łódź  Café",
        "Baker & Sons <Ltd>",
        "北京 Trading",
        " padded ",
        "",
    ]
    for value in texts:
        markup = style.text(value)
        for paragraph_style in (style.CELL, style.CELL_BOLD_RIGHT, style.HEAD, style.BALANCE):
            expected = Paragraph(markup, paragraph_style).minWidth()
            assert blocks.cell_width(markup, paragraph_style) == expected + 11, (value, locale)


def test_plain_cells_are_not_run_through_the_markup_parser(
    business, customer, make_invoice, monkeypatch
) -> None:
    from reportlab.platypus.paraparser import ParaParser

    parsed: list[str] = []
    real_parse = ParaParser.parse

    def counted(self, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(text)
        return real_parse(self, text, *args, **kwargs)

    monkeypatch.setattr(ParaParser, "parse", counted)
    counts = []
    for copies in (1, 1, 4):  # the first run parses each style's plain fragment once
        parsed.clear()
        invoice = make_invoice(lines=make_invoice().lines * copies)
        invoice_pdf(InvoiceDocument(business, customer, invoice, (), TODAY))
        counts.append(len(parsed))
    # Amounts, dates and words are set from a copy of the parser's own fragment;
    # only text with markup (an address's line breaks, say) is parsed.
    assert counts[2] == counts[1], parsed


@pytest.mark.parametrize(
    "markup", ["Design work, phase 3", "$1,450.00", "1\u00a0450,00\u00a0$", "北京", "a<br/>b", ""]
)
def test_a_paragraph_of_plain_text_is_the_parsed_one(markup: str) -> None:
    for paragraph_style in (style.CELL, style.CELL_BOLD_RIGHT, style.BALANCE, style.HEAD):
        ours = style.paragraph(markup, paragraph_style)
        parsed = Paragraph(markup, paragraph_style)
        assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in parsed.frags]
        assert ours.text == parsed.text
        assert ours.wrap(200, 100) == parsed.wrap(200, 100)


def test_a_cell_breaks_its_lines_once_per_width(
    business, customer, make_invoice, monkeypatch
) -> None:
    # A table wraps each cell to measure its row and again to draw it, at the same
    # width: the lines were broken twice, a tenth of an invoice's time.
    breaks: dict[tuple[int, tuple[float, ...]], int] = {}
    real_break = Paragraph.breakLines

    def counted(self, widths):  # type: ignore[no-untyped-def]
        key = (id(self), tuple(widths))
        breaks[key] = breaks.get(key, 0) + 1
        return real_break(self, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    invoice = make_invoice(lines=make_invoice().lines * 4)
    data = invoice_pdf(InvoiceDocument(business, customer, invoice, (), TODAY))
    assert data.startswith(b"%PDF")
    assert len(breaks) > 20 * len(make_invoice().lines)  # every cell was set
    assert max(breaks.values()) == 1
