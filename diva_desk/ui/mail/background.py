"""The window's sender: delivers the outbox in the background while the window is open.

A round is mail.sender.deliver_waiting (mark, send, confirm, one message at a time)
on a worker of its own (ui.common.tasks.TaskRunner), so a slow or unreachable server
never freezes the window, and never holds up a backup or an export on the window's
own worker. A round starts:

* soon after a message is queued, retried or edited (:meth:`OutboxSender.send_soon`);
* every :data:`CHECK_SECONDS`, for the messages whose back-off has run out (the
  outbox keeps each message's next try: a minute, then two, four, ... at most an
  hour while the server cannot be reached);
* when the computer comes back online (Qt's network information, where the system
  has a backend for it): then every waiting message is tried at once;
* on "Send now" in the Outbox view, which tries every waiting message at once.

One round runs at a time. :meth:`OutboxSender.stop` (the window closing) lets the
message being handed over finish, starts no other, and waits: a message is never
cut off mid-send by the app itself (a crash is what outbox.recover_interrupted is for).
"""

from __future__ import annotations

import logging
import ssl
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.ui.common.tasks import TaskRunner

log = logging.getLogger(__name__)

#: How often the window looks for messages whose wait is over.
CHECK_SECONDS = 30


def _deliver(everything: bool, context: ssl.SSLContext | None, keep_going: Any) -> object:
    """The round, on the worker: nothing when mail is not set up (it waits for settings)."""
    from diva_desk.mail import outbox, sender
    from diva_desk.mail.settings import load_settings

    if not outbox.waiting_count() or not load_settings().is_set_up:
        return None
    return sender.deliver_waiting(everything=everything, context=context, keep_going=keep_going)


class OutboxSender(QObject):
    """Runs sending rounds off the GUI thread and says when each is over."""

    #: A round ended: its mail.sender.Round, or None when there was nothing to do.
    round_done = Signal(object)
    #: A round could not run: the sentence to show (a locked keyring, a full disk).
    round_failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, check_seconds: int = CHECK_SECONDS):
        super().__init__(parent)
        self.tasks = TaskRunner(self)
        #: Tests trust their own certificate through this (the settings dialog's too).
        self.context: ssl.SSLContext | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(check_seconds * 1000)
        self._timer.timeout.connect(self.send_soon)
        self._running = False
        self._stopped = False
        #: A round asked for while one ran: run one more after it (True: everything).
        self._again: bool | None = None
        self._paused = 0
        self._online: Any = None

    def start(self) -> None:
        """Begin checking (and deliver what is due now)."""
        self._stopped = False
        self._timer.start()
        self._watch_network()
        self.send_soon()

    def is_running(self) -> bool:
        return self._running

    def send_soon(self, everything: bool = False) -> None:
        """A round now, or right after the one running (``everything``: ignore the waits)."""
        if self._stopped:
            return
        if self._running or self._paused:
            self._again = bool(self._again) or everything
            return
        from diva_desk.mail import outbox

        try:
            if not outbox.waiting_count():
                return  # nothing waits: no round (a quick count, on this thread)
        except Exception as exc:  # the book between two (a restore): the next tick tries
            log.warning("The outbox could not be read: %s", exc)
            return
        self._running = True
        context = self.context
        self.tasks.run(
            lambda: _deliver(everything, context, self._keep_going),
            self._done,
            self._failed,
        )

    def pause(self) -> None:
        """No new round until :meth:`resume` (the owner is editing a waiting message)."""
        self._paused += 1

    def resume(self) -> None:
        self._paused = max(0, self._paused - 1)
        if not self._paused and not self._running:
            self._next()

    def send_everything_now(self) -> None:
        self.send_soon(everything=True)

    def stop(self) -> None:
        """No new round or message; wait for the message being sent (the window closes)."""
        self._stopped = True
        self._timer.stop()
        self.tasks.wait()

    def _keep_going(self) -> bool:
        return not self._stopped

    def _done(self, result: object) -> None:
        self._running = False
        if self._stopped:
            return  # the window closed while the round ended: nothing to show it in
        self.round_done.emit(result)
        self._next()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        if self._stopped:
            log.warning("The outbox round ended in trouble as the window closed: %s", error)
            return
        if isinstance(error, UserFacingError):
            self.round_failed.emit(str(error))
        else:  # a bug: in the log with its traceback, and said in the status bar
            log.error("The outbox round failed", exc_info=error)
            self.round_failed.emit(
                _("Sending stopped on an unexpected problem; the log has the details.")
            )
        self._next()

    def _next(self) -> None:
        if self._again is not None and not self._stopped and not self._paused:
            everything, self._again = self._again, None
            self.send_soon(everything)

    def _watch_network(self) -> None:
        """Try everything when the computer is back online, where Qt can tell."""
        if self._online is not None:
            return
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadBackendByFeatures(
                QNetworkInformation.Feature.Reachability
            ):
                return
            info = QNetworkInformation.instance()
        except (ImportError, RuntimeError, AttributeError):
            return
        if info is None:
            return
        self._online = info
        online = QNetworkInformation.Reachability.Online
        info.reachabilityChanged.connect(
            lambda reach: self.send_everything_now() if reach == online else None
        )
