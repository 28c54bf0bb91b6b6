"""Small helpers that put customers, products and visits into a test store."""

from __future__ import annotations

import datetime as dt
import itertools

from storage import customers, products, waitlist
from storage.db import open_db  # noqa: F401 - re-exported for tests that open their own store

_counter = itertools.count(1)


def add_customer(db, **values) -> int:
    n = next(_counter)
    data = {"first_name": f"Person{n}", "email": f"person{n}@example.com", "email_consent": "yes"}
    data.update(values)
    return customers.insert(db, data)


def add_product(db, name="Rye sourdough", sku=None, stock=0) -> int:
    return products.insert(db, name=name, sku=sku or f"SKU{next(_counter)}", stock=stock)


def ask(db, customer_id: int, product_id: int, day: dt.date) -> int:
    return waitlist.add(db, customer_id=customer_id, product_id=product_id,
                        asked_at=f"{day.isoformat()}T12:00:00.000000+00:00")


def add_visit(db, customer_id: int, day: dt.date, amount: float | None = None, points: int = 0) -> None:
    db.execute(
        "INSERT INTO visits (customer_id, at, amount, points) VALUES (?, ?, ?, ?)",
        [customer_id, f"{day.isoformat()}T12:00:00.000000+00:00", amount, points],
    )


def drafts_of(db, customer_id: int | None = None) -> list[tuple]:
    sql = "SELECT customer_id, occasion, occasion_key, status FROM drafts"
    params: list = []
    if customer_id is not None:
        sql += " WHERE customer_id = ?"
        params.append(customer_id)
    return [tuple(r) for r in db.execute(sql + " ORDER BY id", params).fetchall()]
