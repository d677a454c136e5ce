"""The main window: the Today panel beside the Customers, Invoices and Follow-ups lists.

Everything shown is read from the book on :meth:`MainWindow.refresh` (F5), on
the GUI thread: the queries aggregate in SQL and take milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget, QWidget

from diva_desk import __version__
from diva_desk.i18n import _
from diva_desk.store.book.business import get_business
from diva_desk.store.invoices.lists import total_owed
from diva_desk.ui.common.layouts.screen_fit import fitted_size
from diva_desk.ui.common.tables.list_tab import ListTab
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.common.window_state import app_settings
from diva_desk.ui.customers.contacts_actions import ContactsActions
from diva_desk.ui.customers.customers_tab import CustomersTab, show_customer_in
from diva_desk.ui.documents.customer_documents import CustomerDocuments, show_document
from diva_desk.ui.followups.followups_tab import FollowupsTab
from diva_desk.ui.invoices.invoices_tab import InvoicesTab
from diva_desk.ui.invoices.payment_dialog import record_customer_payment
from diva_desk.ui.reports.reports_tab import ReportsTab
from diva_desk.ui.settings.business_settings import BusinessSettingsDialog
from diva_desk.ui.settings.call_settings import CallSettingsDialog
from diva_desk.ui.shell.book_actions import BookActions
from diva_desk.ui.shell.help_pages import DataPlacesDialog, ShortcutsDialog, data_places
from diva_desk.ui.shell.new_action import NewChoice, TabNewAction
from diva_desk.ui.today.meeting_pack import show_meeting_pack
from diva_desk.ui.today.today_panel import TodayPanel, money_lines

#: The first size, made smaller on a smaller screen; then the size the owner left it at.
DEFAULT_SIZE = (1280, 800)
#: The Today panel's first width: a call card reads whole, and the tabs beside it get
#: the rest (the Customers tab stacks its page under the list when narrow).
TODAY_WIDTH = 480


def window_title(business_name: str | None) -> str:
    if not business_name:
        return _("Diva Desk")
    return _("Diva Desk — {business}").format(business=business_name)


class MainWindow(QMainWindow):
    #: The Today panel shows a call list freshly read from the book (start-up, each refresh).
    today_filled = Signal()

    def __init__(
        self,
        *,
        data_dir: Path | None = None,
        settings: QSettings | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._settings = settings if settings is not None else app_settings()
        self._today = today
        self.tasks = TaskRunner(self)

        self.today_panel = TodayPanel(self)
        self.today_panel.book_changed.connect(self.refresh)
        self.today_panel.status_message.connect(
            lambda text: self.statusBar().showMessage(text, 10000)
        )
        self.today_panel.meeting_pack_wanted.connect(
            lambda call: show_meeting_pack(self, self.tasks, call.customer, self._today())
        )
        self.today_panel.letter_wanted.connect(
            lambda call, kind: show_document(
                self, self.tasks, call.customer, kind, self._today(), self._announce
            )
        )
        self.today_panel.send_wanted.connect(lambda draft: self.invoices.send_by_id(draft))
        self.customers = CustomersTab(self)
        self.customers.book_changed.connect(self.refresh)
        self.customers.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.invoices = InvoicesTab(today=self._today, tasks=self.tasks, parent=self)
        self.invoices.book_changed.connect(self.refresh)
        self.invoices.announced.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.followups = FollowupsTab(self)
        self.followups.book_changed.connect(self.refresh)
        self.followups.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.customers, _("Customers"))
        self.tabs.addTab(self.invoices, _("Invoices"))
        self.tabs.addTab(self.followups, _("Follow-ups"))
        self.reports = ReportsTab(self.tasks, today=self._today, parent=self)
        self.reports.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.reports.customer_wanted.connect(
            lambda cid, code: show_customer_in(self.tabs, self.customers, cid, code)
        )
        self.tabs.addTab(self.reports, _("Reports"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.today_panel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        width, height = first_size()
        self.splitter.setSizes([TODAY_WIDTH, width - TODAY_WIDTH])
        self.setCentralWidget(self.splitter)

        self.owed_label = QLabel(self)
        self.owed_label.setObjectName("owedLabel")
        self.owed_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.owed_label)

        self._data_dir = data_dir
        backups = (data_dir or Path.home()) / "backups"
        self.book_actions = BookActions(self, self.tasks, backups)
        self.book_actions.book_changed.connect(self.refresh)
        self.contacts = ContactsActions(
            self, self.tasks, shown_codes=self.customers.shown_codes, today=self._today
        )
        self.contacts.book_changed.connect(self.refresh)
        self.customer_documents = CustomerDocuments(
            self,
            self.tasks,
            self._selected_customer,
            self._today,
            self.customers,
            pay=record_customer_payment,
        )
        self.customer_documents.book_changed.connect(self.refresh)
        self.customer_documents.announced.connect(self._announce)
        self.contacts.status_message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self._build_menus()

        self.resize(width, height)
        self.restore_state()
        self.refresh()

    # --- menus and shortcuts -----------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcuts: list[QKeySequence] | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts(shortcuts)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        # Ctrl+N belongs to the window and makes what the tab in view lists; the tabs'
        # own New actions keep their menu places without a shortcut of their own.
        for action in (self.customers.new_action, self.invoices.new_action):
            action.setShortcuts([])
        self.new = TabNewAction(
            self.tabs,
            {
                self.customers: NewChoice(
                    _("&New customer…"), self.customers.new_action.trigger, _("Add a customer")
                ),
                self.invoices: NewChoice(
                    _("&New invoice…"), self.invoices.new_invoice, _("Write an invoice")
                ),
                self.followups: NewChoice(
                    _("&New follow-up…"), self.followups.add, _("Plan a call or a task")
                ),
            },
            self,
        )
        self.new_action = self.new.action
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        for action in self.book_actions.actions():
            file_menu.addAction(action)
            self.addAction(action)
        file_menu.addSeparator()
        for action in self.contacts.actions():
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.quit_action = self._action(
            _("&Quit"), self.close, [QKeySequence(QKeySequence.StandardKey.Quit)]
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu(_("&View"))
        self.refresh_action = self._action(
            _("&Refresh"),
            lambda: self.refresh(announce=True),
            _unique_keys(QKeySequence.StandardKey.Refresh, "F5"),
            _("Read the book again"),
        )
        self.find_action = self._action(
            _("&Search"),
            self.focus_search,
            _unique_keys(QKeySequence.StandardKey.Find),
            _("Search the list shown"),
        )
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.find_action)
        view_menu.addSeparator()
        view_menu.addAction(
            self._action(
                _("Go to &Today's calls"),
                self.today_panel.focus_first_call,
                [QKeySequence("Ctrl+0")],
            )
        )
        for number, (tab, text) in enumerate(
            (
                (self.customers, _("Go to &Customers")),
                (self.invoices, _("Go to &Invoices")),
                (self.followups, _("Go to &Follow-ups")),
                (self.reports, _("Go to R&eports")),
            ),
            start=1,
        ):
            view_menu.addAction(
                self._action(
                    text,
                    lambda tab=tab: self.tabs.setCurrentWidget(tab),
                    [QKeySequence(f"Ctrl+{number}")],
                )
            )

        customer_menu = self.menuBar().addMenu(_("&Customer"))
        for action in self.customers.actions_for_menu():
            customer_menu.addAction(action)
        # Statement, reminder letters and a payment, for the customer selected.
        documents = self.customer_documents.add_to(customer_menu)
        customer_menu.aboutToShow.connect(
            lambda: [a.setEnabled(self._selected_customer() is not None) for a in documents]
        )
        # After the line above: a customer keeping a plan or a promise gets no reminder.
        customer_menu.aboutToShow.connect(self.customer_documents.check_reminders)
        self.customers.new_action.triggered.connect(
            lambda _checked=False: self.tabs.setCurrentWidget(self.customers)
        )

        settings_menu = self.menuBar().addMenu(_("&Settings"))
        self.business_settings_action = self._action(
            _("&Business profile and taxes…"), self.show_business_settings
        )
        settings_menu.addAction(self.business_settings_action)
        self.call_settings_action = self._action(
            _("&Talking points, call list and terms…"), self.show_call_settings
        )
        settings_menu.addAction(self.call_settings_action)

        help_menu = self.menuBar().addMenu(_("&Help"))
        self.shortcuts_action = self._action(
            _("&Keyboard shortcuts"),
            self.show_shortcuts,
            _unique_keys(QKeySequence.StandardKey.HelpContents),
            _("Every shortcut of the window, read from its menus and buttons"),
        )
        help_menu.addAction(self.shortcuts_action)
        self.data_places_action = self._action(
            _("&Where your data lives…"),
            self.show_data_places,
            tip=_("The book, the log and the backups, and their folders"),
        )
        help_menu.addAction(self.data_places_action)
        help_menu.addSeparator()
        self.about_action = self._action(_("&About Diva Desk"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    # --- what the window does ----------------------------------------------------------

    def refresh(self, *, announce: bool = False) -> None:
        """Read everything shown from the book again (today's date included)."""
        today = self._today()
        business = get_business()
        self.setWindowTitle(window_title(business.name if business else None))
        for tab in (self.customers, self.invoices, self.followups):
            tab.model.reload(today)
        self.reports.reload(today)
        self.today_panel.refresh(today)
        self.today_filled.emit()
        owed = money_lines(total_owed(today))
        if owed:
            self.owed_label.setText(_("Owed to you: {amounts}").format(amounts=" · ".join(owed)))
        else:
            self.owed_label.setText(_("Nothing is owed to you."))
        if announce:
            self.statusBar().showMessage(_("Read the book again."), 3000)

    def _announce(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _selected_customer(self) -> tuple[int, str] | None:
        """The customer selected in the Customers tab, as (id, code)."""
        row = self.customers.selected()
        return (row.id, row.code) if row is not None else None

    def current_tab(self) -> ListTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, ListTab)
        return tab

    def focus_search(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, ListTab | ReportsTab):
            tab.focus_search()

    def show_business_settings(self) -> None:
        """The profile, logo and tax rates; a new name or locale shows as soon as saved."""
        dialog = BusinessSettingsDialog(self)
        dialog.business_saved.connect(lambda _business: self.refresh())
        dialog.business_saved.connect(
            lambda _business: self.statusBar().showMessage(
                _("Saved the business profile and tax rates."), 8000
            )
        )
        dialog.exec()

    def show_call_settings(self) -> None:
        dialog = CallSettingsDialog(self._today(), self)
        # A new deposit to suggest shows in the list and pages too, not only the calls.
        dialog.changed.connect(self.refresh)
        dialog.exec()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def data_places(self) -> tuple[Path, Path, Path]:
        return data_places(self._data_dir or Path.home(), self.book_actions.backup_folder)

    def show_data_places(self) -> None:
        DataPlacesDialog(*self.data_places(), parent=self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About Diva Desk"),
            _(
                "<h3>Diva Desk {version}</h3>"
                "<p>Your customers, invoices and payments in one book, "
                "and what is owed to you at a glance.</p>"
            ).format(version=__version__),
        )

    # --- remembering the window --------------------------------------------------------

    def save_state(self) -> None:
        settings = self._settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/tab", self.tabs.currentIndex())
        for tab in (self.customers, self.invoices, self.followups):
            tab.save_state(settings)
        settings.sync()

    def restore_state(self) -> None:
        settings = self._settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        tab = settings.value("window/tab")
        if tab is not None and 0 <= int(tab) < self.tabs.count():
            self.tabs.setCurrentIndex(int(tab))
        for list_tab in (self.customers, self.invoices, self.followups):
            list_tab.restore_state(settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        # A backup or an import in flight finishes before the book is closed.
        self.tasks.wait()
        self.save_state()
        super().closeEvent(event)


def first_size() -> tuple[int, int]:
    """:data:`DEFAULT_SIZE`, or what the screen's free area has room for when that is less."""
    return fitted_size(*DEFAULT_SIZE)


def _unique_keys(*keys: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """The platform's standard shortcuts plus our own, each once."""
    sequences: list[QKeySequence] = []
    for key in keys:
        found = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        for sequence in found:
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
    return sequences
