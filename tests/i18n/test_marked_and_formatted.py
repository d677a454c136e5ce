"""Every user-visible string is marked for translation; every figure goes through Babel.

Two scans of the source (unmarked.py, hand_formatted.py), each shown able to fail
on a sample of the code it must catch.
"""

from __future__ import annotations

from pathlib import Path

import diva_desk

from .hand_formatted import found_in, hand_formatted
from .unmarked import unmarked, unmarked_in

PACKAGE = Path(diva_desk.__file__).parent

#: Hand formatting that is not text a person reads in a language, and why.
NOT_IN_A_LANGUAGE = (
    # Decimal to its plain digits, for JSON and the interchange files.
    ("diva_desk/core/money.py", "number format"),
    # ``$name``: a template's placeholder, not a dollar amount.
    ("diva_desk/core/calls/script_templates.py", "dollar sign"),
    ("diva_desk/ui/settings/talking_points_page.py", "dollar sign"),
    # Time stamps in backup file names.
    ("diva_desk/store/book/db.py", "strftime"),
    ("diva_desk/store/book/maintenance.py", "strftime"),
    # The command line's backup table shows ISO times, like its --json and --date.
    ("diva_desk/commands/book.py", "strftime"),
)


def test_every_user_visible_literal_is_marked_for_translation() -> None:
    assert unmarked(PACKAGE) == []


def test_the_unmarked_scan_finds_what_it_must() -> None:
    sample = """
label = QLabel("Customer name")
button.setText(f"Send {count} invoices")
box = QMessageBox.warning(self, _("Diva Desk"), "The book is locked.")
story.append(Paragraph(style.text("Balance due"), style.BODY))
say("Nothing to do.")
raise BadInput(f"no customer {code}")
parser.add_argument("--json", help="print JSON")
form.addRow("&Name:", field)
# Marked, or not words: never reported.
QLabel(_("Customer name"))
button.setText(_("Send {count} invoices").format(count=2))
QLabel("·")
field.setPlaceholderText("https://pay.example/you")
log.warning("book not opened: %s", reason)
"""
    found = list(unmarked_in(sample, "sample.py"))
    assert sorted(int(hit.split(":")[1]) for hit in found) == [2, 3, 4, 5, 6, 7, 8, 9]


def test_amounts_numbers_and_dates_are_formatted_by_babel() -> None:
    hits = hand_formatted(PACKAGE)
    left = [
        hit
        for hit in hits
        if not any(hit.startswith(path) and kind in hit for path, kind in NOT_IN_A_LANGUAGE)
    ]
    assert left == []


def test_the_formats_scan_finds_what_it_must() -> None:
    sample = """
a = f"{total:,.2f}"
b = f"Balance: ${balance}"
c = "$" + money_text
d = day.strftime("%b %d, %Y")
e = "%.2f" % amount
f = "{:,}".format(count)
g = format(amount, ",.2f")
# Babel's, or not a figure: never reported.
h = fmt.money(total, "CAD")
i = f"{name:>20}"
j = f"{count}"
"""
    found = list(found_in(sample, "sample.py"))
    assert sorted(int(hit.split(":")[1]) for hit in found) == [2, 3, 4, 5, 6, 7, 8]
