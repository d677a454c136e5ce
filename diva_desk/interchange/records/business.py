"""``business`` of an interchange file: the owner's business, read and checked, with
its tax registrations; and the late fee and tax name rules its customers and lines share."""

from __future__ import annotations

from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.business_rules import MAX_INVOICE_NUMBER
from diva_desk.core.text_limits import limit_problem
from diva_desk.i18n import _
from diva_desk.interchange.fields import Fields
from diva_desk.interchange.keys import BUSINESS_KEYS, BUSINESS_KEYS_V1, REGISTRATION_KEYS
from diva_desk.interchange.records.pay_links import read_payment_link
from diva_desk.interchange.values import MAX_DAYS, RATE_PLACES, present


def read_business(root: Fields, version: int) -> r.Business | None:
    """``business``: the owner's business, or ``None`` where the file has none."""
    if root.raw.get("business") is None:
        return None
    f = Fields(root.raw["business"], "business")
    f.check_keys(BUSINESS_KEYS if version >= 2 else BUSINESS_KEYS_V1)
    return r.Business(
        name=f.text("name", required=True),
        owner_name=f.text("owner_name"),
        address=f.text("address"),
        email=f.text("email"),
        phone=f.text("phone"),
        tax_numbers=f.text("tax_numbers"),
        currency=f.currency("currency") or r.DEFAULT_CURRENCY,
        locale=f.locale("locale") or r.DEFAULT_LOCALE,
        default_terms_days=present(
            f.integer("default_terms_days", default=r.DEFAULT_TERMS_DAYS, maximum=MAX_DAYS)
        ),
        invoice_prefix=(
            r.DEFAULT_INVOICE_PREFIX
            if f.raw.get("invoice_prefix") is None
            else f.text("invoice_prefix")
        ),
        next_invoice_number=present(
            f.integer("next_invoice_number", default=1, minimum=1, maximum=MAX_INVOICE_NUMBER)
        ),
        payment_instructions=f.text("payment_instructions"),
        tax_registrations=_registrations(f),
        late_fee_percent_per_month=present(late_fee_percent(f, default=Decimal(0))),
        late_fee_grace_days=present(f.integer("late_fee_grace_days", default=0, maximum=MAX_DAYS)),
        payment_link=read_payment_link(f),
    )


def _registrations(f: Fields) -> tuple[r.TaxRegistration, ...]:
    """``business.tax_registrations``: one number per tax, each tax named once."""
    found: list[r.TaxRegistration] = []
    for where, raw in f.objects("tax_registrations"):
        item = Fields(raw, where)
        item.check_keys(REGISTRATION_KEYS)
        tax = tax_name(item, "tax")
        number = item.text("number", required=True).strip()
        if not number:
            raise item.error("number", _("must not be empty"))
        if any(known.tax == tax for known in found):
            raise item.error("tax", _("{tax} has a number already").format(tax=tax))
        found.append(r.TaxRegistration(tax, number))
    return tuple(found)


def late_fee_percent(f: Fields, *, default: Decimal | None) -> Decimal | None:
    """``late_fee_percent_per_month``: a decimal string from 0 to 5 (the Interest Act's
    yearly rate is printed beside it; docs/late-fees.md)."""
    return f.decimal(
        "late_fee_percent_per_month",
        places=RATE_PLACES,
        default=default,
        maximum=Decimal(5),
    )


def tax_name(f: Fields, key: str) -> str:
    """A tax's name as the lines carry it: not empty, within a tax name's length."""
    name = f.text(key, required=True).strip()
    if not name:
        raise f.error(key, _("must not be empty"))
    if problem := limit_problem("tax_name", name):
        raise f.error(key, problem)
    return name
