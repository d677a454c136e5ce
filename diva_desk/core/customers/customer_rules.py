"""What makes a customer record acceptable, checked where a person types it.

The customer form, the contacts import and anything else that takes a customer from
outside read it through here, so "cut-off day 32" gets the same sentence everywhere. Each
problem is keyed by the record's field name (a form shows it beside that field) and names
the field in words. :func:`check_customer_input` reads what a person typed (every field as
text) and :func:`customer_problems` checks a record already typed (an import, the CLI).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from diva_desk.core.currencies import currency_problem
from diva_desk.core.late_fees.terms import read_percent_per_month
from diva_desk.core.money import BadAmount, decimal_text, parse_decimal
from diva_desk.core.records import DEFAULT_CURRENCY, Customer, PaymentMethod
from diva_desk.core.text_limits import cleaned, length_problems
from diva_desk.i18n import _

#: Cut-off and payment-run days are days of the month; 31 means the month's last day.
FIRST_DAY, LAST_DAY = 1, 31
#: Terms longer than this (100 years) are a typo, and would run past the calendar's end.
MAX_TERMS_DAYS = 36_500
#: Deposit percent is kept to four decimals (the store's units).
DEPOSIT_PLACES = 4
MAX_DEPOSIT_PERCENT = Decimal(100)
#: A customer code is typed on the command line, printed on invoices and matched in
#: file names, so it is short and has no spaces: letters, digits, "-", "_" and ".".
CODE_MAX_LENGTH = 20
CODE_SHAPE = re.compile(rf"[\w.-]{{1,{CODE_MAX_LENGTH}}}")

_DAY_SEPARATORS = re.compile(r"[\s,;/&]+|\band\b", re.IGNORECASE)
_CURRENCY = re.compile(r"[A-Z]{3}")
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(st|nd|rd|th)$", re.IGNORECASE)
# A number that would read but for its decimals: "12.34567".
_TOO_PRECISE = re.compile(rf"\+?[0-9]*\.[0-9]{{{DEPOSIT_PLACES + 1},}}")


@dataclass(frozen=True)
class CustomerInput:
    """A customer as typed into a form: every field as the text in its box."""

    code: str = ""
    name: str = ""
    contact_name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    currency: str = DEFAULT_CURRENCY
    #: ``""`` follows the business locale.
    language: str = ""
    #: ``""`` follows the business default terms.
    terms_days: str = ""
    ap_contact_name: str = ""
    ap_email: str = ""
    ap_phone: str = ""
    invoice_cutoff_day: str = ""
    #: Days separated by commas or spaces, e.g. ``"15, 31"``; "last" stands for 31.
    payment_run_days: str = ""
    deposit_percent: str = ""
    #: A :class:`PaymentMethod` value, or ``""`` for none.
    preferred_payment_method: str = ""
    notes: str = ""
    archived: bool = False
    #: ``""`` follows the business's late interest; ``"0"`` agreed none.
    late_fee_percent_per_month: str = ""


@dataclass(frozen=True)
class CustomerCheck:
    """The record read from a form, or what is wrong with it, field by field."""

    customer: Customer | None
    #: Field name -> a sentence naming the field and what to type instead.
    problems: dict[str, str]

    @property
    def ok(self) -> bool:
        return not self.problems


def input_from_customer(customer: Customer) -> CustomerInput:
    """The text a form shows for a stored customer (the inverse of reading it)."""
    return CustomerInput(
        code=customer.code,
        name=customer.name,
        contact_name=customer.contact_name,
        email=customer.email,
        phone=customer.phone,
        address=customer.address,
        currency=customer.currency,
        language=customer.language or "",
        terms_days="" if customer.terms_days is None else str(customer.terms_days),
        ap_contact_name=customer.ap_contact_name,
        ap_email=customer.ap_email,
        ap_phone=customer.ap_phone,
        invoice_cutoff_day=(
            "" if customer.invoice_cutoff_day is None else str(customer.invoice_cutoff_day)
        ),
        payment_run_days=", ".join(str(day) for day in customer.payment_run_days),
        deposit_percent=decimal_text(customer.deposit_percent) if customer.deposit_percent else "",
        preferred_payment_method=(
            customer.preferred_payment_method.value if customer.preferred_payment_method else ""
        ),
        notes=customer.notes,
        archived=customer.archived,
        late_fee_percent_per_month=(
            "" if (late := customer.late_fee_percent_per_month) is None else decimal_text(late)
        ),
    )


def check_customer_input(
    entry: CustomerInput,
    *,
    code_in_use: Callable[[str], str | None] = lambda _code: None,
    kept_code: str = "",
    default_currency: str = DEFAULT_CURRENCY,
) -> CustomerCheck:
    """Read a typed customer; every problem found, not only the first.

    An empty currency is ``default_currency``: the business's, which the caller knows.

    ``code_in_use(code)`` gives the code, as stored, of another customer who already
    has that code in any letter case, or None (the store knows; the rules do not).
    ``kept_code`` is the code the customer has now: it stays acceptable even if it
    predates the code's shape rule (a book imported from elsewhere).
    """
    problems: dict[str, str] = {}
    entry = cleaned(entry)  # control characters never reach the book

    def read(field: str, reader: Callable[[str], object]) -> object:
        try:
            return reader(getattr(entry, field))
        except ValueError as exc:
            problems[field] = str(exc)
            return None

    terms = read("terms_days", _read_terms)
    cutoff = read("invoice_cutoff_day", _read_cutoff_day)
    runs = read("payment_run_days", read_payment_run_days)
    deposit = read("deposit_percent", _read_deposit)
    method = read("preferred_payment_method", _read_method)
    late = read("late_fee_percent_per_month", lambda t: read_percent_per_month(t, empty=None))
    if problems:
        # Still check the text fields, so the person sees everything at once.
        typed = _texts_only(entry)
        typed = replace(typed, currency=typed.currency or default_currency)
        found = customer_problems(typed, code_in_use=code_in_use, kept_code=kept_code)
        problems = {**found, **problems}
        return CustomerCheck(None, problems)

    customer = Customer(
        code=entry.code.strip(),
        name=entry.name.strip(),
        contact_name=entry.contact_name.strip(),
        email=entry.email.strip(),
        phone=entry.phone.strip(),
        address=entry.address.strip(),
        currency=entry.currency.strip().upper() or default_currency,
        language=entry.language.strip() or None,
        terms_days=terms,  # type: ignore[arg-type]
        ap_contact_name=entry.ap_contact_name.strip(),
        ap_email=entry.ap_email.strip(),
        ap_phone=entry.ap_phone.strip(),
        invoice_cutoff_day=cutoff,  # type: ignore[arg-type]
        payment_run_days=runs,  # type: ignore[arg-type]
        deposit_percent=deposit,  # type: ignore[arg-type]
        preferred_payment_method=method,  # type: ignore[arg-type]
        notes=entry.notes.strip(),
        archived=entry.archived,
        late_fee_percent_per_month=late,  # type: ignore[arg-type]
    )
    found = customer_problems(customer, code_in_use=code_in_use, kept_code=kept_code)
    return CustomerCheck(None if found else customer, found)


def customer_problems(
    customer: Customer,
    *,
    code_in_use: Callable[[str], str | None] = lambda _code: None,
    kept_code: str = "",
) -> dict[str, str]:
    """What is wrong with a typed customer record, by field name (empty when nothing).

    ``code_in_use`` and ``kept_code`` as for :func:`check_customer_input`.
    """
    problems: dict[str, str] = {}
    code = customer.code.strip()
    taken = code_in_use(code) if code else None
    if not code:
        problems["code"] = _("Code: enter a short code for this customer, e.g. ACME.")
    elif code != kept_code and not code_shape_ok(code):
        problems["code"] = code_shape_message()
    elif taken is not None:
        # The other customer's code as they have it: "HARBOUR", not the "harbour" typed.
        problems["code"] = _("Code: another customer already has the code {code}.").format(
            code=taken
        )
    if not customer.name.strip():
        problems["name"] = _("Name: enter the customer's name.")
    for field, label in (("email", _("Email")), ("ap_email", _("Accounts payable email"))):
        problem = email_problem(getattr(customer, field))
        if problem:
            problems[field] = _("{field}: {problem}").format(field=label, problem=problem)
    if not _CURRENCY.fullmatch(customer.currency or "") or not _is_currency(customer.currency):
        problems["currency"] = _("Currency: choose a currency code such as CAD or USD.")
    elif problem := currency_problem(customer.currency):
        problems["currency"] = _("Currency: {problem}").format(problem=problem)
    if customer.language and not _is_locale(customer.language):
        problems["language"] = _("Language: choose a language such as en_CA or fr_CA.")
    if customer.terms_days is not None and not 0 <= customer.terms_days <= MAX_TERMS_DAYS:
        problems["terms_days"] = _terms_message()
    cutoff = customer.invoice_cutoff_day
    if cutoff is not None and not FIRST_DAY <= cutoff <= LAST_DAY:
        problems["invoice_cutoff_day"] = _cutoff_message()
    if any(not FIRST_DAY <= day <= LAST_DAY for day in customer.payment_run_days):
        problems["payment_run_days"] = _run_days_message()
    if not Decimal(0) <= customer.deposit_percent <= MAX_DEPOSIT_PERCENT:
        problems["deposit_percent"] = _deposit_message()
    for field, problem in length_problems(customer, customer_labels()).items():
        problems.setdefault(field, problem)
    return problems


def customer_labels() -> dict[str, str]:
    """The customer's printable text fields and the names the form gives them."""
    return {
        "code": _("Code"),
        "name": _("Name"),
        "contact_name": _("Contact"),
        "email": _("Email"),
        "phone": _("Phone"),
        "address": _("Address"),
        "ap_contact_name": _("Accounts payable contact"),
        "ap_email": _("Accounts payable email"),
        "ap_phone": _("Accounts payable phone"),
        "notes": _("Notes"),
    }


