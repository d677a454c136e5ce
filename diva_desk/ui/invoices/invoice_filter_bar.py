"""The row of filters above the invoice list, and the footer that adds up what it shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from diva_desk.i18n import _
from diva_desk.ui.common.dates import date_edit, qdate
from diva_desk.ui.common.layouts.flow_layout import FlowLayout
from diva_desk.ui.invoices.invoice_filters import (
    InvoiceFilter,
    Period,
    StatusFilter,
    period_range,
    period_text,
    status_filter_text,
)


def _day(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class FilterBar(QWidget):
    """Status, period (with its dates), customer; ``changed`` whenever one moves."""

    changed = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("invoiceFilters")
        self._today = today
        self._customers: list[tuple[int, str, str]] = []
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.setAccessibleName(_("Show invoices"))
        for choice in StatusFilter:
            self.status.addItem(status_filter_text(choice), choice)
        self.period = QComboBox(self)
        self.period.setObjectName("periodFilter")
        self.period.setAccessibleName(_("Issued"))
        for period in Period:
            self.period.addItem(period_text(period), period)
        self.issued_from = date_edit(self, today(), "issuedFrom")
        self.issued_to = date_edit(self, today(), "issuedTo")
        for edit in (self.issued_from, self.issued_to):
            edit.dateChanged.connect(self._dates_changed)
        self.until = QLabel(_("to"), self)
        self.customer = QComboBox(self)
        self.customer.setObjectName("customerFilter")
        self.customer.setAccessibleName(_("Customer"))
        self.customer.setEditable(True)
        self.customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Narrow windows squeeze the filters rather than the list beside the Today panel.
        for combo in (self.status, self.period, self.customer):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        self.customer.setMinimumContentsLength(20)
        completer = QCompleter(self.customer.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.customer.setCompleter(completer)
        self.customer.addItem(_("All customers"), None)
        self.clear = QPushButton(_("Show &all"), self)
        self.clear.setObjectName("clearFilters")
        self.clear.setToolTip(_("Clear the filters"))

        self.footer = QLabel(self)
        self.footer.setObjectName("invoicesFooter")
        self.footer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.footer.setStyleSheet("font-weight: 600; padding: 2px 4px;")
        self.footer.setWordWrap(True)
        self.footer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        # Each caption stays with its field; the groups wrap onto a second row when
        # the window is narrow, rather than squeezing the list beside the Today panel.
        layout = FlowLayout(self, spacing=10)
        layout.addWidget(self._group(_("Sho&w:"), self.status))
        layout.addWidget(
            self._group(_("Iss&ued:"), self.period, self.issued_from, self.until, self.issued_to)
        )
        layout.addWidget(self._group(_("Cust&omer:"), self.customer))
        layout.addWidget(self.clear)

        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.customer.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.customer.lineEdit().editingFinished.connect(self._customer_typed)
        self.clear.clicked.connect(self.reset)
        self._show_dates(Period.ANY)

    def _group(self, caption: str, *widgets: QWidget) -> QWidget:
        group = QWidget(self)
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(caption, group)
        label.setBuddy(widgets[0])
        row.addWidget(label)
        for widget in widgets:
            row.addWidget(widget)
        return group

    # --- choices ----------------------------------------------------------------------

    def set_customers(self, customers: Sequence[tuple[int, str, str]]) -> None:
        """The customers that have invoices (id, name, code), by name; the one chosen stays
        chosen. Nothing is rebuilt when they are the ones already offered."""
        if list(customers) == self._customers:
            return
        self._customers = list(customers)
        chosen = self.customer.currentData()
        names = {customer_id: f"{name} ({code})" for customer_id, name, code in customers}
        self.customer.blockSignals(True)
        self.customer.clear()
        self.customer.addItem(_("All customers"), None)
        for customer_id, name in sorted(names.items(), key=lambda item: item[1].casefold()):
            self.customer.addItem(name, customer_id)
        self.customer.setCurrentIndex(max(self.customer.findData(chosen), 0))
        self.customer.blockSignals(False)

    def set_status(self, choice: StatusFilter) -> None:
        self.status.setCurrentIndex(self.status.findData(choice))

    def set_period(self, period: Period) -> None:
        self.period.setCurrentIndex(self.period.findData(period))

    def set_customer(self, customer_id: int | None) -> None:
        self.customer.setCurrentIndex(max(self.customer.findData(customer_id), 0))

    def reset(self) -> None:
        self.blockSignals(True)
        self.set_status(StatusFilter.ALL)
        self.set_period(Period.ANY)
        self.set_customer(None)
        self.blockSignals(False)
        self.changed.emit()

    def current(self) -> InvoiceFilter:
        period = Period(self.period.currentData())
        dates: tuple[dt.date | None, dt.date | None] = (None, None)
        if period is Period.BETWEEN:
            dates = (_day(self.issued_from), _day(self.issued_to))
        elif (named := period_range(period, self._today())) is not None:
            dates = named
        customer = self.customer.currentData()
        return InvoiceFilter(
            status=StatusFilter(self.status.currentData()),
            issued_from=dates[0],
            issued_to=dates[1],
            customer_id=customer if isinstance(customer, int) else None,
        )

    # --- reacting ---------------------------------------------------------------------

    def _period_chosen(self) -> None:
        self._show_dates(Period(self.period.currentData()))
        self.changed.emit()

    def _show_dates(self, period: Period) -> None:
        """The dates a named period covers are shown; only "Between…" lets you set them."""
        shown = period is not Period.ANY
        for widget in (self.issued_from, self.until, self.issued_to):
            widget.setVisible(shown)
        self.issued_from.setEnabled(period is Period.BETWEEN)
        self.issued_to.setEnabled(period is Period.BETWEEN)
        named = period_range(period, self._today())
        if named is not None:
            for edit, day in ((self.issued_from, named[0]), (self.issued_to, named[1])):
                edit.blockSignals(True)
                edit.setDate(qdate(day))
                edit.blockSignals(False)

    def _dates_changed(self) -> None:
        if Period(self.period.currentData()) is Period.BETWEEN:
            self.changed.emit()

    def _customer_typed(self) -> None:
        text = self.customer.currentText().strip().casefold()
        if not text:
            self.set_customer(None)
            return
        names = [self.customer.itemText(i).casefold() for i in range(self.customer.count())]
        matches = [i for i, name in enumerate(names) if i > 0 and text in name]
        if len(matches) == 1:
            self.customer.setCurrentIndex(matches[0])
