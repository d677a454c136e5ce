"""The Reports tab: how much is owed, how old it is, who owes most, and how fast money comes in.

Three charts (aging over the last months, invoiced vs collected, DSO), the aging
report as a table with its totals, and the ten customers who owe the most. All
figures are store.reports' results (see ui.report_models); an "As of" date reads
them again for any day. Enter or a double click on a customer opens them in the
Customers tab; the aging exports to CSV and PDF off the GUI thread.

The tab reads the book only while it is shown: a refresh of the window while
another tab is up just marks it stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from diva_desk.errors import BookProblem
from diva_desk.i18n import _
from diva_desk.store.aging_export import aging_csv, aging_pdf
from diva_desk.store.business import get_business
from diva_desk.ui import style
from diva_desk.ui.aging_table import AgingTableModel, DebtorTableModel, TotalsLastProxy
from diva_desk.ui.charts import Chart, GroupedBarChart, LineChart, StackedBarChart
from diva_desk.ui.dates import date_edit
from diva_desk.ui.errors import show_failure
from diva_desk.ui.report_layout import Arrangement, PanelGrid, fit_height, panel
from diva_desk.ui.report_models import (
    DEBTORS_SHOWN,
    ReportFigures,
    aging_chart,
    dso_chart,
    dso_summary,
    flows_chart,
    read_figures,
)
from diva_desk.ui.table_models import ROW_ROLE, SearchProxyModel
from diva_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from diva_desk.ui.customers_tab import CustomersTab

#: Rows of the aging table shown before it scrolls (the page scrolls the rest into view).
AGING_ROWS_SHOWN = 40

_STYLE = """
QLabel[role="caption"] { font-weight: 600; }
QLabel[role="note"] { color: @muted; }
QLabel#reportsEmptyTitle { font-size: 17pt; font-weight: 600; }
"""


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _table(name: str, proxy: SearchProxyModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class ReportsTab(QWidget):
    #: A customer was chosen in a table (their id and code): show them in Customers.
    customer_wanted = Signal(int, str)
    status_message = Signal(str)

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

        self.as_of_edit = date_edit(self, self._today, "reportsAsOf")
        self.as_of_edit.setAccessibleName(_("As of"))
        self.as_of_edit.dateChanged.connect(lambda _day: self.recompute())
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

        self.csv_button = QPushButton(_("E&xport CSV…"), self)
        self.csv_button.setObjectName("reportsExportCsv")
        self.csv_button.setToolTip(_("Save the aging report for a spreadsheet"))
        self.csv_button.clicked.connect(lambda: self.export_csv())
        self.pdf_button = QPushButton(_("Export P&DF…"), self)
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
        for name, chart, caption, note in (
            ("aging", self.aging_chart, _("Owed, by how late"), None),
            ("flows", self.flows_chart, _("Invoiced and collected"), None),
            ("dso", self.dso_chart, _("Days sales outstanding, at month ends"), self.dso_label),
        ):
            chart.setAccessibleName(caption)
            page.add(name, panel(caption, chart, content, note))

        self.aging_model = AgingTableModel(self)
        self.aging_proxy = TotalsLastProxy(self)
        self.aging_proxy.setSourceModel(self.aging_model)
        self.aging_view = _table("agingView", self.aging_proxy, content)
        self.aging_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # A name squeezed below this is no name: the table scrolls sideways instead.
        self.aging_view.horizontalHeader().setMinimumSectionSize(90)
        self.debtor_model = DebtorTableModel(self)
        self.debtor_proxy = SearchProxyModel(self)
        self.debtor_proxy.setSourceModel(self.debtor_model)
        self.debtor_view = _table("debtorsView", self.debtor_proxy, content)
        self.debtor_view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        # The export buttons sit over the table they export.
        for name, view, caption, buttons in (
            ("table", self.aging_view, _("Aging report"), [self.csv_button, self.pdf_button]),
            ("debtors", self.debtor_view, _("The ten who owe the most"), []),
        ):
            view.activated.connect(self._open_customer)
            page.add(name, panel(caption, view, content, buttons=buttons))
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
        if following and self.as_of() != today:
            self.as_of_edit.setDate(_qdate(today))  # recomputes, if shown
        elif self.isVisible():
            self.recompute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.recompute()

    def recompute(self) -> None:
        """Read every figure for the as-of day again and show them."""
        if not self.isVisible() and self.figures is not None:
            self._stale = True
            return
        self._stale = False
        self.figures = figures = read_figures(self.as_of())
        self.stack.setCurrentIndex(1 if figures.any_invoices else 0)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(figures.any_invoices)
        self._fill_currencies(figures.currencies())
        self.aging_model.show(figures.aging)
        self.debtor_model.show(figures.as_of, figures.debtors)
        fit_height(self.aging_view, AGING_ROWS_SHOWN)
        fit_height(self.debtor_view, DEBTORS_SHOWN)
        self._draw_charts()

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

    def charts(self) -> list[Chart]:
        return [self.aging_chart, self.flows_chart, self.dso_chart]

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

    def _ask_path(self, title: str, suggested: str, kinds: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / suggested), kinds
        )
        if not chosen:
            return None
        path = Path(chosen)
        suffix = Path(suggested).suffix
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def export_csv(self, path: Path | None = None) -> None:
        """Write the aging on the as-of day to a CSV file (asking where, unless told)."""
        as_of = self.as_of()
        path = path or self._ask_path(
            _("Export the aging report"), f"aging-{as_of.isoformat()}.csv", _("CSV files (*.csv)")
        )
        if path is not None:
            self._export(lambda: _write_csv(path, as_of), path)

    def export_pdf(self, path: Path | None = None) -> None:
        """Write the aging on the as-of day as a PDF (asking where, unless told)."""
        as_of = self.as_of()
        path = path or self._ask_path(
            _("Export the aging report"), f"aging-{as_of.isoformat()}.pdf", _("PDF (*.pdf)")
        )
        if path is not None:
            self._export(lambda: _write_pdf(path, as_of), path)

    def _export(self, work: Callable[[], object], path: Path) -> None:
        self.status_message.emit(_("Exporting the aging report…"))

        def done(_result: object) -> None:
            self.status_message.emit(_("Saved the aging report to {path}.").format(path=path))

        def failed(error: BaseException) -> None:
            self.status_message.emit("")
            show_failure(self, error)

        self._tasks.run(work, done, failed)


def _write_csv(path: Path, as_of: dt.date) -> int:
    try:
        return aging_csv(path, as_of)  # itself written beside the file and renamed
    except OSError as exc:
        raise _not_written(path, exc) from exc


def _write_pdf(path: Path, as_of: dt.date) -> None:
    """The PDF goes to a temporary file beside ``path``, renamed once complete."""
    data = aging_pdf(as_of)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        raise _not_written(path, exc) from exc
    finally:
        partial.unlink(missing_ok=True)


def _not_written(path: Path, error: OSError) -> BookProblem:
    return BookProblem(
        _("Could not write {path}: {reason}.").format(path=path, reason=error.strerror or error)
    )


def show_customer_in(
    tabs: QTabWidget, customers: CustomersTab, customer_id: int, code: str
) -> None:
    """Bring up the Customers tab with this customer chosen.

    When a search or a filter hides them, the search is set to their code first.
    """
    tabs.setCurrentWidget(customers)
    if not customers.select_customer(customer_id):
        customers.search.setText(code)
        customers.select_customer(customer_id)
    customers.view.setFocus(Qt.FocusReason.OtherFocusReason)
