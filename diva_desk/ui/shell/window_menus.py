"""The main window's menus and their shortcuts, built once when the window is made.

Every action of the window is in a menu, so the keyboard reaches it and Help ›
Keyboard shortcuts can list it; Ctrl+N makes what the tab in view lists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from diva_desk.i18n import _
from diva_desk.ui.settings.backup_settings import show_backup_settings
from diva_desk.ui.shell.new_action import NewChoice, TabNewAction

#: The main window (ui.shell.main_window.MainWindow), not imported: it imports this module.
MainWindow = Any


def window_action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcuts: list[QKeySequence] | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcuts:
        action.setShortcuts(shortcuts)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu(_("&File"))
    # Ctrl+N belongs to the window and makes what the tab in view lists; the tabs'
    # own New actions keep their menu places without a shortcut of their own.
    for action in (
        window.customers.new_action,
        window.invoices.new_action,
        window.quotes.new_action,
    ):
        action.setShortcuts([])
    window.new = TabNewAction(
        window.tabs,
        {
            window.customers: NewChoice(
                _("&New customer…"), window.customers.new_action.trigger, _("Add a customer")
            ),
            window.invoices: NewChoice(
                _("&New invoice…"), window.invoices.new_invoice, _("Write an invoice")
            ),
            window.quotes: NewChoice(_("&New quote…"), window.quotes.new_quote, _("Write a quote")),
            window.followups: NewChoice(
                _("&New follow-up…"), window.followups.add, _("Plan a call or a task")
            ),
        },
        window,
    )
    window.new_action = window.new.action
    file_menu.addAction(window.new_action)
    file_menu.addSeparator()
    for action in window.book_actions.actions():
        file_menu.addAction(action)
        window.addAction(action)
    file_menu.addSeparator()
    for action in window.contacts.actions():
        file_menu.addAction(action)
    file_menu.addSeparator()
    for action in window.bank.actions():
        file_menu.addAction(action)
        window.addAction(action)
    file_menu.addSeparator()
    window.quit_action = window_action(
        window, _("&Quit"), window.close, [QKeySequence(QKeySequence.StandardKey.Quit)]
    )
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(window.quit_action)

    view_menu = window.menuBar().addMenu(_("&View"))
    window.refresh_action = window_action(
        window,
        _("&Refresh"),
        lambda: window.refresh(announce=True),
        _unique_keys(QKeySequence.StandardKey.Refresh, "F5"),
        _("Read the book again"),
    )
    window.find_action = window_action(
        window,
        _("&Search"),
        window.focus_search,
        _unique_keys(QKeySequence.StandardKey.Find),
        _("Search the list shown"),
    )
    view_menu.addAction(window.refresh_action)
    view_menu.addAction(window.find_action)
    view_menu.addSeparator()
    view_menu.addAction(
        window_action(
            window,
            _("Go to &Today's calls"),
            window.today_panel.focus_first_call,
            [QKeySequence("Ctrl+0")],
        )
    )
    for number, (tab, text) in enumerate(
        (
            (window.customers, _("Go to &Customers")),
            (window.invoices, _("Go to &Invoices")),
            (window.followups, _("Go to &Follow-ups")),
            (window.reports, _("Go to R&eports")),
            (window.quotes, _("Go to &Quotes")),
        ),
        start=1,
    ):
        view_menu.addAction(
            window_action(
                window,
                text,
                lambda tab=tab: window.tabs.setCurrentWidget(tab),
                [QKeySequence(f"Ctrl+{number}")],
            )
        )

    view_menu.addSeparator()
    view_menu.addAction(window.mail.outbox_action)
    # The Invoices tab's list of schedules (its Ctrl+Shift+L), findable here too.
    view_menu.addAction(window.invoices.recurring.list_action)

    customer_menu = window.menuBar().addMenu(_("&Customer"))
    for action in window.customers.actions_for_menu():
        customer_menu.addAction(action)
    # Statement, reminder letters and a payment, for the customer selected.
    documents = window.customer_documents.add_to(customer_menu)
    customer_menu.aboutToShow.connect(
        lambda: [a.setEnabled(window._selected_customer() is not None) for a in documents]
    )
    # Emailed: the statement and the reminders, the same documents attached.
    customer_menu.addSeparator()
    emails = window.mail.customer.add_to(customer_menu)
    customer_menu.aboutToShow.connect(
        lambda: [a.setEnabled(window._selected_customer() is not None) for a in emails]
    )
    # After the lines above: a customer keeping a plan or a promise gets no reminder.
    customer_menu.aboutToShow.connect(window.customer_documents.check_reminders)
    customer_menu.aboutToShow.connect(window.mail.customer.check_reminders)
    window.customers.new_action.triggered.connect(
        lambda _checked=False: window.tabs.setCurrentWidget(window.customers)
    )

    settings_menu = window.menuBar().addMenu(_("&Settings"))
    window.business_settings_action = window_action(
        window, _("&Business profile and taxes…"), window.show_business_settings
    )
    settings_menu.addAction(window.business_settings_action)
    window.call_settings_action = window_action(
        window, _("&Talking points, call list and terms…"), window.show_call_settings
    )
    settings_menu.addAction(window.call_settings_action)
    window.mail_settings_action = window_action(
        window, _("&Mail server and sender…"), window.show_mail_settings
    )
    settings_menu.addAction(window.mail_settings_action)
    window.backup_settings_action = window_action(
        window,
        _("Bac&kups…"),
        lambda: show_backup_settings(window, window.tasks),
        tip=_("The daily copies, and a second folder (a USB stick, a synced folder) for them"),
    )
    settings_menu.addAction(window.backup_settings_action)

    help_menu = window.menuBar().addMenu(_("&Help"))
    window.habits_action = window_action(
        window,
        _("&Getting paid: the six habits"),
        window.show_habits,
        tip=_("The habits the Today panel follows, and where each lives in the app"),
    )
    help_menu.addAction(window.habits_action)
    window.guided_start_action = window_action(
        window,
        _("Guided &start…"),
        window.show_guided_start,
        tip=_("Your business, taxes, numbering, payment instructions and mail, step by step"),
    )
    help_menu.addAction(window.guided_start_action)
    help_menu.addSeparator()
    window.shortcuts_action = window_action(
        window,
        _("&Keyboard shortcuts"),
        window.show_shortcuts,
        _unique_keys(QKeySequence.StandardKey.HelpContents),
        _("Every shortcut of the window, read from its menus and buttons"),
    )
    help_menu.addAction(window.shortcuts_action)
    window.data_places_action = window_action(
        window,
        _("&Where your data lives…"),
        window.show_data_places,
        tip=_("The book, the log and the backups, and their folders"),
    )
    help_menu.addAction(window.data_places_action)
    help_menu.addSeparator()
    window.about_action = window_action(window, _("&About Diva Desk"), window.show_about)
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(window.about_action)


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
