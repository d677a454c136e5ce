"""Printing invoices: to a PDF printer everywhere, to a real CUPS queue where one is set up."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import time
import uuid
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from pytestqt.qtbot import QtBot

from diva_desk.core.papers import InvoiceDocument
from diva_desk.core.records import Business, Customer, Invoice, InvoiceLine
from diva_desk.documents.invoice import invoice_pdf
from diva_desk.ui.documents import pdf_preview
from diva_desk.ui.documents.pdf_preview import PdfPreview
from diva_desk.ui.documents.printing import print_pdfs

TODAY = dt.date(2026, 11, 23)


def invoice_bytes(number: str, lines: int) -> bytes:
    items = tuple(
        InvoiceLine(f"Design work, part {n}", Decimal("1.5"), Decimal("95.00"), "HST", Decimal(13))
        for n in range(1, lines + 1)
    )
    invoice = Invoice(number, "ACME", TODAY, TODAY + dt.timedelta(days=30), items)
    doc = InvoiceDocument(
        Business("Bright Spark Electrical"), Customer("ACME", "Acme Ltd."), invoice, today=TODAY
    )
    return invoice_pdf(doc)


@pytest.fixture(scope="module")
def batch() -> list[bytes]:
    """A 120-line invoice over several pages and a one-page one."""
    return [invoice_bytes("INV-1", 120), invoice_bytes("INV-2", 2)]


def pages_in(data: bytes) -> int:
    return len(PdfReader(BytesIO(data)).pages)


def test_batch_prints_every_page_of_every_invoice_in_one_job(
    qapp: object, batch: list[bytes], tmp_path: Path
) -> None:
    expected = [pages_in(data) for data in batch]
    assert expected[0] >= 3 and expected[1] == 1
    out = tmp_path / "job.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert print_pdfs(batch, printer) == sum(expected)
    printed = PdfReader(out)
    assert len(printed.pages) == sum(expected)
    # Each page is the printer's paper, whole (the document is scaled to fit it).
    paper = printer.pageLayout().fullRectPoints()
    box = printed.pages[-1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (paper.width(), paper.height())


def test_printing_nothing_starts_no_job(qapp: object, tmp_path: Path) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "none.pdf"))
    assert print_pdfs([], printer) == 0
    assert not (tmp_path / "none.pdf").exists()


def test_preview_shows_the_pages_and_saves_the_same_bytes(
    qtbot: QtBot, batch: list[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    preview = PdfPreview(
        batch[0], title="Invoice INV-1", file_name="INV-1.pdf", announce=said.append
    )
    qtbot.addWidget(preview)
    preview.show()
    assert preview.pages.text() == f"{pages_in(batch[0])} pages"
    assert preview.view.document().pageCount() == pages_in(batch[0])

    target = tmp_path / "saved" / "INV-1.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(pdf_preview, "choose_save_path", lambda _parent, name: target)
    assert preview.save_as() == target
    assert target.read_bytes() == batch[0]
    assert said == ["Saved INV-1.pdf."]


def _cups_installed() -> bool:
    return shutil.which("lpstat") is not None and Path("/usr/sbin/cupsd").exists()


def _cups_pdf_folder() -> Path:
    """Where cups-pdf writes jobs: its ``Out`` setting (``${HOME}/PDF`` by default)."""
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text(errors="replace").splitlines():
            match = re.match(r"\s*Out\s+(\S+)", line)
            if match:
                out = match.group(1)
    return Path(out.replace("${HOME}", os.path.expanduser("~")))


@pytest.mark.skipif(not _cups_installed(), reason="CUPS is not installed on this machine")
def test_batch_prints_through_a_real_cups_queue(qapp: object, batch: list[bytes]) -> None:
    state = subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout
    assert "scheduler is running" in state, "CUPS is installed but not running: run .ci/run"
    assert "PDF" in QPrinterInfo.availablePrinterNames(), (
        "CUPS has no queue named PDF (cups-pdf): .ci/run creates it"
    )
    folder = _cups_pdf_folder()
    before = set(folder.glob("*.pdf")) if folder.exists() else set()

    printer = QPrinter(QPrinterInfo.printerInfo("PDF"), QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    job = f"diva-desk-test-{uuid.uuid4().hex[:8]}"
    printer.setDocName(job)
    pages = print_pdfs(batch, printer)
    assert pages == sum(pages_in(data) for data in batch)

    deadline = time.monotonic() + 30
    arrived: list[Path] = []
    while time.monotonic() < deadline and not arrived:
        time.sleep(0.5)
        arrived = [p for p in folder.glob("*.pdf") if p not in before and job in p.name]
    assert arrived, f"no PDF named after {job} appeared in {folder} within 30 seconds"
    # cups-pdf writes the file as it goes: wait until it reads whole.
    while True:
        try:
            printed = PdfReader(arrived[0])
            assert len(printed.pages) == pages
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    arrived[0].unlink()
