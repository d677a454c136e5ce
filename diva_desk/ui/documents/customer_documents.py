"""A customer's letters from the window: the statement, a reminder at three levels, a payment.

The Customer menu and the Today call cards both offer them. The PDF is built off
the GUI thread (TaskRunner) and shown in the preview, where it is saved or
printed; a customer with nothing overdue gets no letter but the sentence saying
so. Recording a payment from the customer opens the payment dialog on their
invoices that can still take one, oldest due first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from diva_desk.i18n import _
from diva_desk.ui.common import errors
from diva_desk.ui.common.tasks import TaskRunner

#: What can be asked for: the statement, or a reminder letter at one of its levels
#: (documents.letters.reminder.ReminderLevel's values, named here so the window starts
#: without loading ReportLab).
STATEMENT = "statement"
REMINDER_LEVELS = ("friendly", "firm", "final")
#: Days of payments a statement lists: about the gap between two statements.
STATEMENT_DAYS = 30


def level_label(level: str) -> str:
    labels = {"friendly": _("&Friendly"), "firm": _("F&irm"), "final": _("Fi&nal")}
    return labels[level]


def document_data(code: str, kind: str, today: dt.date) -> tuple[bytes, str, str]:
    """The statement or reminder letter as PDF, with the title and file name it is shown under.

    Runs on the worker thread: it reads the book and touches no widget.
    """
    from diva_desk.documents.letters.reminder import reminder_pdf
    from diva_desk.documents.letters.statement import statement_pdf
    from diva_desk.store.calls.letters import reminder_document, statement_document

    day = today.isoformat()
    if kind == STATEMENT:
        since = today - dt.timedelta(days=STATEMENT_DAYS)
        doc = statement_document(code, today, payments_since=since)
        title = _("Statement: {customer}").format(customer=doc.customer.name)
        return statement_pdf(doc), title, f"{code}-statement-{day}.pdf"
    letter = reminder_document(code, today)
    data = reminder_pdf(letter, kind)
    title = _("Reminder letter: {customer}").format(customer=letter.customer.name)
    return data, title, f"{code}-reminder-{kind}-{day}.pdf"


def show_document(
    parent: QWidget,
    tasks: TaskRunner,
    code: str,
    kind: str,
    today: dt.date,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Build the document off the GUI thread, then show it where it can be saved or printed."""
    from diva_desk.ui.documents.pdf_preview import preview_pdf

    def shown(result: object) -> None:
        data, title, file_name = result  # type: ignore[misc]
        preview_pdf(parent, data, title=title, file_name=file_name, announce=announce)

    tasks.run(
        lambda: document_data(code, kind, today),
        shown,
        lambda error: errors.show_failure(parent, error),
    )


def fill_document_menu(menu: QMenu, chosen: Callable[[str], None]) -> list[QAction]:
    """ "Statement…" and "Reminder letter ▸ Friendly / Firm / Final" in ``menu``.

    Returns the actions made, so the owner can enable or disable them together.
    """
    statement = menu.addAction(_("&Statement…"))
    statement.setObjectName("statementAction")
    statement.triggered.connect(lambda _checked=False: chosen(STATEMENT))
    letters = menu.addMenu(_("&Reminder letter"))
    letters.setObjectName("reminderMenu")
    # A level held back by an agreement says why on hover (hold_reminders).
    letters.setToolTipsVisible(True)
    made = [statement, letters.menuAction()]
    for level in REMINDER_LEVELS:
        action = letters.addAction(level_label(level) + "…")
        action.setObjectName(f"reminder_{level}")
        action.triggered.connect(lambda _checked=False, level=level: chosen(level))
        made.append(action)
    return made


