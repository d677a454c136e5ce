"""``diva-desk today``: who to call, best call first, for a terminal or a morning email."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from diva_desk.commands.common import EXIT_OK
from diva_desk.commands.output import complain, say, say_json
from diva_desk.errors import BadInput
from diva_desk.i18n import _, ngettext

_INDENT = "      "
#: The years --date accepts: wide enough for any real book, narrow enough that the
#: list's date arithmetic (a horizon, a cut-off next month) never leaves the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def register(commands: argparse._SubParsersAction) -> None:
    today = commands.add_parser("today", help=_("who to call today, best call first"))
    today.add_argument("--date", metavar="YYYY-MM-DD", help=_("the day (default: today)"))
    today.add_argument("--json", action="store_true", help=_("print JSON (spec/cli.md)"))
    today.add_argument("--limit", metavar="N", help=_("list at most N calls"))
    today.set_defaults(run=_today)


def day_option(text: str | None) -> dt.date:
    """The day a ``--date`` option names (today if not given); BadInput naming the option."""
    if text is None:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise BadInput(
            _("--date: {value!r} is not a date in the form YYYY-MM-DD").format(value=text)
        ) from exc
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise BadInput(
            _("--date: {value!r} is outside the years {first} to {last}").format(
                value=text, first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return day


def _limit(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.isdigit() or int(text) < 1:
        raise BadInput(
            _("--limit: {value!r} is not a whole number of 1 or more").format(value=text)
        )
    return int(text)


def _today(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.core.calls import reason_text
    from diva_desk.store.calls.call_list import calls_json, calls_today, script_context, scripts_for

    day, limit = day_option(args.date), _limit(args.limit)
    calls = calls_today(day, limit)
    context = script_context(day)
    scripts = scripts_for(calls, day, context)
    problems = {p.template: p for s in scripts.values() for p in s.problems}
    for problem in problems.values():
        complain(
            _("warning: {problem}; the built-in text was used").format(problem=problem.message)
        )
    if args.json:
        say_json(calls_json(day, calls, scripts, context))
        return EXIT_OK
    from diva_desk.i18n import format as fmt

    locale = context.locale
    count = ngettext("{count} call", "{count} calls", len(calls)).format(count=len(calls))
    say(_("Calls for {date}: {count}").format(date=fmt.date(day, "full", locale), count=count))
    for rank, call in enumerate(calls, start=1):
        say()
        who = call.customer_name
        if call.contact_name:
            who = _("{customer}, ask for {person}").format(customer=who, person=call.contact_name)
        phone = f"  {call.phone}" if call.phone else ""
        at_stake = fmt.money(call.amount_at_stake, call.currency, locale)
        say(f"{rank}. {who}{phone}  [{at_stake}]")
        for reason in call.reasons:
            say(f"   - {reason_text(reason, locale)}")
        script = scripts[call.customer]
        if script.notes:
            say(_INDENT + _("Note: {note}").format(note=script.note))
        for line in script.lines:
            say(f"{_INDENT}{line}")
    return EXIT_OK
