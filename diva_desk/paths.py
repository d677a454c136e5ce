"""Where the book, the log and the backups live."""

from __future__ import annotations

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
