"""The morning call list from the book: the situation in a fixed number of queries.

Twelve queries whatever the size of the book (customers, open invoices, drafts, promises,
plans, installments, follow-ups, open problems, today's interactions, sent quotes, the
settings, and the two of the customers' ratings); open invoices are filtered in SQL, so a
book of 100,000 invoices hands the rules only those with a balance, and only the customers
with one of these things to call about are read. The rules are core.calls; this module
only feeds them and shapes the answer.

Everything is as of ``day``: payments and interactions dated after it are not
seen, so a past day shows what the owner would have seen then.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import defaultdict
from typing import Any

from diva_desk.core.calls import (
    Call,
    CallSettings,
    CustomerFacts,
    DraftInvoice,
    FollowupFacts,
    InstallmentFacts,
    OpenInvoice,
    PlanFacts,
    PromiseFacts,
    QuoteFacts,
    Situation,
    calls_for,
    horizon,
    reason_text,
)
from diva_desk.core.calls.escalation import BROKEN_PROMISE_MEMORY_DAYS
from diva_desk.core.calls.talking_points import Script, ScriptContext, ask_date_for, script_for
from diva_desk.core.calls.workdays import working_day_on_or_after
from diva_desk.core.customers.history import RatingKind
from diva_desk.core.customers.promises import DatedPayment, promise_status
from diva_desk.core.customers.promises import PromiseFacts as PromiseTerms
from diva_desk.core.money import from_minor, money_text
from diva_desk.core.records import DEFAULT_LOCALE, Outcome
from diva_desk.i18n import speaking
from diva_desk.store.as_of import paid_by
from diva_desk.store.book.business import get_business
from diva_desk.store.book.db import db
from diva_desk.store.book.minor import OWNER_CURRENCY
from diva_desk.store.calls.talking_points import by_language, same_templates, template_texts
from diva_desk.store.customers.history import customer_ratings, rating_kinds_of
from diva_desk.store.invoices.unpaid import OWES, UNPAID, unpaid_invoices

#: The ``setting`` keys of the call-list windows: this prefix plus a CallSettings field
#: (``calls.days_off`` holds ISO dates separated by commas).
SETTING_PREFIX = "calls."

#: The ``setting`` key holding the day a customer is snoozed until (ISO date): this
#: prefix plus the customer's id (written by store.outcomes.snoozed).
SNOOZE_PREFIX = "snoozed_until."

# A note with no outcome is one the book wrote itself (an invoice voided, a payment
# corrected: store.invoices, store.payment_edits), not a contact with the customer.
# Each customer's last contact is found walking back interaction_customer (customer,
# at) a step or two, not by numbering every interaction of the book.
_CONTACT = "NOT (channel = 'note' AND outcome IS NULL)"
_CUSTOMERS = f"""
SELECT c.id, c.code, c.name, c.contact_name, c.phone, c.ap_contact_name, c.ap_phone,
       c.currency, c.invoice_cutoff_day, c.archived, last.at, last.outcome, snooze.value
FROM customer c
LEFT JOIN setting snooze ON snooze.key = 'snoozed_until.' || c.id
LEFT JOIN interaction last ON last.id = (
    SELECT id FROM interaction WHERE customer_id = c.id AND at < :next AND {_CONTACT}
    ORDER BY at DESC, id DESC LIMIT 1)
WHERE c.id IN (SELECT value FROM json_each(:involved))
ORDER BY c.id
"""
# The invoices with a balance on the day and what was paid on them by then: those of
# the invoices still owing (store.invoices.unpaid, found once per connection and shared
# with the day's totals) issued by the day, which is store.as_of.open_on.
_OPEN_INVOICES = f"""
SELECT i.id, i.number, i.customer_id, i.currency, i.issue_date, i.due_date, i.total_cents,
       {OWES}, i.sent_date, i.received_confirmed_date, i.deposit_cents,
       i.deposit_due_date, talk.last_at
FROM invoice i
LEFT JOIN (
    SELECT invoice_id, MAX(at) AS last_at FROM interaction
    WHERE invoice_id IS NOT NULL AND at < :next AND {_CONTACT} GROUP BY invoice_id
) talk ON talk.invoice_id = i.id
WHERE {UNPAID} AND i.issue_date <= :day
"""
_DRAFTS = """
SELECT i.id, i.number, i.customer_id, i.currency, i.total_cents, i.issue_date
FROM invoice i JOIN customer c ON c.id = i.customer_id
WHERE i.state = 'draft' AND c.invoice_cutoff_day IS NOT NULL
"""
# A promise with the money received toward it within its window (its invoice's
# payments, or all the customer's for a promise about the whole balance).
PROMISES_SQL = f"""
SELECT pr.id, pr.customer_id, pr.invoice_id, about.number, pr.made_on, pr.promised_date,
       pr.amount_cents, COALESCE(SUM(p.amount_cents), 0), {OWNER_CURRENCY.format(row="pr")}
