"""IdLoader: a search or sort on the read lane in two steps, the first page then the whole array."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QTimer

from storage import customers


@dataclass(frozen=True)
class Head:
    """The first ids in display order, how many match, and how many customers there are."""

    ids: list[int]
    matches: int
    total: int
    text: str


class IdLoader:
    """Asks the read lane for a search's head (a few ms whatever the list's size), then its
    whole id array (tens of ms per 100,000 customers for a one-letter prefix).

    Only the newest request's answers are delivered; a request's second step is skipped when a
    newer one was made by the time the lane reaches it, and stopped when one is made while it
    runs (at 1,000,000 customers it takes most of a second), so typing on never waits for a
    sort nobody will see.
    """

    def __init__(self, tasks, *, head_size: int, on_head: Callable[[Head], None],
                 on_rest: Callable[[list[int], str], None],
                 later: Callable[[Callable[[], None]], None] | None = None) -> None:
        self._tasks = tasks
        # The rest is asked for once the head has been painted (the next turn of the event loop):
        # on two cores, a sort running beside the first paint slows both.
        self._later = later or (lambda call: QTimer.singleShot(0, call))
        self._head_size = head_size
        self._on_head = on_head
        self._on_rest = on_rest
        self._generation = 0

    def load(self, text: str, order_by: str, descending: bool) -> None:
        self._generation += 1
        generation = self._generation
        def first(task) -> Head:
            ids, matches = customers.first_ids(task.db, search=text, order_by=order_by,
                                               descending=descending, limit=self._head_size)
            total = matches if not text.strip() else customers.count(task.db)
            return Head(ids, matches, total, text)

        def rest(task) -> list[int] | None:
            if generation != self._generation:
                return None  # a newer request is queued
            with abandoned_when(task.db, lambda: generation != self._generation) as abandoned:
                ids = customers.ordered_ids(task.db, search=text, order_by=order_by,
                                            descending=descending)
            return None if abandoned() else ids

        def ask_rest() -> None:
            if generation == self._generation:
                self._tasks.run("read", rest,
                                on_done=lambda ids: self._deliver_rest(generation, ids, text))

        self._tasks.run("read", first, on_done=lambda head: self._deliver_head(generation, head, ask_rest))

    def _deliver_head(self, generation: int, head: Head, ask_rest: Callable[[], None]) -> None:
        if generation != self._generation:
            return
        self._on_head(head)
        if len(head.ids) < head.matches:  # else the head was everything
            self._later(ask_rest)

    def _deliver_rest(self, generation: int, ids: list[int] | None, text: str) -> None:
        if ids is not None and generation == self._generation:
            self._on_rest(ids, text)


@contextmanager
def abandoned_when(db, stale: Callable[[], bool]) -> Iterator[Callable[[], bool]]:
    """Stop the statement running on *db* once *stale()* turns true (checked every ~10,000
    SQLite instructions, on the running thread); yields whether that happened.

    The statement then raises ``sqlite3.OperationalError`` ("interrupted"), which is swallowed
    here; only read statements belong inside.
    """
    stopped = [False]

    def check() -> int:
        if stale():
            stopped[0] = True
            return 1
        return 0

    db.conn.set_progress_handler(check, 10_000)
    try:
        yield lambda: stopped[0]
    except sqlite3.OperationalError:
        if not stopped[0]:
            raise
    finally:
        db.conn.set_progress_handler(None, 0)
