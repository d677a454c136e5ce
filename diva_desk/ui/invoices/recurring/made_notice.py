"""The run at start-up: the recurring invoices due are made on the worker once the window
shows (never holding start-up), then the status bar and a notice say what was made.

The notice is not modal: the owner may read it beside the window. Drafts come first,
marked, since they wait for a look before they are sent; "Look at the drafts" shows
the first one in the Invoices tab.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.recurring.run import MadeInvoice, run_recurring
from diva_desk.ui.common import errors
from diva_desk.ui.common.tasks import TaskRunner


def made_words(made: list[MadeInvoice]) -> str:
    """The status bar's sentence about what a run made."""
    drafts = sum(1 for invoice in made if not invoice.sent)
    sentence = ngettext(
        "Made {count} recurring invoice.", "Made {count} recurring invoices.", len(made)
    ).format(count=fmt.number(len(made)))
    if drafts:
        sentence += " " + ngettext(
            "{count} draft waits for a look.", "{count} drafts wait for a look.", drafts
        ).format(count=fmt.number(drafts))
    return sentence


class MadeNotice(QDialog):
    """What the run made, drafts first; not modal."""

    def __init__(
        self, made: list[MadeInvoice], look: Callable[[int], None], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("madeNotice")
        self.setWindowTitle(_("Recurring invoices made"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        drafts = [invoice for invoice in made if not invoice.sent]
        sent = [invoice for invoice in made if invoice.sent]
        parts: list[str] = []
        if drafts:
            parts.append(_section(_("Drafts to look at, then send:"), drafts))
        if sent:
            parts.append(_section(_("Sent:"), sent))
        self.text = QLabel("".join(parts), self)
        self.text.setObjectName("madeList")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(self)
        if drafts:
            first = drafts[0].invoice_id
            self.look_button = buttons.addButton(
                _("&Look at the drafts"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.look_button.clicked.connect(lambda _c=False: (look(first), self.close()))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(_("&Close"))
        close.clicked.connect(lambda _c=False: self.close())
        (self.look_button if drafts else close).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(made_words(made), self))
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


def _section(title: str, made: list[MadeInvoice]) -> str:
    items = "".join(f"<li>{html.escape(_item(invoice))}</li>" for invoice in made)
    return f"<p><b>{html.escape(title)}</b></p><ul>{items}</ul>"


def _item(invoice: MadeInvoice) -> str:
    return _("{number}, {date}: {customer} — {total}").format(
        number=invoice.number,
        date=fmt.date(invoice.issue_date),
        customer=invoice.customer_name,
        total=fmt.money(invoice.total, invoice.currency),
    )


def run_at_start(
    parent: QWidget,
    tasks: TaskRunner,
    today: dt.date,
    *,
    announce: Callable[[str], None],
    changed: Callable[[], None],
    look: Callable[[int], None],
) -> None:
    """Make what is due up to ``today`` on the worker; then say so and refresh."""

    def done(made: list[MadeInvoice]) -> None:
        if not made:
            return
        changed()
        announce(made_words(made))
        notice = MadeNotice(made, look, parent)
        parent.setProperty("recurringNotice", notice)  # for tests and for focus
        notice.show()

    tasks.run(lambda: run_recurring(today), done, lambda error: errors.show_failure(parent, error))
