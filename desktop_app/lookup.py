"""Finding a customer or product from what the owner typed: an id, an e-mail, a SKU or a name."""

from __future__ import annotations

from sqlite_utils import Database

from desktop_app.errors import AppError
from storage import customers, products
from storage.customers import Customer
from storage.products import Product


def resolve_customer(db: Database, ref: str | int) -> Customer:
    """The customer named by an id or an e-mail address.

    :raises AppError: when none matches.
    """
    text = str(ref).strip()
    found = None
    if text.isdigit():
        found = customers.get(db, int(text))
    elif "@" in text:
        found = customers.find_by_email(db, text)
    if found is None:
        raise AppError(f"No customer “{text}”.", "Give the customer's id or e-mail address.")
    return found


def resolve_product(db: Database, ref: str | int) -> Product:
    """The product named by a SKU, an id or its exact name.

    :raises AppError: when none or several match.
    """
    text = str(ref).strip()
    found = products.find_by_sku(db, text)
    if found is None and text.isdigit():
        found = products.get(db, int(text))
    if found is None:
        named = products.find_by_name(db, text)
        if len(named) > 1:
            raise AppError(f"Several products are called “{text}”.", "Use the SKU instead.")
        found = named[0] if named else None
    if found is None:
        raise AppError(f"No product “{text}”.", "Give its SKU, id or exact name (fondly products list).")
    return found


def suggest_customers(db: Database, text: str, *, limit: int = 8) -> list[Customer]:
    """Type-ahead: the first customers whose name or e-mail starts with what was typed."""
    if not text.strip():
        return []
    ids = customers.ordered_ids(db, search=text)[:limit]
    rows = customers.rows_by_ids(db, ids)
    return [rows[i] for i in ids if i in rows]


def suggest_products(db: Database, text: str, *, limit: int = 8) -> list[Product]:
    if not text.strip():
        return []
    return products.search(db, text, limit=limit)
