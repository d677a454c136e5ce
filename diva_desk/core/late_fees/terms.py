"""The words of late interest: the terms printed on invoices and statements, a charge's
lines, and reading a typed rate (docs/late-fees.md)."""

from __future__ import annotations

from decimal import Decimal

from diva_desk.core.late_fees.interest import MAX_PERCENT_PER_MONTH, yearly_percent
from diva_desk.core.money import BadAmount, parse_decimal
from diva_desk.core.records import Business
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt

#: A month's rate has at most this many decimals (the book keeps ten-thousandths).
PERCENT_PLACES = 4


def agreed_percent(customer_percent: Decimal | None, business_percent: Decimal) -> Decimal:
    """The customer's own rate when they have one (0 is "agreed none"), else the business's."""
    return business_percent if customer_percent is None else customer_percent


def stated_terms(percent_per_month: Decimal) -> str:
    """ "Interest on overdue balances: 2% a month (24% a year)." — or "" at 0.

    The yearly rate is stated beside the monthly one: under Canada's Interest Act
    (section 4), interest stated only per month is not recoverable above 5 % a year.
    """
    if percent_per_month <= 0:
        return ""
    return _("Interest on overdue balances: {monthly} a month ({yearly} a year).").format(
        monthly=fmt.percent(percent_per_month),
        yearly=fmt.percent(yearly_percent(percent_per_month)),
    )


def charge_line(invoice: str, days: int, percent_per_month: Decimal) -> str:
    """A charge's line for one invoice: "Interest on INV-1001, 48 days at 2% a month"."""
    return ngettext(
        "Interest on {invoice}, {days} day at {rate} a month",
        "Interest on {invoice}, {days} days at {rate} a month",
        days,
    ).format(invoice=invoice, days=fmt.number(days), rate=fmt.percent(percent_per_month))


def late_fee_hint(business: Business | None) -> str:
    """The customer form's hint: what an empty late-interest field means."""
    percent = business.late_fee_percent_per_month if business else Decimal(0)
    if not percent:
        return _("Your usual: none")
    return _("Your usual: {rate} (0 for none)").format(rate=fmt.percent(percent))


def read_percent_per_month(text: str, *, empty: Decimal | None) -> Decimal | None:
    """A typed monthly rate (``"1,5 %"`` in French too); ``empty`` when nothing is typed.

    Raises ValueError with the sentence to show under the field.
    """
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned:
        return empty
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = parse_decimal(cleaned, places=PERCENT_PLACES)
    except BadAmount:
        raise ValueError(percent_message()) from None
    if not Decimal(0) <= value <= MAX_PERCENT_PER_MONTH:
        raise ValueError(percent_message())
    return abs(value) if value == 0 else value


def percent_message() -> str:
    return _(
        "Late interest: enter a rate per month from 0 to 5 %, with at most 4 decimals, e.g. 2."
    )
