""""Notify when back": recording a customer's request for a product, and listing open ones."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from desktop_app.errors import AppError
from storage import customers, products, waitlist
from storage.timestamps import to_iso
from storage.waitlist import Request


def add_request(
    db: Database, *, customer_id: int, product_id: int, variant: str = "", note: str = "",
    asked_at: dt.datetime | None = None,
) -> Request:
    """Record that a customer wants to hear when a product is back.

    A second identical open request is not added again.

    :raises AppError: when the customer or product does not exist.
    """
    if customers.get(db, customer_id) is None:
        raise AppError("That customer no longer exists.")
    if products.get(db, product_id) is None:
        raise AppError("That product no longer exists.")
    with db.atomic():
        for existing in waitlist.open_for_customer(db, customer_id):
            if existing.product_id == product_id and existing.variant == variant.strip():
                return existing
        request_id = waitlist.add(
            db, customer_id=customer_id, product_id=product_id, variant=variant.strip(),
            note=note.strip(), asked_at=to_iso(asked_at) if asked_at else None,
        )
    request = waitlist.get(db, request_id)
    assert request is not None
    return request


def open_for_product(db: Database, product_id: int) -> list[Request]:
    return waitlist.open_for_product(db, product_id)


def open_for_customer(db: Database, customer_id: int) -> list[Request]:
    return waitlist.open_for_customer(db, customer_id)
