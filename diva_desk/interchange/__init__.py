"""The interchange format (spec/interchange-v1.md): a whole book as one JSON file.

It is the user's way out of Diva Desk and the way in from other tools, so an import
is all or nothing: the file is checked against the spec and against the open book,
and only then written, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from diva_desk.core.records import BookContents
from diva_desk.errors import BadInput
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.interchange.exporting import export_chunks
from diva_desk.interchange.reader import parse_json, read_document
from diva_desk.interchange.text_check import may_hold_surrogates
from diva_desk.store.contents.loading import add_checked_contents


@dataclass(frozen=True)
class ImportSummary:
    """What an import added, to tell the person (``business`` is true when it was set)."""

    business: bool = False
    customers: int = 0
    invoices: int = 0
    payments: int = 0
    promises: int = 0
    payment_plans: int = 0
    followups: int = 0
    interactions: int = 0
    recurring_invoices: int = 0
    quotes: int = 0

    def __str__(self) -> str:
        """``the business profile, 4 customers and 12 invoices``: what an import added.

        The one wording of an import's result, printed by ``import`` and shown by the window.
        """
        counts = (
            (self.customers, ngettext("{n} customer", "{n} customers", self.customers)),
            (self.invoices, ngettext("{n} invoice", "{n} invoices", self.invoices)),
            (self.payments, ngettext("{n} payment", "{n} payments", self.payments)),
            (self.promises, ngettext("{n} promise", "{n} promises", self.promises)),
            (
                self.payment_plans,
                ngettext("{n} payment plan", "{n} payment plans", self.payment_plans),
            ),
            (self.followups, ngettext("{n} follow-up", "{n} follow-ups", self.followups)),
            (
                self.interactions,
                ngettext("{n} interaction", "{n} interactions", self.interactions),
            ),
            (
                self.recurring_invoices,
                ngettext(
                    "{n} recurring invoice", "{n} recurring invoices", self.recurring_invoices
                ),
            ),
            (self.quotes, ngettext("{n} quote", "{n} quotes", self.quotes)),
        )
        parts = [text.format(n=fmt.number(n)) for n, text in counts if n]
        if self.business:
            parts.insert(0, _("the business profile"))
        return fmt.listing(parts) if parts else _("nothing")

    @classmethod
    def of(cls, contents: BookContents) -> ImportSummary:
        return cls(
            business=contents.business is not None,
            customers=len(contents.customers),
            invoices=len(contents.invoices),
            payments=len(contents.payments),
            promises=len(contents.promises),
            payment_plans=len(contents.payment_plans),
            followups=len(contents.followups),
            interactions=len(contents.interactions),
            recurring_invoices=len(contents.recurring_invoices),
            quotes=len(contents.quotes),
        )


def import_text(text: str) -> ImportSummary:
    """Add the book in ``text`` to the open book, all or nothing.

    Raises ``BadInput`` naming the record and key at fault; then nothing is written.
    """
    document = parse_json(text)
    surrogates = may_hold_surrogates(text)
    # Checked against the book and written in one transaction, so the checks and
    # the writes see the same book.
    contents = add_checked_contents(
        lambda book: read_document(document, book, surrogates=surrogates)
    )
    return ImportSummary.of(contents)


def import_file(path: Path) -> ImportSummary:
    """Add the book in the UTF-8 file at ``path`` (a byte-order mark is tolerated)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(
            _("Cannot read {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            _("{path} is not UTF-8 text (byte {offset} cannot be read).").format(
                path=path, offset=exc.start
            )
        ) from None
    return import_text(text)


def export_text(exported_at: dt.datetime | None = None) -> str:
    """The whole open book as canonical interchange JSON (``exported_at`` defaults to now)."""
    return "".join(export_pieces(exported_at))


def export_pieces(exported_at: dt.datetime | None = None) -> Iterator[str]:
    """``export_text`` in pieces, to write a large book to a file without holding it all."""
    return export_chunks(dt.datetime.now() if exported_at is None else exported_at)


__all__ = ["ImportSummary", "export_pieces", "export_text", "import_file", "import_text"]
