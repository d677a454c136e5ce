"""Interchange format v1 and v2 (spec/interchange-v1.md, -v2.md): JSON text to checked
core records.

The reader checks the file against the spec and against the book it goes into
(duplicate codes and numbers, references, defaults that come from the book's
business or customers), and fills in every default, so that what it returns can
be written as it is. The book is seen only through :class:`BookView`, so this
module needs no database and the rules can be tested on their own.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from diva_desk.core import records as r
from diva_desk.core.customers.terms import due_date_for
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.interchange.fields import Fields
from diva_desk.interchange.keys import (
    CUSTOMER_KEYS,
    FORMAT_NAME,
    INVOICE_KEYS,
    INVOICE_KEYS_V2_ONLY,
    LINE_KEYS,
    LINE_KEYS_V1,
    LINE_TAX_KEYS,
    TOP_KEYS,
    TOP_KEYS_V1,
    VERSION,
)
from diva_desk.interchange.records.business import late_fee_percent, read_business, tax_name
from diva_desk.interchange.records.history import (
    bank_transactions_by_id,
    read_bank_transaction,
    read_followup,
    read_interaction,
    read_payment,
    read_plan,
    read_promise,
)
from diva_desk.interchange.records.pay_links import read_instructions_by_currency, read_payment_link
from diva_desk.interchange.records.quote_records import QuoteReader
from diva_desk.interchange.records.recurring import read_recurring
from diva_desk.interchange.references import BookView, EmptyBook, References
from diva_desk.interchange.text_check import check_text, may_hold_surrogates
from diva_desk.interchange.values import (
    MAX_AMOUNT,
    MAX_DAYS,
    RATE_PLACES,
    NotANumber,
    object_pairs,
    objects_key,
    present,
    shown,
)

#: A version 2 line's keys: its own, and version 1's single tax (refused beside "taxes").
_LINE_KEYS_V2 = LINE_KEYS + LINE_KEYS_V1[3:]

__all__ = ["BookView", "EmptyBook", "parse_json", "read_document", "read_text"]


def parse_json(text: str) -> Any:
    """The JSON document in ``text``; a syntax error says the line and column."""
    try:
        return json.loads(
            text,
            object_pairs_hook=object_pairs,
            parse_float=Decimal,
            parse_constant=NotANumber,
        )
    except json.JSONDecodeError as exc:
        raise BadInput(
            _("The file is not valid JSON: {problem} at line {line}, column {column}.").format(
                problem=exc.msg, line=exc.lineno, column=exc.colno
            )
        ) from None
    except (ValueError, RecursionError) as exc:  # e.g. a number with thousands of digits
        raise BadInput(_("The file is not valid JSON: {problem}.").format(problem=exc)) from None


def read_text(text: str, book: BookView) -> r.BookContents:
    """Parse and check a whole interchange file for ``book``; raise ``BadInput`` if wrong."""
    return read_document(parse_json(text), book, surrogates=may_hold_surrogates(text))


def read_document(document: Any, book: BookView, *, surrogates: bool = True) -> r.BookContents:
    """Check an already parsed document and turn it into records with defaults filled in.

    ``surrogates=False`` says the text it was parsed from cannot hold a lone surrogate
    (text_check.may_hold_surrogates), so the walk looking for one is skipped.
    """
    if not isinstance(document, dict):
        raise BadInput(
            _("This is not a Diva Desk file: expected a JSON object, got {value}.").format(
                value=shown(document)
            )
        )
    if surrogates:
        check_text(document)
    root = Fields(document, "")
    version = _check_format(root)
    root.check_keys(TOP_KEYS if version >= 2 else TOP_KEYS_V1)
    root.timestamp("exported_at")
    return _Reader(root, book, version).read()


def _check_format(root: Fields) -> int:
    """Format and version first: a newer file is refused for that reason, not its keys."""
    name = root.text("format", required=True)
    if name != FORMAT_NAME:
        raise root.error(
            "format",
            _('expected "{expected}", got {value}; this is not a Diva Desk file').format(
                expected=FORMAT_NAME, value=shown(name)
            ),
        )
    version = root.integer("version", required=True, minimum=1)
    if version is not None and version > VERSION:
        raise root.error(
            "version",
            _(
                "this file is format version {version}, but this Diva Desk reads version "
                "{known}; install a newer Diva Desk to import it"
            ).format(version=version, known=VERSION),
        )
    return present(version)


class _Reader:
    """One pass over the document, in the order records may refer to each other."""

    def __init__(self, root: Fields, book: BookView, version: int) -> None:
        self.root = root
        self.book = book
        self.version = version
        self.refs = References(root.raw, book)
        self.business: r.Business | None = None
        # A line's taxes as read, by their exact JSON: a ten-year book repeats a few
        # (GST, GST and QST) on every line, and a list read once reads the same again.
        self._taxes_read: dict[tuple[Any, ...], tuple[r.LineTax, ...]] = {}

    def read(self) -> r.BookContents:
        business = read_business(self.root, self.version)
        self.business = business or self.book.business()
        if self.business is None:
            raise self.root.error(
                "business",
                _("missing; the book has no business profile yet, so the file must have one"),
            )
        customers = tuple(self._customer(w, v) for w, v in self.root.objects("customers"))
        invoices = tuple(self._invoice(w, v) for w, v in self.root.objects("invoices"))
        refs = self.refs
        own = self.business.currency
        banked = tuple(
            read_bank_transaction(w, v, own) for w, v in self.root.objects("bank_transactions")
        )
        bank = bank_transactions_by_id(self.root, banked)
        return r.BookContents(
            business=business,
            payment_instructions_by_currency=self._instructions_by_currency(),
            customers=customers,
            invoices=invoices,
            payments=tuple(
                read_payment(w, v, refs, bank) for w, v in self.root.objects("payments")
            ),
            promises=tuple(read_promise(w, v, refs) for w, v in self.root.objects("promises")),
            payment_plans=tuple(
                read_plan(w, v, refs) for w, v in self.root.objects("payment_plans")
            ),
            followups=tuple(read_followup(w, v, refs) for w, v in self.root.objects("followups")),
            interactions=tuple(
                read_interaction(w, v, refs) for w, v in self.root.objects("interactions")
            ),
            quotes=self._quotes(),
            bank_transactions=banked,
            recurring_invoices=tuple(
                read_recurring(w, v, refs, self._line)
                for w, v in self.root.objects("recurring_invoices")
            ),
        )

    def _quotes(self) -> tuple[r.Quote, ...]:
        items = list(self.root.objects("quotes"))  # version 1 refused it as an unknown key
        numbers = [raw["number"] for _w, raw in items if isinstance(raw, dict)]
        taken = self.book.quote_numbers([n for n in numbers if isinstance(n, str)])
        reader = QuoteReader(self.refs, self._line, taken)
        return tuple(reader.read(w, v) for w, v in items)

    # --- the owner's business and the customers ------------------------------------

    def _instructions_by_currency(self) -> dict[str, str]:
        raw = self.root.raw.get("business")
        return {} if raw is None else read_instructions_by_currency(Fields(raw, "business"))

    def _customer(self, where: str, raw: Any) -> r.Customer:
        f = Fields(raw, where).named_by("code")
        f.check_keys(CUSTOMER_KEYS if self.version >= 2 else _v1(CUSTOMER_KEYS))
        code = f.identifier("code")
        self.refs.check_new_customer(f, code)
        business = present(self.business)
        customer = r.Customer(
            code=code,
            name=f.text("name", required=True),
            contact_name=f.text("contact_name"),
            email=f.text("email"),
            phone=f.text("phone"),
            address=f.text("address"),
            currency=f.currency("currency") or business.currency,
            language=f.locale("language"),
            terms_days=f.integer("terms_days", maximum=MAX_DAYS),
            ap_contact_name=f.text("ap_contact_name"),
            ap_email=f.text("ap_email"),
            ap_phone=f.text("ap_phone"),
            invoice_cutoff_day=f.integer("invoice_cutoff_day", minimum=1, maximum=31),
            payment_run_days=f.days_of_month("payment_run_days"),
            deposit_percent=present(
                f.decimal(
                    "deposit_percent",
                    places=RATE_PLACES,
                    default=Decimal(0),
                    maximum=Decimal(100),
                )
            ),
            preferred_payment_method=f.choice("preferred_payment_method", r.PaymentMethod),
            notes=f.text("notes"),
            archived=f.boolean("archived"),
            late_fee_percent_per_month=late_fee_percent(f, default=None),
        )
        self.refs.add_customer(f, customer)
        return customer

    # --- invoices ------------------------------------------------------------------

    def _invoice(self, where: str, raw: Any) -> r.Invoice:
        f = Fields(raw, where).named_by("number")
        f.check_keys(INVOICE_KEYS if self.version >= 2 else _v1(INVOICE_KEYS))
        number = f.identifier("number")
        self.refs.check_new_invoice(f, number)
        customer = self.refs.customer_for(f)
        issue_date = present(f.date("issue_date", required=True))
        terms = (
            customer.terms_days
            if customer.terms_days is not None
            else present(self.business).default_terms_days
        )
        lines = tuple(self._line(w, v) for w, v in f.objects("lines", required=True))
        currency = f.currency("currency") or customer.currency
        total = invoice_totals(lines, currency).total
        if total >= MAX_AMOUNT:
            raise f.error(
                "lines",
                _("the invoice total {total} is too large").format(total=total),
            )
        due_date = f.date("due_date")
        if due_date is None:
            try:
                due_date = due_date_for(issue_date, terms)
            except OverflowError:
                raise f.error(
                    "issue_date", _("the due date would fall after the year 9999")
                ) from None
        invoice = r.Invoice(
            number=number,
            customer=customer.code,
            issue_date=issue_date,
            due_date=due_date,
            lines=lines,
            currency=currency,
            state=f.choice("status", r.InvoiceState) or r.InvoiceState.SENT,
            sent_date=f.date("sent_date"),
            received_confirmed_date=f.date("received_confirmed_date"),
            po_number=f.text("po_number"),
            deposit_amount=f.amount("deposit_amount", currency=currency) or Decimal("0.00"),
            deposit_due_date=f.date("deposit_due_date"),
            notes=f.text("notes"),
            late_fee_through=f.date("late_fee_through"),
            payment_link=read_payment_link(f),
        )
        self.refs.add_invoice(f, invoice, total)
        return invoice

    def _line(self, where: str, raw: Any) -> r.InvoiceLine:
        f = Fields(raw, where)
        if self.version >= 2:
            f.check_keys(_LINE_KEYS_V2)
            if f.raw.get("taxes") is not None:
                for key in LINE_KEYS_V1[3:]:
                    if f.raw.get(key) is not None:
                        raise f.error(
                            key,
                            _(
                                'a line gives its taxes either in "taxes" or as {key}, not both'
                            ).format(key=key),
                        )
        else:
            if "taxes" in f.raw:
                raise f.error(
                    "taxes", _('several taxes on a line need format version 2 ("version": 2)')
                )
            f.check_keys(LINE_KEYS_V1)
        if f.raw.get("taxes") is not None:
            taxes = self._taxes(f)
        else:
            # Version 1's one tax; a rate without a name charged nothing and is not kept.
            name = f.text("tax_name").strip()
            rate = present(f.decimal("tax_rate", places=RATE_PLACES, default=Decimal(0)))
            taxes = (r.LineTax(name, rate),) if name else ()
        line = r.InvoiceLine(
            description=f.text("description", required=True),
            quantity=present(
                f.decimal("quantity", places=RATE_PLACES, positive=True, default=Decimal(1))
            ),
            unit_price=f.price("unit_price"),
            taxes=taxes,
        )
        if line.quantity * line.unit_price >= MAX_AMOUNT:
            raise f.error(
                "unit_price",
                _("quantity × unit price is too large"),
            )
        return line

    def _taxes(self, f: Fields) -> tuple[r.LineTax, ...]:
        """``lines[].taxes``: each tax named once on a line, in the order given."""
        key = objects_key(f.raw.get("taxes"))
        if key is not None and (known := self._taxes_read.get(key)) is not None:
            return known
        taxes: list[r.LineTax] = []
        for where, raw in f.objects("taxes"):
            item = Fields(raw, where)
            item.check_keys(LINE_TAX_KEYS)
            name = tax_name(item, "name")
            rate = present(item.decimal("rate", places=RATE_PLACES, default=None, required=True))
            if any(tax.name == name for tax in taxes):
                raise item.error("name", _("{tax} is on this line twice").format(tax=name))
            taxes.append(r.LineTax(name, rate))
        if key is not None:
            self._taxes_read[key] = tuple(taxes)
        return tuple(taxes)


def _v1(keys: tuple[str, ...]) -> tuple[str, ...]:
    """A record's keys less those version 2 added for late interest and pay links."""
    return tuple(
        key for key in keys if not key.startswith("late_fee_") and key not in INVOICE_KEYS_V2_ONLY
    )
