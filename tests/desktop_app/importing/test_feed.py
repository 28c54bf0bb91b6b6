"""Rows read by a child process: the same result, its failures reach the owner, a cancel ends it."""

from __future__ import annotations

import csv
import io
import multiprocessing
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.errors import AppError, Cancelled
from desktop_app.importing import customer_import, feed
from desktop_app.importing.engine import run_import
from desktop_app.importing.formats import default_mapping, detect_format
from desktop_app.importing.key_filter import KeyFilter
from desktop_app.importing.tables import open_table
from desktop_app.progress import TaskContext
from storage.db import open_db
from tests.desktop_app.importing.test_properties import row_strategy


@pytest.fixture
def in_child(monkeypatch):
    monkeypatch.setattr(feed, "CHILD_MIN_BYTES", 0)
    monkeypatch.setattr(customer_import, "BATCH_ROWS", 50)
    monkeypatch.setattr(feed, "PIECE_ROWS", 7)  # the child's pieces are joined into batches
    started = []
    original = feed.ChildFeed.__enter__

    def enter(self):
        started.append(self._process)
        return original(self)

    monkeypatch.setattr(feed.ChildFeed, "__enter__", enter)
    return started


def write_rows(path, rows: int, *, long_field_at: int | None = None) -> None:
    lines = ["First Name,Email,Phone,Birthday,Accepts Email Marketing"]
    for i in range(rows):
        email = f"ann{i % (rows - 7)}@example.com" if i % 3 else f"Ann{i}@Example.com"
        lines.append(f"Ann{i},{email},'+1 503 555 {i % 10000:04d},1990-02-{1 + i % 28:02d},yes")
        if long_field_at == i:
            lines.append(f"Bo,bo@example.com,,,{'x' * 500}")
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


def summary(result) -> tuple:
    return (result.data_rows, result.created, result.merged_rows, result.updated,
            result.unchanged, len(result.rejected), result.warnings, result.unique_customers)


def test_the_child_gives_what_reading_here_gives(tmp_path, monkeypatch, in_child):
    write_rows(tmp_path / "a.csv", 400)
    from storage.db import open_db

    here_db = open_db(tmp_path / "here.db")
    monkeypatch.setattr(feed, "CHILD_MIN_BYTES", 10**12)
    here = run_import(here_db, tmp_path / "a.csv")
    assert not in_child
    monkeypatch.setattr(feed, "CHILD_MIN_BYTES", 0)
    child_db = open_db(tmp_path / "child.db")
    child = run_import(child_db, tmp_path / "a.csv")
    assert len(in_child) == 1 and in_child[0].exitcode == 0
    assert summary(child) == summary(here)
    assert [o.__dict__ for o in child.rows] == [o.__dict__ for o in here.rows]
    columns = [r[1] for r in here_db.execute("PRAGMA table_info(customers)").fetchall()
               if not r[1].endswith("_at")]  # the times of the two imports differ
    query = f"SELECT {', '.join(columns)} FROM customers ORDER BY id"
    assert child_db.execute(query).fetchall() == here_db.execute(query).fetchall()


def test_a_file_the_child_cannot_read_is_a_message_with_its_hint(tmp_path, db, in_child):
    write_rows(tmp_path / "a.csv", 300, long_field_at=120)
    limit = csv.field_size_limit(400)  # the forked child inherits it: line 123 is too long
    try:
        with pytest.raises(AppError) as raised:
            run_import(db, tmp_path / "a.csv")
    finally:
        csv.field_size_limit(limit)
    assert "could not be read" in raised.value.message and raised.value.hint
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
    assert in_child[0].exitcode == 0


def test_cancel_stops_the_child_and_writes_nothing(tmp_path, db, in_child):
    write_rows(tmp_path / "a.csv", 2000)
    ctx = TaskContext()
    seen = []

    def report(done, total=0, label=""):
        seen.append(done)
        ctx.cancel()  # after the first batch

    ctx.report = report
    with pytest.raises(Cancelled):
        run_import(db, tmp_path / "a.csv", ctx=ctx)
    assert len(seen) == 1
    assert not in_child[0].is_alive()
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0


def test_a_child_that_dies_is_a_message(tmp_path, db, in_child, monkeypatch):
    def die(send, plan):
        import os

        os._exit(3)

    monkeypatch.setattr(feed, "_child", die)
    write_rows(tmp_path / "a.csv", 100)
    with pytest.raises(AppError, match="reader stopped"):
        run_import(db, tmp_path / "a.csv")
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0