FROM promise pr
LEFT JOIN invoice about ON about.id = pr.invoice_id
LEFT JOIN invoice i
    ON i.customer_id = pr.customer_id AND (pr.invoice_id IS NULL OR i.id = pr.invoice_id)
LEFT JOIN payment p
    ON p.invoice_id = i.id AND p.date >= pr.made_on AND p.date <= pr.promised_date
   AND p.date <= :day
WHERE {{only}} AND pr.promised_date >= :since AND pr.made_on <= :day
GROUP BY pr.id
"""
# A plan with what was paid since it was agreed toward what it covers: its invoice,
# or the customer's invoices issued by the day it was agreed.
PLANS_SQL = f"""
SELECT pl.id, pl.customer_id, pl.invoice_id, about.number, pl.agreed_on,
       COALESCE(SUM(p.amount_cents), 0), {OWNER_CURRENCY.format(row="pl")}
FROM payment_plan pl
LEFT JOIN invoice about ON about.id = pl.invoice_id
LEFT JOIN invoice i
    ON i.customer_id = pl.customer_id
   AND (i.id = pl.invoice_id OR (pl.invoice_id IS NULL AND i.issue_date <= pl.agreed_on))
LEFT JOIN payment p ON p.invoice_id = i.id AND p.date >= pl.agreed_on AND p.date <= :day
WHERE {{only}} AND pl.agreed_on <= :day
GROUP BY pl.id
"""
_INSTALLMENTS = """
SELECT plan_id, due_date, amount_cents FROM installment
WHERE {only} ORDER BY plan_id, position, id
"""
# A follow-up about an invoice since paid in full or voided makes no call: paid and
# void invoices never do ("check the promised payment arrived" -- it has).
_FOLLOWUPS = f"""
SELECT f.id, f.customer_id, f.due_date, f.reason, f.invoice_id, i.number
FROM followup f LEFT JOIN invoice i ON i.id = f.invoice_id
WHERE NOT f.done AND f.due_date <= :last
  AND (i.id IS NULL OR i.state = 'draft'
       OR (i.state = 'sent' AND i.total_cents > {paid_by(":day")}))
"""
# Sent quotes lapsing soon (a handful, by quote_state_valid); the rule picks the calls.
_QUOTES = """SELECT id, number, customer_id, currency, total_cents, valid_until FROM quote
WHERE state = 'sent' AND valid_until >= :day AND valid_until <= date(:last, '+14 days')"""
_CONTACTED = (
    f"SELECT DISTINCT customer_id FROM interaction WHERE at >= :day AND at < :next AND {_CONTACT}"
)
# {only} narrows the promises, plans, installments and open problems to one customer's
# (store.reminder_standing, through their customer indexes) or, as "1 = 1", to none.
ALL = "1 = 1"
# Open problems: an open follow-up dated on or after a problem or dispute reported
# about the same invoice (or the customer as a whole, both without one), with no
# call since that reached the customer and settled something. store.outcomes
# .reported_problem writes exactly this pair; a later reached call closes the
# follow-up. Driven by the open follow-ups, a handful, through interaction's index.
OPEN_PROBLEMS_SQL = """
SELECT f.id, f.customer_id, f.invoice_id FROM followup f
WHERE {only} AND NOT f.done AND EXISTS (
    SELECT 1 FROM interaction p
    WHERE p.customer_id = f.customer_id AND p.invoice_id IS f.invoice_id
      AND p.outcome IN ('problem', 'dispute') AND p.at < :next
      AND substr(p.at, 1, 10) <= f.due_date
      AND NOT EXISTS (
          SELECT 1 FROM interaction s
          WHERE s.customer_id = p.customer_id AND s.invoice_id IS p.invoice_id
            AND s.at > p.at AND s.at < :next
            AND s.outcome IN ('reached', 'promised', 'paid', 'plan', 'received_ok')))
