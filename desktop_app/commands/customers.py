"""``fondly customers list`` and ``fondly export customers``."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.customer_list import customer_json, export_csv, list_customers


def register(sub, parents) -> None:
    customers = sub.add_parser("customers", parents=parents, help="list the shop's customers")
    csub = customers.add_subparsers(dest="customers_command", metavar="ACTION", required=True)
    lst = csub.add_parser("list", parents=parents, help="list customers")
    lst.add_argument("--search", default="", help="only customers whose name, e-mail or notes match")
    lst.add_argument("--json", action="store_true", help="print JSON (see the README for its shape)")
    lst.set_defaults(handler=run_list)

    export = sub.add_parser("export", parents=parents, help="export data to a file")
    esub = export.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    ecust = esub.add_parser("customers", parents=parents, help="export customers to CSV")
    ecust.add_argument("path", type=Path, metavar="PATH.csv")
    ecust.set_defaults(handler=run_export)


def run_list(args: argparse.Namespace, ctx) -> int:
    rows = list_customers(ctx.db, search=args.search)
    if args.json:
        ctx.print_json({"count": len(rows), "customers": [customer_json(c) for c in rows]})
        return 0
    if not rows:
        ctx.print("No customers." if not args.search else f"No customer matches “{args.search}”.")
        return 0
    for c in rows:
        contact = c.email or c.phone or ""
        ctx.print(f"{c.id:>7}  {c.name:<32.32}  {contact:<36.36}  {c.birthday_text}")
    ctx.print(f"{len(rows)} customer{'s' if len(rows) != 1 else ''}")
    return 0


def run_export(args: argparse.Namespace, ctx) -> int:
    count = export_csv(ctx.db, args.path)
    ctx.print(f"Exported {count} customers to {args.path}")
    return 0
