"""The call is in the customer's language: a French customer's talking points in French,
words and figures, beside an English customer's in English on the same list."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import peewee
import pytest

from diva_desk.i18n import _, current_locale, set_language
from diva_desk.interchange import import_text
from diva_desk.resources_path import resource_path
from diva_desk.store.calls import talking_points
from diva_desk.store.calls.call_list import calls_today, scripts_for

MONDAY = dt.date(2026, 11, 23)
OPENING = "Bonjour $contact_first_name, c'est $owner_first_name de $business_name."


@pytest.fixture
def french_talking_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped texts, with a French folder beside them (as the translation ships one)."""
    root = tmp_path / "resources"
    shutil.copytree(resource_path("talking_points"), root / "talking_points")
    french = root / "talking_points" / "fr_CA"
    if not french.is_dir():
        shutil.copytree(root / "talking_points" / "en_CA", french)
    for file in french.glob("*.txt"):
        lines = file.read_text(encoding="utf-8").splitlines()
        if "[opening]" in lines:
            at = lines.index("[opening]") + 1
            lines[at] = OPENING
            file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(talking_points, "resource_path", lambda *parts: root.joinpath(*parts))
    talking_points.built_in_templates.cache_clear()
    set_language("en_CA")
    yield french
    talking_points.built_in_templates.cache_clear()


def _book(**french: str) -> None:
    def customer(code: str, contact: str, **more: str) -> dict[str, str]:
        return {
            "code": code,
            "name": f"{code} Inc.",
            "contact_name": contact,
            "currency": "CAD",
            **more,
        }

    def invoice(number: str, code: str) -> dict[str, object]:
        return {
            "number": number,
            "customer": code,
            "issue_date": "2026-09-01",
            "due_date": "2026-10-01",
            "status": "sent",
            "sent_date": "2026-09-01",
            "received_confirmed_date": "2026-09-01",
            "currency": "CAD",
            "lines": [{"description": "Menus", "quantity": "1", "unit_price": "1234.50"}],
        }

    document = {
        "format": "diva-desk", "version": 1,
        "business": {"name": "Lakeshore Pixel Studio", "owner_name": "Priya Raman",
                     "locale": "en_CA"},
        "customers": [customer("ACME", "Kenji Watanabe"),
                      customer("BLEU", "Sophie Tremblay", **french)],
        "invoices": [invoice("INV-1", "ACME"), invoice("INV-2", "BLEU")],
    }  # fmt: skip
    import_text(json.dumps(document))


def test_each_customer_hears_their_own_language(
    book: peewee.Database, french_talking_points: Path
) -> None:
    _book(language="fr_CA")
    calls = calls_today(MONDAY)
    scripts = scripts_for(calls, MONDAY)
    english = " ".join(scripts["ACME"].lines).replace("\u00a0", " ")
    french = " ".join(scripts["BLEU"].lines).replace("\u00a0", " ")
    assert english.startswith("Hi Kenji, it's Priya from Lakeshore Pixel Studio.")
    assert french.startswith("Bonjour Sophie, c'est Priya de Lakeshore Pixel Studio.")
    assert "$1,234.50" in english and "1 234,50 $" in french
    assert "1 234,50 $" not in english and "$1,234.50" not in french
    # The window's language is untouched by the French script.
    assert (current_locale(), _("Balance due")) == ("en_CA", "Balance due")


def test_without_talking_points_in_their_language_the_call_is_in_the_books(
    book: peewee.Database, french_talking_points: Path
) -> None:
    shutil.rmtree(french_talking_points)
    talking_points.built_in_templates.cache_clear()
    _book(language="fr_CA")
    calls = calls_today(MONDAY)
    french = " ".join(scripts_for(calls, MONDAY)["BLEU"].lines)
    # English words with English figures, never English words around French figures.
    assert french.startswith("Hi Sophie") and "$1,234.50" in french


def test_each_language_is_looked_up_once_not_each_customer(
    book: peewee.Database, french_talking_points: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _book(language="fr_CA")
    more = [
        {"code": f"F{n}", "name": f"F{n} Inc.", "currency": "CAD", "language": "fr_CA"}
        for n in range(30)
    ]
    import_text(json.dumps({"format": "diva-desk", "version": 1, "customers": more}))
    asked: list[str] = []
    real = talking_points.has_catalog

    def counted(locale: str, folder: Path | None = None) -> bool:
        asked.append(locale)
        return real(locale, folder)

    monkeypatch.setattr(talking_points, "has_catalog", counted)
    spoken = talking_points.customer_languages("en_CA")
    assert len(spoken) == 31 and set(spoken.values()) == {"fr_CA"}
    assert asked == ["fr_CA"]  # each lookup reads the disk: once per language
