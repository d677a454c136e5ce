"""The main window: the Today panel beside the Customers, Invoices and Follow-ups lists.

Everything shown is read from the book again on :meth:`MainWindow.refresh` (F5, and
after every change): the list in view at once, the Today panel's day on a worker
(ui.shell.refresher), so the window stays responsive however large the book. The
window is shown first and filled after: :attr:`MainWindow.today_filled` says when.
The menus are built in ui.shell.window_menus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabWidget, QWidget

from diva_desk.core.records import Business
from diva_desk.i18n import _, interface_locale, same_language, speaking
from diva_desk.store.book.business import get_business
from diva_desk.ui.bank.bank_actions import BankActions
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
from diva_desk.ui.mail.window_mail import WindowMail
from diva_desk.ui.quotes.quotes_tab import QuotesTab
from diva_desk.ui.reports.reports_tab import ReportsTab
from diva_desk.ui.settings.business_settings import BusinessSettingsDialog
from diva_desk.ui.settings.call_settings import CallSettingsDialog
from diva_desk.ui.settings.mail_settings import MailSettingsDialog
from diva_desk.ui.shell import read_only
from diva_desk.ui.shell.book.book_actions import BookActions
from diva_desk.ui.shell.guide.guided_start import GuidedStart
from diva_desk.ui.shell.guide.help_more import AboutDialog, HabitsDialog
from diva_desk.ui.shell.help_pages import DataPlacesDialog, ShortcutsDialog, data_places
from diva_desk.ui.shell.languages import install_qt_translations
from diva_desk.ui.shell.new_action import TabNewAction
from diva_desk.ui.shell.refresher import Refresher, extras_reader
from diva_desk.ui.shell.window_menus import build_menus
from diva_desk.ui.today.meeting_pack import show_meeting_pack
from diva_desk.ui.today.today_panel import TodayPanel, money_lines
from diva_desk.ui.today.today_reading import TodayReading

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

    # Made by window_menus.build_menus.
    new: TabNewAction
    new_action: QAction
    quit_action: QAction
    refresh_action: QAction
    find_action: QAction
    business_settings_action: QAction
    call_settings_action: QAction
    mail_settings_action: QAction
    shortcuts_action: QAction
    data_places_action: QAction
    about_action: QAction

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
        #: The language the window's words were made in (a new one shows from the next start).
        self._language_shown = interface_locale()
        self.tasks = TaskRunner(self)
        #: The Today panel's reads: a worker of their own, never queued behind an export.
        self.reads = TaskRunner(self)

        self.today_panel = TodayPanel(self, read_extras=extras_reader(self.reads, self))
        self.today_panel.calls_shown.connect(self.today_filled.emit)
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
        self.today_panel.send_wanted.connect(self._send_draft)
        self.customers = CustomersTab(self)
        self.customers.book_changed.connect(self.refresh)
        self.customers.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.invoices = InvoicesTab(today=self._today, tasks=self.tasks, parent=self)
        self.invoices.book_changed.connect(self.refresh)
        self.invoices.announced.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.quotes = QuotesTab(today=self._today, parent=self)
        self.quotes.book_changed.connect(self.refresh)
        self.quotes.announced.connect(self._announce)
        self.followups = FollowupsTab(self, tasks=self.tasks)
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
        # Last, so the tab remembered by its place (window/tab) and Ctrl+1..4 keep theirs.
        self.tabs.addTab(self.quotes, _("Quotes"))

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
        self.reading_label = QLabel(_("Reading the book…"), self)
        self.reading_label.setObjectName("readingLabel")
        self.reading_label.setProperty("role", "note")
        self.reading_label.hide()
        self.statusBar().addPermanentWidget(self.reading_label)
        self.mail = WindowMail(self, self.tasks, self._selected_customer, self._today)
        self.mail.book_changed.connect(self.refresh)
        self.mail.announced.connect(self._announce)
        self.today_panel.email_wanted.connect(
            lambda call, level: self.mail.email_reminder(call.customer, level)
        )
        #: The outbox's count; a click opens the Outbox.
        self.outbox_label = self.mail.count_button
        self.statusBar().addPermanentWidget(self.outbox_label)
        self.refresher = Refresher(
            self.reads,
            panel=self.today_panel,
            tabs=self.tabs,
            lists=(self.customers, self.invoices, self.quotes, self.followups),
            reports=self.reports,
            parent=self,
        )
        self.refresher.busy_changed.connect(self.reading_label.setVisible)
        self.refresher.read.connect(self._show_owed)

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
        self.bank = BankActions(self, self.tasks)
        self.bank.book_changed.connect(self.refresh)
        self.bank.status_message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        build_menus(self)

        self.resize(width, height)
        self.restore_state()
        self.refresh()
        self.mail.start()

    # --- what the window does ----------------------------------------------------------

    def refresh(self, *, announce: bool = False) -> None:
        """Read everything shown from the book again (today's date included).

        Returns at once: the Today panel fills when its worker is back (today_filled).
        """
        today = self._today()
        business = get_business()
        self.setWindowTitle(window_title(business.name if business else None))
        self.refresher.refresh(today)
        self.show_outbox_count()
        if announce:
            self.statusBar().showMessage(_("Read the book again."), 3000)

    def show_outbox_count(self) -> None:
        """ "2 messages waiting to send." in the status bar; nothing when none waits."""
        self.mail.show_count()

    def is_settled(self) -> bool:
        """Whether what the window shows is read: no read out, no call card left to build."""
        return not self.refresher.is_reading() and not self.today_panel.list.is_building()

    def _show_owed(self, reading: TodayReading) -> None:
        owed = money_lines(reading.owed)
        if owed:
            self.owed_label.setText(_("Owed to you: {amounts}").format(amounts=" · ".join(owed)))
        else:
            self.owed_label.setText(_("Nothing is owed to you."))

    def _send_draft(self, draft: int) -> None:
        """A call card's "Send it now": the Invoices tab's own Send, on its list read now."""
        self.refresher.ensure_read(self.invoices)
        self.invoices.send_by_id(draft)

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
        dialog.business_saved.connect(self._language_chosen)  # its word last, on the bar
        dialog.exec()

    def _language_chosen(self, business: Business) -> None:
        """A new language: Qt's dialogs at once, the window's own words at the next start."""
        if same_language(business.locale, self._language_shown):
            return
        install_qt_translations(business.locale)
        with speaking(business.locale):  # said in the language chosen; no modal to dismiss
            self.statusBar().showMessage(
                _(
                    "Amounts and dates follow the new language now; the menus and windows "
                    "change language when Diva Desk starts again."
                ),
                15000,
            )

    def show_call_settings(self) -> None:
        dialog = CallSettingsDialog(self._today(), self)
        # A new deposit to suggest shows in the list and pages too, not only the calls.
        dialog.changed.connect(self.refresh)
        dialog.exec()

    def show_mail_settings(self) -> None:
        dialog = MailSettingsDialog(self)
        dialog.saved.connect(
            lambda _settings: self.statusBar().showMessage(_("Saved the mail settings."), 8000)
        )
        dialog.saved.connect(lambda _settings: self.mail.show_count())  # what waited goes
        dialog.exec()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def data_places(self) -> tuple[Path, Path, Path]:
        return data_places(self._data_dir or Path.home(), self.book_actions.backup_folder)

    def show_read_only(self, reason: str) -> None:
        """The book was opened read-only: a banner saying why, and every write action off."""
        self.read_only_label = QLabel(_("Read-only: changes cannot be saved"), self)
        self.read_only_label.setStyleSheet("font-weight: bold")
        self.statusBar().insertPermanentWidget(0, self.read_only_label)
        self.read_only = read_only.show_read_only(self, reason)
        self.mail.stop()  # the outbox cannot be marked sent in a read-only book

    def show_data_places(self) -> None:
        DataPlacesDialog(*self.data_places(), parent=self).exec()

    def show_about(self) -> None:
        AboutDialog(*self.data_places(), parent=self).exec()

    def show_habits(self) -> None:
        """Help › the six habits; its links go to the tab or settings of each habit."""
        tabs = {
            "customers": self.customers,
            "invoices": self.invoices,
            "followups": self.followups,
            "reports": self.reports,
        }
        places: dict[str, Callable[[], object]] = {
            name: (lambda tab=tab: self.tabs.setCurrentWidget(tab)) for name, tab in tabs.items()
        }
        places["today"] = self.today_panel.focus_first_call
        places["business"] = self.show_business_settings
        places["calls"] = self.show_call_settings
        HabitsDialog(places, self).exec()

    def show_guided_start(self) -> None:
        if GuidedStart(self, mail_settings=lambda _parent: self.show_mail_settings()).exec():
            self.refresh()

    # --- remembering the window --------------------------------------------------------

    def save_state(self) -> None:
        settings = self._settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/tab", self.tabs.currentIndex())
        for tab in (self.customers, self.invoices, self.followups, self.quotes):
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
        for list_tab in (self.customers, self.invoices, self.followups, self.quotes):
            list_tab.restore_state(settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        # A backup or an import in flight finishes before the book is closed, and so
        # does a message being handed to the mail server.
        self.mail.stop()
        self.tasks.wait()
        self.reads.wait()
        self.customers.model.tasks.wait()
        self.save_state()
        super().closeEvent(event)


def first_size() -> tuple[int, int]:
    """:data:`DEFAULT_SIZE`, or what the screen's free area has room for when that is less."""
    return fitted_size(*DEFAULT_SIZE)
