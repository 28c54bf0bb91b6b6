"""The owner's decisions on messages that did not simply go: retry, mark as sent, discard.

Also what the customer card shows: the messages sent (or waiting) for one customer.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from desktop_app.changes import Changes
from desktop_app.outbox_pause import clear_pause
from storage import audit, outbox
from storage.outbox import OutboxRow
from storage.timestamps import utc_now_iso

_ACTIONS = {
    "retry": outbox.retry,
    "mark_sent": outbox.mark_sent_by_owner,
    "discard": outbox.discard,
}


def decide(db: Database, *, action: str, ids: Iterable[int]) -> tuple[int, Changes]:
    """Apply *action* ("retry", "mark_sent", "discard") to *ids*; returns how many moved.

    Rows not in a state the action applies to are left alone (e.g. one already sent).
    """
    move = _ACTIONS[action]
    now = utc_now_iso()
    moved = 0
    with db.atomic():
        for outbox_id in ids:
            if move(db, outbox_id, now=now):
                moved += 1
                audit.record(db, f"outbox_{action}", entity="outbox", entity_id=outbox_id, at=now)
    return moved, Changes(outbox=True, drafts=True) if moved else Changes()


def resume_sending(db: Database) -> Changes:
    """Lift a pause (after the owner fixed the password or the server settings)."""
    return Changes(outbox=True) if clear_pause(db) else Changes()


def sent_to_customer(db: Database, customer_id: int, *, limit: int = 50) -> list[OutboxRow]:
    """For the customer card: every message to this customer, newest first, with its state."""
    return outbox.for_customer(db, customer_id, limit=limit)
