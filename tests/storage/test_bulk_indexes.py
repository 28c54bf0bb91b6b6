"""bulk.indexes_paused: a big load without a table's indexes, each built once after."""

from __future__ import annotations

import sqlite3

import pytest

from storage import bulk

STAMPS = ("created_at", "updated_at")
NOW = "2026-11-01T12:00:00.000000+00:00"


def _indexes(db, table: str) -> dict[str, str]:
    return dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                           "tbl_name = ? AND sql IS NOT NULL", [table]).fetchall())


def test_the_indexes_are_gone_during_the_load_and_the_same_after(db):
    before = _indexes(db, "customers")
    assert "customers_display_name" in before
    with db.atomic(), bulk.indexes_paused(db, "customers"):
        assert _indexes(db, "customers") == {}
        bulk.insert_rows(db, "customers", ("first_name", "display_name", "email", "email_key", *STAMPS),
                         [(f"P{i}", f"P{i}", f"p{i}@example.com", f"p{i}@example.com", NOW, NOW)
                          for i in range(50)])
    assert _indexes(db, "customers") == before
    plan = db.execute("EXPLAIN QUERY PLAN SELECT id FROM customers ORDER BY display_name COLLATE NOCASE, id "
                      "LIMIT 5").fetchall()
    assert "customers_display_name" in str(plan)


def test_rows_that_break_a_unique_index_fail_the_load(db):
    with pytest.raises(sqlite3.IntegrityError), db.atomic(), bulk.indexes_paused(db, "customers"):
        bulk.insert_rows(db, "customers", ("first_name", "email_key", *STAMPS),
                         [("A", "same@example.com", NOW, NOW), ("B", "same@example.com", NOW, NOW)])
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
    assert "customers_display_name" in _indexes(db, "customers")


def test_only_bulk_tables(db):
    with pytest.raises(ValueError), bulk.indexes_paused(db, "outbox"):
        pass
