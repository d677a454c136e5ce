"""Customers in from address books (CSV, vCard) and out to a spreadsheet; Qt-free.

The preview dialog and ``import-contacts`` share one flow::

    contacts = read_contacts(path)             # rows + the detected ColumnMapping
    mapping = contacts.mapping.with_field(3, Field.PHONE)   # the user's changes
    plan = plan_import(contacts.rows, mapping)  # creates / duplicates / invalid
    apply_plan(plan.including([12]))            # one transaction, all or nothing
"""

from diva_desk.contacts.export import export_customers_csv, rating_label
from diva_desk.contacts.mapping import ColumnMapping, Field, SourceRow
from diva_desk.contacts.plan import (
    DuplicateRow,
    ImportPlan,
    InvalidRow,
    KnownCustomer,
    Match,
    PlannedCustomer,
    SkippedRow,
    apply_plan,
    plan_import,
)
from diva_desk.contacts.source import (
    ContactFile,
    ContactFormat,
    decode_contacts,
    parse_contacts,
    read_contacts,
)

__all__ = [
    "ColumnMapping",
    "ContactFile",
    "ContactFormat",
    "DuplicateRow",
    "Field",
    "ImportPlan",
    "InvalidRow",
    "KnownCustomer",
    "Match",
    "PlannedCustomer",
    "SkippedRow",
    "SourceRow",
    "apply_plan",
    "decode_contacts",
    "export_customers_csv",
    "parse_contacts",
    "plan_import",
    "rating_label",
    "read_contacts",
]
