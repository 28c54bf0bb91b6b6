"""``fondly draft [--today YYYY-MM-DD] [--json]``: run the occasion rules as of a day."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop_app.drafting import draft_day
from desktop_app.drafting.dates import shop_today
from desktop_app.settings import load_settings


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def register(sub, parents) -> None:
    draft = sub.add_parser("draft", parents=parents, help="draft today's birthday, restock and loyalty notes")
    draft.add_argument("--today", type=_day, metavar="YYYY-MM-DD",
                       help="run as of this day (default: today in the shop's time zone)")
    draft.add_argument("--json", action="store_true", help="print what was drafted as JSON")
    draft.set_defaults(handler=run_draft)


def run_draft(args: argparse.Namespace, ctx) -> int:
    settings = load_settings(ctx.db)
    today = args.today or shop_today(settings)
    run = draft_day(ctx.db, today, settings)
    if args.json:
        ctx.print_json(run.to_json())
        return 0
    days = run.scanned_days
    span = days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}"
    ctx.print(f"Scanned {span}: {run.created} new draft{'s' if run.created != 1 else ''}.")
    for occasion, n in sorted(run.by_occasion.items()):
        ctx.print(f"  {occasion.replace('_', ' ')}: {n}")
    if run.skipped:
        ctx.print(f"Skipped {len(run.skipped)} (use --json for who and why).")
    return 0