def test_app_error_keeps_its_hint_across_processes():
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        error = pool.apply(AppError, ("message", "the hint"))
    assert (error.message, error.hint) == ("message", "the hint")


def stored(db) -> list:
    columns = [r[1] for r in db.execute("PRAGMA table_info(customers)").fetchall()
               if not r[1].endswith("_at")]
    return db.execute(f"SELECT {', '.join(columns)} FROM customers ORDER BY id").fetchall()


filtered = KeyFilter.repeats


def everyone(self, keys):
    return [i for i, key in enumerate(keys) if key is not None]


original_runs = customer_import.CustomerImport._runs


def one_by_one(self, batch, existing, *, aside=frozenset()):
    """The reference: every row decided by itself, none written as part of a run."""
    for index in range(len(batch.keys)):
        if index not in aside:
            self._one(batch.item(index), existing)


def search_all(db) -> dict:
    """Which customers each word of their names, e-mails, phones and notes finds."""
    from storage import customers

    words = set()
    for row in db.execute("SELECT display_name, email, phone, notes FROM customers"):
        for value in row:
            words.update(w for w in (value or "").split() if w.isalnum())
    return {w: customers.ordered_ids(db, search=w) for w in sorted(words)[:40]}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(rows=st.lists(row_strategy, max_size=30))
