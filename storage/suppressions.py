""""Never this occasion for this customer": rows the drafting rules must honour."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from storage.timestamps import utc_now_iso


def not_suppressed_sql(customer_id_column: str = "c.id") -> str:
    """A WHERE fragment for drafting queries; bind the occasion name as its one parameter.

    >>> not_suppressed_sql("customers.id")
    'NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.customer_id = customers.id AND s.occasion = ?)'
    """
    return (
        "NOT EXISTS (SELECT 1 FROM suppressions s "
        f"WHERE s.customer_id = {customer_id_column} AND s.occasion = ?)"
    )


def add(db: Database, customer_id: int, occasions: Iterable[str], *, now: str | None = None) -> list[str]:
    """Suppress *occasions* for the customer; returns the ones that were not suppressed before."""
    added = []
    stamp = now or utc_now_iso()
    for occasion in occasions:
        cursor = db.execute(
            "INSERT INTO suppressions (customer_id, occasion, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [customer_id, occasion, stamp],
        )
        if cursor.rowcount:
            added.append(occasion)
    return added


def remove(db: Database, customer_id: int, occasions: Iterable[str]) -> None:
    for occasion in occasions:
        db.execute(
            "DELETE FROM suppressions WHERE customer_id = ? AND occasion = ?", [customer_id, occasion]
        )


def is_suppressed(db: Database, customer_id: int, occasion: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM suppressions WHERE customer_id = ? AND occasion = ?", [customer_id, occasion]
    ).fetchone()
    return row is not None


def suppressed_customer_ids(db: Database, occasion: str) -> set[int]:
    """Every customer who asked never to get *occasion* (for rules that loop in Python)."""
    rows = db.execute("SELECT customer_id FROM suppressions WHERE occasion = ?", [occasion])
    return {r[0] for r in rows.fetchall()}


def for_customer(db: Database, customer_id: int) -> list[str]:
    rows = db.execute(
        "SELECT occasion FROM suppressions WHERE customer_id = ? ORDER BY occasion", [customer_id]
    )
    return [r[0] for r in rows.fetchall()]
