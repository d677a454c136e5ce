"""What the business profile and its tax rates must be before they are saved.

The settings dialog and anything else that writes the profile check the same
way, here, without Qt: every problem is a sentence that names its field, keyed
by the field so the form can show it beside the field.

Invoice numbers: the next number may never go below one already used with the
same prefix, or two invoices would carry one number. The caller says which was
the highest used (store.business.highest_invoice_number), because that needs the
book.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from diva_desk.core.currencies import currency_problem
from diva_desk.core.customers.customer_rules import email_problem
from diva_desk.core.invoices.pay_links import pay_link_sentence
from diva_desk.core.money import RATE_PLACES, BadAmount, parse_decimal
from diva_desk.core.records import Business
from diva_desk.core.text_limits import clean, cleaned, length_problems, limit_problem
from diva_desk.i18n import _

#: The longest invoice prefix: it shares a narrow column with the number.
PREFIX_MAX_LENGTH = 20
MAX_TERMS_DAYS = 365
#: A tax rate is below this percentage (the store refuses 100 % and more).
MAX_TAX_RATE = Decimal(100)
#: The highest invoice number, and so the highest the counter (next invoice number)
#: may hold, wherever it is set: the settings, an import, the store. Nine digits fit
#: the invoice's number column and any SQLite integer with room to count, and no solo
#: business sends that many invoices under one prefix; beyond it, sending asks for a
#: new prefix instead of overflowing.
MAX_INVOICE_NUMBER = 999_999_999


@dataclass(frozen=True)
class BusinessInput:
    """The profile as typed: numbers still text, so a bad one can be named."""

    name: str
    owner_name: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    tax_numbers: str = ""
    currency: str = "CAD"
    locale: str = "en_CA"
    default_terms_days: str = "30"
    invoice_prefix: str = "INV-"
    next_invoice_number: str = "1"
    payment_instructions: str = ""
    payment_link: str = ""


@dataclass(frozen=True)
class BusinessCheck:
    """The profile ready to save, or the problems by field name (Business's names)."""

    business: Business | None
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.business is not None and not self.problems


def input_from_business(business: Business) -> BusinessInput:
    return BusinessInput(
        name=business.name,
        owner_name=business.owner_name,
        address=business.address,
        email=business.email,
        phone=business.phone,
        tax_numbers=business.tax_numbers,
        currency=business.currency,
        locale=business.locale,
        default_terms_days=str(business.default_terms_days),
        invoice_prefix=business.invoice_prefix,
        next_invoice_number=str(business.next_invoice_number),
        payment_instructions=business.payment_instructions,
        payment_link=business.payment_link,
    )


def check_business(
    entry: BusinessInput, highest_used: Callable[[str], int | None]
) -> BusinessCheck:
    """Every problem of the typed profile, or the profile (text trimmed) when none.

    ``highest_used(prefix)`` is the highest number already on an invoice with that
    prefix, or None when none has it.
    """
    problems: dict[str, str] = {}
    entry = cleaned(entry)  # control characters never reach the book
    name = entry.name.strip()
    if not name:
        problems["name"] = _("Business name: enter the name your invoices go out under.")
    if problem := email_problem(entry.email):
        problems["email"] = _("Email: {problem}").format(problem=problem)
    currency = entry.currency.strip().upper()
    if not _is_currency(currency):
        problems["currency"] = _("Currency: choose one from the list.")
    elif problem := currency_problem(currency):
        problems["currency"] = _("Currency: {problem}").format(problem=problem)
    if not _is_locale(entry.locale.strip()):
        problems["locale"] = _("Language and formats: choose one from the list.")
    terms = _whole_number(entry.default_terms_days.strip().split(" ")[0])
    if terms is None or terms > MAX_TERMS_DAYS:
        problems["default_terms_days"] = _(
            "Payment terms: enter a number of days from 0 to {most}."
        ).format(most=MAX_TERMS_DAYS)
    prefix = entry.invoice_prefix.strip()
    if problem := prefix_problem(prefix):
        problems["invoice_prefix"] = problem
    next_number = _whole_number(entry.next_invoice_number.strip())
    if problem := next_number_problem(entry.next_invoice_number, prefix, highest_used):
        problems["next_invoice_number"] = problem
    if problem := pay_link_sentence(entry.payment_link):
        problems["payment_link"] = problem
    for key, problem in length_problems(entry, business_labels()).items():
        problems.setdefault(key, problem)
    if problems or terms is None or next_number is None:
        return BusinessCheck(None, problems)
    return BusinessCheck(
        Business(
            name=name,
            owner_name=entry.owner_name.strip(),
            address=_trim_lines(entry.address),
            email=entry.email.strip(),
            phone=entry.phone.strip(),
            tax_numbers=_trim_lines(entry.tax_numbers),
            currency=currency,
            locale=entry.locale.strip(),
            default_terms_days=terms,
            invoice_prefix=prefix,
            next_invoice_number=next_number,
            payment_instructions=_trim_lines(entry.payment_instructions),
            payment_link=entry.payment_link.strip(),
        )
    )


def business_labels() -> dict[str, str]:
    """The profile's printable text fields and the names the settings give them."""
    return {
        "name": _("Business name"),
        "owner_name": _("Owner"),
        "address": _("Address"),
        "email": _("Email"),
        "phone": _("Phone"),
        "tax_numbers": _("Tax numbers"),
        "payment_instructions": _("Payment instructions"),
    }


def prefix_problem(prefix: str) -> str | None:
    """A prefix ending in a digit would run into the number: INV-1 + 23 reads as INV-12 + 3."""
    if len(prefix) > PREFIX_MAX_LENGTH:
        return _("Invoice prefix: use at most {count} characters.").format(count=PREFIX_MAX_LENGTH)
    if prefix and prefix[-1].isdigit():
        return _(
            "Invoice prefix: end it with a letter or a sign such as - so the number "
            "stands apart (e.g. 2026-)."
        )
    return None


def next_number_problem(
    text: str, prefix: str, highest_used: Callable[[str], int | None]
) -> str | None:
    """Why ``text`` cannot be the next invoice number, or None when it can."""
    number = _whole_number(text.strip())
    if number is None or not 1 <= number <= MAX_INVOICE_NUMBER:
        return _("Next invoice number: enter a whole number from 1 to {most}.").format(
            most=_formatted(MAX_INVOICE_NUMBER)
        )
    highest = highest_used(prefix.strip())
    if highest is not None and highest >= MAX_INVOICE_NUMBER:
        return numbers_used_up(prefix)
    if highest is not None and number <= highest:
        return _(
            "Next invoice number: {used} is already on an invoice, so the next one "
            "must be {lowest} or more."
        ).format(used=f"{prefix.strip()}{highest}", lowest=highest + 1)
    return None


def numbers_used_up(prefix: str) -> str:
    """The sentence when no number is left after the prefix (sending says it too)."""
    return _(
        "Next invoice number: no number is left after {prefix}{most}; choose another "
        "invoice prefix."
    ).format(prefix=prefix.strip(), most=MAX_INVOICE_NUMBER)


def _formatted(value: int) -> str:
    from diva_desk.i18n.format import number

    return number(value)


@dataclass(frozen=True)
class TaxRateCheck:
    """The rates ready to save as (name, rate), or the problems by row (from 0)."""

    rates: list[tuple[str, Decimal]]
    problems: dict[int, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_tax_rates(rows: Sequence[tuple[str, str]]) -> TaxRateCheck:
    """Read typed (name, rate) rows: a name, a rate of at least 0 and below 100 with at
    most four decimals, and no name and rate twice. An empty name with a zero rate is
    the "No tax" choice; a row left wholly blank is skipped. ``13 %`` and ``9,975``
    read too."""
    rates: list[tuple[str, Decimal]] = []
    problems: dict[int, str] = {}
    seen: dict[tuple[str, Decimal], int] = {}
    for index, (name_text, rate_text) in enumerate(rows):
        name = clean("tax_name", name_text).strip()
        n = index + 1
        if not name and not rate_text.strip():
            continue
        if problem := limit_problem("tax_name", name):
            problems[index] = _("Row {n}: tax name: {problem}.").format(n=n, problem=problem)
            continue
        try:
            rate = read_rate(rate_text)
        except ValueError as exc:
            problems[index] = _("Row {n}: {problem}").format(n=n, problem=exc)
            continue
        if not name and rate:
            problems[index] = _("Row {n}: give the tax a name, e.g. HST.").format(n=n)
            continue
        key = (name.casefold(), rate)
        if key in seen:
            problems[index] = _("Row {n}: the same tax and rate as row {first}.").format(
                n=n, first=seen[key] + 1
            )
            continue
        seen[key] = index
        rates.append((name, rate))
    return TaxRateCheck(rates, problems)


def read_rate(text: str) -> Decimal:
    """``"9.975"``, ``"13 %"``, ``"9,975"`` -> Decimal; ValueError says what is wrong."""
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned:
        raise ValueError(_("enter the rate in percent, e.g. 13 or 9.975."))
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # 9,975 as typed in French
    try:
        rate = parse_decimal(cleaned, places=RATE_PLACES)
    except BadAmount:
        whole, dot, decimals = cleaned.partition(".")
        if dot and whole.isdigit() and decimals.isdigit():
            raise ValueError(
                _("a rate has at most {places} decimals, e.g. 9.975.").format(places=RATE_PLACES)
            ) from None
        raise ValueError(_("enter the rate in percent, e.g. 13 or 9.975.")) from None
    if not Decimal(0) <= rate < MAX_TAX_RATE:
        raise ValueError(_("enter a rate of at least 0 and below 100 %."))
    return rate


def _whole_number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None


def _trim_lines(text: str) -> str:
    """Each line without trailing spaces, and no blank lines at either end."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@cache
def _is_currency(code: str) -> bool:
    from babel.numbers import list_currencies

    return code in list_currencies()


@cache
def _is_locale(name: str) -> bool:
    from diva_desk.i18n.format import is_known_locale

    return bool(name) and is_known_locale(name)
