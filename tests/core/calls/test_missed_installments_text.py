"""Several installments missed on one plan: the line and the talking point count them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.core.calls import Call, ReasonKind, Situation, calls_for
from diva_desk.core.calls.talking_points import ScriptContext, script_for
from diva_desk.core.calls.texts import reason_text
from diva_desk.i18n import format as fmt
from diva_desk.store.calls.talking_points import built_in_templates

from .calls_helpers import MON, customer, days, invoice
from .test_calls_rules import _plan

K = ReasonKind


def _missed_call(day: dt.date) -> Call:
    """A $900 plan in three $300 installments, nothing paid since it was agreed."""
    owed = invoice(due=MON - days(60), total="900.00", paid="0.00")
    [call] = calls_for(day, Situation((customer(),), (owed,), plans=(_plan("0.00"),)))
    return call


def test_two_missed_installments_are_counted_not_called_one() -> None:
    call = _missed_call(MON + days(1))
    [reason] = call.reasons
    assert (reason.kind, reason.count, reason.amount) == (K.INSTALLMENT_MISSED, 2, Decimal(600))
    first = fmt.date(MON - days(14), locale="en_CA")
    money = fmt.money(Decimal(600), "CAD", "en_CA")
    assert reason_text(reason, "en_CA") == (
        f"2 payment-plan installments missed since {first}: {money} unpaid"
    )
    built_in = built_in_templates("en_CA")
    context = ScriptContext("Priya Raman", "Studio", "en_CA", MON + days(1))
    lines = script_for(call, built_in, built_in, context).lines
    assert any("2 installments due since" in line and money in line for line in lines), lines


def test_one_missed_installment_keeps_its_own_date() -> None:
    call = _missed_call(MON - days(13))
    [reason] = call.reasons
    assert (reason.count, reason.amount) == (1, Decimal(300))
    first = fmt.date(MON - days(14), locale="en_CA")
    assert reason_text(reason, "en_CA").startswith(f"Payment-plan installment due {first} missed")
    built_in = built_in_templates("en_CA")
    context = ScriptContext("Priya Raman", "Studio", "en_CA", MON - days(13))
    lines = script_for(call, built_in, built_in, context).lines
    assert any("received the installment due" in line for line in lines), lines
