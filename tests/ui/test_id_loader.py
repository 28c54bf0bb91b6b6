"""IdLoader: the head of a search, then the rest; stale requests are skipped or stopped."""

from __future__ import annotations

import sqlite3

import pytest

from storage import customers
from tests.ui.conftest import fill_customers
from ui.customers.id_loader import IdLoader, abandoned_when


class ByHandTasks:
    """Queues work instead of running it, so a test decides when each step runs."""

    def __init__(self, db) -> None:
        self.db = db
        self.queue: list = []

    def run(self, lane, work, *, on_done=None, **_options):
        self.queue.append((lane, work, on_done))

    def step(self) -> None:
        lane, work, on_done = self.queue.pop(0)
        assert lane == "read"
        on_done(work(type("Task", (), {"db": self.db})()))


def test_head_then_rest_and_a_newer_request_skips_the_older_rest(db):
    fill_customers(db, 500)
    tasks = ByHandTasks(db)
    heads, rests = [], []
    loader = IdLoader(tasks, head_size=50, on_head=heads.append,
                      on_rest=lambda ids, text: rests.append((text, ids)), later=lambda call: call())
    loader.load("", "display_name", False)
    tasks.step()
    tasks.step()
    everyone = customers.ordered_ids(db)
    assert heads[0].ids == everyone[:50] and heads[0].matches == 500 == heads[0].total
    assert rests == [("", everyone)]

    loader.load("person1", "display_name", False)
    loader.load("person12", "display_name", False)
    tasks.step()
    tasks.step()
    # The first request's head was stale (and its rest never asked for): only the newest arrived,
    # and its head was the whole answer, so no rest either.
    assert [h.text for h in heads] == ["", "person12"]
    assert len(heads[1].ids) == heads[1].matches == len(customers.ordered_ids(db, search="person12"))
    assert tasks.queue == [] and rests == [("", everyone)]

    loader.load("person", "display_name", False)
    tasks.step()  # its head; the rest is queued behind it
    loader.load("person9", "display_name", False)
    tasks.step()  # the stale rest: skipped without a query
    tasks.step()
    assert [h.text for h in heads][-2:] == ["person", "person9"] and rests == [("", everyone)]


def test_a_statement_is_stopped_once_its_request_is_stale(db):
    fill_customers(db, 300)
    calls = []

    def stale() -> bool:
        calls.append(1)
        return len(calls) > 2

    with abandoned_when(db, stale) as abandoned:
        db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000) "
                   "SELECT count(*) FROM n").fetchone()
    assert abandoned()
    # The handler is gone afterwards, and a fresh request runs to the end.
    with abandoned_when(db, lambda: False) as abandoned:
        assert len(customers.ordered_ids(db)) == 300
    assert not abandoned()


def test_other_sqlite_errors_still_raise(db):
    with pytest.raises(sqlite3.OperationalError), abandoned_when(db, lambda: False):
        db.execute("SELECT * FROM no_such_table")
