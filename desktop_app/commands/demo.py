"""``fondly demo``: load the sample bakery into an empty data folder."""

from __future__ import annotations

import argparse

from desktop_app.sample_shop import load_sample_shop
from storage import customers


def register(sub, parents) -> None:
    demo = sub.add_parser(
        "demo", parents=parents,
        help="load the sample bakery, Rosemary & Rye, into an empty data folder",
    )
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace, ctx) -> int:
    load_sample_shop(ctx.db)
    count = customers.count(ctx.db)
    ctx.print(f"Loaded the sample bakery (Rosemary & Rye, {count} customers) into "
              f"{ctx.workspace.folder}. Open it with: fondly --data-dir {ctx.workspace.folder}")
    return 0
