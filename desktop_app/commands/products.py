"""``fondly products list`` and ``fondly products restock SKU N``."""

from __future__ import annotations

import argparse

from desktop_app.lookup import resolve_product
from desktop_app.products import list_products, restock


def register(sub, parents) -> None:
    prod = sub.add_parser("products", parents=parents, help="products, stock and restocks")
    psub = prod.add_subparsers(dest="products_command", metavar="ACTION", required=True)
    lst = psub.add_parser("list", parents=parents, help="list products with stock and open requests")
    lst.add_argument("--search", default="")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=run_list)
    rs = psub.add_parser("restock", parents=parents, help="N came back in: draft for the oldest N requests")
    rs.add_argument("product", metavar="SKU", help="SKU, id or exact name")
    rs.add_argument("quantity", type=int, metavar="N")
    rs.add_argument("--json", action="store_true")
    rs.set_defaults(handler=run_restock)


def run_list(args: argparse.Namespace, ctx) -> int:
    rows = list_products(ctx.db, args.search)
    if args.json:
        ctx.print_json({"count": len(rows), "products": [
            {"id": p.id, "sku": p.sku, "name": p.name, "variant": p.variant, "stock": p.stock,
             "open_requests": p.open_requests} for p in rows]})
        return 0
    for p in rows:
        stock = "—" if p.stock is None else str(p.stock)
        ctx.print(f"{p.sku or '':<14.14}  {p.label:<40.40}  stock {stock:>5}  waiting {p.open_requests}")
    ctx.print(f"{len(rows)} product{'s' if len(rows) != 1 else ''}")
    return 0


def run_restock(args: argparse.Namespace, ctx) -> int:
    product = resolve_product(ctx.db, args.product)
    run = restock(ctx.db, product.id, args.quantity)
    if args.json:
        ctx.print_json(run.to_json())
        return 0
    ctx.print(f"{product.label}: +{args.quantity}; {run.created} back-in-stock draft"
              f"{'s' if run.created != 1 else ''} to review.")
    return 0
