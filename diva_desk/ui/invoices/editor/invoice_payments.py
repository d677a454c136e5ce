"""The payments received on the invoice shown, each one correctable: edit, move, delete.

Listed under the invoice's lines once it is sent (or void). A person corrects a
payment from the buttons, the list's context menu, or the keys: Enter edits the
selected payment, Delete deletes it (after asking), and the move goes to the
customer's other open invoices in the same currency. Each correction is noted in
the customer's history by the book (store.payment_edits) and offers a short undo,
like the Today panel's outcomes: for a few seconds, "Undo" (or Ctrl+Z) puts the
payment back as it was and takes the note out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core import records as r
from diva_desk.core.invoices.payment_methods import payment_method_label
from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.store.invoices.editing import InvoiceDetail
from diva_desk.store.invoices.payment_edits import (
    PaymentChange,
    delete_payment,
    move_targets,
    payment_fields,
    undo_payment_change,
)
from diva_desk.ui.common import dialogs, errors, style
from diva_desk.ui.common.tables.table_models import Column, RowTableModel, date_column, money_column
from diva_desk.ui.common.undo_bar import UndoBar
from diva_desk.ui.invoices.editor.editor_host import EditorHost
from diva_desk.ui.invoices.payment_edit_dialog import (
    MovePaymentDialog,
    PaymentEditDialog,
    described,
)

VISIBLE_ROWS = 4
#: The column that takes the width left over.
REFERENCE = 3


@dataclass(frozen=True)
class PaymentRow:
    id: int
    date: dt.date
    amount: Decimal
    currency: str
    method: r.PaymentMethod | None
    reference: str
    is_deposit: bool
    #: Dated after today: listed, but not counted in the balance until its day.
    ahead: bool


def payment_rows(detail: InvoiceDetail, today: dt.date) -> list[PaymentRow]:
    currency = detail.invoice.currency
    return [
        PaymentRow(
            pid, p.date, p.amount, currency, p.method, p.reference, p.is_deposit, p.date > today
        )
        for p, pid in zip(detail.payments, detail.payment_ids, strict=True)
    ]


def _note(row: PaymentRow) -> str:
    words = [_("Deposit")] if row.is_deposit else []
    if row.ahead:
        words.append(_("Dated ahead: not counted yet"))
    return " · ".join(words)


def columns() -> list[Column[PaymentRow]]:
    return [
        date_column(_("Received"), "date"),
        money_column(_("Amount"), "amount"),
        Column(_("Method"), lambda row: payment_method_label(row.method)),
        Column(_("Reference"), lambda row: row.reference, weight=2),
        Column(_("Note"), _note),
    ]


class PaymentsPanel(QFrame):
    """The invoice's payments, with Edit, Move and Delete, and the undo of the last one."""

    def __init__(self, host: EditorHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("paymentsPanel")
        style.themed(self, PANEL_STYLE)
        #: The editor, through its outside only (see editor_host).
        self.host = host
        #: The editor's window: it parents the questions and dialogs.
        self.owner = parent
        self.detail: InvoiceDetail | None = None
        self._undo: PaymentChange | None = None

        self.model: RowTableModel[PaymentRow] = RowTableModel(columns(), self)
        self.table = QTableView(self)
        self.table.setObjectName("paymentsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(
            REFERENCE, QHeaderView.ResizeMode.Stretch
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.edit())

        self.title = QLabel(_("Payments rece&ived:"), self)
        self.title.setObjectName("paymentsTitle")
        self.title.setBuddy(self.table)
        self.edit_button = self._button(_("&Edit…"), "editPayment", self.edit)
        self.move_button = self._button(_("Move to anot&her invoice…"), "movePayment", self.move)
        self.delete_button = self._button(_("De&lete…"), "deletePayment", self.delete)
        self.edit_action = self._action(_("Edit the payment…"), ("Return", "Enter"), self.edit)
        self.move_action = self._action(_("Move to another invoice…"), (), self.move)
        self.delete_action = self._action(
            _("Delete the payment…"), (QKeySequence(QKeySequence.StandardKey.Delete),), self.delete
        )
        self.edit_button.setToolTip(_("Correct the selected payment (Enter)"))
        self.delete_button.setToolTip(_("Delete the selected payment (Delete)"))

        self.undo_bar = UndoBar(self)
        self.undo_bar.button.setText(_("Und&o"))  # Alt+U is the editor's Customer field
        self.undo_bar.undo_clicked.connect(self.undo)
        self.undo_bar.timer.timeout.connect(self._show_or_hide)
        undo = QAction(_("Undo the last correction"), self)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.triggered.connect(self.undo)
        self.addAction(undo)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addStretch(1)
        for button in (self.edit_button, self.move_button, self.delete_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.undo_bar)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.hide()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        assert callable(slot)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def _action(self, text: str, keys: tuple[object, ...], slot: object) -> QAction:
        action = QAction(text, self.table)
        action.setShortcuts([QKeySequence(k) for k in keys])  # type: ignore[arg-type]
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        assert callable(slot)
        action.triggered.connect(lambda _c=False: slot())
        self.table.addAction(action)
        return action

    # --- what is shown ----------------------------------------------------------------

    def show_detail(self, detail: InvoiceDetail | None) -> None:
        """List the payments of the invoice the editor shows (none for a draft)."""
        kept = self.selected()
        self.detail = detail
        listed = detail is not None and detail.invoice.state is not r.InvoiceState.DRAFT
        rows = payment_rows(detail, self.host.today) if listed and detail else []
        self.model.set_rows(rows)
        self._fit_columns()
        ids = [row.id for row in rows]
        if ids:
            at = ids.index(kept.id) if kept is not None and kept.id in ids else 0
            self.table.selectRow(at)
        shown = min(max(len(rows), 1), VISIBLE_ROWS)
        rows_height = self.table.verticalHeader().defaultSectionSize() * shown
        self.table.setFixedHeight(
            rows_height + self.table.horizontalHeader().sizeHint().height() + 4
        )
        self._show_or_hide()
        self._update_actions()

    def _fit_columns(self) -> None:
        """Each column as wide as its widest text and some air; the reference takes the rest."""
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column != REFERENCE:
                wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
                header.resizeSection(column, wanted + 24)

    def _show_or_hide(self) -> None:
        listed = self.detail is not None and self.detail.invoice.state is not r.InvoiceState.DRAFT
        self.setVisible(listed and (self.model.rowCount() > 0 or not self.undo_bar.isHidden()))

    def selected(self) -> PaymentRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def _update_actions(self) -> None:
        row, detail = self.selected(), self.detail
        sent = detail is not None and detail.invoice.state is r.InvoiceState.SENT
        can_edit = row is not None and sent
        self.edit_button.setEnabled(can_edit)
        self.edit_action.setEnabled(can_edit)
        if row is not None and not sent:
            self.edit_button.setToolTip(
                _("A payment on a void invoice can be moved to another invoice or deleted.")
            )
        else:
            self.edit_button.setToolTip(_("Correct the selected payment (Enter)"))
        targets = move_targets(row.id) if row is not None else []
        self.move_button.setEnabled(bool(targets))
        self.move_action.setEnabled(bool(targets))
        if row is not None and not targets and detail is not None:
            self.move_button.setToolTip(
                _("{customer} has no other open invoice in {currency}.").format(
                    customer=detail.customer.name, currency=detail.invoice.currency
                )
            )
        else:
            self.move_button.setToolTip(
                _("Move the selected payment to the invoice it really pays")
            )
        self.delete_button.setEnabled(row is not None)
        self.delete_action.setEnabled(row is not None)

    def _context_menu(self, where: QPoint) -> None:
        if self.selected() is None:
            return
        menu = QMenu(self)
        for action in (self.edit_action, self.move_action, self.delete_action):
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(where))

    # --- the corrections --------------------------------------------------------------

    def edit(self) -> None:
        row, detail = self.selected(), self.detail
        if row is None or detail is None or not self.edit_button.isEnabled():
            return
        try:
            dialog = PaymentEditDialog(detail.id, row.id, self.host.today, self.owner)
        except UserFacingError as exc:
            errors.show_failure(self.owner, exc)
            return
        if dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.change:
            self._corrected(dialog.change)

    def move(self) -> None:
        row, detail = self.selected(), self.detail
        if row is None or detail is None:
            return
        try:
            targets = move_targets(row.id)
        except UserFacingError as exc:
            errors.show_failure(self.owner, exc)
            return
        if not targets:
            return
        payment = described(payment_fields(row.id), row.currency)
        dialog = MovePaymentDialog(row.id, payment, detail.invoice.number, targets, self.owner)
        if dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.change:
            self._corrected(dialog.change)

    def delete(self) -> None:
        row, detail = self.selected(), self.detail
        if row is None or detail is None:
            return
        question = _(
            "Delete the payment of {payment} on {number}? It no longer counts toward the "
            "invoice, and the deletion is noted in {customer}'s history. You can undo it "
            "for a few seconds."
        ).format(
            payment=described(payment_fields(row.id), row.currency),
            number=detail.invoice.number,
            customer=detail.customer.name,
        )
        if not dialogs.confirm(self.owner, _("Delete the payment"), question, _("&Delete payment")):
            return
        try:
            change = delete_payment(row.id)
        except UserFacingError as exc:
            errors.show_failure(self.owner, exc)
            return
        self._corrected(change)

    def _corrected(self, change: PaymentChange) -> None:
        self._undo = change
        self.undo_bar.offer(change.summary)
        self._reload()
        self.host.announce(change.summary)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo(self) -> None:
        """Take back the last correction, while its undo is still offered."""
        if self._undo is None or self.undo_bar.isHidden():
            return
        change, self._undo = self._undo, None
        self.undo_bar.expire()
        try:
            undo_payment_change(change)
        except UserFacingError as exc:
            self._reload()
            errors.show_failure(self.owner, exc)
            return
        self._reload()
        self.host.announce(_("Undone: the payment is as it was."))

    def _reload(self) -> None:
        host = self.host
        if host.invoice_id is not None:
            host.load_invoice(host.invoice_id)
        host.book_written()
        self._show_or_hide()


PANEL_STYLE = """
#paymentsTitle { font-weight: 600; }
#undoBar {
    background: @settled~12; border: 1px solid @settled~35; border-radius: 8px;
}
#undoText { color: palette(text); }
#undoButton {
    padding: 4px 14px; border: 1px solid @settled~60; border-radius: 5px;
    background: palette(base); color: @settled; font-weight: 600;
}
#undoButton:focus { border: 2px solid @focus; }
"""
