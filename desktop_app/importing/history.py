"""The import history the owner sees, and undo (last import, or any batch nothing later touched)."""

from __future__ import annotations

from sqlite_utils import Database

from desktop_app.changes import Changes
from desktop_app.errors import AppError
from storage import audit
from storage import imports as store
from storage.imports import ImportBatch, UndoRefused


def list_imports(db: Database, *, limit: int = 500) -> list[ImportBatch]:
    """Finished imports, newest first."""
    return store.batches(db, limit=limit)


def undo_import(db: Database, batch_id: int) -> tuple[dict[str, int], Changes]:
    """Restore every row import *batch_id* touched to its state before that import.

    :raises AppError: when the batch is unknown, already undone, or a later import touched the
        same rows.
    """
    try:
        with db.atomic():
            batch = store.get_batch(db, batch_id)
            counts = store.undo_batch(db, batch_id)
            audit.record(db, "import_undone", entity="import", entity_id=batch_id, detail=counts)
    except UndoRefused as exc:
        raise AppError(str(exc), "See File → Import history for what can be undone.") from exc
    kind = batch.kind if batch else "customers"
    return counts, Changes(customers=kind == "customers", products=kind == "products", imports=True)


def undo_last_import(db: Database) -> tuple[ImportBatch, dict[str, int], Changes]:
    """Undo the newest import that is still in place.

    :raises AppError: when there is none.
    """
    batch = store.last_undoable(db)
    if batch is None:
        raise AppError("There is no import to undo.", "")
    counts, changes = undo_import(db, batch.id)
    return batch, counts, changes
