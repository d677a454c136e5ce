"""The print dialog's page range is honoured across the whole job."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QPageRanges
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from diva_desk.errors import BadInput
from diva_desk.ui.documents.printing import load_pdf, print_pdfs, render_page

#: One colour per page of the job: the first PDF has pages 1-2, the second 3-5.
COLOURS = ["#d32f2f", "#388e3c", "#1976d2", "#fbc02d", "#7b1fa2"]


def coloured_pdf(colours: list[str]) -> bytes:
    """A PDF whose pages are each filled with one colour, so a printed page says which."""
    out = BytesIO()
    canvas = Canvas(out, pagesize=LETTER)
    width, height = LETTER
    for colour in colours:
        canvas.setFillColor(colour)
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def job() -> list[bytes]:
    return [coloured_pdf(COLOURS[:2]), coloured_pdf(COLOURS[2:])]


def pdf_printer(path: Path, pages: str | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(72)  # small pages: the test reads colours, not text
    if pages is not None:  # what QPrintDialog records when the owner types a range
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setPageRanges(QPageRanges.fromString(pages))
    return printer


def printed_colours(path: Path) -> list[str]:
    """The colour in the middle of each printed page, as the nearest of COLOURS."""
    data = path.read_bytes()
    pdf = load_pdf(data)
    try:
        found = []
        for page in range(pdf.page_count()):
            image = render_page(pdf.document, page, 20)
            middle = image.pixelColor(image.width() // 2, image.height() // 2)
            found.append(min(COLOURS, key=lambda c: distance(QColor(c), middle)))
        return found
    finally:
        pdf.close()


def distance(a: QColor, b: QColor) -> int:
    return sum(abs(x - y) for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_pages_2_to_3_of_a_five_page_job_print_two_pages(
    qapp: object, job: list[bytes], tmp_path: Path
) -> None:
    out = tmp_path / "pages.pdf"
    assert print_pdfs(job, pdf_printer(out, "2-3")) == 2
    assert len(PdfReader(out).pages) == 2
    # Page 2 is the first PDF's last page; page 3 the second PDF's first.
    assert printed_colours(out) == [COLOURS[1], COLOURS[2]]


def test_all_pages_print_without_a_range(qapp: object, job: list[bytes], tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    assert print_pdfs(job, pdf_printer(out)) == 5
    assert printed_colours(out) == COLOURS


def test_several_ranges_and_one_past_the_end(
    qapp: object, job: list[bytes], tmp_path: Path
) -> None:
    out = tmp_path / "some.pdf"
    assert print_pdfs(job, pdf_printer(out, "1,4-9")) == 3
    assert printed_colours(out) == [COLOURS[0], COLOURS[3], COLOURS[4]]


def test_a_range_outside_the_job_is_refused_before_printing(
    qapp: object, job: list[bytes], tmp_path: Path
) -> None:
    out = tmp_path / "none.pdf"
    with pytest.raises(BadInput, match=r"\(7-9\) are not in this job: it has 5 pages"):
        print_pdfs(job, pdf_printer(out, "7-9"))
    assert not out.exists()
