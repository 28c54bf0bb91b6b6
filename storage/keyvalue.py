"""The two small key/value tables: owner `settings` and machine `app_state`, values as JSON."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

_TABLES = ("settings", "app_state")


def read_all(db: Database, table: str) -> dict[str, Any]:
    if table not in _TABLES:
        raise ValueError(table)
    return {k: json.loads(v) for k, v in db.execute(f"SELECT key, value FROM {table}").fetchall()}


def read(db: Database, table: str, key: str, default: Any = None) -> Any:
    if table not in _TABLES:
        raise ValueError(table)
    row = db.execute(f"SELECT value FROM {table} WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else default


def write(db: Database, table: str, values: dict[str, Any]) -> None:
    """Upsert *values*; the caller decides the transaction."""
    if table not in _TABLES:
        raise ValueError(table)
    for key, value in values.items():
        db.execute(
            f"INSERT INTO {table} (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )
