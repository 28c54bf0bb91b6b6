"""``fondly visits log CUSTOMER [--amount X] [--at DATE]`` and ``fondly visits import PATH``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop_app.errors import AppError
from desktop_app.lookup import resolve_customer
from desktop_app.settings import load_settings
from desktop_app.visit_import import import_visits
from desktop_app.visits import log_visit, loyalty_of


def register(sub, parents) -> None:
    visits = sub.add_parser("visits", parents=parents, help="log or import visits and purchases")
    vsub = visits.add_subparsers(dest="visits_command", metavar="ACTION", required=True)
    log = vsub.add_parser("log", parents=parents, help="log one visit")
    log.add_argument("customer", metavar="CUSTOMER", help="customer id or e-mail")
    log.add_argument("--amount", type=float, help="what they spent")
    log.add_argument("--at", metavar="DATE", help="YYYY-MM-DD (default: now)")
    log.set_defaults(handler=run_log)
    imp = vsub.add_parser("import", parents=parents,
                          help="import a Shopify orders export, a Square transactions export or a sheet")
    imp.add_argument("path", type=Path, metavar="PATH")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=run_import)


def run_log(args: argparse.Namespace, ctx) -> int:
    settings = load_settings(ctx.db)
    customer = resolve_customer(ctx.db, args.customer)
    at = None
    if args.at:
        try:
            at = dt.date.fromisoformat(args.at)
        except ValueError as exc:
            raise AppError(f"“{args.at}” is not a date.", "Write it as YYYY-MM-DD.") from exc
    log_visit(ctx.db, customer.id, amount=args.amount, at=at, settings=settings)
    card = loyalty_of(ctx.db, customer.id, settings)
    ctx.print(f"Logged a visit for {customer.name}: {card.visits} visits, {card.points} points.")
    return 0


def run_import(args: argparse.Namespace, ctx) -> int:
    result = import_visits(ctx.db, args.path, settings=load_settings(ctx.db))
    if args.json:
        ctx.print_json(result.to_json())
        return 0
    ctx.print(f"{result.format}: {result.added} visits added, {result.already} already there, "
              f"{len(result.unmatched)} rows without a matching customer.")
    return 0