"""


def call_settings() -> CallSettings:
    """The windows the owner set (``calls.*`` settings), defaults for the rest."""
    rows = db.execute_sql(
        "SELECT key, value FROM setting WHERE key LIKE ?", (SETTING_PREFIX + "%",)
    ).fetchall()
    values: dict[str, Any] = {}
    fields = {f.name for f in dataclasses.fields(CallSettings)}
    for key, value in rows:
        name = key.removeprefix(SETTING_PREFIX)
        try:
            if name in ("days_off", "weekend"):
                parse = dt.date.fromisoformat if name == "days_off" else int
                values[name] = frozenset(parse(v) for v in value.split(",") if v.strip())
            elif name in fields:
                values[name] = max(int(value), 0)
        except ValueError:
            continue  # a hand-edited value that makes no sense: keep the default
    return CallSettings(**values)


def save_call_settings(settings: CallSettings) -> None:
    with db.atomic():
        for field in dataclasses.fields(CallSettings):
            value = getattr(settings, field.name)
            if isinstance(value, frozenset):
                value = ",".join(sorted(str(v) for v in value))
            db.execute_sql(
                "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                (SETTING_PREFIX + field.name, str(value)),
            )


def calls_today(
    day: dt.date, limit: int | None = None, settings: CallSettings | None = None
) -> list[Call]:
    """Who to call on ``day``, best call first (at most ``limit`` calls)."""
    settings = settings or call_settings()
    situation = situation_on(day, settings, ratings=False)
    oldest: dict[int, dt.date] = {}
    for invoice in situation.invoices:
        due = oldest.get(invoice.customer_id)
        if due is None or invoice.due_date < due:
            oldest[invoice.customer_id] = invoice.due_date

    def rate(ids: frozenset[int]) -> dict[int, RatingKind]:
        # The callers' ratings only: rating the whole book was most of the list's cost.
        return rating_kinds_of(ids, day, oldest)

    calls = calls_for(day, situation, settings, rate=rate)
    return calls if limit is None else calls[:limit]


def situation_on(day: dt.date, settings: CallSettings, *, ratings: bool = True) -> Situation:
    """What the rules need about the book on ``day``.

    ``ratings=False`` leaves every customer rated new: most of the cost, and what a
    reminder's standing (store.reminder_standing) does not read.
    """
    last = horizon(working_day_on_or_after(day, settings), settings)
    params = {
        "day": day.isoformat(),
        "next": (day + dt.timedelta(days=1)).isoformat(),
        "last": last.isoformat(),
        "since": (day - dt.timedelta(days=BROKEN_PROMISE_MEMORY_DAYS)).isoformat(),
        **unpaid_invoices(day).bind(),
    }

    def rows(sql: str) -> list[tuple]:
        return db.execute_sql(sql.replace("{only}", ALL), params).fetchall()

    rated = customer_ratings(day) if ratings else {}
    invoices = tuple(open_invoice(r) for r in rows(_OPEN_INVOICES))
    drafts = tuple(
        DraftInvoice(r[0], r[1], r[2], r[3], from_minor(r[4], r[3]), _day_of(r[5]))
        for r in rows(_DRAFTS)
    )
    promises = tuple(promise_facts(r, day) for r in rows(PROMISES_SQL))
    plans = plan_facts(rows(PLANS_SQL), rows(_INSTALLMENTS))
    open_problems = rows(OPEN_PROBLEMS_SQL)
    problem_followups = {r[0] for r in open_problems}
    followups = tuple(
        FollowupFacts(r[0], r[1], _date(r[2]), r[3], r[4], r[5], r[0] in problem_followups)
        for r in rows(_FOLLOWUPS)
    )
    quotes = tuple(QuoteFacts(*r[:4], from_minor(r[4], r[3]), _date(r[5])) for r in rows(_QUOTES))
    # Only a customer with one of these can have a call (core.calls.rules.calls_for): the
    # thousands of others are not read at all.
    involved = {item.customer_id for group in (invoices, drafts, promises, plans, followups,
                                               quotes) for item in group}  # fmt: skip
    params["involved"] = json.dumps(sorted(involved))
    customers = tuple(
        CustomerFacts(
            id=r[0], code=r[1], name=r[2], contact_name=r[3], phone=r[4],
            ap_contact_name=r[5], ap_phone=r[6], currency=r[7], invoice_cutoff_day=r[8],
            archived=bool(r[9]),
            rating=rated[r[0]].rating.kind if r[0] in rated else RatingKind.NEW,
            last_contact=_day_of(r[10]), last_outcome=Outcome(r[11]) if r[11] else None,
            snoozed_until=_snooze(r[12]),
        )
        for r in rows(_CUSTOMERS)
    )  # fmt: skip
    return Situation(
        customers=customers,
        invoices=invoices,
        drafts=drafts,
        promises=promises,
        plans=plans,
        followups=followups,
        quotes=quotes,
        contacted_today=frozenset(r[0] for r in rows(_CONTACTED)),
        disputes=frozenset((r[1], r[2]) for r in open_problems),
    )


def open_invoice(r: tuple) -> OpenInvoice:
    """An open invoice from a row of ``_OPEN_INVOICES``'s columns."""
    return OpenInvoice(
        id=r[0], number=r[1], customer_id=r[2], currency=r[3], issue_date=_date(r[4]),
        due_date=_date(r[5]), total=from_minor(r[6], r[3]), paid=from_minor(r[7], r[3]),
        sent_date=_day_of(r[8]), received_confirmed_date=_day_of(r[9]),
        deposit_amount=from_minor(r[10], r[3]), deposit_due_date=_day_of(r[11]),
        last_contact=_day_of(r[12]),
    )  # fmt: skip


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def _day_of(text: str | None) -> dt.date | None:
    """The date of a stored date or date-time (``2026-11-23 09:30:00``)."""
    return _date(text) if text else None


