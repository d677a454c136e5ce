""" "Open in my mail app": a ``mailto:`` link for owners who prefer their own mail program.

A link cannot carry an attachment, so the PDF is attached by hand
(:func:`attach_by_hand`). Subject and body are percent-encoded as RFC 6068 asks,
line breaks as CRLF; a very long link is refused by some programs, so the body is
kept as it is and the caller decides.
"""

from __future__ import annotations

from urllib.parse import quote

from diva_desk.i18n import _
from diva_desk.mail.compose import Draft


def mailto_link(to: str, subject: str, body: str) -> str:
    """``mailto:ap@acme.example?subject=...&body=...`` for the owner's mail program."""
    crlf = "\r\n".join(body.splitlines())
    address = quote(to.strip(), safe="@+")
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"


def mailto_for(draft: Draft) -> str:
    return mailto_link(draft.to, draft.subject, draft.body)


def attach_by_hand(draft: Draft) -> str:
    """What to tell the owner as their mail program opens."""
    return _("Your mail program opens with the message; attach {file} to it by hand.").format(
        file=draft.attachment_name
    )
