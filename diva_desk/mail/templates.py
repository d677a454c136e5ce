"""Email templates: the shipped texts, the owner's rewrites, and filling them.

Kept like the talking points: the built-in texts are files under
resources/mail_templates/<locale>/ (the customer's language: fr_CA, then fr, then
another French; en_CA when there is none), a rewrite in the book's language is
kept in the book's ``setting`` table under ``mail_templates.<name>``, and each line
is checked by the talking points' own rule (core.calls.script_templates.checked_line),
so a typo is reported in the same words. A broken rewrite is never saved; one broken
by hand is skipped for the built-in text.

Format: ``[subject]`` then one line, ``[body]`` then the message as sent (blank lines
kept); lines starting with ``#`` are comments. A line holding an optional value
(:data:`OPTIONAL`) that is empty is left out, so "Pay online: $pay_link" disappears
for a business without a pay link.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diva_desk.core.calls.script_templates import TemplateProblem, checked_line
from diva_desk.core.records import DEFAULT_LOCALE
from diva_desk.errors import BadInput
from diva_desk.i18n import _, language_folders
from diva_desk.resources_path import resource_path
from diva_desk.store.book.db import db
from diva_desk.store.book.settings import get_setting, set_setting
from diva_desk.store.calls.talking_points import TemplateTexts

SETTING_PREFIX = "mail_templates."
SECTIONS = ("subject", "body")

COMMON = frozenset(
    {
        "business_name",
        "owner_name",
        "owner_first_name",
        "customer_name",
        "contact_name",
        "contact_first_name",
        "greeting_name",
        "date",
        "payment_instructions",
        "pay_link",
    }
)
_REMINDER = frozenset({"amount", "invoices", "pay_by"})
EXTRA: dict[str, frozenset[str]] = {
    "invoice": frozenset({"invoice", "total", "amount", "issue_date", "due_date", "po_number"}),
    "statement": frozenset({"total_owed", "overdue"}),
    "reminder_friendly": _REMINDER,
    "reminder_firm": _REMINDER,
    "reminder_final": _REMINDER,
}
MAIL_TEMPLATE_NAMES: tuple[str, ...] = tuple(EXTRA)
#: Values a line may do without: the line is left out when the value is empty.
OPTIONAL = frozenset({"payment_instructions", "pay_link", "po_number"})
_SECTION_LINE = re.compile(r"^\[(?P<name>[^\]]*)\]\s*$")


@dataclass(frozen=True)
class Filled:
    subject: str
    body: str


@dataclass(frozen=True)
class _Parsed:
    subject: string.Template
    body: list[string.Template]


def placeholders_for(name: str) -> frozenset[str]:
    return COMMON | EXTRA.get(name, frozenset())


def parse(name: str, text: str) -> _Parsed:
    """The template's subject and body lines; raises TemplateProblem naming the line."""
    known = placeholders_for(name)
    sections: dict[str, list[tuple[int, str]]] = {}
    current: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.lstrip().startswith("#"):
            continue
        header = _SECTION_LINE.match(line.strip())
        if header:
            current = header["name"].strip().lower()
            if current not in SECTIONS:
                raise TemplateProblem(
                    name,
                    _(
                        'Template "{name}", line {line}: unknown section [{section}] '
                        "(use [subject] and [body])"
                    ).format(name=name, line=number, section=header["name"]),
                )
            sections.setdefault(current, [])
            continue
        if current is None:
            if line.strip():
                raise TemplateProblem(
                    name,
                    _(
                        'Template "{name}", line {line}: text before the first section '
                        "(start with [subject])"
                    ).format(name=name, line=number),
                )
            continue
        sections[current].append((number, line))
    subject = [(n, line.strip()) for n, line in sections.get("subject", []) if line.strip()]
    body = _trimmed(sections.get("body", []))
    if len(subject) != 1:
        raise TemplateProblem(
            name, _('Template "{name}": [subject] must hold exactly one line').format(name=name)
        )
    if not body:
        raise TemplateProblem(name, _('Template "{name}": [body] is empty').format(name=name))
    return _Parsed(
        checked_line(name, subject[0][0], subject[0][1], known),
        [checked_line(name, n, line, known) for n, line in body],
    )


def _trimmed(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while lines and not lines[0][1].strip():
        lines = lines[1:]
    while lines and not lines[-1][1].strip():
        lines = lines[:-1]
    return lines


def check(name: str, text: str) -> TemplateProblem | None:
    try:
        parse(name, text)
    except TemplateProblem as problem:
        return problem
    return None


def fill(name: str, text: str, values: Mapping[str, str]) -> Filled:
    """The subject and body with ``values`` in place (every placeholder must have one)."""
    parsed = parse(name, text)
    lines: list[str] = []
    for line in parsed.body:
        used = {m["named"] or m["braced"] for m in line.pattern.finditer(line.template)}
        if any(key in OPTIONAL and not values.get(key, "").strip() for key in used):
            continue
        lines.append(line.substitute(values))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    subject = " ".join(parsed.subject.substitute(values).split())
    return Filled(subject, body + "\n")


def template_folder(locale: str) -> Path:
    """The folder of ``locale``'s shipped texts: fr_CA, then fr, then another French; en_CA."""
    found = language_folders(locale, resource_path("mail_templates"))
    return found[0] if found else resource_path("mail_templates", DEFAULT_LOCALE)


@lru_cache(maxsize=8)
def built_in_templates(locale: str) -> dict[str, str]:
    folder = template_folder(locale)
    return {
        name: (folder / f"{name}.txt").read_text(encoding="utf-8") for name in MAIL_TEMPLATE_NAMES
    }


def template_texts(locale: str) -> TemplateTexts:
    """The built-in texts and the owner's rewrites, in one query."""
    built_in = built_in_templates(locale)
    rows = db.execute_sql(
        "SELECT key, value FROM setting WHERE key LIKE ? ESCAPE '\\'",
        (SETTING_PREFIX.replace("_", "\\_") + "%",),
    )
    rewrites = {key.removeprefix(SETTING_PREFIX): value for key, value in rows}
    texts = {name: rewrites.get(name, text) for name, text in built_in.items()}
    return TemplateTexts(texts, dict(built_in))


def text_in_use(name: str, locale: str, *, in_book_language: bool = True) -> str:
    """The owner's rewrite when it is usable, else the built-in text.

    ``in_book_language=False``: the message is in another language than the book's,
    in which the owner's rewrite is written, so the shipped text of ``locale`` is used.
    """
    _known(name)
    rewrite = get_setting(SETTING_PREFIX + name) if in_book_language else None
    if rewrite is not None and check(name, rewrite) is None:
        return rewrite
    return built_in_templates(locale)[name]


def save_template(name: str, text: str) -> TemplateProblem | None:
    """Keep the owner's rewrite; refuse (and return why) one that is broken."""
    _known(name)
    problem = check(name, text)
    if problem is None:
        set_setting(SETTING_PREFIX + name, text)
    return problem


def reset_template(name: str) -> None:
    _known(name)
    db.execute_sql("DELETE FROM setting WHERE key = ?", (SETTING_PREFIX + name,))


def _known(name: str) -> None:
    if name not in MAIL_TEMPLATE_NAMES:
        raise BadInput(
            _("no email template called {name} (known: {names})").format(
                name=name, names=", ".join(MAIL_TEMPLATE_NAMES)
            )
        )
