"""``fondly waitlist add CUSTOMER PRODUCT``: "notify when back"."""

from __future__ import annotations

import argparse

from desktop_app.lookup import resolve_customer, resolve_product
from desktop_app.waitlist import add_request


def register(sub, parents) -> None:
    wl = sub.add_parser("waitlist", parents=parents, help="who asked to be told when a product is back")
    wsub = wl.add_subparsers(dest="waitlist_command", metavar="ACTION", required=True)
    add = wsub.add_parser("add", parents=parents, help="record a 'notify when back' request")
    add.add_argument("customer", metavar="CUSTOMER", help="customer id or e-mail")
    add.add_argument("product", metavar="PRODUCT", help="SKU, id or exact name")
    add.add_argument("--variant", default="", help="size or variant")
    add.set_defaults(handler=run_add)


def run_add(args: argparse.Namespace, ctx) -> int:
    customer = resolve_customer(ctx.db, args.customer)
    product = resolve_product(ctx.db, args.product)
    request = add_request(ctx.db, customer_id=customer.id, product_id=product.id, variant=args.variant)
    ctx.print(f"{customer.name} will hear when {product.label} is back (request {request.id}).")
    return 0
