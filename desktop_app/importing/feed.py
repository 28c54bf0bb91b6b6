"""Reading a file's rows on a second thread, a batch ahead of the thread that writes them.

Decoding, splitting and checking rows is Python; writing them is mostly SQLite, which lets go
of the interpreter lock while it works. With the reading on its own thread, the two overlap.
The writer still decides everything that needs the store (duplicates, merges); the reader only
turns rows into candidates, and precomputes the row a new customer would get.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from desktop_app.errors import Cancelled
from desktop_app.importing.records import Rejection, is_blank

AHEAD = 4  # batches read ahead: bounds the memory held between the two threads
# How often a thread that holds the interpreter lock is asked to let the other one run. The
# default (5 ms) would leave the writer waiting that long after every SQLite call it makes.
SWITCH_INTERVAL = 0.0005


@dataclass(frozen=True)
class Batch:
    numbers: list[int]  # data row numbers (blank rows not counted)
    items: list  # Candidate | Rejection per row
    inserts: list  # the new-customer row per candidate (None for a rejection)
    blank_rows: int  # blank rows seen so far
    position: int  # how far into the file (bytes or rows), for progress


class _End:
    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error


class RowFeed:
    """Yields :class:`Batch` es read by a background thread from *rows*.

    *read* turns (numbers, rows) into outcomes; *insert_row* gives a candidate's new-customer
    row. Stops early after *limit* data rows. Use as a context manager: leaving it stops the
    reader (a cancel or an error on the writer's side).
    """

    def __init__(self, rows: Callable[[], Iterator[list]], read: Callable, insert_row: Callable,
                 *, batch_rows: int, limit: int | None = None,
                 position: Callable[[], int] = lambda: 0) -> None:
        self._rows = rows
        self._read = read
        self._insert_row = insert_row
        self._batch_rows = batch_rows
        self._limit = limit
        self._position = position
        self._queue: queue.Queue = queue.Queue(maxsize=AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="import-reader", daemon=True)

    def __enter__(self) -> RowFeed:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        while self._thread.is_alive():  # unblock a reader waiting on a full queue
            with suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self._thread.join()

    def __iter__(self) -> Iterator[Batch]:
        while True:
            item = self._queue.get()
            if isinstance(item, _End):
                if item.error is not None:
                    raise item.error
                return
            yield item

    def _put(self, item: object) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
                return
            except queue.Full:
                continue
        raise Cancelled()

    def _run(self) -> None:
        try:
            self._feed()
        except Cancelled:
            return
        except BaseException as exc:  # handed to the writer, which raises it
            self._put_end(exc)
            return
        self._put_end(None)

    def _put_end(self, error: BaseException | None) -> None:
        with suppress(Cancelled):
            self._put(_End(error))

    def _feed(self) -> None:
        numbers: list[int] = []
        rows: list[list] = []
        number = blank = 0
        limit = self._limit
        for cells in self._rows():
            if self._stop.is_set():
                raise Cancelled()
            if is_blank(cells):
                blank += 1
                continue
            number += 1
            numbers.append(number)
            rows.append(cells)
            if len(rows) >= self._batch_rows or (limit is not None and number >= limit):
                self._put(self._batch(numbers, rows, blank))
                numbers, rows = [], []
            if limit is not None and number >= limit:
                break
        self._put(self._batch(numbers, rows, blank))  # the rest, and the blank-row count

    def _batch(self, numbers: list[int], rows: list[list], blank: int) -> Batch:
        items = self._read(numbers, rows)
        insert_row = self._insert_row
        inserts = [None if item.__class__ is Rejection else insert_row(item) for item in items]
        return Batch(numbers, items, inserts, blank, self._position())


@contextmanager
def quick_switching() -> Iterator[None]:
    """Let two busy threads take turns often, for the length of an import."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(before)
