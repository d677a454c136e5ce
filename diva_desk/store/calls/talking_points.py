"""Where the talking-point templates come from: the shipped files, or the owner's rewrite.

The built-in texts are files under resources/talking_points/<locale>/: the
language's own folder (fr_CA, then fr, then another French), else en_CA. A
rewrite is kept in the book's ``setting`` table under ``talking_points.<name>``
and replaces the file's text; a broken rewrite is reported by core.talking_points
and the file's text is used instead. A rewrite is in the book's language: a
customer who speaks another gets that language's shipped text (``in_book_language``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diva_desk.core.calls.model import Call
from diva_desk.core.calls.script_templates import TEMPLATE_NAMES, TemplateProblem, check_template
from diva_desk.core.records import DEFAULT_LOCALE
from diva_desk.errors import BadInput
from diva_desk.i18n import _, has_catalog, language_folders, same_language
from diva_desk.resources_path import resource_path
from diva_desk.store.book import models
from diva_desk.store.book.db import db

#: The ``setting`` key of a rewritten template is this prefix plus the template's name.
SETTING_PREFIX = "talking_points."


@dataclass(frozen=True)
class TemplateTexts:
    #: The texts in use: the owner's rewrites over the built-in ones.
    texts: dict[str, str]
    #: The shipped texts, used where a rewrite is broken.
    built_in: dict[str, str]


def template_folder(locale: str) -> Path:
    """The folder of ``locale``'s shipped texts: its language's, else en_CA's."""
    found = language_folders(locale, resource_path("talking_points"))
    return found[0] if found else resource_path("talking_points", DEFAULT_LOCALE)


def same_templates(locale: str, other: str) -> bool:
    """Whether ``locale`` and ``other`` read the same shipped texts (so the same rewrites)."""
    return template_folder(locale) == template_folder(other)


def has_templates(locale: str) -> bool:
    """Whether talking points ship in ``locale``'s language (English always does)."""
    return same_language(template_folder(locale).name, locale)


@lru_cache(maxsize=8)
def built_in_templates(locale: str) -> dict[str, str]:
    """The shipped templates for ``locale`` (or for en_CA, when it has none of its own)."""
    folder = template_folder(locale)
    return {name: (folder / f"{name}.txt").read_text(encoding="utf-8") for name in TEMPLATE_NAMES}


def template_texts(locale: str, *, in_book_language: bool = True) -> TemplateTexts:
    """Built-in texts and the owner's rewrites, in one query.

    ``in_book_language=False``: ``locale`` is not the book's language, so the
    owner's rewrites (written in the book's) are left out.
    """
    built_in = built_in_templates(locale)
    if not in_book_language:
        return TemplateTexts(dict(built_in), dict(built_in))
    rows = models.Setting.select().where(models.Setting.key.startswith(SETTING_PREFIX))
    overrides = {row.key.removeprefix(SETTING_PREFIX): row.value for row in rows}
    texts = dict(built_in)
    texts.update({name: text for name, text in overrides.items() if name in built_in})
    return TemplateTexts(texts, dict(built_in))


def save_template(name: str, text: str) -> TemplateProblem | None:
    """Keep the owner's rewrite of a template; refuse (and return why) one that is broken."""
    _known(name)
    problem = check_template(name, text)
    if problem is None:
        models.Setting.replace(key=SETTING_PREFIX + name, value=text).execute()
    return problem


def reset_template(name: str) -> None:
    """Go back to the built-in text."""
    _known(name)
    models.Setting.delete().where(models.Setting.key == SETTING_PREFIX + name).execute()


def _known(name: str) -> None:
    if name not in TEMPLATE_NAMES:
        raise BadInput(
            _("no talking-points template called {name} (known: {names})").format(
                name=name, names=", ".join(TEMPLATE_NAMES)
            )
        )


def customer_languages(book_locale: str) -> dict[int, str]:
    """The customers who speak another language than the book's, by id (one query).

    Only languages the app can speak, words and talking points (i18n.has_catalog,
    has_templates); the others hear the book's, rather than French figures in
    English sentences.
    """
    rows = db.execute_sql(
        "SELECT id, language FROM customer WHERE language IS NOT NULL AND language <> ?",
        (book_locale,),
    )
    # A few languages among thousands of customers: look each up once (each asks the disk).
    spoken: dict[str, bool] = {}
    found = {}
    for cid, language in rows:
        if not language:
            continue
        if language not in spoken:
            spoken[language] = has_catalog(language) and has_templates(language)
        if spoken[language]:
            found[cid] = language
    return found


def by_language(calls: Sequence[Call], book_locale: str) -> dict[str, list[Call]]:
    """The calls grouped by the language each is made in (the customer's, else the book's)."""
    spoken = customer_languages(book_locale)
    groups: dict[str, list[Call]] = {}
    for call in calls:
        groups.setdefault(spoken.get(call.customer_id, book_locale), []).append(call)
    return groups
