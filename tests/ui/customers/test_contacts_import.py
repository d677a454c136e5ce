"""File > Import contacts… and Export customers to CSV…, driven like a person."""

from __future__ import annotations

import csv
from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from diva_desk.store.book import models as m
from diva_desk.ui.customers.contacts_import_dialog import ContactsImportDialog
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY

# Google Contacts headers, plus a column no tool names the same way ("Account No").
GOOGLE_CSV = (
    "Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,"
    "Phone 1 - Value,Organization 1 - Name,Account No\r\n"
    "Marie Côté,Marie,Côté,* Work,marie@cote.example.ca,Work,514 555 0100,Côté Design,COTE\r\n"
    "Lou Martin,Lou,Martin,* Work,lou@beta.ca,Mobile,416 555 0101,Beta Bakery,BETA2\r\n"
    "Bad Email,Bad,Email,* Work,bad@@example,Work,,,BAD\r\n"
    "Nadia Haddad,Nadia,Haddad,* Home,nadia@haddad.example.com,,,,HADDAD\r\n"
)


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> MainWindow:
    win = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def open_preview(window: MainWindow, qtbot: QtBot, path: Path, monkeypatch) -> ContactsImportDialog:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )
    window.contacts.import_action.trigger()
    qtbot.waitUntil(lambda: window.contacts.dialog is not None, timeout=5000)
    dialog = window.contacts.dialog
    assert dialog is not None
    return dialog


def preview(dialog: ContactsImportDialog) -> list[tuple[str, str, str, str]]:
    """(line, what happens, name, why) for every row shown."""
    model = dialog.model
    return [
        tuple(model.index(row, column).data() for column in (0, 1, 2, 6))
        for row in range(model.rowCount())
    ]


def test_preview_then_import_in_one_go(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "google.csv"
    path.write_text(GOOGLE_CSV, encoding="utf-8-sig")
    before = m.Customer.select().count()
    dialog = open_preview(window, qtbot, path, monkeypatch)

    rows = preview(dialog)
    assert [(line, what) for line, what, _name, _why in rows] == [
        ("2", "Create"),
        ("3", "Duplicate"),
        ("4", "Invalid"),
        ("5", "Create"),
    ]
    assert rows[1][3] == "same email as BETA (Beta Bakery), already in the book"
    assert "bad@@example" in rows[2][3]
    assert dialog.import_button.text() == "&Import 2 customers"
    assert m.Customer.select().count() == before  # nothing written by the preview

    # "Account No" was not recognised: say it holds the customer code.
    choice = dialog.column_choices[8]
    choice.setCurrentIndex(choice.findText("Customer code"))
    created = {p.customer.name: p.customer.code for p in dialog.plan.creates}
    assert created["Côté Design"] == "COTE"

    # Import the duplicate anyway: tick it.
    dialog.model.setData(
        dialog.model.index(1, 1), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert dialog.import_button.text() == "&Import 3 customers"

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.contacts.dialog is None, timeout=5000)
    assert m.Customer.select().count() == before + 3
    assert m.Customer.get(m.Customer.code == "COTE").email == "marie@cote.example.ca"
    names = [
        window.customers.proxy.index(r, 1).data() for r in range(window.customers.proxy.rowCount())
    ]
    assert "Côté Design" in names and "Nadia Haddad" in names
    assert window.statusBar().currentMessage() == "Imported 3 customers from google.csv."


def test_cancel_writes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nORG:Lima Studio\r\n"
        "EMAIL;TYPE=WORK:ana@lima.example.com\r\nTEL;TYPE=CELL:416 555 0199\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    before = m.Customer.select().count()
    dialog = open_preview(window, qtbot, path, monkeypatch)
    assert [what for _l, what, _n, _w in preview(dialog)] == ["Create"]
    assert dialog.column_choices == {}  # a vCard's fields are fixed
    dialog.reject()
    qtbot.waitUntil(lambda: window.contacts.dialog is None)
    assert m.Customer.select().count() == before


def test_export_writes_the_customers_shown(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    qtbot.keyClicks(window.customers.search, "a")  # every name in the small book has an "a"
    window.customers.balance_filter.setCurrentIndex(2)  # overdue: ACME and GAMMA
    with qtbot.waitSignal(window.tasks.task_finished, timeout=5000):
        window.contacts.export_action.trigger()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["Code"] for row in rows) == ["ACME", "GAMMA"]
    assert window.statusBar().currentMessage() == f"Exported 2 customers to {target}."
