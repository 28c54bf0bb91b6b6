""""Notify when back" requests: customer + product (+ variant), open until notified or expired."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from storage.timestamps import utc_now_iso


@dataclass(frozen=True)
class Request:
    id: int
    customer_id: int
    product_id: int
    variant: str
    note: str
    asked_at: str
    fulfilled_at: str | None
    expired_at: str | None
    customer_name: str = ""
    product_name: str = ""


_SELECT = (
    "SELECT w.id, w.customer_id, w.product_id, w.variant, w.note, w.asked_at, w.fulfilled_at, "
    "w.expired_at, c.display_name, p.name FROM waitlist w "
    "JOIN customers c ON c.id = w.customer_id JOIN products p ON p.id = w.product_id"
)
_OPEN = "w.fulfilled_at IS NULL AND w.expired_at IS NULL"


def add(
    db: Database,
    *,
    customer_id: int,
    product_id: int,
    variant: str = "",
    note: str = "",
    asked_at: str | None = None,
) -> int:
    cursor = db.execute(
        "INSERT INTO waitlist (customer_id, product_id, variant, note, asked_at) VALUES (?, ?, ?, ?, ?)",
        [customer_id, product_id, variant, note, asked_at or utc_now_iso()],
    )
    return cursor.lastrowid


def open_for_product(db: Database, product_id: int) -> list[Request]:
    """Open requests for a product, oldest first (who asked first is told first)."""
    rows = db.execute(
        f"{_SELECT} WHERE w.product_id = ? AND {_OPEN} ORDER BY w.asked_at, w.id", [product_id]
    ).fetchall()
    return [Request(*r) for r in rows]


def open_for_customer(db: Database, customer_id: int) -> list[Request]:
    rows = db.execute(
        f"{_SELECT} WHERE w.customer_id = ? AND {_OPEN} ORDER BY w.asked_at, w.id", [customer_id]
    ).fetchall()
    return [Request(*r) for r in rows]


def get(db: Database, request_id: int) -> Request | None:
    row = db.execute(f"{_SELECT} WHERE w.id = ?", [request_id]).fetchone()
    return Request(*row) if row else None


def open_asked_before(db: Database, cutoff_utc: str) -> list[int]:
    rows = db.execute(f"SELECT w.id FROM waitlist w WHERE {_OPEN} AND w.asked_at < ?", [cutoff_utc])
    return [r[0] for r in rows.fetchall()]


def mark_fulfilled(db: Database, request_id: int, *, now: str | None = None) -> None:
    db.execute(
        "UPDATE waitlist SET fulfilled_at = ? WHERE id = ? AND fulfilled_at IS NULL",
        [now or utc_now_iso(), request_id],
    )


def mark_expired(db: Database, request_ids: list[int], *, now: str | None = None) -> int:
    now = now or utc_now_iso()
    done = 0
    for request_id in request_ids:
        done += db.execute(
            "UPDATE waitlist SET expired_at = ? WHERE id = ? AND expired_at IS NULL "
            "AND fulfilled_at IS NULL",
            [now, request_id],
        ).rowcount
    return done
