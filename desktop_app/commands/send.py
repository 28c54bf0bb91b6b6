"""``fondly send``: send what is due now through the shop's mail account."""

from __future__ import annotations

import argparse

from desktop_app.mail_account import AccountSecrets
from desktop_app.send_job import send_now
from desktop_app.sending import SendReport


def register(sub, parents) -> None:
    send = sub.add_parser("send", parents=parents,
                          help="send the approved messages that are due now")
    send.add_argument("--json", action="store_true",
                      help='print {"sent", "deferred", "failed", "needs_attention", "next_send_at"}')
    send.add_argument("--limit", type=int, default=None, metavar="N",
                      help="send at most N messages in this run")
    send.set_defaults(handler=run_send)


def run_send(args: argparse.Namespace, ctx) -> int:
    if args.limit is not None and args.limit < 1:
        ctx.print("fondly: --limit must be at least 1.")
        return 2
    report = send_now(ctx.db, secrets=AccountSecrets(), limit=args.limit)
    if args.json:
        ctx.print_json(report.to_json())
    else:
        for line in describe(report):
            ctx.print(line)
    # Paused or unreachable: the caller (cron, a script) should know nothing could go.
    return 1 if report.paused or report.offline else 0


def describe(report: SendReport) -> list[str]:
    """The run in plain words, one line each."""
    lines = []
    if report.waiting_for_account:
        lines.append("No mail account is set up yet; messages wait. Run `fondly account set`.")
    if report.busy:
        lines.append("Another Fondly is sending right now; try again in a moment.")
    if report.paused:
        lines.append(f"{report.paused.headline} {report.paused.message}")
        if report.paused.hint:
            lines.append(report.paused.hint)
    if report.offline:
        lines.append(f"Could not reach the mail server: {report.offline}")
    lines.append(f"Sent {report.sent}, deferred {report.deferred}, failed {len(report.failed)}, "
                 f"needs your attention {len(report.needs_attention)}.")
    for problem in report.failed:
        lines.append(f"  failed (draft {problem.draft_id}): {problem.message}")
    for problem in report.needs_attention:
        lines.append(f"  needs attention (draft {problem.draft_id}): {problem.message}")
    if report.next_send_at:
        local = report.next_send_at.astimezone()
        lines.append(f"Next send at {local:%Y-%m-%d %H:%M} (local time).")
    return lines
