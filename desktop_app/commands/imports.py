"""``fondly import PATH``, ``fondly imports list`` and ``fondly imports undo BATCH_ID``."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.importing.engine import run_import, settle
from desktop_app.importing.history import list_imports, undo_import
from desktop_app.importing.records import REASONS, WARNINGS

SHOWN_ROWS = 20


def register(sub, parents) -> None:
    imp = sub.add_parser("import", parents=parents,
                         help="import customers (or products) from a file")
    imp.add_argument("path", type=Path, metavar="PATH",
                     help="CSV, TSV, TXT, Excel (.xlsx), vCard (.vcf) or LDIF file")
    imp.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")
    imp.add_argument("--json", action="store_true", help="print the outcome as JSON")
    imp.set_defaults(handler=run_import_command)

    batches = sub.add_parser("imports", parents=parents, help="list or undo earlier imports")
    bsub = batches.add_subparsers(dest="imports_command", metavar="ACTION", required=True)
    lst = bsub.add_parser("list", parents=parents, help="list imports, newest first")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(handler=run_list)
    undo = bsub.add_parser("undo", parents=parents,
                           help="put back every customer an import touched as it was before")
    undo.add_argument("batch_id", type=int, metavar="BATCH_ID")
    undo.set_defaults(handler=run_undo)


def run_import_command(args: argparse.Namespace, ctx) -> int:
    result = run_import(ctx.db, args.path, dry_run=args.dry_run)
    settle(ctx.db)
    if args.json:
        ctx.print_json(result.to_json())
        return 0
    ctx.print(f"{result.file_name}: {result.format_label}")
    ctx.print(result.summary())
    for item in result.rejected[:SHOWN_ROWS]:
        ctx.print(f"  row {item['row']}: rejected — {REASONS[item['reason']]}")
    outcomes = {o.row: o for o in result.rows}
    for item in result.warnings[:SHOWN_ROWS]:
        outcome = outcomes.get(item["row"])
        text = WARNINGS[item["code"]]
        if item["code"] == "invalid_birthday" and outcome is not None and outcome.birthday_text:
            text = f"Birthday {outcome.birthday_text} does not exist — kept the customer, dropped the date"
        ctx.print(f"  row {item['row']}: {text}")
    hidden = max(len(result.rejected) - SHOWN_ROWS, 0) + max(len(result.warnings) - SHOWN_ROWS, 0)
    if hidden:
        ctx.print(f"  … and {hidden} more (use --json for all)")
    if args.dry_run:
        ctx.print("Dry run: nothing was written.")
    else:
        ctx.print(f"Import {result.batch_id} done. Undo it with: fondly imports undo {result.batch_id}")
    return 0


def run_list(args: argparse.Namespace, ctx) -> int:
    batches = list_imports(ctx.db)
    if args.json:
        ctx.print_json({"count": len(batches), "imports": [b.to_dict() for b in batches]})
        return 0
    if not batches:
        ctx.print("No imports yet.")
        return 0
    for b in batches:
        stats = b.stats
        state = "undone" if b.undone_at else "in place"
        ctx.print(f"{b.id:>5}  {b.finished_at[:16].replace('T', ' ')}  {b.file_name:<32.32}  "
                  f"{stats.get('created', 0)} new, {stats.get('updated', 0)} updated  ({state})")
    return 0


def run_undo(args: argparse.Namespace, ctx) -> int:
    counts, _ = undo_import(ctx.db, args.batch_id)
    ctx.print(f"Import {args.batch_id} undone: {counts['deleted']} removed, "
              f"{counts['restored']} put back as they were.")
    return 0
