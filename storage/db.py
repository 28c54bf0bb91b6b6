"""Opening the Fondly database file: pragmas, backups before migrations, and migrations."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import sqlite_utils

from storage.schema import migrations

BUSY_TIMEOUT_MS = 5000
DB_FILENAME = "fondly.db"


class StorageError(Exception):
    """A problem with the database file that the owner has to know about."""


def connect(path: Path | str) -> sqlite_utils.Database:
    """Open *path* with Fondly's pragmas, without running migrations.

    The connection keeps sqlite3's same-thread check on: each thread opens its own.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:  # pragma: no cover - depends on the file system
        raise StorageError(f"Could not open {path}: {exc}") from exc
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StorageError(f"{path} is not a Fondly database ({exc}).") from exc
    return db


def fold_wal(db: sqlite_utils.Database) -> None:
    """Copy what the write-ahead log holds into the database file, as far as readers allow.

    SQLite does this by itself every thousand pages; a bulk write that deferred it calls this
    when nobody is waiting for it.
    """
    db.execute("PRAGMA wal_checkpoint(PASSIVE)")


def backup_path(path: Path, now: dt.datetime | None = None) -> Path:
    """Where the copy of *path* made before migrating goes."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    return path.with_name(f"{path.stem}.before-migration-{stamp}{path.suffix}")


def open_db(path: Path | str, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open the store at *path*, backing it up and applying pending migrations first.

    A new, empty file is migrated without a backup (there is nothing to lose).

    :raises StorageError: when the file cannot be opened or is not a database.
    """
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    db = connect(path)
    if migrate:
        pending = migrations.pending(db)
        if pending and existed:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            backup = backup_path(path)
            # sqlite's online backup copies a consistent snapshot even with WAL in use.
            target = sqlite3.connect(str(backup))
            with target:
                db.conn.backup(target)
            target.close()
        if pending:
            migrations.apply(db)
    return db
