"""Open follow-ups as an iCalendar (.ics) file, for the owner's own calendar app.

Each follow-up is an all-day event (``VEVENT`` with a ``DATE`` start and the next
day as its end): every common calendar app (Apple Calendar, Google Calendar,
Outlook, Thunderbird, GNOME Calendar) opens those, whereas to-dos (``VTODO``) are
ignored by several. The events are marked free time, so they never block a
meeting slot. The UID is stable per follow-up (``followup-<id>@diva-desk``), so
importing a later export again updates the same events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from icalendar import Calendar, Event

from diva_desk.core.money import from_minor
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.as_of import balance_on
from diva_desk.store.book.business import get_business
from diva_desk.store.book.db import db

UID_DOMAIN = "diva-desk"
PRODID = "-//Diva Desk//Follow-ups//EN"


@dataclass(frozen=True)
class CalendarFollowup:
    """A follow-up with what the owner needs in the calendar to make the call."""

    id: int
    due_date: dt.date
    customer_name: str
    reason: str
    contact_name: str = ""
    phone: str = ""
    invoice_number: str = ""
    #: The invoice's balance as of the export, when the follow-up is about an invoice.
    invoice_balance: Decimal | None = None
    currency: str = "CAD"


def followup_uid(followup_id: int) -> str:
    return f"followup-{followup_id}@{UID_DOMAIN}"


def followups_ics(
    followups: Sequence[CalendarFollowup],
    *,
    calendar_name: str | None = None,
    stamp: dt.datetime | None = None,
    locale: str | None = None,
) -> bytes:
    """The follow-ups as an .ics document (UTF-8, CRLF line ends, as RFC 5545 asks).

    ``stamp`` is the DTSTAMP of every event (now, in UTC, unless given).
    """
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", calendar_name or _("Diva Desk follow-ups"))
    for followup in followups:
        event = Event()
        event.add("uid", followup_uid(followup.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", followup.due_date)
        event.add("dtend", followup.due_date + dt.timedelta(days=1))
        event.add(
            "summary",
            _("Call {customer}: {reason}").format(
                customer=followup.customer_name, reason=followup.reason
            ),
        )
        event.add("description", _description(followup, locale))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Diva Desk"])
        calendar.add_component(event)
    return calendar.to_ical()


def _description(followup: CalendarFollowup, locale: str | None) -> str:
    lines = [followup.reason]
    if followup.contact_name:
        lines.append(_("Ask for: {name}").format(name=followup.contact_name))
    if followup.phone:
        lines.append(_("Phone: {phone}").format(phone=followup.phone))
    if followup.invoice_number:
        if followup.invoice_balance is not None:
            lines.append(
                _("Invoice {number}, balance {balance}").format(
                    number=followup.invoice_number,
                    balance=fmt.money(followup.invoice_balance, followup.currency, locale),
                )
            )
        else:
            lines.append(_("Invoice {number}").format(number=followup.invoice_number))
    return "\n".join(lines)


# An invoice's balance is store.as_of's on the day of the export: a void, draft or
# not yet issued invoice owes nothing, and a payment dated ahead has not arrived.
_OPEN_FOLLOWUPS = f"""
SELECT f.id, f.due_date, c.name, f.reason,
       CASE WHEN c.contact_name != '' THEN c.contact_name ELSE c.ap_contact_name END,
       CASE WHEN c.phone != '' THEN c.phone ELSE c.ap_phone END,
       COALESCE(i.number, ''),
       CASE WHEN i.id IS NULL THEN NULL ELSE {balance_on(":today")} END,
       COALESCE(i.currency, c.currency)
FROM followup f JOIN customer c ON c.id = f.customer_id
LEFT JOIN invoice i ON i.id = f.invoice_id
WHERE NOT f.done
  AND (:customer IS NULL OR f.customer_id = :customer)
  AND (:since IS NULL OR f.due_date >= :since)
  AND (:until IS NULL OR f.due_date <= :until)
ORDER BY f.due_date, c.name COLLATE NOCASE, f.id
"""


def calendar_followups(
    customer_id: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    today: dt.date | None = None,
) -> list[CalendarFollowup]:
    """Open follow-ups, earliest first, optionally one customer's or within dates.

    An invoice's balance is the one it has on ``today`` (the clock's, unless given).
    """
    params = {
        "today": (today or dt.date.today()).isoformat(),
        "customer": customer_id,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
    }
    return [
        CalendarFollowup(
            id=row[0],
            due_date=dt.date.fromisoformat(row[1]),
            customer_name=row[2],
            reason=row[3],
            contact_name=row[4] or "",
            phone=row[5] or "",
            invoice_number=row[6],
            invoice_balance=None if row[7] is None else from_minor(max(row[7], 0), row[8]),
            currency=row[8],
        )
        for row in db.execute_sql(_OPEN_FOLLOWUPS, params).fetchall()
    ]


def open_followups_ics(
    customer_id: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    stamp: dt.datetime | None = None,
    today: dt.date | None = None,
) -> bytes:
    """The Follow-ups tab's export: open follow-ups (filtered like the tab) as .ics.

    Balances are those of ``today`` (the clock's, unless given), as the tab's day shows them.
    """
    business = get_business()
    name = (
        _("{business}: follow-ups").format(business=business.name)
        if business and business.name
        else None
    )
    return followups_ics(
        calendar_followups(customer_id, since, until, today),
        calendar_name=name,
        stamp=stamp,
        locale=business.locale if business else None,
    )
