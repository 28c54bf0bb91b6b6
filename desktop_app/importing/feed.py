"""A file's rows as checked batches: read here, or for a big text file, in a second process.

Decoding, splitting and checking rows is Python; a second thread would only take turns with
the writer for the interpreter lock, so a big file is read by a child process instead, on the
other core, a few batches ahead of the writer. The writer still decides everything that needs
the store (duplicates, merges); the reader only turns rows into candidates and precomputes the
row a new customer would get.
"""

from __future__ import annotations

import gc
import marshal
import multiprocessing
import os
import pickle
import sys
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import partial
from itertools import islice
from pathlib import Path

from desktop_app.errors import AppError
from desktop_app.importing.birthdays import slash_order
from desktop_app.importing.columns import ColumnReader, collect
from desktop_app.importing.formats import Mapping
from desktop_app.importing.merging import WIDTH, candidate_from_row, new_customer
from desktop_app.importing.records import Candidate, Rejection, RowReader, is_blank
from desktop_app.importing.tables import Table, open_table, reopen_text

# Text files at least this big are read in a child process (smaller ones are over before a
# process would have started).
CHILD_MIN_BYTES = 2_000_000
PIPE_BYTES = 1 << 20
# The reading process reads, checks and sends this many rows at a time, fewer than a batch: the
# rows in hand then stay in the processor's cache. Reading 100,000 rows alone: 0.56 s at 250,
# 0.65 s at 1,000, 0.85 s at 4,000 (medians of 8–10 runs). The writer joins them into batches.
PIECE_ROWS = 250


@dataclass(frozen=True)
class FeedPlan:
    """What the reader needs to know (picklable: it is handed to the child process)."""

    path: Path
    mapping: Mapping
    source: str  # the consent source written on new customers
    now: str
    batch_rows: int = 1000
    limit: int | None = None  # stop after this many data rows (a preview's first page)
    encoding: str | None = None  # of a text file, as found when it was opened


@dataclass(frozen=True)
class Batch:
    """Checked rows, a list per field: few objects to send from the reading process, and
    whole runs of plain rows can be written with a list slice."""

    numbers: list[int]  # data row numbers (blank rows are not counted)
    keys: list  # identity key per row (None for a rejected row)
    inserts: list  # the new-customer rows, flat: WIDTH values per row (merging.NEW_COLUMNS;
    # None for a rejected row)
    birthday_texts: list[str]  # the birthday cell per row (for messages)
    specials: dict  # row index → the Rejection, or the Candidate that has warnings
    blank_rows: int  # blank rows seen so far
    position: int  # how far into the file (bytes or rows), for progress

    def item(self, index: int) -> Candidate | Rejection:
        """The outcome of the row at *index*, as the row reader gave it."""
        special = self.specials.get(index)
        if special is not None:
            return special
        return candidate_from_row(self.numbers[index], self.keys[index],
                                  self.inserts[index * WIDTH:(index + 1) * WIDTH],
                                  self.birthday_texts[index])


def read_batches(plan: FeedPlan, table: Table) -> Iterator[Batch]:
    """The rows of *table*, read and checked a batch at a time, in this process."""
    reader = RowReader(plan.mapping)
    reader.decide_slash_order = partial(_column_slash_order, table, plan.mapping)
    fast = ColumnReader.reader_for(reader)
    insert_row = partial(new_customer, source=plan.source, now=plan.now)

    def batch(numbers: list[int], rows: list[list], blank: int) -> Batch:
        if fast is not None:
            lists = fast.read_batch(numbers, rows, source=plan.source, now=plan.now)
        else:
            lists = collect((reader.read(n, c) for n, c in zip(numbers, rows, strict=True)),
                            insert_row)
        return Batch(numbers, *lists, blank, table.position())

    if plan.limit is not None:  # a preview's first page: row by row, up to the limit
        numbers: list[int] = []
        rows: list[list] = []
        blank = 0
        for cells in table.open_rows():
            if is_blank(cells):
                blank += 1
                continue
            numbers.append(len(numbers) + 1)
            rows.append(cells)
            if len(rows) >= plan.limit:
                break
        yield batch(numbers, rows, blank)
        return
    number = blank = 0
    source = table.open_rows()
    while chunk := list(islice(source, plan.batch_rows)):
        try:  # a blank row's cells join to nothing but spaces (the fast path: text cells)
            rows = [cells for cells in chunk if "".join(cells).strip()]
        except TypeError:
            rows = [cells for cells in chunk if not is_blank(cells)]
        blank += len(chunk) - len(rows)
        if rows:
            yield batch(list(range(number + 1, number + len(rows) + 1)), rows, blank)
            number += len(rows)
    yield batch([], [], blank)  # the final blank-row count


def _column_slash_order(table: Table, mapping: Mapping) -> str:
    # Slash dates are ambiguous row by row; the column decides (rule 12). Only files that hold
    # slash dates pay for this second pass over the birthday column.
    column = RowReader(mapping)
    return slash_order(column.cell(cells, "birthday") for cells in table.open_rows())


def open_feed(plan: FeedPlan, table: Table):
    """The batches of *table*: from a child process for a big text file, else read here.

    Use as a context manager; leaving it early (a cancel, an error) stops the reading. A child's
    feed yields None before it would wait for the next batch, so the writer can use the pause.
    """
    if table.source == "csv" and plan.limit is None and table.size_hint >= CHILD_MIN_BYTES:
        return ChildFeed(replace(plan, encoding=table.encoding),
                         fallback=partial(read_batches, plan, table))
    return _LocalFeed(read_batches(plan, table))