def _snooze(text: str | None) -> dt.date | None:
    try:
        return _day_of(text)
    except ValueError:
        return None  # a hand-edited value that is no date: no snooze


def promise_facts(row: tuple, day: dt.date) -> PromiseFacts:
    pid, customer_id, invoice_id, number, made_on, promised, units, paid_units, currency = row
    terms = PromiseTerms(_date(made_on), _date(promised), from_minor(units, currency))
    paid = from_minor(paid_units, currency)
    # SQL already summed the payments within the promise's window; one dated payment
    # of that sum gives promise_status the same answer as the payments one by one.
    status = promise_status(terms, [DatedPayment(terms.made_on, paid)], day)
    return PromiseFacts(
        id=pid,
        customer_id=customer_id,
        made_on=terms.made_on,
        promised_date=terms.promised_date,
        amount=terms.amount,
        status=status,
        invoice_id=invoice_id,
        paid_toward=paid,
        invoice_number=number,
    )


def plan_facts(plan_rows: list[tuple], installment_rows: list[tuple]) -> tuple[PlanFacts, ...]:
    currencies = {row[0]: row[6] for row in plan_rows}
    installments: dict[int, list[InstallmentFacts]] = defaultdict(list)
    for plan_id, due, units in installment_rows:
        if plan_id in currencies:
            amount = from_minor(units, currencies[plan_id])
            installments[plan_id].append(InstallmentFacts(_date(due), amount))
    return tuple(
        PlanFacts(
            id=pid,
            customer_id=customer_id,
            agreed_on=_date(agreed),
            installments=tuple(installments[pid]),
            paid_since_agreed=from_minor(paid, currency),
            invoice_id=invoice_id,
            invoice_number=number,
        )
        for pid, customer_id, invoice_id, number, agreed, paid, currency in plan_rows
    )


def script_context(day: dt.date | None = None) -> ScriptContext:
    """The owner, the business and its locale, for the scripts of ``day``'s list."""
    business = get_business()
    ask_date = ask_date_for(day, call_settings()) if day is not None else None
    if business is None:
        return ScriptContext("", "", DEFAULT_LOCALE, day, ask_date)
    return ScriptContext(business.owner_name, business.name, business.locale, day, ask_date)


def scripts_for(
    calls: list[Call], day: dt.date | None = None, context: ScriptContext | None = None
) -> dict[str, Script]:
    """Each call's talking points, by customer code (templates read once for all calls)."""
    context = context or script_context(day)
    scripts: dict[str, Script] = {}
    for locale, group in by_language(calls, context.locale).items():
        texts = template_texts(locale, in_book_language=same_templates(locale, context.locale))
        theirs = dataclasses.replace(context, locale=locale)
        with speaking(locale):  # the call is in the customer's language
            for call in group:
                scripts[call.customer] = script_for(call, texts.texts, texts.built_in, theirs)
    return {call.customer: scripts[call.customer] for call in calls}


def calls_json(
    day: dt.date,
    calls: list[Call],
    scripts: dict[str, Script] | None = None,
    context: ScriptContext | None = None,
) -> dict[str, Any]:
    """The ``today --json`` document of spec/cli.md.

    ``amount`` and ``amount_at_stake`` are decimal strings; a reason's amount is in
    its invoice's currency, which is the call's ``currency`` except for a customer
    billed in two currencies (the reason's text then names the other currency).
    """
    context = context or script_context(day)
    scripts = scripts if scripts is not None else scripts_for(calls, day, context)
    return {
        "date": day.isoformat(),
        "calls": [
            {
                "rank": rank,
                "customer": call.customer,
                "customer_name": call.customer_name,
                "contact_name": call.contact_name,
                "phone": call.phone,
                "amount_at_stake": money_text(call.amount_at_stake, call.currency),
                "currency": call.currency,
                "reasons": [
                    {
                        "kind": reason.kind.value,
                        "invoice": reason.invoice,
                        "amount": money_text(reason.amount, reason.currency),
                        "days": reason.days,
                        "text": reason_text(reason, context.locale),
                    }
                    for reason in call.reasons
                ],
                "talking_points": scripts[call.customer].lines,
            }
            for rank, call in enumerate(calls, start=1)
        ],
    }
