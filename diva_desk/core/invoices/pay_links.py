"""Pay links: a web address the customer pays at, filled in for one invoice.

The business keeps one template (``Business.payment_link``), e.g.
``https://paypal.me/divadesign/{amount}{currency}`` or
``https://buy.stripe.com/abc?client_reference_id={number}``; an invoice may carry its
own (``Invoice.payment_link``), which wins. Three placeholders are filled in, each
URL-encoded: ``{number}`` (the invoice number), ``{amount}`` (the balance as a plain
decimal in the currency's minor units: ``1234.50``, ``1000`` yen; no grouping) and
``{currency}`` (``CAD``). An invoice with nothing owed has no link: a link that asks
for $0.00, or for money already paid, is never printed or sent.

Only http and https addresses are links a phone opens from a QR code, so any other
scheme is refused, as is an address without one, in one sentence naming the field
(the settings form, the invoice editor and an import all ask :func:`pay_link_problem`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote, urlsplit

from diva_desk.core.invoices.open_items import OpenItem
from diva_desk.core.money import ZERO, money_text
from diva_desk.i18n import _

PLACEHOLDERS = ("number", "amount", "currency")
#: The longest template: a longer address makes a QR code too dense to scan from paper.
MAX_LENGTH = 500
_BRACED = re.compile(r"\{([^{}]*)\}")
_SAMPLE = {"number": "INV-1", "amount": "1.00", "currency": "CAD"}


def pay_link_problem(template: str) -> str | None:
    """What is wrong with ``template`` as a pay link, without a field name (an import
    names the record and key before it); ``None`` when it can be one. An empty template
    is no link, which is fine."""
    text = template.strip()
    if not text:
        return None
    if len(text) > MAX_LENGTH:
        return _("use at most {most} characters (this has {count})").format(
            most=MAX_LENGTH, count=len(text)
        )
    if any(c.isspace() for c in text):
        return _("a web address has no spaces; remove them")
    for found in _BRACED.findall(text):
        if found not in PLACEHOLDERS:
            return _(
                "{{{name}}} is not a placeholder; use {{number}}, {{amount}} or {{currency}}"
            ).format(name=found)
    bare = _BRACED.sub("", text)
    if "{" in bare or "}" in bare:
        return _(
            "a brace is without its pair; write placeholders as {{number}}, {{amount}} or "
            "{{currency}}"
        )
    parts = urlsplit(_substituted(text, _SAMPLE))
    if not parts.scheme or "://" not in text:
        return _("start the address with https:// (for example {example})").format(
            example="https://paypal.me/you/{amount}"
        )
    if parts.scheme.lower() not in ("http", "https"):
        return _(
            "{scheme}: addresses cannot be opened from an invoice; give a web address "
            "starting with https://"
        ).format(scheme=parts.scheme)
    if not parts.hostname:
        return _("give the site's name after https://")
    return None


def pay_link_sentence(template: str) -> str | None:
    """The problem as the forms show it: ``Pay link: ... .``; ``None`` when there is none."""
    problem = pay_link_problem(template)
    return None if problem is None else _("Pay link: {problem}.").format(problem=problem)


def _substituted(template: str, values: dict[str, str]) -> str:
    return _BRACED.sub(lambda match: values.get(match[1], match[0]), template)


def fill_pay_link(template: str, number: str, amount: Decimal, currency: str) -> str:
    """The link for paying ``amount`` of invoice ``number``; ``""`` when nothing is owed
    or there is no (usable) template."""
    text = template.strip()
    if not text or amount <= ZERO or pay_link_problem(text) is not None:
        return ""
    values = {
        "number": quote(number, safe=""),
        "amount": quote(money_text(amount, currency), safe=""),
        "currency": quote(currency, safe=""),
    }
    return _substituted(text, values)


def template_for(business_template: str, invoice_template: str) -> str:
    """The template an invoice's link is made from: its own, else the business's."""
    return invoice_template.strip() or business_template.strip()


@dataclass(frozen=True)
class PayLink:
    """One link a document prints: the address, and what it pays."""

    url: str
    amount: Decimal
    currency: str
    #: The invoice numbers the amount is the balance of.
    numbers: tuple[str, ...]


def link_for_invoice(
    business_template: str, invoice_template: str, number: str, balance: Decimal, currency: str
) -> PayLink | None:
    """The pay link printed on one invoice (its own template, else the business's)."""
    template = template_for(business_template, invoice_template)
    url = fill_pay_link(template, number, balance, currency)
    return PayLink(url, balance, currency, (number,)) if url else None


def link_for_letter(
    business_template: str,
    owed: list[tuple[str, str, Decimal, str]],
) -> list[PayLink]:
    """The links a statement or reminder prints: one per currency, for all it asks for.

    ``owed`` is ``(number, invoice template, amount, currency)`` per invoice, in the
    letter's order. Each currency's link pays the letter's whole amount in it, so one
    scan settles everything asked for; ``{number}`` is the invoice's number when one
    invoice makes it up (and that invoice's own template is used), else the numbers
    joined with commas, as a payment reference.
    """
    by_currency: dict[str, list[tuple[str, str, Decimal]]] = {}
    for number, template, amount, currency in owed:
        if amount > ZERO:
            by_currency.setdefault(currency, []).append((number, template, amount))
    links: list[PayLink] = []
    for currency, items in by_currency.items():
        numbers = tuple(number for number, _template, _amount in items)
        total = sum((amount for _number, _template, amount in items), ZERO)
        own = items[0][1] if len(items) == 1 else ""
        template = template_for(business_template, own)
        url = fill_pay_link(template, ",".join(numbers), total, currency)
        if url:
            links.append(PayLink(url, total, currency, numbers))
    return links


def links_for_items(business_template: str, items: Iterable[OpenItem]) -> list[PayLink]:
    """:func:`link_for_letter` for the open items a statement or reminder asks for."""
    owed = [
        (i.invoice.number, i.invoice.payment_link, i.balance, i.invoice.currency) for i in items
    ]
    return link_for_letter(business_template, owed)


def sample_link(template: str, number: str, currency: str) -> str:
    """The template filled for a sample invoice (the settings' live example)."""
    return fill_pay_link(template, number, Decimal("1234.50"), currency)
