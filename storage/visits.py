"""Visits and purchases: one row per visit, with its amount and the points it earned."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class Visit:
    id: int
    customer_id: int
    at: str
    amount: float | None
    points: int
    source: str
    external_id: str | None


@dataclass(frozen=True)
class VisitStats:
    visits: int
    points: int
    first_at: str | None
    last_at: str | None


def add(
    db: Database,
    *,
    customer_id: int,
    at: str,
    amount: float | None = None,
    points: int = 0,
    source: str = "manual",
    external_id: str | None = None,
) -> int | None:
    """Insert a visit; None when (source, external_id) was imported before (idempotent)."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO visits (customer_id, at, amount, points, source, external_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [customer_id, at, amount, points, source, external_id],
    )
    return cursor.lastrowid if cursor.rowcount else None


def for_customer(db: Database, customer_id: int) -> list[Visit]:
    rows = db.execute(
        "SELECT id, customer_id, at, amount, points, source, external_id FROM visits "
        "WHERE customer_id = ? ORDER BY at DESC, id DESC",
        [customer_id],
    ).fetchall()
    return [Visit(*r) for r in rows]


def stats(db: Database, customer_id: int) -> VisitStats:
    row = db.execute(
        "SELECT count(*), coalesce(sum(points), 0), min(at), max(at) FROM visits "
        "WHERE customer_id = ?",
        [customer_id],
    ).fetchone()
    return VisitStats(*row)
