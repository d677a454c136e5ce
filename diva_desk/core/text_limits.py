"""How long each printable field may be, checked wherever text enters the book.

Every field a document prints has a limit: generous enough for any real name,
address or description, small enough that every page can still be laid out and a
slip of the clipboard (a whole e-mail pasted into a name) is caught with a sentence
naming the field rather than a surprise on paper. The limits are in characters and,
for fields that may hold several lines, in lines. docs/limits.md lists them.

The same table cleans text: control characters go (core.plain_text), and a field on
one line gets its tabs and line breaks as spaces.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

from diva_desk.core.plain_text import clean_line, clean_lines
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt


@dataclass(frozen=True)
class Limit:
    chars: int
    #: 1 for a one-line field; more for a field that may hold lines.
    lines: int = 1


#: Field name (as on the records and in interchange files) -> its limit.
LIMITS: dict[str, Limit] = {
    "name": Limit(200),
    "owner_name": Limit(200),
    "contact_name": Limit(200),
    "ap_contact_name": Limit(200),
    "email": Limit(254),
    "ap_email": Limit(254),
    "phone": Limit(50),
    "ap_phone": Limit(50),
    "code": Limit(50),
    "number": Limit(60),
    "invoice": Limit(60),
    "address": Limit(1_000, 20),
    "tax_numbers": Limit(500, 10),
    "payment_instructions": Limit(4_000, 100),
    "po_number": Limit(100),
    "tax_name": Limit(60),
    "description": Limit(10_000, 200),
    "reference": Limit(200),
    "reason": Limit(1_000, 20),
    "notes": Limit(10_000, 200),
    "payment_link": Limit(500),
}

_R = TypeVar("_R")


def clean(field: str, value: str) -> str:
    """``value`` without control characters; on one line unless the field holds lines."""
    limit = LIMITS.get(field)
    if limit is not None and limit.lines == 1:
        return clean_line(value)
    return clean_lines(value)


def limit_problem(field: str, value: str) -> str | None:
    """What is too long about ``value`` for ``field`` (no field name), or ``None``."""
    limit = LIMITS.get(field)
    if limit is None:
        return None
    if len(value) > limit.chars:
        return _("at most {most} characters (this has {count})").format(
            most=fmt.number(limit.chars), count=fmt.number(len(value))
        )
    if limit.lines > 1:
        count = value.count("\n") + 1
        if count > limit.lines:
            return _("at most {most} lines (this has {count})").format(
                most=fmt.number(limit.lines), count=fmt.number(count)
            )
    return None


def too_long(label: str, field: str, value: str) -> str | None:
    """``"Name: at most 200 characters (this has 668)."``, or ``None`` if it fits."""
    problem = limit_problem(field, value)
    if problem is None:
        return None
    return _("{field}: {problem}.").format(field=label, problem=problem)


def cleaned(record: _R) -> _R:
    """A dataclass record with every text field of the table cleaned (``clean``)."""
    changes: dict[str, Any] = {}
    for item in fields(record):  # type: ignore[arg-type]
        value = getattr(record, item.name)
        if isinstance(value, str) and item.name in LIMITS:
            tidy = clean(item.name, value)
            if tidy != value:
                changes[item.name] = tidy
    return replace(record, **changes) if changes else record  # type: ignore[type-var]


def length_problems(record: Any, labels: dict[str, str]) -> dict[str, str]:
    """Field -> sentence for each labelled text field of ``record`` that is too long."""
    problems: dict[str, str] = {}
    for field, label in labels.items():
        value = getattr(record, field, None)
        if isinstance(value, str) and (problem := too_long(label, field, value)):
            problems[field] = problem
    return problems


def invoice_text_problem(po_number: str, notes: str, lines: Any) -> str | None:
    """The first too-long text of an invoice (PO number, notes, a line's texts), or None."""
    problem = too_long(_("PO number"), "po_number", po_number) or too_long(
        _("Notes"), "notes", notes
    )
    if problem:
        return problem
    for n, line in enumerate(lines, start=1):
        texts = [("description", _("description"), line.description)]
        texts += [("tax_name", _("tax name"), tax.name) for tax in line.taxes]
        for field, label, text in texts:
            if found := limit_problem(field, text):
                return _("Line {n}: {field}: {problem}.").format(n=n, field=label, problem=found)
    return None
