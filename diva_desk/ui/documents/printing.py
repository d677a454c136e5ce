"""Printing PDFs the app made: one job for any number of documents.

Why render pages ourselves: Qt has no "send this PDF to the printer" call. The
PDF is drawn page by page (QtPdf renders it to an image) into the printer's
painter, so the same code prints to a CUPS queue, to a Windows printer, or to a
PDF file, and a batch of invoices leaves as one job that a person collects from
the tray in one go.

The image is rendered at no more than :data:`MAX_DPI`: a 1200 dpi printer would
otherwise need half a gigabyte per letter page, and 300 dpi is what laser
printers show text at anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from diva_desk.errors import BadInput, BookProblem, UserFacingError
from diva_desk.i18n import _, ngettext
from diva_desk.store.invoices.documents import invoice_document_by_id
from diva_desk.ui.common import errors
from diva_desk.ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

# QtPdf and ReportLab are imported where they are used, not at start-up (the window
# opens without them: tests/ui/shell/test_start_up.py).

#: The resolution pages are rendered at before they are drawn on the printer.
MAX_DPI = 300
_POINTS_PER_INCH = 72


class LoadedPdf:
    """A PDF held in memory and opened by QtPdf (the buffer must outlive the document)."""

    def __init__(self, data: bytes) -> None:
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        from PySide6.QtPdf import QPdfDocument

        self.document = QPdfDocument()
        self.document.load(self.buffer)
        if self.document.status() is not QPdfDocument.Status.Ready:
            raise BookProblem(_("This PDF could not be read, so it cannot be shown or printed."))

    def page_count(self) -> int:
        return self.document.pageCount()

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


def load_pdf(data: bytes) -> LoadedPdf:
    return LoadedPdf(data)


def _fit(page: QSizeF, room: QRectF) -> QRectF:
    """The largest rectangle of the page's shape that fits the room, centred in it."""
    scale = min(room.width() / page.width(), room.height() / page.height())
    width, height = page.width() * scale, page.height() * scale
    return QRectF(
        room.x() + (room.width() - width) / 2,
        room.y() + (room.height() - height) / 2,
        width,
        height,
    )


def render_page(document: QPdfDocument, page: int, dpi: int) -> QImage:
    """One page as an image on white paper, at ``dpi``."""
    points = document.pagePointSize(page)
    size = QSize(
        max(1, round(points.width() * dpi / _POINTS_PER_INCH)),
        max(1, round(points.height() * dpi / _POINTS_PER_INCH)),
    )
    return document.render(page, size, fillColor="white")


def chosen_pages(printer: QPrinter, total: int) -> list[int]:
    """The job's pages (numbered from 1 across every PDF in it) the print dialog asked for.

    The dialog only records the range ("2-3", "1,4-5"); Qt leaves honouring it to
    whoever draws the pages. "Selection" and "current page" mean nothing for a
    batch of documents, so they print everything, as "all pages" does.
    """
    ranges = printer.pageRanges()
    if printer.printRange() is not QPrinter.PrintRange.PageRange or ranges.isEmpty():
        return list(range(1, total + 1))
    return [page for page in range(1, total + 1) if ranges.contains(page)]


def print_pdfs(pdf_bytes_list: Sequence[bytes], printer: QPrinter) -> int:
    """Print the pages of the PDFs, in order, as one job; return how many pages went.

    Every page, unless the print dialog asked for a page range: the pages are then
    counted across the whole job, so "2-3" of two invoices of 1 and 4 pages is the
    first two pages of the second. The PDFs carry their own margins, so the
    printer is used full-page and each page is scaled to fit the paper without
    being stretched.
    """
    if not pdf_bytes_list:
        return 0
    loaded = [LoadedPdf(data) for data in pdf_bytes_list]
    total = sum(pdf.page_count() for pdf in loaded)
    wanted = set(chosen_pages(printer, total))
    if not wanted:
        for pdf in loaded:
            pdf.close()
        raise BadInput(
            ngettext(
                "The pages asked for ({pages}) are not in this job: it has {count} page.",
                "The pages asked for ({pages}) are not in this job: it has {count} pages.",
                total,
            ).format(pages=printer.pageRanges().toString(), count=total)
        )
    printer.setFullPage(True)
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        for pdf in loaded:
            pdf.close()
        raise BookProblem(
            _(
                "The printer could not be started. "
                "Check that it is on and connected, then try again."
            )
        )
    printed = 0
    number = 0  # the page's number in the whole job
    try:
        for pdf in loaded:
            for page in range(pdf.page_count()):
                number += 1
                if number not in wanted:
                    continue
                if printed and not printer.newPage():
                    raise BookProblem(
                        _("The printer stopped after {count} pages.").format(count=printed)
                    )
                room = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
                room.moveTo(0, 0)
                target = _fit(pdf.document.pagePointSize(page), room)
                painter.drawImage(target, render_page(pdf.document, page, dpi))
                printed += 1
    finally:
        painter.end()
        for pdf in loaded:
            pdf.close()
    return printed


def choose_printer(parent: QWidget | None, job_name: str) -> QPrinter | None:
    """The system's print dialog: which printer, which pages, how many copies."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(job_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print {what}").format(what=job_name))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def print_with_dialog(
    parent: QWidget | None, pdf_bytes_list: Sequence[bytes], job_name: str
) -> int | None:
    """Ask which printer (the system's standard dialog), then print; None when cancelled."""
    printer = choose_printer(parent, job_name)
    return None if printer is None else print_pdfs(pdf_bytes_list, printer)


def print_invoices(
    parent: QWidget,
    tasks: TaskRunner,
    invoices: Sequence[tuple[int, str]],
    today: dt.date,
    announce: Callable[[str], None],
) -> None:
    """Invoices (id, number) in one job: ask for the printer, build the PDFs off the GUI
    thread through the task helper, then print them on it (QPainter lives there)."""
    job = (
        _("Invoice {number}").format(number=invoices[0][1])
        if len(invoices) == 1
        else _("{count} invoices").format(count=len(invoices))
    )
    printer = choose_printer(parent, job)
    if printer is None:
        return
    ids = [invoice_id for invoice_id, _number in invoices]

    def build() -> list[bytes]:
        from diva_desk.documents.invoice import invoice_pdf

        return [invoice_pdf(invoice_document_by_id(i, today)) for i in ids]

    def done(pdfs: list[bytes]) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_pdfs(pdfs, printer)
        except UserFacingError as exc:
            errors.show_failure(parent, exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        announce(
            ngettext("Printed {job}: {pages} page.", "Printed {job}: {pages} pages.", pages).format(
                job=job, pages=pages
            )
        )

    announce(_("Preparing {job} for the printer…").format(job=job))
    tasks.run(build, done, lambda exc: errors.show_failure(parent, exc))
