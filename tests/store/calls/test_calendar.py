"""Open follow-ups exported as .ics: read back with icalendar as a calendar app would."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
from icalendar import Calendar

from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.calls import outcomes as o
from diva_desk.store.calls.calendar import open_followups_ics
from diva_desk.store.contents.writing import add_contents

MON, TUE = dt.date(2026, 11, 23), dt.date(2026, 11, 24)
STAMP = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


def _book() -> tuple[int, int, int]:
    add_contents(
        r.BookContents(
            business=r.Business(name="Studio Lumière", owner_name="Diva Martin"),
            customers=(
                r.Customer(
                    code="BAKER",
                    name="Baker & Sons, Ltd.; Toronto",
                    contact_name="Zoë Baker",
                    phone="+1 416 555 0100",
                ),
                r.Customer(
                    code="CAFE",
                    name="Café Olé",
                    ap_contact_name="Lee Chan",
                    ap_phone="+1 647 555 0199",
                ),
            ),
            invoices=(
                r.Invoice(
                    number="INV-1042",
                    customer="BAKER",
                    issue_date=dt.date(2026, 10, 1),
                    due_date=dt.date(2026, 10, 31),
                    lines=(r.InvoiceLine("Menu design", unit_price=Decimal("1450.00")),),
                ),
            ),
            payments=(r.Payment("INV-1042", dt.date(2026, 11, 2), Decimal("450.00")),),
        )
    )
    baker, cafe = m.Customer.get(code="BAKER").id, m.Customer.get(code="CAFE").id
    return baker, cafe, m.Invoice.get(number="INV-1042").id


def _events(data: bytes) -> list:
    calendar = Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def test_each_open_followup_is_an_all_day_event_with_who_to_call(book: peewee.Database) -> None:
    baker, cafe, invoice = _book()
    first = o.add_followup(baker, invoice, MON, "Check the promised payment arrived")
    second = o.add_followup(cafe, None, TUE, "Ask about the spring menu")
    done = o.add_followup(cafe, None, MON, "Already handled")
    o.mark_followup_done(done)

    data = open_followups_ics(stamp=STAMP)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    calendar = Calendar.from_ical(data)
    assert str(calendar["x-wr-calname"]) == "Studio Lumière: follow-ups"
    events = _events(data)
    assert [str(e["uid"]) for e in events] == [
        f"followup-{first}@diva-desk", f"followup-{second}@diva-desk",
    ]  # fmt: skip
    baker_event, cafe_event = events
    # All-day: a DATE, not a date-time, ending the next day.
    assert baker_event.decoded("dtstart") == MON
    assert not isinstance(baker_event.decoded("dtstart"), dt.datetime)
    assert baker_event.decoded("dtend") == TUE
    assert str(baker_event["summary"]) == (
        "Call Baker & Sons, Ltd.; Toronto: Check the promised payment arrived"
    )
    description = str(baker_event["description"])
    assert "Ask for: Zoë Baker" in description
    assert "Phone: +1 416 555 0100" in description
    assert "Invoice INV-1042, balance $1,000.00" in description
    # Without a contact of their own, accounts payable is who to call.
    assert "Ask for: Lee Chan" in str(cafe_event["description"])
    assert "Phone: +1 647 555 0199" in str(cafe_event["description"])
    assert "Invoice" not in str(cafe_event["description"])
    assert cafe_event.decoded("dtstart") == TUE
    assert str(cafe_event["transp"]) == "TRANSPARENT"


def test_uids_stay_the_same_when_a_followup_moves_so_reimport_updates(
    book: peewee.Database,
) -> None:
    baker, _cafe, _invoice = _book()
    followup = o.add_followup(baker, None, MON, "Call back")
    before = _events(open_followups_ics(stamp=STAMP))
    o.reschedule_followup(followup, dt.date(2026, 12, 1))
    after = _events(open_followups_ics(stamp=STAMP))
    assert str(before[0]["uid"]) == str(after[0]["uid"])
    assert after[0].decoded("dtstart") == dt.date(2026, 12, 1)


def test_filtered_like_the_followups_tab(book: peewee.Database) -> None:
    baker, cafe, _invoice = _book()
    o.add_followup(baker, None, MON, "Baker on Monday")
    o.add_followup(cafe, None, MON, "Café on Monday")
    o.add_followup(cafe, None, dt.date(2026, 12, 15), "Café in December")

    def summaries(**kw: object) -> list[str]:
        return [str(e["summary"]) for e in _events(open_followups_ics(stamp=STAMP, **kw))]

    assert summaries(customer_id=cafe) == [
        "Call Café Olé: Café on Monday", "Call Café Olé: Café in December",
    ]  # fmt: skip
    assert summaries(since=TUE) == ["Call Café Olé: Café in December"]
    assert len(summaries(until=MON)) == 2
    m.Followup.update(done=True).execute()
    assert summaries() == []