def test_runs_of_new_rows_and_one_by_one_agree(rows, monkeypatch):
    """Written in runs (past the preview's first rows), read here or by a child, small batches:
    the same customers and counts as row by row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["Name", "Email", "Phone", "Birthday", "Opted In", "Notes"])
    for row in rows:
        writer.writerow([row["name"], row["email"], row["phone"], row["birthday"],
                         row["consent"], row["notes"]])
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        for name, child, batch_rows, keep, defer_at_most in (
                ("plain", False, 1000, 5000, 0), ("runs", False, 3, 0, 50_000),
                ("child runs", True, 3, 0, 50_000), ("set aside, bounded", False, 3, 0, 2),
                ("rows kept, set aside", False, 3, 5000, 50_000),
                ("plain, few kept", False, 1000, 4, 0), ("runs, few kept", False, 3, 4, 0)):
            # The reference looks every key up as it comes; the others trust the reader's
            # filter, and (into an empty store) set aside the rows it marks until the end.
            is_reference = name.startswith("plain")
            monkeypatch.setattr(KeyFilter, "repeats", everyone if is_reference else filtered)
            monkeypatch.setattr(customer_import.CustomerImport, "_runs",
                                one_by_one if is_reference else original_runs)
            monkeypatch.setattr(customer_import, "DEFER", not is_reference and defer_at_most > 0)
            monkeypatch.setattr(customer_import, "DEFER_AT_MOST", defer_at_most)
            monkeypatch.setattr(feed, "CHILD_MIN_BYTES", 0 if child else 10**12)
            monkeypatch.setattr(customer_import, "BATCH_ROWS", batch_rows)
            monkeypatch.setattr(feed, "PIECE_ROWS", 2)
            monkeypatch.setattr(customer_import, "INDEX_EVERY", 2)
            db = open_db(Path(folder) / f"{name}.db")
            result = run_import(db, path, keep_rows=keep)
            db.execute("INSERT INTO customers_fts(customers_fts, rank) VALUES ('integrity-check', 1)")
            rows = [o.__dict__ for o in result.rows if keep or o.outcome != "new"]
            outcomes.append((summary(result), stored(db), search_all(db),
                             ([r for r in rows if r["row"] > 0], result.rows_truncated)
                             if keep else None))
            db.close()
    reference = outcomes[0]
    for name, got in zip(("runs", "child runs", "set aside, bounded", "rows kept, set aside",
                          "plain, few kept", "runs, few kept"), outcomes[1:], strict=True):
        assert got[:3] == reference[:3], name
    # The preview's rows, in the file's order: all of them, or the first few and the notable.
    assert outcomes[4][3] == reference[3]
    assert outcomes[6][3] == outcomes[5][3]


@pytest.mark.parametrize("keep", [0, 1, 3, 4, 6, 40])
def test_rows_kept_for_the_preview_are_those_kept_row_by_row(tmp_path, monkeypatch, keep):
    lines = ["Name,Email,Birthday"]
    for i in range(12):
        if i == 5:
            lines.append("Nobody,,")  # rejected: notable, kept beyond the first rows too
        elif i == 8:
            lines.append(f"Ann {i},ann{i}@example.com,31/04/1990")  # a warning: notable
        else:
            lines.append(f"Ann {i},ann{i}@example.com,1990-02-{1 + i:02d}")
    path = tmp_path / "a.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = {}
    for name, runs in (("row by row", one_by_one), ("in runs", original_runs)):
        monkeypatch.setattr(customer_import.CustomerImport, "_runs", runs)
        result = run_import(open_db(tmp_path / f"{name}.db"), path, keep_rows=keep)
        got[name] = ([o.__dict__ for o in result.rows], result.rows_truncated)
    assert got["in runs"] == got["row by row"]
    # The first *keep* rows, then the notable ones (up to ten times as many).
    notable_after = 2 if keep <= 5 else 1 if keep <= 8 else 0
    assert len(got["in runs"][0]) == (min(keep, 12) + notable_after if keep else 0)
    assert got["in runs"][1] == (keep < 12)


def test_the_key_filter_never_misses_a_repeat_and_seldom_cries_wolf():
    keys = [f"email:customer{i}@example.com" for i in range(200_000)]
    found = KeyFilter()
    # Distinct keys: a "maybe seen" is rare (string hashes differ from run to run, so this is
    # a rate, not a fixed list): ~37 expected among the first 100,000, ~112 among the next.
    assert len(found.repeats(keys[:100_000])) < 100
    assert len(found.repeats(keys[100_000:])) < 250
    again = keys[5:50_000:7] + [None]
    assert found.repeats(again) == list(range(len(again) - 1))  # every repeat is caught


def test_pieces_joined_are_the_batch_read_at_once(tmp_path):
    """The child sends small pieces; joined, they are what one batch of the same rows holds:
    rejected and warned rows (kept by their place in the batch) included."""
    lines = ["Name,Email,Phone,Birthday"]
    for i in range(60):
        if i % 9 == 4:
            lines.append(f"Nobody {i},,,")  # no contact: rejected
        elif i % 9 == 6:
            lines.append(f"Warned {i},w{i}@example,'+1 503 555 {i:04d},31/04/1990")
        else:
            lines.append(f"Ann {i},ann{i}@example.com,,1990-02-{1 + i % 28:02d}")
    path = tmp_path / "a.csv"
    path.write_text("\n".join(lines) + "\n\n\n", encoding="utf-8")

    def batches(rows: int) -> list[feed.Batch]:
        table = open_table(path)
        fmt = detect_format(table.header, table.source)
        plan = feed.FeedPlan(path, default_mapping(fmt, table.header), "import:a.csv",
                             "2026-01-01T00:00:00+00:00", batch_rows=rows)
        return list(feed.read_batches(plan, table))

    whole = batches(1000)
    pieces = batches(7)
    assert len(pieces) > 9 and whole[0].specials and whole[-1].blank_rows == 2
    assert feed._joined(pieces) == feed._joined(whole)
    assert sorted(feed._joined(pieces).specials) == sorted(whole[0].specials)


def test_a_spawned_reader_gives_the_same(tmp_path, monkeypatch, in_child):
    """Where fork is not used (Windows, macOS), the reader is a fresh interpreter."""
    write_rows(tmp_path / "a.csv", 300)
    here_db = open_db(tmp_path / "here.db")
    monkeypatch.setattr(feed, "CHILD_MIN_BYTES", 10**12)
    here = run_import(here_db, tmp_path / "a.csv")
    monkeypatch.setattr(feed, "CHILD_MIN_BYTES", 0)
    monkeypatch.setattr(feed, "_start_method", lambda: "spawn")
    spawned_db = open_db(tmp_path / "spawned.db")
    spawned = run_import(spawned_db, tmp_path / "a.csv")
    assert in_child and in_child[0].exitcode == 0
    assert summary(spawned) == summary(here)
    assert stored(spawned_db) == stored(here_db)


def test_without_a_second_process_the_file_is_read_here(tmp_path, db, in_child, monkeypatch):
    def refuse(self):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    write_rows(tmp_path / "a.csv", 300)
    result = run_import(db, tmp_path / "a.csv")
    assert in_child  # a reading process was asked for...
    assert result.created == db.execute("SELECT count(*) FROM customers").fetchone()[0] > 250
