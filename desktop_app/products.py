"""Products and stock: editing stock, Restocked N, and the back-in-stock drafts that follow."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from desktop_app.drafting import DraftRun, draft_restock
from desktop_app.drafting.dates import shop_today
from desktop_app.errors import AppError
from desktop_app.settings import Settings, load_settings
from storage import products
from storage.products import Product


def list_products(db: Database, search: str = "") -> list[Product]:
    return products.search(db, search)


def add_product(
    db: Database, *, name: str, sku: str | None = None, variant: str = "", stock: int | None = None,
    price: str | None = None,
) -> int:
    """:raises AppError: when the name is empty or the SKU is taken."""
    if not name.strip():
        raise AppError("A product needs a name.")
    if sku and products.find_by_sku(db, sku.strip()):
        raise AppError(f"The SKU {sku} is already used.", "Give another SKU, or leave it empty.")
    with db.atomic():
        return products.insert(db, name=name.strip(), sku=(sku or "").strip() or None,
                               variant=variant.strip(), stock=stock, price=price)


def set_stock(
    db: Database, product_id: int, stock: int | None, *, settings: Settings | None = None,
    today: dt.date | None = None,
) -> DraftRun:
    """Set a product's stock; going from none to some drafts back-in-stock notes for that many.

    :raises AppError: on a negative stock or an unknown product.
    """
    if stock is not None and stock < 0:
        raise AppError("Stock cannot be negative.")
    settings = settings or load_settings(db)
    with db.atomic():
        product = _product(db, product_id)
        products.set_stock(db, product_id, stock)
        if (product.stock or 0) <= 0 and stock:
            return draft_restock(db, product_id, quantity=stock, today=today or shop_today(settings),
                                 settings=settings)
    return DraftRun()


def restock(
    db: Database, product_id: int, quantity: int | None, *, settings: Settings | None = None,
    today: dt.date | None = None,
) -> DraftRun:
    """Restocked N: add N to the stock and draft for the oldest N open requests (all when None).

    :raises AppError: on a quantity below one or an unknown product.
    """
    if quantity is not None and quantity < 1:
        raise AppError("Restocked needs a quantity of at least 1.")
    settings = settings or load_settings(db)
    with db.atomic():
        product = _product(db, product_id)
        if quantity is not None:
            products.set_stock(db, product_id, max(product.stock or 0, 0) + quantity)
        return draft_restock(db, product_id, quantity=quantity, today=today or shop_today(settings),
                             settings=settings)


def _product(db: Database, product_id: int) -> Product:
    product = products.get(db, product_id)
    if product is None:
        raise AppError("That product no longer exists.", "Refresh the product list.")
    return product
