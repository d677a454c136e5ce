"""Start-up imports only what the first window needs: no ReportLab, QtPdf, iCalendar or
the contacts import (phone numbers, vCards) until a PDF, a calendar or a contact is asked for.
"""

from __future__ import annotations

import subprocess
import sys

LATER = ("reportlab", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "icalendar", "diva_desk.contacts")


def test_the_window_module_loads_without_pdf_calendar_or_contacts_libraries() -> None:
    probe = (
        "import sys\n"
        "import diva_desk.app, diva_desk.ui.shell.main_window\n"
        f"print(' '.join(m for m in {LATER!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == ""
