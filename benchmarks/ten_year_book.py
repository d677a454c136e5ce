"""A ten-year book for the benchmark: thousands of customers, a hundred thousand invoices.

The demo book (diva_desk.demo) is small and tells stories; this one is big and
ordinary, so the benchmark measures what a long-established business waits for.
Everything comes from one ``random.Random(seed)``, so the same parameters always
give the same book, and money is drawn as whole cents (never floats).

Customers pay in three ways: most on time, some late, a few badly (partial
payments, never paying, payment plans). Late invoices leave the trail a real book
has: calls and emails, promises kept and broken, follow-ups done and open.

``cached_book`` writes the book once into ``benchmarks/.cache/`` and reuses it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from diva_desk.core import records as r
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.core.money import from_minor, round_money, to_minor

#: The last day of the book; the benchmark's "today".
AS_OF = dt.date(2026, 11, 23)
YEARS = 10
#: Bump when the generator changes, so a cached book from an older one is not reused.
GENERATOR_VERSION = 2
CACHE = Path(__file__).resolve().parent / ".cache"

_CURRENCIES = (("CAD", 80), ("USD", 12), ("EUR", 5), ("GBP", 3))
_CAD_TAXES = (
    (("HST", Decimal("13")), 55),
    (("GST", Decimal("5")), 25),
    (("HST", Decimal("15")), 10),
)
_CAD_TAXES += ((("TPS/TVQ", Decimal("14.975")), 10),)
_KINDS = (("prompt", 58), ("slow", 30), ("risky", 12))
_METHODS = tuple(r.PaymentMethod)

_FIRST = (
    "Northern", "Maple", "Harbour", "Lakeshore", "Cedar", "Granite", "Prairie", "Riverside",
    "Summit", "Bluewater", "Old Mill", "Birch", "Aurora", "Cobalt", "Saint-Laurent", "Évangéline",
    "Red Oak", "Kingsway", "Westdale", "Fjord",
)  # fmt: skip
_SECOND = (
    "Bakery", "Dental", "Consulting", "Landscaping", "Yoga", "Roasters", "Books", "Physio",
    "Architects", "Brewing", "Florist", "Auto Repair", "Law Office", "Café", "Studio",
    "Outfitters", "Pharmacy", "Clinic", "Realty", "Tutoring",
)  # fmt: skip
_SUFFIX = ("Inc.", "Ltd.", "Co-op", "", "", "& Sons", "Group", "enr.")
_GIVEN = ("Amira", "Ben", "Chloé", "Dev", "Elena", "François", "Grace", "Hiro", "Isla", "Jamal")
_FAMILY = ("Nguyen", "Tremblay", "Singh", "O'Brien", "Kowalski", "Roy", "Chen", "Okafor", "Diaz")
_WORK = (
    "Design hours", "Logo package", "Website maintenance (monthly)", "Printing at cost",
    "Stock photography", "Brochure layout", "Social media kit", "Copywriting",
    "Signage artwork", "Photo retouching", "Newsletter template", "Packaging labels",
)  # fmt: skip
_QUANTITIES = tuple(Decimal(q) for q in ("1", "1", "1", "2", "3", "5", "10", "0.5", "1.5", "7.25"))
_NOTES = (
    "Asked for a copy of the invoice again.",
    "Their bookkeeper changed; new AP email.",
    "Happy with the work, wants a quote for spring.",
    "Cheque is in the mail, they say.",
    "Disputes the rush fee.",
)


@dataclass
class _Customer:
    record: r.Customer
    kind: str
    start: dt.date
    until: dt.date
    tax: tuple[str, Decimal] | None


class _Builder:
    """Accumulates records; one method per kind of thing that happens in a book."""

    def __init__(self, rng: random.Random, as_of: dt.date) -> None:
        self.rng, self.as_of = rng, as_of
        self.first_day = as_of - dt.timedelta(days=365 * YEARS)
        self.invoices: list[r.Invoice] = []
        self.payments: list[r.Payment] = []
        self.promises: list[r.Promise] = []
        self.plans: list[r.PaymentPlan] = []
        self.followups: list[r.Followup] = []
        self.interactions: list[r.Interaction] = []

    def pick(self, weighted: tuple[tuple[object, int], ...]) -> object:
        return self.rng.choices([v for v, _w in weighted], [w for _v, w in weighted])[0]

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=self.rng.randint(0, max((last - first).days, 0)))

    def at(self, day: dt.date) -> dt.datetime:
        hour, minute = self.rng.randint(8, 17), self.rng.randint(0, 59)
        return dt.datetime.combine(day, dt.time(hour, minute))

    # --- customers ----------------------------------------------------------------------

    def customer(self, index: int) -> _Customer:
        rng = self.rng
        name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)} {rng.choice(_SUFFIX)}".strip()
        currency = str(self.pick(_CURRENCIES))
        tax = self.pick(_CAD_TAXES) if currency == "CAD" else None
        # Older customers are more numerous than new ones: the book grew over the years.
        start = self.first_day + dt.timedelta(days=int(rng.betavariate(1.2, 2.0) * 3500))
        archived = rng.random() < 0.06 and (self.as_of - start).days > 500
        until = self.day_between(start + dt.timedelta(days=90), self.as_of - dt.timedelta(days=365))
        contact = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
        record = r.Customer(
            code=f"C{index:05d}",
            name=name,
            contact_name=contact,
            email=f"{contact.split()[0].lower()}.{index}@example.com",
            phone=f"+1 416 555 {index % 10000:04d}",
            address=f"{rng.randint(1, 999)} Queen Street\nToronto ON",
            currency=currency,
            language="fr_CA" if rng.random() < 0.12 else None,
            terms_days=rng.choice((None, None, None, 15, 45, 60, 0)),
            ap_contact_name="Accounts payable" if rng.random() < 0.3 else "",
            ap_email=f"ap.{index}@example.com" if rng.random() < 0.3 else "",
            invoice_cutoff_day=rng.choice((20, 25)) if rng.random() < 0.1 else None,
            payment_run_days=(15, 31) if rng.random() < 0.1 else (),
            deposit_percent=Decimal(rng.choice((25, 30, 50)))
            if rng.random() < 0.08
            else Decimal(0),
            preferred_payment_method=rng.choice(_METHODS) if rng.random() < 0.5 else None,
            notes=rng.choice(_NOTES) if rng.random() < 0.1 else "",
            archived=archived,
        )
        kind = str(self.pick(_KINDS))
        return _Customer(record, kind, start, until if archived else self.as_of, tax)

    # --- invoices -----------------------------------------------------------------------

    def lines(self, who: _Customer) -> tuple[r.InvoiceLine, ...]:
        rng = self.rng
        count = rng.choices((1, 2, 3, 4, 5), (35, 25, 20, 12, 8))[0]
        name, rate = who.tax or ("", Decimal(0))
        return tuple(
            r.InvoiceLine(
                description=rng.choice(_WORK),
                quantity=rng.choice(_QUANTITIES),
                unit_price=from_minor(rng.randint(2_500, 150_000), "CAD"),
                tax_name=name if rng.random() > 0.1 else "",
                tax_rate=rate,
            )
            for _n in range(count)
        )

    def invoice(self, number: int, who: _Customer, issued: dt.date) -> None:
        rng, c = self.rng, who.record
        lines = self.lines(who)
        total = invoice_totals(lines, c.currency).total
        age = (self.as_of - issued).days
        if (age < 30 and rng.random() < 0.15) or rng.random() < 0.001:
            state = r.InvoiceState.DRAFT
        elif rng.random() < 0.015:
            state = r.InvoiceState.VOID
        else:
            state = r.InvoiceState.SENT
        due = issued + dt.timedelta(days=30 if c.terms_days is None else c.terms_days)
        sent = None if state is r.InvoiceState.DRAFT else issued + dt.timedelta(rng.randint(0, 2))
        sent = min(sent, self.as_of) if sent else None
        confirmed = None
        if sent and rng.random() < 0.3:
            confirmed = min(sent + dt.timedelta(days=rng.randint(1, 10)), self.as_of)
        deposit, deposit_due = Decimal("0.00"), None
        if c.deposit_percent and state is not r.InvoiceState.VOID:
            deposit = round_money(total * c.deposit_percent / 100, c.currency)
            deposit_due = issued + dt.timedelta(days=7)
        invoice = r.Invoice(
            number=f"INV-{number:06d}",
            customer=c.code,
            issue_date=issued,
            due_date=due,
            lines=lines,
            currency=c.currency,
            state=state,
            sent_date=sent,
            received_confirmed_date=confirmed,
            po_number=f"PO-{rng.randint(10000, 99999)}" if rng.random() < 0.2 else "",
            deposit_amount=deposit,
            deposit_due_date=deposit_due,
            notes="Thank you for your business." if rng.random() < 0.05 else "",
        )
        self.invoices.append(invoice)
        if state is r.InvoiceState.SENT:
            self.collect(who, invoice, total)

    # --- what happens after an invoice is sent ----------------------------------------

    def pay(self, invoice: r.Invoice, day: dt.date, amount: Decimal, deposit: bool = False) -> bool:
        if day > self.as_of or amount <= 0:
            return False
        method = self.rng.choice(_METHODS)
        reference = f"{method.value[:3].upper()}-{self.rng.randint(100000, 999999)}"
        self.payments.append(r.Payment(invoice.number, day, amount, method, reference, deposit))
        return True

    def collect(self, who: _Customer, invoice: r.Invoice, total: Decimal) -> None:
        rng, due = self.rng, invoice.due_date
        owed = total
        if invoice.deposit_amount and rng.random() < 0.92:
            when = invoice.deposit_due_date or due
            if self.pay(
                invoice, when + dt.timedelta(rng.randint(-5, 5)), invoice.deposit_amount, True
            ):
                owed -= invoice.deposit_amount
        mean, spread, never, partial = {
            "prompt": (-3, 6, 0.002, 0.01),
            "slow": (22, 14, 0.01, 0.03),
            "risky": (48, 30, 0.06, 0.08),
        }[who.kind]
        late = max(int(rng.gauss(mean, spread)), -(due - invoice.issue_date).days + 1)
        paid_on = due + dt.timedelta(days=late)
        roll = rng.random()
        if roll < never + partial and (self.as_of - due).days > 540 and rng.random() < 0.85:
            # Old debts are mostly collected in the end, months late, after much chasing.
            roll, late = 1.0, rng.randint(90, 400)
            paid_on = due + dt.timedelta(days=late)
        if who.kind == "risky" and total > 1000 and late > 30 and rng.random() < 0.12:
            self.plan(who, invoice, owed)
            return
        if roll < never:
            self.chase(who, invoice, owed, None)
            return
        if roll < never + partial:
            part = round_money(owed * Decimal(rng.randint(20, 70)) / 100, invoice.currency)
            self.pay(invoice, paid_on, part)
            self.chase(who, invoice, owed - part, None)
            return
        if rng.random() < 0.08:  # paid in two goes
            part = round_money(owed * Decimal(rng.randint(30, 60)) / 100, invoice.currency)
            if self.pay(invoice, paid_on - dt.timedelta(days=rng.randint(5, 25)), part):
                owed -= part
        paid = self.pay(invoice, paid_on, owed)
        if late > 10 or not paid:
            self.chase(who, invoice, owed, paid_on if paid else None)

    def chase(
        self, who: _Customer, invoice: r.Invoice, owed: Decimal, paid_on: dt.date | None
    ) -> None:
        """The calls, promises and follow-ups around an invoice paid late (or not at all)."""
        rng, due, code = self.rng, invoice.due_date, invoice.customer
        end = min(paid_on or self.as_of, self.as_of)
        if (end - due).days < 3 or rng.random() < 0.4:
            return
        first_call = due + dt.timedelta(days=rng.randint(3, max(3, min(14, (end - due).days))))
        if first_call > self.as_of:
            return
        outcome = rng.choice((r.Outcome.NO_ANSWER, r.Outcome.VOICEMAIL, r.Outcome.REACHED))
        self.interactions.append(
            r.Interaction(code, self.at(first_call), r.Channel.CALL, outcome, "", invoice.number)
        )
        if rng.random() < 0.5:
            promised = first_call + dt.timedelta(days=rng.randint(3, 14))
            self.promises.append(r.Promise(code, first_call, promised, owed, invoice.number))
            self.interactions.append(
                r.Interaction(
                    code, self.at(first_call), r.Channel.CALL, r.Outcome.PROMISED,
                    "Promised to pay.", invoice.number,
                )
            )  # fmt: skip
            check = promised + dt.timedelta(days=1)
            done = check < self.as_of - dt.timedelta(days=3)
            self.followups.append(
                r.Followup(code, check, "Check the promised payment arrived", invoice.number, done)
            )
        elif paid_on is None:
            follow = self.day_between(
                self.as_of - dt.timedelta(days=10), self.as_of + dt.timedelta(days=10)
            )
            self.followups.append(
                r.Followup(code, follow, "Call about the overdue invoice", invoice.number)
            )
        if paid_on is not None and rng.random() < 0.3:
            self.interactions.append(
                r.Interaction(
                    code, self.at(paid_on), r.Channel.EMAIL, r.Outcome.PAID, "", invoice.number
                )
            )

    def plan(self, who: _Customer, invoice: r.Invoice, owed: Decimal) -> None:
        """A payment plan in monthly installments, most of them met on time."""
        rng = self.rng
        agreed = invoice.due_date + dt.timedelta(days=rng.randint(20, 45))
        if agreed > self.as_of:
            self.chase(who, invoice, owed, None)
            return
        count = rng.randint(3, 6)
        cents = to_minor(owed, invoice.currency)
        share = cents // count
        amounts = [from_minor(share, invoice.currency)] * (count - 1) + [
            from_minor(cents - share * (count - 1), invoice.currency)
        ]
        installments = tuple(
            r.Installment(agreed + dt.timedelta(days=30 * (n + 1)), amount)
            for n, amount in enumerate(amounts)
        )
        self.plans.append(r.PaymentPlan(invoice.customer, agreed, installments, invoice.number))
        self.interactions.append(
            r.Interaction(
                invoice.customer, self.at(agreed), r.Channel.CALL, r.Outcome.PLAN,
                f"Agreed {count} monthly installments.", invoice.number,
            )
        )  # fmt: skip
        for installment in installments:
            if rng.random() < 0.85:
                self.pay(
                    invoice,
                    installment.due_date + dt.timedelta(rng.randint(-3, 6)),
                    installment.amount,
                )

    def customer_life(self, who: _Customer) -> None:
        """A meeting or note now and then, and a check-in follow-up, whoever they are."""
        rng, code = self.rng, who.record.code
        for _n in range(rng.randint(0, 3)):
            day = self.day_between(who.start, who.until)
            channel = rng.choice((r.Channel.MEETING, r.Channel.NOTE, r.Channel.EMAIL))
            outcome = r.Outcome.RECEIVED_OK if channel is r.Channel.EMAIL else None
            self.interactions.append(
                r.Interaction(code, self.at(day), channel, outcome, rng.choice(_NOTES))
            )
        if rng.random() < 0.5:
            day = self.day_between(who.start, who.until)
            self.followups.append(
                r.Followup(code, day, "Check in about next season", None, day < self.as_of)
            )


def ten_year_book(
    customers: int = 5000, invoices: int = 100_000, seed: int = 1, as_of: dt.date = AS_OF
) -> r.BookContents:
    """A deterministic ten-year book ending on ``as_of``; touches neither the store nor Qt."""
    rng = random.Random(seed)
    builder = _Builder(rng, as_of)
    people = [builder.customer(n + 1) for n in range(customers)]
    # A few big customers get many invoices, most get a handful: Pareto-weighted picks.
    weights = list(itertools.accumulate(min(rng.paretovariate(1.3), 60.0) for _p in people))
    picks = rng.choices(range(customers), cum_weights=weights, k=invoices)
    dated = sorted(
        (builder.day_between(people[i].start, people[i].until), n, i) for n, i in enumerate(picks)
    )
    for number, (issued, _n, i) in enumerate(dated, start=1):
        builder.invoice(number, people[i], issued)
    for who in people:
        builder.customer_life(who)
    business = r.Business(
        name="Benchmark Design Co.",
        owner_name="Sam Benchmark",
        address="1 Front Street West\nToronto ON  M5J 2X5",
        email="sam@example.ca",
        tax_numbers="GST/HST 812345678 RT0001",
        next_invoice_number=invoices + 1,
        payment_instructions="Interac e-Transfer to sam@example.ca.",
    )
    return r.BookContents(
        business=business,
        customers=tuple(p.record for p in people),
        invoices=tuple(builder.invoices),
        payments=tuple(sorted(builder.payments, key=lambda p: (p.date, p.invoice))),
        promises=tuple(builder.promises),
        payment_plans=tuple(builder.plans),
        followups=tuple(builder.followups),
        interactions=tuple(sorted(builder.interactions, key=lambda i: i.at)),
    )


def cache_path(customers: int, invoices: int, seed: int, cache: Path = CACHE) -> Path:
    name = f"book-c{customers}-i{invoices}-s{seed}-g{GENERATOR_VERSION}-{AS_OF.isoformat()}.sqlite3"
    return cache / name


def write_book(path: Path, contents: r.BookContents) -> None:
    """Write ``contents`` into a new book at ``path`` (replacing any file there)."""
    from diva_desk.store.book.db import close_book, open_book
    from diva_desk.store.contents.writing import add_contents

    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    open_book(path)
    try:
        add_contents(contents)
    finally:
        close_book()  # the last connection out folds the WAL back into the file


def cached_book(
    customers: int = 5000, invoices: int = 100_000, seed: int = 1, cache: Path = CACHE
) -> Path:
    """The book file for these parameters, generated and written on first use only."""
    path = cache_path(customers, invoices, seed, cache)
    if not path.exists():
        partial = path.with_name("partial-" + path.name)
        write_book(partial, ten_year_book(customers, invoices, seed))
        partial.replace(path)
    return path


__all__ = ["AS_OF", "CACHE", "cache_path", "cached_book", "ten_year_book", "write_book"]