class _LocalFeed:
    def __init__(self, batches: Iterator[Batch]) -> None:
        self._batches = batches

    def __enter__(self) -> Iterator[Batch]:
        return self._batches

    def __exit__(self, *exc) -> None:
        self._batches.close()  # type: ignore[attr-defined]


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def _start_method() -> str:
    # fork is immediate and safe here: the child only reads a file and writes to a pipe. Where
    # fork is not offered (Windows) or not safe (macOS system frameworks), a fresh interpreter.
    return "fork" if sys.platform.startswith("linux") else "spawn"


class ChildFeed:
    """Batches read by a child process and sent through a pipe (whose buffer bounds how far
    ahead the child gets)."""

    def __init__(self, plan: FeedPlan, *, fallback: Callable[[], Iterator[Batch]]) -> None:
        self._fallback = fallback
        self._local: Iterator[Batch] | None = None
        self._batch_rows = plan.batch_rows
        context = multiprocessing.get_context(_start_method())
        self._receive, self._send = context.Pipe(duplex=False)
        _widen(self._send)
        self._process = context.Process(target=_child,
                                        args=(self._send, replace(plan, batch_rows=PIECE_ROWS)),
                                        name="fondly-import-reader", daemon=True)
        self._finished = False

    def __enter__(self) -> Iterator[Batch]:
        try:
            self._process.start()
        except OSError:  # no process to be had (limits, a locked-down machine): read here
            self._send.close()
            self._local = self._fallback()
            return self._local
        self._send.close()  # the child holds the writing end now
        return self._batches()

    def __exit__(self, *exc) -> None:
        if self._local is not None:
            self._local.close()  # type: ignore[attr-defined]
            self._receive.close()
            return
        if self._finished:  # it said its last word: let it end by itself
            self._process.join(timeout=5)
        if self._process.is_alive():  # stopped early (a cancel, an error here)
            self._process.terminate()
        self._process.join()
        self._receive.close()

    def _batches(self) -> Iterator[Batch | None]:
        """The pieces the child sends, joined into batches of about ``batch_rows`` rows (fewer
        when no more has come yet: the writer is not kept waiting for a full batch)."""
        held: list[Batch] = []
        rows = 0
        while True:
            if not self._receive.poll():
                if held:
                    yield _joined(held)
                    held, rows = [], 0
                yield None  # nothing to take yet: the writer may do other work meanwhile
            try:
                message = pickle.loads(self._receive.recv_bytes())
            except EOFError:
                raise AppError("The file could not be read to the end: its reader stopped.",
                               "Try the import again.") from None
            if message is None or isinstance(message, _Failure):
                self._finished = True
                if held:
                    yield _joined(held)
            if message is None:
                return
            if isinstance(message, _Failure):
                raise message.error
            piece = _unpacked(message)
            held.append(piece)
            rows += len(piece.numbers)
            if rows >= self._batch_rows:
                yield _joined(held)
                held, rows = [], 0


def _packed(batch: Batch) -> bytes:
    """A batch as bytes for the pipe: the lists of plain values by ``marshal`` (0.08 s per
    100,000 rows where pickle takes 0.14 s, on the reading side, which sets the pace), the
    few rows with an outcome of their own by pickle."""
    lists = (batch.numbers, batch.keys, batch.inserts, batch.birthday_texts)
    return pickle.dumps((marshal.dumps(lists), batch.specials, batch.blank_rows, batch.position),
                        pickle.HIGHEST_PROTOCOL)


def _unpacked(message: tuple) -> Batch:
    lists, specials, blank_rows, position = message
    return Batch(*marshal.loads(lists), specials, blank_rows, position)


def _joined(pieces: list[Batch]) -> Batch:
    """One batch of *pieces*' rows, in order."""
    if len(pieces) == 1:
        return pieces[0]
    numbers: list[int] = []
    keys: list = []
    inserts: list = []
    texts: list[str] = []
    specials: dict = {}
    for piece in pieces:
        offset = len(numbers)
        specials.update({offset + index: item for index, item in piece.specials.items()})
        numbers += piece.numbers
        keys += piece.keys
        inserts += piece.inserts
        texts += piece.birthday_texts
    last = pieces[-1]
    return Batch(numbers, keys, inserts, texts, specials, last.blank_rows, last.position)


def _widen(connection) -> None:
    """Let the pipe hold a whole batch or more (Linux's default, 64 KiB, is a third of one):
    fewer waits on each side."""
    if sys.platform.startswith("linux"):
        import fcntl  # not on Windows

        with suppress(OSError):  # a lower system limit: the default size works, a little slower
            fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _child(send, plan: FeedPlan) -> None:
    """The child process: read the file, send batches, then None (or the failure)."""
    # A forked reader inherits the importer's paused collector (engine.collector_paused); a
    # spawned one is a fresh interpreter. It makes no reference cycles and lives as long as
    # the import: the collector would only cost time.
    gc.disable()
    try:
        table = reopen_text(plan.path, plan.encoding) if plan.encoding else open_table(plan.path)
        for batch in read_batches(plan, table):
            send.send_bytes(_packed(batch))
        send.send_bytes(pickle.dumps(None))
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the writer
        try:
            message = pickle.dumps(_Failure(exc))
        except Exception:  # noqa: BLE001 - an error that does not pickle: say it in words
            message = pickle.dumps(_Failure(AppError(str(exc))))
        send.send_bytes(message)
    finally:
        send.close()
    # Leave without the interpreter's exit hooks: a child forked from a worker thread inherits
    # the parent's thread-pool bookkeeping, whose hook would try to join this very thread.
    os._exit(0)
