"""Where the book, the log and the backups live."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "diva-desk"
ENV_DATA_DIR = "DIVA_DESK_DATA_DIR"
BOOK_FILENAME = "book.sqlite3"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``$DIVA_DESK_DATA_DIR``, else the platform's user data folder."""
    chosen = explicit or os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def book_path(folder: Path) -> Path:
    return folder / BOOK_FILENAME


def log_path(folder: Path) -> Path:
    return folder / "diva-desk.log"


def backups_dir(folder: Path) -> Path:
    """The automatic and "back up now" copies of the book."""
    return folder / "backups"


# Privacy on disk: the data folder and its backups are the owner's alone (0700) and
# every file Diva Desk writes in them is 0600, whatever the umask. Exports and PDFs
# saved elsewhere follow the umask like any other program's files.
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) if need be and make it 0700.

    A folder that already exists is tightened only if it is this user's and not a
    shared one (sticky, like /tmp): ``--data-dir`` may name any folder.
    """
    folder.mkdir(parents=True, exist_ok=True)
    info = folder.stat()
    owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    if owned and not info.st_mode & 0o1000 and info.st_mode & 0o777 != PRIVATE_FOLDER:
        with contextlib.suppress(OSError):  # a read-only folder: opening the book says so
            folder.chmod(PRIVATE_FOLDER)
    return folder


def create_private_file(path: Path) -> None:
    """Create an empty file only this user can read and write; FileExistsError if it exists."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def make_private(path: Path) -> None:
    """Tighten a file Diva Desk keeps in the data folder (an older version left it 0644)."""
    with contextlib.suppress(OSError):  # gone, or a read-only disk: nothing to tighten
        if path.stat().st_mode & 0o777 != PRIVATE_FILE:
            path.chmod(PRIVATE_FILE)
