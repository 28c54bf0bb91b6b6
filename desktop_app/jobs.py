"""The schedule: daily drafting at the set time and an hourly catch-up check. Jobs only submit work."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import schedule
from sqlite_utils import Database

from desktop_app.drafting import DraftRun, draft_day, last_scanned_day
from desktop_app.drafting.dates import shop_today
from desktop_app.progress import TaskContext
from desktop_app.settings import Settings, load_settings

log = logging.getLogger(__name__)

# What the jobs hand their work to: in the app, ``lambda work: tasks.run("write", work, …)``.
Submit = Callable[[Callable[[TaskContext], Any]], Any]


def drafting_work(ctx: TaskContext, *, now: dt.datetime | None = None) -> DraftRun:
    """The work the daily job submits: catch up and draft as of the shop's today (write lane)."""
    db = ctx.db
    settings = load_settings(db)
    return draft_day(db, shop_today(settings, now), settings, ctx=ctx)


def catch_up_due(db: Database, settings: Settings, now: dt.datetime | None = None) -> bool:
    """True when some day up to today has not been scanned yet."""
    last = last_scanned_day(db)
    return last is None or last < shop_today(settings, now)


class DraftingJobs:
    """Owns a :class:`schedule.Scheduler` (not the module default) with the occasion jobs.

    ``schedule`` collapses missed runs into one, so catching up over a closed laptop is ours:
    every job submits :func:`drafting_work`, which scans each missed day idempotently.
    """

    def __init__(self, submit: Submit, *, drafting_time: str = "08:00",
                 is_due: Callable[[], bool] | None = None) -> None:
        self.scheduler = schedule.Scheduler()
        self._submit = submit
        self._is_due = is_due
        self.submitted = 0
        self.scheduler.every().day.at(drafting_time).do(self.submit_drafting).tag("daily-drafting")
        self.scheduler.every().hour.do(self.check_catch_up).tag("catch-up")

    def submit_drafting(self) -> None:
        self.submitted += 1
        self._submit(drafting_work)

    def check_catch_up(self) -> None:
        """Hourly, on start and on resume: submit drafting only when a day was missed."""
        if self._is_due is None or self._is_due():
            self.submit_drafting()

    def run_pending(self) -> None:
        self.scheduler.run_pending()

    def reschedule(self, drafting_time: str) -> None:
        """Move the daily job when the owner changes the drafting time."""
        self.scheduler.clear("daily-drafting")
        self.scheduler.every().day.at(drafting_time).do(self.submit_drafting).tag("daily-drafting")
