"""How an import writes many customers fast and leaves nothing different behind: connection
settings held for its length, triggers and indexes suspended and rebuilt, the search index
kept up a few batches at a time."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager

from sqlite_utils import Database

_TABLES = {"customer": "customers", "product": "products"}


def suspend_insert_indexing(db: Database, entity: str = "customer") -> list[str]:
    """Drop the FTS insert and update triggers of *entity*'s table; return their SQL.

    Bulk imports index new rows in one statement afterwards (:func:`index_new_rows`), several
    times faster than the trigger firing per row, and reindex the rows they update together
    (:func:`reindex_customers`). Call inside the import transaction, so that the triggers are
    never missing for anyone else.
    """
    return _dropped(db, "TRIGGER", db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
        "AND (sql LIKE '%AFTER INSERT%' OR sql LIKE '%AFTER UPDATE%') AND sql LIKE '%_fts%'",
        [_TABLES[entity]],
    ).fetchall())


def _dropped(db: Database, kind: str, found: Sequence[tuple[str, str]]) -> list[str]:
    """Drop each (name, CREATE statement) *kind* (TRIGGER, INDEX); return the statements."""
    for name, _sql in found:
        db.execute(f'DROP {kind} "{name}"')
    return [sql for _name, sql in found]


# Indexes kept up row by row during a bulk load: the lookups an import reads while it runs, and
# the partial ones over other systems' ids, which hold only the rows that have one (often none)
# while rebuilding them would scan the whole table (A/B of 7 runs at 100,000 rows: 6 % faster).
# The other customer indexes are rebuilt once at the end (a sort), not updated row by row
# (random B-tree writes).
_KEY_INDEXES = ("customers_email_key", "customers_phone_key")
_ID_FIELDS = ("shopify_id", "square_id")
# Past this many rows, an id index kept up row by row outgrows the import's page cache (a
# Shopify export's ids come in no useful order): rebuilt once instead, 5–9 % faster at 1,000,000.
ID_INDEXES_LIVE_UP_TO = 250_000


def suspend_secondary_indexes(db: Database, *, rows: int = 0,
                              fields: Collection[str] = _ID_FIELDS) -> list[str]:
    """Drop the customer indexes an import does not read; return their SQL to recreate them.

    Worth it when the import is large next to the table (rebuilding costs the whole table).
    *rows* is about how many the import brings and *fields* which columns it fills: past
    ``ID_INDEXES_LIVE_UP_TO`` rows, the index over another system's id that it fills goes too
    (one it leaves empty costs nothing kept up, and a scan of the table to rebuild). Call inside
    the import transaction: nobody else ever sees the table without them.
    """
    keep = set(_KEY_INDEXES)
    keep.update(f"customers_{field}" for field in _ID_FIELDS
                if rows <= ID_INDEXES_LIVE_UP_TO or field not in fields)
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' "
        "AND sql IS NOT NULL"
    ).fetchall()
    return _dropped(db, "INDEX", [(name, sql) for name, sql in indexes if name not in keep])


@contextmanager
def _pragma_held(db: Database, name: str, value: int) -> Iterator[None]:
    """*name* set to *value* on this connection until the block ends, then put back."""
    before = db.execute(f"PRAGMA {name}").fetchone()[0]
    db.execute(f"PRAGMA {name}={int(value)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA {name}={int(before)}")


def suspend_key_indexes(db: Database) -> list[str]:
    """Drop the customer key indexes (e-mail, phone); return their SQL to build them again.

    For an import into an empty store that sets aside every row whose key may have come
    before (desktop_app.importing.customer_import): no lookup needs them until those rows are
    read. Kept up row by row they cost a random B-tree insert per customer: 0.35 s of a
    100,000-row import with realistic (unordered) addresses.
    """
    return _dropped(db, "INDEX", db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' "
        f"AND name IN ({', '.join('?' * len(_KEY_INDEXES))})", list(_KEY_INDEXES)
    ).fetchall())


def larger_cache(db: Database, kib: int = 32768):
    """Give *db*'s connection a *kib* KiB page cache for a big import, then put the old one back.

    Index upkeep beyond SQLite's default 2 MB cache grows super-linearly on a million-row import.
    Measured on 1,000,000 Shopify rows: 32 MB → 49.9 s, peak RSS 118 MB; 64 MB → 53.7 s, 186 MB
    (too near the 200 MB goal, for nothing). The cache is allocated only as pages are read.
    """
    return _pragma_held(db, "cache_size", -int(kib))


def checked_by_caller(db: Database):
    """Skip the customer table's CHECK constraints while an import writes rows it has checked.

    The importer only writes months 1–12, days that exist and consent yes/no/unknown (it
    parses them itself); SQLite checking each row again took a third of the insert time
    (0.17 s of 0.57 s for 96,000 rows). ``PRAGMA integrity_check`` still checks them.
    """
    return _pragma_held(db, "ignore_check_constraints", 1)


def checkpoint_later(db: Database):
    """Keep the import's pages in the write-ahead log when it commits; the caller folds them
    into the database file afterwards (:func:`storage.db.fold_wal`), off the owner's wait.

    An automatic checkpoint would copy the whole import a second time inside the commit (0.15 s
    of a 100,000-row import). The data is safe once the log is written; readers see it at once.
    """
    return _pragma_held(db, "wal_autocheckpoint", 0)


@contextmanager
def search_merging_deferred(db: Database, *, automerge: int = 16) -> Iterator[None]:
    """Let FTS5 merge the search index's segments less often while an import adds to it.

    FTS5 merges small segments as it goes (``automerge``, 4 by default); 16, its largest,
    halves the index's cost on a 1,000,000-row import (3.7 s → 2.4 s) for 5 % slower prefix
    queries until later writes merge further. Put back afterwards, inside the transaction.
    """
    row = db.execute("SELECT v FROM customers_fts_config WHERE k = 'automerge'").fetchone()
    db.execute("INSERT INTO customers_fts(customers_fts, rank) VALUES ('automerge', ?)",
               [automerge])
    yield
    db.execute("INSERT INTO customers_fts(customers_fts, rank) VALUES ('automerge', ?)",
               [row[0] if row else 4])


def restore_triggers(db: Database, statements: Sequence[str]) -> None:
    """Re-run the CREATE statements that the suspend functions returned."""
    for sql in statements:
        db.execute(sql)


def _fts_columns(db: Database) -> list[str]:
    return [r[1] for r in db.execute("PRAGMA table_info(customers_fts)").fetchall()]


def reindex_customer(db: Database, customer_id: int, old: dict) -> None:
    """Replace one customer's search-index entry: remove *old* values, add the current ones."""
    reindex_customers(db, [(customer_id, old)])