def code_shape_ok(code: str) -> bool:
    """Whether ``code`` has a customer code's shape (see :data:`CODE_SHAPE`)."""
    return CODE_SHAPE.fullmatch(code) is not None


def code_shape_message() -> str:
    return _(
        "Code: use 1 to {count} letters, digits, dashes (-), underscores (_) or dots (.), "
        "without spaces."
    ).format(count=CODE_MAX_LENGTH)


def email_problem(text: str) -> str | None:
    """Why ``text`` is not an email address, or None when it is one (or is empty).

    Only the shape is checked, never the domain's mail servers: the form must work
    offline, and an address that bounces is found out by sending.
    """
    text = text.strip()
    if not text:
        return None
    # Imported here: its tables take a tenth of a second to load, and the command
    # line and the window's first paint never check an address.
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return _("enter an address like name@example.com.")
    return None


def read_payment_run_days(text: str) -> tuple[int, ...]:
    """``"15, last"`` -> ``(15, 31)``: sorted, each day once; ValueError names the field."""
    days: set[int] = set()
    last_words = {"last", "end", _("last").casefold(), _("end").casefold()}
    for word in _DAY_SEPARATORS.split(text.strip()):
        if not word:
            continue
        if word.casefold() in last_words:
            days.add(LAST_DAY)
            continue
        day = _whole_number(_ORDINAL_SUFFIX.sub("", word.rstrip(".")))
        if day is None or not FIRST_DAY <= day <= LAST_DAY:
            raise ValueError(_run_days_message())
        days.add(day)
    return tuple(sorted(days))


