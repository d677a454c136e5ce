"""Bugs are logged with their traceback to a file in the data folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from diva_desk.paths import log_path


def configure_logging(folder: Path) -> Path:
    """Send this process's log to ``diva-desk.log`` in ``folder`` (rotated at 1 MB)."""
    path = log_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_diva_desk", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler._diva_desk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
