"""File › Import bank statement… in the real window, on the small book (ui/conftest): a
bank's OFX download (Gamma pays INV-1003 by e-transfer; a cheque for Acme's amount names
nobody) read and planned on the worker, recorded from the review, and the
window's Today calls, totals and status bar told at once."""

from __future__ import annotations

from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from diva_desk.store.book import models as m
from diva_desk.ui.bank.review_dialog import BankReviewDialog
from diva_desk.ui.common import errors
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY, settle, show_tab

OFX = (
    "OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\n"
    "CHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n"
    "<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\r\n"
    "<STMTRS><CURDEF>CAD<BANKACCTFROM><BANKID>003<ACCTID>000123456789"
    "<ACCTTYPE>CHECKING</BANKACCTFROM>\r\n<BANKTRANLIST><DTSTART>20261101<DTEND>20261121\r\n"
    "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261120<TRNAMT>250.00<FITID>9001"
    "<NAME>INTERAC E-TRF GAMMA GARAGE<MEMO>inv 1003 thanks</STMTTRN>\r\n"
    "<STMTTRN><TRNTYPE>POS<DTPOSTED>20261120<TRNAMT>-4.75<FITID>9002"
    "<NAME>TIM HORTONS #123</STMTTRN>\r\n"
    "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261121<TRNAMT>1000.00<FITID>9003"
    "<NAME>CHQ DEPOSIT 00412</STMTTRN>\r\n"
    "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\r\n"
)


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> MainWindow:
    win = MainWindow(today=lambda: TODAY, settings=QSettings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    return win


def called(window: MainWindow) -> list[str]:
    return [call.customer for call in window.today_panel.calls]


def review_of(window: MainWindow, qtbot: QtBot, path: Path) -> BankReviewDialog:
    with qtbot.waitSignal(window.tasks.task_finished, timeout=10000):
        window.bank.review(path)
    dialog = window.bank.dialog
    assert isinstance(dialog, BankReviewDialog)
    return dialog


def test_the_menu_item_has_its_shortcut_and_letter(window: MainWindow) -> None:
    action = window.bank.import_action
    assert action.text() == "Import bank &statement…"
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()


def test_recording_takes_a_customer_who_paid_off_the_call_list(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "november.ofx"
    path.write_bytes(OFX.encode("cp1252"))
    assert "GAMMA" in called(window)
    owed_before = window.owed_label.text()
    dialog = review_of(window, qtbot, path)
    assert [m.line.transaction for m in dialog.look.plan.matched] == ["9001"]
    assert [r.line.transaction for r in dialog.look.plan.review] == ["9003"]
    assert "1 debit ignored" in dialog.summary.text()
    # Enter records: Record is the default button.
    dialog.matched_table.setFocus()
    with qtbot.waitSignal(window.today_filled, timeout=20000):
        qtbot.keyClick(dialog.matched_table, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.bank.dialog is None  # closed: recorded
    assert window.statusBar().currentMessage() == (
        "Recorded 1 payment from 1 customer, from the bank statement november.ofx."
    )
    assert "GAMMA" not in called(window)  # paid: not called
    assert "ACME" in called(window)  # the cheque waits for review; nothing is guessed
    assert window.owed_label.text() != owed_before
    assert window.owed_label.text() == "Owed to you: $1,900.00"
    # Gamma's history says where the money was seen.
    show_tab(qtbot, window, window.customers)
    gamma = m.Customer.get(m.Customer.code == "GAMMA").id
    assert window.customers.select_customer(gamma)
    history = window.customers.pane.timeline
    said = [history.index(row, 1).data() for row in range(history.rowCount())]
    assert said[0] == "Paid by e-transfer, matched from the bank statement (INV-1003)"
    assert "Payment on INV-1003" in said  # the cheque typed by hand, as before


def test_a_file_that_is_not_a_statement_is_said_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda _parent, text, **_kw: shown.append(text))
    path = tmp_path / "notes.ofx"
    path.write_text("Shopping list: milk, eggs", encoding="utf-8")
    before = m.Payment.select().count()
    with qtbot.waitSignal(window.tasks.task_finished, timeout=10000):
        window.bank.review(path)
    assert window.bank.dialog is None
    assert len(shown) == 1 and "\n" not in shown[0] and "Traceback" not in shown[0]
    assert m.Payment.select().count() == before
    assert m.BankTransaction.select().count() == 0
