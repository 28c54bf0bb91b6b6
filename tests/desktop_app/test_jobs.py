"""The drafting schedule submits work at the set time and catches up only when a day was missed."""

from __future__ import annotations

import datetime as dt

from desktop_app.drafting import last_scanned_day
from desktop_app.jobs import DraftingJobs, catch_up_due, drafting_work
from desktop_app.progress import TaskContext
from desktop_app.settings import Settings, save_settings
from tests.desktop_app.shop_builder import add_customer


def test_jobs_are_on_their_own_scheduler_and_only_submit():
    import schedule

    submitted = []
    jobs = DraftingJobs(submitted.append, drafting_time="08:00", is_due=lambda: False)
    assert jobs.scheduler is not schedule.default_scheduler
    assert len(jobs.scheduler.get_jobs()) == 2
    assert {j.at_time.strftime("%H:%M") for j in jobs.scheduler.get_jobs("daily-drafting")} == {"08:00"}
    jobs.check_catch_up()
    assert submitted == []
    jobs.submit_drafting()
    assert submitted == [drafting_work]
    jobs.reschedule("07:15")
    assert [j.at_time.strftime("%H:%M") for j in jobs.scheduler.get_jobs("daily-drafting")] == ["07:15"]


def test_drafting_work_drafts_as_of_the_shops_today_and_clears_the_catch_up(db):
    settings = Settings(timezone="Pacific/Auckland")
    save_settings(db, settings)
    add_customer(db, birth_month=3, birth_day=15)
    now = dt.datetime(2026, 3, 11, 12, 0, tzinfo=dt.UTC)  # already the 12th in Auckland
    assert catch_up_due(db, settings, now)
    run = drafting_work(TaskContext(db=db), now=now)
    assert run.by_occasion == {"birthday": 1}
    assert last_scanned_day(db) == dt.date(2026, 3, 12)
    assert not catch_up_due(db, settings, now)
