"""Wires the drafting schedule into the app: jobs submit to the write lane, the pump drives them."""

from __future__ import annotations

from desktop_app.changes import Changes
from desktop_app.drafting import DraftRun
from desktop_app.jobs import DraftingJobs, catch_up_due
from ui.context import UiContext
from ui.scheduler_pump import SchedulerPump


def start_drafting_schedule(ctx: UiContext) -> SchedulerPump:
    """Build the jobs and start pumping them; drafts a catch-up right away when a day was missed.

    Call once from the composition root after the window is built; keep the returned pump.
    """
    def submit(work) -> None:
        ctx.tasks.run("write", work, on_done=_announce)

    def _announce(run: DraftRun) -> None:
        ctx.hub.announce(run.changes | Changes(drafts=bool(run.created)))

    settings = ctx.settings()
    jobs = DraftingJobs(submit, drafting_time=settings.drafting_time,
                        is_due=lambda: catch_up_due(ctx.db, ctx.settings()))
    pump = SchedulerPump(jobs.run_pending, on_resume=jobs.check_catch_up)
    pump.jobs = jobs  # kept alive with the pump; Settings can call pump.jobs.reschedule(...)
    jobs.check_catch_up()  # on start
    pump.start()
    return pump


def start_app_schedule(ctx: UiContext) -> SchedulerPump:
    """Drafting (daily + catch-up) and sending (every few minutes) on one pumped scheduler.

    Sending runs on the ``net`` lane; the first run right away recovers sends a crash
    interrupted (they become "needs attention", never re-sent) and sends what is due.
    """
    from desktop_app.send_job import SendJobs
    from ui.sent_page import sending_job

    pump = start_drafting_schedule(ctx)

    def submit(work) -> None:
        ctx.tasks.run("net", work, needs_db=True,
                      on_done=lambda report: ctx.hub.announce(report.changes()))

    pump.send_jobs = SendJobs(pump.jobs.scheduler, submit, sending_job(ctx.secrets))
    pump.send_jobs.submit_send()
    return pump
