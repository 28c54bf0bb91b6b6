"""Import batches, what each did to each row it touched (for undo), and remembered mappings."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlite_utils import Database

from storage.timestamps import utc_now_iso

_TABLES = {"customer": "customers", "product": "products"}


def columns_of(db: Database, entity: str) -> tuple[str, ...]:
    """Every column of *entity*'s table but the id, as the database has them now.

    Read from the schema (not listed here) so that a column another feature adds later is part
    of undo's "before" snapshot too.
    """
    table = _TABLES[entity]
    return tuple(r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall() if r[1] != "id")


@dataclass(frozen=True)
class ImportBatch:
    id: int
    started_at: str
    finished_at: str | None
    file_name: str
    format: str | None
    kind: str
    stats: dict
    undone_at: str | None

    def to_dict(self) -> dict:
        return {"id": self.id, "started_at": self.started_at, "finished_at": self.finished_at,
                "file_name": self.file_name, "format": self.format, "kind": self.kind,
                "stats": self.stats, "undone_at": self.undone_at}


class UndoRefused(Exception):
    """The batch cannot be undone (already undone, unknown, or a later import touched its rows)."""


_BATCH_SELECT = "SELECT id, started_at, finished_at, file_name, format, kind, stats, undone_at FROM imports"


def _batch(row: Sequence) -> ImportBatch:
    return ImportBatch(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6] or "{}"),
                       row[7])


def create_batch(db: Database, *, file_name: str, format: str | None, kind: str,
                 started_at: str | None = None) -> int:
    cursor = db.execute(
        "INSERT INTO imports (started_at, file_name, format, kind) VALUES (?, ?, ?, ?)",
        [started_at or utc_now_iso(), file_name, format, kind],
    )
    return cursor.lastrowid


def finish_batch(db: Database, batch_id: int, *, stats: dict, finished_at: str | None = None) -> None:
    db.execute(
        "UPDATE imports SET finished_at = ?, stats = ? WHERE id = ?",
        [finished_at or utc_now_iso(), json.dumps(stats, ensure_ascii=False), batch_id],
    )


def batches(db: Database, *, limit: int = 500) -> list[ImportBatch]:
    """Finished batches, newest first."""
    rows = db.execute(
        f"{_BATCH_SELECT} WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT ?", [limit]
    ).fetchall()
    return [_batch(r) for r in rows]


def get_batch(db: Database, batch_id: int) -> ImportBatch | None:
    row = db.execute(f"{_BATCH_SELECT} WHERE id = ?", [batch_id]).fetchone()
    return _batch(row) if row else None


def last_undoable(db: Database) -> ImportBatch | None:
    row = db.execute(
        f"{_BATCH_SELECT} WHERE finished_at IS NOT NULL AND undone_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return _batch(row) if row else None


def max_id(db: Database, entity: str) -> int:
    table = _TABLES[entity]
    return db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]


def record_created_after(db: Database, batch_id: int, *, entity: str, after_id: int) -> int:
    """Record every row of *entity* with an id above *after_id* as created by the batch (one
    id range); returns how many.

    Correct because the whole import runs in one write transaction: no one else inserts
    meanwhile, and new rows take the ids above the highest one.
    """
    table = _TABLES[entity]
    # Two subqueries: each reads one end of the id range (min and max in one query would
    # read every row of it).
    first, last = db.execute(
        f"SELECT (SELECT min(id) FROM {table} WHERE id > ?), (SELECT max(id) FROM {table})",
        [after_id],
    ).fetchone()
    count = last - first + 1 if first is not None else 0
    if count:
        db.execute(
            "INSERT INTO import_changes (import_id, entity, entity_id, until_id, action) "
            "VALUES (?, ?, ?, ?, 'created')",
            [batch_id, entity, first, last],
        )
    return count


def touched(db: Database, batch_id: int, entity: str, entity_id: int) -> bool:
    """Whether the batch already recorded the row (created or updated it)."""
    return db.execute(
        "SELECT 1 FROM import_changes WHERE import_id = ? AND entity = ? AND entity_id <= ? "
        "AND coalesce(until_id, entity_id) >= ?",
        [batch_id, entity, entity_id, entity_id],
    ).fetchone() is not None


def snapshot(db: Database, entity: str, entity_id: int) -> dict | None:
    table, columns = _TABLES[entity], columns_of(db, entity)
    row = db.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", [entity_id]).fetchone()
    return dict(zip(columns, row, strict=True)) if row else None


def record_updated(db: Database, batch_id: int, *, entity: str, entity_id: int, before: dict) -> None:
    db.execute(
        "INSERT INTO import_changes (import_id, entity, entity_id, action, before) "
        "VALUES (?, ?, ?, 'updated', ?)",
        [batch_id, entity, entity_id, json.dumps(before, ensure_ascii=False)],
    )


def undo_batch(db: Database, batch_id: int, *, now: str | None = None) -> dict[str, int]:
    """Put every row the batch touched back as it was: delete what it created, restore what it
    updated. Returns counts. Runs in one transaction.

    :raises UndoRefused: when the batch is unknown, already undone, or a later import that is
        still in place touched some of the same rows (undo that one first).
    """
    batch = get_batch(db, batch_id)
    if batch is None or batch.finished_at is None:
        raise UndoRefused(f"There is no import number {batch_id}.")
    if batch.undone_at:
        raise UndoRefused(f"Import {batch_id} ({batch.file_name}) was already undone.")
    later = db.execute(  # id ranges that overlap: entity_id..until_id (until_id NULL: one row)
        "SELECT i.id, i.file_name FROM import_changes c JOIN imports i ON i.id = c.import_id "
        "WHERE i.id > ? AND i.undone_at IS NULL AND i.finished_at IS NOT NULL "
        "AND EXISTS (SELECT 1 FROM import_changes mine WHERE mine.import_id = ? "
        "AND mine.entity = c.entity AND mine.entity_id <= coalesce(c.until_id, c.entity_id) "
        "AND coalesce(mine.until_id, mine.entity_id) >= c.entity_id) "
        "ORDER BY i.id DESC LIMIT 1",
        [batch_id, batch_id],
    ).fetchone()
    if later:
        raise UndoRefused(
            f"Import {later[0]} ({later[1]}) changed some of the same rows after this one; "
            "undo it first."
        )
    counts = {"deleted": 0, "restored": 0}
    with db.atomic():
        changes = db.execute(
            "SELECT entity, entity_id, until_id, action, before FROM import_changes "
            "WHERE import_id = ? ORDER BY id DESC",
            [batch_id],
        ).fetchall()
        created: dict[str, list[int]] = {}
        for entity, entity_id, until_id, action, before in changes:
            if action == "created":
                created.setdefault(entity, []).extend(range(entity_id, (until_id or entity_id) + 1))
            else:
                _restore(db, entity, entity_id, json.loads(before))
                counts["restored"] += 1
        for entity, ids in created.items():
            counts["deleted"] += _delete(db, entity, ids)
        db.execute("UPDATE imports SET undone_at = ? WHERE id = ?", [now or utc_now_iso(), batch_id])
    return counts


def _restore(db: Database, entity: str, entity_id: int, before: dict) -> None:
    table = _TABLES[entity]
    # Only columns the snapshot has: one added after the import keeps its current value.
    columns = [c for c in columns_of(db, entity) if c in before]
    assignments = ", ".join(f"{c} = ?" for c in columns)
    db.execute(
        f"UPDATE {table} SET {assignments} WHERE id = ?",
        [*(before.get(c) for c in columns), entity_id],
    )


def _delete(db: Database, entity: str, ids: Iterable[int]) -> int:
    if entity == "customer":
        from storage import customers  # the customer delete also drops queued mail

        return customers.delete(db, ids)
    table = _TABLES[entity]
    ids = list(ids)
    deleted = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        deleted += db.execute(f"DELETE FROM {table} WHERE id IN ({marks})", chunk).rowcount
    return deleted


def changes_count(db: Database, batch_id: int) -> dict[str, int]:
    rows = db.execute(
        "SELECT action, sum(coalesce(until_id, entity_id) - entity_id + 1) FROM import_changes "
        "WHERE import_id = ? GROUP BY action", [batch_id]
    ).fetchall()
    return {action: n for action, n in rows}


def save_mapping(db: Database, header_key: str, mapping_json: str, *, now: str | None = None) -> None:
    db.execute(
        "INSERT INTO import_mappings (header_key, mapping, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(header_key) DO UPDATE SET mapping = excluded.mapping, "
        "updated_at = excluded.updated_at",
        [header_key, mapping_json, now or utc_now_iso()],
    )


def load_mapping(db: Database, header_key: str) -> str | None:
    row = db.execute("SELECT mapping FROM import_mappings WHERE header_key = ?", [header_key]).fetchone()
    return row[0] if row else None


# Rows per multi-row INSERT (a power of two): 256 × 21 values stays far below SQLite's smallest
# limit on bound values (32,766).
ROWS_PER_INSERT = 256


def customers_by_keys(db: Database, keys: Sequence[str], *,
                      columns: Sequence[str] | None = None) -> dict[str, dict]:
    """Current customers for identity keys (``email:…`` / ``phone:…``), keyed by key.

    A phone key matches only customers without an e-mail (the contract keeps the key spaces apart).
    *columns* (from :func:`columns_of`) saves a schema lookup when called in a loop. The keys go
    in as one JSON array, so a batch of any size is one statement (one SQLite call, one cached
    plan) rather than a chunk of placeholders per 500 keys.
    """
    emails = [k[6:] for k in keys if k.startswith("email:")]
    phones = [k[6:] for k in keys if k.startswith("phone:")]
    found: dict[str, dict] = {}
    names = ("id", *(columns or columns_of(db, "customer")))
    select = "SELECT " + ", ".join(names) + " FROM customers WHERE "
    if emails:
        rows = db.conn.execute(
            select + "email_key IN (SELECT value FROM json_each(?))", [json.dumps(emails)]
        ).fetchall()
        for row in rows:
            data = dict(zip(names, row, strict=True))
            found["email:" + data["email_key"]] = data
    if phones:
        rows = db.conn.execute(
            select + "email_key IS NULL AND phone_key IN (SELECT value FROM json_each(?)) "
            "ORDER BY id", [json.dumps(phones)]
        ).fetchall()
        for row in rows:
            data = dict(zip(names, row, strict=True))
            found.setdefault("phone:" + data["phone_key"], data)
    return found


def insert_customers(db: Database, columns: Sequence[str], values: list) -> None:
    """Insert many customers in few SQLite calls: *values* holds theirs one after the other,
    one per column of *columns* each (a flat list: no tuple per row to build or unpack).

    Rows go in ``ROWS_PER_INSERT`` at a time, the rest in power-of-two groups, so that every
    statement is one of a handful of cached ones. (One statement per row through executemany
    took 0.45 s per 100,000 rows; 256 rows per statement, 0.34 s.)
    """
    width = len(columns)
    execute = db.conn.execute
    start, total = 0, len(values) // width
    if total * width != len(values):
        raise ValueError(f"{len(values)} values do not make rows of {width}")
    while start < total:
        size = ROWS_PER_INSERT
        while size > total - start:
            size //= 2
        execute(_insert_sql(tuple(columns), size), values[start * width : (start + size) * width])
        start += size


@lru_cache(maxsize=32)
def _insert_sql(columns: tuple[str, ...], rows: int) -> str:
    # Built once per shape: a statement of 256 rows is 16 KB of text.
    one = f"({', '.join('?' * len(columns))})"
    return f"INSERT INTO customers ({', '.join(columns)}) VALUES " + ", ".join([one] * rows)


def update_customer(db: Database, customer_id: int, values: dict) -> None:
    assignments = ", ".join(f"{k} = ?" for k in values)
    db.execute(f"UPDATE customers SET {assignments} WHERE id = ?", [*values.values(), customer_id])


def find_product(db: Database, *, sku: str | None, handle: str | None, name: str,
                 variant: str) -> dict | None:
    """The stored product for an imported variant: by SKU, else by Shopify handle + variant,
    else by name + variant."""
    names = ("id", *columns_of(db, "product"))
    select = "SELECT " + ", ".join(names) + " FROM products WHERE "
    if sku:
        row = db.execute(select + "sku = ?", [sku]).fetchone()
    elif handle:
        row = db.execute(select + "shopify_handle = ? AND variant = ? AND coalesce(sku, '') = ''",
                         [handle, variant]).fetchone()
    else:
        row = db.execute(select + "name = ? AND variant = ? AND coalesce(sku, '') = ''",
                         [name, variant]).fetchone()
    return dict(zip(names, row, strict=True)) if row else None


def insert_product(db: Database, values: dict) -> int:
    columns = list(values)
    cursor = db.execute(
        f"INSERT INTO products ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [values[c] for c in columns],
    )
    return cursor.lastrowid


def update_product(db: Database, product_id: int, values: dict) -> None:
    assignments = ", ".join(f"{k} = ?" for k in values)
    db.execute(f"UPDATE products SET {assignments} WHERE id = ?", [*values.values(), product_id])
