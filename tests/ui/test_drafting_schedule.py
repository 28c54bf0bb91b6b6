"""Starting the schedule catches up at once and announces the new drafts."""

from __future__ import annotations

from desktop_app.changes import Changes
from tests.desktop_app.shop_builder import add_customer
from tests.ui.occasion_context import close_context, make_context
from ui.drafting_schedule import start_drafting_schedule


def test_start_catches_up_and_announces(qtbot, data_dir):
    ctx = make_context(data_dir)
    try:
        import datetime as dt

        from desktop_app.drafting.dates import shop_today

        today = shop_today(ctx.settings())
        soon = today + dt.timedelta(days=3)
        add_customer(ctx.db, birth_month=soon.month, birth_day=soon.day)
        seen: list[Changes] = []
        ctx.hub.changed.connect(seen.append)
        pump = start_drafting_schedule(ctx)
        qtbot.waitUntil(lambda: pump.jobs.submitted == 1 and not ctx.tasks.busy)
        assert pump.timer.isActive()
        assert len(pump.jobs.scheduler.get_jobs()) == 2
        assert ctx.db.execute("SELECT occasion FROM drafts").fetchall() == [("birthday",)]
        assert seen and seen[-1].drafts
        pump.stop()
    finally:
        close_context(ctx)


def test_app_schedule_adds_the_send_job_and_runs_it_once_at_start(qtbot, data_dir):
    from ui.drafting_schedule import start_app_schedule

    ctx = make_context(data_dir)
    try:
        pump = start_app_schedule(ctx)
        qtbot.waitUntil(lambda: pump.send_jobs.submitted == 1 and not ctx.tasks.busy)
        tags = sorted(tag for job in pump.jobs.scheduler.get_jobs() for tag in job.tags)
        assert tags == ["catch-up", "daily-drafting", "send"]
        # With no mail account the run only waits: nothing is marked sent or failed.
        assert ctx.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
        assert pump.send_jobs.submit_send() is True  # the first run finished, a new one may go
        qtbot.waitUntil(lambda: not ctx.tasks.busy)
        pump.stop()
    finally:
        close_context(ctx)
