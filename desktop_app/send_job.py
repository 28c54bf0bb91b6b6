"""The send job as the app and the CLI run it: the mail account turned into a wire, then send_due.

Call :func:`send_now` on the ``net`` lane (it blocks on the keyring and the network) every few
minutes while the app is open, and from ``fondly send``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import make_msgid
from typing import Any

import schedule
from sqlite_utils import Database

from desktop_app import pacing
from desktop_app.errors import AppError
from desktop_app.mail_account import AccountSecrets, MailAccount, load_account, send_limits
from desktop_app.outbox_pause import Pause, read_pause
from desktop_app.progress import TaskContext
from desktop_app.sending import MAX_PACE_WAIT_S, SendReport, Wire, send_due
from desktop_app.settings import Settings, load_settings
from mailers.messages import build_message, make_message_id
from mailers.smtp import SmtpAuthError, SmtpSession
from storage import outbox
from storage.outbox import OutboxRow
from storage.timestamps import from_iso, utc_now

# How often the app's scheduler should call send_now while the app is open.
SEND_EVERY_MINUTES = 3
# In the app a pace wait must not hold the net lane (keyring, Test connection) or delay quitting:
# the run ends instead and the next run (at report.next_send_at) goes on.
APP_MAX_PACE_WAIT_S = 5.0


class _MissingSecretSession:
    """Stands in for a session when the secret cannot be had: opening it is a refused login."""

    def __init__(self, error: AppError) -> None:
        self._error = error

    def open(self) -> None:
        raise SmtpAuthError(str(self._error))

    def send(self, message):  # pragma: no cover - never opened
        raise SmtpAuthError(str(self._error))

    def close(self) -> None:
        pass


def wire_for(
    db: Database,
    *,
    secrets: AccountSecrets,
    account: MailAccount | None = None,
    settings: Settings | None = None,
) -> Wire | None:
    """The wire to the owner's mailbox, or None when no mail account is set up yet."""
    account = account or load_account(db)
    if account is None:
        return None
    settings = settings or load_settings(db)
    daily, per_minute = send_limits(account, settings)
    limits = pacing.limits_from(settings, preset_daily=daily, preset_per_minute=per_minute)
    config = account.smtp_config()
    sender_name = account.name or settings.owner_name or settings.shop_name
    # The owner's (IDNA-encoded) domain, worked out once per batch rather than per message.
    domain = make_message_id(account.email).rpartition("@")[2].rstrip(">")

    def open_session():
        try:
            secret = secrets.secret(account)  # the keyring: this is why we run on the net lane
        except AppError as exc:
            return _MissingSecretSession(exc)
        return SmtpSession(config, secret)

    def build(row: OutboxRow):
        return build_message(
            sender_name=sender_name, sender_address=account.email,
            recipient_name=row.to_name, recipient_address=row.to_addr,
            subject=row.subject, text=row.body_text, html=row.body_html,
            occasion=row.occasion, message_id=row.message_id,
        )

    return Wire(
        open_session=open_session,
        build_message=build,
        new_message_id=lambda: make_msgid(domain=domain),
        limits=limits,
        account_name=account.provider_label,
    )


def send_now(
    db: Database,
    *,
    secrets: AccountSecrets,
    limit: int | None = None,
    ctx: TaskContext | None = None,
    max_pace_wait: float = MAX_PACE_WAIT_S,
) -> SendReport:
    """Send what is due through the stored mail account (waits if there is none)."""
    return send_due(db, wire=wire_for(db, secrets=secrets), limit=limit, ctx=ctx,
                    max_pace_wait=max_pace_wait)


@dataclass(frozen=True)
class OutboxStatus:
    """What the Sent page's banner says. Reads only the database: safe on the UI thread."""

    has_account: bool
    pause: Pause | None
    waiting: int  # queued or deferred
    needs_decision: int  # failed or needs attention
    next_send_at: dt.datetime | None


def outbox_status(db: Database, *, now: dt.datetime | None = None) -> OutboxStatus:
    now = now or utc_now()
    account = load_account(db)
    counts = outbox.count_by_state(db)
    pause = read_pause(db)
    next_at = None
    waiting_at = outbox.next_waiting_at(db)
    if account is not None and waiting_at is not None:
        settings = load_settings(db)
        daily, per_minute = send_limits(account, settings)
        limits = pacing.limits_from(settings, preset_daily=daily, preset_per_minute=per_minute)
        moment = max(from_iso(waiting_at), now)
        if pause is not None and pause.until is not None:
            moment = max(moment, pause.until)
        free_at = pacing.cap_free_at(db, moment, limits)
        if free_at is not None:
            moment = max(moment, free_at)
        next_at = pacing.not_quiet(moment, limits)
    return OutboxStatus(
        has_account=account is not None,
        pause=pause,
        waiting=counts["queued"] + counts["deferred"],
        needs_decision=counts["failed"] + counts["needs_attention"],
        next_send_at=next_at,
    )


Submit = Callable[[Callable[[TaskContext], SendReport]], Any]


class SendJobs:
    """Puts the send job on the app's :class:`schedule.Scheduler` (the occasions' one).

    *submit* hands the work to the ``net`` lane, e.g. ``lambda work: tasks.run("net", work,
    needs_db=True, on_done=lambda r: hub.announce(r.changes()))``. At most one run is waiting or
    running at a time: a slow server never piles runs up behind each other.
    """

    def __init__(
        self,
        scheduler: schedule.Scheduler,
        submit: Submit,
        work: Callable[[TaskContext], SendReport],
        *,
        every_minutes: int = SEND_EVERY_MINUTES,
    ) -> None:
        self._submit = submit
        self._work = work
        self._pending = threading.Event()
        self.submitted = 0
        scheduler.every(every_minutes).minutes.do(self.submit_send).tag("send")

    def submit_send(self) -> bool:
        """Queue one run (also right after start: it recovers interrupted sends). False: one waits."""
        if self._pending.is_set():
            return False
        self._pending.set()
        self.submitted += 1

        def run(ctx: TaskContext) -> SendReport:
            try:
                return self._work(ctx)
            finally:
                self._pending.clear()

        self._submit(run)
        return True
