"""Reading the v2 keys of the pay link and of how to pay per currency.

``business.payment_link`` and ``invoices[].payment_link`` are templates checked by the
same rule as the settings form and the invoice editor (core.invoices.pay_links);
``business.payment_instructions_by_currency`` is an object from currency code to text.
"""

from __future__ import annotations

from diva_desk.core.currencies import currency_problem
from diva_desk.core.invoices.pay_links import pay_link_problem
from diva_desk.core.text_limits import limit_problem
from diva_desk.i18n import _
from diva_desk.interchange.fields import Fields
from diva_desk.interchange.values import currency_code, shown


def read_payment_link(f: Fields) -> str:
    """The template at ``payment_link``, trimmed; ``""`` when absent or null."""
    template = f.text("payment_link").strip()
    if problem := pay_link_problem(template):
        raise f.error("payment_link", problem)
    return template


def read_instructions_by_currency(f: Fields) -> dict[str, str]:
    """``payment_instructions_by_currency``: each code once, a text each (an empty text is
    no instructions, as in Settings), sorted by code as the book keeps them."""
    key = "payment_instructions_by_currency"
    raw = f.raw.get(key)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise f.error(key, _("expected an object, got {value}").format(value=shown(raw)))
    found: dict[str, str] = {}
    inner = Fields(raw, f.at(key))
    for code in raw:
        if currency_code(code) != code:
            raise inner.error(
                code, _("{code} is not a currency code such as CAD or USD").format(code=shown(code))
            )
        if problem := currency_problem(code):
            raise inner.error(code, problem)
        text = inner.text(code, required=True).strip()
        if problem := limit_problem("payment_instructions", text):
            raise inner.error(code, problem)
        if text:
            found[code] = text
    return dict(sorted(found.items()))
