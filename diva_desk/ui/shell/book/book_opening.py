"""Opening the book for the window, with a way forward when it cannot be used as it is.

:func:`open_for_window` opens the book in a data folder; a damaged, cut-short, empty,
missing-table, newer or read-only book brings up the :class:`BookProblemDialog`, and
the person's choice is carried out (restore the latest good backup, choose another
data folder, open read-only, quit). :func:`claim_for_window` makes this the book's one
window (ui.shell.single_instance). :func:`check_in_background` runs the day's quick
check and copy after the window is shown, and says the same things if it finds damage.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from diva_desk import paths
from diva_desk.errors import BookProblem, UserFacingError
from diva_desk.i18n import _
from diva_desk.store.book import health, maintenance
from diva_desk.store.book.db import close_book, open_book
from diva_desk.ui.common import errors
from diva_desk.ui.shell.book.book_problem_dialog import BookProblemDialog, Choice, describe
from diva_desk.ui.shell.single_instance import Outcome, SingleInstance

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Opened:
    """The book open now: its data folder, and whether it can only be read (and why)."""

    data_dir: Path
    read_only: bool
    reason: str = ""


def ask(problem: BookProblem, book: Path, *, can_read_only: bool = False) -> BookProblemDialog:
    """Show the dialog for ``problem`` (tests replace this to choose a button)."""
    dialog = BookProblemDialog(describe(problem, book, can_read_only=can_read_only))
    dialog.exec()
    return dialog


def open_for_window(data_dir: Path) -> Opened | None:
    """Open the book in ``data_dir``, or another the person chooses; None: they quit."""
    while True:
        book = paths.book_path(data_dir)
        try:
            open_book(book)
        except BookProblem as exc:
            log.warning("book not opened: %s", exc)
            choice = ask(exc, book).choice
            if choice is Choice.RESTORE:
                _restore_over(book, parent=None)
            elif choice is Choice.OTHER_BOOK:
                data_dir = choose_data_folder(None, data_dir) or data_dir
            else:
                return None
            continue
        if not _writable(book):
            close_book()
            dialog = ask(health.read_only(book), book, can_read_only=True)
            if dialog.choice is Choice.READ_ONLY:
                open_book(book)
                log.info("book opened read-only: %s", book)
                reason = _("The book's file, its folder or its disk cannot be written to.")
                return Opened(data_dir, read_only=True, reason=reason)
            if dialog.choice is Choice.OTHER_BOOK:
                data_dir = choose_data_folder(None, data_dir) or data_dir
                continue
            return None
        return Opened(data_dir, read_only=False)


def claim_for_window(opened: Opened) -> tuple[SingleInstance, Opened] | None:
    """Become the book's one window, or None: the window that has it was brought forward.

    Where neither can be (ui.shell.single_instance), the book is opened again for
    reading only, and the returned :class:`Opened` says why.
    """
    book = paths.book_path(opened.data_dir)
    instance = SingleInstance(book)
    claim = instance.claim()
    if claim.outcome is Outcome.HANDED_OVER:
        log.info("another window has %s; it was asked to come to the front", book)
        return None
    if claim.outcome is Outcome.READ_ONLY and not opened.read_only:
        close_book()
        open_book(book, read_only=claim.reason)
        log.warning("book opened read-only: %s", claim.reason)
        opened = Opened(opened.data_dir, read_only=True, reason=claim.reason)
    return instance, opened


def _writable(book: Path) -> bool:
    return os.access(book, os.W_OK) and os.access(book.parent, os.W_OK)


def choose_data_folder(parent: QWidget | None, current: Path) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, _("Choose the folder of another book"), str(current.parent)
    )
    return Path(folder) if folder else None


def _restore_over(book: Path, parent: QWidget | None) -> bool:
    """Put the latest good backup in the troubled book's place; the troubled file kept aside."""
    backup = health.latest_good_backup(book)
    if backup is None:
        return False
    try:
        kept = maintenance.restore_over_damaged(backup, book)
    except UserFacingError as exc:
        errors.show_message(parent, str(exc), critical=True)
        return False
    log.info("restored %s from %s; the damaged book kept as %s", book, backup, kept)
    errors.show_message(
        parent,
        _(
            "The book was restored from {backup}. The damaged book was kept, untouched, as {kept}."
        ).format(backup=backup.name, kept=kept),
    )
    return True


def check_in_background(window: QMainWindow, on_restored, on_other_book) -> None:  # type: ignore[no-untyped-def]
    """The quick check and today's copy, off the GUI thread; damage found is said as at start."""

    def failed(error: BaseException) -> None:
        if not isinstance(error, health.BookDamaged):
            errors.show_failure(window, error)
            return
        book = maintenance.open_book_file()
        assert book is not None, "the book closed during the check at start"
        log.warning("the check at start found damage: %s", error)
        choice = ask(error, book).choice
        if choice is Choice.RESTORE:
            window.tasks.wait()
            close_book()
            restored = _restore_over(book, window)
            open_book(book)
            if restored:
                on_restored()
        elif choice is Choice.OTHER_BOOK:
            on_other_book()
        else:
            window.close()

    def done(copy: Path | None) -> None:
        if copy is not None:
            window.statusBar().showMessage(
                _("Today's copy of the book was written to {path}.").format(path=copy), 8000
            )

    window.tasks.run(maintenance.ready_for_the_day, done, failed)
