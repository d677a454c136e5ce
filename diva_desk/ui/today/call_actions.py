"""What a call card does beyond its outcomes: dial the number, and send the drafts it is about.

Dialling builds the RFC 3966 ``tel:`` URI with ``phonenumbers`` (an extension stays
an extension); when no phone app takes it, the number is copied and the status bar
says so, instead of nothing happening. A call about drafts waiting for the
customer's cut-off offers "Send it now", which the window answers with the Invoices
tab's own Send (the same confirmation, numbering and PDF).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from babel import Locale
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QWidget

from diva_desk.core.calls import Call, ReasonKind
from diva_desk.i18n import _, current_locale
from diva_desk.i18n import format as fmt


def dial_url(phone: str) -> QUrl:
    """The RFC 3966 ``tel:`` URI, extension kept apart (``tel:+1-416-555-0100;ext=23``).

    A number without its country code is read in the country of the book's locale.
    """
    # Phone numbers (phonenumbers, email-validator) load on the first call, not at start-up.
    from diva_desk.contacts.values import DEFAULT_REGION, tel_uri

    region = Locale.parse(current_locale()).territory or DEFAULT_REGION
    return QUrl(tel_uri(phone, region))


def draft_amount(call: Call) -> Decimal:
    """The part of the money at stake that is on drafts not sent yet (its cut-off call)."""
    drafts = sum(
        (
            r.amount
            for r in call.reasons
            if r.kind is ReasonKind.CUTOFF and r.currency == call.currency
        ),
        Decimal(0),
    )
    return min(drafts, call.amount_at_stake)


def drafts_to_send(call: Call) -> list[tuple[int, str, Decimal, str]]:
    """(invoice id, number or "", amount, currency) of each draft the call is about."""
    return [
        (r.invoice_id, r.invoice or "", r.amount, r.currency)
        for r in call.reasons
        if r.kind is ReasonKind.CUTOFF and r.invoice_id is not None
    ]


def dial(phone: str, say: Callable[[str], object]) -> bool:
    """Hand the number to the phone app; with none, copy it and say so."""
    if QDesktopServices.openUrl(dial_url(phone)):
        return True
    QGuiApplication.clipboard().setText(phone)
    say(
        _("No phone app answered, so {phone} is copied: paste it into your phone.").format(
            phone=phone
        )
    )
    return False


def send_button(parent: QWidget, call: Call, send: Callable[[int], object]) -> QPushButton:
    """ "Send it now" for a call about drafts: one draft at once, or a menu of them."""
    button = QPushButton(_("Sen&d it now…"), parent)
    button.setObjectName("sendDraft")
    button.setAutoDefault(False)
    drafts = drafts_to_send(call)
    button.setVisible(bool(drafts))
    if len(drafts) == 1:
        invoice_id, number, amount, currency = drafts[0]
        button.setToolTip(
            _("Send the draft {number} of {amount} now")
            .format(number=number, amount=fmt.money(amount, currency))
            .replace("  ", " ")
        )
        button.clicked.connect(lambda: send(invoice_id))
    elif drafts:
        button.setToolTip(_("Choose the draft to send now"))
        menu = QMenu(button)
        for invoice_id, number, amount, currency in drafts:
            menu.addAction(
                " ".join(filter(None, (number, fmt.money(amount, currency)))),
                lambda invoice_id=invoice_id: send(invoice_id),
            )
        button.setMenu(menu)
    return button


def email_button(parent: QWidget, chosen: Callable[[str], object]) -> QPushButton:
    """ "Email a reminder…": the outcome of a call made by email, a menu of the levels.

    The window shows the message before it goes (ui.mail); once queued it is in the
    customer's history, so the call leaves today's list like any other outcome.
    """
    # No Alt letter: every letter of it is taken in view (a tab's or another button's);
    # Tab reaches it on the card, and Space opens its menu.
    button = QPushButton(_("Email a reminder…"), parent)
    button.setObjectName("emailReminder")
    button.setToolTip(_("Email a reminder with the letter attached, instead of calling"))
    button.setAutoDefault(False)
    menu = QMenu(button)
    menu.setToolTipsVisible(True)  # a level held back says why
    levels = (("friendly", _("&Friendly…")), ("firm", _("F&irm…")), ("final", _("Fi&nal…")))
    for level, label in levels:
        action = menu.addAction(label)
        # Named as the letters' are, so an agreement holds them back the same way.
        action.setObjectName(f"reminder_{level}")
        action.triggered.connect(lambda _checked=False, level=level: chosen(level))
    button.setMenu(menu)
    return button


def stake_note(parent: QWidget, call: Call, stake: QLabel) -> QLabel:
    """ "incl. $500.00 not sent yet" under the money at stake, when drafts are part of it.

    An owner reads "at stake" as money owed; a draft not sent yet is part of what the
    call is about (its cut-off), so it stays in the figure but is said apart.
    """
    note = QLabel(parent)
    note.setObjectName("callStakeNote")
    note.setProperty("role", "note")
    note.setAlignment(Qt.AlignmentFlag.AlignRight)
    unsent = draft_amount(call)
    if unsent:
        note.setText(
            _("incl. {amount} not sent yet").format(amount=fmt.money(unsent, call.currency))
        )
        stake.setToolTip(
            _("{owed} owed and {unsent} on drafts not sent yet").format(
                owed=fmt.money(call.amount_at_stake - unsent, call.currency),
                unsent=fmt.money(unsent, call.currency),
            )
        )
    note.setVisible(bool(unsent))
    return note


def unsent_drafts(calls: list[Call]) -> dict[str, Decimal]:
    """The part of :func:`at_stake` that is on drafts not sent yet, per currency."""
    totals: dict[str, Decimal] = {}
    for call in calls:
        if amount := draft_amount(call):
            totals[call.currency] = totals.get(call.currency, Decimal(0)) + amount
    return totals
