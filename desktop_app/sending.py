"""The send job: due outbox rows go out exactly once, one connection per batch, paced and capped.

Exactly once: a row is committed as ``sending`` before its bytes go on the wire and as ``sent``
(or failed / deferred / needs attention) after, before any further network traffic (an accepted
message's ``sent`` shares the next claim's commit); no transaction spans the network. A row found in
``sending`` by the next sender (who holds the sender lock, so its owner is dead) may or may not
have arrived and becomes ``needs_attention`` — never re-sent without the owner's say.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any, Protocol

from sqlite_utils import Database

from desktop_app import pacing
from desktop_app.changes import Changes
from desktop_app.outbox_pause import Pause, clear_pause, read_pause, set_pause
from desktop_app.pacing import SendLimits
from desktop_app.progress import TaskContext
from desktop_app.sender_lock import SenderLock, lock_path_for
from mailers.smtp import (
    SmtpAuthError,
    SmtpConnectError,
    SmtpError,
    SmtpOutcomeUnknown,
    SmtpQuotaError,
    SmtpRecipientRefused,
    SmtpTemporaryError,
    SmtpTlsError,
)
from storage import outbox
from storage.outbox import OutboxRow
from storage.timestamps import from_iso, to_iso, utc_now

# Pace waits up to this long inside one run (holding the connection); longer waits end the run
# and the next scheduled run picks up.
MAX_PACE_WAIT_S = 90.0


class Session(Protocol):
    def open(self) -> None: ...
    def send(self, message: EmailMessage) -> str: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class Wire:
    """How to reach the owner's mailbox, built by the composition root from the mail account."""

    open_session: Callable[[], Session]  # an unopened session; send_due opens and closes it
    build_message: Callable[[OutboxRow], EmailMessage]  # uses row.message_id as Message-ID
    new_message_id: Callable[[], str]
    limits: SendLimits = field(default_factory=SendLimits)
    account_name: str = "your mail account"


@dataclass(frozen=True)
class Problem:
    outbox_id: int
    draft_id: int | None
    code: str | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"draft_id": self.draft_id, "outbox_id": self.outbox_id, "code": self.code,
                "message": self.message}


@dataclass
class SendReport:
    """What one run did, and when the next message may go."""

    sent: int = 0
    deferred: int = 0
    failed: list[Problem] = field(default_factory=list)
    needs_attention: list[Problem] = field(default_factory=list)
    next_send_at: dt.datetime | None = None
    paused: Pause | None = None
    waiting_for_account: bool = False
    busy: bool = False  # another sender holds the lock
    offline: str | None = None  # why the server could not be reached

    @property
    def changed(self) -> bool:
        return bool(self.sent or self.deferred or self.failed or self.needs_attention)

    def changes(self) -> Changes:
        """What views should refresh (the pause banner counts as an outbox change)."""
        touched = self.changed or self.paused is not None
        return Changes(outbox=touched, drafts=self.changed)

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "deferred": self.deferred,
            "failed": [p.to_json() for p in self.failed],
            "needs_attention": [p.to_json() for p in self.needs_attention],
            "next_send_at": to_iso(self.next_send_at) if self.next_send_at else None,
            "paused": self.paused.to_json() if self.paused else None,
            "waiting_for_account": self.waiting_for_account,
            "busy": self.busy,
            "offline": self.offline,
        }


def send_due(
    db: Database,
    *,
    wire: Wire | None,
    limit: int | None = None,
    ctx: TaskContext | None = None,
    clock: Callable[[], dt.datetime] = utc_now,
    sleep: Callable[[float], None] | None = None,
    max_pace_wait: float = MAX_PACE_WAIT_S,
) -> SendReport:
    """Send what is due now. Safe to call from the scheduler every few minutes and from the CLI.

    *wire* None means no mail account yet: messages wait. Runs on the ``net`` lane (it blocks on
    the network); *db* must be that thread's own connection.
    """
    report = SendReport()
    with SenderLock(lock_path_for(db)) as held:
        if not held:
            report.busy = True
            return report
        now = clock()
        for outbox_id in outbox.recover_interrupted(db, now=to_iso(now)):
            row = outbox.get(db, outbox_id)
            report.needs_attention.append(_problem(row, None, row.last_error or ""))
        if wire is None:
            report.waiting_for_account = True
            return report
        pause = read_pause(db)
        if pause is not None and pause.until is not None and pause.until <= now:
            clear_pause(db)
            pause = None
        if pause is not None:
            report.paused = pause
            report.next_send_at = pause.until
            return report
        _Batch(db, wire, report, ctx, clock, sleep or _sleeper(ctx), max_pace_wait).run(limit)
    return report


