"""Archiving and deleting a customer, each after asking.

Each returns what to say in the status bar and the customer to keep selected, or
None when nothing changed (the person said no, or the book refused).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from diva_desk.errors import UserFacingError
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.customers import listing as store
from diva_desk.store.customers.listing import CustomerListRow
from diva_desk.ui.common.errors import show_failure, show_message

#: The status bar's sentence, and the customer to keep selected (None: none).
Done = tuple[str, int | None]


def archive(parent: QWidget, row: CustomerListRow) -> Done | None:
    """Archive after asking (or bring an archived customer back, which needs no asking)."""
    if row.archived:
        store.set_archived(row.id, False)
        return _("{name} is back in the list.").format(name=row.name), row.id
    owed = (
        _(" They still owe {amount}; it stays in your totals and reminders.").format(
            amount=fmt.money_in_currencies(row.balances, row.currency)
        )
        if row.balances
        else ""
    )
    answer = QMessageBox.question(
        parent,
        _("Archive customer"),
        _("Archive {name}? They leave the list and pick lists; their invoices stay.").format(
            name=row.name
        )
        + owed,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    store.set_archived(row.id, True)
    return (
        _("Archived {name}. Tick “Show archived” to see them again.").format(name=row.name),
        row.id,
    )


def delete(parent: QWidget, row: CustomerListRow) -> Done | None:
    """Delete a customer with no invoice after asking; one with invoices is archived."""
    invoices = store.invoice_count(row.id)
    if invoices:
        show_message(
            parent,
            ngettext(
                "{name} has {count} invoice, so they can be archived but not deleted.",
                "{name} has {count} invoices, so they can be archived but not deleted.",
                invoices,
            ).format(name=row.name, count=fmt.number(invoices)),
        )
        return None
    answer = QMessageBox.question(
        parent,
        _("Delete customer"),
        _(
            "Delete {name} for good, with their notes, promises, follow-ups and quotes? "
            "This cannot be undone."
        ).format(name=row.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        store.delete_customer(row.id)
    except UserFacingError as exc:
        show_failure(parent, exc)
        return None
    return _("Deleted {name}.").format(name=row.name), None
