"""``fondly queue``, ``fondly approve`` and ``fondly skip``: the review queue from a terminal."""

from __future__ import annotations

import argparse

from desktop_app.review import Outcome, ReviewService
from storage.drafts_queue import QUEUE_STATUSES, QueueItem


def register(sub, parents) -> None:
    queue = sub.add_parser("queue", parents=parents, help="list drafts waiting for review")
    queue.add_argument("--status", choices=QUEUE_STATUSES, default="pending",
                       help="which drafts to list (default: pending)")
    queue.add_argument("--json", action="store_true", help="print JSON")
    queue.set_defaults(handler=run_queue)

    approve = sub.add_parser("approve", parents=parents, help="approve drafts into the outbox")
    approve.add_argument("ids", nargs="*", type=int, metavar="ID")
    approve.add_argument("--all-clean", action="store_true",
                         help="approve every waiting draft with no warning or blocking finding")
    approve.add_argument("--override", action="store_true",
                         help="approve drafts the check blocked (needs --yes as well)")
    approve.add_argument("--yes", action="store_true",
                         help="confirm that you read the blocking findings and want to send anyway")
    approve.add_argument("--json", action="store_true", help="print JSON")
    approve.set_defaults(handler=run_approve)

    skip = sub.add_parser("skip", parents=parents, help="skip drafts (they will not be sent)")
    skip.add_argument("ids", nargs="+", type=int, metavar="ID")
    skip.add_argument("--reason", default="", help="why, for your records")
    skip.add_argument("--json", action="store_true", help="print JSON")
    skip.set_defaults(handler=run_skip)


def item_json(item: QueueItem) -> dict:
    return {
        "id": item.id,
        "customer": {"id": item.customer_id, "name": item.customer_name, "email": item.email,
                     "email_consent": item.email_consent},
        "occasion": item.occasion,
        "occasion_date": item.occasion_date,
        "why": item.why,
        "subject": item.subject,
        "findings": list(item.findings),
        "status": item.queue_status,
        "status_reason": item.status_reason,
        "snooze_until": item.snooze_until,
        "planned_at": item.outbox_planned_at or item.planned_at,
        "edited": item.edited,
    }


def run_queue(args: argparse.Namespace, ctx) -> int:
    items = ReviewService().queue(ctx.db, statuses=[args.status])
    if args.json:
        ctx.print_json({"count": len(items), "items": [item_json(i) for i in items]})
        return 0
    if not items:
        ctx.print(f"No {args.status} drafts.")
        return 0
    for item in items:
        flags = ", ".join(f"{f['severity']}: {f['code']}" for f in item.findings)
        ctx.print(f"{item.id:>6}  {item.day}  {item.occasion:<16.16}  {item.customer_name:<28.28}  "
                  f"{item.queue_status}{'  [' + flags + ']' if flags else ''}")
        ctx.print(f"        {item.why}")
    ctx.print(f"{len(items)} draft{'s' if len(items) != 1 else ''}")
    return 0


def run_approve(args: argparse.Namespace, ctx) -> int:
    if bool(args.ids) == bool(args.all_clean):
        ctx.print("Give draft ids, or --all-clean (not both).")
        return 2
    if args.override and not args.yes:
        ctx.print("--override sends drafts the check blocked. Read their findings "
                  "(fondly queue), then add --yes to confirm.")
        return 2
    service = ReviewService()
    if args.all_clean:
        outcome = service.approve_all_clean(ctx.db)
    else:
        outcome = service.approve(ctx.db, args.ids, override=args.override)
    code = _report(ctx, outcome, "Approved", args.json)
    if not args.json:
        for item in service.items(ctx.db, list(outcome.done)):
            when = item.outbox_planned_at or ""
            ctx.print(f"  {item.id:>6}  {item.customer_name:<28.28}  {item.occasion:<16.16}  goes {when[:16].replace('T', ' ')} UTC")
    return code


def run_skip(args: argparse.Namespace, ctx) -> int:
    outcome = ReviewService().skip(ctx.db, args.ids, reason=args.reason)
    return _report(ctx, outcome, "Skipped", args.json)


def _report(ctx, outcome: Outcome, verb: str, as_json: bool) -> int:
    if as_json:
        ctx.print_json({
            "done": list(outcome.done),
            "refused": [{"id": r.draft_id, "code": r.code, "message": r.message} for r in outcome.refused],
        })
    else:
        if outcome.done:
            ids = ", ".join(str(i) for i in outcome.done)
            ctx.print(f"{verb} {len(outcome.done)} draft{'s' if len(outcome.done) != 1 else ''}: {ids}")
        elif not outcome.refused:
            ctx.print(f"Nothing to do: no drafts {verb.lower()}.")
        for refusal in outcome.refused:
            hint = " Use --override --yes to approve it anyway." if refusal.code == "blocked" else ""
            ctx.print(f"Not {verb.lower()}: {refusal.message}{hint}")
    return 1 if outcome.refused else 0