def hold_reminders(actions: list[QAction], reason: str) -> None:
    """Disable the reminder levels among ``actions`` with ``reason`` (empty: enable them).

    The reason is the sentence ``reminder-pdf`` prints (core.calls.holds.hold_text):
    a customer keeping a payment plan, or holding a promise not yet due, with nothing
    else overdue, gets no reminder letter.
    """
    for action in actions:
        if action.objectName().startswith("reminder_"):
            action.setEnabled(not reason)
            level = action.objectName().removeprefix("reminder_")
            action.setToolTip(reason or level_label(level).replace("&", ""))
            action.setStatusTip(reason)


def hold_letter_button(button: QPushButton, reason: str) -> None:
    """A card's reminder letters are disabled, the reason their tip, while an agreement holds.

    The button and its Statement… stay: a statement is the customer's to have
    whatever they agreed, as in the Customer menu.
    """
    menu = button.menu()
    if menu is not None:
        hold_reminders(menu.findChildren(QAction), reason)


def letter_button(parent: QWidget, chosen: Callable[[str], None]) -> QPushButton:
    """A "Letter…" button whose menu offers the statement and the reminder letters."""
    # E: the call card's other buttons already answer to L and T.
    button = QPushButton(_("L&etter…"), parent)
    button.setObjectName("letterButton")
    button.setToolTip(_("The statement of account, or a reminder letter, as a PDF"))
    button.setAutoDefault(False)
    menu = QMenu(button)
    fill_document_menu(menu, chosen)
    button.setMenu(menu)
    return button


class CustomerDocuments(QObject):
    """The Customer menu's statement, reminder letters and payment, for the selected customer."""

    #: A payment was recorded: the window reads the book again.
    book_changed = Signal()
    #: A sentence for the status bar.
    announced = Signal(str)

    def __init__(
        self,
        window: QWidget,
        tasks: TaskRunner,
        selected: Callable[[], tuple[int, str] | None],
        today: Callable[[], dt.date],
        shortcut_on: QWidget,
        pay: Callable[[QWidget, int, str, dt.date], str | None],
    ) -> None:
        super().__init__(window)
        #: Records a payment from a customer; returns the status bar's sentence, or None.
        self._pay = pay
        self._window = window
        self._tasks = tasks
        self._selected = selected
        self._today = today
        #: The statement and reminder actions add_to made (the reminders may be held).
        self._reminder_actions: list[QAction] = []
        self.payment_action = QAction(_("Record &payment…"), window)
        self.payment_action.setObjectName("customerPayment")
        # As on the Invoices tab, and only while the Customers tab has the focus.
        self.payment_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.payment_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut_on.addAction(self.payment_action)
        self.payment_action.setStatusTip(
            _("Record money that came in from the selected customer, on one of their invoices")
        )
        self.payment_action.triggered.connect(lambda _checked=False: self.record_payment())

    def add_to(self, menu: QMenu) -> list[QAction]:
        """Put the actions at the end of ``menu``; returns them (to enable with a selection)."""
        menu.addSeparator()
        made = fill_document_menu(menu, self.show)
        self._reminder_actions = made
        menu.addSeparator()
        menu.addAction(self.payment_action)
        return [*made, self.payment_action]

    def check_reminders(self) -> None:
        """Hold the reminder levels back for a customer an agreement covers (menu shown)."""
        from diva_desk.store.calls.reminder_standing import letter_standing

        chosen = self._selected()
        reason = letter_standing(chosen[0], self._today()).reason if chosen else ""
        hold_reminders(self._reminder_actions, reason)

    def show(self, kind: str) -> None:
        chosen = self._selected()
        if chosen is None:
            self.announced.emit(_("Select a customer first."))
            return
        _customer_id, code = chosen
        show_document(self._window, self._tasks, code, kind, self._today(), self.announced.emit)

    def record_payment(self) -> None:
        """The payment dialog on the selected customer's invoices (the Invoices feature's)."""
        chosen = self._selected()
        if chosen is None:
            self.announced.emit(_("Select a customer first."))
            return
        customer_id, code = chosen
        said = self._pay(self._window, customer_id, code, self._today())
        if said is not None:
            self.book_changed.emit()
            self.announced.emit(said)
