"""The import preview as data: what would be created, what is a duplicate, what is invalid.

Nothing is written while planning, so the preview and ``import-contacts --dry-run``
show exactly what :func:`apply_plan` will do, and the user can change the column
mapping and plan again as often as they like.

A row is a duplicate when it has the email address (any letter case) or the name
(any case or spacing) of a customer already in the book or of an earlier row of
the file. Duplicates are skipped unless the user includes them: importing the
same address book twice must not double the customer list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import NamedTuple

from diva_desk.contacts.drafts import ContactDraft, draft_from_row
from diva_desk.contacts.mapping import ColumnMapping, SourceRow
from diva_desk.contacts.values import (
    DEFAULT_REGION,
    CodeMaker,
    checked_email,
    name_key,
    normalise_phone,
    parse_currency,
    parse_terms,
)
from diva_desk.core.currencies import currency_problem
from diva_desk.core.customers.customer_rules import CODE_MAX_LENGTH, code_shape_ok
from diva_desk.core.records import Customer
from diva_desk.core.text_limits import cleaned, limit_problem
from diva_desk.errors import BadInput
from diva_desk.i18n import _


def _labels() -> dict[str, str]:
    """The printable fields a row fills, as its problems name them."""
    return {
        "name": _("the name"),
        "contact_name": _("the contact"),
        "email": _("the email"),
        "phone": _("the phone"),
        "address": _("the address"),
        "notes": _("the notes"),
    }


class KnownCustomer(NamedTuple):
    """What duplicates and codes are checked against: a customer already in the book."""

    code: str
    name: str
    email: str


class Match(StrEnum):
    EMAIL = "email"
    NAME = "name"


@dataclass(frozen=True)
class PlannedCustomer:
    line: int
    customer: Customer


@dataclass(frozen=True)
class DuplicateRow:
    """A row skipped by default because the customer seems to exist already."""

    line: int
    #: What including the row would create (with a code of its own).
    customer: Customer
    match: Match
    #: The code and name of the customer it duplicates (in the book or earlier in the file).
    of_code: str
    of_name: str
    #: The earlier line of the file it duplicates, or None for a customer in the book.
    of_line: int | None = None

    @property
    def reason(self) -> str:
        if self.of_line is None:
            template = (
                _("same email as {code} ({name}), already in the book")
                if self.match is Match.EMAIL
                else _("same name as {code} ({name}), already in the book")
            )
        else:
            template = (
                _("same email as line {line} ({name})")
                if self.match is Match.EMAIL
                else _("same name as line {line} ({name})")
            )
        return template.format(code=self.of_code, name=self.of_name, line=self.of_line)


@dataclass(frozen=True)
class InvalidRow:
    """A row that cannot become a customer, with every reason found."""

    line: int
    reason: str
    #: What the row calls itself, if anything, so the preview can show which it is.
    name: str = ""


@dataclass(frozen=True)
class SkippedRow:
    line: int
    reason: str
    name: str = ""


@dataclass(frozen=True)
class ImportPlan:
    creates: tuple[PlannedCustomer, ...]
    duplicates: tuple[DuplicateRow, ...]
    invalid: tuple[InvalidRow, ...]

    @property
    def customers(self) -> tuple[Customer, ...]:
        return tuple(p.customer for p in self.creates)

    @property
    def skipped(self) -> tuple[SkippedRow, ...]:
        """Every row that will not be imported, in file order, with its reason."""
        rows = [
            SkippedRow(d.line, _("duplicate: {reason}").format(reason=d.reason), d.customer.name)
            for d in self.duplicates
        ]
        rows += [SkippedRow(i.line, i.reason, i.name) for i in self.invalid]
        return tuple(sorted(rows, key=lambda r: r.line))

    def including(self, lines: Iterable[int]) -> ImportPlan:
        """The plan with the duplicates on these lines created after all (the user said so)."""
        chosen = set(lines)
        moved = [PlannedCustomer(d.line, d.customer) for d in self.duplicates if d.line in chosen]
        return ImportPlan(
            creates=tuple(sorted(self.creates + tuple(moved), key=lambda p: p.line)),
            duplicates=tuple(d for d in self.duplicates if d.line not in chosen),
            invalid=self.invalid,
        )


def plan_import(
    rows: Iterable[SourceRow],
    mapping: ColumnMapping,
    *,
    existing: Sequence[KnownCustomer] | None = None,
    currency: str | None = None,
    region: str = DEFAULT_REGION,
) -> ImportPlan:
    """What importing ``rows`` read through ``mapping`` would do to the book.

    ``existing`` and ``currency`` default to the open book's customers and the
    business currency. Raises ``BadInput`` when no mapped column can name a customer.
    """
    if not mapping.gives_name:
        raise BadInput(
            _("no column holds a name or company (recognised columns: {found})").format(
                found=", ".join(f"{mapping.headers[i]}" for i in mapping.detected) or _("none")
            )
        )
    if existing is None:
        existing = book_customers()
    if currency is None:
        from diva_desk.store.book.business import business_currency

        currency = business_currency()
    planner = _Planner(existing, currency, region)
    for row in rows:
        planner.add(row, mapping)
    return ImportPlan(tuple(planner.creates), tuple(planner.duplicates), tuple(planner.invalid))


def apply_plan(plan: ImportPlan) -> tuple[Customer, ...]:
    """Create every planned customer in one transaction: all of them or, on failure, none."""
    from diva_desk.store.customers.directory import CustomerCodeTaken, add_customers

    if not plan.creates:
        return ()
    try:
        add_customers(plan.customers)
    except CustomerCodeTaken as exc:
        raise BadInput(
            _("the book changed since the preview (a customer code is taken); preview again")
        ) from exc
    return plan.customers


def book_customers() -> list[KnownCustomer]:
    from diva_desk.store.customers.directory import customer_identities

    return [KnownCustomer(*identity) for identity in customer_identities()]


class _Seen(NamedTuple):
    code: str
    name: str
    line: int | None


class _Planner:
    def __init__(self, existing: Sequence[KnownCustomer], currency: str, region: str) -> None:
        self.currency, self.region = currency, region
        self.creates: list[PlannedCustomer] = []
        self.duplicates: list[DuplicateRow] = []
        self.invalid: list[InvalidRow] = []
        self.codes: dict[str, _Seen] = {}
        self.emails: dict[str, _Seen] = {}
        self.names: dict[str, _Seen] = {}
        self.code_maker = CodeMaker(self.codes)
        for known in existing:
            self._remember(known.code, known.name, known.email, None)

    def _remember(self, code: str, name: str, email: str, line: int | None) -> None:
        seen = _Seen(code, name, line)
        self.codes.setdefault(code.upper(), seen)
        if email:
            self.emails.setdefault(email.casefold(), seen)
        self.names.setdefault(name_key(name), seen)

    def add(self, row: SourceRow, mapping: ColumnMapping) -> None:
        if row.problem:
            self.invalid.append(InvalidRow(row.line, row.problem))
            return
        draft = draft_from_row(row, mapping)
        customer, problems = self._customer(draft)
        if problems:
            self.invalid.append(InvalidRow(row.line, "; ".join(problems), draft.name))
            return
        email_seen = self.emails.get(customer.email.casefold()) if customer.email else None
        seen = email_seen or self.names.get(name_key(customer.name))
        if seen is not None:
            # A code of its own, in case the user includes it anyway.
            code = draft.code if draft.code and draft.code.upper() not in self.codes else ""
            customer = replace(customer, code=code or self.code_maker.code_for(customer.name))
            self.codes[customer.code.upper()] = _Seen(customer.code, customer.name, row.line)
            match = Match.EMAIL if email_seen is not None else Match.NAME
            self.duplicates.append(
                DuplicateRow(row.line, customer, match, seen.code, seen.name, seen.line)
            )
            return
        if draft.code and draft.code.upper() in self.codes:
            owner = self.codes[draft.code.upper()]
            reason = (
                _("the code {code} is already used by {name}")
                if owner.line is None
                else _("the code {code} is already used on line {line}")
            ).format(code=draft.code, name=owner.name, line=owner.line)
            self.invalid.append(InvalidRow(row.line, reason, draft.name))
            return
        customer = replace(customer, code=draft.code or self.code_maker.code_for(customer.name))
        self._remember(customer.code, customer.name, customer.email, row.line)
        self.creates.append(PlannedCustomer(row.line, customer))

    def _customer(self, draft: ContactDraft) -> tuple[Customer, list[str]]:
        """The customer a draft describes (without a code yet) and what is wrong with it."""
        problems = []
        draft = cleaned(draft)  # control characters never reach the book
        if not draft.name.strip():
            problems.append(_("no name: the row names neither a company nor a person"))
        if draft.code and not code_shape_ok(draft.code):
            # The same rule as the customer editor's, so an imported code can be kept.
            problems.append(
                _(
                    "the code “{code}” is not usable: 1 to {count} letters, digits, "
                    "dashes, underscores or dots, without spaces"
                ).format(code=draft.code, count=CODE_MAX_LENGTH)
            )
        email = draft.email
        if email:
            try:
                email = checked_email(email)
            except ValueError:
                problems.append(_("the email address “{email}” is not valid").format(email=email))
        terms = None
        if draft.terms:
            try:
                terms = parse_terms(draft.terms)
            except ValueError:
                problems.append(
                    _("the payment terms “{terms}” are not a number of days").format(
                        terms=draft.terms
                    )
                )
        currency = self.currency
        if draft.currency:
            try:
                currency = parse_currency(draft.currency)
            except ValueError:
                problems.append(
                    _("“{currency}” is not a currency code").format(currency=draft.currency)
                )
            else:
                if currency_problem(currency):
                    problems.append(
                        _("{currency} has more decimals than the book can hold").format(
                            currency=currency
                        )
                    )
        customer = Customer(
            code="",
            name=draft.name,
            contact_name=draft.contact_name,
            email=email,
            phone=normalise_phone(draft.phone, self.region) if draft.phone else "",
            address=draft.address,
            currency=currency,
            terms_days=terms,
            notes=draft.notes,
        )
        for field, label in _labels().items():
            if problem := limit_problem(field, getattr(customer, field)):
                problems.append(_("{field}: {problem}").format(field=label, problem=problem))
        return customer, problems
