"""The sit-down meeting pack from a call: made off the GUI thread, shown in the PDF preview."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from diva_desk.i18n import _
from diva_desk.ui.common import errors
from diva_desk.ui.common.tasks import TaskRunner


def meeting_pack_data(code: str, today: dt.date) -> tuple[bytes, str, str]:
    """The customer's one-page meeting pack, with the title and file name it is shown under.

    Imported here, not at the top, so the call list opens without loading ReportLab.
    """
    from diva_desk.documents.letters.meeting_pack import meeting_pack_pdf
    from diva_desk.store.calls.letters import meeting_pack_document

    doc = meeting_pack_document(code, today)
    name = doc.packs[0].customer.name if doc.packs else code
    title = _("Meeting pack: {customer}").format(customer=name)
    return meeting_pack_pdf(doc), title, f"meeting-pack-{code}-{today.isoformat()}.pdf"


def show_meeting_pack(parent: QWidget, tasks: TaskRunner, code: str, today: dt.date) -> None:
    """Make the pack off the GUI thread, then show it where it can be saved or printed."""
    from diva_desk.ui.documents.pdf_preview import preview_pdf

    def shown(result: object) -> None:
        data, title, file_name = result  # type: ignore[misc]
        preview_pdf(parent, data, title=title, file_name=file_name)

    tasks.run(
        lambda: meeting_pack_data(code, today),
        shown,
        lambda error: errors.show_failure(parent, error),
    )
