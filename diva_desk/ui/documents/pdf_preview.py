"""See a document before it leaves: the PDF as the customer will get it, then save or print.

The PDF is shown from memory (QtPdf reads it through a QBuffer), so nothing is
written to disk until the person chooses Save as PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diva_desk.errors import BookProblem, UserFacingError
from diva_desk.i18n import _, ngettext
from diva_desk.store.invoices.documents import invoice_document_by_id
from diva_desk.ui.common import dialogs, errors, style
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.common.window_state import app_settings
from diva_desk.ui.documents.printing import load_pdf, print_with_dialog

_LAST_FOLDER = "pdf/last_folder"


def choose_save_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Ask where to save a PDF, starting in the folder used last time."""
    settings = app_settings()
    folder = str(settings.value(_LAST_FOLDER, "") or Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Save as PDF"),
        str(Path(folder) / suggested_name),
        _("PDF documents (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    settings.setValue(_LAST_FOLDER, str(path.parent))
    return path


def save_pdf(path: Path, data: bytes) -> None:
    """Write the PDF, or say in one sentence why it could not be written."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise BookProblem(
            _("The PDF could not be saved to {path}: {reason}. Choose another folder.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc


class PdfPreview(QDialog):
    """One document, its pages one under the other, with Save as PDF… and Print…."""

    def __init__(
        self,
        data: bytes,
        *,
        title: str,
        file_name: str,
        parent: QWidget | None = None,
        announce: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.data = data
        self.title = title
        self.file_name = file_name
        self._announce = announce or (lambda _text: None)
        self._pdf = load_pdf(data)

        from PySide6.QtPdfWidgets import QPdfView  # here, not at start-up

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self._pdf.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        style.themed(self.view, "QPdfView { background: palette(dark); }")

        pages = self._pdf.page_count()
        self.pages = QLabel(
            ngettext("{count} page", "{count} pages", pages).format(count=pages), self
        )
        self.pages.setProperty("role", "note")

        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(_("&Save as PDF…"), self)
        self.print_button = QPushButton(_("&Print…"), self)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_document)
        self.print_button.setDefault(True)

        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save_as),
            (QKeySequence.StandardKey.Print, self.print_document),
            (QKeySequence.StandardKey.ZoomIn, lambda: self._zoom(1.25)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self._zoom(0.8)),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.addAction(action)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(12, 0, 12, 0)
        bottom.addWidget(self.pages)
        bottom.addWidget(buttons, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, 820, 940)

    def _zoom(self, factor: float) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    def save_as(self) -> Path | None:
        path = choose_save_path(self, self.file_name)
        if path is None:
            return None
        try:
            save_pdf(path, self.data)
        except UserFacingError as exc:
            errors.show_failure(self, exc)
            return None
        self._announce(_("Saved {name}.").format(name=path.name))
        return path

    def print_document(self) -> None:
        try:
            pages = print_with_dialog(self, [self.data], self.title)
        except UserFacingError as exc:
            errors.show_failure(self, exc)
            return
        if pages is not None:
            self._announce(_("Sent {title} to the printer.").format(title=self.title))

    def done(self, result: int) -> None:
        # The view lets go of the document before it closes, for an empty one: given
        # None, QtPdf warns "QObject::connect(QPdfDocument, QPdfLinkModel): invalid
        # nullptr parameter" on every close.
        from PySide6.QtPdf import QPdfDocument

        self.view.setDocument(QPdfDocument(self))
        self._pdf.close()
        super().done(result)


def invoice_pdf_data(invoice_id: int, today: dt.date) -> tuple[bytes, str, str]:
    """The invoice's PDF with the title and file name it is shown and saved under."""
    from diva_desk.documents.invoice import invoice_pdf  # ReportLab: not at start-up

    doc = invoice_document_by_id(invoice_id, today)
    number = doc.invoice.number
    return invoice_pdf(doc), _("Invoice {number}").format(number=number), f"{number}.pdf"


def show_invoice_pdf(
    parent: QWidget | None,
    invoice_id: int,
    today: dt.date,
    announce: Callable[[str], None] | None = None,
    tasks: TaskRunner | None = None,
) -> None:
    """The invoice's PDF in the preview, where it can be saved or printed.

    With ``tasks`` the PDF is made on the worker and the preview opens when it is
    ready; without, it is made here.
    """
    if tasks is None:
        data, title, file_name = invoice_pdf_data(invoice_id, today)
        preview_pdf(parent, data, title=title, file_name=file_name, announce=announce)
        return

    def ready(result: tuple[bytes, str, str]) -> None:
        data, title, file_name = result
        preview_pdf(parent, data, title=title, file_name=file_name, announce=announce)

    tasks.run(
        lambda: invoice_pdf_data(invoice_id, today),
        ready,
        lambda error: errors.show_failure(parent, error),
    )


def preview_pdf(
    parent: QWidget | None,
    data: bytes,
    *,
    title: str,
    file_name: str,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Show the preview, modal to ``parent``."""
    dialog = PdfPreview(data, title=title, file_name=file_name, parent=parent, announce=announce)
    dialogs.exec_dialog(dialog)
