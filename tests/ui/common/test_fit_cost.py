"""Fitting a long list's columns reads each measured cell's text once, not every role
of every cell (Qt's sizeHintForColumn asks the model eight times per cell), with the
widths Qt's own measure gives."""

from __future__ import annotations

import json

import peewee
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diva_desk.interchange import import_text
from diva_desk.ui.common.tables import list_tab
from diva_desk.ui.customers.customer_models import CustomerTableModel
from diva_desk.ui.customers.customers_tab import CustomersTab

from ..conftest import TODAY

CUSTOMERS = 90


def test_fitting_columns_reads_the_texts_once_with_qts_widths(
    qtbot: QtBot, book: peewee.SqliteDatabase
) -> None:
    customers = [
        {"code": f"C{n:03}", "name": f"Customer {'x' * (n % 37)} {n}", "currency": "CAD",
         "contact_name": f"Contact {n}", "email": f"c{n}@{'y' * (n % 23)}.example"}
        for n in range(CUSTOMERS)
    ]  # fmt: skip
    business = {"name": "Lakeshore Pixel Studio", "owner_name": "Priya Raman", "locale": "en_CA"}
    document = {"format": "diva-desk", "version": 1, "business": business}
    import_text(json.dumps({**document, "customers": customers}))
    tab = CustomersTab()
    qtbot.addWidget(tab)
    tab.resize(1200, 600)
    tab.show()
    qtbot.waitExposed(tab)
    tab.reload(TODAY)
    calls: list[int] = []
    real = CustomerTableModel.data

    def counted(model: CustomerTableModel, index: object, role: int = 0) -> object:
        calls.append(role)
        return real(model, index, role)

    tab.model.data = counted.__get__(tab.model)  # type: ignore[method-assign]
    measured = list_tab._MEASURED_ROWS
    columns = tab.model.columnCount()
    try:
        tab.fit_columns()
    finally:
        del tab.model.data
    display = calls.count(Qt.ItemDataRole.DisplayRole)
    # Each measured cell's text once, and the delegate's sizes of the widest few.
    assert len(calls) <= measured * columns + list_tab._SIZED_CELLS * columns * 10
    assert display <= measured * columns + list_tab._SIZED_CELLS * columns
    assert len(calls) < 2 * measured * columns  # Qt's measure: eight roles per cell
    for column in range(columns):
        assert tab.cells_width(column) == tab.view.sizeHintForColumn(column), column