def reindex_customers(db: Database, changed: Iterable[tuple[int, dict]]) -> None:
    """Replace the search-index entries of customers (id, values as indexed) with their current
    values, all in two statements.

    Per customer, two statements cost 0.14 ms each (FTS5 sets itself up per statement); and
    FTS5 writes out what it holds whenever a row id is lower than the last, which ids in
    ascending order keep to once per statement. 933 customers: 0.13 s → 0.02 s.
    """
    changed = sorted(changed, key=lambda pair: pair[0])
    if not changed:
        return
    columns = _fts_columns(db)
    names = ", ".join(columns)
    old = json.dumps([[customer_id, *(values.get(c) for c in columns)]
                      for customer_id, values in changed], ensure_ascii=False)
    picked = ", ".join(f"value->>{n + 1}" for n in range(len(columns)))
    db.execute(f"INSERT INTO customers_fts(customers_fts, rowid, {names}) "
               f"SELECT 'delete', value->>0, {picked} FROM json_each(?)", [old])
    db.execute(f"INSERT INTO customers_fts(rowid, {names}) SELECT id, {names} FROM customers "
               "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
               [json.dumps([customer_id for customer_id, _ in changed])])


def index_new_rows(db: Database, *, after_id: int) -> None:
    """Add customers with an id above *after_id* to the search index, in one statement."""
    names = ", ".join(_fts_columns(db))
    db.execute(f"INSERT INTO customers_fts(rowid, {names}) SELECT id, {names} FROM customers "
               "WHERE id > ?", [after_id])
