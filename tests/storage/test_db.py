"""Opening the store: pragmas, migrations, backups before a pending migration."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from storage import db as storage_db
from storage.db import StorageError, open_db
from storage.schema import migrations


def test_new_file_is_migrated_with_pragmas_and_no_backup(db_path):
    database = open_db(db_path)
    assert database.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.execute("PRAGMA busy_timeout").fetchone()[0] == storage_db.BUSY_TIMEOUT_MS
    tables = set(database.table_names())
    for name in ("customers", "products", "waitlist", "visits", "templates", "drafts", "outbox",
                 "send_log", "imports", "settings", "audit_log", "customers_fts"):
        assert name in tables
    assert migrations.pending(database) == []
    assert list(db_path.parent.glob("*before-migration*")) == []
    database.close()


def test_reapplying_is_a_no_op(db_path):
    open_db(db_path).close()
    database = open_db(db_path)
    applied = [m.name for m in migrations.applied(database)]
    assert len(applied) == len(set(applied)) == len(migrations._migrations)
    database.close()


def test_pending_migration_makes_a_backup_first(db_path, monkeypatch):
    database = open_db(db_path)
    database.execute("INSERT INTO settings (key, value) VALUES ('shop_name', '\"Rye\"')")
    database.conn.commit()
    database.close()

    extra = migrations._Migration("m999_test_only", lambda d: d.execute("CREATE TABLE t_extra (x)"))
    monkeypatch.setattr(migrations, "_migrations", [*migrations._migrations, extra])
    database = open_db(db_path)
    backups = list(db_path.parent.glob("fondly.before-migration-*.db"))
    assert len(backups) == 1
    copy = Database(sqlite3.connect(backups[0]))
    assert "t_extra" not in copy.table_names()
    assert copy.execute("SELECT value FROM settings").fetchone()[0] == '"Rye"'
    assert "t_extra" in database.table_names()
    database.close()


def test_not_a_database_is_a_clear_error(tmp_path):
    bogus = tmp_path / "fondly.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="not a Fondly database"):
        open_db(bogus)


def test_fts_survives_transform_when_rebuilt(db):
    from storage import customers
    from storage.schema import rebuild_customers_fts

    customers.insert(db, {"first_name": "Zoë", "last_name": "O'Brien", "email": "zoe@example.com"})
    db.conn.commit()
    db["customers"].transform()  # drops the FTS triggers, as documented
    rebuild_customers_fts(db)
    customers.insert(db, {"first_name": "Marta", "email": "marta@example.com"})
    assert customers.ordered_ids(db, search="zoe") == [1]
    assert customers.ordered_ids(db, search="mart") == [2]


def test_every_migration_function_is_registered():
    from storage import schema

    defined = sorted(name for name in vars(schema) if name.startswith("m0") and callable(getattr(schema, name)))
    registered = sorted(m.name for m in migrations._migrations)
    assert defined == registered
