"""One book, one writer in the window: a second window on the same book brings the first forward.

The first window on a book holds two things, both named after the book's path:

* a lock on ``.<book>.window`` in the data folder (``flock``), which says "a window
  has this book" to any process that can see the folder, whatever its session;
* a ``QLocalServer``, which a second start asks to bring its window to the front.

A second start connects to the server, says ``raise`` and quits (status 0). Where
that fails (the server cannot listen, or the lock is held by a program that does not
answer: a window hung, or in another session where the socket is out of sight), the
book is opened read-only and the window says so; see ui.shell.read_only.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from diva_desk.i18n import _
from diva_desk.paths import PRIVATE_FILE

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the local server alone decides
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

_RAISE = b"raise\n"
#: How long a second start keeps trying to reach a first window that is still starting.
WAIT_FOR_FIRST_SECONDS = 3.0


class Outcome(enum.Enum):
    #: This window is the book's writer.
    FIRST = "first"
    #: Another window has the book and was asked to come to the front: quit.
    HANDED_OVER = "handed-over"
    #: Neither: open the book read-only (:attr:`Claim.reason` says why).
    READ_ONLY = "read-only"


@dataclass(frozen=True)
class Claim:
    outcome: Outcome
    reason: str = ""


def server_name(book: Path) -> str:
    """A local socket name for the book: the same path always gives the same name."""
    digest = hashlib.sha256(str(book.resolve()).encode("utf-8")).hexdigest()[:20]
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return f"diva-desk-{user}-{digest}"


def lock_path(book: Path) -> Path:
    return book.with_name(f".{book.name}.window")


class SingleInstance(QObject):
    """The claim on a book for this process's window; :attr:`raise_requested` from others."""

    #: Another start asked for this window to come to the front.
    raise_requested = Signal()

    def __init__(self, book: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.name = server_name(book)
        self.server: QLocalServer | None = None
        self._lock: int | None = None

    def claim(self, wait: float = WAIT_FOR_FIRST_SECONDS) -> Claim:
        """Become the book's window, hand over to the one that is, or say why neither."""
        if _ask_to_raise(self.name):
            return Claim(Outcome.HANDED_OVER)
        if not self._take_lock():
            # Another process holds the book's window lock: perhaps a window still
            # starting, so keep asking it for a moment before giving up.
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline:
                if _ask_to_raise(self.name):
                    return Claim(Outcome.HANDED_OVER)
                time.sleep(0.1)
            return Claim(
                Outcome.READ_ONLY,
                _(
                    "Another program has this book open (a Diva Desk window that does not "
                    "answer, or one in another session), so this window only reads it."
                ),
            )
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a socket left under this name is a crashed window's.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            error = server.errorString()
            log.warning("the window's local server %s cannot listen: %s", self.name, error)
            self.release()
            return Claim(
                Outcome.READ_ONLY,
                _(
                    "Diva Desk could not make sure no other window writes this book ({error}), "
                    "so this window only reads it."
                ).format(error=error),
            )
        server.newConnection.connect(self._answer)
        self.server = server
        log.info("this window has the book %s (local server %s)", self.book, self.name)
        return Claim(Outcome.FIRST)

    def release(self) -> None:
        """Let another window have the book (this one closes, or opens another book)."""
        if self.server is not None:
            self.server.close()
            self.server = None
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor drops the flock
            self._lock = None

    def _take_lock(self) -> bool:
        if fcntl is None:
            return True
        try:
            fd = os.open(lock_path(self.book), os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        except OSError as exc:
            log.info("no window lock beside %s (%s): the server alone decides", self.book, exc)
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._lock = fd
        return True

    def _answer(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_RAISE.strip()):
            log.info("another start on this book asked for this window")
            self.raise_requested.emit()


def _ask_to_raise(name: str, timeout_ms: int = 500) -> bool:
    """Ask the window serving ``name`` to come forward; True if it was there to ask."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_RAISE)
    socket.flush()
    written = socket.waitForBytesWritten(timeout_ms) or socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    return written


def bring_to_front(window: QWidget) -> None:
    """Show the window un-minimised, on top, with the keyboard (as far as the desktop allows)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
