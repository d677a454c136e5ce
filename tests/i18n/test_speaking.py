"""Two languages at once: the window's, and the one a document is written in."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from diva_desk.i18n import (
    _,
    current_locale,
    interface_locale,
    language_folders,
    ngettext,
    set_language,
    speaking,
)
from diva_desk.i18n import format as fmt


@pytest.fixture(autouse=True)
def english_window() -> Iterator[None]:
    set_language("en_CA")
    yield
    set_language("en_CA")


def test_speaking_changes_the_words_and_figures_inside_the_block_only() -> None:
    assert _("Balance due") == "Balance due"
    with speaking("fr_CA"):
        assert _("Balance due") == "Solde dû"
        assert current_locale() == "fr_CA"
        assert interface_locale() == "en_CA"
        assert fmt.money(Decimal("1234.50"), "CAD") == "1\u00a0234,50\u00a0$"
        with speaking("en_CA"):
            assert _("Balance due") == "Balance due"
        assert _("Balance due") == "Solde dû"
    assert _("Balance due") == "Balance due"
    assert fmt.money(Decimal("1234.50"), "CAD") == "$1,234.50"


def test_a_worker_speaking_french_leaves_the_window_english() -> None:
    """A French invoice drawn on a worker thread while the window goes on in English."""
    inside, checked = threading.Event(), threading.Event()
    worker_said: list[str] = []

    def worker() -> None:
        with speaking("fr_CA"):
            inside.set()
            checked.wait(5)
            worker_said.append(_("Balance due"))

    thread = threading.Thread(target=worker)
    thread.start()
    assert inside.wait(5)
    window_said = (_("Balance due"), current_locale())
    checked.set()
    thread.join(5)
    assert window_said == ("Balance due", "en_CA")
    assert worker_said == ["Solde dû"]


def test_no_locale_keeps_the_language_in_use() -> None:
    set_language("fr_CA")
    with speaking(None) as used:
        assert used == "fr_CA"
        assert _("Balance due") == "Solde dû"


@pytest.mark.parametrize(
    ("locale", "count", "said"),
    [
        ("fr_CA", 0, "0 appel"),  # French counts zero as one
        ("fr_CA", 1, "1 appel"),
        ("fr_CA", 3, "3 appels"),
        ("en_CA", 1, "1 call"),
        ("en_CA", 0, "0 calls"),
        ("en_CA", 3, "3 calls"),
    ],
)
def test_plural_forms(locale: str, count: int, said: str) -> None:
    with speaking(locale):
        text = ngettext("{count} call", "{count} calls", count)
        assert text.format(count=fmt.number(count)).replace("\xa0", " ") == said


def test_french_whole_millions_take_cldrs_many_form() -> None:
    """1,000,000 is "many" in French (CLDR), not "one" or "other": its own plural form."""
    with speaking("fr_CA"):
        million = ngettext("{count} call", "{count} calls", 1_000_000)
        assert "appels" in million
        assert million != ngettext("{count} call", "{count} calls", 1)


def test_a_language_without_its_country_folder_uses_its_neighbours(tmp_path: Path) -> None:
    for name in ("en_CA", "fr_CA"):
        (tmp_path / name).mkdir()
    assert language_folders("fr_CA", tmp_path) == [tmp_path / "fr_CA"]
    assert language_folders("fr_FR", tmp_path) == [tmp_path / "fr_CA"]
    assert language_folders("es_MX", tmp_path) == []
    (tmp_path / "fr").mkdir()
    assert language_folders("fr_FR", tmp_path) == [tmp_path / "fr", tmp_path / "fr_CA"]
