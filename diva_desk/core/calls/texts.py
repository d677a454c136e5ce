"""One line per reason, as the list shows it: "Promised $4,520.00 by Nov 20, 2026 — not received"

The text of the ``today --json`` reasons and of the Today panel.
"""

from __future__ import annotations

from diva_desk.core.calls import formats as fmt
from diva_desk.core.calls.escalation import step_label
from diva_desk.core.calls.model import Reason, ReasonKind
from diva_desk.i18n import _, current_locale, ngettext


def reason_text(reason: Reason, locale: str | None = None) -> str:
    """The reason in a few words, with its amount and date in ``locale``'s formats."""
    locale = locale or current_locale()
    amount = fmt.money(reason.amount, reason.currency, locale)
    date = fmt.date(reason.date, locale)
    invoice = reason.invoice or ""
    kind = reason.kind
    if kind is ReasonKind.OVERDUE:
        late = ngettext("{days} day overdue", "{days} days overdue", reason.days).format(
            days=fmt.number(reason.days, locale)
        )
        text = _("{invoice}: {amount}, {late}").format(invoice=invoice, amount=amount, late=late)
        return f"{text} — {step_label(reason.step)}" if reason.step else text
    if kind is ReasonKind.BROKEN_PROMISE:
        return _("Promised {amount} by {date} — not received").format(amount=amount, date=date)
    if kind is ReasonKind.PROMISE_DUE:
        return _("Promised {amount} by {date}: check it arrives").format(amount=amount, date=date)
    if kind is ReasonKind.DEPOSIT_DUE:
        return _("Deposit of {amount} on {invoice} due {date}, not received").format(
            amount=amount, invoice=invoice, date=date
        )
    if kind is ReasonKind.DELIVERY_CHECKIN:
        return _("{invoice} sent {date}: did it arrive, are they happy?").format(
            invoice=invoice, date=date
        )
    if kind is ReasonKind.DUE_SOON:
        return _("{invoice}: {amount} due {date}: is it in their payment run?").format(
            invoice=invoice, amount=amount, date=date
        )
    if kind is ReasonKind.QUOTE_EXPIRING:
        return _("Quote {quote} ({amount}) is valid until {date}: any questions?").format(
            quote=invoice, amount=amount, date=date
        )
    if kind is ReasonKind.CUTOFF and reason.missed:
        since = ngettext("{days} day ago", "{days} days ago", reason.days).format(
            days=fmt.number(reason.days, locale)
        )
        return _(
            "Draft {invoice} ({amount}): cut-off passed on {date} ({since}) — "
            "send it now so it makes the next cycle"
        ).format(invoice=invoice, amount=amount, date=date, since=since)
    if kind is ReasonKind.CUTOFF:
        return _("Draft {invoice} ({amount}): send it before their cut-off on {date}").format(
            invoice=invoice, amount=amount, date=date
        )
    if kind is ReasonKind.INSTALLMENT_DUE:
        return _("Payment-plan installment of {amount} due {date}").format(amount=amount, date=date)
    if kind is ReasonKind.INSTALLMENT_MISSED:
        if reason.count > 1:
            return ngettext(
                "{count} payment-plan installment missed since {date}: {amount} unpaid",
                "{count} payment-plan installments missed since {date}: {amount} unpaid",
                reason.count,
            ).format(count=fmt.number(reason.count, locale), date=date, amount=amount)
        return _("Payment-plan installment due {date} missed: {amount} unpaid").format(
            date=date, amount=amount
        )
    # A follow-up: the owner's own words say what it is about.
    note = reason.note
    if reason.problem:
        about = (
            _("open problem on {invoice}, {amount}").format(invoice=invoice, amount=amount)
            if invoice
            else _("open problem")
        )
        note = _("{note} — {about}").format(note=note, about=about)
    if reason.days:
        return _("{note} (due {date})").format(note=note, date=date)
    return note


def missed_installments(count: int, date: str, locale: str | None = None) -> str:
    """``the installment due Nov 1, 2026``, or ``2 installments due since Nov 1, 2026``.

    The talking points' ``$missed_installments``: a plan's missed installments are one
    reason (``count`` of them, the first due on ``date``, already formatted).
    """
    if count <= 1:
        return _("the installment due {date}").format(date=date)
    return ngettext(
        "{count} installment due since {date}", "{count} installments due since {date}", count
    ).format(count=fmt.number(count, locale or current_locale()), date=date)
