"""``diva-desk late-fees [--date D] [--apply] [--json]``: late interest as agreed (spec/cli.md)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from diva_desk.commands.common import EXIT_OK, argument_date
from diva_desk.commands.output import say, say_json
from diva_desk.i18n import _

if TYPE_CHECKING:
    from diva_desk.store.late_fees.applying import MadeCharge
    from diva_desk.store.late_fees.charges import CustomerCharge


def register(commands: argparse._SubParsersAction) -> None:
    late = commands.add_parser(
        "late-fees",
        help=_("late interest due on overdue balances under the agreed terms"),
        description=_(
            "Late interest due on overdue balances under the agreed terms, since the last "
            "charge: simple interest per day at the monthly rate × 12 / 365 on each day's "
            "overdue balance, one charge per customer and currency. --apply writes each "
            "as a late-fee invoice, so the same days are never charged twice."
        ),
    )
    late.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=argument_date,
        help=_("the interest up to this day (default: today)"),
    )
    late.add_argument(
        "--apply", action="store_true", help=_("write each charge as a late-fee invoice")
    )
    late.add_argument("--json", action="store_true", help=_("print JSON (spec/cli.md)"))
    late.set_defaults(run=_late_fees)


def _late_fees(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.store.late_fees.applying import apply_charges
    from diva_desk.store.late_fees.charges import late_fee_charges

    day = args.date or dt.date.today()
    charges = late_fee_charges(day)
    made = apply_charges(day) if args.apply and charges else []
    if args.apply:
        # What was written is what the transaction found, which is what counts.
        keys = {(c.code, c.currency) for c in made}
        charges = [c for c in charges if (c.code, c.charge.currency) in keys]
    if args.json:
        say_json(late_fees_json(day, charges))
    else:
        for line in late_fees_text(day, charges, made if args.apply else None):
            say(line)
    return EXIT_OK


def late_fees_json(day: dt.date, charges: list[CustomerCharge]) -> dict[str, object]:
    from diva_desk.core.money import money_text

    return {
        "date": day.isoformat(),
        "charges": [
            {
                "customer": c.code,
                "currency": c.charge.currency,
                "amount": money_text(c.charge.amount, c.charge.currency),
                "invoices": [
                    {
                        "invoice": part.invoice,
                        "days": part.days,
                        "balance": money_text(part.balance, c.charge.currency),
                    }
                    for part in c.charge.invoices
                ],
            }
            for c in charges
        ],
    }


def late_fees_text(
    day: dt.date, charges: list[CustomerCharge], made: list[MadeCharge] | None
) -> list[str]:
    """Each charge with its invoices, and with --apply the invoice written for it."""
    from diva_desk.core.late_fees.terms import charge_line
    from diva_desk.i18n import format as fmt

    when = fmt.date(day)
    if not charges:
        return [_("No late interest is due on {date}.").format(date=when)]
    lines = [_("Late interest due on {date}").format(date=when), ""]
    for c in charges:
        lines.append(
            _("{code}  {name}: {amount}").format(
                code=c.code, name=c.name, amount=fmt.money(c.charge.amount, c.charge.currency)
            )
        )
        for part in c.charge.invoices:
            lines.append(
                "  "
                + _("{line}, on a balance of {balance}").format(
                    line=charge_line(part.invoice, part.days, c.charge.percent_per_month),
                    balance=fmt.money(part.balance, c.charge.currency),
                )
            )
    if made is not None:
        lines.append("")
        lines.extend(
            _("Wrote {number} to {code}: {amount}.").format(
                number=charge.number,
                code=charge.code,
                amount=fmt.money(charge.amount, charge.currency),
            )
            for charge in made
        )
    return lines
