"""Emailing from the window: an invoice, a customer's statement, a reminder at a level.

Each is the CLI's own message (mail.compose: ``diva-desk send invoice|statement|
reminder`` builds the same), made off the GUI thread (it draws the PDF), then shown
in the compose dialog. A reminder obeys the reminder letter's standing: what a plan
being kept or a promise not yet due covers is not asked for, and when that is
everything the owner gets the letter's own sentence instead of a dialog.

:class:`CustomerMail` puts "Email statement…" and "Email a reminder ▸" in the
Customer menu, for the customer selected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.mail.compose import REMINDER_LEVELS, Draft
from diva_desk.ui.common import dialogs
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.mail.compose_dialog import ComposeDialog

Announce = Callable[[str], None]


def level_words(level: str) -> str:
    return {"friendly": _("friendly"), "firm": _("firm"), "final": _("final")}[level]


def compose(
    parent: QWidget,
    tasks: TaskRunner | None,
    make: Callable[[], Draft],
    announce: Announce,
    written: Callable[[], None],
) -> None:
    """Make the message (on ``tasks``' worker when given), then let the owner send it.

    ``written`` is called when the book changed: a message queued, or the history's
    line for a message handed to the mail program.
    """

    def ready(draft: Draft) -> None:
        dialog = ComposeDialog(draft, parent)
        answer = dialogs.exec_dialog(dialog)
        dialog.setParent(None)  # not kept by the window: gone with its last reference
        if answer != QDialog.DialogCode.Accepted.value:
            return
        sent = dialog.draft
        if dialog.queued_id is not None:
            announce(
                _('Queued "{subject}" to {to}: it goes as soon as the mail server answers.').format(
                    subject=sent.subject, to=sent.to
                )
            )
        else:
            announce(_("Opened the message to {to} in your mail program.").format(to=sent.to))
        written()

    if tasks is None:
        try:
            draft = make()
        except UserFacingError as exc:
            show_failure(parent, exc)
            return
        ready(draft)
        return
    tasks.run(make, ready, lambda error: show_failure(parent, error))


def email_invoice(
    parent: QWidget,
    tasks: TaskRunner | None,
    number: str,
    today: dt.date,
    announce: Announce,
    written: Callable[[], None],
) -> None:
    from diva_desk.mail.compose import invoice_draft

    compose(parent, tasks, lambda: invoice_draft(number, today, to=""), announce, written)


def email_statement(
    parent: QWidget,
    tasks: TaskRunner | None,
    code: str,
    today: dt.date,
    announce: Announce,
    written: Callable[[], None],
) -> None:
    from diva_desk.mail.compose import statement_draft

    compose(parent, tasks, lambda: statement_draft(code, today, to=""), announce, written)


def email_reminder(
    parent: QWidget,
    tasks: TaskRunner | None,
    code: str,
    level: str,
    today: dt.date,
    announce: Announce,
    written: Callable[[], None],
) -> None:
    """The reminder at ``level``; the standing's refusal (the letter's sentence) instead
    of a dialog when a plan or a promise covers everything late."""
    from diva_desk.mail.compose import reminder_draft

    compose(parent, tasks, lambda: reminder_draft(code, today, level, to=""), announce, written)


def fill_reminder_menu(menu: QMenu, chosen: Callable[[str], None]) -> list[QAction]:
    """One action per reminder level (Friendly, Firm, Final) in ``menu``."""
    labels = {"friendly": _("&Friendly…"), "firm": _("F&irm…"), "final": _("Fi&nal…")}
    made = []
    for level in REMINDER_LEVELS:
        action = menu.addAction(labels[level])
        action.setObjectName(f"email_reminder_{level}")
        action.triggered.connect(lambda _checked=False, level=level: chosen(level))
        made.append(action)
    return made


class CustomerMail(QObject):
    """The Customer menu's emails: the statement, and a reminder at a level."""

    #: A message was queued (or handed to the mail program): the window reads the book.
    book_changed = Signal()
    #: A sentence for the status bar.
    announced = Signal(str)

    def __init__(
        self,
        window: QWidget,
        tasks: TaskRunner,
        selected: Callable[[], tuple[int, str] | None],
        today: Callable[[], dt.date],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._selected = selected
        self._today = today
        self._reminders: list[QAction] = []

    def add_to(self, menu: QMenu) -> list[QAction]:
        """ "Email statement…" and "Email a reminder ▸" at the end of ``menu``."""
        statement = menu.addAction(_("E&mail statement…"))
        statement.setObjectName("emailStatement")
        statement.setStatusTip(_("Email the statement of account, as a PDF, to the customer"))
        statement.triggered.connect(lambda _checked=False: self.email("statement"))
        reminders = menu.addMenu(_("Emai&l a reminder"))
        reminders.setObjectName("emailReminderMenu")
        reminders.setToolTipsVisible(True)
        self._reminders = fill_reminder_menu(reminders, self.email)
        return [statement, reminders.menuAction(), *self._reminders]

    def check_reminders(self) -> None:
        """Hold the reminders back for a customer an agreement covers, as the letters are."""
        from diva_desk.store.calls.reminder_standing import letter_standing

        chosen = self._selected()
        reason = letter_standing(chosen[0], self._today()).reason if chosen else ""
        for action in self._reminders:
            action.setEnabled(chosen is not None and not reason)
            action.setToolTip(reason)
            action.setStatusTip(reason)

    def email(self, kind: str) -> None:
        chosen = self._selected()
        if chosen is None:
            self.announced.emit(_("Select a customer first."))
            return
        code = chosen[1]
        if kind == "statement":
            email_statement(
                self._window, self._tasks, code, self._today(), self.announced.emit,
                self.book_changed.emit,
            )  # fmt: skip
        else:
            email_reminder(
                self._window, self._tasks, code, kind, self._today(), self.announced.emit,
                self.book_changed.emit,
            )  # fmt: skip
