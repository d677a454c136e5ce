"""The Reports tab's sales tax section: the period's figures, as the store gives them."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import peewee
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from diva_desk.demo import demo_contents
from diva_desk.i18n import format as fmt
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.taxes.collected import tax_summary_for
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.reports.reports_tab import ReportsTab
from diva_desk.ui.reports.tax_panel import last_quarter

from ..conftest import TODAY


@pytest.fixture
def tab(qtbot: QtBot, book: peewee.SqliteDatabase) -> Iterator[ReportsTab]:
    add_contents(demo_contents(TODAY))
    tab = ReportsTab(TaskRunner(), today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.is_settled() and tab.taxes.summary is not None)
    yield tab
    tab._tasks.wait()


def cells(tab: ReportsTab) -> list[list[str]]:
    model = tab.taxes.model
    return [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]


def test_the_last_quarter_shows_each_tax_as_the_store_sums_it(tab: ReportsTab) -> None:
    start, end = last_quarter(TODAY)
    assert (start, end) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    summary = tax_summary_for(start, end)
    cad = next(c for c in summary.currencies if c.currency == "CAD")
    rows = cells(tab)
    by_name = {row[0]: row for row in rows}
    # The demo's Québec customers pay GST and QST apart; its Ontario ones HST.
    for name in ("GST", "QST", "HST"):
        tax = next(t for t in cad.taxes if t.name == name)
        assert by_name[name][2:] == [
            fmt.money(tax.taxable, "CAD"),
            fmt.money(tax.collected, "CAD"),
        ]
    total = next(row for row in rows if row[0].startswith("All sales, CAD"))
    assert total[2:] == [fmt.money(cad.sales, "CAD"), fmt.money(cad.collected, "CAD")]


def test_a_new_period_reads_again_and_a_backward_one_says_so(tab: ReportsTab, qtbot: QtBot) -> None:
    tab.taxes.start_edit.setDate(QDate(2030, 1, 1))
    qtbot.waitUntil(lambda: "after it ends" in tab.taxes.note.text())
    assert not tab.taxes.csv_button.isEnabled()
    tab.taxes.end_edit.setDate(QDate(2030, 3, 31))
    qtbot.waitUntil(lambda: tab.taxes.note.text() == "No invoice was issued in this period.")
    assert cells(tab) == []
    assert tab.taxes.csv_button.isEnabled()


def test_exports_write_the_same_figures(tab: ReportsTab, qtbot: QtBot, tmp_path: Path) -> None:
    start, end = tab.taxes.period()
    cad = next(c for c in tax_summary_for(start, end).currencies if c.currency == "CAD")
    with qtbot.waitSignal(tab._tasks.task_finished, timeout=20000):
        tab.taxes.export_csv(tmp_path / "tax.csv")
    with (tmp_path / "tax.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    qst = next(row for row in rows if row["Tax"] == "QST")
    expected = next(t for t in cad.taxes if t.name == "QST")
    assert (qst["Rates (%)"], Decimal(qst["Tax collected"])) == ("9.975", expected.collected)
    with qtbot.waitSignal(tab._tasks.task_finished, timeout=20000):
        tab.taxes.export_pdf(tmp_path / "tax.pdf")
    pages = PdfReader(tmp_path / "tax.pdf").pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert "SALES TAX" in text
    assert "QST registration no. 1223456789 TQ0001" in text
    assert " ".join(fmt.money(expected.collected, "CAD").split()) in text
    assert not list(tmp_path.glob("*.partial"))
