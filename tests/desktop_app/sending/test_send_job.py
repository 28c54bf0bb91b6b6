"""The send job on a schedule, and the banner's status (no network needed)."""

from __future__ import annotations

import datetime as dt

import schedule

from desktop_app.mail_account import account_for, save_account
from desktop_app.outbox_pause import Pause, set_pause
from desktop_app.progress import TaskContext
from desktop_app.send_job import SendJobs, outbox_status
from desktop_app.sending import SendReport
from desktop_app.settings import Settings, save_settings
from storage import outbox
from storage.timestamps import to_iso
from tests.desktop_app.sending.outbox_rows import queue_messages

T0 = dt.datetime(2026, 1, 2, 12, tzinfo=dt.UTC)


def test_send_jobs_never_pile_up():
    scheduler = schedule.Scheduler()
    queued = []
    jobs = SendJobs(scheduler, queued.append, lambda ctx: SendReport(sent=1))
    scheduler.run_all()
    assert jobs.submit_send() is False  # the first run has not run yet
    assert len(queued) == 1 and jobs.submitted == 1
    assert queued[0](TaskContext()).sent == 1  # the lane runs it …
    assert jobs.submit_send() is True  # … and the next may be queued
    assert [job.tags for job in scheduler.jobs] == [{"send"}]


def test_status_without_account_then_waiting_then_capped_then_paused(db):
    queue_messages(db, 2, planned_at=T0)
    status = outbox_status(db, now=T0)
    assert not status.has_account and status.waiting == 2 and status.next_send_at is None
    save_account(db, account_for("shop@example.com", preset_key="gmail"))
    save_settings(db, Settings(timezone="UTC", daily_send_cap=1))
    assert outbox_status(db, now=T0).next_send_at == T0
    night = dt.datetime(2026, 1, 2, 22, tzinfo=dt.UTC)
    assert outbox_status(db, now=night).next_send_at == dt.datetime(2026, 1, 3, 8, tzinfo=dt.UTC)
    # One went out at noon: with a cap of one a day, the next may go 24 hours later.
    first = outbox.due_ids(db, now=to_iso(T0), limit=1)[0]
    outbox.claim(db, first, message_id="<1@example.com>", now=to_iso(T0))
    outbox.mark_sent(db, first, reply="250 ok", now=to_iso(T0))
    status = outbox_status(db, now=T0 + dt.timedelta(minutes=1))
    assert status.waiting == 1 and status.next_send_at == T0 + dt.timedelta(hours=24)
    until = T0 + dt.timedelta(hours=30)
    set_pause(db, Pause("quota", "limit", "550", T0, until))
    assert outbox_status(db, now=T0).next_send_at == until
