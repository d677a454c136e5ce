"""A line carries GST and QST picked as one group, or HST alone; the totals keep them apart."""

from __future__ import annotations

from decimal import Decimal

import peewee
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from diva_desk.core.records import LineTax
from diva_desk.store.invoices.editing import invoice_detail
from diva_desk.ui.invoices.editor.invoice_editor import InvoiceEditor
from diva_desk.ui.invoices.editor.invoice_lines_model import LineColumn

from ..conftest import TODAY
from ..invoice_helpers import Dialogs, choose_customer, dialogs, type_line

__all__ = ["dialogs"]


def pick_tax(qtbot: QtBot, editor: InvoiceEditor, row: int, label: str) -> list[str]:
    """Open the line's tax cell, choose ``label`` as a person would; returns the choices."""
    table = editor.form.table
    index = editor.form.lines.index(row, LineColumn.TAX)
    table.setCurrentIndex(index)
    table.edit(index)
    picker = editor.findChild(QComboBox, "taxPicker")
    assert picker is not None
    offered = [picker.itemText(i) for i in range(picker.count())]
    picker.setCurrentIndex(offered.index(label))
    picker.activated.emit(offered.index(label))
    table.setFocus()
    return offered


def test_gst_and_qst_are_one_pick_and_two_taxes(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    editor = InvoiceEditor(today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    choose_customer(qtbot, editor, "Beta")
    type_line(qtbot, editor, 0, "Logo design", "3", "33.33")
    offered = pick_tax(qtbot, editor, 0, "GST + QST (QC)")
    # The rates alone, then the groups, then none.
    assert offered[:2] == ["HST 13%", "GST 5%"]
    assert offered[-4:] == ["GST + QST (QC)", "GST + PST (BC, MB)", "GST + PST (SK)", "No tax"]
    editor.form.add_line()
    type_line(qtbot, editor, 1, "Business cards", "1", "10.00")
    assert editor.form.lines.index(1, LineColumn.TAX).data() == "GST + QST (QC)"  # as above
    editor.form.add_line()
    type_line(qtbot, editor, 2, "Shipping to Ontario", "1", "20.00")
    pick_tax(qtbot, editor, 2, "HST 13%")

    # Net 129.99; GST 5 % and QST 9.975 % of 109.99, each rounded once; HST of 20.00.
    assert editor.form.totals.tax_values == {
        "GST 5%": "$5.50",
        "QST 9.975%": "$10.97",
        "HST 13%": "$2.60",
    }
    assert editor.form.totals.total_value.text() == "$149.06"
    editor.life.save.click()
    invoice_id = editor.invoice_id
    assert invoice_id is not None
    lines = invoice_detail(invoice_id, TODAY).invoice.lines
    assert lines[0].taxes == (LineTax("GST", Decimal(5)), LineTax("QST", Decimal("9.975")))
    assert lines[2].taxes == (LineTax("HST", Decimal(13)),)

    # Opened again, the line shows the group's name, not two rates.
    again = InvoiceEditor(invoice_id=invoice_id, today=TODAY)
    qtbot.addWidget(again)
    assert again.form.lines.index(0, LineColumn.TAX).data() == "GST + QST (QC)"
