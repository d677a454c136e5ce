"""The Reports tab's sales tax section: tax collected per tax name in a period, for filing.

From and To pick the period (the last full quarter to start with: what a quarterly
filer files next); the figures are read on the TaskRunner's worker once the dates
rest, and export to CSV and PDF off the GUI thread. One block of rows per currency:
each tax with its rates, taxable sales and tax collected, then all sales and the
total tax (docs/taxes.md says which return lines they feed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from diva_desk.core.invoices.tax_names import tax_label
from diva_desk.core.invoices.tax_summary import TaxSummary
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.saved_files import write_bytes
from diva_desk.ui.common.dates import date_edit
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.reports.report_export import ask_path, not_written
from diva_desk.ui.reports.report_layout import fit_height, report_table

Index = QModelIndex | QPersistentModelIndex
SETTLE_MS = 300


def last_quarter(today: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar quarter before the one ``today`` is in, first and last day."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    end = dt.date(today.year, first_month, 1) - dt.timedelta(days=1)
    return dt.date(end.year, end.month - 2, 1), end


@dataclass(frozen=True)
class _Row:
    cells: tuple[str, str, str, str]
    total: bool = False


class TaxSummaryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[_Row] = []
        self._titles = (_("Tax"), _("Rates"), _("Taxable sales"), _("Tax collected"))

    def show(self, summary: TaxSummary) -> None:
        self.beginResetModel()
        self.rows = []
        for c in summary.currencies:
            for t in c.taxes:
                rates = ", ".join(fmt.percent(rate) for rate in t.rates)
                money = (fmt.money(t.taxable, c.currency), fmt.money(t.collected, c.currency))
                self.rows.append(_Row((tax_label(t.name), rates, *money)))
            count = ngettext("{count} invoice", "{count} invoices", c.invoices).format(
                count=fmt.number(c.invoices)
            )
            label = _("All sales, {currency} ({invoices})").format(
                currency=c.currency, invoices=count
            )
            money = (fmt.money(c.sales, c.currency), fmt.money(c.collected, c.currency))
            self.rows.append(_Row((label, "", *money), total=True))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(index.column())
        if role == Qt.ItemDataRole.FontRole and row.total:
            font = QFont()
            font.setBold(True)
            return font
        return None


def _alignment(column: int) -> int:
    side = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
    return int(side | Qt.AlignmentFlag.AlignVCenter)


class TaxSummaryPanel(QWidget):
    """From and To, the table, a note; the export buttons go in the panel's caption."""

    def __init__(
        self,
        tasks: TaskRunner,
        today: dt.date,
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taxSummary")
        self._tasks = tasks
        self._status = status
        self.summary: TaxSummary | None = None
        self._reading = False
        self._again = False
        start, end = last_quarter(today)
        self.start_edit = date_edit(self, start, "taxFrom")
        self.end_edit = date_edit(self, end, "taxTo")
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.refresh)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        # "Issued between … and": Alt+T is the call card's Talking points, Alt+O the CSV
        # button's; the end date is the next Tab stop.
        for text, edit in ((_("Issued bet&ween"), self.start_edit), (_("and"), self.end_edit)):
            if bar.count():
                bar.addSpacing(8)
            label = QLabel(text, self)
            label.setBuddy(edit)
            edit.dateChanged.connect(lambda _day: self._settle.start())
            bar.addWidget(label)
            bar.addWidget(edit)
        bar.addStretch(1)
        self.model = TaxSummaryModel(self)
        self.view = report_table("taxSummaryView", self.model, self)
        self.view.setSortingEnabled(False)
        self.note = QLabel(self)
        self.note.setObjectName("taxSummaryNote")
        self.note.setProperty("role", "note")
        self.note.setWordWrap(True)
        self.csv_button = QPushButton(_("Exp&ort tax CSV…"), self)
        self.csv_button.setObjectName("taxExportCsv")
        self.csv_button.clicked.connect(lambda: self.export_csv())
        # No Alt letter is left for it (every one of "Export tax PDF" is taken in this
        # view); it is the next Tab stop after the CSV button.
        self.pdf_button = QPushButton(_("Export tax PDF…"), self)
        self.pdf_button.setObjectName("taxExportPdf")
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        layout.addWidget(self.note)

    def period(self) -> tuple[dt.date, dt.date]:
        days = [edit.date() for edit in (self.start_edit, self.end_edit)]
        start, end = (dt.date(d.year(), d.month(), d.day()) for d in days)
        return start, end

    def period_problem(self) -> str | None:
        start, end = self.period()
        if start > end:
            return _("The period starts after it ends: set From on or before To.")
        return None

    def refresh(self) -> None:
        """Read the period's figures on the worker (one read at a time)."""
        from diva_desk.store.taxes.collected import tax_summary_for

        self._settle.stop()
        if problem := self.period_problem():
            self.note.setText(problem)
            self.model.show(TaxSummary(*self.period(), ()))
            for button in (self.csv_button, self.pdf_button):
                button.setEnabled(False)
            return
        if self._reading:
            self._again = True
            return
        self._reading = True
        start, end = self.period()
        self._tasks.run(lambda: tax_summary_for(start, end), self._show, self._failed)

    def reader(self) -> Callable[[], TaxSummary | None]:
        """The read of the period as the dates stand, for the tab's own read of the book
        (one task for all of the tab's figures); None where the period is wrong."""
        from diva_desk.store.taxes.collected import tax_summary_for

        if self.period_problem():
            return lambda: None
        start, end = self.period()
        return lambda: tax_summary_for(start, end)

    def take(self, summary: object) -> None:
        """The figures the tab read alongside its own, if they are still the period's."""
        if isinstance(summary, TaxSummary) and not self._reading:
            self._reading = True
            self._show(summary)
        elif summary is None:
            self.refresh()  # says what is wrong with the period

    def _failed(self, error: BaseException) -> None:
        self._reading = self._again = False
        show_failure(self, error)

    def _show(self, summary: TaxSummary) -> None:
        self._reading = False
        if self._again or (summary.start, summary.end) != self.period():
            self._again = False
            self.refresh()
            return
        self.summary = summary
        self.model.show(summary)
        fit_height(self.view, 12)
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(True)
        self.note.setText(
            _(
                "Invoices issued in the period and sent; void invoices are left out. "
                "Input tax credits are not tracked: take them from your purchases."
            )
            if summary.currencies
            else _("No invoice was issued in this period.")
        )

    # --- exporting ---------------------------------------------------------------------

    def _name(self, suffix: str) -> str:
        start, end = self.period()
        return f"sales-tax-{start.isoformat()}-to-{end.isoformat()}.{suffix}"

    def export_csv(self, path: Path | None = None) -> None:
        path = path or ask_path(
            self, _("Export the sales tax"), self._name("csv"), _("CSV files (*.csv)")
        )
        if path is not None:
            start, end = self.period()
            self._export(lambda: _write_csv(path, start, end), path)

    def export_pdf(self, path: Path | None = None) -> None:
        path = path or ask_path(
            self, _("Export the sales tax"), self._name("pdf"), _("PDF (*.pdf)")
        )
        if path is not None:
            start, end = self.period()
            self._export(lambda: _write_pdf(path, start, end), path)

    def _export(self, work: Callable[[], object], path: Path) -> None:
        self._status(_("Exporting the sales tax…"))

        def done(_result: object) -> None:
            self._status(_("Saved the sales tax to {path}.").format(path=path))

        def failed(error: BaseException) -> None:
            self._status("")
            show_failure(self, error)

        self._tasks.run(work, done, failed)


def _write_csv(path: Path, start: dt.date, end: dt.date) -> int:
    from diva_desk.exports.taxes import tax_csv  # ReportLab's package: when asked

    try:
        return tax_csv(path, start, end)
    except OSError as exc:
        raise not_written(path, exc) from exc


def _write_pdf(path: Path, start: dt.date, end: dt.date) -> None:
    from diva_desk.exports.taxes import tax_pdf

    data = tax_pdf(start, end)
    try:
        write_bytes(path, data)
    except OSError as exc:
        raise not_written(path, exc) from exc
