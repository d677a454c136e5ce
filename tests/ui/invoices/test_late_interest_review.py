"""Invoices › Late interest…: the review ticks, applies, lists and waives, by keyboard too."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.invoices.invoices_tab import InvoicesTab
from diva_desk.ui.invoices.late_interest_dialog import LateInterestDialog

DAY = dt.date(2026, 12, 3)


def _invoice(number: str, customer: str, due: dt.date, amount: str) -> r.Invoice:
    return r.Invoice(
        number=number,
        customer=customer,
        issue_date=due - dt.timedelta(days=30),
        due_date=due,
        lines=(r.InvoiceLine("Work", D(1), D(amount)),),
    )


@pytest.fixture
def late_book(book: peewee.SqliteDatabase) -> peewee.SqliteDatabase:
    add_contents(
        r.BookContents(
            business=r.Business(
                name="Maple & Co.", next_invoice_number=2000, late_fee_percent_per_month=D(2)
            ),
            customers=(
                r.Customer(code="ACME", name="Acme Ltd."),
                r.Customer(code="BETA", name="Beta Inc."),
            ),
            invoices=(
                _invoice("INV-1001", "ACME", dt.date(2026, 10, 16), "4520.00"),
                _invoice("INV-1002", "BETA", dt.date(2026, 12, 1), "36500.00"),
            ),
        )
    )
    return book


@pytest.fixture
def review(qtbot: QtBot, late_book: peewee.SqliteDatabase) -> LateInterestDialog:
    dialog = LateInterestDialog(DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _rows(dialog: LateInterestDialog) -> list[list[str]]:
    model = dialog.due
    found = []
    for row in range(model.rowCount()):
        top = model.item(row, 0)
        found.append([top.text(), model.item(row, 2).text()])
        found.extend(
            [top.child(n, 0).text(), top.child(n, 2).text()] for n in range(top.rowCount())
        )
    return found


def test_the_review_lists_each_charge_with_its_invoices_and_days(review: LateInterestDialog):
    assert _rows(review) == [
        ["ACME — Acme Ltd.", "$142.66"],
        ["Interest on INV-1001, 48 days at 2% a month, on a balance of $4,520.00", "$142.66"],
        ["BETA — Beta Inc.", "$48.00"],
        ["Interest on INV-1002, 2 days at 2% a month, on a balance of $36,500.00", "$48.00"],
    ]
    assert "2 charges of late interest are due on Dec 3, 2026" in review.intro.text()
    assert review.made_model.rowCount() == 0
    assert not review.waive_button.isEnabled()


def test_space_unticks_and_apply_writes_only_the_ticked_charge(
    review: LateInterestDialog, qtbot: QtBot
):
    changed: list[bool] = []
    said: list[str] = []
    review.book_changed.connect(lambda: changed.append(True))
    review.announced.connect(said.append)
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow)
    view = review.due_view
    view.setFocus()
    view.setCurrentIndex(review.due.index(1, 0))  # BETA
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert review.due.item(1, 0).checkState() == Qt.CheckState.Unchecked
    qtbot.keyClick(review, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Apply
    qtbot.waitUntil(lambda: bool(said))  # a mnemonic's click is animated: it comes a moment later
    assert said == ["Applied 1 late-interest charge: INV-2000."] and changed == [True]
    made = m.Invoice.get(m.Invoice.number == "INV-2000")
    assert (made.total_minor, made.late_fee_through) == (14266, DAY)
    # The applied charge is gone from the due list and stands in the made list.
    assert _rows(review)[0][0] == "BETA — Beta Inc."
    assert review.made_model.item(0, 0).text() == "INV-2000 to ACME — Acme Ltd."


def test_waive_is_one_click_logged_and_undone_with_ctrl_z(review: LateInterestDialog, qtbot: QtBot):
    review.apply_button.click()
    assert review.made_model.rowCount() == 2
    review.made_view.setCurrentIndex(review.made_model.index(1, 0))  # INV-2000, ACME
    assert review.waive_button.isEnabled()
    review.waive_button.click()
    waived = m.Invoice.get(m.Invoice.number == "INV-2000")
    assert waived.state == "void"
    assert review.undo_bar.isVisibleTo(review)
    assert "Waived INV-2000" in review.undo_bar.text.text()
    assert review.made_model.rowCount() == 1
    assert review.charges == []  # the waived days are still charged
    qtbot.keyClick(review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert m.Invoice.get(m.Invoice.number == "INV-2000").state == "sent"
    assert review.made_model.rowCount() == 2


def test_every_access_key_in_the_review_is_unique(review: LateInterestDialog):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [w.text() for w in review.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in review.findChildren(QAbstractButton)]
    keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
    assert len(keys) == len(set(keys)) >= 4


def test_the_invoices_tab_opens_the_review_with_ctrl_shift_l(
    qtbot: QtBot, late_book: peewee.SqliteDatabase
):
    tab = InvoicesTab(today=lambda: DAY)
    qtbot.addWidget(tab)
    action = tab.late_interest_action
    assert action.text() == "&Late interest…"
    assert QKeySequence("Ctrl+Shift+F") in action.shortcuts()
    assert action in tab.toolbar.actions()


def test_no_rate_says_where_to_set_it(qtbot: QtBot, late_book: peewee.SqliteDatabase):
    m.Business.update(late_fee_percent_per_month=D(0)).execute()
    dialog = LateInterestDialog(DAY)
    qtbot.addWidget(dialog)
    assert dialog.due.rowCount() == 0 and not dialog.apply_button.isEnabled()
    assert "Your rate is 0" in dialog.intro.text()
