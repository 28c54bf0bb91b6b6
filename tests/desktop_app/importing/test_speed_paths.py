"""The import's speed devices change nothing visible: the page cache is put back, the fast
paths of row reading agree with the general ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.contacts import is_valid_email
from desktop_app.importing.engine import run_import
from desktop_app.importing.formats import Mapping
from desktop_app.importing.records import _PLAIN_EMAIL, RowReader
from storage import import_speed


def cache_size(db) -> int:
    return db.execute("PRAGMA cache_size").fetchone()[0]


@pytest.mark.parametrize("dry_run", [False, True])
def test_import_puts_the_page_cache_back(tmp_path, db, dry_run):
    db.execute("PRAGMA cache_size=-1234")
    path = tmp_path / "a.csv"
    path.write_text("Name,Email\nAnn Lee,ann@example.com\n", encoding="utf-8")
    result = run_import(db, path, dry_run=dry_run)
    assert result.accepted == 1
    assert cache_size(db) == -1234


def test_larger_cache_is_set_inside_and_restored_after_a_failure(db):
    db.execute("PRAGMA cache_size=-2000")
    with pytest.raises(RuntimeError), import_speed.larger_cache(db, kib=4096):
        assert cache_size(db) == -4096
        raise RuntimeError("boom")
    assert cache_size(db) == -2000


@pytest.mark.parametrize("address", [
    "ann@example.com", "A.B+c@Ex-Ample.co.UK", "x@y.invalid", "x@y.INVALID", "x@y.invalidx",
    "a..b@c.com", ".a@c.com", "a.@c.com", "a@-b.com", "a@b-.com", "a@b.c", "a@b.c0m",
    "\u212a@b.com", "a@b\u017f.com", "a@b", "a@b..com", "customer5@example",
])
def test_plain_address_shape_only_accepts_valid_addresses(address):
    if _PLAIN_EMAIL.fullmatch(address):
        assert is_valid_email(address)


def test_plain_address_shape_covers_the_common_case():
    assert _PLAIN_EMAIL.fullmatch("customer123@example.com")
    assert not _PLAIN_EMAIL.fullmatch("x@y.invalid")


MAPPING = Mapping(columns={"first_name": (0,), "last_name": (1,), "email": (2,),
                           "phone": (4, 3), "notes": (5,), "birthday": (6,)})


@pytest.mark.parametrize("cells", [
    ["Ann", " Lee ", " ann@example.com ", "", "'+1 503 555 0101", "  a note  ", "1990-01-02"],
    ["", "", "", "503 555 0101", "", "", ""],
    ["Ann", "Lee", "ann@example.com", "", "", None, dt.date(1990, 1, 2)],  # XLSX-like cells
    ["Ann", "Lee", "ann@example.com"],  # a short row
])
def test_fast_and_general_cell_reading_agree(cells):
    reader = RowReader(MAPPING)
    general: dict = {}
    reader._fill(general, cells, reader._mapped)
    assert reader.cells_by_field(cells) == general


def write_customers(path, rows: int) -> None:
    lines = ["First Name,Last Name,Email,Birthday,Accepts Email Marketing"]
    lines += [f"Ann{i},Lee,ann{i}@example.com,1990-0{1 + i % 9}-1{i % 10},yes" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_an_import_leaves_its_pages_in_the_log_until_settled(tmp_path, db):
    from desktop_app.importing.engine import settle

    autocheckpoint = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    path = Path(db.execute("PRAGMA database_list").fetchone()[2])
    before = path.stat().st_size
    write_customers(tmp_path / "a.csv", 3000)
    run_import(db, tmp_path / "a.csv")
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == autocheckpoint
    assert path.stat().st_size == before  # committed to the log, not yet copied to the file
    settle(db)
    assert path.stat().st_size > before + 100_000
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 3000


def test_checks_skipped_during_an_import_hold_for_what_it_wrote(tmp_path, db):
    write_customers(tmp_path / "a.csv", 50)
    before = db.execute("PRAGMA ignore_check_constraints").fetchone()[0]
    run_import(db, tmp_path / "a.csv")
    assert db.execute("PRAGMA ignore_check_constraints").fetchone()[0] == before == 0
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # CHECKs included


def test_created_customers_are_recorded_as_one_range_and_undone_whole(tmp_path, db):
    from storage.imports import changes_count, undo_batch

    db.execute("INSERT INTO customers (display_name, email, email_key, created_at, updated_at) "
               "VALUES ('Old', 'old@example.com', 'old@example.com', 'x', 'x')")
    write_customers(tmp_path / "a.csv", 500)
    result = run_import(db, tmp_path / "a.csv")
    rows = db.execute("SELECT entity_id, until_id, action FROM import_changes").fetchall()
    assert rows == [(2, 501, "created")]
    assert changes_count(db, result.batch_id) == {"created": 500}
    assert undo_batch(db, result.batch_id) == {"deleted": 500, "restored": 0}
    assert db.execute("SELECT display_name FROM customers").fetchall() == [("Old",)]


def test_search_index_merging_is_put_back_after_an_import(tmp_path, db, monkeypatch):
    def automerge():
        row = db.execute("SELECT v FROM customers_fts_config WHERE k = 'automerge'").fetchone()
        return row[0] if row else 4  # FTS5's default

    seen = []
    original = import_speed.index_new_rows

    def index_new_rows(db_, *, after_id):
        seen.append(automerge())
        original(db_, after_id=after_id)

    write_customers(tmp_path / "a.csv", 20)
    monkeypatch.setattr(import_speed, "index_new_rows", index_new_rows)
    run_import(db, tmp_path / "a.csv")
    assert seen == [16]
    assert automerge() == 4


def test_the_cycle_collector_is_off_during_an_import_and_back_after(tmp_path, db, monkeypatch):
    import gc

    from desktop_app.importing import customer_import

    seen = []
    read_all = customer_import.CustomerImport._read_all

    def watched(self):
        seen.append(gc.isenabled())
        return read_all(self)

    monkeypatch.setattr(customer_import.CustomerImport, "_read_all", watched)
    path = tmp_path / "a.csv"
    path.write_text("Name,Email\nAnn Lee,ann@example.com\n", encoding="utf-8")
    assert gc.isenabled()
    run_import(db, path)
    assert seen == [False] and gc.isenabled()

    def broken(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(customer_import.CustomerImport, "_read_all", broken)
    with pytest.raises(RuntimeError):
        run_import(db, path)
    assert gc.isenabled()
    gc.disable()  # an owner of the collector who had it off keeps it off
    try:
        monkeypatch.setattr(customer_import.CustomerImport, "_read_all", read_all)
        run_import(db, path)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(("rows", "fields", "rebuilt"), [
    (1000, {"email", "shopify_id"}, set()),
    (import_speed.ID_INDEXES_LIVE_UP_TO + 1, {"email", "shopify_id"}, {"customers_shopify_id"}),
    (import_speed.ID_INDEXES_LIVE_UP_TO + 1, {"shopify_id", "square_id"},
     {"customers_shopify_id", "customers_square_id"}),
])
def test_other_systems_id_indexes_are_rebuilt_for_a_big_import_that_fills_them(
        db, rows, fields, rebuilt):
    def names():
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                         "AND tbl_name = 'customers' AND sql IS NOT NULL")}

    before = names()
    with db.atomic():
        dropped = import_speed.suspend_secondary_indexes(db, rows=rows, fields=fields)
        during = names()
        import_speed.restore_triggers(db, dropped)
    assert names() == before
    assert during == {"customers_email_key", "customers_phone_key", "customers_shopify_id",
                      "customers_square_id"} - rebuilt
