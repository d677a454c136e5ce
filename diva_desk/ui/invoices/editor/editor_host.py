"""What the invoice editor offers the pieces it owns: its outside, as they see it.

The editor (:class:`~diva_desk.ui.invoices.editor.invoice_editor.InvoiceEditor`) owns the
form and the invoice's life. The life (:mod:`invoice_life`: send, void, duplicate,
payment, receipt, PDF) and the payments list (:mod:`invoice_payments`) talk to the
editor only through this protocol, never through its form's widgets or its private
attributes; so neither of them imports the editor, and the editor imports them.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from diva_desk.store.invoices.editing import InvoiceDetail, InvoiceDraft


class EditorHost(Protocol):
    """The invoice editor seen from its life and its payments list."""

    @property
    def today(self) -> dt.date:
        """The day the editor works on (for new dates and what counts as "ahead")."""
        ...

    @property
    def invoice_id(self) -> int | None:
        """The invoice shown, or None while a new one is not yet saved."""
        ...

    @property
    def detail(self) -> InvoiceDetail | None:
        """The invoice as last read from the book (None for a new one)."""
        ...

    @property
    def dirty(self) -> bool:
        """Whether the form holds changes not yet written."""
        ...

    def customer_name(self) -> str:
        """The name of the customer chosen in the form ("" when none is)."""
        ...

    def draft(self) -> InvoiceDraft:
        """The form as a draft for the book, or BadInput naming what to fix first."""
        ...

    def load_invoice(self, invoice_id: int) -> None:
        """Show this invoice as the book has it now (unchanged, not dirty)."""
        ...

    def load_copy(self, invoice_id: int) -> None:
        """Start a new invoice copied from this one, in the same window."""
        ...

    def book_written(self) -> None:
        """Tell the window the book changed (it reads it again)."""
        ...

    def announce(self, message: str) -> None:
        """Put a sentence about what was done in the window's status bar."""
        ...

    def close_editor(self) -> None:
        """Close as the Close button does (asking first about unsaved changes)."""
        ...
