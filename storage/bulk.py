"""Whole rows written straight into a table, many at once (the sample bakery, benchmark shops)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlite_utils import Database

# Tables whose rows may be written whole; customers go through storage.customers, which keeps
# the e-mail and phone keys, unless the caller computes them (the benchmark shop does).
TABLES = frozenset({"customers", "products", "waitlist", "visits"})


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    if table not in TABLES:
        raise ValueError(f"bulk writes to {table!r} are not allowed")
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    return f'INSERT INTO "{table}" ({names}) VALUES ({marks})'


def insert_row(db: Database, table: str, values: dict) -> int:
    """Insert one row and return its id."""
    cursor = db.execute(_insert_sql(table, list(values)), list(values.values()))
    return cursor.lastrowid


def insert_rows(db: Database, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Insert *rows* (tuples in *columns* order) with one prepared statement; returns how many.

    The caller owns the transaction: wrap the whole load in ``db.atomic()`` so that it is fast and
    all-or-nothing.
    """
    cursor = db.conn.executemany(_insert_sql(table, columns), rows)
    return cursor.rowcount
