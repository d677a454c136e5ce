"""Which languages the app can write its words in: English always, others once installed."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from diva_desk.i18n import has_catalog


def _install(folder: Path, language: str) -> None:
    catalog = Catalog(locale=language, domain="diva_desk")
    catalog.add("Invoice", "Facture")
    target = folder / language / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "diva_desk.mo").open("wb") as out:
        write_mo(out, catalog)


def test_english_needs_no_catalog(tmp_path: Path) -> None:
    for locale in ("en_CA", "en_US", "en", "en-GB"):
        assert has_catalog(locale, tmp_path)


def test_another_language_needs_its_catalog(tmp_path: Path) -> None:
    assert not has_catalog("fr_CA", tmp_path)
    assert not has_catalog("", tmp_path)
    _install(tmp_path, "fr")
    # A catalog for the language serves every country that speaks it.
    assert has_catalog("fr_CA", tmp_path)
    assert has_catalog("fr", tmp_path)
    assert not has_catalog("es_MX", tmp_path)
