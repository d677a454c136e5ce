"""The quote numbers the business gives: a prefix and the next number, as typed."""

from __future__ import annotations

from diva_desk.core.business_rules import MAX_INVOICE_NUMBER, PREFIX_MAX_LENGTH
from diva_desk.errors import BadInput
from diva_desk.i18n import _

DEFAULT_QUOTE_PREFIX = "Q-"


def read_quote_numbering(prefix: str, next_number: str) -> tuple[str, int]:
    """The prefix and next number typed in Settings, or BadInput naming the field.

    A number another quote already has is skipped when the next quote is written
    (store.quotes.quote_edits.take_quote_number), so no check against the book is needed.
    """
    prefix = prefix.strip()
    if len(prefix) > PREFIX_MAX_LENGTH:
        raise BadInput(
            _("Quote prefix: use at most {count} characters.").format(count=PREFIX_MAX_LENGTH)
        )
    text = next_number.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_INVOICE_NUMBER:
        raise BadInput(
            _("Next quote number: enter a whole number from 1 to {most}.").format(
                most=MAX_INVOICE_NUMBER
            )
        )
    return prefix, int(text)
