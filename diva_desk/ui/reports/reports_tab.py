"""The Reports tab: how much is owed, how old it is, who owes most, and how fast money comes in.

Charts of the money (aging by month end, invoiced vs collected, DSO) and of how
customers pay (days to pay, promises kept and broken, deposits asked and received),
the aging table with its totals, and the ten who owe the most: store.reports'
figures (ui.report_models, ui.paying_charts) as of any day. Enter or a double click
on a customer opens them; the aging exports to CSV and PDF off the GUI thread.

The figures are read on the TaskRunner's worker too (a dozen aggregates take a
moment on a large book), once the As-of date has rested for :data:`SETTLE_MS`, and
only while the tab is shown: a refresh while another tab is up marks it stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from diva_desk.i18n import _
from diva_desk.store.book.business import get_business
from diva_desk.ui.common import style
from diva_desk.ui.common.dates import date_edit, qdate
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.tables.table_models import ROW_ROLE, SearchProxyModel
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.reports.aging_table import AgingTableModel, DebtorTableModel, TotalsLastProxy
from diva_desk.ui.reports.chart_kinds import GroupedBarChart, LineChart, StackedBarChart
from diva_desk.ui.reports.charts import Chart
from diva_desk.ui.reports.paying_charts import days_to_pay_chart, deposits_chart, promises_chart
from diva_desk.ui.reports.report_export import ask_path, write_csv, write_pdf
from diva_desk.ui.reports.report_layout import (
    Arrangement,
    PanelGrid,
    fit_height,
    panel,
    report_table,
)
from diva_desk.ui.reports.report_models import (
    DEBTORS_SHOWN,
    ReportFigures,
    aging_chart,
    dso_chart,
    dso_explained,
    dso_summary,
    flows_chart,
    read_figures,
)
from diva_desk.ui.reports.tax_panel import TaxSummaryPanel

#: Rows of the aging table shown before it scrolls (the page scrolls the rest into view).
AGING_ROWS_SHOWN = 40
#: How long the As-of date must rest before the figures are read again.
SETTLE_MS = 300
#: The earliest As-of day offered; the latest is ten years after today.
FIRST_AS_OF = dt.date(2000, 1, 1)

_STYLE = """
QLabel[role="caption"] { font-weight: 600; }
QLabel[role="note"] { color: @muted; }
QLabel#reportsEmptyTitle { font-size: 17pt; font-weight: 600; }
"""


def _latest_as_of(today: dt.date) -> QDate:
    """Ten years after ``today`` (Feb 28 for a Feb 29): far enough for any plan."""
    first = QDate(today.year + 10, today.month, 1)
    return QDate(first.year(), first.month(), min(today.day, first.daysInMonth()))


class ReportsTab(QWidget):
    #: A customer was chosen in a table (their id and code): show them in Customers.
    customer_wanted = Signal(int, str)
    status_message = Signal(str)
    #: The figures of the As-of day are read and shown (for tests and anything waiting).
    figures_shown = Signal()

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsTab")
        style.themed(self, style.LISTS + _STYLE)
        self._tasks = tasks
        self._today = today()
        self._stale = True
        self.figures: ReportFigures | None = None
        #: The day whose figures are being read on the worker, if any.
        self._reading: dt.date | None = None
        #: Asked to read again while a read was under way (the book changed).
        self._again = False

        self.as_of_edit = date_edit(self, self._today, "reportsAsOf")
        self.as_of_edit.setDateRange(qdate(FIRST_AS_OF), _latest_as_of(self._today))
        self.as_of_edit.setAccessibleName(_("As of"))
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.recompute)
        self.as_of_edit.dateChanged.connect(lambda _day: self._settle.start())
        as_of_label = QLabel(_("&As of"), self)
        as_of_label.setBuddy(self.as_of_edit)

        self.currency = QComboBox(self)
        self.currency.setObjectName("reportsCurrency")
        self.currency.currentIndexChanged.connect(lambda _n: self._draw_charts())
        self.currency_label = QLabel(_("C&urrency"), self)
        self.currency_label.setBuddy(self.currency)

        self.dso_label = QLabel(self)
        self.dso_label.setObjectName("reportsDso")
        self.dso_label.setProperty("role", "note")
        self.dso_label.setWordWrap(True)
        self.dso_label.setToolTip(dso_explained())

        self.csv_button = QPushButton(_("E&xport CSV…"), self)
        self.csv_button.setObjectName("reportsExportCsv")
        self.csv_button.setToolTip(_("Save the aging report for a spreadsheet"))
        self.csv_button.clicked.connect(lambda: self.export_csv())
        self.pdf_button = QPushButton(_("Expo&rt PDF…"), self)
        self.pdf_button.setObjectName("reportsExportPdf")
        self.pdf_button.setToolTip(_("Save the aging report as a PDF to print or send"))
        self.pdf_button.clicked.connect(lambda: self.export_pdf())

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        for widget in (as_of_label, self.as_of_edit, self.currency_label, self.currency):
            bar.addWidget(widget)
        bar.addStretch(1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_report())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

    def _build_empty(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(_("No invoices yet"), page)
        title.setObjectName("reportsEmptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(
            _(
                "Once you send invoices, this page shows what is owed to you and how old "
                "it is, who owes the most, and how fast you get paid."
            ),
            page,
        )
        note.setProperty("role", "note")
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addStretch(2)
        self.empty_page = page
        return page

    def _build_report(self) -> QWidget:
        page = PanelGrid(self)
        content = page.content
        self.aging_chart = StackedBarChart("agingChart", content)
        self.flows_chart = GroupedBarChart("flowsChart", content)
        self.dso_chart = LineChart("dsoChart", content)
        self.days_chart = LineChart("daysToPayChart", content)
        self.promises_chart = GroupedBarChart("promisesChart", content)
        self.deposits_chart = GroupedBarChart("depositsChart", content)
        for name, chart, caption, note in (
            ("aging", self.aging_chart, _("Owed, by how late"), None),
            ("flows", self.flows_chart, _("Invoiced and collected"), None),
            ("dso", self.dso_chart, _("Days sales outstanding, at month ends"), self.dso_label),
            ("days", self.days_chart, _("Average days to pay, by month paid off"), None),
            ("promises", self.promises_chart, _("Promises kept and broken"), None),
            ("deposits", self.deposits_chart, _("Deposits asked and received"), None),
        ):
            chart.setAccessibleName(caption)
            page.add(name, panel(caption, chart, content, note))

        self.aging_model = AgingTableModel(self)
        self.aging_proxy = TotalsLastProxy(self)
        self.aging_proxy.setSourceModel(self.aging_model)
        self.aging_view = report_table("agingView", self.aging_proxy, content)
        self.aging_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # A name squeezed below this is no name: the table scrolls sideways instead.
        self.aging_view.horizontalHeader().setMinimumSectionSize(90)
        self.debtor_model = DebtorTableModel(self)
        self.debtor_proxy = SearchProxyModel(self)
        self.debtor_proxy.setSourceModel(self.debtor_model)
        self.debtor_view = report_table("debtorsView", self.debtor_proxy, content)
        self.debtor_view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        # The export buttons sit over the table they export.
        for name, view, caption, buttons in (
            ("table", self.aging_view, _("Aging report"), [self.csv_button, self.pdf_button]),
            ("debtors", self.debtor_view, _("The ten who owe the most"), []),
        ):
            view.activated.connect(self._open_customer)
            page.add(name, panel(caption, view, content, buttons=buttons))
        # The sales tax for filing: a period of its own, read with the rest.
        self.taxes = TaxSummaryPanel(self._tasks, self._today, self.status_message.emit, content)
        tax_buttons = [self.taxes.csv_button, self.taxes.pdf_button]
        caption = _("Sales tax collected, for filing")
        page.add("taxes", panel(caption, self.taxes, content, buttons=tax_buttons))
        page.arranged.connect(self._arranged)
        page.arrange(Arrangement.WIDE)
        self.page = page
        return page

    def _arranged(self, arrangement: Arrangement) -> None:
        # Half the width of a 700-pixel tab leaves a name no room beside four columns:
        # the oldest invoice's number gives way (it stays in the row's tooltip), and so
        # does the aging's oldest due date (the ten who owe most say how late it is).
        medium = arrangement is Arrangement.MEDIUM
        self.debtor_view.setColumnHidden(DebtorTableModel.NUMBER_COLUMN, medium)
        self.aging_view.setColumnHidden(AgingTableModel.OLDEST_COLUMN, medium)

    # --- reading the book ------------------------------------------------------------------

    def as_of(self) -> dt.date:
        value = self.as_of_edit.date()
        return dt.date(value.year(), value.month(), value.day())

    def reload(self, today: dt.date) -> None:
        """A refresh of the window: follow today's date unless another day was chosen."""
        following = self.as_of() == self._today
        self._today = today
        self._stale = True
        self.as_of_edit.setMaximumDate(_latest_as_of(today))
        if following and self.as_of() != today:
            self.as_of_edit.setDate(qdate(today))  # recomputes, if shown
        elif self.isVisible():
            self.recompute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.recompute()

    def recompute(self) -> None:
        """Read every figure for the as-of day again on the worker, then show them."""
        self._settle.stop()
        if not self.isVisible() and self.figures is not None:
            self._stale = True
            return
        self._stale = False
        if self._reading is not None:
            self._again = True  # one read at a time: this one is asked for when it is back
            return
        day = self._reading = self.as_of()
        read_taxes = self.taxes.reader()  # the sales tax section's period, read alongside
        self._tasks.run(lambda: (read_figures(day), read_taxes()), self._show, self._not_read)

    def is_settled(self) -> bool:
        """Whether the figures shown are the As-of day's, with nothing left to read."""
        return (
            self.figures is not None
            and self.figures.as_of == self.as_of()
            and self._reading is None
            and not self._settle.isActive()
        )

    def _not_read(self, error: BaseException) -> None:
        self._reading, self._again = None, False
        show_failure(self, error)

    def _show(self, read: tuple[ReportFigures, object]) -> None:
        figures, taxes = read
        self.taxes.take(taxes)
        again = self._again or figures.as_of != self.as_of()
        self._reading, self._again = None, False
        if again and not self._settle.isActive():
            self.recompute()  # the date moved on, or the book changed, while reading
        if figures.as_of != self.as_of():
            return
        self.figures = figures
        self.stack.setCurrentIndex(1 if figures.any_invoices else 0)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(figures.any_invoices)
        self._fill_currencies(figures.currencies())
        self.aging_model.show(figures.aging)
        self.debtor_model.show(figures.as_of, figures.debtors)
        fit_height(self.aging_view, AGING_ROWS_SHOWN)
        fit_height(self.debtor_view, DEBTORS_SHOWN)
        self._draw_charts()
        self.figures_shown.emit()

    def _fill_currencies(self, currencies: list[str]) -> None:
        """Offer each currency the book uses; keep the one chosen, else the business's own."""
        chosen = self.currency.currentText()
        business = get_business()
        home = business.currency if business else ""
        wanted = chosen if chosen in currencies else home if home in currencies else ""
        self.currency.blockSignals(True)
        self.currency.clear()
        self.currency.addItems(currencies)
        if wanted:
            self.currency.setCurrentText(wanted)
        self.currency.blockSignals(False)
        several = len(currencies) > 1
        self.currency.setVisible(several)
        self.currency_label.setVisible(several)

    def _draw_charts(self) -> None:
        figures = self.figures
        if figures is None:
            return
        currency = self.currency.currentText()
        if not currency:
            business = get_business()
            currency = business.currency if business else "CAD"
        self.aging_chart.set_data(aging_chart(figures, currency))
        self.flows_chart.set_data(flows_chart(figures, currency))
        self.dso_chart.set_data(dso_chart(figures, currency))
        self.dso_label.setText(dso_summary(figures, currency))
        self.days_chart.set_data(days_to_pay_chart(figures, currency))
        self.promises_chart.set_data(promises_chart(figures))
        self.deposits_chart.set_data(deposits_chart(figures, currency))

    def charts(self) -> list[Chart]:
        return [
            self.aging_chart,
            self.flows_chart,
            self.dso_chart,
            self.days_chart,
            self.promises_chart,
            self.deposits_chart,
        ]

    def focus_search(self) -> None:
        """Ctrl+F on this tab: the date is what one searches by here."""
        self.as_of_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- going to a customer ---------------------------------------------------------------

    def _open_customer(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        customer_id = getattr(row, "customer_id", None)
        if customer_id is not None:
            self.customer_wanted.emit(customer_id, row.code)

    # --- exporting ---------------------------------------------------------------------------

    def export_csv(self, path: Path | None = None) -> None:
        """Write the aging on the as-of day to a CSV file (asking where, unless told)."""
        as_of = self.as_of()
        path = path or ask_path(
            self,
            _("Export the aging report"),
            f"aging-{as_of.isoformat()}.csv",
            _("CSV files (*.csv)"),
        )
        if path is not None:
            self._export(lambda: write_csv(path, as_of), path)

    def export_pdf(self, path: Path | None = None) -> None:
        """Write the aging on the as-of day as a PDF (asking where, unless told)."""
        as_of = self.as_of()
        path = path or ask_path(
            self, _("Export the aging report"), f"aging-{as_of.isoformat()}.pdf", _("PDF (*.pdf)")
        )
        if path is not None:
            self._export(lambda: write_pdf(path, as_of), path)

    def _export(self, work: Callable[[], object], path: Path) -> None:
        self.status_message.emit(_("Exporting the aging report…"))

        def done(_result: object) -> None:
            self.status_message.emit(_("Saved the aging report to {path}.").format(path=path))

        def failed(error: BaseException) -> None:
            self.status_message.emit("")
            show_failure(self, error)

        self._tasks.run(work, done, failed)