def _read_terms(text: str) -> int | None:
    if not text.strip():
        return None
    days = _whole_number(text.strip().split()[0])
    if days is None or not 0 <= days <= MAX_TERMS_DAYS:
        raise ValueError(_terms_message())
    return days


def _read_cutoff_day(text: str) -> int | None:
    if not text.strip():
        return None
    day = _whole_number(text.strip())
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(_cutoff_message())
    return day


def read_deposit_percent(text: str) -> Decimal:
    """``"12,5 %"`` -> ``Decimal("12.5")``; empty is 0. ValueError with the sentence to show.

    The customer's deposit and the business's suggested deposit read the same way.
    """
    return _read_deposit(text)


def _read_deposit(text: str) -> Decimal:
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned:
        return Decimal(0)
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # 12,5 as typed in French
    try:
        value = parse_decimal(cleaned, places=DEPOSIT_PLACES)
    except BadAmount:
        if _TOO_PRECISE.fullmatch(cleaned):
            raise ValueError(_deposit_places_message()) from None
        raise ValueError(_deposit_message()) from None
    if not Decimal(0) <= value <= MAX_DEPOSIT_PERCENT:
        raise ValueError(_deposit_message())
    return value


def _read_method(text: str) -> PaymentMethod | None:
    if not text.strip():
        return None
    try:
        return PaymentMethod(text.strip())
    except ValueError:
        raise ValueError(_("Preferred payment method: choose one from the list.")) from None


def _whole_number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None


def _texts_only(entry: CustomerInput) -> Customer:
    """The text fields of a form whose numbers did not read, for checking those too."""
    return Customer(
        code=entry.code,
        name=entry.name,
        email=entry.email,
        ap_email=entry.ap_email,
        currency=entry.currency.strip().upper(),
        language=entry.language.strip() or None,
    )


def _terms_message() -> str:
    return _("Payment terms: enter a number of days, 0 or more (leave empty for your usual terms).")


def _cutoff_message() -> str:
    return _("Invoice cut-off day: enter a day of the month from 1 to 31 (or leave it empty).")


def _run_days_message() -> str:
    return _(
        "Payment-run days: enter days of the month from 1 to 31, separated by commas "
        "(31 means the last day)."
    )


def _deposit_message() -> str:
    return _("Deposit: enter a percentage from 0 to 100.")


def _deposit_places_message() -> str:
    return _("Deposit: use at most {places} decimals, e.g. 12.5.").format(places=DEPOSIT_PLACES)


@cache
def _is_currency(code: str) -> bool:
    from babel.numbers import list_currencies

    return code in list_currencies()


@cache
def _is_locale(name: str) -> bool:
    from diva_desk.i18n.format import is_known_locale

    return is_known_locale(name)
