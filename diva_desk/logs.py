"""Bugs are logged with their traceback to a file in the data folder.

The log is private (0600, in the 0700 data folder) and holds no secrets: messages
name files and what happened, never a password or the contents of a book.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from diva_desk.paths import PRIVATE_FILE, log_path, make_private, make_private_folder


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Opens (and re-opens after rotating) the log as 0600 whatever the umask."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        make_private(Path(self.baseFilename))
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def configure_logging(folder: Path) -> Path:
    """Send this process's log to ``diva-desk.log`` in ``folder`` (rotated at 1 MB)."""
    path = log_path(folder)
    make_private_folder(path.parent)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_diva_desk", False):
            root.removeHandler(handler)
            handler.close()
    handler = _PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler._diva_desk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for rotated in path.parent.glob(path.name + ".*"):
        make_private(rotated)
    return path