def _sleeper(ctx: TaskContext | None) -> Callable[[float], None]:
    # Waiting on the cancel flag lets the owner (or app shutdown) interrupt a pace wait.
    event = ctx._cancel if ctx is not None else threading.Event()
    return lambda seconds: event.wait(seconds)


def _problem(row: OutboxRow, code, message: str) -> Problem:
    return Problem(row.id, row.draft_id, None if code is None else str(code), message)


class _Batch:
    """One run over the due rows with one connection (opened lazily, reopened never)."""

    def __init__(self, db, wire, report, ctx, clock, sleep, max_pace_wait) -> None:
        self.db, self.wire, self.report, self.ctx = db, wire, report, ctx
        self.clock, self.sleep, self.max_pace_wait = clock, sleep, max_pace_wait
        self.limits: SendLimits = wire.limits
        self.session: Session | None = None
        self.offline_retry: dt.datetime | None = None
        # The last message the server accepted, its ``sent`` not yet committed: it rides along
        # with the next claim, or is committed on its own before any wait, QUIT or return.
        self.unsettled: tuple[int, str, str] | None = None

    def run(self, limit: int | None) -> None:
        try:
            self._loop(limit)
        finally:
            self._settle()
            if self.session is not None:
                # The messages are settled; a failed QUIT is not news.
                _close_quietly(self.session)
        self.report.next_send_at = self._next_send_at()

    def _settle(self) -> None:
        if self.unsettled is not None:
            outbox_id, reply, at = self.unsettled
            self.unsettled = None
            outbox.mark_sent(self.db, outbox_id, reply=reply, now=at)

    def _loop(self, limit: int | None) -> None:
        remaining = limit if limit is not None else 1_000_000
        while remaining > 0:
            now = self.clock()
            if pacing.quiet_until(now, self.limits) is not None:
                return
            ids = outbox.due_ids(self.db, now=to_iso(now), limit=min(remaining, 200))
            if not ids:
                return
            for outbox_id in ids:
                if self.ctx is not None and self.ctx.cancelled:
                    return
                if not self._wait_for_pace():
                    return
                if self.session is None and not self._connect():
                    return
                go_on = self._send_one(outbox_id)
                remaining -= 1
                if not go_on or remaining <= 0:
                    return

    # -- pacing -------------------------------------------------------------------------------

    def _wait_for_pace(self) -> bool:
        """True when the next message may go now (after a short wait, if the minute is full)."""
        while True:
            now = self.clock()
            if pacing.quiet_until(now, self.limits) is not None:
                return False
            pending = (self.unsettled[2],) if self.unsettled is not None else ()
            free_at = pacing.cap_free_at(self.db, now, self.limits, pending=pending)
            if free_at is None:
                return True
            wait = (free_at - now).total_seconds()
            if wait > self.max_pace_wait:
                return False
            self._settle()  # nothing stays unsettled across a wait
            self.sleep(max(wait, 0.0))
            if self.ctx is not None and self.ctx.cancelled:
                return False

    def _next_send_at(self) -> dt.datetime | None:
        if self.report.paused is not None:
            return self.report.paused.until
        now = self.clock()
        waiting = outbox.next_waiting_at(self.db)
        if waiting is None:
            return None
        moment = max(from_iso(waiting), now)
        if self.offline_retry is not None:
            moment = max(moment, self.offline_retry)
        free_at = pacing.cap_free_at(self.db, moment, self.limits)
        if free_at is not None:
            moment = max(moment, free_at)
        return pacing.not_quiet(moment, self.limits)

    # -- the wire -----------------------------------------------------------------------------

    def _connect(self) -> bool:
        session = self.wire.open_session()
        try:
            session.open()
        except (SmtpAuthError, SmtpTlsError) as exc:
            self._pause("auth" if isinstance(exc, SmtpAuthError) else "tls", exc, until=None)
            return False
        except SmtpQuotaError as exc:
            self._pause("quota", exc, until=pacing.quota_pause_until(self.db, self.clock()))
            return False
        except (SmtpError, OSError) as exc:
            # Offline or the server unreachable: nothing moved, the next run tries again.
            self.report.offline = str(exc) or type(exc).__name__
            self.offline_retry = self.clock() + pacing.OFFLINE_RETRY
            _close_quietly(session)
            return False
        self.session = session
        return True

    def _pause(self, reason: str, exc: SmtpError, *, until: dt.datetime | None) -> None:
        pause = Pause(reason=reason, message=str(exc), code=_code(exc), since=self.clock(), until=until)
        set_pause(self.db, pause)
        self.report.paused = pause

    def _send_one(self, outbox_id: int) -> bool:
        """Claim, send and settle one row. False: the batch must stop (connection gone, paused)."""
        now_iso = to_iso(self.clock())
        settle, self.unsettled = self.unsettled, None
        try:
            row = outbox.claim(self.db, outbox_id, message_id=self.wire.new_message_id(),
                               now=now_iso, settle_sent=settle)
        except BaseException:
            self.unsettled = settle  # rolled back: run() commits it on the way out
            raise
        if row is None:
            return True  # the owner discarded it or undid the approval meanwhile
        try:
            message = self.wire.build_message(row)
        except (ValueError, SmtpError) as exc:  # a bad address or header: this message only
            outbox.mark_failed(self.db, outbox_id, code=None, message=str(exc), now=now_iso)
            self.report.failed.append(_problem(row, None, str(exc)))
            return True
        try:
            reply = self.session.send(message)
        except SmtpError as exc:
            return self._settle_error(row, exc)
        except BaseException as exc:
            # A bug or an interrupt while the bytes may be on the wire: the outcome is unknown.
            text = f"Sending stopped unexpectedly ({type(exc).__name__}); it may have arrived."
            outbox.mark_needs_attention(self.db, outbox_id, code=None, message=text,
                                        now=to_iso(self.clock()))
            self.report.needs_attention.append(_problem(row, None, text))
            raise
        self.unsettled = (outbox_id, reply, to_iso(self.clock()))
        self.report.sent += 1
        if self.ctx is not None:
            self.ctx.report(self.report.sent, 0, "Sending…")
        return True

    def _settle_error(self, row: OutboxRow, exc: SmtpError) -> bool:
        now = self.clock()
        now_iso = to_iso(now)
        code, text = _code(exc), str(exc)
        if isinstance(exc, SmtpOutcomeUnknown):
            outbox.mark_needs_attention(self.db, row.id, code=code, message=text, now=now_iso)
            self.report.needs_attention.append(_problem(row, code, text))
            return False
        if isinstance(exc, SmtpQuotaError):
            until = pacing.quota_pause_until(self.db, now)
            self._defer(row, code, text, until)
            self._pause("quota", exc, until=until)
            return False
        if isinstance(exc, SmtpAuthError | SmtpTlsError):
            outbox.unclaim(self.db, row.id, now=now_iso)
            self._pause("auth" if isinstance(exc, SmtpAuthError) else "tls", exc, until=None)
            return False
        if isinstance(exc, SmtpConnectError):
            # Dropped before the message began: it did not arrive, so try it again later.
            self._defer(row, code, text, now + pacing.backoff(row.attempts))
            self.offline_retry = now + pacing.OFFLINE_RETRY
            return False
        if isinstance(exc, SmtpTemporaryError) or (exc.code is not None and 400 <= exc.code < 500):
            self._defer(row, code, text, now + pacing.backoff(row.attempts))
            # 421: the server is closing the connection; the rest wait for the next run.
            return exc.code != 421
        if isinstance(exc, SmtpRecipientRefused) or (exc.code is not None and exc.code >= 500):
            outbox.mark_failed(self.db, row.id, code=code, message=text, now=now_iso)
            self.report.failed.append(_problem(row, code, text))
            return True
        outbox.mark_needs_attention(self.db, row.id, code=code, message=text, now=now_iso)
        self.report.needs_attention.append(_problem(row, code, text))
        return False

    def _defer(self, row: OutboxRow, code, text: str, retry_at: dt.datetime) -> None:
        now_iso = to_iso(self.clock())
        if row.attempts >= pacing.MAX_ATTEMPTS:
            message = f"Gave up after {row.attempts} tries. The server last said: {text}"
            outbox.mark_failed(self.db, row.id, code=code, message=message, now=now_iso)
            self.report.failed.append(_problem(row, code, message))
            return
        outbox.mark_deferred(self.db, row.id, code=code, message=text, retry_at=to_iso(retry_at),
                             now=now_iso)
        self.report.deferred += 1


def _code(exc: SmtpError) -> str | None:
    code = getattr(exc, "code", None)
    return None if code is None else str(code)


def _close_quietly(session: Session) -> None:
    with contextlib.suppress(Exception):
        session.close()
