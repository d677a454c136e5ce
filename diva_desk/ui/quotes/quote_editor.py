"""Writing or changing a quote: its customer, dates, deposit, notes and lines.

The lines are the invoice editor's own (InvoiceLinesModel and its tax picker), so a
quote's lines are typed, checked and totalled as an invoice's are. Save is refused
with the book's sentence shown in the dialog; closing with changes asks first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.money import ZERO
from diva_desk.core.quotes.states import quote_deposit, quote_total
from diva_desk.errors import BadInput, UserFacingError
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.i18n.format import BadTypedAmount
from diva_desk.store.book.tax_groups import tax_picks
from diva_desk.store.invoices.lists import customer_rows
from diva_desk.store.quotes.quote_edits import QuoteDraft, draft_quote_for, save_quote
from diva_desk.store.quotes.quote_rows import quote_by_id, quote_row
from diva_desk.ui.common import dialogs
from diva_desk.ui.common.dialogs import date_edit, day_of
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.invoices.editor.invoice_form import qdate
from diva_desk.ui.invoices.editor.invoice_lines_model import (
    InvoiceLinesModel,
    LineColumn,
    TaxDelegate,
)


class QuoteEditor(QDialog):
    """A new quote (``quote_id`` None) or an existing draft or unanswered sent one."""

    def __init__(self, today: dt.date, quote_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quoteEditor")
        self.today = today
        self.quote_id = quote_id
        self.saved_id: int | None = None
        #: The quote's currency: the customer's for a new one, its own once saved.
        self.currency = "CAD"
        self.setWindowTitle(
            _("New quote")
            if quote_id is None
            else _("Quote {number}").format(number=quote_row(quote_id).number)
        )

        self.customer = QComboBox(self)
        self.customer.setObjectName("quoteCustomer")
        self.issue_date = date_edit(self, today, "quoteDate")
        self.valid_until = date_edit(self, today, "quoteValidUntil")
        self.deposit = QLineEdit(self)
        self.deposit.setObjectName("quoteDeposit")
        self.deposit.setMaximumWidth(90)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("quoteNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(_("Printed on the quote, under the lines"))
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4)
        self.lines = InvoiceLinesModel(tax_picks(), "CAD", self)
        self.table = QTableView(self)
        self.table.setObjectName("quoteLines")
        self.table.setModel(self.lines)
        self.table.setItemDelegateForColumn(LineColumn.TAX, TaxDelegate(self.lines, self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LineColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((LineColumn.QUANTITY, 80), (LineColumn.UNIT_PRICE, 110),
                              (LineColumn.TAX, 130), (LineColumn.AMOUNT, 110)):  # fmt: skip
            header.resizeSection(column, width)
        self.add_line_button = QPushButton(_("&Add line"), self)
        self.remove_line_button = QPushButton(_("Re&move line"), self)
        for button, keys, slot in (
            (self.add_line_button, "Ctrl+Shift+=", self.add_line),
            (self.remove_line_button, "Ctrl+Shift+-", self.remove_line),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, slot=slot: slot())
            button.setToolTip(keys)
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _c=False, slot=slot: slot())
            self.addAction(action)
        self.totals = QLabel(self)
        self.totals.setObjectName("quoteTotals")
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.problem = QLabel(self)
        self.problem.setObjectName("quoteProblem")
        self.problem.setProperty("role", "problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(
            _("&Save quote"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("quoteSave")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self._fill()
        self.lines.lines_changed.connect(self._show_totals)
        self.deposit.textChanged.connect(lambda _t: self._show_totals())
        self.customer.currentIndexChanged.connect(lambda _i: self._customer_changed())
        self._saved_state = self._state()
        fit_to_screen(self, 860, 620)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self._label(_("C&ustomer:"), self.customer), self.customer)
        dates = QHBoxLayout()
        dates.addWidget(self.issue_date)
        dates.addWidget(self._label(_("&Valid until:"), self.valid_until))
        dates.addWidget(self.valid_until)
        dates.addStretch(1)
        form.addRow(self._label(_("Da&te:"), self.issue_date), dates)
        deposit = QHBoxLayout()
        deposit.addWidget(self.deposit)
        deposit.addWidget(QLabel(_("% of the total, asked when the quote is accepted"), self))
        deposit.addStretch(1)
        form.addRow(self._label(_("&Deposit:"), self.deposit), deposit)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.add_line_button)
        line_buttons.addWidget(self.remove_line_button)
        line_buttons.addStretch(1)
        line_buttons.addWidget(self.totals)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(line_buttons)
        layout.addWidget(self._label(_("N&otes:"), self.notes))
        layout.addWidget(self.notes)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _fill(self) -> None:
        own = quote_row(self.quote_id).customer_id if self.quote_id is not None else None
        for row in customer_rows(self.today):
            if not row.archived or row.id == own:
                self.customer.addItem(f"{row.name} ({row.code})", row.id)
        self.customer.setCurrentIndex(-1)
        if self.quote_id is None:
            self.lines.add_line()
            self.customer.setFocus()
            return
        quote = quote_by_id(self.quote_id)
        row = quote_row(self.quote_id)
        self.customer.setCurrentIndex(self.customer.findData(row.customer_id))
        self.issue_date.setDate(qdate(quote.issue_date))
        if quote.valid_until is not None:
            self.valid_until.setDate(qdate(quote.valid_until))
        self.deposit.setText(fmt.number(quote.deposit_percent))
        self.notes.setPlainText(quote.notes)
        self.lines.set_currency(quote.currency)
        self.lines.set_lines(quote.lines)
        self.currency = quote.currency
        self._show_totals()

    def _customer_changed(self) -> None:
        customer_id = self.customer.currentData()
        if not isinstance(customer_id, int) or self.quote_id is not None:
            return
        fresh = draft_quote_for(customer_id, self.today)
        self.currency = fresh.currency
        self.lines.set_currency(fresh.currency)
        self.deposit.setText(fmt.number(fresh.deposit_percent))
        if fresh.valid_until is not None:
            self.valid_until.setDate(qdate(fresh.valid_until))
        self._show_totals()

    # --- lines and figures --------------------------------------------------------------

    def add_line(self) -> None:
        row = self.lines.add_line()
        self.table.setFocus()
        self.table.setCurrentIndex(self.lines.index(row, LineColumn.DESCRIPTION))

    def remove_line(self) -> None:
        self.lines.remove_line(self.table.currentIndex().row())

    def percent(self) -> Decimal:
        """The deposit percent typed (``40``, ``40 %``, ``33,5`` in French), or BadInput."""
        text = self.deposit.text().strip().rstrip("%").strip() or "0"
        try:
            return fmt.parse_amount(text, _("Deposit"), places=4)
        except BadTypedAmount as exc:
            raise BadInput(str(exc)) from None

    def _show_totals(self) -> None:
        currency = self.currency
        lines = self.lines.lines()
        total = quote_total(lines, currency)
        text = _("Total: {total}").format(total=fmt.money(total, currency))
        try:
            percent = self.percent()
        except BadInput:
            percent = ZERO
        if percent > ZERO:
            deposit = quote_deposit(lines, percent, currency)
            text += "  ·  " + _("{percent} deposit: {amount}").format(
                percent=fmt.percent(percent), amount=fmt.money(deposit, currency)
            )
        self.totals.setText(text)

    # --- saving ---------------------------------------------------------------------------

    def draft(self) -> QuoteDraft:
        customer_id = self.customer.currentData()
        if not isinstance(customer_id, int):
            raise BadInput(_("Choose a customer for the quote."))
        if problems := self.lines.problems():
            raise BadInput(problems[0])
        return QuoteDraft(
            customer_id=customer_id,
            issue_date=day_of(self.issue_date),
            valid_until=day_of(self.valid_until),
            currency=self.currency,
            deposit_percent=self.percent(),
            notes=self.notes.toPlainText(),
            lines=tuple(self.lines.lines()),
        )

    def _state(self) -> tuple[object, ...]:
        try:
            draft = dataclasses.astuple(self.draft())
        except BadInput:
            draft = ()
        return (draft, self.deposit.text(), self.notes.toPlainText(), len(self.lines.lines()))

    def accept(self) -> None:
        try:
            self.saved_id = save_quote(self.draft(), self.quote_id, today=self.today)
        except UserFacingError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        super().accept()

    def reject(self) -> None:
        if self._state() != self._saved_state and not dialogs.confirm(
            self,
            _("Unsaved changes"),
            _("Close without saving the changes to this quote?"),
            _("&Discard changes"),
        ):
            return
        super().reject()
