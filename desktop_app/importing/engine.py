"""Customer import: preview (a dry run rolled back) and apply, streaming in batches, one transaction.

The same code computes the preview and the import, so what the owner approves is what happens.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from desktop_app.errors import AppError
from desktop_app.importing.customer_import import BATCH_ROWS, KEEP_ROWS, CustomerImport
from desktop_app.importing.formats import (
    PRODUCT_FORMATS,
    Mapping,
    default_mapping,
    detect_format,
    header_key,
)
from desktop_app.importing.results import ImportResult
from desktop_app.importing.tables import Table, open_table
from desktop_app.progress import TaskContext
from storage import import_speed as speed
from storage import imports as store
from storage.db import fold_wal

__all__ = ["BATCH_ROWS", "inspect_file", "mapping_for", "run_import", "settle"]


class _DryRun(Exception):
    """Raised inside the transaction to roll a preview back."""


def mapping_for(db: Database, table: Table) -> tuple[str, Mapping]:
    """The detected format and the mapping to use: the owner's remembered one, else the default."""
    fmt = detect_format(table.header, table.source)
    remembered = store.load_mapping(db, header_key(table.header))
    if remembered:
        return fmt, Mapping.from_json(remembered)
    return fmt, default_mapping(fmt, table.header)


def inspect_file(db: Database, path: Path | str) -> tuple[list[str], str, Mapping]:
    """The header, detected format and mapping of a file, without checking its rows.

    :raises AppError: when the file cannot be read.
    """
    # Only the header is read: the encoding is decided from the first megabyte, as the
    # import's first attempt decides it (run_import), not from a pass over the whole file.
    table = open_table(Path(path), whole=False)
    fmt, mapping = mapping_for(db, table)
    return table.header, fmt, mapping


def run_import(
    db: Database,
    path: Path | str,
    *,
    mapping: Mapping | None = None,
    dry_run: bool = False,
    ctx: TaskContext | None = None,
    accept_conflicts: Collection[int] | bool = (),
    keep_rows: int = KEEP_ROWS,
    limit_rows: int | None = None,
) -> ImportResult:
    """Import (or with *dry_run*, preview) the file at *path* into the store.

    Everything happens in one transaction: a failure or a cancel leaves the store exactly as it
    was. *accept_conflicts* names the data rows (or True for all) whose changes to fields the
    owner edited by hand may be written. *limit_rows* stops after that many data rows (a quick
    first page of a preview).

    :raises AppError: when the file cannot be read or has no usable column.
    :raises Cancelled: when *ctx* was cancelled.
    """
    path = Path(path)
    options = dict(mapping=mapping, dry_run=dry_run, ctx=ctx, accept_conflicts=accept_conflicts,
                   keep_rows=keep_rows, limit_rows=limit_rows)
    try:
        # Reading the whole file to check that it is UTF-8 would come before everything else
        # (20 ms per 100,000 rows); its first megabyte decides, and the rest is checked as read.
        return _run_import(db, open_table(path, whole=False), **options)
    except UnicodeDecodeError:
        # It was not UTF-8 after all, further on: nothing was written (one transaction).
        # Decide the encoding from all of it and start again.
        return _run_import(db, open_table(path), **options)


def _run_import(
    db: Database,
    table: Table,
    *,
    mapping: Mapping | None,
    dry_run: bool,
    ctx: TaskContext | None,
    accept_conflicts: Collection[int] | bool,
    keep_rows: int,
    limit_rows: int | None,
) -> ImportResult:
    path = table.path
    fmt, remembered = mapping_for(db, table)
    if fmt in PRODUCT_FORMATS:
        from desktop_app.importing.products import import_products

        return import_products(db, table, fmt, dry_run=dry_run, ctx=ctx)
    chosen = mapping or remembered
    if not chosen.usable():
        raise AppError(
            f"{path.name} has no column Fondly can use: no e-mail or phone column was found.",
            "Name a column “Email” or “Phone”, or choose the columns in the import dialog.",
        )
    result = ImportResult(
        file_name=path.name, format=fmt, encoding=table.encoding, delimiter=table.delimiter,
        sheet=table.sheet, header_row=table.header_row, header=table.header, dry_run=dry_run,
        mapping=chosen,
    )
    job = CustomerImport(db, table, chosen, result, ctx=ctx, accept=accept_conflicts,
                         keep_rows=keep_rows, limit_rows=limit_rows)
    try:
        with (collector_paused(), speed.larger_cache(db), speed.checked_by_caller(db),
              speed.checkpoint_later(db), db.atomic()):
            job.run()
            if mapping is not None and not dry_run and mapping != default_mapping(fmt, table.header):
                store.save_mapping(db, header_key(table.header), mapping.to_json())
            if dry_run:
                raise _DryRun()
    except _DryRun:
        result.batch_id = None
    return result


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the length of an import (a reading process forked
    meanwhile inherits that).

    An import allocates millions of tuples and strings that die young, and the collector
    walks the young generation every 700 allocations and, now and then, every object
    alive: 20 % of the reading process's time and 7 % of the import's. The import makes no
    reference cycles row by row, so memory does not grow meanwhile; whatever cycles it leaves
    are collected when the collector is back.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def settle(db: Database) -> None:
    """Fold what an import left in the write-ahead log into the database file.

    Imports defer that copy (``storage.import_speed.checkpoint_later``) so the owner does not wait
    for it; call this once they have their result.
    """
    fold_wal(db)


