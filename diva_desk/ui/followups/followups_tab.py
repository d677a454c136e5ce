"""The Follow-ups tab: what is still to do, and what was said lately.

Two lists, one above the other: the open follow-ups, earliest first, and the
recent interactions (calls, emails, notes), newest first. One customer filter and
one date range narrow both, and the search box searches both. A follow-up can be
added by hand, marked done or moved to another day; the open ones can be exported
as an ``.ics`` calendar file that calendar apps open.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.errors import BookProblem, UserFacingError
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.calls.followup_edits import (
    mark_followup_done,
)
from diva_desk.store.calls.followups import FollowupRow
from diva_desk.store.customers.interactions import recent_interactions
from diva_desk.store.invoices.lists import customer_rows
from diva_desk.ui.common import errors, style
from diva_desk.ui.common.dates import qdate
from diva_desk.ui.common.dialogs import FormDialog, date_edit, day_of, exec_dialog
from diva_desk.ui.common.layouts.flow_layout import FlowLayout
from diva_desk.ui.common.tables.list_tab import ListTab
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.followups.followup_dialogs import FollowupDialog, RescheduleDialog
from diva_desk.ui.followups.followup_models import (
    FollowupFilter,
    InteractionTableModel,
    OpenFollowupModel,
)

RECENT_DAYS = 60


class FollowupsTab(ListTab):
    book_changed = Signal()
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, tasks: TaskRunner | None = None) -> None:
        #: Where the .ics file is written in the window (off the GUI thread); None: at once.
        self._tasks = tasks
        super().__init__(
            "followups",
            OpenFollowupModel(None, self._reload_interactions),
            search_hint=_("Search follow-ups and interactions by customer, reason or notes"),
            stretch_column=2,
            sort_column=0,
            proxy=FollowupFilter(lambda row: row.due_date),
            parent=parent,
        )
        self.model.setParent(self)
        self.proxy.setParent(self)
        self.interactions = InteractionTableModel(self)
        self.interaction_proxy = FollowupFilter(lambda row: row.at.date(), self)
        self.interaction_proxy.setSourceModel(self.interactions)
        self.interaction_view = QTableView(self)
        self.interaction_view.setObjectName("interactionsView")
        self.interaction_view.setModel(self.interaction_proxy)
        self.interaction_view.setSortingEnabled(True)
        self.interaction_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        for view in (self.view, self.interaction_view):
            view.setAlternatingRowColors(True)
            view.setShowGrid(False)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setTabKeyNavigation(False)
            view.verticalHeader().hide()
        header = self.interaction_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Long names give way to the notes, which say what happened.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 170)
        self.interaction_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header.setSectionResizeMode(
            self.interactions.columnCount() - 1, QHeaderView.ResizeMode.Stretch
        )
        self.interaction_view.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 12
        )

        self.customer = QComboBox(self)
        self.customer.setObjectName("followupsCustomer")
        self.customer.setMinimumContentsLength(14)
        self.customer.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.dated = QCheckBox(_("Bet&ween"), self)
        self.dated.setObjectName("followupsDated")
        today = dt.date.today()
        self.since = date_edit(self, today - dt.timedelta(days=30), "followupsSince")
        self.until = date_edit(self, today + dt.timedelta(days=30), "followupsUntil")
        # Filters and buttons wrap onto a second row when the tab is narrow.
        filters = QWidget(self)
        flow = FlowLayout(filters, spacing=12)
        who = QLabel(_("Cust&omer:"), self)
        who.setBuddy(self.customer)
        flow.addWidget(_group(filters, who, self.customer))
        flow.addWidget(_group(filters, self.dated, self.since, QLabel(_("and"), self), self.until))

        self.add_button = QPushButton(_("&Add follow-up…"), self)
        self.add_button.setObjectName("followupAdd")
        self.done_button = QPushButton(_("Mar&k done"), self)
        self.done_button.setObjectName("followupDone")
        self.move_button = QPushButton(_("&Reschedule…"), self)
        self.move_button.setObjectName("followupMove")
        self.export_button = QPushButton(_("E&xport to calendar…"), self)
        self.export_button.setObjectName("followupExport")
        self.export_button.setToolTip(
            _("Save the open follow-ups as an .ics file for your calendar")
        )
        actions = QWidget(self)
        buttons = FlowLayout(actions)
        for button in (self.add_button, self.done_button, self.move_button, self.export_button):
            buttons.addWidget(button)

        # The list of open follow-ups moves under a caption, above the interactions.
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(self.view)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(_caption(_("OPEN FOLLOW-UPS"), upper))
        upper_layout.addWidget(self.view, 1)
        upper_layout.addWidget(actions)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 8, 0, 0)
        lower_layout.addWidget(_caption(_("RECENT CALLS AND NOTES"), lower))
        lower_layout.addWidget(self.interaction_view, 1)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(upper)
        self.split.addWidget(lower)
        self.split.setChildrenCollapsible(False)
        layout.insertWidget(1, filters)
        layout.addWidget(self.split, 1)

        self.search.textChanged.connect(self.interaction_proxy.set_search)
        self.customer.currentIndexChanged.connect(self._filters_changed)
        self.dated.toggled.connect(self._filters_changed)
        self.since.dateChanged.connect(self._filters_changed)
        self.until.dateChanged.connect(self._filters_changed)
        self.add_button.clicked.connect(self.add)
        self.done_button.clicked.connect(self.mark_done)
        self.move_button.clicked.connect(self.reschedule)
        self.export_button.clicked.connect(self.export_calendar)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(lambda _index: self.reschedule())
        # The interactions are read with the follow-ups (the tab's first reload, when it
        # is shown), not here: the window is built before anything is read.
        self._apply_filters()
        self._selection_changed()

    # --- reading -----------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        model = self.model
        assert isinstance(model, OpenFollowupModel)
        return model.day

    def _reload_interactions(self, today: dt.date) -> None:
        if not hasattr(self, "customer"):
            return  # the first reload runs before the filters exist
        self._fill_customers(today)
        if not self.dated.isChecked():
            # The range offered when ticked is around the book's day, not the computer's.
            for edit, day in ((self.since, today - dt.timedelta(days=30)), (self.until, today)):
                edit.blockSignals(True)
                edit.setDate(qdate(day))
                edit.blockSignals(False)
        since, until = self._span() or (today - dt.timedelta(days=RECENT_DAYS), today)
        self.interactions.set_rows(recent_interactions(since, until))
        self._selection_changed()

    def _fill_customers(self, today: dt.date) -> None:
        chosen = self.customer.currentData()
        self.customer.blockSignals(True)
        self.customer.clear()
        self.customer.addItem(_("All customers"), None)
        for row in customer_rows(today):
            if not row.archived:
                self.customer.addItem(row.name, row.id)
        self.customer.setCurrentIndex(max(self.customer.findData(chosen), 0))
        self.customer.blockSignals(False)

    def _span(self) -> tuple[dt.date, dt.date] | None:
        if not self.dated.isChecked():
            return None
        return day_of(self.since), day_of(self.until)

    def _filters_changed(self) -> None:
        span = self._apply_filters()
        since, until = span or (self.today - dt.timedelta(days=RECENT_DAYS), self.today)
        self.interactions.set_rows(recent_interactions(since, until))
        self._update_count()
        self._selection_changed()

    def _apply_filters(self) -> tuple[dt.date, dt.date] | None:
        """The chosen customer and dates, to both lists; returns the dates (None: recent)."""
        dated = self.dated.isChecked()
        self.since.setEnabled(dated)
        self.until.setEnabled(dated)
        customer = self.customer.currentData()
        customer_id = customer if isinstance(customer, int) else None
        span = self._span()
        self.proxy.set_filters(customer_id, span)  # type: ignore[attr-defined]
        self.interaction_proxy.set_filters(customer_id, span)
        return span

    def selected(self) -> FollowupRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        assert isinstance(row, FollowupRow)
        return row

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected() is not None
        self.done_button.setEnabled(chosen)
        self.move_button.setEnabled(chosen)

    # --- changing ----------------------------------------------------------------------

    def _changed(self, message: str) -> None:
        self.status_message.emit(message)
        self.model.reload(self.today)  # type: ignore[attr-defined]
        self.book_changed.emit()

    def add(self) -> None:
        customers = [
            (self.customer.itemData(i), self.customer.itemText(i))
            for i in range(1, self.customer.count())
        ]
        chosen = self.customer.currentData()
        selected = self.selected()
        if chosen is None and selected is not None:
            chosen = selected.customer_id
        dialog = FollowupDialog(customers, chosen, self.today, self)
        if exec_dialog(dialog) == FormDialog.DialogCode.Accepted.value:
            self._changed(
                _("Follow-up added for {date}.").format(date=fmt.date(day_of(dialog.due)))
            )

    def mark_done(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            mark_followup_done(row.id)
        except UserFacingError as exc:
            errors.show_failure(self, exc)
            return
        self._changed(
            _("Done: {customer}, {reason}.").format(customer=row.customer_name, reason=row.reason)
        )

    def reschedule(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = RescheduleDialog(row, self.today, self)
        if exec_dialog(dialog) == FormDialog.DialogCode.Accepted.value:
            self._changed(
                _("Moved to {date}: {customer}.").format(
                    date=fmt.date(day_of(dialog.due)), customer=row.customer_name
                )
            )

    def export_calendar(self) -> Path | None:
        """Save the open follow-ups the tab shows (same customer and dates) as .ics.

        In the window the file is read and written on the worker; the status bar says
        when it is saved.
        """
        path = choose_ics_path(self)
        if path is None:
            return None
        customer = self.customer.currentData()
        span = self._span()
        customer_id = customer if isinstance(customer, int) else None
        start, end = span if span else (None, None)
        today = self.today

        def work() -> None:
            write_ics(path, customer_id, start, end, today)

        if self._tasks is not None:
            self._tasks.run(
                work, lambda _result: self._saved(path), lambda exc: errors.show_failure(self, exc)
            )
            return path
        try:
            work()
        except UserFacingError as exc:
            errors.show_failure(self, exc)
            return None
        self._saved(path)
        return path

    def _saved(self, path: Path) -> None:
        self.status_message.emit(
            _("Saved {name}: open it with your calendar app to add the follow-ups.").format(
                name=path.name
            )
        )


def write_ics(
    path: Path,
    customer_id: int | None,
    start: dt.date | None,
    end: dt.date | None,
    today: dt.date,
) -> None:
    """Write the open follow-ups as an .ics file, or say in a sentence why it could not be."""
    from diva_desk.store.calls.calendar import open_followups_ics  # icalendar: when asked

    data = open_followups_ics(customer_id, start, end, today=today)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise BookProblem(
            _("The calendar file could not be saved to {path}: {reason}.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc


def choose_ics_path(parent: QWidget | None) -> Path | None:
    """Where to save the calendar file (tests replace this)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Export follow-ups to a calendar"),
        str(Path.home() / "follow-ups.ics"),
        _("Calendar files (*.ics)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".ics" else path.with_suffix(".ics")


def _group(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets that stay together on one row when the filters wrap."""
    group = QWidget(parent)
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return group


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "caption")
    style.themed(
        label,
        "color: @muted; font-size: 8pt; font-weight: 600; letter-spacing: 1px; padding: 4px 0;",
    )
    return label
